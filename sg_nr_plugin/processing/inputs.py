"""Checks every algorithm makes on its vector inputs before any work (SgNrAlgorithm).

- Outputs: an output written into a file that is an input of the run (any spelling: see
  processing/targets.py), or two outputs on one file, are refused.
- Access: a database table the role may not read is named as such (processing/access.py).
- Geometry type: a point or line layer where polygons are needed is refused.
- CRS: an input without a CRS, or whose coordinates contradict it (zone prefix under
  EPSG:4547, metres declared as degrees…), is refused: its areas would be wrong by orders of
  magnitude. The message names the layer and the CRS to set (core.crs).
- Text encoding: a shapefile without ``.cpg`` whose text is not readable in the system
  encoding (GBK deliveries, core.encoding). Loaded by Processing from a path, it is read as GBK
  for the run, with a warning; a layer of the user's project is never changed behind their
  back: the run stops and says how to set the encoding.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFile,
    QgsProcessingUtils,
    QgsWkbTypes,
)

from ..core.crs import require_consistent_crs
from ..core.encoding import FALLBACK_ENCODING, has_undecodable_text, shapefile_without_cpg
from ..core.errors import OutputConflictError, SgNrError
from ..i18n import tr
from .access import unreadable_reason
from .targets import destroys, file_target, layer_target, same_destination


def check_inputs(algorithm, parameters: dict, context, feedback, outputs=None) -> None:
    """Run every check; ``outputs`` maps each destination parameter to its file or table
    (processing/targets.py), which may be neither an input nor another output's."""
    _refuse_conflicting_outputs(algorithm, parameters, context, outputs or {})
    for definition in algorithm.parameterDefinitions():
        name = definition.name()
        if definition.type() != "source" or not parameters.get(name):
            continue
        layer = algorithm.parameterAsVectorLayer(parameters, name, context)
        if layer is not None:
            _check_encoding(layer, context, feedback)
        source = algorithm.parameterAsSource(parameters, name, context)
        if source is None or source.wkbType() == QgsWkbTypes.NoGeometry:
            continue
        layer_name = layer.name() if layer else definition.description()
        _check_readable(layer, source, layer_name)
        _check_geometry_type(definition, source, layer_name)
        require_consistent_crs(source, layer_name)


def _refuse_conflicting_outputs(algorithm, parameters, context, outputs: dict) -> None:
    """Refused before any work: an output written into a file (or table) that is an input of
    the run — replacing a GeoPackage would drop every layer in it, and even a new table added
    to it changes the delivery's bytes — and two outputs on one file (one would be lost)."""
    names = list(outputs)
    for i, first in enumerate(names):
        for second in names[i + 1:]:
            if same_destination(outputs[first], outputs[second]):
                raise OutputConflictError(tr(
                    "The outputs “{first}” and “{second}” both write “{path}”: one would "
                    "replace the other. Choose a different file for each.").format(
                    first=_label(algorithm, first), second=_label(algorithm, second),
                    path=outputs[second].label()))
    if not outputs:
        return
    for parameter, layer_label, source in _input_targets(algorithm, parameters, context):
        for name, target in outputs.items():
            if destroys(target, source):
                raise OutputConflictError(tr(
                    "The output “{output}” (“{path}”) is the file of the input “{layer}” "
                    "(parameter “{parameter}”): writing it would destroy the input. Choose "
                    "another file.").format(output=_label(algorithm, name), path=target.label(),
                                            layer=layer_label, parameter=parameter))


def _input_targets(algorithm, parameters, context):
    """(parameter, input name, Target) for every input: layers, files, file lists, folders."""
    for definition in algorithm.parameterDefinitions():
        name = definition.name()
        if definition.isDestination() or parameters.get(name) in (None, "", []):
            continue
        kind = definition.type()
        if kind in ("source", "vector", "raster", "layer"):
            layer = algorithm.parameterAsLayer(parameters, name, context)
            target = layer_target(layer)
            if target is not None:
                yield name, layer.name(), target
        elif kind == "file":
            path = algorithm.parameterAsFile(parameters, name, context)
            folder = definition.behavior() == QgsProcessingParameterFile.Folder
            target = file_target(path, folder)
            if target is not None:
                yield name, path, target
        elif kind == "multilayer":
            for path in algorithm.parameterAsFileList(parameters, name, context) or []:
                layer = QgsProcessingUtils.mapLayerFromString(path, context)
                target = layer_target(layer) if layer is not None else file_target(path)
                if target is not None:
                    yield name, layer.name() if layer is not None else path, target


def _label(algorithm, name: str) -> str:
    definition = algorithm.parameterDefinition(name)
    return f"{definition.description()} ({name})" if definition is not None else name


def _check_readable(layer, source, layer_name: str) -> None:
    """A database table the role may not read looks like an empty layer of unknown geometry:
    say what it is (core.access), not "holds Unknown geometry features"."""
    if source.wkbType() != QgsWkbTypes.Unknown or layer is None:
        return
    reason = unreadable_reason(layer)
    if reason:
        raise SgNrError(reason)


def _check_geometry_type(definition, source, layer_name: str) -> None:
    """A layer object handed to processing.run (or a model) skips QGIS's own type check: points
    given as DLTB would be summed by their attributes without a word."""
    if definition.dataTypes() != [QgsProcessing.TypeVectorPolygon]:
        return
    kind = QgsWkbTypes.geometryType(source.wkbType())
    if kind != QgsWkbTypes.PolygonGeometry:
        raise SgNrError(tr("Layer “{layer}” holds {kind} features; “{parameter}” needs a "
                           "polygon layer.").format(
            layer=layer_name, kind=QgsWkbTypes.geometryDisplayString(kind),
            parameter=definition.description()))


def _check_encoding(layer, context, feedback) -> None:
    shp = shapefile_without_cpg(layer)
    if shp is None or not has_undecodable_text(layer):
        return
    cpg = shp.with_suffix(".cpg").name
    project = context.project()
    if project is not None and project.mapLayer(layer.id()) is not None:
        raise SgNrError(tr(
            "Layer “{layer}” has no .cpg file and its text is not readable as {encoding} "
            "(a GBK shapefile?). Set Layer Properties → Source → Data source encoding to GBK, "
            "or put a file {cpg} containing the word GBK beside the .shp, and run again.")
            .format(layer=layer.name(), encoding=layer.dataProvider().encoding(), cpg=cpg))
    layer.setProviderEncoding(FALLBACK_ENCODING)
    if has_undecodable_text(layer):
        raise SgNrError(tr(
            "Layer “{layer}” has no .cpg file and its text is readable neither in the system "
            "encoding nor as GBK. Put a file {cpg} naming its encoding beside the .shp.")
            .format(layer=layer.name(), cpg=cpg))
    if feedback is not None:
        feedback.pushWarning(tr(
            "Layer “{layer}” has no .cpg file; its text was read as GBK. Put a file {cpg} "
            "containing the word GBK beside the .shp to make this explicit.")
            .format(layer=layer.name(), cpg=cpg))
