"""Plan indicators (表1) on a hand-built layer set whose areas are known analytically."""

from __future__ import annotations

import json
from functools import partial

import pytest

from sg_nr_plugin.core.landclasses import land_classes
from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.indicator_defs import IndicatorFileError, load_indicators
from sg_nr_plugin.core.stats.indicators import IndicatorInputs, plan_indicators
from tests.stats.helpers import DLTB_FIELDS, VILLAGE_A, VILLAGE_B, memory_layer
from tests.stats.test_overlaystats import geo, r

# The hand-made fixtures hold stray codes (9999, empty) on purpose, above the 0.5 % of the
# area at which a statistic refuses them: these tests are about other things.
IndicatorInputs = partial(IndicatorInputs, allow_unrecognised=True)

WAN_MU_M2 = 1e8 / 15  # 1 万亩 = 10 000 亩 of 10 000/15 m²


def dltb():
    # (geometry, ZLDWDM, DLBM, TBMJ, KCMJ, TBDLMJ); TBMJ here is a plain number, not the
    # geometry's area: the class indicators are attribute sums.
    return memory_layer("DLTB", DLTB_FIELDS, [
        (r(0, 100), [VILLAGE_A, "0101", "", 10000.0, 0.1, 1000.0, 9000.0]),
        (r(100, 200), [VILLAGE_A, "0301", "", 20000.0, 0.0, 0.0, 20000.0]),
        (r(200, 300), [VILLAGE_B, "1106", "", 5000.0, 0.0, 0.0, 5000.0]),
        (r(300, 400), [VILLAGE_B, "0701", "", 4000.0, 0.0, 0.0, 4000.0]),
        (r(400, 500), [VILLAGE_B, "0103", "", 1000.0, 0.0, 0.0, 1000.0]),
    ])


def base():
    # In 2020 the 0701 parcel was dry land: 100 m × 100 m of new construction land.
    return memory_layer("DLTB_2020", DLTB_FIELDS, [
        (r(0, 300), [VILLAGE_A, "0103", "", 1.0, 0.0, 0.0, 1.0]),
        (r(300, 500), [VILLAGE_B, "0103", "", 1.0, 0.0, 0.0, 1.0])])


def redline():  # two overlapping pieces over x 150..250 (their union)
    return memory_layer("STBHHX", "kind:string", [(r(150, 220, -5, 105), ["a"]),
                                                  (r(200, 250, -5, 105), ["b"])])


def values(frame, region=""):
    part = frame[frame.region_code == region]
    return {row.indicator_id: row for row in part.itertuples()}


def test_dltb_only_indicators_and_not_computed(qgis_app):
    frame = plan_indicators(IndicatorInputs(dltb()), RegionSpec(RegionLevel.WHOLE))
    got = values(frame)
    assert got["cultivated_land"].value == pytest.approx(10000.0 / WAN_MU_M2)
    assert got["forest_coverage"].value == pytest.approx(20000 / 40000 * 100)
    assert got["wetland"].value == pytest.approx(5000 / 1e6)
    assert got["construction_total"].value == pytest.approx(4000 / 1e6)
    assert got["forest_coverage"].status == "未达标"  # 50 % < 75 %
    assert got["wetland"].status == "未达标"  # 0.005 km² < 365
    assert got["cultivated_land"].status == "无目标"  # provincial task, no number
    for missing in ("basic_farmland", "eco_redline", "protected_areas", "restoration_new",
                    "construction_new", "urban_renewal", "green_mines"):
        row = got[missing]
        assert row.status == "未计算" and row.reason, missing
        assert row.value != row.value or row.value is None  # NaN/None, never 0
    label = land_classes().named_set("cultivated").name_en  # the set as the report names it
    assert "0101" in frame.attrs["meta"].class_sets[label]


def test_layer_indicators_by_county(qgis_app):
    mines = memory_layer("KQ", "SFLSKS:string", [(r(0, 10), ["是"]), (r(20, 30), ["否"]),
                                                 (r(40, 50), ["是"]), (r(60, 70), ["是"])])
    inputs = IndicatorInputs(dltb(), base=base(), layers={
        "ECO_REDLINE": (redline(), "STBHHX"), "BASIC_FARMLAND": (
            memory_layer("YJJBNT", "", [(r(0, 50, -5, 105), [])]), "YJJBNT"),
        "MINING_RIGHTS": (mines, "KQ")})
    frame = plan_indicators(inputs, RegionSpec(RegionLevel.COUNTY))
    a, b, total = values(frame, "440203"), values(frame, "440204"), values(frame)
    assert a["eco_redline"].value == pytest.approx(geo(150, 200) / 1e6, abs=1e-8)
    assert b["eco_redline"].value == pytest.approx(geo(200, 250) / 1e6, abs=1e-8)
    assert total["eco_redline"].value == pytest.approx(geo(150, 250) / 1e6, abs=1e-8)
    # basic farmland is net of ridges: half of parcel 1's TBDLMJ (ellipsoidal share)
    expected = 9000.0 * geo(0, 50) / geo(0, 100) / WAN_MU_M2
    assert total["basic_farmland"].value == pytest.approx(expected, rel=1e-9)
    assert total["construction_new"].value == pytest.approx(geo(300, 400) / 1e6, abs=1e-8)
    assert b["construction_new"].value == pytest.approx(geo(300, 400) / 1e6, abs=1e-8)
    assert total["green_mines"].value == pytest.approx(75.0)
    assert total["protected_areas"].status == "未计算"
    assert total["green_mines"].status == "未达标"
    assert a["green_mines"].status == "未计算"
    assert a["forest_coverage"].status == "无目标"  # targets are city-wide


def test_targets_file_is_validated(tmp_path):
    data = json.loads(_bundled().read_text(encoding="utf-8"))
    data["indicators"][0]["unit"] = "furlong"
    path = tmp_path / "targets.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(IndicatorFileError, match="cultivated_land.*unit"):
        load_indicators(path)


def test_targets_file_changes_targets(qgis_app, tmp_path):
    data = json.loads(_bundled().read_text(encoding="utf-8"))
    for entry in data["indicators"]:
        if entry["id"] == "forest_coverage":
            entry["target_2025"] = 40
    path = tmp_path / "targets.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    frame = plan_indicators(IndicatorInputs(dltb()), RegionSpec(RegionLevel.WHOLE),
                            load_indicators(path))
    assert values(frame)["forest_coverage"].status == "达标"


def test_bundled_table1_figures():
    table = load_indicators()
    assert table.by_id("cultivated_land").baseline_2020 == 306
    assert table.by_id("eco_redline").target_2025 == 5865.26
    assert table.by_id("forest_coverage").target_2025 == 75
    assert table.by_id("construction_total").baseline_2020 == 718.50
    assert table.by_id("green_mines").target_2025 == 100


def _bundled():
    from sg_nr_plugin.paths import resource_path
    return resource_path("data", "indicators.json")


def test_protected_restoration_and_urban_renewal(qgis_app):
    def one(name, x1, x2):
        return memory_layer(name, "", [(r(x1, x2, -5, 105), [])]), name

    inputs = IndicatorInputs(dltb(), layers={
        "PROTECTED_AREAS": one("ZRBHD", 120, 160), "RESTORATION": one("XF", 250, 330),
        "URBAN_RENEWAL": one("SJGZ", 330, 345)})
    total = values(plan_indicators(inputs, RegionSpec(RegionLevel.WHOLE)))
    assert total["protected_areas"].value == pytest.approx(geo(120, 160) / 1e6, abs=1e-9)
    assert total["restoration_new"].value == pytest.approx(geo(250, 330) / 1e6, abs=1e-9)
    assert total["urban_renewal"].value == pytest.approx(geo(330, 345) * 15 / 1e4, abs=1e-6)
    assert total["urban_renewal"].unit == "亩"
    assert total["protected_areas"].status == "未达标"  # 0.004 km² < the 4144 km² target


def test_only_producing_mines_and_completed_renewal_count(qgis_app):
    mines = memory_layer("CKQ", "SCZT:string&field=LSKS:string", [
        (r(0, 10), ["生产", "是"]), (r(20, 30), ["生产", "否"]),
        (r(40, 50), ["关闭", "否"]), (r(60, 70), ["关闭", "否"])])
    renewal = memory_layer("SJGZ", "ZT:string", [
        (r(300, 340, -5, 105), ["已完成"]), (r(340, 400, -5, 105), ["实施中"])])
    inputs = IndicatorInputs(dltb(), layers={"MINING_RIGHTS": (mines, "CKQ"),
                                             "URBAN_RENEWAL": (renewal, "SJGZ")})
    frame = plan_indicators(inputs, RegionSpec(RegionLevel.WHOLE))
    total = values(frame)
    assert total["green_mines"].value == pytest.approx(50.0)  # 1 of 2 producing mines
    assert total["urban_renewal"].value == pytest.approx(geo(300, 340) * 15 / 1e4, abs=1e-6)
    assert any("SJGZ" in note and "ZT" in note for note in frame.attrs["meta"].notes)
