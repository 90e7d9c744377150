"""Legacy-mine and mining-right layers as delivered: the national 历史遗留矿山核查 schema
(hfzlqk, tbhdmj, sdzlmj… in lower case), provincial spellings and text values, and the
ministry register's single 有效期限 column. Expected areas come from pyproj.Geod (helpers);
rates are worked out by hand from the rectangles."""

from __future__ import annotations

from datetime import date

import pytest

from sg_nr_plugin.core.checks.mine_fields import (
    LEGACY_ALIASES,
    RIGHTS_ALIASES,
    end_date,
    is_producing,
    is_true,
    map_fields,
    normalise_mode,
    parse_date,
    start_date,
)
from sg_nr_plugin.core.errors import MissingFieldsError
from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.minestats import mine_stats
from tests.checks.helpers import close, layer, rect_area, rect_wkt
from tests.checks.test_mine import by_rule, check, mine_projects
from tests.reliability.helpers import WarningLog

COUNTY = RegionSpec(level=RegionLevel.COUNTY)
# Planar: treated 2 × 100 m × 259 m = 51 800 m², untreated 100 m × 482 m = 48 200 m²:
# 51 800 ÷ 100 000 = 51.8 % (the ellipsoidal areas differ from the planar ones by the same
# scale factor to within 1e-7 here, so the rate stays 51.8 %).
TREATED = [(0, 0, 100, 259), (200, 0, 300, 259)]
UNTREATED = [(400, 0, 500, 482)]


def legacy(rows, fields):
    """Legacy parcels ``(rect, attributes)`` with the given field types."""
    return layer("LSYLKS", [(rect_wkt(*rect), attrs) for rect, attrs in rows], fields)


def national(status_values=("B", "B", "A")):
    """The national check schema as delivered: lower-case pinyin names, A/B codes."""
    fields = {"tbbh": str, "xzqdm": str, "tbdl": str, "hfzlqk": str, "tbhdmj": float,
              "sdzlmj": float, "nxffs": str, "nxfsjd": str, "kcfs": str}
    rows = [(rect, {"tbbh": f"LS{i}", "xzqdm": "440205", "tbdl": "10", "hfzlqk": value,
                    "tbhdmj": float((rect[2] - rect[0]) * (rect[3] - rect[1])),
                    "sdzlmj": 0.0, "nxffs": "3", "nxfsjd": "A", "kcfs": "A"})
            for i, (rect, value) in enumerate(zip(TREATED + UNTREATED, status_values))]
    return legacy(rows, fields)


def test_national_schema_restoration_rate_is_51_8_percent(qgis_app):
    feedback = WarningLog()
    stats = mine_stats(national(), COUNTY, feedback=feedback)
    [row] = list(stats.frame.itertuples())
    treated = sum(rect_area(*r) for r in TREATED)
    total = treated + rect_area(*UNTREATED[0])
    assert close(row.treated_m2, treated) and close(row.legacy_m2, total)
    assert close(row.untreated_m2, rect_area(*UNTREATED[0]), rel=1e-6)
    assert round(row.restoration_rate_pct, 1) == 51.8
    assert close(row.restoration_rate_pct, 100 * treated / total, rel=1e-9)
    assert row.unknown_status_m2 == 0 and not feedback.warnings
    assert any("hfzlqk" in note for note in stats.meta.notes)


@pytest.mark.parametrize("names", [
    {"status": "HFZLQK", "verified": "TBHDMJ", "done": "SDZLMJ"},  # provincial upper case
    {"status": "恢复治理情况", "verified": "图斑核定面积", "done": "已治理面积"},  # Chinese
])
def test_provincial_text_values_and_partly_treated_parcel(qgis_app, names):
    # 完全修复 and 已恢复治理 are treated; 部分修复 with 已治理面积 = ¼ of its verified area
    # counts a quarter of its measured area; 未治理 is untreated.
    rows = [((0, 0, 100, 100), "完全修复", 10000.0, 10000.0),
            ((200, 0, 300, 100), "已恢复治理", 10000.0, 10000.0),
            ((400, 0, 600, 100), "部分修复", 20000.0, 5000.0),
            ((700, 0, 800, 100), "未治理", 10000.0, 0.0)]
    fields = {"XZQDM": str, names["status"]: str, names["verified"]: float,
              names["done"]: float}
    layer_ = legacy([(rect, {"XZQDM": "440205", names["status"]: value,
                             names["verified"]: verified, names["done"]: done})
                     for rect, value, verified, done in rows], fields)
    stats = mine_stats(layer_, COUNTY)
    [row] = list(stats.frame.itertuples())
    areas = [rect_area(*rect) for rect, *_ in rows]
    treated = areas[0] + areas[1] + 0.25 * areas[2]
    assert close(row.treated_m2, treated)
    assert close(row.untreated_m2, 0.75 * areas[2] + areas[3], rel=1e-6)
    assert close(row.restoration_rate_pct, 100 * treated / sum(areas), rel=1e-9)
    # by hand: (1 + 1 + 0.5) ÷ 5 parcels of 100 m × 100 m = 50 %
    assert round(row.restoration_rate_pct, 1) == 50.0


def test_unknown_treatment_status_is_counted_apart_and_warned(qgis_app):
    feedback = WarningLog()
    stats = mine_stats(national(("B", "治理好了", "治理好了")), COUNTY,
                       names={"LEGACY_MINES": "核查图斑"}, feedback=feedback)
    [row] = list(stats.frame.itertuples())
    unknown = rect_area(*TREATED[1]) + rect_area(*UNTREATED[0])
    assert close(row.unknown_status_m2, unknown) and close(row.treated_m2, rect_area(*TREATED[0]))
    assert row.untreated_m2 == pytest.approx(0.0, abs=1e-6)
    assert row.restoration_rate_pct is None or row.restoration_rate_pct != row.restoration_rate_pct
    [warning] = [w for w in feedback.warnings if "not in the vocabulary" in w]
    assert "核查图斑" in warning and "hfzlqk" in warning and "“治理好了” ×2" in warning
    assert warning in stats.meta.notes


def test_partly_treated_parcel_without_treated_area_is_unknown(qgis_app):
    feedback = WarningLog()
    layer_ = legacy([((0, 0, 100, 100), {"TBBH": "LS1", "XZQDM": "440205", "HFZLQK": "B"}),
                     ((200, 0, 300, 100), {"TBBH": "LS2", "XZQDM": "440205",
                                           "HFZLQK": "部分修复"})],
                    {"TBBH": str, "XZQDM": str, "HFZLQK": str, "SDZLMJ": float})
    stats = mine_stats(layer_, COUNTY, feedback=feedback)
    [row] = list(stats.frame.itertuples())
    assert close(row.unknown_status_m2, rect_area(200, 0, 300, 100))
    assert close(row.treated_m2, rect_area(0, 0, 100, 100))
    assert row.restoration_rate_pct is None or row.restoration_rate_pct != row.restoration_rate_pct
    [warning] = feedback.warnings
    assert "LS2" in warning and "SDZLMJ" in warning


def test_legacy_layer_without_a_treatment_status_is_refused(qgis_app):
    layer_ = legacy([((0, 0, 100, 100), {"tbbh": "LS1", "xzqdm": "440205"})],
                    {"tbbh": str, "xzqdm": str})
    with pytest.raises(MissingFieldsError) as error:
        mine_stats(layer_, COUNTY, names={"LEGACY_MINES": "核查图斑"})
    assert "恢复治理情况 / hfzlqk" in str(error.value) and "zlzt" not in str(error.value)


def test_non_legacy_major_classes_are_named(qgis_app):
    feedback = WarningLog()
    layer_ = national()
    layer_.startEditing()
    feature = next(layer_.getFeatures())
    layer_.changeAttributeValue(feature.id(), layer_.fields().indexOf("tbdl"), "30")
    layer_.commitChanges()
    mine_stats(layer_, COUNTY, feedback=feedback)
    assert any("major class 10" in w and "tbdl" in w for w in feedback.warnings)


# ---- mining rights --------------------------------------------------------------------------
RANGES = ["2015-01-01至2028-12-31", "2015.01.01-2028.12.31", "2015年1月1日至2028年12月31日"]


@pytest.mark.parametrize("value", RANGES + ["20150101-20281231", "2015/1/1 ~ 2028/12/31"])
def test_validity_range_start_and_end(value):
    assert start_date(value) == date(2015, 1, 1) and end_date(value) == date(2028, 12, 31)
    assert parse_date(value) is None  # a range is not one date


def test_month_precision_range():
    assert start_date("2015年1月至2028年2月") == date(2015, 1, 1)
    assert end_date("2015年1月至2028年2月") == date(2028, 2, 29)


def test_single_dates_still_read():
    assert end_date("2028-12-31 00:00:00") == date(2028, 12, 31)
    assert parse_date("2028/12/31") == date(2028, 12, 31) and end_date("2028-02-30") is None


@pytest.mark.parametrize("value", RANGES)
def test_ministry_register_with_one_validity_column(qgis_app, value):
    """有效期限 only (no 有效期止): the right runs to 2028, so at the check date (2024-06-30)
    it is valid: an error on the project, not an expired-right warning."""
    parcels = mine_projects([("P", (0, 0, 200, 100), "生态重建")])
    rights = layer("CKQ", [(rect_wkt(0, 0, 50, 100), {"许可证号": "C1", "有效期限": value}),
                           (rect_wkt(100, 0, 150, 100),
                            {"许可证号": "C2", "有效期限": "2010-01-01至2020-12-31"})],
                   {"许可证号": str, "有效期限": str})
    _, results = check(parcels, MINING_RIGHTS=rights)
    findings = by_rule(results["P"], "mining_right_valid")
    valid = [f for f in findings if f.severity == "error"]
    expired = [f for f in findings if f.severity != "error"]
    assert len(valid) == 1 and "C1 → 2028-12-31" in valid[0].message_en
    assert close(valid[0].area_m2, rect_area(0, 0, 50, 100))
    assert len(expired) == 1 and "C2 → 2020-12-31" in expired[0].message_en


def test_range_mapped_by_hand_to_the_end_field(qgis_app):
    """A technician renamed 有效期限 to YXQZ: the end of the range is the end date."""
    parcels = mine_projects([("P", (0, 0, 200, 100), "生态重建")])
    rights = layer("CKQ", [(rect_wkt(0, 0, 50, 100), {"XKZH": "C1", "YXQZ": RANGES[0]})],
                   {"XKZH": str, "YXQZ": str})
    _, results = check(parcels, MINING_RIGHTS=rights)
    [valid] = by_rule(results["P"], "mining_right_valid")
    assert valid.severity == "error" and "2028-12-31" in valid.message_en


def test_refusals_name_the_accepted_field_names(qgis_app):
    parcels = mine_projects([("P", (0, 0, 200, 100), "生态重建")])
    rights = layer("CKQ", [(rect_wkt(0, 0, 50, 100), {"XKZH": "C1"})], {"XKZH": str})
    with pytest.raises(MissingFieldsError) as error:
        check(parcels, MINING_RIGHTS=rights)
    assert "有效期止 / YXQZ / 有效期限" in str(error.value) and "yxqz" not in str(error.value)
    with pytest.raises(MissingFieldsError) as error:
        mine_stats(national(), COUNTY, rights=rights, names={"MINING_RIGHTS": "采矿权"})
    message = str(error.value)
    assert "生产状态 / SCZT" in message and "是否绿色矿山 / SFLSKS" in message
    assert "sczt" not in message and "lsks" not in message


def test_register_values_and_unknown_production_status(qgis_app):
    rows = [("生产", "国家级绿色矿山"), ("正常生产", ""), ("停产", "是"), ("试生产?", "是")]
    rights = layer("CKQ", [(rect_wkt(1000 + 100 * i, 0, 1050 + 100 * i, 50),
                            {"许可证号": f"C{i}", "所在行政区": "曲江区", "矿山状态": status,
                             "是否绿色矿山": green, "有效期限": RANGES[i % 3]})
                           for i, (status, green) in enumerate(rows)],
                   {"许可证号": str, "所在行政区": str, "矿山状态": str, "是否绿色矿山": str,
                    "有效期限": str})
    feedback = WarningLog()
    stats = mine_stats(national(), COUNTY, rights=rights, feedback=feedback)
    [row] = list(stats.frame.itertuples())
    assert row.region_code == "440205"  # the county's name mapped to its code
    assert row.producing_mines == 2 and row.green_mines == 1 and row.green_share_pct == 50.0
    assert {r.valid_to for r in stats.rights} == {"2028-12-31"}
    [warning] = feedback.warnings
    assert "矿山状态" in warning and "“试生产?” ×1" in warning


def test_value_codes_of_both_editions():
    assert [normalise_mode(v) for v in ("A", "b", "3", "Ｄ")] == [
        "自然恢复", "辅助再生", "生态重建", "转型利用"]
    assert normalise_mode("4 转型利用") == "转型利用" and normalise_mode("") == ""
    assert is_true("省级") and not is_true("否") and is_producing("在采")
    assert not is_producing("停产") and not is_producing("")


def test_alias_tables_keep_their_keys():
    mapped = map_fields(["HFZLQK", "TBHDMJ", "有效期限"], {**LEGACY_ALIASES, **RIGHTS_ALIASES})
    assert (mapped.get("zlzt"), mapped.get("hsmj"), mapped.get("yxqx")) == (
        "HFZLQK", "TBHDMJ", "有效期限")


@pytest.mark.parametrize(("value", "treated"), [
    ("B 已恢复治理", True), ("B-已恢复治理", True), ("B已恢复治理", True), ("ｂ", True),
    ("A（未治理）", False), ("A 已恢复治理", None), ("治理好了", None), ("", None)])
def test_codes_written_with_their_labels(value, treated):
    """Exports often write the code and its label together; parts that disagree are unknown."""
    from sg_nr_plugin.core.checks.mine_fields import treatment_vocabulary

    kind = treatment_vocabulary().classify(value)
    assert (None if kind is None else kind == "treated") is treated
