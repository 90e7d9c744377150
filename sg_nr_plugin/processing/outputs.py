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
The temporary folders (and any missing parent folder of a target) are made only when the run
starts (:meth:`StagedOutputs.open`), not when it is prepared: QGIS prepares runs that it then
drops without running them (a task canceled while queued), and nothing tells the plugin.

Destinations that are not plain files (``TEMPORARY_OUTPUT``, ``memory:``, ``ogr:dbname=…``
appending to an existing database, ``postgres:``) are left as they are: replacing a whole
database file to stage one table in it would destroy its other tables.
"""

from __future__ import annotations

import contextlib
import errno
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
from ..i18n import tr
from .targets import PROVIDER_PREFIX, SHAPEFILE_PARTS, Target, destination_target, destination_value

TEMP_PREFIX = "sgnr_partial_"
_FULL_BYTES = 64 * 1024  # less free space than this: a writer that failed met a full disk
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
        self._created: list[Path] = []  # folders open() made, the user's parent folders too
        self.finals: dict[str, str] = {}  # parameter name → final path, for messages
        self.targets: dict[str, Target] = {}  # every destination's file or table, staged or not
        self._definitions = algorithm.destinationParameterDefinitions()
        self._values = {d.name(): parameters.get(d.name()) for d in self._definitions}
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
        _probe(final, work)
        stage = _Stage(final, work if folder else work / final.name, work, folder)
        self._stages.append(stage)
        self.finals[definition.name()] = str(final)
        self.parameters[definition.name()] = _with_sink(value, str(stage.temp))

    def open(self) -> None:
        """Create the temporary folders, when the run really starts (processAlgorithm).

        Not in prepareAlgorithm: QGIS prepares a run that may never start (a task canceled in
        the queue, a dialog closed, a model child skipped, a later check refusing) and then
        deletes the algorithm without a word; what exists only from here on is deleted by
        :meth:`commit` or :meth:`discard`, which processAlgorithm always calls."""
        for stage in self._stages:
            try:
                _make_folder(stage.work, self._created)
            except OSError as error:
                self.discard()
                raise write_error(stage.final, error) from error

    def refuse_unclear(self) -> None:
        """Refuse a destination QGIS would misread (after the input checks, whose messages say
        more when such a destination is also an input)."""
        for definition in self._definitions:
            _refuse_layer_suffix(definition, self._values[definition.name()])

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
        self._created = []  # the parent folders now hold the outputs: they stay
        return self._remap_results(results, context)

    def discard(self, error: BaseException | None = None) -> None:
        """Delete every temporary file (after a failure or a cancel)."""
        if error is not None and error.__traceback__ is not None:
            # compute()'s frames hold the open sinks: release them so the files get closed
            traceback.clear_frames(error.__traceback__)
        gc.collect()
        for stage in self._stages:
            shutil.rmtree(stage.work, ignore_errors=True)
        _remove_empty(self._created)  # an output folder this run created and left empty
        self._created = []

    def remap_text(self, text: str) -> str:
        """``text`` (a message, a result) naming the final paths instead of temporary ones."""
        return _replace(text, self._pairs())

    def explain(self, message: str) -> str:
        """A failure message of a run, in the user's terms: final paths, and for a QGIS writer
        that failed on a full disk (its message ends in SQLite's or GDAL's own words, after
        pages of SQL), the cause."""
        for stage in self._stages:
            if str(stage.work) in message and _disk_full(message, stage.final.parent):
                return str(write_error(stage.final, OSError(errno.ENOSPC, "")))
        return self.remap_text(message)

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


def _refuse_layer_suffix(definition, value) -> None:
    """``new.gpkg|layername=X`` as a destination makes QGIS write a file literally named
    ``new.gpkg|layername=X.gpkg``: say how to name a layer instead."""
    text = destination_value(value)
    if text is None or "|" not in text or PROVIDER_PREFIX.match(text):
        return
    path, _, options = text.partition("|")
    layer = options.partition("layername=")[2] or "…"
    raise SgNrError(tr("Output “{parameter}”: “{value}” would create a file named “{value}…”. "
                       "To write layer {layer} into {path}, give "
                       "ogr:dbname='{path}' table=\"{layer}\"; otherwise give the file name "
                       "only.").format(parameter=definition.name(), value=text, path=path,
                                       layer=layer))


def _disk_full(message: str, folder: Path) -> bool:
    lowered = message.lower()
    if "disk is full" in lowered or "no space left" in lowered:
        return True
    try:
        return shutil.disk_usage(folder).free < _FULL_BYTES
    except OSError:
        return False


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


def _probe(final: Path, work: Path) -> None:
    """Refuse now a target folder that cannot be written (before any work), by making the
    temporary folder and its missing parents, then removing them: nothing is left behind by a
    run that never starts (:meth:`StagedOutputs.open` makes them again)."""
    created: list[Path] = []
    try:
        _make_folder(work, created)
    except OSError as error:
        raise write_error(final, error) from error
    finally:
        _remove_empty(created)


def _make_folder(folder: Path, created: list[Path]) -> None:
    """Make ``folder`` and its missing parents; every folder made is added to ``created``
    (also when a later one fails), parents first."""
    missing = []
    parent = folder.parent
    while not os.path.lexists(parent) and parent != parent.parent:
        missing.append(parent)
        parent = parent.parent
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
    finally:
        created += [path for path in reversed(missing) if path.is_dir()]
    folder.mkdir()
    created.append(folder)


def _remove_empty(folders: list[Path]) -> None:
    """Remove the folders (children before parents) that are empty; keep the others."""
    for folder in reversed(folders):
        with contextlib.suppress(OSError):
            folder.rmdir()


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
