"""The overlay engine against planar areas computed by hand (rectangles in EPSG:4547)."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsRectangle,
)

from sg_nr_plugin.core.errors import SgNrError
from sg_nr_plugin.core.overlay import OverlayLayer
from tests.stats.helpers import X0, Y0, memory_layer, rect_wkt

CRS = QgsCoordinateReferenceSystem("EPSG:4547")


def overlay(rows, expression=None, crs="EPSG:4547"):
    layer = memory_layer("ovl", "kind:string", rows, crs=crs)
    return OverlayLayer(layer, CRS, QgsCoordinateTransformContext(), expression)


def rect(x1, y1, x2, y2):
    return QgsGeometry.fromWkt(rect_wkt(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2))


def test_overlapping_pieces_count_once(qgis_app):
    # Two overlay pieces overlap on x 50..70; their union covers x 0..120, y 0..100.
    engine = overlay([(rect_wkt(X0, Y0, X0 + 70, Y0 + 100), ["a"]),
                      (rect_wkt(X0 + 50, Y0, X0 + 120, Y0 + 100), ["b"])])
    parcel = rect(-30, 20, 100, 60)  # 130 × 40, of which x 0..100 is under the union
    inside = engine.dissolved_under(parcel)
    assert inside.area() == pytest.approx(100 * 40, abs=1e-6)
    assert engine.feature_count == 2


def test_fast_path_returns_whole_parcel_and_misses_are_empty(qgis_app):
    engine = overlay([(rect_wkt(X0, Y0, X0 + 100, Y0 + 100), ["a"])])
    assert engine.dissolved_under(rect(10, 10, 20, 30)).area() == pytest.approx(200)
    assert engine.dissolved_under(rect(200, 200, 210, 210)).isEmpty()
    # bbox meets, geometry does not: touching corner only
    assert engine.dissolved_under(rect(100, 100, 110, 110)).isEmpty()
    assert len(engine.candidates(QgsRectangle(X0 - 1, Y0 - 1, X0 + 1, Y0 + 1))) == 1


def test_filter_expression_and_repairs(qgis_app):
    bowtie = (f"POLYGON(({X0} {Y0},{X0 + 100} {Y0 + 100},{X0 + 100} {Y0},"
              f"{X0} {Y0 + 100},{X0} {Y0}))")  # self-intersecting: two triangles of 2 500 m²
    engine = overlay([(bowtie, ["keep"]), (rect_wkt(X0, Y0, X0 + 100, Y0 + 100), ["drop"])],
                     expression="\"kind\" = 'keep'")
    assert engine.feature_count == 1 and engine.repairs == 1
    assert engine.dissolved_under(rect(0, 0, 100, 100)).area() == pytest.approx(5000, rel=1e-9)


def test_large_overlay_is_subdivided_and_still_exact(qgis_app):
    # A circle of 4 000 vertices: its pieces must add up to the same clipped area.
    circle = QgsGeometry.fromPointXY(rect(0, 0, 1, 1).centroid().asPoint()).buffer(500, 1000)
    engine = overlay([(circle.asWkt(), ["c"])])
    query = rect(-600, -600, 600, 600)
    assert engine.dissolved_under(query).area() == pytest.approx(circle.area(), rel=1e-9)
    half = rect(0.5, -600, 600, 600)
    assert engine.dissolved_under(half).area() == pytest.approx(circle.area() / 2, rel=1e-6)


def test_reprojected_overlay(qgis_app):
    # The overlay given in EPSG:4490 lands on the same place in EPSG:4547.
    from tests.stats.helpers import TO_GEOGRAPHIC
    (lon1, lon2), (lat1, lat2) = TO_GEOGRAPHIC.transform([X0, X0 + 100], [Y0, Y0 + 100])
    engine = overlay([(rect_wkt(lon1, lat1, lon2, lat2), ["g"])], crs="EPSG:4490")
    assert engine.dissolved_under(rect(-50, -50, 150, 150)).area() == pytest.approx(
        10_000, rel=1e-3)


def test_bad_expression_is_a_user_error(qgis_app):
    with pytest.raises(SgNrError, match="filter expression"):
        overlay([(rect_wkt(X0, Y0, X0 + 1, Y0 + 1), ["a"])], expression="kind = = 1")


def test_under_reports_the_kind(qgis_app):
    from sg_nr_plugin.core.overlay import ALL, NONE, PART
    engine = overlay([(rect_wkt(X0, Y0, X0 + 100, Y0 + 100), ["a"])])
    assert engine.under(rect(10, 10, 20, 20))[0] == ALL
    assert engine.under(rect(90, 10, 120, 20))[0] == PART
    assert engine.under(rect(100, 10, 120, 20))[0] == NONE  # shares an edge only
