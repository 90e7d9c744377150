"""The audit trail of one run (core/reports/audit.py), collected where Processing allows it.

:func:`start_trail` runs in ``prepareAlgorithm`` (main thread: the project's layers may be read
there): every parameter as text, each input layer's name, source and feature count, and the
fingerprint of a memory layer (which cannot be opened again elsewhere). :func:`fingerprint_inputs`
runs in the worker, before compute(): file inputs are hashed from disk and database tables
through a layer of the run's own. :func:`write_output_metadata` gives every output layer the
trail as its layer metadata after the files are in place (a GeoPackage keeps it in its
gpkg_metadata table, where QGIS's layer properties read it; other formats get a .qmd file)."""

from __future__ import annotations

import hashlib
import json
import threading
from contextlib import contextmanager
from pathlib import Path

from qgis.core import (
    QgsLayerMetadata,
    QgsMapLayer,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..core.indb.fingerprint import table_fingerprint
from ..core.reports.audit import (
    AuditTrail,
    InputRecord,
    file_fingerprint,
    metadata_text,
    rows_fingerprint,
    without_password,
)
from ..i18n import tr
from ..paths import resource_path

LAYER_TYPES = {"source", "vector", "raster", "layer"}
OUTPUT_LAYER_TYPES = {"sink", "vectorDestination", "rasterDestination"}


def start_trail(algorithm, parameters: dict, context) -> AuditTrail:
    """Main thread: the parameters and the inputs of the run."""
    values, inputs = [], []
    for definition in algorithm.parameterDefinitions():
        name = definition.name()
        value = parameters.get(name, definition.defaultValue())
        if definition.type() in LAYER_TYPES:
            layer = algorithm.parameterAsLayer(parameters, name, context)
            if layer is not None:
                inputs.append(_record(algorithm, parameters, name, layer, context))
                value = _selected(value, layer.source())
        values.append((name, without_password(_text(value))))
        if definition.type() == "file" and value and Path(str(value)).is_file():
            inputs.append(InputRecord(name, Path(str(value)).name, str(value), "file",
                                      uri=str(value)))
    trail = AuditTrail(algorithm.name(), values, inputs)
    trail.data_files.append(_data_file("landclasses.json", resource_path("data",
                                                                       "landclasses.json")))
    return trail


def _record(algorithm, parameters, name: str, layer, context) -> InputRecord:
    from .stats_params import layer_name  # stats_params builds on base, which imports this

    vector = isinstance(layer, QgsVectorLayer)
    shown = layer_name(algorithm, parameters, name, context) if vector else layer.name()
    record = InputRecord(name, shown, without_password(layer.source()), layer.providerType(),
                         layer.featureCount() if vector else None, uri=layer.source())
    if vector and layer.providerType() == "memory":  # only this object holds its rows
        record.fingerprint, record.fingerprint_kind = rows_fingerprint(layer), "rows"
    return record


@contextmanager
def fingerprints_alongside(trail: AuditTrail | None):
    """While the block (compute()) runs, take the inputs' fingerprints in a thread of their
    own: hashing a 1 GB GeoPackage (0.6 s from the page cache, seconds from disk) or a PostGIS
    table in its database (1.3 s at 1M rows, :mod:`core.indb.fingerprint`) waits on the disk or
    the server, not on this run. Whatever prints the trail first waits for them
    (:meth:`AuditTrail.settle`); leaving the block does too, so that the trail is complete
    before the outputs' metadata is written. Nothing here touches the project."""
    if trail is None:
        yield
        return
    failures: list[BaseException] = []

    def take() -> None:
        try:
            fingerprint_inputs(trail)
        except BaseException as error:  # noqa: BLE001 - raised where the trail is settled
            failures.append(error)

    thread = threading.Thread(target=take, name="sgnr-fingerprints", daemon=True)

    def settle() -> None:
        thread.join()
        if failures:
            raise failures[0]

    trail.pending = settle
    thread.start()
    try:
        yield
    except BaseException:
        thread.join()  # the run's own error is the one to report
        trail.pending = None
        raise
    trail.settle()


def fingerprint_inputs(trail: AuditTrail) -> None:
    """Worker thread, before compute(): the fingerprint of each input not yet taken."""
    registry = QgsProviderRegistry.instance()
    for record in trail.inputs:
        if record.fingerprint:
            continue
        path = record.uri if record.provider == "file" else \
            registry.decodeUri(record.provider, record.uri).get("path") or ""
        if path and Path(path).is_file():
            record.fingerprint, record.fingerprint_kind = file_fingerprint(path), "file"
        elif record.provider not in ("gdal", "file"):
            layer = QgsVectorLayer(record.uri, "audit", record.provider)  # the run's own
            if layer.isValid():
                # a PostGIS table hashes its rows itself (core/indb/fingerprint.py)
                keys = layer.dataProvider().pkAttributeIndexes()
                record.fingerprint = table_fingerprint(layer) or rows_fingerprint(
                    layer, list(keys))
                record.fingerprint_kind = "rows"


def write_output_metadata(algorithm, trail: AuditTrail, results: dict, context) -> list[str]:
    """Every output layer gets the trail as its metadata; the problems, as messages. A
    GeoPackage keeps it in its gpkg_metadata table, a shapefile in the .qmd file QGIS reads
    beside it, a temporary layer on the layer object; tables sent to CSV or a spreadsheet get
    none (the workbook beside them has the About sheet)."""
    problems = []
    metadata = _metadata(algorithm, trail)
    for definition in algorithm.destinationParameterDefinitions():
        if definition.type() not in OUTPUT_LAYER_TYPES:
            continue
        value = results.get(definition.name())
        layer = value if isinstance(value, QgsMapLayer) else \
            context.temporaryLayerStore().mapLayer(value) if isinstance(value, str) else None
        if layer is not None:  # a temporary layer: kept on the layer object
            layer.setMetadata(metadata)
            continue
        if not isinstance(value, str) or not value:
            continue
        path = QgsProviderRegistry.instance().decodeUri("ogr", value).get("path") or ""
        suffix = Path(path).suffix.lower()
        if suffix == ".gpkg":
            uri = _with_layer_name(value)
            # gpkg_contents.identifier is unique in a GeoPackage (the panel writes every run's
            # tables into one): the table's name makes it so
            table = QgsProviderRegistry.instance().decodeUri("ogr", uri).get("layerName")
            own = QgsLayerMetadata(metadata)
            if table:
                own.setIdentifier(f"{metadata.identifier()}:{table}")
            ok, message = QgsProviderRegistry.instance().saveLayerMetadata("ogr", uri, own)
        elif suffix == ".shp":
            shapefile = QgsVectorLayer(path, "audit", "ogr")
            shapefile.setMetadata(metadata)
            message, ok = shapefile.saveNamedMetadata(shapefile.metadataUri())
        else:
            continue
        if not ok:
            problems.append(tr("The audit trail could not be stored in {path}: {error}")
                            .format(path=value, error=message))
    return problems


def _metadata(algorithm, trail: AuditTrail) -> QgsLayerMetadata:
    metadata = QgsLayerMetadata()
    metadata.setIdentifier(f"sgnr:{trail.algorithm_id}")
    metadata.setTitle(algorithm.displayName())
    text = metadata_text(trail)
    metadata.setAbstract(text)
    metadata.setHistory(text.splitlines())
    metadata.setKeywords({"sgnr": [trail.algorithm_id]})
    return metadata


def _with_layer_name(uri: str) -> str:
    """``uri`` naming its layer (the OGR provider stores metadata only for a named layer)."""
    parts = QgsProviderRegistry.instance().decodeUri("ogr", uri)
    if parts.get("layerName") or not parts.get("path"):
        return uri
    from osgeo import ogr

    dataset = ogr.Open(parts["path"])
    if dataset is None or dataset.GetLayerCount() != 1:
        return uri
    return f"{parts['path']}|layername={dataset.GetLayer(0).GetName()}"


def _text(value) -> str:
    """A parameter value as qgis_process takes it."""
    if value is None:
        return ""
    if isinstance(value, QgsMapLayer):
        return value.source()
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        return _text(value.source)
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        return _text(value.sink)
    if isinstance(value, QgsProperty):
        return str(value.staticValue())
    if isinstance(value, (list, tuple)):
        return ";".join(_text(v) for v in value)
    return str(value)


def _selected(value, source: str):
    """A layer input as its source; "(selected features only)" when only those were used."""
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly:
        return f"{source} ({tr('selected features only')})"
    return source


def _data_file(label: str, path: Path) -> tuple[str, str, str, str]:
    data = json.loads(path.read_text("utf-8"))
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return label, str(data.get("id", "")), str(data.get("version", "")), digest
