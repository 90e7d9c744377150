"""The generator itself: determinism, and small pieces checked against hand-made values."""

from __future__ import annotations

import json

import numpy as np
import pytest

from .helpers import rows


def _tables(path):
    from osgeo import ogr

    ds = ogr.Open(str(path))
    out = {}
    for i in range(ds.GetLayerCount()):
        name = ds.GetLayerByIndex(i).GetName()
        out[name] = [(attrs, g.ExportToWkb() if g is not None else None)
                     for attrs, g in rows(path, name)]
    return out


@pytest.mark.slow
def test_same_seed_gives_identical_tables(qgis_app, tmp_path):
    from sgnr_sample.generate import generate

    for run in ("a", "b"):
        generate("tiny", 11, tmp_path / run, log=lambda *_: None)
    a = _tables(tmp_path / "a" / "shaoguan_tiny.gpkg")
    b = _tables(tmp_path / "b" / "shaoguan_tiny.gpkg")
    assert list(a) == list(b)
    for name in a:
        assert a[name] == b[name], name          # attributes and geometry, byte for byte
    truth_a = (tmp_path / "a" / "ground_truth.json").read_bytes()
    assert truth_a == (tmp_path / "b" / "ground_truth.json").read_bytes()
    assert (tmp_path / "a" / "dem.tif").stat().st_size > 0
    other = tmp_path / "c"
    generate("tiny", 12, other, log=lambda *_: None)
    assert _tables(other / "shaoguan_tiny.gpkg")["DLTB"] != a["DLTB"]
    assert json.loads(truth_a)["seed"] == 11


def test_slope_grade_boundaries():
    from sgnr_sample.terrain import slope_grade

    # domain.md §2: 1 ≤2°, 2 (2°,6°], 3 (6°,15°], 4 (15°,25°], 5 >25°
    slopes = np.array([0.0, 2.0, 2.01, 6.0, 6.5, 15.0, 15.1, 25.0, 25.01, 60.0])
    assert slope_grade(slopes).tolist() == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_polygon_wkb_round_trips_through_ogr():
    from osgeo import ogr

    from sgnr_sample.geo import polygon_wkb

    square = np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 5.0], [0.0, 5.0]])
    geom = ogr.CreateGeometryFromWkb(polygon_wkb(square))
    assert geom.GetArea() == pytest.approx(50.0)
    assert geom.GetGeometryRef(0).GetPointCount() == 5


def test_geodesic_area_of_the_reference_cell():
    """domain.md §5: the cell 113.60–113.61°E × 24.80–24.81°N is 1 119 982.47 m²."""
    from sgnr_sample.geo import geodesic_area, polygon, to_work

    lon = np.linspace(113.60, 113.61, 201)
    lat = np.linspace(24.80, 24.81, 201)
    ring = ([(x, 24.80) for x in lon] + [(113.61, y) for y in lat[1:]]
            + [(x, 24.81) for x in lon[::-1][1:]] + [(113.60, y) for y in lat[::-1][1:-1]])
    x, y = to_work(*np.array(ring).T)
    assert geodesic_area(polygon(zip(x, y))) == pytest.approx(1_119_982.47, abs=0.5)


def test_voronoi_cells_tile_a_square(qgis_app):
    from qgis.core import QgsGeometry

    from sgnr_sample.tessellate import voronoi_cells

    rng = np.random.default_rng(3)
    pts = rng.uniform(-50, 150, (300, 2))
    region = QgsGeometry.fromWkt("POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))")
    cells = voronoi_cells(pts, np.full(len(pts), -1), (-50, -50, 150, 150), region)
    assert sum(g.area() for g in cells.geoms) == pytest.approx(10_000.0, abs=1e-6)
    assert QgsGeometry.unaryUnion(cells.geoms).area() == pytest.approx(10_000.0, abs=1e-6)
