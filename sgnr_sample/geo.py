"""Geometry helpers of the generator: regions, projections, WKB, geodesic areas.

Geometry work uses OGR (GEOS inside, part of every QGIS install); ellipsoidal areas of the
ground truth use pyproj's Geod (Karney), independent of the plugin's own area engine.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import numpy as np
from osgeo import ogr, osr
from pyproj import Geod, Transformer

from sg_nr_plugin.paths import resource_path

from .config import SOURCE_CRS, WORK_CRS

ogr.UseExceptions()
osr.UseExceptions()

# CGCS2000 ellipsoid: a = 6 378 137 m, 1/f = 298.257222101 (numerically GRS80).
GEOD = Geod(a=6378137.0, rf=298.257222101)


@dataclass
class Region:
    """One county (or the part of it inside the scale's window), in the working CRS."""
    code: str
    name: str
    geom: ogr.Geometry          # polygon / multipolygon, EPSG:4547
    seat: tuple[float, float]   # county seat, EPSG:4547


def srs(code: str) -> osr.SpatialReference:
    ref = osr.SpatialReference()
    ref.SetFromUserInput(code)
    ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return ref


@cache
def _transformer(src: str, dst: str) -> Transformer:
    return Transformer.from_crs(src, dst, always_xy=True)


def to_work(x, y):
    """lon/lat (EPSG:4490) → easting/northing (EPSG:4547); arrays welcome."""
    return _transformer(SOURCE_CRS, WORK_CRS).transform(x, y)


def to_geographic(x, y):
    return _transformer(WORK_CRS, SOURCE_CRS).transform(x, y)


def project_geometry(geom: ogr.Geometry) -> ogr.Geometry:
    out = geom.Clone()
    out.Transform(osr.CoordinateTransformation(srs(SOURCE_CRS), srs(WORK_CRS)))
    return out


def box(xmin: float, ymin: float, xmax: float, ymax: float) -> ogr.Geometry:
    return polygon([(xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax)])


def polygon(points: Iterable[tuple[float, float]]) -> ogr.Geometry:
    ring = ogr.Geometry(ogr.wkbLinearRing)
    pts = list(points)
    for x, y in [*pts, pts[0]]:
        ring.AddPoint_2D(float(x), float(y))
    poly = ogr.Geometry(ogr.wkbPolygon)
    poly.AddGeometry(ring)
    return poly


def window_polygon(window: tuple[float, float, float, float], steps: int = 20) -> ogr.Geometry:
    """A lon/lat box densified before projecting, so its edges stay true in EPSG:4547."""
    x0, y0, x1, y1 = window
    t = np.linspace(0.0, 1.0, steps, endpoint=False)
    xs = np.concatenate([x0 + (x1 - x0) * t, np.full(steps, x1), x1 - (x1 - x0) * t,
                         np.full(steps, x0)])
    ys = np.concatenate([np.full(steps, y0), y0 + (y1 - y0) * t, np.full(steps, y1),
                         y1 - (y1 - y0) * t])
    return polygon(zip(xs, ys))


def load_regions(codes: Iterable[str], window=None) -> list[Region]:
    """County outlines from ``resources/data/shaoguan_counties.geojson``, clipped and projected."""
    with open(resource_path("data", "shaoguan_counties.geojson"), encoding="utf-8") as handle:
        collection = json.load(handle)
    wanted = set(codes)
    clip = window_polygon(window) if window else None
    regions = []
    for feature in collection["features"]:
        props = feature["properties"]
        if props["code"] not in wanted:
            continue
        geom = ogr.CreateGeometryFromJson(json.dumps(feature["geometry"]))
        if clip is not None:
            geom = geom.Intersection(clip)
            if geom.IsEmpty() or geom.GetArea() == 0:
                continue
        geom = polygons_only(project_geometry(geom))
        sx, sy = to_work(props["seat_lon"], props["seat_lat"])
        regions.append(Region(props["code"], props["name"], geom, (float(sx), float(sy))))
    return sorted(regions, key=lambda r: r.code)


def polygons_only(geom: ogr.Geometry) -> ogr.Geometry:
    """The polygonal part of a GEOS result as a MultiPolygon (empty when there is none)."""
    out = ogr.Geometry(ogr.wkbMultiPolygon)
    flat = ogr.GT_Flatten(geom.GetGeometryType())
    if flat == ogr.wkbPolygon:
        out.AddGeometry(geom)
    elif flat in (ogr.wkbMultiPolygon, ogr.wkbGeometryCollection):
        for i in range(geom.GetGeometryCount()):
            part = polygons_only(geom.GetGeometryRef(i))
            for j in range(part.GetGeometryCount()):
                out.AddGeometry(part.GetGeometryRef(j))
    return out


def polygon_wkb(xy: np.ndarray) -> bytes:
    """WKB of a one-ring polygon from an (n, 2) array (the ring is closed here)."""
    ring = np.vstack([xy, xy[:1]]).astype("<f8")
    return struct.pack("<BIII", 1, 3, 1, len(ring)) + ring.tobytes()


def ring_area(lon: np.ndarray, lat: np.ndarray) -> float:
    area, _ = GEOD.polygon_area_perimeter(lon, lat)
    return abs(area)


def geodesic_area(geom: ogr.Geometry | None) -> float:
    """Ellipsoidal area (m²) of a polygonal OGR geometry in EPSG:4547, holes subtracted."""
    if geom is None or geom.IsEmpty():
        return 0.0
    total = 0.0
    multi = polygons_only(geom)
    for i in range(multi.GetGeometryCount()):
        poly = multi.GetGeometryRef(i)
        for r in range(poly.GetGeometryCount()):
            pts = np.array(poly.GetGeometryRef(r).GetPoints())[:, :2]
            lon, lat = to_geographic(pts[:, 0], pts[:, 1])
            total += ring_area(lon, lat) * (1 if r == 0 else -1)
    return total


def union_all(geoms: Iterable[ogr.Geometry]) -> ogr.Geometry:
    collection = ogr.Geometry(ogr.wkbMultiPolygon)
    for geom in geoms:
        multi = polygons_only(geom)
        for i in range(multi.GetGeometryCount()):
            collection.AddGeometry(multi.GetGeometryRef(i))
    return collection.UnionCascaded() if collection.GetGeometryCount() else collection
