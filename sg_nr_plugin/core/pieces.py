"""Overlay pieces: overlay features read, screened, repaired and cut into small pieces.

Shared by both ways of holding an overlay (core/overlay.py :class:`OverlayLayer`, whole;
core/windowed.py :class:`WindowedOverlay`, tile by tile).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsGeometry,
    QgsRectangle,
    QgsWkbTypes,
)

from ..i18n import tr
from .coordinates import (
    DamagedFeaturesError,
    Domain,
    coordinate_problem,
    feature_label,
    out_of_domain,
)
from .expressions import filtered_request
from .wkb import polygon_rings

# Red-line and protected-area polygons can hold 100 000 vertices; intersecting a small parcel
# with such a polygon costs as much as the whole polygon. Cutting them into small pieces (GEOS
# subdivide) makes both the spatial index and each intersection cheap.
MAX_PIECE_VERTICES = 256

# Overlay features screened for impossible coordinates in one numpy pass.
SCREEN_BATCH = 1024


class Piece:
    """One overlay piece: ``key`` (feature id, part number) fixes the order pieces are unioned
    in, whatever the index returns, so every way of holding the overlay gives the same
    geometry; the prepared engine (which borrows ``geometry``) is made on first use: most
    pieces of a big overlay are never queried."""

    __slots__ = ("key", "geometry", "box", "vertices", "_engine")

    def __init__(self, key: tuple[int, int], geometry: QgsGeometry) -> None:
        self.key = key
        self.geometry = geometry
        rect = geometry.boundingBox()
        self.box = (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
        self.vertices = geometry.constGet().nCoordinates()
        self._engine = None

    @property
    def engine(self):
        if self._engine is None:
            self._engine = QgsGeometry.createGeometryEngine(self.geometry.constGet())
            self._engine.prepareGeometry()
        return self._engine

    def rect(self) -> QgsRectangle:
        return QgsRectangle(*self.box)


def overlay_request(dest_crs, transform_context, expression: str | None) -> QgsFeatureRequest:
    """The request every overlay read uses: in ``dest_crs``, filtered by ``expression``."""
    request = QgsFeatureRequest()
    request.setDestinationCrs(dest_crs, transform_context)
    if expression:
        filtered_request(expression,
                         tr("Invalid overlay filter expression “{expr}”: {error}"), request)
    else:
        request.setNoAttributes()
    return request


class PieceMaker:
    """Overlay features → pieces: non-polygons skipped, impossible coordinates listed (screened
    for a batch at once), invalid geometries repaired and counted, the rest subdivided.

    ``repairs``/``feature_count``/``read_count`` count each feature id once, however often a
    windowed reader reads it again."""

    def __init__(self, dest_crs: QgsCoordinateReferenceSystem, layer_name: str) -> None:
        self.dest_crs = dest_crs
        self.layer_name = layer_name
        self.domain = Domain.of(dest_crs)
        self.repairs = 0
        self.feature_count = 0
        self.read_count = 0
        self._seen: set[int] = set()
        self.damaged: list[str] = []
        self.problem = ""

    def pieces(self, features: Iterable, feedback=None) -> list[Piece]:
        """Pieces of ``features`` (in their order); raises :class:`DamagedFeaturesError` at the
        end when any feature has impossible coordinates."""
        pieces: list[Piece] = []
        batch: list = []
        for feature in features:
            if feedback is not None and feedback.isCanceled():
                break
            fid = feature.id()
            first = fid not in self._seen
            if first:
                self._seen.add(fid)
                self.read_count += 1
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                continue
            if geometry.type() != QgsWkbTypes.PolygonGeometry:
                continue
            batch.append((feature, geometry, first))
            if len(batch) >= SCREEN_BATCH:
                self._add(batch, pieces)
                batch = []
        self._add(batch, pieces)
        if self.damaged:  # an overlay missing a polygon gives wrong totals and false passes
            raise DamagedFeaturesError(self.layer_name, self.damaged, self.problem)
        return pieces

    def _add(self, batch: list, pieces: list[Piece]) -> None:
        if not batch:
            return
        geometries = [g for _f, g, _first in batch]
        bad = damaged_rows([bytes(g.asWkb()) for g in geometries], self.domain,
                           [g.constGet().nCoordinates() for g in geometries])
        for row, (feature, geometry, first) in enumerate(batch):
            if bad[row]:
                problem = coordinate_problem(geometry, self.dest_crs, self.domain)
                if problem:
                    self.damaged.append(feature_label(feature))
                    self.problem = self.problem or problem
                    continue
            if not geometry.isGeosValid():
                self.repairs += first
                geometry = polygon_parts(geometry.makeValid())
                if geometry is None or geometry.isEmpty():
                    continue
            self.feature_count += first
            fid = feature.id()
            parts = geometry.subdivide(MAX_PIECE_VERTICES).asGeometryCollection()
            for number, part in enumerate(parts):
                if not part.isEmpty() and part.type() == QgsWkbTypes.PolygonGeometry:
                    pieces.append(Piece((fid, number), part))


def damaged_rows(wkbs: Sequence[bytes], domain: Domain, vertices: Sequence[int]) -> np.ndarray:
    """Which geometries of a batch may hold impossible coordinates (one numpy pass over the
    decoded rings). ``vertices`` is each geometry's vertex count: one whose rings the decoder
    did not all read (curves, rings of fewer than 3 points) is always "may". True only means
    "ask :func:`coordinate_problem`"."""
    rings = polygon_rings(wkbs)
    bad = np.zeros(len(wkbs), dtype=bool)
    x, y, starts, _signs, owner = rings.arrays()
    decoded = np.zeros(len(wkbs), dtype=np.int64)
    if len(x):
        counts = np.diff(np.append(starts, len(x)))
        vertex_owner = np.repeat(owner, counts)
        bad[vertex_owner[out_of_domain(x, y, domain)]] = True
        np.add.at(decoded, owner, counts)
    bad[rings.unsupported] = True
    bad |= decoded != np.asarray(vertices, dtype=np.int64)
    return bad


def polygon_parts(geometry: QgsGeometry) -> QgsGeometry | None:
    """Only the polygonal parts of ``geometry`` (intersections and makeValid yield lines/points)."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    flat = QgsWkbTypes.flatType(geometry.wkbType())
    if flat in (QgsWkbTypes.Polygon, QgsWkbTypes.MultiPolygon):
        return geometry
    polygons = [part for part in geometry.asGeometryCollection()
                if part.type() == QgsWkbTypes.PolygonGeometry and not part.isEmpty()]
    if not polygons:
        return None
    return polygons[0] if len(polygons) == 1 else QgsGeometry.collectGeometry(polygons)
