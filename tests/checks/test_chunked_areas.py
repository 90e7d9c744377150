"""Projects checked by chunks whose areas are measured ahead in one batch (issue #19,
core/checks/prefetch.py) give the figures of the project-by-project path, and the memory of
measured areas answers every geometry with its own area."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

from sg_nr_plugin.core.area import EllipsoidalArea
from sg_nr_plugin.core.checks import engine
from sg_nr_plugin.core.checks.prefetch import AreaMemo
from sg_nr_plugin.core.coordinates import DamagedCoordinatesError
from tests.checks.cases import CASES, figures, same
from tests.checks.tiny import GPKG, run_tiny

pytestmark = pytest.mark.skipif(not GPKG.exists(), reason="data/tiny not generated")


@pytest.mark.parametrize("kind", sorted(CASES))
def test_chunks_give_the_figures_of_one_project_at_a_time(qgis_app, kind, monkeypatch):
    spec, projects, roles, settings = CASES[kind]
    # chunks of 3: the first chunk learns which layers the rules read, later ones measure
    # them ahead, and a chunk boundary falls inside the layer
    monkeypatch.setattr(engine, "CHUNK_PROJECTS", 3)
    chunked = run_tiny(spec, kind, projects, roles, False, **settings)
    # the path as it was: one project at a time, nothing measured ahead
    monkeypatch.setattr(engine, "CHUNK_PROJECTS", 1)
    monkeypatch.setattr(engine, "measure_chunk", lambda *args: None)
    single = run_tiny(spec, kind, projects, roles, False, **settings)
    assert len(single) > 3
    assert list(chunked) == list(single)  # same projects, same order
    assert any(r.findings for r in single.values())
    for pid in single:
        assert same(figures(chunked[pid]), figures(single[pid])), pid


def _square(x: float, y: float, side: float) -> QgsGeometry:
    return QgsGeometry.fromWkt(f"POLYGON(({x} {y},{x + side} {y},{x + side} {y + side},"
                               f"{x} {y + side},{x} {y}))")


def test_memo_answers_each_geometry_with_its_own_area(qgis_app):
    engine_ = EllipsoidalArea(QgsCoordinateReferenceSystem("EPSG:4547"))
    squares = [_square(400_000 + 900 * i, 2_700_000 + 700 * i, 10.0 * (i + 1))
               for i in range(6)]
    memo = AreaMemo(engine_)
    memo.measure_ahead(squares[:4])
    # asked in another order, with repeats, a geometry not measured ahead and a null
    asked = [squares[3], squares[0], squares[5], squares[3], None, squares[1]]
    got = memo.measure_many(asked)
    for geom, area in zip(asked, got):
        alone = engine_.measure(geom) if geom is not None else 0.0
        assert area == pytest.approx(alone, rel=1e-12), geom
    # a square of side s has roughly s² m² (GK scale ~1.0001 here): not all the same value
    assert got[0] == pytest.approx(1600.0, rel=1e-3) and got[1] == pytest.approx(100.0, rel=1e-3)
    memo.forget()
    assert memo.measure(squares[2]) == pytest.approx(engine_.measure(squares[2]), rel=1e-12)
    assert memo.method == engine_.method  # the engine's other attributes


def test_memo_leaves_impossible_coordinates_to_the_rules(qgis_app):
    engine_ = EllipsoidalArea(QgsCoordinateReferenceSystem("EPSG:4547"))
    damaged = _square(4e16, 2_700_000, 10.0)
    memo = AreaMemo(engine_)
    memo.measure_ahead([_square(400_000, 2_700_000, 10.0), damaged])  # does not raise
    with pytest.raises(DamagedCoordinatesError):
        memo.measure(damaged)
