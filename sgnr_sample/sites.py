"""Where the planted projects go: flat, quiet lowland sites kept apart from each other."""

from __future__ import annotations

import numpy as np
from osgeo import ogr
from qgis.core import QgsGeometry
from scipy.spatial import cKDTree

from .geo import Region, union_all
from .terrain import Dem, Terrain


def _local_max_slope(dem: Dem, x: np.ndarray, y: np.ndarray, radius: float) -> np.ndarray:
    """The steepest DEM cell within ``radius`` of each point (a square window)."""
    k = max(1, int(radius / dem.res))
    col = ((x - dem.x0) / dem.res).astype(int)
    row = ((dem.y1 - y) / dem.res).astype(int)
    rows, cols = dem.slope.shape
    out = np.empty(len(x))
    for i, (r, c) in enumerate(zip(row, col)):
        window = dem.slope[max(0, r - k):min(rows, r + k + 1), max(0, c - k):min(cols, c + k + 1)]
        out[i] = window.max() if window.size else 90.0
    return out


class SitePicker:
    """Candidate points ranked by suitability; :meth:`take` enforces mutual clearances."""

    def __init__(self, rng, regions: list[Region], terrain: Terrain, dem: Dem,
                 n_candidates: int = 6000) -> None:
        self.regions = regions
        self.union = union_all([r.geom for r in regions])
        self.inner = self.union.Buffer(-400.0)
        self.boundary = self.union.GetBoundary()
        x0, x1, y0, y1 = self.union.GetEnvelope()
        pts = np.column_stack([rng.uniform(x0, x1, n_candidates),
                               rng.uniform(y0, y1, n_candidates)])
        qg = QgsGeometry()
        qg.fromWkb(bytes(self.inner.ExportToWkb()))
        engine = QgsGeometry.createGeometryEngine(qg.constGet())
        engine.prepareGeometry()
        points = [QgsGeometry.fromWkt(f"POINT({x} {y})") for x, y in pts]  # kept alive
        inside = np.array([engine.contains(p.constGet()) for p in points])
        pts = pts[inside]
        self.x, self.y = pts[:, 0], pts[:, 1]
        self.slope = _local_max_slope(dem, self.x, self.y, 300.0)
        self.d_river = terrain.river_distance(self.x, self.y)
        self.d_seat = terrain._seat_tree.query(pts)[0]
        self.low = terrain.lowland(self.x, self.y)
        self.terrain = terrain
        self.dem = dem
        self._slopes: dict[float, np.ndarray] = {}
        self._edge: np.ndarray | None = None
        self.taken: list[tuple[float, float, float]] = []   # x, y, clearance

    def region_of(self, x: float, y: float) -> Region:
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(x, y)
        return min(self.regions, key=lambda r: r.geom.Distance(point))

    def _free(self, x: np.ndarray, y: np.ndarray, clearance: float) -> np.ndarray:
        ok = np.ones(len(x), dtype=bool)
        for tx, ty, tc in self.taken:
            ok &= np.hypot(x - tx, y - ty) >= tc + clearance
        return ok

    def take(self, clearance: float = 280.0, min_river: float = 350.0,
             max_slope: float = 5.0, reach: float = 0.0) -> tuple[float, float]:
        """The best free candidate; thresholds are relaxed step by step when none is left.

        ``reach`` > 0 (a project's radius, sample and bench scales): the slope is judged over
        that radius, and the whole project must stay inside the covered counties.
        """
        slope = self.slope if reach <= 300.0 else self._slope_within(reach)
        fits = np.ones(len(self.x), dtype=bool) if reach <= 0 else \
            self._edge_distance() > reach + 200.0
        for relax in range(8):
            ok = (self._free(self.x, self.y, clearance)
                  & (self.d_river >= min_river) & fits
                  & (slope <= max_slope * (1 + 0.5 * relax)))
            if ok.any():
                score = -self.low + np.minimum(self.d_seat, 2500.0) / 2500.0 - slope / 20.0
                i = int(np.flatnonzero(ok)[np.argmax(score[ok])])
                self.taken.append((self.x[i], self.y[i], clearance))
                return float(self.x[i]), float(self.y[i])
            clearance *= 0.85
        raise RuntimeError("no room left for a project site: enlarge the window")

    def _slope_within(self, reach: float) -> np.ndarray:
        key = int(reach // 100.0) * 100.0  # one window per 100 m of reach
        if key not in self._slopes:
            self._slopes[key] = _local_max_slope(self.dem, self.x, self.y, key)
        return self._slopes[key]

    def _edge_distance(self) -> np.ndarray:
        """Distance of each candidate to the outline of the covered area (to its vertices,
        which lie at most a few hundred metres apart)."""
        if self._edge is None:
            rings = [self.boundary.GetGeometryRef(k) for k in
                     range(self.boundary.GetGeometryCount())] or [self.boundary]
            pts = np.vstack([np.array(r.GetPoints())[:, :2] for r in rings])
            self._edge = cKDTree(pts).query(np.column_stack([self.x, self.y]))[0]
        return self._edge

    def take_on_boundary(self, clearance: float = 280.0) -> tuple[float, float]:
        """A free point on the outer edge of the covered area (for parcels outside the survey)."""
        pts = np.array(self.boundary.GetGeometryRef(0).GetPoints()
                       if self.boundary.GetGeometryCount() else self.boundary.GetPoints())[:, :2]
        step = max(1, len(pts) // 400)
        pts = pts[::step]
        ok = self._free(pts[:, 0], pts[:, 1], clearance) \
            & (self.terrain.river_distance(pts[:, 0], pts[:, 1]) > 350.0)
        for x, y in pts[ok]:
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(float(x), float(y))
            # skip points on a border between two covered counties
            if sum(r.geom.Buffer(1.0).Contains(point) for r in self.regions) == 1:
                self.taken.append((float(x), float(y), clearance))
                return float(x), float(y)
        raise RuntimeError("no free point on the outer boundary")
