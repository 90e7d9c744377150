"""Snapshots of the project's layers, taken in the main thread for a run in a worker thread.

A check started from a panel or the toolbox runs in a worker thread while the map canvas draws
the same layers in the main thread. The checks fetch features per project and per control
layer (thousands of ``getFeatures`` calls); each call on a live project layer would build a new
``QgsVectorLayerFeatureSource`` from the layer and its provider *in the worker*, reading the
layer's state while the main thread may change it. QGIS's own renderers avoid this the same
way: the feature source is built once in the main thread (``QgsVectorLayerFeatureSource``, a
snapshot of what iteration needs) and only iterated in the worker. (The desktop crash of #18
had another cause: see processing/prepared.py.)

:class:`LayerSnapshot` is that snapshot with the ``QgsFeatureSource`` interface, so the core
modules see the same ``QgsProcessingFeatureSource`` as before.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFields,
    QgsRectangle,
    QgsVectorLayerFeatureSource,
    QgsVectorLayerSelectedFeatureSource,
)


class LayerSnapshot(QgsFeatureSource):
    """Features, fields, CRS, type, count and extent of a vector layer as it was when taken
    (its subset string and unsaved edits included); with ``selected_only``, of its selected
    features (the selection as it was when taken)."""

    def __init__(self, layer, selected_only: bool = False) -> None:
        super().__init__()
        if selected_only:
            self._features = QgsVectorLayerSelectedFeatureSource(layer)
            self._count = layer.selectedFeatureCount()
            self._extent = QgsRectangle(layer.boundingBoxOfSelected())
        else:
            self._features = QgsVectorLayerFeatureSource(layer)
            self._count = layer.featureCount()
            self._extent = QgsRectangle(layer.extent())
        self._fields = QgsFields(layer.fields())
        self._crs = QgsCoordinateReferenceSystem(layer.crs())
        self._wkb_type = layer.wkbType()
        self._name = layer.name()
        self._index = layer.hasSpatialIndex()

    def getFeatures(self, request=None):  # noqa: N802 - QgsFeatureSource API
        return self._features.getFeatures(request if request is not None
                                          else QgsFeatureRequest())

    def fields(self) -> QgsFields:
        return self._fields

    def sourceCrs(self) -> QgsCoordinateReferenceSystem:  # noqa: N802
        return self._crs

    def wkbType(self):  # noqa: N802
        return self._wkb_type

    def featureCount(self) -> int:  # noqa: N802
        return self._count

    def sourceExtent(self) -> QgsRectangle:  # noqa: N802
        return QgsRectangle(self._extent)

    def sourceName(self) -> str:  # noqa: N802
        return self._name

    def hasSpatialIndex(self):  # noqa: N802
        return self._index

