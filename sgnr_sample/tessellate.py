"""Gap-free, overlap-free parcels: a Voronoi diagram of seed points clipped to each county.

Seeds are denser on valley floors and around seats (small farmland and village parcels) and
sparser in the mountains (large forest parcels). Rivers get a chain of seeds on their centre
line flanked by bank seeds, so their cells form a continuous channel of about the river's width.
Cells share their vertices exactly (scipy's Voronoi vertex array), so interior cells tessellate
without slivers; only the cells crossing the county outline are cut, with GEOS.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import QgsGeometry, QgsWkbTypes
from scipy.spatial import Voronoi, cKDTree

from .geo import polygon_wkb
from .terrain import Terrain


@dataclass
class Cells:
    """Parcels of one region: geometries (QgsGeometry), label points, and seed kinds."""
    geoms: list[QgsGeometry]
    x: np.ndarray            # a point inside each parcel (the seed when it is inside)
    y: np.ndarray
    river: np.ndarray        # index into terrain.rivers for channel cells, else -1


def density(terrain: Terrain, x, y) -> np.ndarray:
    """Relative seed density: about 12x higher on valley floors and near seats than on ridges."""
    low = terrain.lowland(x, y)
    d_seat = terrain._seat_tree.query(np.column_stack([np.ravel(x), np.ravel(y)]))[0]
    return 0.25 + 2.5 * (1.0 - low) + 3.0 * np.exp(-(d_seat.reshape(np.shape(x)) / 3000.0) ** 2)


def seed_points(rng: np.random.Generator, terrain: Terrain, bounds, region_area: float,
                target: int) -> tuple[np.ndarray, np.ndarray]:
    """Random seeds (rejection sampling of the density) plus river channel and bank seeds.

    Returns the points and, per point, the river index (-1 for ordinary seeds).
    """
    x0, y0, x1, y1 = bounds
    probe = np.column_stack([rng.uniform(x0, x1, 4000), rng.uniform(y0, y1, 4000)])
    w = density(terrain, probe[:, 0], probe[:, 1])
    w_max = float(w.max()) * 1.2
    box_area = (x1 - x0) * (y1 - y0)
    wanted = target * box_area / max(region_area, 1.0)
    n_candidates = int(wanted * w_max / float(w.mean()))
    cand = np.column_stack([rng.uniform(x0, x1, n_candidates), rng.uniform(y0, y1, n_candidates)])
    keep = rng.uniform(0, w_max, n_candidates) < density(terrain, cand[:, 0], cand[:, 1])
    pts = cand[keep]
    kinds = [np.full(len(pts), -1)]
    # channel cells about as long as an average parcel: rivers must not dominate the count
    spacing = 0.8 * np.sqrt(region_area / max(target, 1))
    parts = [pts]
    for index, river in enumerate(terrain.rivers):
        channel, banks = _river_seeds(river.xy, river.width, bounds, spacing)
        if not len(channel):
            continue
        # no ordinary seed may sit inside the channel, or it would cut it
        near = cKDTree(channel).query(parts[0], distance_upper_bound=river.width * 1.2)[0]
        parts[0] = parts[0][~np.isfinite(near) | (near > river.width * 1.2)]
        kinds[0] = kinds[0][: len(parts[0])]
        parts += [channel, banks]
        kinds += [np.full(len(channel), index), np.full(len(banks), -1)]
    return np.vstack(parts), np.concatenate(kinds)


def _river_seeds(xy: np.ndarray, width: float, bounds, spacing: float
                 ) -> tuple[np.ndarray, np.ndarray]:
    x0, y0, x1, y1 = bounds
    step = max(width * 2.0, 40.0, spacing)
    seg = np.hypot(*np.diff(xy, axis=0).T)
    dist = np.concatenate([[0.0], np.cumsum(seg)])
    s = np.arange(0.0, dist[-1], step)
    if len(s) < 3:
        return np.empty((0, 2)), np.empty((0, 2))
    px, py = np.interp(s, dist, xy[:, 0]), np.interp(s, dist, xy[:, 1])
    tx, ty = np.gradient(px), np.gradient(py)
    norm = np.hypot(tx, ty) + 1e-9
    nx, ny = -ty / norm, tx / norm
    inside = (px > x0) & (px < x1) & (py > y0) & (py < y1)
    channel = np.column_stack([px, py])[inside]
    banks = np.vstack([np.column_stack([px + nx * width, py + ny * width])[inside],
                       np.column_stack([px - nx * width, py - ny * width])[inside]])
    return channel, banks


def polygonal(geom: QgsGeometry) -> QgsGeometry:
    """The polygon parts of a GEOS result as a MultiPolygon (cuts can yield collections
    holding stray lines where two outlines run along each other)."""
    if QgsWkbTypes.flatType(geom.wkbType()) in (QgsWkbTypes.Polygon, QgsWkbTypes.MultiPolygon):
        out = QgsGeometry(geom)
    else:
        parts = [p for p in geom.asGeometryCollection()
                 if p.type() == QgsWkbTypes.PolygonGeometry]
        out = QgsGeometry.collectGeometry(parts) if parts else QgsGeometry()
    if not out.isEmpty():
        out.convertToMultiType()
    return out


def voronoi_cells(points: np.ndarray, kinds: np.ndarray, bounds, region: QgsGeometry) -> Cells:
    """Voronoi cells of ``points`` clipped to ``region`` (cells outside it are dropped)."""
    x0, y0, x1, y1 = bounds
    span = max(x1 - x0, y1 - y0)
    # A far frame of dummy seeds makes every real cell finite.
    t = np.linspace(0, 2 * np.pi, 16, endpoint=False)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    frame = np.column_stack([cx + 3 * span * np.cos(t), cy + 3 * span * np.sin(t)])
    vor = Voronoi(np.vstack([points, frame]))
    engine = QgsGeometry.createGeometryEngine(region.constGet())
    engine.prepareGeometry()
    geoms, xs, ys, rivers = [], [], [], []
    for i in range(len(points)):
        vertex_ids = vor.regions[vor.point_region[i]]
        if not vertex_ids or -1 in vertex_ids:
            continue
        cell = QgsGeometry()
        cell.fromWkb(polygon_wkb(vor.vertices[vertex_ids]))
        if engine.contains(cell.constGet()):
            geoms.append(cell)
            xs.append(points[i, 0])
            ys.append(points[i, 1])
        elif engine.intersects(cell.constGet()):
            clipped = polygonal(cell.intersection(region))
            if clipped.isEmpty() or clipped.area() <= 0.0:
                continue
            label = clipped.pointOnSurface().asPoint()
            geoms.append(clipped)
            xs.append(label.x())
            ys.append(label.y())
        else:
            continue
        rivers.append(kinds[i])
    return Cells(geoms, np.array(xs), np.array(ys), np.array(rivers, dtype=int))
