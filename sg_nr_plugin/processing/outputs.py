"""Staged outputs: a file an algorithm writes appears only once the whole run has succeeded.

Every file destination (a sink to .gpkg/.shp/…, an .xlsx or other file, a folder) is handed to
``compute()`` as a temporary name in the target's own folder (same file system: the final move is
a rename). After ``compute()`` returned and was not canceled the temporary files are renamed into
place and the results and the layers Processing loads afterwards are pointed at the final paths;
on failure or cancel the temporary files are deleted. A run that stops halfway therefore leaves
neither a half-written file nor a layer pointing at one.

Destinations that are not plain files (``TEMPORARY_OUTPUT``, ``memory:``, ``ogr:dbname=…``
appending to an existing database, ``postgres:``) are left as they are: replacing a whole
database file to stage one table in it would destroy its other tables.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
import secrets
import shutil
import traceback
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
)

from ..core.errors import OutputLockedError
from ..core.excel import check_replaceable

TEMP_PREFIX = "sgnr_partial_"
# ``ogr:dbname=`` keeps the final layer (sheet) name inside a GeoPackage or spreadsheet written
# under a temporary name (QGIS names such a sink's layer after the file otherwise).
_NAMED_LAYER_SUFFIXES = {".gpkg", ".sqlite", ".xlsx", ".ods"}
_SHAPEFILE_SIDECARS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qix", ".sbn", ".sbx")
_PROVIDER_PREFIX = re.compile(r"^[A-Za-z][A-Za-z0-9_]+:")  # ogr:, memory:… (not C:)
_FILE_KINDS = {"sink", "vectorDestination", "rasterDestination", "fileDestination"}


@dataclass
class _Stage:
    """One staged destination: where compute() writes and where the result must end up."""

    final: Path
    temp: Path
    folder: bool

    def temp_files(self) -> list[Path]:
        """The temporary file and its sidecars (.dbf, .gpkg-journal…)."""
        if not self.temp.parent.is_dir():
            return []
        return [p for p in self.temp.parent.iterdir()
                if p.name == self.temp.name or p.name.startswith(self.temp.stem + ".")
                or p.name.startswith(self.temp.name + "-")]


class StagedOutputs:
    """Rewrites the destination parameters to temporary names; commits or discards them."""

    def __init__(self, algorithm, parameters: dict, context) -> None:
        self.parameters = dict(parameters)
        self._stages: list[_Stage] = []
        self.finals: dict[str, str] = {}  # parameter name → final path, for messages
        for definition in algorithm.destinationParameterDefinitions():
            self._stage(definition, parameters.get(definition.name()))

    def _stage(self, definition, value) -> None:
        kind = definition.type()
        if kind not in _FILE_KINDS and kind != "folderDestination":
            return
        path = _plain_path(value)
        if path is None:
            return
        final = Path(path)
        folder = kind == "folderDestination"
        _check_writable(final, folder)
        token = secrets.token_hex(4)
        temp = final.parent / (f"{TEMP_PREFIX}{token}" + ("" if folder else final.suffix))
        stage = _Stage(final, temp, folder)
        self._stages.append(stage)
        self.finals[definition.name()] = str(final)
        self.parameters[definition.name()] = _with_sink(value, _temp_uri(stage, kind))

    @property
    def final_paths(self) -> list[str]:
        return [str(stage.final) for stage in self._stages]

    # ---- outcome ------------------------------------------------------------------------------
    def commit(self, results: dict, context) -> dict:
        """Move every staged file into place; results and layers to load name the final paths."""
        gc.collect()  # writers still referenced by dead frames close their files now
        try:  # every target checked before any is replaced: all outputs appear, or none
            for stage in self._stages:
                if not stage.folder:
                    check_replaceable(stage.final)
        except OutputLockedError:
            self.discard()
            raise
        for stage in self._stages:
            try:
                _move(stage)
            except OSError as error:
                self.discard()
                raise OutputLockedError(str(stage.final), str(error)) from error
        return self._remap_results(results, context)

    def discard(self, error: BaseException | None = None) -> None:
        """Delete every temporary file (after a failure or a cancel)."""
        if error is not None and error.__traceback__ is not None:
            # compute()'s frames hold the open sinks: release them so the files get closed
            traceback.clear_frames(error.__traceback__)
        gc.collect()
        for stage in self._stages:
            if stage.folder:
                shutil.rmtree(stage.temp, ignore_errors=True)
                continue
            for path in stage.temp_files():
                with contextlib.suppress(OSError):
                    path.unlink()

    def _remap_results(self, results: dict, context) -> dict:
        pairs = [(variant, str(stage.final)) for stage in self._stages
                 for variant in {str(stage.temp), stage.temp.as_posix()}]
        remapped = {key: _replace(value, pairs) for key, value in (results or {}).items()}
        layers = context.layersToLoadOnCompletion()
        if any(_replace(key, pairs) != key for key in layers):
            context.setLayersToLoadOnCompletion(
                {_replace(key, pairs): details for key, details in layers.items()})
        return remapped


def _plain_path(value) -> str | None:
    """The file path of a destination value, or None when it is not a plain file path."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        if value.sink.propertyType() != QgsProperty.StaticProperty:
            return None
        value = value.sink.staticValue()
    if not isinstance(value, str) or not value.strip():
        return None
    if value == "TEMPORARY_OUTPUT" or "|" in value or _PROVIDER_PREFIX.match(value):
        return None
    return value


def _check_writable(final: Path, folder: bool) -> None:
    """Fail before any work when the target cannot be written (read-only folder, open file)."""
    parent = final.parent  # a folder output is only created when the run succeeds
    try:
        parent.mkdir(parents=True, exist_ok=True)
        probe = parent / f"{TEMP_PREFIX}{secrets.token_hex(4)}.probe"
        probe.touch()
        probe.unlink()
    except OSError as error:
        raise OutputLockedError(str(final), str(error)) from error
    if not folder:
        check_replaceable(final)


def _temp_uri(stage: _Stage, kind: str) -> str:
    if kind == "sink" and stage.final.suffix.lower() in _NAMED_LAYER_SUFFIXES:
        uri = QgsDataSourceUri()
        uri.setDatabase(str(stage.temp))
        uri.setDataSource("", stage.final.stem, None)
        return "ogr:" + uri.uri(False)
    return str(stage.temp)


def _with_sink(value, new_path: str):
    """The parameter value with its path replaced, keeping a layer definition's other settings
    (project to load into, layer name, creation options)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        copy = QgsProcessingOutputLayerDefinition(value)
        copy.sink = QgsProperty.fromValue(new_path)
        return copy
    return new_path


def _move(stage: _Stage) -> None:
    if stage.folder:
        if not stage.temp.is_dir():
            return
        stage.final.mkdir(parents=True, exist_ok=True)
        for item in sorted(stage.temp.iterdir()):
            check_replaceable(stage.final / item.name)
            os.replace(item, stage.final / item.name)
        stage.temp.rmdir()
        return
    files = stage.temp_files()
    if not files:
        return
    check_replaceable(stage.final)
    if stage.final.suffix.lower() == ".shp":  # a stale .cpg/.prj of an older file would lie
        for suffix in _SHAPEFILE_SIDECARS:
            stage.final.with_suffix(suffix).unlink(missing_ok=True)
    for path in files:
        os.replace(path, stage.final.parent / (stage.final.stem + path.name[len(stage.temp.stem):]))


def _replace(value, pairs: list[tuple[str, str]]):
    if isinstance(value, str):
        for old, new in pairs:
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [_replace(item, pairs) for item in value]
    return value
