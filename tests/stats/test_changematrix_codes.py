"""Change matrix: DLBM stored as a number (0101 → 101) read as its 三调 code in both vintages,
unrecognised codes over 0.5 % of a vintage's area refused unless allowed (then a warning)."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.errors import SgNrError
from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.changematrix import ClassLevel, change_matrix
from sg_nr_plugin.core.stats.common import RegionSpec
from tests.stats.helpers import VILLAGE_A, memory_layer
from tests.stats.test_overlaystats import geo, r

FIELDS = "ZLDWDM:string&field=DLBM:{kind}&field=TBMJ:double"
WHOLE = RegionSpec(RegionLevel.WHOLE)
NAMES = {"base_name": "DLTB_2020", "current_name": "DLTB"}


def vintage(name: str, kind: str, codes: list):
    return memory_layer(name, FIELDS.format(kind=kind), [
        (r(100 * i, 100 * (i + 1)), [VILLAGE_A, code, 1.0]) for i, code in enumerate(codes)])


def cells(frame):
    return {(row.from_class, row.to_class): row.area_m2 for row in frame.itertuples()}


def test_numeric_codes_are_read_as_third_survey_codes(qgis_app):
    base = vintage("DLTB_2020", "integer", [101, 301])
    current = vintage("DLTB", "integer", [101, 701])
    frame = change_matrix(base, current, WHOLE, ClassLevel.SECOND, **NAMES)
    assert cells(frame) == pytest.approx({("0101", "0101"): geo(0, 100),
                                          ("0301", "0701"): geo(100, 200)}, abs=0.01)
    notes = frame.attrs["meta"].notes
    assert any("DLBM of “DLTB_2020” is stored as a number: 2 code(s)" in n for n in notes)
    assert any("DLBM of “DLTB” is stored as a number: 2 code(s)" in n for n in notes)


def test_unrecognised_codes_are_refused_or_reported(qgis_app):
    base = vintage("DLTB_2020", "string", ["0101", "0301"])
    current = vintage("DLTB", "string", ["0101", "X9"])
    with pytest.raises(SgNrError, match=r"Layer “DLTB”: 50.00 % of the area .* X9 \(1, "):
        change_matrix(base, current, WHOLE, ClassLevel.SECOND, **NAMES)
    frame = change_matrix(base, current, WHOLE, ClassLevel.SECOND, allow_unrecognised=True,
                          **NAMES)
    assert cells(frame)[("0301", "UNRECOGNISED")] == pytest.approx(geo(100, 200), abs=0.01)
    assert frame.attrs["meta"].notes[0].startswith("WARNING: 50.00 % of the area of “DLTB”")


def test_unrecognised_codes_of_the_base_are_refused(qgis_app):
    base = vintage("DLTB_2020", "string", ["0101", ""])
    current = vintage("DLTB", "string", ["0101", "0301"])
    with pytest.raises(SgNrError, match=r"Layer “DLTB_2020”: 50.00 % .* ∅ \(1, "):
        change_matrix(base, current, WHOLE, ClassLevel.CATEGORY, **NAMES)


def test_allow_unrecognised_through_processing(qgis_processing, provider_registered, tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsVectorLayer

    base = vintage("DLTB_2020", "string", ["0101", "0301"])
    current = vintage("DLTB", "string", ["0101", "X9"])
    parameters = {"BASE": base, "CURRENT": current, "REGION_LEVEL": 0,
                  "OUTPUT": str(tmp_path / "cm.gpkg")}
    with pytest.raises(QgsProcessingException, match="ALLOW_UNRECOGNISED"):
        processing.run("sgnr:changematrix", parameters)
    result = processing.run("sgnr:changematrix", {**parameters, "ALLOW_UNRECOGNISED": True})
    rows = QgsVectorLayer(result["OUTPUT"], "cm", "ogr").getFeatures()
    assert "UNRECOGNISED" in {row["to_class"] for row in rows}
