"""Features of a check's attribute layers (DLTB, hazards, mines, roads, rivers, filed
projects…) under a project, with their attributes, in the working CRS.

:class:`SourceFetcher` asks the provider per project (``setFilterRect``: the GeoPackage/PostGIS
index answers; the 1M-parcel DLTB is never read whole); :class:`MemoryFetcher` reads a small
layer once and answers from an index in memory, sparing a provider query per project (the
choice: core/strategy.py). Both screen the features found for impossible coordinates in one
numpy pass and give the same features.
"""

from __future__ import annotations

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry, QgsSpatialIndex

from ..coordinates import DamagedFeaturesError, Domain, coordinate_problem, feature_label
from ..pieces import damaged_rows
from ..reading import ReadCounts, read_features


class SourceFetcher:
    """Per-project fetch of the features of a source under a geometry, in the working CRS."""

    def __init__(self, source, dest_crs, transform_context, attributes: list[str] | None = None,
                 layer_name: str | None = None, counts: ReadCounts | None = None):
        self.counts = counts
        self.source = source
        self.layer_name = layer_name or source.sourceName()
        self._domain = Domain.of(source.sourceCrs())
        self._forward = None
        if source.sourceCrs().isValid() and source.sourceCrs() != dest_crs:
            self._forward = QgsCoordinateTransform(source.sourceCrs(), dest_crs, transform_context)
        names = source.fields().names()
        self._attributes = [names.index(a) for a in (attributes or []) if a in names]

    def under(self, geom: QgsGeometry, engine, distance: float = 0.0):
        """``(feature, geometry in dest CRS)`` of features meeting ``geom`` (or within distance)."""
        rows = self.candidates(geom, distance)
        self.screen(rows)
        return self.select(rows, geom, engine, distance)

    def candidates(self, geom: QgsGeometry, distance: float = 0.0) -> list:
        """``(feature, geometry in the source CRS)`` of the features whose box meets
        ``geom``'s (grown by ``distance``), not yet screened (:meth:`screen`)."""
        rect = geom.boundingBox()
        if distance > 0:
            rect = rect.buffered(distance)
        if self._forward is not None:
            rect = self._forward.transformBoundingBox(rect, QgsCoordinateTransform.ReverseTransform)
        rows = []
        for feature in self._candidates(rect):
            other = feature.geometry()  # a copy already
            if not other.isEmpty():  # also true for a null geometry
                rows.append((feature, other))
        return rows

    def select(self, rows: list, geom: QgsGeometry, engine, distance: float = 0.0):
        """The screened ``rows`` that meet ``geom`` (or lie within ``distance``), with their
        geometry moved into the destination CRS (once: a row is selected for one project)."""
        forward, intersects = self._forward, engine.intersects  # hot loop: no lookups
        for feature, other in rows:
            if forward is not None:
                other.transform(forward)
            if distance > 0:
                if geom.distance(other) <= distance:
                    yield feature, other
            elif intersects(other.constGet()):
                yield feature, other

    def _candidates(self, rect):
        """Features whose box meets ``rect`` (source CRS)."""
        request = QgsFeatureRequest().setFilterRect(rect)
        request.setSubsetOfAttributes(self._attributes)
        return read_features(self.source, request, self.layer_name, self.counts)

    def screen(self, rows: list) -> None:
        """A control or survey feature with impossible coordinates under a project: the
        project's figures would be wrong, so the run stops naming it. One numpy pass for
        ``rows`` (the candidates of one project, or of a chunk of them)."""
        if not rows:
            return
        geometries = [geometry for _feature, geometry in rows]
        maybe = damaged_rows([bytes(g.asWkb()) for g in geometries], self._domain,
                             [g.constGet().nCoordinates() for g in geometries])
        for (feature, geometry), flagged in zip(rows, maybe.tolist()):
            problem = flagged and coordinate_problem(geometry, self.source.sourceCrs(),
                                                     self._domain)
            if problem:
                raise DamagedFeaturesError(self.layer_name, [feature_label(feature)], problem)


class MemoryFetcher(SourceFetcher):
    """:class:`SourceFetcher` over a small layer read once (a complete, counted read) and
    indexed in memory; features are handed out in layer order, as copies."""

    def __init__(self, source, dest_crs, transform_context, attributes: list[str] | None = None,
                 layer_name: str | None = None, counts: ReadCounts | None = None):
        super().__init__(source, dest_crs, transform_context, attributes, layer_name, counts)
        request = QgsFeatureRequest().setSubsetOfAttributes(self._attributes)
        self._features = []
        self._index = QgsSpatialIndex()
        for feature in read_features(source, request, self.layer_name, counts):
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                continue
            self._index.addFeature(len(self._features), geometry.boundingBox())
            self._features.append(feature)

    def _candidates(self, rect):
        from qgis.core import QgsFeature

        return [QgsFeature(self._features[i]) for i in sorted(self._index.intersects(rect))]
