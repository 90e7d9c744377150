"""Area engine against independent references: the closed-form ellipsoidal quadrangle, and
pyproj.Geod (Karney) on densified geographic polygons. Nothing here calls the engine's maths."""

from __future__ import annotations

import math

import numpy as np
import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

from sg_nr_plugin.core.area import EllipsoidalArea, ellipsoidal_area
from sg_nr_plugin.core.errors import CrsError

pyproj = pytest.importorskip("pyproj")

A, RF = 6378137.0, 298.257222101
F = 1 / RF
E2 = F * (2 - F)
E = math.sqrt(E2)
B = A * (1 - F)
GEOD = pyproj.Geod(a=A, rf=RF)


def quadrangle_area(lon1, lon2, lat1, lat2):
    """Closed form: b²Δλ/2 · [sinφ/(1−e²sin²φ) + 1/(2e)·ln((1+e sinφ)/(1−e sinφ))] between
    the parallels."""
    def g(lat):
        s = math.sin(math.radians(lat))
        return s / (1 - E2 * s * s) + math.log((1 + E * s) / (1 - E * s)) / (2 * E)
    return B * B * math.radians(lon2 - lon1) / 2 * (g(lat2) - g(lat1))


def crs(code):
    return QgsCoordinateReferenceSystem(code)


def polygon_wkt(*rings):
    body = ",".join("(" + ",".join(f"{x!r} {y!r}" for x, y in ring) + ")" for ring in rings)
    return f"POLYGON({body})"


def closed(xs, ys):
    return list(zip(np.append(xs, xs[0]), np.append(ys, ys[0])))


def densify(xs, ys, per_edge):
    """Points along each straight edge (in the coordinates given), last vertex excluded."""
    t = np.arange(per_edge) / per_edge
    n = len(xs)
    dx = np.concatenate([xs[i] + (xs[(i + 1) % n] - xs[i]) * t for i in range(n)])
    dy = np.concatenate([ys[i] + (ys[(i + 1) % n] - ys[i]) * t for i in range(n)])
    return dx, dy


def geod_area_of_gk_ring(xs, ys, epsg, per_edge=200):
    """Reference: the GK ring densified along its straight edges, to lon/lat by pyproj, area by
    Karney's geodesic polygon (segments short enough that geodesic = GK-straight)."""
    to_geo = pyproj.Transformer.from_crs(epsg, 4490, always_xy=True)
    lon, lat = to_geo.transform(*densify(np.asarray(xs, float), np.asarray(ys, float), per_edge))
    return abs(GEOD.polygon_area_perimeter(lon, lat)[0])


CELL = (113.60, 113.61, 24.80, 24.81)


def test_reference_cell_value():
    assert quadrangle_area(*CELL) == pytest.approx(1_119_982.47, abs=0.005)  # domain.md §5


def test_cell_in_4490_within_1e_8():
    lon1, lon2, lat1, lat2 = CELL
    ring = [(lon1, lat1), (lon2, lat1), (lon2, lat2), (lon1, lat2), (lon1, lat1)]
    area = ellipsoidal_area(QgsGeometry.fromWkt(polygon_wkt(ring)), crs("EPSG:4490"))
    assert area == pytest.approx(quadrangle_area(*CELL), rel=1e-8)


def test_cell_in_wgs84_is_measured_like_4490():
    lon1, lon2, lat1, lat2 = CELL
    ring = [(lon1, lat1), (lon2, lat1), (lon2, lat2), (lon1, lat2), (lon1, lat1)]
    engine = EllipsoidalArea(crs("EPSG:4326"))
    area = engine.measure(QgsGeometry.fromWkt(polygon_wkt(ring)))
    assert engine.method == "transformed"
    assert area == pytest.approx(quadrangle_area(*CELL), rel=1e-8)


@pytest.mark.parametrize("epsg", [4547, 4526, 4546, 32649, 3857])
def test_cell_densified_and_projected_within_1e_7(epsg):
    lon1, lon2, lat1, lat2 = CELL
    lon, lat = densify(np.array([lon1, lon2, lon2, lon1]), np.array([lat1, lat1, lat2, lat2]), 200)
    x, y = pyproj.Transformer.from_crs(4490, epsg, always_xy=True).transform(lon, lat)
    engine = EllipsoidalArea(crs(f"EPSG:{epsg}"))
    area = engine.measure(QgsGeometry.fromWkt(polygon_wkt(closed(x, y))))
    assert area == pytest.approx(quadrangle_area(*CELL), rel=1e-7)
    expected = "gauss-kruger" if epsg in (4547, 4526, 4546) else "transformed"
    assert engine.method == expected


# Parcel-sized rings in EPSG:4547 (eastings from the CM out to the zone edge of Shaoguan).
PARCELS = {
    "triangle_500m": ([600000.0, 600500.0, 600250.0], [2750000.0, 2750000.0, 2750400.0]),
    "sliver": ([420000.0, 420300.0, 420301.0, 420000.5], [2800000.0, 2800001.0, 2800003.0,
                                                          2800002.0]),
    "irregular": ([655010.3, 655230.8, 655402.1, 655380.0, 655150.2, 655020.7],
                  [2705100.2, 2705050.9, 2705210.4, 2705460.3, 2705520.6, 2705330.1]),
    "west_edge": ([352000.0, 352800.0, 352900.0, 352100.0], [2850000.0, 2850100.0, 2850900.0,
                                                            2850700.0]),
}


@pytest.mark.parametrize("name", sorted(PARCELS))
def test_parcels_in_4547_agree_with_geodesic_within_a_centiare(name):
    xs, ys = PARCELS[name]
    reference = geod_area_of_gk_ring(xs, ys, 4547)
    geom = QgsGeometry.fromWkt(polygon_wkt(closed(xs, ys)))
    assert EllipsoidalArea(crs("EPSG:4547")).measure(geom) == pytest.approx(reference, abs=0.01)


def test_prefixed_zone_gives_the_same_parcel_area():
    xs, ys = PARCELS["irregular"]
    reference = geod_area_of_gk_ring(xs, ys, 4547)
    prefixed = [x + 38_000_000.0 for x in xs]
    geom = QgsGeometry.fromWkt(polygon_wkt(closed(prefixed, ys)))
    assert EllipsoidalArea(crs("EPSG:4526")).measure(geom) == pytest.approx(reference, abs=0.01)


def test_county_sized_polygon_within_1e_8():
    xs, ys = [560000.0, 620000.0, 640000.0, 575000.0], [2700000.0, 2690000.0, 2760000.0,
                                                        2770000.0]
    reference = geod_area_of_gk_ring(xs, ys, 4547, per_edge=2000)
    geom = QgsGeometry.fromWkt(polygon_wkt(closed(xs, ys)))
    assert EllipsoidalArea(crs("EPSG:4547")).measure(geom) == pytest.approx(reference, rel=1e-8)


def test_holes_subtract_parts_add_and_orientation_does_not_matter():
    outer_x, outer_y = [600000.0, 600400.0, 600400.0, 600000.0], [2750000.0] * 2 + [2750300.0] * 2
    hole_x, hole_y = [600100.0, 600200.0, 600200.0, 600100.0], [2750100.0] * 2 + [2750150.0] * 2
    far_x, far_y = PARCELS["irregular"]
    outer = geod_area_of_gk_ring(outer_x, outer_y, 4547)
    hole = geod_area_of_gk_ring(hole_x, hole_y, 4547)
    far = geod_area_of_gk_ring(far_x, far_y, 4547)
    holed = polygon_wkt(closed(outer_x, outer_y), closed(hole_x, hole_y))
    # second part clockwise, its hole counter-clockwise: orientation must not matter
    part2 = polygon_wkt(closed(far_x[::-1], far_y[::-1]))
    multi = "MULTIPOLYGON(" + holed[len("POLYGON"):] + "," + part2[len("POLYGON"):] + ")"
    engine = EllipsoidalArea(crs("EPSG:4547"))
    areas = engine.measure_many([QgsGeometry.fromWkt(holed), QgsGeometry.fromWkt(multi)])
    assert areas[0] == pytest.approx(outer - hole, abs=0.01)
    assert areas[1] == pytest.approx(outer - hole + far, abs=0.01)


def test_z_and_m_variants_measure_like_2d():
    xs, ys = PARCELS["irregular"]
    ring2d = closed(xs, ys)
    zm = "POLYGON ZM((" + ",".join(f"{x!r} {y!r} 55.5 7" for x, y in ring2d) + "))"
    z = "MULTIPOLYGON Z(((" + ",".join(f"{x!r} {y!r} 12" for x, y in ring2d) + ")))"
    engine = EllipsoidalArea(crs("EPSG:4547"))
    areas = engine.measure_many([QgsGeometry.fromWkt(polygon_wkt(ring2d)),
                                 QgsGeometry.fromWkt(zm), QgsGeometry.fromWkt(z)])
    assert areas[1] == areas[0] and areas[2] == areas[0]


def test_null_empty_and_non_polygons_are_zero_and_counted():
    engine = EllipsoidalArea(crs("EPSG:4547"))
    areas = engine.measure_many([None, QgsGeometry(), QgsGeometry.fromWkt("POLYGON EMPTY"),
                                 QgsGeometry.fromWkt("LINESTRING(600000 2750000, 600100 2750000)")])
    assert areas.tolist() == [0.0, 0.0, 0.0, 0.0]
    assert engine.empty_count == 3 and engine.non_polygon_count == 1
    assert "3" in engine.warning() and EllipsoidalArea(crs("EPSG:4547")).warning() == ""


def test_curved_polygon_is_segmentized():
    circle = QgsGeometry.fromWkt(
        "CURVEPOLYGON(CIRCULARSTRING(600000 2750000, 600200 2750000, 600000 2750000))")
    linear = QgsGeometry(circle.constGet().segmentize())
    proj = pyproj.Proj("EPSG:4547")
    lon, lat = proj(600100.0, 2750000.0, inverse=True)
    areal_scale = proj.get_factors(lon, lat).areal_scale  # map area per ellipsoid area
    expected = linear.area() / areal_scale
    assert EllipsoidalArea(crs("EPSG:4547")).measure(circle) == pytest.approx(expected, rel=1e-9)
    assert expected == pytest.approx(math.pi * 100 ** 2 / areal_scale, rel=1e-3)


def test_measure_iter_batches_like_measure_many():
    xs, ys = PARCELS["triangle_500m"]
    geoms = [QgsGeometry.fromWkt(polygon_wkt(closed([x + 1000 * i for x in xs], ys)))
             for i in range(7)]
    engine = EllipsoidalArea(crs("EPSG:4547"))
    assert list(engine.measure_iter(geoms, batch_size=3)) == engine.measure_many(geoms).tolist()


def test_invalid_crs_is_refused():
    with pytest.raises(CrsError):
        EllipsoidalArea(QgsCoordinateReferenceSystem())


def official_trapezoids(lon, lat):
    """The official method written out: per edge, the ellipsoidal trapezoid between its two
    parallels, as wide as its mean longitude (from a reference meridian), summed."""
    total = 0.0
    for i in range(len(lon)):
        j = (i + 1) % len(lon)
        mean_lon = (lon[i] + lon[j]) / 2
        total += quadrangle_area(113.0, mean_lon, lat[i], lat[j])
    return abs(total)


def test_official_edges_on_the_four_corner_cell_give_the_closed_form():
    lon1, lon2, lat1, lat2 = CELL
    x, y = pyproj.Transformer.from_crs(4490, 4547, always_xy=True).transform(
        [lon1, lon2, lon2, lon1], [lat1, lat1, lat2, lat2])
    geom = QgsGeometry.fromWkt(polygon_wkt(closed(np.array(x), np.array(y))))
    official = EllipsoidalArea(crs("EPSG:4547"), edges="official").measure(geom)
    assert official == pytest.approx(quadrangle_area(*CELL), rel=1e-9)


def test_official_edges_match_the_trapezoid_sum_and_differ_on_long_edges():
    xs, ys = PARCELS["triangle_500m"]
    lon, lat = pyproj.Transformer.from_crs(4547, 4490, always_xy=True).transform(xs, ys)
    geom = QgsGeometry.fromWkt(polygon_wkt(closed(xs, ys)))
    official = EllipsoidalArea(crs("EPSG:4547"), edges="official").measure(geom)
    assert official == pytest.approx(official_trapezoids(lon, lat), abs=0.01)
    plane = EllipsoidalArea(crs("EPSG:4547")).measure(geom)
    assert plane - official == pytest.approx(0.88, abs=0.05)  # measured; see EDGES_OFFICIAL


def test_official_and_plane_agree_for_densely_digitised_parcels():
    xs, ys = densify(np.array(PARCELS["triangle_500m"][0]), np.array(PARCELS["triangle_500m"][1]),
                     10)  # 50 m edges
    geom = QgsGeometry.fromWkt(polygon_wkt(closed(xs, ys)))
    official = EllipsoidalArea(crs("EPSG:4547"), edges="official").measure(geom)
    plane = EllipsoidalArea(crs("EPSG:4547")).measure(geom)
    assert official == pytest.approx(plane, abs=0.01)


def test_random_parcels_across_the_zone_agree_with_geodesic():
    rng = np.random.default_rng(2026)
    geoms, references = [], []
    for _ in range(40):
        cx, cy = rng.uniform(350000, 650000), rng.uniform(2600000, 2850000)
        k = int(rng.integers(5, 25))
        angles = np.sort(rng.uniform(0, 2 * np.pi, k))
        radii = rng.uniform(20, 400) * rng.uniform(0.6, 1.4, k)
        xs, ys = cx + radii * np.cos(angles), cy + radii * np.sin(angles)
        geoms.append(QgsGeometry.fromWkt(polygon_wkt(closed(xs, ys))))
        references.append(geod_area_of_gk_ring(xs, ys, 4547, per_edge=20))
    areas = EllipsoidalArea(crs("EPSG:4547")).measure_many(geoms)
    assert np.abs(areas - np.array(references)).max() < 0.01


def test_bulk_and_single_paths_agree():
    shapes = [polygon_wkt(closed(*PARCELS[name])) for name in sorted(PARCELS)]
    geoms = [QgsGeometry.fromWkt(shapes[i % len(shapes)]) for i in range(50)]
    geoms[7] = QgsGeometry.fromWkt("MULTIPOLYGON Z(((600000 2750000 1,600100 2750000 1,"
                                   "600100 2750100 1,600000 2750000 1)))")
    engine = EllipsoidalArea(crs("EPSG:4547"))
    bulk = engine.measure_many(geoms)
    single = [engine.measure(g) for g in geoms]
    assert np.allclose(bulk, single, rtol=1e-12, atol=0)


@pytest.mark.parametrize(("code", "wkt"), [
    ("EPSG:4547", "POLYGON((500000 2740000,1e15 2740000,500000 2740100,500000 2740000))"),
    ("EPSG:4547", "POLYGON((19600000 2740000,19600100 2740000,19600100 2740100,"
                  "19600000 2740000))"),  # 6° zone-19 eastings declared CM 114
    ("EPSG:4490", "POLYGON((113.6 89.9,113.7 89.9,113.7 95,113.6 89.9))"),
    ("EPSG:4490", "POLYGON((113.6 24.8,1e15 24.8,113.7 24.9,113.6 24.8))"),
    ("EPSG:32649", "POLYGON((500000 2740000,1e15 2740000,500000 2740100,500000 2740000))"),
])
def test_impossible_coordinates_are_refused_never_measured(code, wkt):
    """Today: 1e15 raised a raw OverflowError, 6° prefixed eastings measured 285.7 m² for
    40 000 m², latitude 95° measured quietly."""
    from sg_nr_plugin.core.coordinates import DamagedCoordinatesError

    engine = EllipsoidalArea(crs(code))
    with pytest.raises(DamagedCoordinatesError, match="cannot be real"):
        engine.measure(QgsGeometry.fromWkt(wkt))
    with pytest.raises(DamagedCoordinatesError):
        list(engine.measure_iter([QgsGeometry.fromWkt(wkt)] * 50))


def test_nan_coordinate_is_refused_never_measured():
    from qgis.core import QgsLineString, QgsPoint, QgsPolygon

    from sg_nr_plugin.core.coordinates import DamagedCoordinatesError

    ring = QgsLineString([QgsPoint(500000, 2740000), QgsPoint(500100, 2740000),
                          QgsPoint(float("nan"), 2740100), QgsPoint(500000, 2740000)])
    polygon = QgsPolygon()
    polygon.setExteriorRing(ring)
    with pytest.raises(DamagedCoordinatesError, match="not a number"):
        EllipsoidalArea(crs("EPSG:4547")).measure(QgsGeometry(polygon))
