"""Push attribute-only aggregations into the database (GeoPackage via SQLite, PostGIS).

Reading a million parcels through the provider costs ~6 s; one ``GROUP BY`` inside the
database ~1 s, ~0.6 s in a GeoPackage cut into fid ranges that run on all cores. The SQL
groups by the region prefix of ZLDWDM (trimmed exactly as Python's ``str.strip`` does, so it
equals :func:`regions.region_code`) and the raw DLBM, and sums the areas with the same NULL
rules as :func:`common.parcel_areas`; land classes are then applied in Python, on a few
hundred rows, by the same code the streaming path uses, so both paths give the same table.
:mod:`.pushdown` runs the land-use query and holds it to the streaming path's value rules.
Identifiers are quoted; the query carries no user values except the layer's own subset string
(already SQL of that database). Returns None whenever push-down does not apply.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from qgis.core import QgsFeatureRequest, QgsProviderRegistry, QgsVectorLayer

from ..errors import IncompleteReadError, SgNrError
from ..fields import DltbFields
from ..reading import expected_count
from ..regions import PREFIX_LENGTH, RegionLevel
from . import require_pandas

# make(quoted_table, subset_string, dialect) -> SQL
SqlMaker = Callable[[str, str, str], str]


def quote_identifier(name: str) -> str:
    """SQL identifier quoting (SQLite and PostgreSQL): double quotes, inner quotes doubled."""
    return '"' + name.replace('"', '""') + '"'


# Every character Python's str.strip() removes, so that trimming in SQL gives the same region
# prefix as :func:`regions.region_code` does on the streamed value.
_WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
SQLITE, POSTGRES = "sqlite", "postgres"
# A table is cut into ranges of at least this many rows, one per core at most: below ~100k
# rows a query takes tens of milliseconds and more threads would only add overhead.
PARTITION_MIN_ROWS = 100_000
THREADS = min(os.cpu_count() or 1, 8)


def _region_key(level: int, dialect: str) -> str:
    """SQL of :func:`regions.region_code` applied to the column ``z`` (a non-empty code)."""
    trim = "btrim" if dialect == POSTGRES else "trim"
    spaces = "'" + _WHITESPACE.replace("'", "''") + "'"
    return f"substr({trim}(z, {spaces}), 1, {PREFIX_LENGTH[RegionLevel(level)]})"


def landuse_sql(fields: DltbFields, table: str, where: str = "", level: int | None = None,
                dialect: str = SQLITE, names: bool = True,
                checks: tuple[tuple[str, str], ...] = ()) -> str:
    """``SELECT region, dlbm, Σnet, Σkcmj, Σtbmj, count, min(zldwmc), *checks``.

    The parcels are grouped by the raw ZLDWDM and DLBM; with ``level`` (a text ZLDWDM) those
    groups are grouped again by region prefix, so that the caller folds a few hundred rows
    instead of tens of thousands. Trimming in the outer query touches one row per distinct
    ZLDWDM, not one per parcel (trim with a character set costs ~0.25 s per million rows).
    ``names=False`` leaves ZLDWMC out: only village rows are named from it. ``checks``:
    (``MIN`` or ``MAX``, SQL expression) pairs, one more column each (:mod:`.pushdown`)."""
    q = quote_identifier
    tbmj = f"COALESCE({q(fields.tbmj)}, 0)"
    if fields.kcmj:
        kcmj = f"COALESCE({q(fields.kcmj)}, " + (
            f"{tbmj} * {q(fields.kcxs)}, 0)" if fields.kcxs else "0)")
    elif fields.kcxs:
        kcmj = f"COALESCE({tbmj} * {q(fields.kcxs)}, 0)"
    else:
        kcmj = "0"
    net = f"COALESCE({q(fields.tbdlmj)}, {tbmj} - {kcmj})" if fields.tbdlmj else f"{tbmj} - {kcmj}"
    whole = level == RegionLevel.WHOLE or not fields.zldwdm
    extra = "".join(f", {agg}({expression}) AS k{i}" for i, (agg, expression) in enumerate(checks))
    zldwmc = f"MIN({q(fields.zldwmc)})" if names and fields.zldwmc else "''"
    zldwdm = "''" if whole else q(fields.zldwdm)
    sql = (f"SELECT {zldwdm} AS z, {q(fields.dlbm)} AS d, "
           f"SUM({net}) AS a, SUM({kcmj}) AS b, SUM({tbmj}) AS c, COUNT(*) AS n, "
           f"{zldwmc} AS m{extra} FROM {table}")
    if where:
        sql += f" WHERE ({where})"
    # a constant region is not a grouping key: PostgreSQL rejects GROUP BY of a literal
    sql += " GROUP BY 2" if whole else " GROUP BY 1, 2"
    if whole or level is None:
        return sql
    outer = "".join(f", {agg}(k{i})" for i, (agg, _expression) in enumerate(checks))
    return (f"SELECT {_region_key(level, dialect)}, d, SUM(a), SUM(b), SUM(c), SUM(n), MIN(m)"
            f"{outer} FROM ({sql}) AS g GROUP BY 1, 2")


def _trimmed_bsm(fields: DltbFields, dialect: str) -> str:
    """BSM as text trimmed like Python's ``str.strip`` (the streaming check's ``text()``)."""
    trim = "btrim" if dialect == POSTGRES else "trim"
    spaces = "'" + _WHITESPACE.replace("'", "''") + "'"
    return f"{trim}(CAST({quote_identifier(fields.bsm)} AS TEXT), {spaces})"


def _with_bsm(bsm: str, table: str, where: str) -> str:
    """``FROM`` the trimmed identifiers ``t`` of the parcels that carry one (as the streaming
    check, which skips empty ones), within ``where``: trimmed once per row (~0.2 s a million)."""
    sql = f"FROM (SELECT {bsm} AS t FROM {table}" + (f" WHERE ({where})" if where else "")
    return sql + ") AS i WHERE t IS NOT NULL AND t <> ''"


def duplicate_count_sql(fields: DltbFields, table: str, where: str = "",
                        dialect: str = SQLITE, exact: bool = True) -> str:
    """``SELECT extra, padded``: how many parcels repeat an identifier (BSM) held by an
    earlier one, after trimming as the streaming path does. A distinct count costs ~0.3 s per
    million rows against ~0.55 s for grouping them, and clean deliveries (the usual case) need
    nothing more; trimming each BSM with Python's whitespace set costs 2–3 times the count, so
    unless ``exact`` the raw identifiers are counted and ``padded`` says how many begin or end
    with a character that may be whitespace (< '!' or non-ASCII; ~+0.3 s a million): only
    then is the exact count needed."""
    if exact or dialect == POSTGRES:
        bsm = _trimmed_bsm(fields, dialect)
        return f"SELECT COUNT(t) - COUNT(DISTINCT t), 0 {_with_bsm(bsm, table, where)}"
    b = quote_identifier(fields.bsm)
    edge = " OR ".join(f"{x} < '!' OR {x} >= char(128)" for x in (b, f"substr({b}, -1)"))
    sql = (f"SELECT COUNT({b}) - COUNT(DISTINCT {b}), SUM({edge}) FROM {table} "
           f"WHERE {b} IS NOT NULL AND {b} <> ''")
    return sql + (f" AND ({where})" if where else "")


def duplicate_ids_sql(fields: DltbFields, table: str, where: str = "",
                      dialect: str = SQLITE) -> str:
    """``SELECT bsm, count`` of the identifiers (BSM) held by more than one parcel."""
    bsm = _trimmed_bsm(fields, dialect)
    return f"SELECT t, COUNT(*) {_with_bsm(bsm, table, where)} GROUP BY 1 HAVING COUNT(*) > 1"


@dataclass(frozen=True)
class Additive:
    """A query whose rows over disjoint parts of a table, put together, are its rows over the
    whole table (sums and counts grouped by a key, folded afterwards by key)."""

    make: SqlMaker

    def __call__(self, table: str, where: str, dialect: str) -> str:
        return self.make(table, where, dialect)


def _read_only(path: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


# SQLite result codes (low byte) of a file that cannot be read: damaged pages, not a database,
# an I/O error. These fail the run; any other error (a subset string in OGR's dialect that
# SQLite cannot run) lets the provider stream instead, which checks its own reads.
_UNREADABLE = {10, 11, 26}  # SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_NOTADB
# Phrases of libpq / PostgreSQL meaning the connection, not the query, failed.
_CONNECTION_LOST = ("server closed the connection", "terminating connection",
                    "connection to server", "could not connect", "no connection to the server",
                    "could not receive data", "could not send data", "connection not open")


def _gpkg_query(path: str, sql: str) -> list | None:
    connection = _read_only(path)
    try:
        return connection.execute(sql).fetchall()
    except sqlite3.Error as error:
        if (getattr(error, "sqlite_errorcode", 0) or 0) & 0xFF in _UNREADABLE:
            raise
        return None  # e.g. a subset string in OGR dialect SQLite cannot read: stream instead
    finally:
        connection.close()


def _rowid_ranges(path: str, table: str, parts: int) -> list[str]:
    """Conditions cutting the table into at most ``parts`` ranges of its integer primary key
    (a GeoPackage's fid) of PARTITION_MIN_ROWS or more each, or [] when the table is too
    small for two or has no such key."""
    if parts < 2:
        return []
    connection = _read_only(path)
    try:
        keys = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")
                if row[5] == 1 and str(row[2]).upper() == "INTEGER"]
        if len(keys) != 1:
            return []  # a view, or a composite or non-integer key: one query
        key = quote_identifier(keys[0])
        # two queries: SQLite answers a lone MIN or MAX of the key from the b-tree's ends, but
        # scans the table for both at once
        low, high = (connection.execute(f"SELECT {bound}({key}) FROM {table}").fetchone()[0]
                     for bound in ("MIN", "MAX"))
    except sqlite3.Error:
        return []
    finally:
        connection.close()
    if low is None:
        return []  # an empty table
    parts = min(parts, (high - low + 1) // PARTITION_MIN_ROWS)
    if parts < 2:
        return []
    step = (high - low) // parts + 1
    return [f"{key} BETWEEN {start} AND {start + step - 1}"
            for start in range(low, high + 1, step)]


def _load_pandas() -> None:
    """Every caller turns the rows into a DataFrame next: import pandas (~0.25 s) on this
    thread, idle while the database works, instead of after it."""
    with contextlib.suppress(SgNrError):  # the caller says what is missing
        require_pandas()


def _gpkg_rows(layer: QgsVectorLayer, makers: list[SqlMaker]) -> list | None:
    """Each query in the layer's GeoPackage. SQLite runs a query on one core and spends most
    of a million-row ``GROUP BY`` sorting, so an :class:`Additive` query is cut into ranges of
    fid and the pieces run side by side, one connection per thread (the sqlite3 module lets
    go of the GIL while SQLite works): 1.0 s becomes 0.6 s on two cores (measured)."""
    uri = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, table = uri.get("path", ""), uri.get("layerName") or ""
    if not path.lower().endswith(".gpkg") or not table:
        return None
    table, subset = quote_identifier(table), layer.subsetString()
    additive = any(isinstance(make, Additive) for make in makers)
    ranges = _rowid_ranges(path, table, THREADS) if additive else []
    jobs = []  # (maker index, SQL)
    for index, make in enumerate(makers):
        pieces = ranges if isinstance(make, Additive) and ranges else [""]
        for piece in pieces:
            where = " AND ".join(f"({w})" for w in (subset, piece) if w)
            jobs.append((index, make(table, where, SQLITE)))
    # every job on its own thread, the short ones too: the cores stay busy to the end
    with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
        futures = [pool.submit(_gpkg_query, path, sql) for _index, sql in jobs]
        _load_pandas()
        try:
            answers = [future.result() for future in futures]
        except sqlite3.Error as error:  # a damaged file: never stream or sum part of it
            raise IncompleteReadError(layer.name(), _count(layer), None, str(error)) from error
    results: list = [[] for _ in makers]
    for (index, _sql), rows in zip(jobs, answers):
        if rows is None:
            results[index] = None  # one failed piece fails its query: stream instead
        elif results[index] is not None:
            results[index].extend(rows)
    return results


def _postgres_rows(layer: QgsVectorLayer, makers: list[SqlMaker]) -> list | None:
    provider = layer.dataProvider()
    uri = provider.uri()
    if not uri.table() or uri.table().lstrip().startswith("("):
        return None  # a query layer: let the provider stream it
    table = (f"{quote_identifier(uri.schema())}." if uri.schema() else "") + quote_identifier(
        uri.table())
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.createConnection(uri.connectionInfo(False), {})
    results = []
    for make in makers:
        try:
            results.append(connection.executeSql(make(table, layer.subsetString(), POSTGRES)))
        except Exception as error:  # noqa: BLE001 - QgsProviderConnectionException
            if any(phrase in str(error).lower() for phrase in _CONNECTION_LOST):
                raise IncompleteReadError(layer.name(), _count(layer), None,
                                          str(error).strip()) from error
            results.append(None)  # e.g. a subset string the query cannot use: stream instead
    return results


def query_rows(layer: QgsVectorLayer, *makers: SqlMaker) -> list | None:
    """For each ``make(quoted_table, subset_string, dialect)``, the rows of that SQL run inside
    the layer's database (GeoPackage or PostGIS; a failed query gives None in its place), or
    None when push-down does not apply to the layer."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return None
    if layer.isEditable() and layer.isModified():
        return None  # unsaved edits live in QGIS's edit buffer, not in the database
    kind = layer.providerType()
    if kind == "ogr":
        return _gpkg_rows(layer, list(makers))
    if kind == "postgres":
        return _postgres_rows(layer, list(makers))
    return None


def _count(layer: QgsVectorLayer) -> int | None:
    """The features the layer holds, for a message (None when only an estimate is known)."""
    return expected_count(layer, QgsFeatureRequest())
