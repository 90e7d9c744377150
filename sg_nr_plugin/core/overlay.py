"""Overlay engine: the part of an overlay layer that lies under a (big) layer's features.

Shared by the statistics (``overlaystats``, ``planindicators``) and the project checks. Overlay
features are filtered, reprojected to the caller's CRS, repaired, cut into pieces of at most
``MAX_PIECE_VERTICES`` vertices and indexed; each query then touches only the pieces whose
bounding box meets the query geometry, through prepared GEOS engines (made on first use).
Overlapping overlay features are unioned per query, so an area under two overlapping red-line
pieces counts once.

Two ways to hold the pieces, with the same queries (:class:`PieceQueries`):
:class:`OverlayLayer` reads the whole layer once (small overlays), and
:class:`~sg_nr_plugin.core.windowed.WindowedOverlay` reads it tile by tile through the
provider's spatial index (big ones); :mod:`sg_nr_plugin.core.strategy` chooses.

For callers streaming a big layer in batches (``overlaystats``): ``ring_bounds`` and
``may_meet`` screen a whole batch of parcels against the pieces' boxes in numpy, and
``proven_valid`` spares GEOS validity checks of parcels that are certainly valid.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureSource,
    QgsGeometry,
    QgsGeometryCollection,
    QgsRectangle,
    QgsSpatialIndex,
)

from .crs import DAMAGED_COORDINATE
from .pieces import MAX_PIECE_VERTICES, Piece, PieceMaker, overlay_request, polygon_parts
from .reading import read_features
from .wkb import RingSet

# Side of the coarse grid behind OverlayLayer.may_meet(), in cells (at most 1024 × 1024).
GRID_SIDE = 1024

# Kinds returned by PieceQueries.under().
ALL, PART, NONE = "all", "part", "none"


class PieceQueries:
    """What is under a geometry, for any holder of pieces: subclasses give :meth:`_near` and
    their ``PieceMaker`` as ``_maker`` (its counts are the layer's)."""

    @property
    def repairs(self) -> int:
        return self._maker.repairs

    @property
    def feature_count(self) -> int:
        return self._maker.feature_count

    @property
    def read_count(self) -> int:
        return self._maker.read_count

    def _near(self, rect: QgsRectangle) -> list[Piece]:
        """Pieces whose box meets ``rect``, sorted by key."""
        raise NotImplementedError

    def candidates(self, rect: QgsRectangle) -> list[QgsGeometry]:
        """The overlay pieces whose bounding box meets ``rect`` (in ``dest_crs``)."""
        return [piece.geometry for piece in self._near(rect)]

    def dissolved_under(self, geom: QgsGeometry) -> QgsGeometry:
        """Union of the overlay under ``geom``, intersected with ``geom`` (empty when none).

        Fast path: ``geom`` lies inside one piece → ``geom`` itself, no intersection computed.
        """
        return self.under(geom)[1]

    def under(self, geom: QgsGeometry) -> tuple[str, QgsGeometry]:
        """``(ALL, geom)``, ``(NONE, empty)`` or ``(PART, geom ∩ dissolved overlay)``.

        Callers measuring areas use the kind to skip measuring: ALL → the whole parcel's area,
        NONE → 0.
        """
        if geom is None or geom.isNull() or geom.isEmpty():
            return NONE, QgsGeometry()
        rect = geom.boundingBox()
        near = self._near(rect)
        if not near:
            return NONE, QgsGeometry()
        box = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        target = geom.constGet()
        # Only a piece whose box holds the parcel's can contain it: those first, so that a
        # parcel inside one piece costs one GEOS call, not three per neighbouring piece.
        for piece in near:
            if _holds(piece.box, box) and (_same_shape(piece, box, target)
                                           or piece.engine.contains(target)):
                return ALL, QgsGeometry(geom)
        hits = []
        for piece in near:
            engine = piece.engine
            # adjacent parcels share edges with the overlay: touching is not overlapping
            if engine.intersects(target) and not engine.touches(target):
                hits.append(piece)
        inside = self._clip_union(geom, hits)
        return (NONE, inside) if inside.isEmpty() else (PART, inside)

    @staticmethod
    def _clip_union(geom: QgsGeometry, hits: list[Piece]) -> QgsGeometry:
        if not hits:
            return QgsGeometry()
        if not geom.isGeosValid():
            geom = polygon_parts(geom.makeValid()) or QgsGeometry()
            if geom.isEmpty():
                return QgsGeometry()
        # Clip each piece to the query first: the union then works on small geometries.
        clipped = [QgsGeometry(geom.intersection(piece.geometry)) for piece in hits]
        clipped = [polygon_parts(c) for c in clipped]
        clipped = [c for c in clipped if c is not None and not c.isEmpty()]
        if not clipped:
            return QgsGeometry()
        if len(clipped) == 1:
            return clipped[0]
        return polygon_parts(QgsGeometry.unaryUnion(clipped)) or QgsGeometry()

    def inside_fraction(self, geom: QgsGeometry) -> float:
        """Planar share of ``geom`` under the overlay (0…1), for net-area apportioning."""
        total = geom.area() if geom is not None and not geom.isNull() else 0.0
        if total <= 0:
            return 0.0
        inside = self.dissolved_under(geom)
        return 0.0 if inside.isEmpty() else min(1.0, inside.area() / total)


def _same_shape(piece, box: tuple, target) -> bool:
    """The piece is the parcel itself, vertex for vertex (basic farmland and other layers
    cut from the survey's parcels): it contains it, and GEOS would need a full relate of two
    coincident boundaries (the costliest case of ``contains``) to say so."""
    if piece.box != box:
        return False
    if isinstance(target, QgsGeometryCollection) and target.numGeometries() == 1:
        target = target.geometryN(0)
    return piece.geometry.constGet() == target


def _holds(outer: tuple, inner: tuple) -> bool:
    return (outer[0] <= inner[0] and outer[1] <= inner[1] and outer[2] >= inner[2]
            and outer[3] >= inner[3])


class OverlayLayer(PieceQueries):
    """A filtered, reprojected, repaired and indexed overlay, read whole, queried per feature.

    ``expression`` is a QGIS filter expression on the overlay's attributes (None: all features).
    ``repairs`` counts overlay features whose invalid geometry was repaired with ``makeValid``;
    ``feature_count`` counts the overlay features used, ``read_count`` every feature read
    (null or non-polygonal ones too): the count an output states for its input.
    """

    strategy = "memory"

    def __init__(
        self,
        source: QgsFeatureSource,
        dest_crs: QgsCoordinateReferenceSystem,
        transform_context: QgsCoordinateTransformContext,
        expression: str | None = None,
        feedback=None,
        layer_name: str = "",
        counts=None,
    ) -> None:
        self.dest_crs = dest_crs
        self._maker = PieceMaker(dest_crs, source.sourceName())
        self._grid: _BoxGrid | None = None
        self._index = QgsSpatialIndex()
        request = overlay_request(dest_crs, transform_context, expression)
        self._pieces = self._maker.pieces(read_features(source, request, layer_name, counts),
                                          feedback)
        for piece_id, piece in enumerate(self._pieces):
            self._index.addFeature(piece_id, piece.rect())

    @property
    def is_empty(self) -> bool:
        return not self._pieces

    def _near(self, rect: QgsRectangle) -> list[Piece]:
        return sorted((self._pieces[i] for i in self._index.intersects(rect)),
                      key=_piece_key)

    def may_meet(self, xmin: np.ndarray, ymin: np.ndarray, xmax: np.ndarray,
                 ymax: np.ndarray) -> np.ndarray:
        """Which boxes (arrays, ``dest_crs``) may meet a piece's box: False is certain, True
        only means "ask :meth:`under`". One numpy pass for a whole batch of parcels, so the
        ~90 % of parcels far from any overlay never cost a call into the spatial index."""
        if not self._pieces:
            return np.zeros(len(xmin), dtype=bool)
        if self._grid is None:  # built on first use: the check engine never needs it
            self._grid = _BoxGrid(np.array([piece.box for piece in self._pieces]))
        return self._grid.meets(xmin, ymin, xmax, ymax)


def _piece_key(piece: Piece) -> tuple[int, int]:
    return piece.key


class _BoxGrid:
    """Cells of a regular grid over the pieces that some piece's box touches, as 2-D prefix
    sums, so that "does this box share a cell with any piece box" is O(1) per box (vectorised).

    Conservative: two boxes that meet (closed intervals, as QgsSpatialIndex) share a cell,
    because both map the same coordinate through the same arithmetic to the same cell.
    """

    def __init__(self, boxes: np.ndarray) -> None:
        self.x0, self.y0 = boxes[:, 0].min(), boxes[:, 1].min()
        self.x1, self.y1 = boxes[:, 2].max(), boxes[:, 3].max()
        self.cell = max(self.x1 - self.x0, self.y1 - self.y0) / GRID_SIDE or 1.0
        self.nx = int(min(GRID_SIDE, (self.x1 - self.x0) // self.cell + 1))
        self.ny = int(min(GRID_SIDE, (self.y1 - self.y0) // self.cell + 1))
        marked = np.zeros((self.ny, self.nx), dtype=np.int32)
        c0, c1 = self._cols(boxes[:, 0]), self._cols(boxes[:, 2])
        r0, r1 = self._rows(boxes[:, 1]), self._rows(boxes[:, 3])
        for i in range(len(boxes)):
            marked[r0[i]:r1[i] + 1, c0[i]:c1[i] + 1] = 1
        self.sums = np.zeros((self.ny + 1, self.nx + 1), dtype=np.int32)
        self.sums[1:, 1:] = marked.cumsum(axis=0).cumsum(axis=1)

    def _cols(self, x: np.ndarray) -> np.ndarray:
        return np.clip(np.floor((x - self.x0) / self.cell), 0, self.nx - 1).astype(np.int64)

    def _rows(self, y: np.ndarray) -> np.ndarray:
        return np.clip(np.floor((y - self.y0) / self.cell), 0, self.ny - 1).astype(np.int64)

    def meets(self, xmin, ymin, xmax, ymax) -> np.ndarray:
        # a NaN coordinate reaches as far as it can: such a box is never screened out
        xmin, ymin = (np.nan_to_num(v, nan=-np.inf, posinf=np.inf, neginf=-np.inf)
                      for v in (xmin, ymin))
        xmax, ymax = (np.nan_to_num(v, nan=np.inf, posinf=np.inf, neginf=-np.inf)
                      for v in (xmax, ymax))
        c0, c1, r0, r1 = self._cols(xmin), self._cols(xmax), self._rows(ymin), self._rows(ymax)
        s = self.sums
        marked = s[r1 + 1, c1 + 1] - s[r0, c1 + 1] - s[r1 + 1, c0] + s[r0, c0]
        near = (xmax >= self.x0) & (xmin <= self.x1) & (ymax >= self.y0) & (ymin <= self.y1)
        return near & (marked > 0)


def ring_bounds(rings: RingSet) -> tuple[np.ndarray, ...]:
    """``xmin, ymin, xmax, ymax`` of each geometry of a decoded batch; ±inf (meets anything)
    for geometries without decoded rings (curves, null), so that no screen ever drops them."""
    x, y, starts, _signs, owner = rings.arrays()
    count = rings.count
    bounds = (np.full(count, -np.inf), np.full(count, -np.inf),
              np.full(count, np.inf), np.full(count, np.inf))
    if not len(starts):
        return bounds
    rings_of = np.bincount(owner, minlength=count)
    shared = rings_of[owner] > 1  # geometries of several rings: combined ring by ring
    for out, values, reduce in zip(bounds, (x, y, x, y), (np.minimum, np.minimum, np.maximum,
                                                           np.maximum)):
        per_ring = reduce.reduceat(values, starts)
        out[owner] = per_ring
        reduce.at(out, owner[shared], per_ring[shared])
    return bounds


def proven_valid(wkbs: Sequence[bytes], rings: RingSet) -> np.ndarray:
    """Geometries of a decoded batch that are certainly GEOS-valid, without GEOS.

    A GEOS validity check costs ~3 µs a parcel (conversion included), as much as reading it.
    Most parcels are one ring that is star-shaped from its vertex mean: seen from that point
    every edge turns the same way (sine of the turn above 1e-9: far beyond rounding) and the
    ring goes round it once (it enters and leaves the lower half-plane once). Such a ring is
    simple, hence a valid polygon. False only means "not proven" (concave shapes, holes,
    several parts, curves): ask GEOS.
    """
    x, y, starts, signs, owner = rings.arrays()
    proven = np.zeros(rings.count, dtype=bool)
    if not len(starts):
        return proven
    counts = np.diff(np.append(starts, len(x)))
    ends = starts + counts - 1
    edge_ring = np.repeat(np.arange(len(starts)), counts - 1)
    not_last = np.ones(len(x), dtype=bool)
    not_last[ends] = False
    a = np.flatnonzero(not_last)  # each edge runs from vertex a to vertex a + 1
    centre_x = np.bincount(edge_ring, x[a], len(starts)) / (counts - 1)
    centre_y = np.bincount(edge_ring, y[a], len(starts)) / (counts - 1)
    dx, dy = x - np.repeat(centre_x, counts), y - np.repeat(centre_y, counts)
    cross = dx[a] * dy[a + 1] - dy[a] * dx[a + 1]
    squared = dx * dx + dy * dy
    firm = cross * cross > 1e-18 * squared[a] * squared[a + 1]
    edges = counts - 1
    left = np.bincount(edge_ring, firm & (cross > 0), len(starts)) == edges
    right = np.bincount(edge_ring, firm & (cross < 0), len(starts)) == edges
    below = dy < 0
    once = np.bincount(edge_ring, below[a] != below[a + 1], len(starts)) == 2
    closed = (x[starts] == x[ends]) & (y[starts] == y[ends]) & (counts >= 4)
    # NaN, infinite or absurd coordinates are never "proven": GeometryRepairs must see them
    with np.errstate(invalid="ignore"):
        sane = (np.abs(x) < DAMAGED_COORDINATE) & (np.abs(y) < DAMAGED_COORDINATE)
    closed &= np.logical_and.reduceat(sane, starts)
    star = closed & (left | right) & once & (signs > 0)
    proven[owner[star]] = True
    single = np.bincount(owner, minlength=rings.count) == 1
    points = np.zeros(rings.count, dtype=np.int64)
    points[owner] = counts
    return proven & single & _one_ring_layout(wkbs, points)


def _one_ring_layout(wkbs: Sequence[bytes], points: np.ndarray) -> np.ndarray:
    """True where the WKB is a little-endian Polygon, or MultiPolygon of one Polygon, holding
    one ring of ``points`` vertices and nothing else: its length leaves no room for another
    part or ring (the decoder skips rings of fewer than 3 points, which GEOS calls invalid)."""
    lengths = np.fromiter(map(len, wkbs), dtype=np.int64, count=len(wkbs))
    data = np.frombuffer(b"".join(wkbs) + bytes(5), dtype=np.uint8)
    head = data[(np.cumsum(lengths) - lengths)[:, None] + np.arange(5)]
    code = np.ascontiguousarray(head[:, 1:5]).view("<u4")[:, 0].astype(np.int64)
    iso, base = code // 1000, code % 1000
    dims = 2 + ((iso == 1) | (iso == 3)) + ((iso == 2) | (iso == 3))
    expected = np.where(base == 3, 13, 22) + 8 * dims * points
    layout = (head[:, 0] == 1) & (iso <= 3) & ((base == 3) | (base == 6))
    return layout & (lengths >= 13) & (lengths == expected)


__all__ = ["ALL", "MAX_PIECE_VERTICES", "NONE", "PART", "OverlayLayer", "PieceQueries",
           "polygon_parts", "proven_valid", "ring_bounds"]
