"""Layer parameters resolved in the main thread, so that a run in a worker thread never looks a
layer up in the project.

Why (issue #18, the desktop crash): on QGIS 3.22 every ``parameterAsSource`` /
``parameterAsVectorLayer`` / ``parameterAsLayer`` / ``parameterAsRasterLayer`` whose value names
a layer (an id, a name or a path) goes through ``QgsProcessingUtils::mapLayerFromString``, which
calls ``QgsProject::layerStore()``. That non-const accessor clears the project's cached
expression scope (``mProjectScope.reset()``). Called from a worker thread, it frees the scope
while the main thread is filling it for the canvas (``QgsMapCanvas::refreshMap`` →
``QgsProject::createExpressionContextScope``): SIGSEGV in
``QgsExpressionContextScope::addVariable``. Found with a gdb hardware watchpoint on
``mProjectScope`` (the only write from a non-main thread was this call, just before the crash).
QGIS's own algorithms make the same call once or twice per run; the checks made it more often,
so they crashed the desktop within a few runs.

So :meth:`PreparedLayers.resolve` runs in ``prepareAlgorithm`` (main thread) and resolves every
layer parameter once; the algorithm's ``parameterAs…`` methods answer from it, and the worker's
own context is detached from the project (``SgNrAlgorithm.processAlgorithm``), so that nothing
else reaches ``layerStore()`` from the worker either. Layers of the project (drawn by the canvas
meanwhile) are read through :class:`~.snapshots.LayerSnapshot` feature sources taken here;
layers loaded from a path for this run belong to no one else and are read directly.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterDefinition,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread

from .snapshots import LayerSnapshot

# Parameter types whose value is a layer (QgsProcessingParameterDefinition.type()).
LAYER_PARAMETER_TYPES = frozenset({"source", "vector", "raster", "layer", "mesh"})


@dataclass
class PreparedLayer:
    """One layer parameter as resolved in the main thread."""

    layer: QgsMapLayer
    snapshot: LayerSnapshot | None = None  # a project vector layer's feature source
    feature_limit: int = -1
    geometry_check: int | None = None  # the definition's own invalid-geometry setting

    def source(self, context) -> QgsProcessingFeatureSource | None:
        """A Processing feature source over the snapshot (project layer) or the layer."""
        if not isinstance(self.layer, QgsVectorLayer):
            return None
        base = self.snapshot if self.snapshot is not None else self.layer
        source = QgsProcessingFeatureSource(base, context, False, self.feature_limit)
        if self.geometry_check is not None:
            source.setInvalidGeometryCheck(self.geometry_check)
        return source


class PreparedLayers:
    """Every layer parameter of one run, resolved in the main thread."""

    def __init__(self) -> None:
        self.layers: dict[str, PreparedLayer] = {}

    def resolve(self, algorithm: QgsProcessingAlgorithm, parameters: dict, context) -> None:
        """Main thread: resolve each layer parameter that has a value (QGIS's own lookup)."""
        project = context.project()
        for definition in algorithm.parameterDefinitions():
            name = definition.name()
            if definition.type() not in LAYER_PARAMETER_TYPES or not _has_value(parameters,
                                                                                name):
                continue
            layer = QgsProcessingAlgorithm.parameterAsLayer(algorithm, parameters, name, context)
            if layer is None:
                continue  # QGIS's own check or the algorithm reports the missing layer
            self.layers[name] = _prepare(layer, parameters[name], definition, project)

    def get(self, name: str) -> PreparedLayer | None:
        return self.layers.get(name)


def _has_value(parameters: dict, name: str) -> bool:
    value = parameters.get(name)
    return value is not None and value != ""


def _prepare(layer, value, definition: QgsProcessingParameterDefinition,
             project) -> PreparedLayer:
    selected, limit, check = False, -1, None
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        selected, limit = value.selectedFeaturesOnly, value.featureLimit
        if value.flags & QgsProcessingFeatureSourceDefinition.FlagOverrideDefaultGeometryCheck:
            check = value.geometryCheck
    in_project = project is not None and project.mapLayer(layer.id()) is layer
    snapshot = None
    if isinstance(layer, QgsVectorLayer) and (in_project or selected):
        snapshot = LayerSnapshot(layer, selected_only=selected)
    return PreparedLayer(layer, snapshot, limit, check)


def in_worker_thread() -> bool:
    """True off the main (GUI) thread: a panel's or the toolbox's background run."""
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() != app.thread()
