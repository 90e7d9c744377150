"""Running a check on the committed ``data/tiny`` sample and reading its ground truth.

Expected rule ids, severities and areas come from ``ground_truth.json`` (the generator's own
OGR overlay and pyproj geodesic areas), never from the plugin.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from functools import cache
from pathlib import Path

from qgis.core import QgsCoordinateTransformContext, QgsRasterLayer, QgsVectorLayer

from sg_nr_plugin.core.checks.context import CheckInputs
from sg_nr_plugin.core.checks.engine import create_run
from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
from tests.checks.helpers import close
from tests.conftest import TINY
from tests.conftest import TINY_GPKG as GPKG

MU = 10000 / 15


def truth(check_id: str) -> dict:
    """Ground-truth projects of one check (e.g. ``sgnr:checkfarmland``) by project id."""
    data = json.loads((TINY / "ground_truth.json").read_text(encoding="utf-8"))
    return {p["project_id"]: p for p in data["projects"] if p["check"] == check_id}


def tiny_layer(name: str) -> QgsVectorLayer:
    result = QgsVectorLayer(f"{GPKG}|layername={name}", name, "ogr")
    assert result.isValid(), name
    return result


@cache
def dem_copy() -> str:
    """A copy of the fixture DEM: loading a raster layer makes GDAL write ``.aux.xml``
    statistics beside it, and the committed fixture must stay untouched."""
    folder = Path(tempfile.mkdtemp(prefix="sgnr-tiny-dem-"))
    return str(shutil.copy(TINY / "dem.tif", folder / "dem.tif"))


def run_tiny(spec, kind: str, projects: str, roles: dict[str, str], dem: bool,
             **settings) -> dict:
    """Run the check ``spec`` over the tiny projects layer; results by project id."""
    project_layer = tiny_layer(projects)
    inputs = CheckInputs(project_layer, "XMBH", project_layer.crs(),
                         QgsCoordinateTransformContext())
    inputs.layers = {role: tiny_layer(name) for role, name in roles.items()}
    inputs.layer_names = dict(roles)
    inputs.declared_area_field, inputs.declared_area_factor = "SBMJ", MU
    for key, value in settings.items():
        setattr(inputs, key, value)
    if dem:
        inputs.dem = QgsRasterLayer(dem_copy(), "dem")
    run = create_run(inputs, spec, builtin_ruleset(kind))
    return {r.project_id: r for r in run.results()}


def assert_planted_cases_found(results: dict, expected: dict) -> None:
    """Every planted case has a finding with its rule id and severity; areas add up."""
    assert set(results) == set(expected)
    for pid, project in expected.items():
        for case in project["planted"]:
            if case["area_m2"] == 0:  # the generator could not plant it: nothing to find
                continue
            severity = case["severity"]
            found = [f for f in results[pid].findings if f.rule_id == case["rule_id"]
                     and (severity is None or f.severity == severity)]
            assert found, (pid, case, results[pid].findings)
            if case["area_m2"] is not None:  # several findings (e.g. blocks) add up
                assert close(sum(f.area_m2 for f in found), case["area_m2"]), (pid, case)


def assert_planted_verdicts(results: dict, expected: dict) -> None:
    """A planted error fails the project; a planted warning at least needs fixing."""
    for pid, project in expected.items():
        severities = {c["severity"] for c in project["planted"] if c["area_m2"] != 0}
        if "error" in severities:
            assert results[pid].verdict == "fail", pid
        elif "warning" in severities:
            assert results[pid].verdict in ("needs_fixing", "fail"), pid
