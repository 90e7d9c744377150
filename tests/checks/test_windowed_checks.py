"""Checks reading control and attribute layers by tiles / per project (issue #19) give the
figures of the whole-layer path of main, on the committed tiny sample; a check of one project
reads only what lies under it."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateTransformContext

from sg_nr_plugin.core import strategy
from sg_nr_plugin.core.checks.context import CheckInputs
from sg_nr_plugin.core.checks.engine import create_run
from sg_nr_plugin.core.checks.farmland import FARMLAND
from sg_nr_plugin.core.checks.mine import MINE
from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
from tests.checks.cases import CASES, MINE_ROLES, figures, same
from tests.checks.tiny import GPKG, run_tiny, tiny_layer

pytestmark = pytest.mark.skipif(not GPKG.exists(), reason="data/tiny not generated")

TWO_CASES = {kind: CASES[kind] for kind in ("farmland", "paddy")}


@pytest.mark.parametrize("kind", sorted(TWO_CASES))
def test_tiles_give_the_figures_of_the_whole_layer_path(qgis_app, kind, monkeypatch):
    # tiles about a project wide: control polygons cross tile borders, projects span tiles
    monkeypatch.setattr(strategy, "CHECK_TILE_MIN_FEATURES", 1)
    spec, projects, roles, settings = CASES[kind]
    whole = run_tiny(spec, kind, projects, roles, False, read_strategy="memory", **settings)
    tiles = run_tiny(spec, kind, projects, roles, False, read_strategy="windowed", **settings)
    assert whole.keys() == tiles.keys()
    assert any(r.findings for r in whole.values())
    for pid in whole:
        assert same(figures(tiles[pid]), figures(whole[pid])), pid


def test_mine_check_gives_the_same_figures_by_tiles(qgis_app, monkeypatch):
    monkeypatch.setattr(strategy, "CHECK_TILE_MIN_FEATURES", 1)
    roles = MINE_ROLES
    runs = {}
    for how in ("memory", "windowed"):
        projects = tiny_layer("XM_KSXF")
        inputs = CheckInputs(projects, "XMBH", projects.crs(), QgsCoordinateTransformContext())
        inputs.layers = {role: tiny_layer(name) for role, name in roles.items()}
        inputs.layer_names = dict(roles)
        inputs.read_strategy = how
        runs[how] = {r.project_id: r for r in create_run(inputs, MINE,
                                                         builtin_ruleset("mine")).results()}
    assert runs["memory"].keys() == runs["windowed"].keys()
    for pid, result in runs["memory"].items():
        assert same(figures(runs["windowed"][pid]), figures(result)), pid


def _indexed(tmp_path, name: str):
    """A copy of a tiny layer with a spatial index (the committed fixture has none, so the
    strategy would read it whole whatever its size)."""
    from osgeo import gdal
    from qgis.core import QgsVectorLayer

    target = str(tmp_path / f"{name}.gpkg")
    gdal.VectorTranslate(target, str(GPKG), layers=[name], format="GPKG")
    layer = QgsVectorLayer(f"{target}|layername={name}", name, "ogr")
    assert strategy.has_spatial_index(layer)
    return layer


def test_one_project_reads_only_what_lies_under_it(qgis_app, monkeypatch, tmp_path):
    """The GYL (20 polygons over the whole sample) counts as big here: one project reads a
    few of them, not the layer (before: every control layer was read whole first)."""
    monkeypatch.setattr(strategy, "CHECK_OVERLAY_MEMORY_MAX_FEATURES", 5)
    monkeypatch.setattr(strategy, "CHECK_TILE_MIN_FEATURES", 1)
    projects = tiny_layer("XM_BCGD")
    forest = _indexed(tmp_path, "GYL")
    inputs = CheckInputs(projects, "XMBH", projects.crs(), QgsCoordinateTransformContext())
    inputs.layers = {"DLTB": tiny_layer("DLTB"), "PUBLIC_FOREST": forest}
    inputs.layer_names = {"PROJECTS": "XM_BCGD", "DLTB": "DLTB", "PUBLIC_FOREST": "GYL"}
    first = next(projects.getFeatures())
    inputs.selected_ids = {first.id()}
    results = list(create_run(inputs, FARMLAND, builtin_ruleset("farmland")).results())
    assert len(results) == 1
    read = inputs.read_counts.read("GYL")
    assert 0 < read < forest.featureCount(), read
    assert "GYL" not in inputs.read_counts.whole
