"""Change matrix with a 二调 base vintage against a 三调 one: the 二调 side goes through the
crosswalk to the 三调 grouping; expected areas from pyproj.Geod."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.changematrix import ClassLevel, change_matrix, new_construction_m2
from sg_nr_plugin.core.stats.common import RegionSpec
from tests.stats.helpers import DLTB_FIELDS, VILLAGE_A, memory_layer
from tests.stats.test_overlaystats import geo, r


def base_second(numeric: bool):
    kind = "integer" if numeric else "string(8)"
    fields = (f"ZLDWDM:string(19)&field=DLBM:{kind}&field=TBMJ:double&field=TKXS:double"
              "&field=TKMJ:double&field=XZDWMJ:double&field=LXDWMJ:double&field=TBDLMJ:double")
    rows = []
    for (x1, x2), code in (((0, 100), "011"), ((100, 200), "031"), ((200, 300), "116"),
                           ((300, 400), "203")):
        rows.append((r(x1, x2), [VILLAGE_A, int(code) if numeric else code, 1.0, 0.0, 0.0,
                                 0.0, 0.0, 1.0]))
    return memory_layer("DLTB_2009", fields, rows)


def current_third():
    rows = [((0, 50), "0101"), ((50, 150), "0701"), ((150, 200), "0301"), ((200, 300), "1106"),
            ((300, 400), "0702")]
    return memory_layer("DLTB", DLTB_FIELDS, [
        (r(x1, x2), [VILLAGE_A, code, "", 1.0, 0.0, 0.0, 1.0]) for (x1, x2), code in rows])


def cells(frame):
    return {(row.from_class, row.to_class): row.area_m2 for row in frame.itertuples()}


@pytest.mark.parametrize("numeric", [False, True])
def test_second_level_through_the_crosswalk(qgis_app, numeric):
    frame = change_matrix(base_second(numeric), current_third(), RegionSpec(RegionLevel.WHOLE),
                          ClassLevel.SECOND, base_name="DLTB_2009")
    assert cells(frame) == pytest.approx({
        ("0101", "0101"): geo(0, 50), ("0101", "0701"): geo(50, 100),
        ("03", "0701"): geo(100, 150), ("03", "0301"): geo(150, 200),
        ("1106", "1106"): geo(200, 300), ("20", "0702"): geo(300, 400)}, abs=0.01)
    notes = " ".join(frame.attrs["meta"].notes)
    assert "DLTB_2009" in notes and "二调" in notes and "031" in notes


def test_first_level_puts_116_in_the_wetland_group(qgis_app):
    frame = change_matrix(base_second(False), current_third(), RegionSpec(RegionLevel.WHOLE),
                          ClassLevel.FIRST)
    got = cells(frame)
    assert got[("00", "00")] == pytest.approx(geo(200, 300), abs=0.01)
    assert got[("01", "07")] == pytest.approx(geo(50, 100), abs=0.01)
    assert got[("20", "07")] == pytest.approx(geo(300, 400), abs=0.01)


def test_categories_and_new_construction_from_a_second_survey_base(qgis_app):
    frame = change_matrix(base_second(True), current_third(), RegionSpec(RegionLevel.WHOLE),
                          ClassLevel.CATEGORY)
    got = cells(frame)
    assert got[("agricultural", "construction")] == pytest.approx(geo(50, 150), abs=0.01)
    assert got[("construction", "construction")] == pytest.approx(geo(300, 400), abs=0.01)
    assert new_construction_m2(frame) == pytest.approx({"": geo(50, 150)}, abs=0.01)
