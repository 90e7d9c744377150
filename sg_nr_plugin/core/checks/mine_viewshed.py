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
from qgis.core import QgsGeometry, QgsPointXY

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

    Falls back to True (the buffer alone decides) where the DEM does not cover the area: a
    missing DEM must never hide a site.
    """
    reader = dem_reader(ctx.run)
    reach = ctx.geometry.buffer(_in_crs_units(ctx, metres), 8)
    near_part = line.intersection(reach)
    if near_part.isEmpty():
        return False
    observers = _to_dem(reader, _sample(near_part, MAX_OBSERVERS))
    targets = _to_dem(reader, _targets(ctx.geometry))
    points = observers + targets
    box = _bounds(points)
    window = reader.window(box)
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


def _in_crs_units(ctx, metres: float) -> float:
    """``metres`` in the working CRS's units (degrees: generous, the DEM decides after)."""
    return metres / 100_000.0 if ctx.run.inputs.crs.isGeographic() else metres


def _sample(geom: QgsGeometry, limit: int) -> list[QgsPointXY]:
    """Points along the line parts, evenly spaced, at most ``limit``."""
    length = geom.length()
    if length <= 0:
        return [QgsPointXY(v) for v in geom.vertices()][:limit]
    step = length / max(limit - 1, 1)
    points = []
    for part in geom.asGeometryCollection() if geom.isMultipart() else [geom]:
        count = max(int(part.length() / step), 1)
        points += [part.interpolate(part.length() * i / count).asPoint()
                   for i in range(count + 1)]
    return points[:limit]


def _targets(geom: QgsGeometry) -> list[QgsPointXY]:
    shape = geom.convexHull()  # kept alive: vertices() iterates over its C++ geometry
    hull = [QgsPointXY(v) for v in shape.vertices()]
    stride = max(len(hull) // (MAX_TARGETS - 1), 1)
    return [geom.pointOnSurface().asPoint()] + hull[::stride][:MAX_TARGETS - 1]


def _to_dem(reader: DemReader, points) -> list[tuple[float, float]]:
    result = []
    for point in points:
        moved = reader.to_dem.transform(point)
        result.append((moved.x(), moved.y()))
    return result


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
