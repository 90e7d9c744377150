"""The check paths of issue #19 on a generated mid-size set (~8,900 parcels, ~20 km across,
``python -m sgnr_sample --scale mid``), not only on the committed tiny one: control layers read
by tiles with a spatial index, DLTB per project, projects in chunks whose areas are measured
ahead — against every layer read whole and one project at a time, nothing measured ahead.
Both runs must give the same verdicts, findings and quotas (to 1e-9)."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateTransformContext, QgsVectorLayer

from sg_nr_plugin.core import strategy
from sg_nr_plugin.core.checks import engine
from sg_nr_plugin.core.checks.context import CheckInputs
from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
from tests.checks.cases import CASES, figures, same


@pytest.fixture(scope="module")
def mid_gpkg(tmp_path_factory):
    pytest.importorskip("scipy")  # the generator's
    from sgnr_sample.generate import generate

    out = tmp_path_factory.mktemp("mid")
    generate("mid", 20231, out, log=lambda *args: None)
    return out / "shaoguan_mid.gpkg"


def _run(gpkg, spec, kind: str, projects: str, roles: dict, settings: dict, how: str) -> dict:
    def layer(name: str) -> QgsVectorLayer:
        found = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        assert found.isValid(), name
        return found

    project_layer = layer(projects)
    inputs = CheckInputs(project_layer, "XMBH", project_layer.crs(),
                         QgsCoordinateTransformContext())
    inputs.layers = {role: layer(name) for role, name in roles.items()}
    inputs.layer_names = dict(roles)
    inputs.declared_area_field, inputs.declared_area_factor = "SBMJ", 10000 / 15
    for key, value in settings.items():
        setattr(inputs, key, value)
    inputs.read_strategy = how
    run = engine.create_run(inputs, spec, builtin_ruleset(kind))
    return {r.project_id: r for r in run.results()}


@pytest.mark.parametrize("kind", sorted(CASES))
def test_tiles_and_chunks_give_the_whole_layer_figures_on_a_mid_size_set(
        qgis_app, mid_gpkg, kind, monkeypatch):
    spec, projects, roles, settings = CASES[kind]
    # tiles of a few features: control polygons cross tile borders, projects span tiles
    monkeypatch.setattr(strategy, "CHECK_TILE_MIN_FEATURES", 4)
    monkeypatch.setattr(engine, "CHUNK_PROJECTS", 5)
    tiled = _run(mid_gpkg, spec, kind, projects, roles, settings, "windowed")
    monkeypatch.setattr(engine, "CHUNK_PROJECTS", 1)
    monkeypatch.setattr(engine, "measure_chunk", lambda *args: None)
    whole = _run(mid_gpkg, spec, kind, projects, roles, settings, "memory")
    assert len(whole) > 10
    assert list(tiled) == list(whole)
    assert sum(len(r.findings) for r in whole.values()) > len(whole) // 2
    for pid in whole:
        assert same(figures(tiled[pid]), figures(whole[pid])), pid
