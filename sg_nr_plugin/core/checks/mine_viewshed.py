"""Line of sight over a DEM: is a mine site seen from a road or a river (两线 直观可视范围)?

三区两线 asks whether the site is in the *direct line of sight* of the line (no terrain in
between). With a DEM the buffer distance is only the first filter: the parts of the line within
that distance are sampled (observers at ``viewer_height_m`` above the ground) and the site is
seen when any observer sees any of a few target points of the site (its interior point and hull
vertices, at ground level) with no DEM cell between them rising above the sight line.
"""

from __future__ import annotations

import math

import numpy as np
from qgis.core import QgsCsException, QgsGeometry

from .slope import DemReader

MAX_OBSERVERS = 200  # per feature: enough for a 2 km stretch sampled every 10 m
MAX_TARGETS = 9


def dem_reader(run) -> DemReader:
    """The run's DEM reader (the same one the slope rules use), made on first use."""
    if getattr(run, "dem_reader", None) is None:
        run.dem_reader = DemReader(run.inputs.dem, run.inputs.crs, run.inputs.transform_context)
    return run.dem_reader


def seen_from(ctx, line: QgsGeometry, metres: float, viewer_height: float) -> bool:
    """Whether the project is seen from the part of ``line`` (working CRS) within ``metres``.

    Falls back to True (the buffer alone decides) where the DEM does not cover the area or the
    geometry cannot be brought into the DEM's CRS: a missing DEM must never hide a site.
    """
    reader = dem_reader(ctx.run)
    try:
        project, line = _to_dem(reader, ctx.geometry), _to_dem(reader, line)
    except QgsCsException:
        return True
    # Sampled in the DEM's CRS, in metres there: sampling in the working CRS (degrees, or
    # zone-prefixed eastings of 38 500 000 m) lost the last sample to rounding (a null point).
    reach = project.buffer(_in_dem_units(reader, project, metres), 8)
    near_part = line.intersection(reach)
    if near_part.isNull() or near_part.isEmpty():
        return False
    observers = _sample(near_part, MAX_OBSERVERS)
    targets = _targets(project)
    if not observers or not targets:
        return True
    window = reader.window(_bounds(observers + targets))
    if window is None:
        return True
    grid = _Grid(reader, *window)
    for ox, oy in observers:
        eye = grid.height(ox, oy)
        if eye is None:
            return True
        for tx, ty in targets:
            if grid.clear(ox, oy, eye + viewer_height, tx, ty):
                return True
    return False


def _to_dem(reader: DemReader, geom: QgsGeometry) -> QgsGeometry:
    moved = QgsGeometry(geom)
    moved.transform(reader.to_dem)
    return moved


def _in_dem_units(reader: DemReader, geom: QgsGeometry, metres: float) -> float:
    """``metres`` in the DEM CRS's units (a geographic DEM: degrees of longitude there, more
    than enough in latitude; line of sight decides after)."""
    if not reader.crs.isGeographic():
        return metres
    latitude = geom.boundingBox().center().y()
    return metres / (111_320.0 * max(math.cos(math.radians(latitude)), 0.01))


def _sample(geom: QgsGeometry, limit: int) -> list[tuple[float, float]]:
    """Points along the line parts, evenly spaced, at most ``limit``."""
    length = geom.length()
    if length <= 0:
        return [(v.x(), v.y()) for v in geom.vertices()][:limit]
    step = length / max(limit - 1, 1)
    points = []
    for part in geom.asGeometryCollection() if geom.isMultipart() else [geom]:
        part_length = part.length()
        count = max(int(part_length / step), 1)
        for i in range(count + 1):
            # i·L/count can exceed L by one ulp: interpolating past the end gives a null point
            point = part.interpolate(min(part_length * i / count, part_length))
            if not point.isNull() and not point.isEmpty():
                xy = point.asPoint()
                points.append((xy.x(), xy.y()))
    return points[:limit]


def _targets(geom: QgsGeometry) -> list[tuple[float, float]]:
    shape = geom.convexHull()  # kept alive: vertices() iterates over its C++ geometry
    hull = [(v.x(), v.y()) for v in shape.vertices()]
    stride = max(len(hull) // (MAX_TARGETS - 1), 1)
    inner = geom.pointOnSurface()
    first = [] if inner.isNull() or inner.isEmpty() else [(inner.asPoint().x(),
                                                          inner.asPoint().y())]
    return first + hull[::stride][:MAX_TARGETS - 1]


def _bounds(points):
    from qgis.core import QgsRectangle

    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return QgsRectangle(min(xs), min(ys), max(xs), max(ys))


class _Grid:
    """The DEM window: nearest-cell heights and sight-line tests in the DEM's CRS."""

    def __init__(self, reader: DemReader, z: np.ndarray, x0: float, y0: float) -> None:
        self.z, self.x0, self.y0, self.dx, self.dy = z, x0, y0, reader.dx, reader.dy

    def height(self, x: float, y: float) -> float | None:
        col, row = int((x - self.x0) / self.dx), int((self.y0 - y) / self.dy)
        if not (0 <= row < self.z.shape[0] and 0 <= col < self.z.shape[1]):
            return None
        value = self.z[row, col]
        return None if math.isnan(value) else float(value)

    def clear(self, ox: float, oy: float, eye: float, tx: float, ty: float) -> bool:
        """No terrain above the straight line from the eye to the target's ground."""
        ground = self.height(tx, ty)
        if ground is None:
            return True
        cells = math.hypot((tx - ox) / self.dx, (ty - oy) / self.dy)
        steps = max(int(cells * 2), 1)  # half-cell sampling
        t = np.arange(1, steps) / steps
        cols = ((ox + (tx - ox) * t - self.x0) / self.dx).astype(int)
        rows = ((self.y0 - (oy + (ty - oy) * t)) / self.dy).astype(int)
        inside = (rows >= 0) & (rows < self.z.shape[0]) & (cols >= 0) & (cols < self.z.shape[1])
        terrain = self.z[rows[inside], cols[inside]]
        sight = eye + (ground - eye) * t[inside]
        with np.errstate(invalid="ignore"):
            return not bool(np.any(terrain > sight + 1e-6))
