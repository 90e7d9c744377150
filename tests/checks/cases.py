"""The three checks with every layer of the sample data (tiny and generated sets share layer
names), and the comparison of two runs' figures, for tests of equivalent check paths."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.checks.farmland import FARMLAND
from sg_nr_plugin.core.checks.mine import MINE
from sg_nr_plugin.core.checks.paddy import PADDY

CONTROLS = {"DLTB": "DLTB", "ECO_REDLINE": "STBHHX", "PROTECTED_AREAS": "ZRBHD",
            "PUBLIC_FOREST": "GYL", "URBAN_BOUNDARY": "CZKFBJ", "STEEP_SLOPE": "JZKKPD",
            "BASIC_FARMLAND": "YJJBNT", "HAZARDS": "DZZHD"}
MINE_ROLES = {"DLTB": "DLTB", "ECO_REDLINE": "STBHHX", "PROTECTED_AREAS": "ZRBHD",
              "PUBLIC_FOREST": "GYL", "URBAN_BOUNDARY": "CZKFBJ", "HAZARDS": "DZZHD",
              "LEGACY_MINES": "LSYLKS", "MINING_RIGHTS": "CKQ", "ROADS": "DL", "RIVERS": "HL"}
#: kind → (spec, projects layer, roles, CheckInputs settings)
CASES = {
    "farmland": (FARMLAND, "XM_BCGD", {**CONTROLS, "FILED_PROJECTS": "XM_KZST"},
                 {"protected_zone_field": "GNFQ",
                  "options": {"planned_class_field": "GHDL"}}),
    "paddy": (PADDY, "XM_KZST", {**CONTROLS, "FILED_PROJECTS": "XM_BCGD"},
              {"options": {"county_field": "XZQDM", "status_field": "ZT"}}),
    "mine": (MINE, "XM_KSXF", MINE_ROLES, {}),
}


def figures(result) -> tuple:
    """What two equivalent runs must agree on for one project."""
    findings = sorted((f.rule_id, f.severity, f.area_m2) for f in result.findings)
    return result.verdict, result.area_m2, findings, dict(result.quotas or {})


def same(a, b) -> bool:
    """Equal, floats to 1e-9 relative, through tuples, lists and dicts."""
    if isinstance(a, float) and isinstance(b, float):
        return a == pytest.approx(b, rel=1e-9, abs=1e-9)
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b
