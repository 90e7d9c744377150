"""PostGIS tables behind layers, and running one statistics query inside their database.

Only SELECT statements run (with ``SET LOCAL`` of the statement timeout and ``jit``, which
last until the statement's implicit transaction ends): nothing is created on the server, so a
role with only SELECT (and a read-only replica) is enough. The query goes through QGIS's own
connection (the layer's credentials, SSL and authentication configuration); QGIS cancels it on
the server (libpq's PQcancel) as soon as the feedback is canceled.

Why ``jit = off``: the area expression (:mod:`.area_sql`) is a large tree of arithmetic, and
PostgreSQL's JIT, which starts above a planner cost any county crosses, spent 15 s compiling it
for a 0.1 s query (2000 parcels, measured on PostgreSQL 15).
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsDataSourceUri, QgsProviderRegistry, QgsVectorLayer, QgsWkbTypes

from ...i18n import tr
from ..errors import IncompleteReadError, SgNrError
from ..stats.sql import _CONNECTION_LOST, quote_identifier

#: Default statement timeout of an in-database statistic (seconds; 0 = none).
DEFAULT_TIMEOUT_S = 1800
_POLYGONS = (QgsWkbTypes.Polygon, QgsWkbTypes.MultiPolygon)


class InDatabaseError(SgNrError):
    """The database stopped an in-database statistic (timeout, permission): the message names
    the layer and the fix."""


class DesktopFallbackError(Exception):
    """The database could not run the query for a reason the desktop path does not share
    (e.g. a GEOS error on the server): compute on the desktop instead."""


@dataclass(frozen=True)
class PgTable:
    """A PostGIS table (or view) behind a layer, as SQL may read it."""

    name: str  # the layer's name in messages
    table: str  # quoted schema.table
    geometry: str  # quoted geometry column
    key: str  # SQL of a unique row key (the layer's key columns, or ctid)
    subset: str  # the layer's subset string (SQL of that database), "" when none
    connection: str  # connection info without password: identical ⇒ same database and role
    crs: object  # QgsCoordinateReferenceSystem
    uri: QgsDataSourceUri

    def where(self, *extra: str) -> str:
        """`` WHERE (subset) AND (extra…)`` or ``""``."""
        parts = [f"({w})" for w in (self.subset, *extra) if w]
        return f" WHERE {' AND '.join(parts)}" if parts else ""


def pg_table(layer, name: str) -> PgTable | None:
    """The PostGIS table behind ``layer``, or None when SQL cannot read it as the desktop
    does: not PostGIS, a query layer, unsaved edits, no polygons, curved geometries."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return None
    if layer.providerType() != "postgres" or (layer.isEditable() and layer.isModified()):
        return None
    if QgsWkbTypes.flatType(layer.wkbType()) not in _POLYGONS:
        return None  # curves (measured after segmentizing on the desktop), points, lines
    uri = QgsDataSourceUri(layer.dataProvider().uri())
    if not uri.table() or uri.table().lstrip().startswith("(") or not uri.geometryColumn():
        return None
    table = (f"{quote_identifier(uri.schema())}." if uri.schema() else "") + quote_identifier(
        uri.table())
    keys = [k.strip().strip('"') for k in uri.keyColumn().split(",") if k.strip()]
    key = ", ".join(quote_identifier(k) for k in keys) if keys else "ctid"
    if len(keys) > 1:
        key = f"ROW({key})"
    return PgTable(name, table, quote_identifier(uri.geometryColumn()), key,
                   layer.subsetString() or "", uri.connectionInfo(False), layer.crs(), uri)


def same_database(*tables: PgTable | None) -> bool:
    """All tables read through one connection (same server, database and role)."""
    return all(tables) and len({t.connection for t in tables}) == 1


def run_sql(table: PgTable, sql: str, feedback=None, timeout_s: int = DEFAULT_TIMEOUT_S):
    """The rows of ``sql`` run in ``table``'s database; errors become messages naming the
    layer (or :class:`DesktopFallbackError` when the desktop path may still succeed)."""
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    timeout = max(0, int(timeout_s or 0)) * 1000
    prefix = f"SET LOCAL statement_timeout = {timeout}; SET LOCAL jit = off; "
    try:
        connection = metadata.createConnection(table.uri.uri(False), {})
        return connection.executeSql(prefix + sql, feedback)
    except Exception as error:  # noqa: BLE001 - QgsProviderConnectionException, QgsException
        raise _translated(table, str(error), feedback, timeout_s) from error


def _translated(table: PgTable, message: str, feedback, timeout_s) -> Exception:
    cause = _cause(message)
    lowered = cause.lower()
    if feedback is not None and feedback.isCanceled():
        return SgNrError(tr("The run was canceled: no output was written."))
    if "statement timeout" in lowered:
        return InDatabaseError(tr(
            "The in-database statistics on layer “{layer}” stopped after the statement timeout "
            "of {seconds} s. Raise the timeout (advanced parameter IN_DATABASE_TIMEOUT, 0 = "
            "none), or untick IN_DATABASE to compute on the desktop.").format(
            layer=table.name, seconds=timeout_s))
    if "permission denied" in lowered or "read-only" in lowered:
        return InDatabaseError(tr(
            "The database refused the in-database statistics on layer “{layer}”: {cause}. Ask "
            "the database administrator for SELECT on the input tables, or untick IN_DATABASE "
            "to compute on the desktop.").format(layer=table.name, cause=cause))
    if any(phrase in lowered for phrase in _CONNECTION_LOST):
        return IncompleteReadError(table.name, None, None, cause)
    return DesktopFallbackError(cause)


def _cause(message: str) -> str:
    """The server's own words from QGIS's "SQL error: <sql> returned 0 [ERROR: …]"."""
    start = message.rfind("[ERROR")
    start = start if start >= 0 else message.rfind("[")
    text = message[start + 1:].rstrip().rstrip("]") if start >= 0 else message
    return " ".join(text.replace("ERROR:", "").split()) or message.strip()[:200]
