"""Overlay engine: the part of a (small) overlay layer that lies under a (big) layer's features.

Shared by the statistics (``overlaystats``, ``planindicators``) and the project checks. The
overlay is read once — filtered, reprojected to the caller's CRS, repaired, cut into pieces of
at most ``MAX_PIECE_VERTICES`` vertices — and indexed; each query then touches only the pieces
whose bounding box meets the query geometry, through prepared GEOS engines. Overlapping overlay
features are unioned before use, so an area under two overlapping red-line pieces counts once.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsRectangle,
    QgsSpatialIndex,
    QgsWkbTypes,
)

from ..i18n import tr
from .errors import SgNrError

# Red-line and protected-area polygons can hold 100 000 vertices; intersecting a small parcel
# with such a polygon costs as much as the whole polygon. Cutting them into small pieces (GEOS
# subdivide) makes both the spatial index and each intersection cheap.
MAX_PIECE_VERTICES = 256

# Kinds returned by OverlayLayer.under().
ALL, PART, NONE = "all", "part", "none"


@dataclass
class _Piece:
    """One indexed overlay piece with its prepared engine (the engine borrows ``geometry``)."""

    geometry: QgsGeometry
    engine: object


class OverlayLayer:
    """A filtered, reprojected, repaired and indexed overlay, queried per feature.

    ``expression`` is a QGIS filter expression on the overlay's attributes (None: all features).
    ``repairs`` counts overlay features whose invalid geometry was repaired with ``makeValid``;
    ``feature_count`` counts the overlay features used.
    """

    def __init__(
        self,
        source: QgsFeatureSource,
        dest_crs: QgsCoordinateReferenceSystem,
        transform_context: QgsCoordinateTransformContext,
        expression: str | None = None,
        feedback=None,
    ) -> None:
        self.dest_crs = dest_crs
        self.repairs = 0
        self.feature_count = 0
        self._pieces: dict[int, _Piece] = {}
        self._index = QgsSpatialIndex()
        self._load(source, transform_context, expression, feedback)

    # ---- construction ------------------------------------------------------------------------
    def _load(self, source, transform_context, expression, feedback) -> None:
        request = QgsFeatureRequest()
        request.setDestinationCrs(self.dest_crs, transform_context)
        if expression:
            request.setFilterExpression(expression)
            if request.filterExpression().hasParserError():
                raise SgNrError(tr("Invalid overlay filter expression “{expr}”: {error}").format(
                    expr=expression, error=request.filterExpression().parserErrorString()))
        else:
            request.setNoAttributes()
        for feature in source.getFeatures(request):
            if feedback is not None and feedback.isCanceled():
                break
            geometry = self._clean(feature.geometry())
            if geometry is None:
                continue
            self.feature_count += 1
            for part in geometry.subdivide(MAX_PIECE_VERTICES).asGeometryCollection():
                self._add_piece(part)

    def _clean(self, geometry: QgsGeometry) -> QgsGeometry | None:
        """Polygonal, valid geometry or None; invalid input is repaired and counted."""
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return None
        if geometry.type() != QgsWkbTypes.PolygonGeometry:
            return None
        if not geometry.isGeosValid():
            self.repairs += 1
            geometry = polygon_parts(geometry.makeValid())
        return geometry if geometry is not None and not geometry.isEmpty() else None

    def _add_piece(self, part: QgsGeometry) -> None:
        if part.isEmpty() or part.type() != QgsWkbTypes.PolygonGeometry:
            return
        engine = QgsGeometry.createGeometryEngine(part.constGet())
        engine.prepareGeometry()
        piece_id = len(self._pieces)
        self._pieces[piece_id] = _Piece(part, engine)
        self._index.addFeature(piece_id, part.boundingBox())

    # ---- queries -----------------------------------------------------------------------------
    @property
    def is_empty(self) -> bool:
        return not self._pieces

    def candidates(self, rect: QgsRectangle) -> list[QgsGeometry]:
        """The overlay pieces whose bounding box meets ``rect`` (in ``dest_crs``)."""
        return [self._pieces[i].geometry for i in self._index.intersects(rect)]

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
        ids = self._index.intersects(geom.boundingBox())
        if not ids:
            return NONE, QgsGeometry()
        target = geom.constGet()
        hits = []
        for piece_id in ids:
            piece = self._pieces[piece_id]
            if piece.engine.contains(target):
                return ALL, QgsGeometry(geom)
            # adjacent parcels share edges with the overlay: touching is not overlapping
            if piece.engine.intersects(target) and not piece.engine.touches(target):
                hits.append(piece)
        inside = self._clip_union(geom, hits)
        return (NONE, inside) if inside.isEmpty() else (PART, inside)

    def _clip_union(self, geom: QgsGeometry, hits: list[_Piece]) -> QgsGeometry:
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
