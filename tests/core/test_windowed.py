"""Big control layers read by tiles (issue #19): the same figures as the whole-layer path.

Expected values: the whole-layer path of main (``strategy="memory"``), and for the hand-built
set also the area of ``query ∩ union(overlay)`` computed directly with GEOS from the input
rectangles (never from the code under test). The edge cases are the point: control polygons
crossing tile borders, overlapping control polygons in two tiles, duplicates, an invalid one, a
polygon of many vertices (several pieces), queries touching two or four tiles, an edge shared
with the overlay, and a cache so small that tiles are dropped and read again.
"""

from __future__ import annotations

import math

import pytest
from osgeo import ogr, osr
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsVectorLayer,
)

from sg_nr_plugin.core import strategy
from sg_nr_plugin.core.overlay import ALL, NONE, PART, OverlayLayer
from sg_nr_plugin.core.windowed import WindowedOverlay
from tests.stats.helpers import X0, Y0, memory_layer, rect_wkt

CRS = QgsCoordinateReferenceSystem("EPSG:4547")
CONTEXT = QgsCoordinateTransformContext()
TILE = 100.0  # metres: every polygon below crosses tile borders


def _circle_wkt(cx: float, cy: float, r: float, n: int = 1500) -> str:
    points = [(cx + r * math.cos(2 * math.pi * i / n), cy + r * math.sin(2 * math.pi * i / n))
              for i in range(n)]
    points.append(points[0])
    return "POLYGON((" + ", ".join(f"{x} {y}" for x, y in points) + "))"


def _r(x1, y1, x2, y2) -> str:
    return rect_wkt(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


# Overlay polygons (in EPSG:4547, metres from X0, Y0).
OVERLAY = [
    _r(50, 50, 350, 250),  # crosses 3 × 3 tiles
    _r(200, 100, 450, 320),  # overlaps the first, in other tiles too
    _r(50, 50, 350, 250),  # the first delivered twice
    # a bow-tie (invalid) across the x = 600 border
    f"POLYGON(({X0 + 550} {Y0 + 20}, {X0 + 680} {Y0 + 180}, {X0 + 680} {Y0 + 20}, "
    f"{X0 + 550} {Y0 + 180}, {X0 + 550} {Y0 + 20}))",
    _circle_wkt(X0 + 300, Y0 + 620, 170),  # 1500 vertices: cut into pieces, 16 tiles
    _r(700, 600, 900, 700),
]
QUERIES = [
    _r(10, 10, 420, 290),  # over both overlapping polygons, 20 tiles
    _r(100, 100, 150, 150),  # inside the first: ALL
    _r(320, 280, 480, 380),  # partly in the second, crosses 4 tiles
    _r(350, 50, 360, 99),  # its edge on the first polygon's edge only: NONE
    _r(450, 100, 520, 320),  # shares an edge with the second only: NONE
    _r(500, 0, 700, 200),  # the bow-tie across a border
    _r(150, 450, 450, 800),  # the circle across 16 tiles
    _r(600, 550, 1000, 750),  # around the last one
    _r(1200, 1200, 1300, 1300),  # far from everything
]


def _gpkg(tmp_path, rows: list[str]) -> QgsVectorLayer:
    """A GeoPackage layer (with its R-tree: windowed reads go through it)."""
    path = str(tmp_path / "control.gpkg")
    data = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    layer = data.CreateLayer("control", srs, ogr.wkbPolygon)
    for wkt in rows:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
        layer.CreateFeature(feature)
    data = None
    result = QgsVectorLayer(f"{path}|layername=control", "control", "ogr")
    assert result.isValid()
    return result


def _area(geometry: QgsGeometry) -> float:
    return 0.0 if geometry.isNull() or geometry.isEmpty() else geometry.area()


def _expected_inside(query: str) -> float:
    """Planar area of query ∩ union(overlay), straight from GEOS on the input polygons."""
    parts = [QgsGeometry.fromWkt(wkt).makeValid() for wkt in OVERLAY]
    union = QgsGeometry.unaryUnion(parts)
    return _area(QgsGeometry.fromWkt(query).intersection(union))


def test_tiles_give_the_whole_layer_figures_at_every_edge(qgis_app, tmp_path):
    layer = _gpkg(tmp_path, OVERLAY)
    assert strategy.has_spatial_index(layer)
    whole = OverlayLayer(layer, CRS, CONTEXT)
    # a cache of 300 vertices holds a few tiles only: tiles are dropped and read again
    tiles = WindowedOverlay(layer, CRS, CONTEXT, tile_side=TILE, max_vertices=300)
    kinds = []
    for wkt in QUERIES:
        query = QgsGeometry.fromWkt(wkt)
        kind_w, inside_w = tiles.under(query)
        kind_m, inside_m = whole.under(query)
        kinds.append(kind_w)
        assert kind_w == kind_m, wkt
        expected = _expected_inside(wkt)
        assert _area(inside_w) == pytest.approx(_area(inside_m), rel=1e-9, abs=1e-9), wkt
        assert _area(inside_w) == pytest.approx(expected, rel=1e-9, abs=1e-6), wkt
    assert kinds[1] == ALL and kinds[3] == kinds[4] == NONE and kinds[-1] == NONE and PART in kinds
    assert tiles.tiles_read > len(tiles._tiles)  # some tiles were dropped and read again
    assert tiles.vertices <= 300 + 1600  # the bound, beyond the tiles of the current query
    assert (tiles.repairs, tiles.feature_count, tiles.read_count) == (1, 6, 6)
    assert (whole.repairs, whole.feature_count, whole.read_count) == (1, 6, 6)


def test_one_query_reads_only_its_tiles(qgis_app, tmp_path):
    layer = _gpkg(tmp_path, OVERLAY)
    tiles = WindowedOverlay(layer, CRS, CONTEXT, tile_side=TILE)
    assert tiles.under(QgsGeometry.fromWkt(_r(60, 60, 90, 90)))[0] == ALL
    assert tiles.read_count == 2  # the rectangle and its duplicate, nothing else
    assert tiles.tiles_read == 1


def test_overlay_strategy_is_chosen_by_size_and_index(qgis_app, tmp_path, monkeypatch):
    indexed = _gpkg(tmp_path, OVERLAY)
    plain = memory_layer("ovl", "kind:string", [(wkt, ["a"]) for wkt in OVERLAY])
    assert strategy.choose(indexed, 100) == strategy.MEMORY  # small: read whole
    assert strategy.choose(indexed, 5) == strategy.WINDOWED  # big, with an index: by tiles
    assert strategy.choose(plain, 5) == strategy.MEMORY  # no index: a rectangle scans all
    monkeypatch.setattr(strategy, "STATS_MEMORY_MAX_FEATURES", 5)
    assert isinstance(strategy.stats_overlay(indexed, CRS, CONTEXT), WindowedOverlay)
    monkeypatch.setattr(strategy, "STATS_MEMORY_MAX_FEATURES", 6)
    assert isinstance(strategy.stats_overlay(indexed, CRS, CONTEXT), OverlayLayer)


def test_damaged_feature_in_a_tile_is_refused(qgis_app, tmp_path):
    from sg_nr_plugin.core.coordinates import DamagedFeaturesError

    layer = _gpkg(tmp_path, [_r(0, 0, 50, 50), rect_wkt(1e15, Y0, 1e15 + 10, Y0 + 10)])
    tiles = WindowedOverlay(layer, CRS, CONTEXT, tile_side=TILE)
    assert tiles.under(QgsGeometry.fromWkt(_r(10, 10, 20, 20)))[0] == ALL
    with pytest.raises(DamagedFeaturesError, match="cannot be real"):
        tiles.under(QgsGeometry.fromWkt(rect_wkt(1e15 + 2, Y0 + 2, 1e15 + 5, Y0 + 5)))


def test_a_parcel_equal_to_an_overlay_polygon_is_all_of_it(qgis_app, tmp_path):
    """Basic farmland cut from the survey's parcels: the same polygon (a MultiPolygon of one
    part in the survey) is inside, as GEOS says; one vertex off is not wholly inside."""
    shape = f"{X0} {Y0}, {X0 + 80} {Y0 + 5}, {X0 + 90} {Y0 + 70}, {X0 + 10} {Y0 + 60}, {X0} {Y0}"
    layer = _gpkg(tmp_path, [f"POLYGON(({shape}))"])
    same = QgsGeometry.fromWkt(f"MULTIPOLYGON((({shape})))")
    moved = QgsGeometry.fromWkt(f"POLYGON(({shape.replace(f'{X0 + 90} ', f'{X0 + 91} ')}))")
    for overlay in (OverlayLayer(layer, CRS, CONTEXT),
                    WindowedOverlay(layer, CRS, CONTEXT, tile_side=TILE)):
        assert overlay.under(same)[0] == ALL
        kind, inside = overlay.under(moved)
        assert kind == PART
        expected = moved.intersection(QgsGeometry.fromWkt(f"POLYGON(({shape}))")).area()
        assert inside.area() == pytest.approx(expected, rel=1e-9)
