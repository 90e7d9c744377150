"""The batch path of overlaystats: the numpy screens must never change a result.

``proven_valid`` may only accept what GEOS accepts; ``may_meet`` may only reject boxes the
spatial index rejects; ``ring_bounds`` is QGIS's bounding box (never smaller). The input filter
is handed to the provider (compiled to SQL by OGR when it can be), with the columns it needs.
"""

from __future__ import annotations

import math
import random
import struct

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsRectangle,
)

from sg_nr_plugin.core.overlay import OverlayLayer, proven_valid, ring_bounds
from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.overlaystats import AreaMode, overlay_stats
from sg_nr_plugin.core.wkb import polygon_rings
from tests.stats.helpers import DLTB_FIELDS, VILLAGE_A, X0, Y0, memory_layer, write_gpkg
from tests.stats.test_overlaystats import geo, overlapping_overlay, parcels, r


def ring_wkt(points) -> str:
    return ",".join(f"{x} {y}" for x, y in [*points, points[0]])


def random_ring(rng: random.Random, n: int, star: bool):
    """A star-shaped ring (sorted angles) or the same vertices in random order (mostly
    self-intersecting)."""
    angles = sorted(rng.uniform(0, 2 * math.pi) for _ in range(n))
    if not star:
        rng.shuffle(angles)
    return [(X0 + rng.uniform(1, 50) * math.cos(a), Y0 + rng.uniform(1, 50) * math.sin(a))
            for a in angles]


def tricky_wkts() -> list[str]:
    square = [(0, 0), (10, 0), (10, 10), (0, 10)]
    return [
        f"POLYGON(({ring_wkt([(0, 0), (10, 10), (10, 0), (0, 10)])}))",  # bow-tie
        f"POLYGON(({ring_wkt([(0, 0), (10, 0), (10, 10), (5, 10), (5, 20), (5, 10), (0, 10)])}))",
        f"POLYGON(({ring_wkt([(0, 0), (10, 0), (10, 0), (10, 10), (0, 10)])}))",  # repeated point
        f"POLYGON(({ring_wkt([(0, 0), (10, 0), (20, 0), (10, 10)])}))",  # collinear vertices
        f"POLYGON(({ring_wkt([(0, 0), (10, 0), (5, 5), (10, 10), (0, 10), (5, 5)])}))",  # pinch
        f"POLYGON(({ring_wkt(square)}),({ring_wkt([(2, 2), (4, 2), (4, 4)])}))",  # hole
        f"POLYGON(({ring_wkt(square)}),({ring_wkt([(20, 20), (24, 20), (24, 24)])}))",  # outside
        f"MULTIPOLYGON((({ring_wkt(square)})),(({ring_wkt([(5, 5), (15, 5), (15, 15)])})))",
        f"POLYGON Z(({','.join(f'{x} {y} 1' for x, y in [*square, square[0]])}))",
        f"POLYGON(({ring_wkt([(0, 0), (10, 0), (10, 10), (0, 10), (0, 5), (10, 5)])}))",
        "POLYGON EMPTY",
        "CURVEPOLYGON(CIRCULARSTRING(0 0, 10 0, 10 10, 0 10, 0 0))",
    ]


def raw_polygon_wkb(rings) -> bytes:
    """WKB written by hand: rings QGIS would not build (unclosed, two points)."""
    out = struct.pack("<BII", 1, 3, len(rings))
    for ring in rings:
        out += struct.pack("<I", len(ring)) + b"".join(struct.pack("<dd", *p) for p in ring)
    return out


def test_proven_valid_only_accepts_what_geos_accepts(qgis_app):
    rng = random.Random(7)
    wkts = [f"POLYGON(({ring_wkt(random_ring(rng, rng.randint(3, 12), rng.random() < .5))}))"
            for _ in range(400)] + tricky_wkts()
    geometries = [QgsGeometry.fromWkt(wkt) for wkt in wkts]
    wkbs = [bytes(g.asWkb()) for g in geometries]
    unclosed = [(0, 0), (10, 0), (10, 10), (0, 10)]
    wkbs += [raw_polygon_wkb([unclosed]),
             raw_polygon_wkb([[*unclosed, (0, 0)], [(1, 1), (2, 2)]])]  # 2-point hole
    proven = proven_valid(wkbs, polygon_rings(wkbs))
    for wkb, accepted in zip(wkbs, proven.tolist()):
        geometry = QgsGeometry()
        geometry.fromWkb(wkb)
        if accepted:
            assert geometry.isGeosValid(), geometry.asWkt()
    assert proven[:400].sum() >= 80  # the screen does spare GEOS many simple rings
    square_z = len(wkts) - 4
    assert proven[square_z] and not proven[-2:].any()


def test_ring_bounds_equal_qgis_bounding_boxes(qgis_app):
    rng = random.Random(3)
    wkts = [f"POLYGON(({ring_wkt(random_ring(rng, 6, True))}))" for _ in range(50)]
    wkts += tricky_wkts()
    geometries = [QgsGeometry.fromWkt(wkt) for wkt in wkts]
    bounds = np.array(ring_bounds(polygon_rings([bytes(g.asWkb()) for g in geometries]))).T
    for geometry, box in zip(geometries, bounds.tolist()):
        if geometry.isEmpty() or "CURVE" in geometry.asWkt().upper():
            assert box == [-math.inf, -math.inf, math.inf, math.inf]  # never screened out
            continue
        rect = geometry.boundingBox()  # QGIS: of the exterior rings only
        qgis_box = [rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum()]
        if geometry.isGeosValid():
            assert box == qgis_box
        else:  # never smaller (a hole outside its shell counts too): still conservative
            assert box[0] <= qgis_box[0] and box[1] <= qgis_box[1]
            assert box[2] >= qgis_box[2] and box[3] >= qgis_box[3]


def test_may_meet_never_drops_a_box_the_index_finds(qgis_app):
    rng = random.Random(11)
    rows = []
    for _ in range(60):
        x, y = rng.uniform(0, 5000), rng.uniform(0, 5000)
        piece = QgsGeometry.fromWkt(f"POLYGON(({ring_wkt(random_ring(rng, 8, True))}))")
        piece.translate(x, y)
        rows.append((piece.asWkt(), ["a"]))
    layer = memory_layer("ovl", "kind:string", rows)
    overlay = OverlayLayer(layer, QgsCoordinateReferenceSystem("EPSG:4547"),
                           QgsCoordinateTransformContext())
    boxes = []
    for _ in range(3000):
        x, y = X0 + rng.uniform(-200, 5200), Y0 + rng.uniform(-200, 5200)
        boxes.append((x, y, x + rng.uniform(0, 30), y + rng.uniform(0, 30)))
    # boxes touching a piece's box exactly: closed intervals, as in the spatial index
    for piece in overlay.candidates(QgsRectangle(X0 - 1e6, Y0 - 1e6, X0 + 1e6, Y0 + 1e6))[:20]:
        box = piece.boundingBox()
        boxes.append((box.xMaximum(), box.yMinimum(), box.xMaximum() + 5, box.yMinimum() + 5))
    boxes.append((-math.inf, -math.inf, math.inf, math.inf))
    arrays = np.array(boxes).T
    near = overlay.may_meet(*arrays)
    assert overlay.may_meet(*np.full((4, 1), math.nan)).all()  # unknown: never screened out
    for (x1, y1, x2, y2), flagged in zip(boxes, near.tolist()):
        found = overlay.candidates(QgsRectangle(max(x1, -1e300), max(y1, -1e300),
                                                min(x2, 1e300), min(y2, 1e300)))
        assert flagged or not found
    assert not near.all()  # it does screen
    assert near[-21:].all()


def test_overlay_without_pieces_meets_nothing(qgis_app):
    layer = memory_layer("ovl", "kind:string", [])
    overlay = OverlayLayer(layer, QgsCoordinateReferenceSystem("EPSG:4547"),
                           QgsCoordinateTransformContext())
    assert not overlay.may_meet(*np.zeros((4, 3))).any()


@pytest.mark.parametrize("expression", [
    "\"DLBM\" LIKE '01%'",  # compiled to SQL by the OGR provider
    "left(\"DLBM\", 2) = '01'",  # evaluated by QGIS: DLBM fetched although no output needs it
    "attributes()['DLBM'] LIKE '01%'",  # every column
    "\"KCXS\" >= 0 AND \"DLBM\" <> '0301'",
])
@pytest.mark.parametrize("mode", [AreaMode.GROSS, AreaMode.NET])
def test_geopackage_filters_equal_memory_layer(qgis_app, tmp_path, expression, mode):
    spec = RegionSpec(RegionLevel.COUNTY)
    expected = overlay_stats(parcels(), overlapping_overlay(), spec, mode, "\"DLBM\" = '0101'")
    gpkg = write_gpkg(parcels(), tmp_path / "dltb.gpkg")
    got = overlay_stats(gpkg, overlapping_overlay(), spec, mode, expression)
    columns = ["region_code", "parcels"]
    assert got[columns].values.tolist() == expected[columns].values.tolist()
    for column in ("area_input", "area_inside"):
        assert got[column].tolist() == pytest.approx(expected[column].tolist(), rel=1e-12)


def test_invalid_parcel_is_repaired_in_the_batch_path(qgis_app):
    # A bow-tie of two 50 × 50 triangles (2 500 m² each) under the overlay, beside a square.
    bowtie = (f"POLYGON(({X0} {Y0},{X0 + 100} {Y0 + 100},{X0 + 100} {Y0},{X0} {Y0 + 100},"
              f"{X0} {Y0}))")
    layer = memory_layer("DLTB", DLTB_FIELDS, [
        (r(600, 700), [VILLAGE_A, "0101", "", 1.0, 0.0, 0.0, 1.0]),
        (bowtie, [VILLAGE_A, "0101", "", 1.0, 0.0, 0.0, 1.0])])
    frame = overlay_stats(layer, overlapping_overlay(), RegionSpec(RegionLevel.WHOLE))
    (row,) = frame.itertuples()
    assert row.area_input == pytest.approx(geo(600, 700) + geo(0, 100) / 2, rel=1e-4)
    # the overlay covers x 50..180: the right triangle's x 50..100 part is under it
    assert row.area_inside == pytest.approx(geo(0, 100) * 0.25, rel=1e-4)
    assert any("repaired" in note and "2" in note for note in frame.attrs["meta"].notes)
