"""Snapshots of the project's layers, taken in the main thread for a run in a worker thread.

A check started from a panel or the toolbox runs in a worker thread while the map canvas draws
the same layers in the main thread. The checks fetch features per project and per control
layer (thousands of ``getFeatures`` calls); each call on a project layer builds a new
``QgsVectorLayerFeatureSource`` from the live layer and its provider *in the worker*, which on
QGIS 3.22 races with the canvas on the layer's CRS objects and crashed QGIS within a few checks
(SIGSEGV in ``QgsProject::createExpressionContextScope`` under ``QgsMapCanvas::refreshMap``;
reproduced under Xvfb, see tests/desktop/stress_code.py).

QGIS's own renderers avoid this the same way: the feature source is built once in the main
thread (``QgsVectorLayerFeatureSource``, a snapshot of what iteration needs) and only iterated
in the worker. :class:`LayerSnapshot` is that snapshot with the ``QgsFeatureSource`` interface,
so the core modules see the same ``QgsProcessingFeatureSource`` as before.
"""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFields,
    QgsRectangle,
    QgsVectorLayerFeatureSource,
)


class LayerSnapshot(QgsFeatureSource):
    """Features, fields, CRS, type, count and extent of a vector layer as it was when taken
    (its subset string and unsaved edits included)."""

    def __init__(self, layer) -> None:
        super().__init__()
        self._features = QgsVectorLayerFeatureSource(layer)
        self._fields = QgsFields(layer.fields())
        self._crs = QgsCoordinateReferenceSystem(layer.crs())
        self._wkb_type = layer.wkbType()
        self._count = layer.featureCount()
        self._extent = QgsRectangle(layer.extent())
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


def project_layer(algorithm, parameters: dict, name: str, context):
    """The vector layer of the open project that parameter ``name`` names, or None (a path
    given to ``qgis_process`` is loaded by the worker itself and shared with no one)."""
    if not parameters.get(name):
        return None
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    project = context.project()
    if layer is None or project is None or project.mapLayer(layer.id()) is not layer:
        return None
    return layer
