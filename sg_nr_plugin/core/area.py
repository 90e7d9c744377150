"""Ellipsoidal (CGCS2000) area of polygons in any CRS, independent of QgsDistanceArea.

Why not QgsDistanceArea: on QGIS 3.22 it measures −0.0225 % with the ellipsoid "EPSG:7044"
that EPSG:4547 reports, and a processing context without a project ellipsoid measures planar
(+0.004 %). The maths here is in :mod:`geodesy` (numpy) and tested against closed forms and
pyproj; QGIS is only used to read geometries and, for CRSs that are neither CGCS2000
Gauss-Kruger nor CGCS2000 geographic, to transform them to EPSG:4490 first.

- CGCS2000 transverse Mercator (GK zones with or without prefix, read from PROJ parameters):
  exact area of the polygon with straight edges in the plane (see ``gk_ring_areas``).
- CGCS2000 geographic (EPSG:4490): shoelace in Lambert equal-area coordinates, exact for edges
  along meridians and parallels.
- Anything else: QgsCoordinateTransform to EPSG:4490, then each ring into the CGCS2000 3° GK
  zone of its first vertex and measured as above.
"""

from __future__ import annotations

from collections.abc import Iterable
from struct import unpack_from

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsGeometry,
)

from ..i18n import tr
from .crs import cgcs2000_tmerc, is_cgcs2000_geographic
from .errors import CrsError
from .geodesy import (
    CGCS2000,
    TransverseMercator,
    authalic_ring_areas,
    gk_ring_areas,
)

#: Geometries measured per numpy batch by :meth:`EllipsoidalArea.measure_iter`.
BATCH_SIZE = 20000


class _UnsupportedWkbError(Exception):
    """A WKB type the fast reader does not handle (curves): segmentize, then read again."""


def _read_wkb(buf: bytes, pos: int, rings: list) -> int:
    """Append ``(offset, n_points, dims, exterior, byteorder)`` for every polygon ring.

    Handles Polygon/MultiPolygon/Triangle/collections in 2D, Z, M and ZM (ISO and EWKB codes);
    points and lines inside collections are skipped. Returns the position after the geometry.
    """
    order = "<" if buf[pos] == 1 else ">"
    (code,) = unpack_from(order + "I", buf, pos + 1)
    pos += 5
    if code & 0x20000000:  # EWKB SRID
        pos += 4
    iso = (code & 0x0FFFFFFF) // 1000
    has_z = bool(code & 0x80000000) or iso in (1, 3)
    has_m = bool(code & 0x40000000) or iso in (2, 3)
    base = (code & 0x0FFFFFFF) % 1000
    dims = 2 + has_z + has_m
    if base in (3, 17):  # Polygon, Triangle
        (n_rings,) = unpack_from(order + "I", buf, pos)
        pos += 4
        for index in range(n_rings):
            (n_points,) = unpack_from(order + "I", buf, pos)
            rings.append((pos + 4, n_points, dims, index == 0, order))
            pos += 4 + 8 * dims * n_points
        return pos
    if base in (4, 5, 6, 7, 15, 16):  # multi-geometries, collections, surfaces, TIN
        (n_parts,) = unpack_from(order + "I", buf, pos)
        pos += 4
        for _ in range(n_parts):
            pos = _read_wkb(buf, pos, rings)
        return pos
    if base == 1:
        return pos + 8 * dims
    if base == 2:
        (n_points,) = unpack_from(order + "I", buf, pos)
        return pos + 4 + 8 * dims * n_points
    raise _UnsupportedWkbError(code)


class _Batch:
    """Ring coordinates of a batch of geometries, flattened for numpy."""

    def __init__(self) -> None:
        self.xs: list[np.ndarray] = []
        self.ys: list[np.ndarray] = []
        self.counts: list[int] = []
        self.signs: list[float] = []
        self.owner: list[int] = []

    def add(self, buf: bytes, rings: list, index: int) -> None:
        for offset, n_points, dims, exterior, order in rings:
            if n_points < 3:
                continue
            values = np.frombuffer(buf, dtype=order + "f8", count=n_points * dims, offset=offset)
            self.xs.append(values[0::dims])
            self.ys.append(values[1::dims])
            self.counts.append(n_points)
            self.signs.append(1.0 if exterior else -1.0)
            self.owner.append(index)

    def arrays(self):
        counts = np.asarray(self.counts, dtype=np.int64)
        starts = np.zeros(len(counts), dtype=np.int64)
        if len(counts):
            np.cumsum(counts[:-1], out=starts[1:])
        x = np.concatenate(self.xs) if self.xs else np.zeros(0)
        y = np.concatenate(self.ys) if self.ys else np.zeros(0)
        return x, y, starts, np.asarray(self.signs), np.asarray(self.owner, dtype=np.int64)


class EllipsoidalArea:
    """Measure polygons of one CRS on the CGCS2000 ellipsoid, in m².

    ``empty_count`` counts null/empty geometries (measured 0), ``non_polygon_count`` points and
    lines (measured 0), both since construction.
    """

    def __init__(self, crs: QgsCoordinateReferenceSystem,
                 transform_context: QgsCoordinateTransformContext | None = None) -> None:
        if crs is None or not crs.isValid():
            raise CrsError(tr("Cannot measure areas: the coordinate reference system is "
                              "missing or invalid."))
        self.crs = crs
        self.empty_count = 0
        self.non_polygon_count = 0
        self._tm: TransverseMercator | None = cgcs2000_tmerc(crs)
        self._geographic = self._tm is None and is_cgcs2000_geographic(crs)
        self._transform: QgsCoordinateTransform | None = None
        if self._tm is None and not self._geographic:
            target = QgsCoordinateReferenceSystem("EPSG:4490")
            self._transform = QgsCoordinateTransform(
                crs, target, transform_context or QgsCoordinateTransformContext())

    @property
    def method(self) -> str:
        """"gauss-kruger", "geographic" or "transformed" (for reports and tests)."""
        if self._tm is not None:
            return "gauss-kruger"
        return "geographic" if self._geographic else "transformed"

    def measure(self, geom: QgsGeometry | None) -> float:
        """Area of one geometry in m² (0.0 for null/empty)."""
        return float(self.measure_many([geom])[0])

    def measure_many(self, geoms: Iterable[QgsGeometry | None]) -> np.ndarray:
        """Areas of many geometries in m², one numpy pass for the whole batch."""
        batch = _Batch()
        total = 0
        for index, geom in enumerate(geoms):
            total = index + 1
            buf = self._wkb(geom)
            if buf is None:
                continue
            rings: list = []
            try:
                _read_wkb(buf, 0, rings)
            except _UnsupportedWkbError:
                buf = self._segmentized(geom)
                _read_wkb(buf, 0, rings)
            if not rings:
                self.non_polygon_count += 1
            batch.add(buf, rings, index)
        return self._areas(batch, total)

    def measure_iter(self, geoms: Iterable[QgsGeometry | None],
                     batch_size: int = BATCH_SIZE) -> Iterable[float]:
        """Areas of a stream of geometries, measured in batches (constant memory)."""
        chunk: list = []
        for geom in geoms:
            chunk.append(geom)
            if len(chunk) >= batch_size:
                yield from self.measure_many(chunk).tolist()
                chunk = []
        if chunk:
            yield from self.measure_many(chunk).tolist()

    # -- internals --------------------------------------------------------------------------
    def _wkb(self, geom: QgsGeometry | None) -> bytes | None:
        if geom is None or geom.isNull() or geom.isEmpty():
            self.empty_count += 1
            return None
        if self._transform is not None:
            geom = QgsGeometry(geom)
            geom.transform(self._transform)
        return bytes(geom.asWkb())

    def _segmentized(self, geom: QgsGeometry) -> bytes:
        """Curved geometries become linear (QGIS default tolerance) before measuring."""
        linear = QgsGeometry(geom.constGet().segmentize())
        if self._transform is not None:
            linear.transform(self._transform)
        return bytes(linear.asWkb())

    def _areas(self, batch: _Batch, total: int) -> np.ndarray:
        x, y, starts, signs, owner = batch.arrays()
        if len(starts) == 0:
            return np.zeros(total)
        if self._tm is not None:
            ring = gk_ring_areas(x, y, starts, self._tm)
        elif self._geographic:
            ring = authalic_ring_areas(x, y, starts, CGCS2000)
        else:
            ring = _transformed_ring_areas(x, y, starts)
        # Exterior rings add, holes subtract, whatever each ring's orientation.
        return np.bincount(owner, weights=np.abs(ring) * signs, minlength=total)


def _transformed_ring_areas(lon: np.ndarray, lat: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Rings already in EPSG:4490: into the 3° GK zone of each ring's first vertex, then GK."""
    counts = np.diff(np.append(starts, len(lon)))
    cm = 3.0 * np.round(lon[starts] / 3.0)
    local = TransverseMercator(0.0, 1.0, 0.0, 0.0, CGCS2000)
    x, y = local.forward(lon - np.repeat(cm, counts), lat)
    return gk_ring_areas(x, y, starts, local)


def ellipsoidal_area(geom: QgsGeometry | None, crs: QgsCoordinateReferenceSystem,
                     transform_context: QgsCoordinateTransformContext | None = None) -> float:
    """Area of one geometry in m² on the CGCS2000 ellipsoid (convenience; batch with
    :class:`EllipsoidalArea` when measuring many)."""
    return EllipsoidalArea(crs, transform_context).measure(geom)
