"""The paddy check on the committed ``data/tiny`` sample against its ground truth.

Expected rule ids, severities and areas come from ``ground_truth.json`` (the generator's own
OGR overlay and pyproj geodesic areas), never from the plugin.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from qgis.core import QgsCoordinateTransformContext, QgsRasterLayer, QgsVectorLayer

from sg_nr_plugin.core.checks.context import CheckInputs
from sg_nr_plugin.core.checks.engine import create_run
from sg_nr_plugin.core.checks.paddy import PADDY
from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
from tests.checks.helpers import close

TINY = Path(__file__).resolve().parents[2] / "data" / "tiny"
GPKG = TINY / "shaoguan_tiny.gpkg"
ROLES = {"DLTB": "DLTB", "ECO_REDLINE": "STBHHX", "PROTECTED_AREAS": "ZRBHD",
         "PUBLIC_FOREST": "GYL", "URBAN_BOUNDARY": "CZKFBJ", "STEEP_SLOPE": "JZKKPD",
         "HAZARDS": "DZZHD"}
MU = 10000 / 15

pytestmark = pytest.mark.skipif(not GPKG.exists(), reason="data/tiny not generated")


def truth() -> dict:
    data = json.loads((TINY / "ground_truth.json").read_text(encoding="utf-8"))
    return {p["project_id"]: p for p in data["projects"] if p["check"] == "sgnr:checkpaddy"}


def _layer(name: str) -> QgsVectorLayer:
    result = QgsVectorLayer(f"{GPKG}|layername={name}", name, "ogr")
    assert result.isValid(), name
    return result


def run_sample(dem: bool):
    projects = _layer("XM_KZST")
    inputs = CheckInputs(projects, "XMBH", projects.crs(), QgsCoordinateTransformContext())
    inputs.layers = {role: _layer(name) for role, name in ROLES.items()}
    inputs.layer_names = dict(ROLES)
    inputs.declared_area_field, inputs.declared_area_factor = "SBMJ", MU
    inputs.options = {"county_field": "XZQDM", "status_field": "ZT"}
    if dem:
        inputs.dem = QgsRasterLayer(str(TINY / "dem.tif"), "dem")
    run = create_run(inputs, PADDY, builtin_ruleset("paddy"))
    return {r.project_id: r for r in run.results()}


@pytest.fixture(scope="module", params=[False, True], ids=["steep-layer", "steep-layer+dem"])
def results(request, qgis_app):
    return run_sample(request.param)


def test_every_planted_case_is_found_with_its_rule_id(results):
    expected = truth()
    assert set(results) == set(expected)
    for pid, project in expected.items():
        for case in project["planted"]:
            if case["area_m2"] == 0:  # the generator could not plant it: nothing to find
                continue
            severity = case["severity"]
            found = [f for f in results[pid].findings if f.rule_id == case["rule_id"]
                     and (severity is None or f.severity == severity)]
            assert found, (pid, case)
            if case["area_m2"] is not None:  # several findings (blocks) add up
                assert close(sum(f.area_m2 for f in found), case["area_m2"]), (pid, case)


def test_clean_projects_pass_with_the_ground_truth_figures(results):
    for pid, project in truth().items():
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
    for pid, project in truth().items():
        severities = {c["severity"] for c in project["planted"] if c["area_m2"] != 0}
        if "error" in severities:
            assert results[pid].verdict == "fail", pid
        elif "warning" in severities:
            assert results[pid].verdict in ("needs_fixing", "fail"), pid
