"""The paddy check on the committed ``data/tiny`` sample against its ground truth
(rule ids, severities and areas from ``ground_truth.json``, never from the plugin)."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.checks.paddy import PADDY
from tests.checks.helpers import close
from tests.checks.tiny import (
    GPKG,
    assert_planted_cases_found,
    assert_planted_verdicts,
    run_tiny,
    truth,
)

ROLES = {"DLTB": "DLTB", "ECO_REDLINE": "STBHHX", "PROTECTED_AREAS": "ZRBHD",
         "PUBLIC_FOREST": "GYL", "URBAN_BOUNDARY": "CZKFBJ", "STEEP_SLOPE": "JZKKPD",
         "HAZARDS": "DZZHD"}
pytestmark = pytest.mark.skipif(not GPKG.exists(), reason="data/tiny not generated")


def run_sample(dem: bool) -> dict:
    return run_tiny(PADDY, "paddy", "XM_KZST", ROLES, dem,
                    options={"county_field": "XZQDM", "status_field": "ZT"})


@pytest.fixture(scope="module", params=[False, True], ids=["steep-layer", "steep-layer+dem"])
def results(request, qgis_app):
    return run_sample(request.param)


def test_every_planted_case_is_found_with_its_rule_id(results):
    assert_planted_cases_found(results, truth("sgnr:checkpaddy"))


def test_clean_projects_pass_with_the_ground_truth_figures(results):
    for pid, project in truth("sgnr:checkpaddy").items():
        result = results[pid]
        assert close(result.area_m2, project["area_m2"]), pid
        if not project["clean"]:
            continue
        assert result.verdict == "pass" and not result.findings, (pid, result.findings)
        sources = project["source_classes_m2"]
        quotas = result.quotas
        assert close(quotas["new_paddy_m2"], sum(sources.values())), pid
        upgrade = sum(a for code, a in sources.items() if code in ("0102", "0103"))
        assert close(quotas["upgrade_m2"], upgrade), pid
        assert quotas["kind"] == ("upgrade" if upgrade else "reclamation")
        assert quotas["blocks"] == 1


def test_planted_cases_give_the_planted_verdicts(results):
    assert_planted_verdicts(results, truth("sgnr:checkpaddy"))
