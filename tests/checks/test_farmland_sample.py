"""The farmland check on the committed ``data/tiny`` sample against its ground truth
(rule ids, severities and areas from ``ground_truth.json``, never from the plugin)."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.checks.farmland import FARMLAND
from tests.checks.helpers import close
from tests.checks.tiny import (
    GPKG,
    assert_planted_cases_found,
    assert_planted_verdicts,
    run_tiny,
    truth,
)

ROLES = {"DLTB": "DLTB", "ECO_REDLINE": "STBHHX", "PROTECTED_AREAS": "ZRBHD",
         "PUBLIC_FOREST": "GYL", "URBAN_BOUNDARY": "CZKFBJ", "STEEP_SLOPE": "JZKKPD"}
pytestmark = pytest.mark.skipif(not GPKG.exists(), reason="data/tiny not generated")


def run_sample(dem: bool) -> dict:
    return run_tiny(FARMLAND, "farmland", "XM_BCGD", ROLES, dem, protected_zone_field="GNFQ",
                    options={"planned_class_field": "GHDL"})


@pytest.fixture(scope="module", params=[False, True], ids=["steep-layer", "steep-layer+dem"])
def results(request, qgis_app):
    return run_sample(request.param)


def test_every_planted_case_is_found_with_its_rule_id(results):
    assert_planted_cases_found(results, truth("sgnr:checkfarmland"))


def test_clean_projects_pass_and_quotas_match(results):
    for pid, project in truth("sgnr:checkfarmland").items():
        result = results[pid]
        assert close(result.area_m2, project["area_m2"]), pid
        if not project["clean"]:
            continue
        assert result.verdict == "pass" and not result.findings, (pid, result.findings)
        sources = project["source_classes_m2"]
        assert close(result.quotas["new_cultivated_m2"], sum(sources.values())), pid


def test_planted_errors_fail_and_warnings_need_fixing(results):
    assert_planted_verdicts(results, truth("sgnr:checkfarmland"))
