"""Which file (or database table) a parameter value names, and whether two of them are one.

Behind two refusals made before any work (processing/inputs.py): an output may not be written
into a file that is an input of the run, and two outputs of one run may not share a file.
Every spelling of a destination is reduced to its file: ``path.gpkg``, ``path.gpkg|layername=X``,
``ogr:dbname='path.gpkg' table="X"``, a relative path, a symbolic link, another case on a
case-insensitive disk (files are compared by identity, not by name), a shapefile's sidecars.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingOutputLayerDefinition,
    QgsProperty,
    QgsProviderRegistry,
)

SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qpj", ".qix", ".sbn", ".sbx")
PROVIDER_PREFIX = re.compile(r"^([A-Za-z][A-Za-z0-9_]+):")  # ogr:, memory:… (not C:)
_DATABASE_PROVIDERS = {"postgres", "postgis"}
_TABLE_FILES = {".gpkg", ".sqlite"}  # files whose tables are written one by one


@dataclass(frozen=True)
class Target:
    """A file (``path``), or a database table (``table``: host, port, database, schema,
    table), or a folder whose files are inputs (``folder``)."""

    path: Path | None = None
    table: tuple | None = None
    folder: bool = False
    layer: str | None = None  # the table inside a GeoPackage/SQLite file, when named

    def other_table_of(self, other: Target) -> bool:
        """Whether both name different tables of one GeoPackage/SQLite file: two outputs
        written with ``ogr:dbname=… table=…`` keep each other (a panel writes its findings and
        projects into one results GeoPackage). An input's file is never written, whatever the
        table."""
        return (self.layer is not None and other.layer is not None
                and self.layer != other.layer and self.path is not None
                and self.path.suffix.lower() in _TABLE_FILES)

    def label(self) -> str:
        if self.path is not None:
            return str(self.path)
        return ".".join(part for part in (self.table or ())[3:] if part)


def destination_value(value):
    """The text of a destination parameter value (a layer definition's static sink)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        if value.sink.propertyType() != QgsProperty.StaticProperty:
            return None
        value = value.sink.staticValue()
    if not isinstance(value, str) or not value.strip():
        return None
    return value.strip()


def destination_target(value) -> Target | None:
    """What a destination writes to; None for ``TEMPORARY_OUTPUT``, ``memory:`` and the like."""
    text = destination_value(value)
    if text is None or text == "TEMPORARY_OUTPUT":
        return None
    match = PROVIDER_PREFIX.match(text)
    if match is None:
        return Target(path=_absolute(text.split("|", 1)[0]))
    provider, rest = match.group(1).lower(), text[match.end():]
    if provider == "ogr":
        uri = QgsDataSourceUri(rest)
        database = uri.database() or rest.split("|", 1)[0]
        return Target(path=_absolute(database), layer=_layer_key(uri.table())) \
            if database else None
    if provider in _DATABASE_PROVIDERS:
        return Target(table=_table_key(QgsDataSourceUri(rest)))
    return None


def layer_target(layer) -> Target | None:
    """The file or database table a loaded layer reads."""
    if layer is None:
        return None
    provider = layer.providerType()
    if provider in _DATABASE_PROVIDERS:
        return Target(table=_table_key(QgsDataSourceUri(layer.source())))
    path = QgsProviderRegistry.instance().decodeUri(provider, layer.source()).get("path")
    return Target(path=_absolute(path)) if path else None


def file_target(path: str, folder: bool = False) -> Target | None:
    return Target(path=_absolute(path), folder=folder) if path else None


def _absolute(path: str) -> Path:
    return Path(os.path.abspath(os.path.expanduser(path)))


def _layer_key(name) -> str | None:
    return name.lower() if isinstance(name, str) and name else None


def _table_key(uri: QgsDataSourceUri) -> tuple:
    return (uri.host(), uri.port() or "5432", uri.database() or uri.service(),
            uri.schema() or "public", uri.table())


# ---- comparisons ------------------------------------------------------------------------------
def family(path: Path) -> list[Path]:
    """The files one dataset path stands for: a shapefile is its .shp and every sidecar."""
    if path.suffix.lower() not in SHAPEFILE_PARTS:
        return [path]
    return [path] + [path.with_suffix(suffix) for suffix in SHAPEFILE_PARTS
                     if path.with_suffix(suffix) != path]


def destroys(output: Target, source: Target) -> bool:
    """Whether writing ``output`` would write into the input ``source``.

    Only an existing file can be destroyed, and an existing file is compared by identity
    (device and inode): a symbolic link, a relative path, another case on a case-insensitive
    disk all come to the same file."""
    if output.table is not None or source.table is not None:
        return output.table is not None and output.table == source.table
    if source.folder:
        return any(_inside(part, source.path) for part in family(output.path) if _exists(part))
    inputs = [part for part in family(source.path) if _exists(part)]
    return any(_same(part, existing) for part in family(output.path) if _exists(part)
               for existing in inputs)


def same_destination(first: Target, second: Target) -> bool:
    """Whether two outputs write to one file (or one table): the second would replace the
    first. Outputs usually do not exist yet: compared by normalised name, then identity."""
    if first.table is not None or second.table is not None:
        return first.table == second.table
    if first.other_table_of(second):
        return False
    names = {_normalised(part) for part in family(first.path)}
    if any(_normalised(part) in names for part in family(second.path)):
        return True
    return any(_same(a, b) for a in family(first.path) if _exists(a)
               for b in family(second.path) if _exists(b))


def _exists(path: Path) -> bool:
    try:  # a name too long for the disk raises instead of answering False
        return path.exists()
    except OSError:
        return False


def _same(first: Path, second: Path) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _inside(path: Path, folder: Path) -> bool:
    try:
        Path(os.path.realpath(path)).relative_to(os.path.realpath(folder))
    except ValueError:
        return False
    return True


def _normalised(path: Path) -> str:
    return os.path.normcase(os.path.realpath(path))
