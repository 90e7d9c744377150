"""二调 DLTB: detection and a land-use summary that closes on ΣTBMJ (domain.md §9)."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.landuse import landuse_summary
from sg_nr_plugin.core.stats.totals import UnrecognisedCodesError
from sg_nr_plugin.core.survey2 import SECOND, THIRD, detect_survey, second_code
from tests.stats.helpers import write_gpkg
from tests.stats.survey2_helpers import CONTROL, COUNTY, EXPECTED, second_layer


def rows(frame) -> dict[str, float]:
    return {row.dlbm: row.area_m2 for row in frame.itertuples() if row.region_code == COUNTY}


@pytest.mark.parametrize("numeric", [False, True, "double"])
def test_second_survey_summary_closes_on_tbmj(qgis_app, numeric):
    frame = landuse_summary(second_layer(numeric=numeric), RegionSpec(level=RegionLevel.COUNTY))
    assert rows(frame) == pytest.approx(EXPECTED)
    assert frame.area_m2.sum() == pytest.approx(CONTROL)
    names = dict(zip(frame.dlbm, frame.dlmc))
    assert names["XZDW"] == "线状地物" and names["LXDW"] == "零星地物"
    assert names["123"] == "田坎" and names["031"] == "有林地"
    notes = " ".join(frame.attrs["meta"].notes)
    assert "二调" in notes and "XZDW" in notes
    assert frame.attrs["survey"] == SECOND


def test_second_survey_in_a_geopackage_is_not_summed_in_sql(qgis_app, tmp_path):
    layer = write_gpkg(second_layer(), tmp_path / "erdiao.gpkg")
    frame = landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY))
    assert rows(frame) == pytest.approx(EXPECTED)
    assert frame.area_m2.sum() == pytest.approx(CONTROL)


def test_second_survey_without_linear_fields_shows_the_gap(qgis_app):
    """TBDLMJ excludes the linear features but the layer lacks XZDWMJ/LXDWMJ: the difference
    is its own row, named in a note, and the table still closes."""
    frame = landuse_summary(second_layer(with_linear=False), RegionSpec(level=RegionLevel.COUNTY))
    got = rows(frame)
    assert got["GAP"] == pytest.approx(92.0)
    assert "XZDW" not in got
    assert frame.area_m2.sum() == pytest.approx(CONTROL)
    notes = " ".join(frame.attrs["meta"].notes)
    assert "B0" in notes and "92.00" in notes


def test_second_survey_layer_with_a_third_survey_code(qgis_app):
    layer = second_layer()
    feature = next(layer.getFeatures())
    layer.dataProvider().changeAttributeValues({feature.id(): {2: "0101"}})
    with pytest.raises(UnrecognisedCodesError, match="0101"):  # more than 0.5 % of the area
        landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY))
    frame = landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY), allow_unrecognised=True)
    assert rows(frame)["UNRECOGNISED"] == pytest.approx(870.0)
    assert frame.area_m2.sum() == pytest.approx(CONTROL)


@pytest.mark.parametrize(("fields", "codes", "survey"), [
    (["DLBM", "TBMJ", "XZDWMJ"], ["011", "031"], SECOND),
    (["DLBM", "TBMJ"], ["011", "101", "203"], SECOND),
    (["DLBM", "TBMJ"], [11, 31, 101, 203], SECOND),          # numeric 二调
    (["DLBM", "TBMJ"], [101, 103, 301, 1001, 1203], THIRD),  # numeric 三调: 0101 → 101
    (["DLBM", "TBMJ", "KCMJ"], ["0101", "1001"], THIRD),
    (["DLBM", "TBMJ", "TKMJ"], [201, 202], SECOND),          # codes of both: the fields say
    (["DLBM", "TBMJ", "KCXS"], [201, 202], THIRD),
])
def test_detect_survey(fields, codes, survey):
    assert detect_survey(fields, codes) == survey


def test_second_code_pads_numbers():
    assert second_code(11) == "011" and second_code(11.0) == "011" and second_code(" 31 ") == "031"
    assert second_code("11.0") == "011" and second_code("203.00") == "203"
    assert second_code(101) == "101" and second_code("203") == "203"


@pytest.fixture
def processing_ready(qgis_processing, provider_registered):
    import processing

    return processing


def test_landusesummary_algorithm_and_workbook_close_on_tbmj(processing_ready, tmp_path):
    import openpyxl
    from qgis.core import QgsVectorLayer

    layer = write_gpkg(second_layer(numeric=True), tmp_path / "erdiao.gpkg")
    out, xlsx = tmp_path / "summary.gpkg", tmp_path / "summary.xlsx"
    processing_ready.run("sgnr:landusesummary", {
        "INPUT": layer, "REGION_LEVEL": 1, "UNIT": 0, "OUTPUT": str(out),
        "OUTPUT_XLSX": str(xlsx)})
    table = QgsVectorLayer(str(out), "out", "ogr")
    got = {f["dlbm"]: f["area"] for f in table.getFeatures()}
    assert got == pytest.approx(EXPECTED)
    sheet = openpyxl.load_workbook(xlsx).worksheets[0]
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    region = next(row for row in values if row[0] == COUNTY)
    assert region[2] == pytest.approx(CONTROL)  # the total column is ΣTBMJ
    headers = " ".join(str(c) for row in values[:6] for c in row if c)
    assert "线状地物" in headers and "零星地物" in headers and "123 田坎" in headers
