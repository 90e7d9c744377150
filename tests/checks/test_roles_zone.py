"""The protected-area zone field of the 三区三线 delivery (ZRBHDFQ beside ZRBHDJB): recognised
by ``sgnr:checkmine`` without being named, and its absence said, never a silent pass."""

from __future__ import annotations

import pytest

from tests.checks.helpers import layer, rect_wkt, run_check


def mine_projects():
    result = layer("矿山修复项目", [(rect_wkt(0, 0, 200, 200),
                                  {"XMBH": "KSXF-1", "XFMS": "生态重建"})],
                   {"XMBH": str, "XFMS": str})
    return result


def protected(zone_field: str | None):
    fields = {"BHDMC": str, "ZRBHDJB": str, **({zone_field: str} if zone_field else {})}
    values = {"BHDMC": "大岭自然保护区", "ZRBHDJB": "省级"}
    if zone_field:
        values[zone_field] = "核心保护区"
    return layer("自然保护地", [(rect_wkt(-50, -50, 100, 250), values)], fields)


@pytest.mark.parametrize("zone_field", ["ZRBHDFQ", "功能分区", "GNFQ"])
def test_core_zone_found_through_the_zone_field_of_the_table(qgis_app, provider_registered,
                                                             zone_field):
    _, findings, checked, _ = run_check("sgnr:checkmine", {
        "PROJECTS": mine_projects(), "PROTECTED_AREAS": protected(zone_field)})
    rules = {f["rule_id"] for f in findings.getFeatures()}
    assert "core_zone" in rules  # before: ZRBHDFQ unknown, the rule passed silently
    assert next(checked.getFeatures())["verdict"] == "fail"


def test_a_protected_area_layer_without_zone_field_is_said(qgis_app, provider_registered):
    _, _, _, feedback = run_check("sgnr:checkmine", {
        "PROJECTS": mine_projects(), "PROTECTED_AREAS": protected(None)})
    log = feedback.textLog()
    assert "no protected-area zone field" in log and "ZRBHDFQ" in log
    assert "core zones cannot be told apart" in log
