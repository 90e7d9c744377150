"""Staged outputs: a file an algorithm writes appears only once the whole run has succeeded.

Every file destination (a sink to .gpkg/.shp/.xlsx/.ods/.csv…, a workbook or other file, a
folder) is handed to ``compute()`` under the same name inside a temporary folder
``sgnr_partial_<random>`` beside the target (same file system: the final move is a rename). The
name being the final one, a GeoPackage layer or a spreadsheet sheet is named after the final
file, and QGIS's own writer (which writes every format completely) is used. After ``compute()``
returned and was not canceled the files are moved into place and the results and the layers
Processing loads afterwards are pointed at the final paths; on failure or cancel the temporary
folder is deleted. A run that stops halfway therefore leaves neither a half-written file nor a
layer pointing at one, and messages name the final path (:meth:`StagedOutputs.remap_text`).

Destinations that are not plain files (``TEMPORARY_OUTPUT``, ``memory:``, ``ogr:dbname=…``
appending to an existing database, ``postgres:``) are left as they are: replacing a whole
database file to stage one table in it would destroy its other tables.
"""

from __future__ import annotations

import contextlib
import gc
import os
import secrets
import shutil
import traceback
from dataclasses import dataclass
from pathlib import Path

from qgis.core import QgsProcessingOutputLayerDefinition, QgsProperty

from ..core.errors import SgNrError
from ..core.files import check_replaceable, write_error
from .targets import PROVIDER_PREFIX, SHAPEFILE_PARTS, Target, destination_target, destination_value

TEMP_PREFIX = "sgnr_partial_"
_FILE_KINDS = {"sink", "vectorDestination", "rasterDestination", "fileDestination"}


@dataclass
class _Stage:
    """One staged destination: where compute() writes and where the result must end up."""

    final: Path
    temp: Path  # the file compute() writes (inside ``work``), or ``work`` itself for a folder
    work: Path  # the temporary folder beside the final target
    folder: bool


class StagedOutputs:
    """Rewrites the destination parameters to temporary names; commits or discards them."""

    def __init__(self, algorithm, parameters: dict, context) -> None:
        self.parameters = dict(parameters)
        self._stages: list[_Stage] = []
        self.finals: dict[str, str] = {}  # parameter name → final path, for messages
        self.targets: dict[str, Target] = {}  # every destination's file or table, staged or not
        try:
            for definition in algorithm.destinationParameterDefinitions():
                value = parameters.get(definition.name())
                target = destination_target(value)
                if target is not None:
                    self.targets[definition.name()] = target
                self._stage(definition, value)
        except BaseException:
            self.discard()
            raise

    def _stage(self, definition, value) -> None:
        kind = definition.type()
        if kind not in _FILE_KINDS and kind != "folderDestination":
            return
        path = _plain_path(value)
        if path is None:
            return
        final = Path(path)
        folder = kind == "folderDestination"
        if not folder:
            check_replaceable(final)
        work = final.parent / f"{TEMP_PREFIX}{secrets.token_hex(4)}"
        try:  # the temporary folder is also the proof that the target folder is writable
            final.parent.mkdir(parents=True, exist_ok=True)
            work.mkdir()
        except OSError as error:
            raise write_error(final, error) from error
        stage = _Stage(final, work if folder else work / final.name, work, folder)
        self._stages.append(stage)
        self.finals[definition.name()] = str(final)
        self.parameters[definition.name()] = _with_sink(value, str(stage.temp))

    # ---- outcome ------------------------------------------------------------------------------
    def commit(self, results: dict, context) -> dict:
        """Move every staged file into place; results and layers to load name the final paths."""
        gc.collect()  # writers still referenced by dead frames close their files now
        try:  # every target checked before any is replaced: all outputs appear, or none
            for stage in self._stages:
                if not stage.folder:
                    check_replaceable(stage.final)
        except SgNrError:
            self.discard()
            raise
        for stage in self._stages:
            try:
                _move(stage)
            except OSError as error:
                self.discard()
                raise write_error(getattr(error, "final", stage.final), error) from error
            except SgNrError:
                self.discard()
                raise
        return self._remap_results(results, context)

    def discard(self, error: BaseException | None = None) -> None:
        """Delete every temporary file (after a failure or a cancel)."""
        if error is not None and error.__traceback__ is not None:
            # compute()'s frames hold the open sinks: release them so the files get closed
            traceback.clear_frames(error.__traceback__)
        gc.collect()
        for stage in self._stages:
            shutil.rmtree(stage.work, ignore_errors=True)

    def remap_text(self, text: str) -> str:
        """``text`` (a message, a result) naming the final paths instead of temporary ones."""
        return _replace(text, self._pairs())

    def _pairs(self) -> list[tuple[str, str]]:
        pairs = []
        for stage in self._stages:  # the file itself first, then its folder (sidecars…)
            for old, new in ((stage.temp, stage.final), (stage.work, stage.final.parent)):
                pairs += [(variant, str(new)) for variant in dict.fromkeys(
                    (str(old), old.as_posix()))]
        return pairs

    def _remap_results(self, results: dict, context) -> dict:
        pairs = self._pairs()
        remapped = {key: _replace(value, pairs) for key, value in (results or {}).items()}
        layers = context.layersToLoadOnCompletion()
        if any(_replace(key, pairs) != key for key in layers):
            context.setLayersToLoadOnCompletion(
                {_replace(key, pairs): details for key, details in layers.items()})
        return remapped


def _plain_path(value) -> str | None:
    """The file path of a destination value, or None when it is not a plain file path."""
    value = destination_value(value)
    if value is None or value == "TEMPORARY_OUTPUT" or "|" in value \
            or PROVIDER_PREFIX.match(value):
        return None
    return value


def _with_sink(value, new_path: str):
    """The parameter value with its path replaced, keeping a layer definition's other settings
    (project to load into, layer name, creation options)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        copy = QgsProcessingOutputLayerDefinition(value)
        copy.sink = QgsProperty.fromValue(new_path)
        return copy
    return new_path


def _move(stage: _Stage) -> None:
    if not stage.work.is_dir():
        return
    items = sorted(stage.work.iterdir())
    if stage.folder:
        stage.final.mkdir(parents=True, exist_ok=True)
    elif not items:
        stage.work.rmdir()
        return
    elif stage.final.suffix.lower() == ".shp":  # a stale .cpg/.prj of an older file would lie
        for suffix in SHAPEFILE_PARTS:
            stage.final.with_suffix(suffix).unlink(missing_ok=True)
    destination = stage.final if stage.folder else stage.final.parent
    for item in items:
        check_replaceable(destination / item.name)
        try:
            os.replace(item, destination / item.name)
        except OSError as error:
            error.final = destination / item.name
            raise
    stage.work.rmdir()


def _replace(value, pairs: list[tuple[str, str]]):
    if isinstance(value, str):
        for old, new in pairs:
            value = value.replace(old, new)
        return value
    if isinstance(value, list):
        return [_replace(item, pairs) for item in value]
    return value
