"""TBMJ: parcel areas from the plugin's ellipsoidal area engine (``core.area``).

Until that engine is in the tree, a geodesic fallback (pyproj, same CGCS2000 ellipsoid)
measures instead, so the generator runs either way; ``ENGINE`` says which one was used.
"""

from __future__ import annotations

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

from .config import WORK_CRS
from .geo import ring_area, to_geographic

try:  # the plugin's engine (sg_nr_plugin.core.area); see docs/architecture.md
    from sg_nr_plugin.core.area import EllipsoidalArea
except ImportError:  # pragma: no cover - depends on the tree's state
    EllipsoidalArea = None

ENGINE = "core.area.EllipsoidalArea" if EllipsoidalArea else "pyproj.Geod (fallback)"


def measure_areas(geoms: list[QgsGeometry]) -> np.ndarray:
    """Ellipsoidal areas (m²) of polygons in the working CRS."""
    if EllipsoidalArea is not None:
        engine = EllipsoidalArea(QgsCoordinateReferenceSystem(WORK_CRS))
        return np.asarray(engine.measure_many(geoms), dtype=float)
    return np.array([_geodesic(g) for g in geoms])


def _geodesic(geom: QgsGeometry) -> float:
    total = 0.0
    for part in geom.asMultiPolygon() if geom.isMultipart() else [geom.asPolygon()]:
        for r, ring in enumerate(part):
            xy = np.array([(p.x(), p.y()) for p in ring])
            lon, lat = to_geographic(xy[:, 0], xy[:, 1])
            total += ring_area(lon, lat) * (1 if r == 0 else -1)
    return total
