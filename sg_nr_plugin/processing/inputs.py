"""Checks every algorithm makes on its vector inputs before any work (SgNrAlgorithm).

- Outputs: an output file that is one of the inputs is refused (it would be replaced).
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

import os

from qgis.core import QgsProcessing, QgsProviderRegistry, QgsWkbTypes

from ..core.crs import require_consistent_crs
from ..core.encoding import FALLBACK_ENCODING, has_undecodable_text, shapefile_without_cpg
from ..core.errors import SgNrError
from ..i18n import tr


def check_inputs(algorithm, parameters: dict, context, feedback, outputs=()) -> None:
    """Run every check; ``outputs`` are the output file paths, which must not be inputs."""
    _refuse_overwriting_inputs(algorithm, parameters, context, outputs)
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
        _check_geometry_type(definition, source, layer_name)
        require_consistent_crs(source, layer_name)


def _refuse_overwriting_inputs(algorithm, parameters, context, outputs) -> None:
    """An output path naming an input file would replace the input (a GeoPackage with all its
    other layers): refused before any work."""
    if not outputs:
        return
    inputs = {}
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination() or not parameters.get(definition.name()):
            continue
        layer = algorithm.parameterAsLayer(parameters, definition.name(), context) \
            if definition.type() in ("source", "vector", "raster") else None
        if layer is None:
            continue
        path = QgsProviderRegistry.instance().decodeUri(
            layer.providerType(), layer.source()).get("path")
        if path:
            inputs[_normalised(path)] = layer.name()
    for output in outputs:
        if _normalised(output) in inputs:
            raise SgNrError(tr("The output “{path}” is the file of the input layer “{layer}”: "
                               "writing it would destroy the input. Choose another file.")
                            .format(path=output, layer=inputs[_normalised(output)]))


def _normalised(path) -> str:
    return os.path.normcase(os.path.realpath(str(path)))


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
