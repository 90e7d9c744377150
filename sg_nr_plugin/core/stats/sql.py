"""Push attribute-only aggregations into the database (GeoPackage via SQLite, PostGIS).

Reading a million parcels through the provider costs ~6 s; one ``GROUP BY`` inside the
database ~1 s. The SQL groups by the region prefix of ZLDWDM (trimmed exactly as Python's
``str.strip`` does, so it equals :func:`regions.region_code`) and the raw DLBM, and sums the
areas with the same NULL rules as :func:`common.parcel_areas`; land classes are then applied in
Python, on a few hundred rows, by the same code the streaming path uses, so both paths give the
same table. Identifiers are quoted; the query carries no user values except the layer's own
subset string (already SQL of that database). Returns None whenever push-down does not apply.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable

from qgis.core import QgsProviderRegistry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from ..fields import DltbFields
from ..regions import PREFIX_LENGTH, UNKNOWN_CODE, WHOLE_CODE, RegionLevel
from .common import RegionAssigner, RegionSpec, dltb_fields, number, text

# make(quoted_table, subset_string, dialect) -> SQL
SqlMaker = Callable[[str, str, str], str]


def quote_identifier(name: str) -> str:
    """SQL identifier quoting (SQLite and PostgreSQL): double quotes, inner quotes doubled."""
    return '"' + name.replace('"', '""') + '"'


# Every character Python's str.strip() removes, so that trimming in SQL gives the same region
# prefix as :func:`regions.region_code` does on the streamed value.
_WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
SQLITE, POSTGRES = "sqlite", "postgres"


def _region_key(level: int, dialect: str) -> str:
    """SQL of :func:`regions.region_code` applied to the column ``z`` (a non-empty code)."""
    trim = "btrim" if dialect == POSTGRES else "trim"
    spaces = "'" + _WHITESPACE.replace("'", "''") + "'"
    return f"substr({trim}(z, {spaces}), 1, {PREFIX_LENGTH[RegionLevel(level)]})"


def landuse_sql(fields: DltbFields, table: str, where: str = "", level: int | None = None,
                dialect: str = SQLITE, names: bool = True) -> str:
    """``SELECT region, dlbm, Σnet, Σkcmj, Σtbmj, count, min(zldwmc)``.

    The parcels are grouped by the raw ZLDWDM and DLBM; with ``level`` (a text ZLDWDM) those
    groups are grouped again by region prefix, so that the caller folds a few hundred rows
    instead of tens of thousands. Trimming in the outer query touches one row per distinct
    ZLDWDM, not one per parcel (trim with a character set costs ~0.25 s per million rows).
    ``names=False`` leaves ZLDWMC out: only village rows are named from it."""
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
    zldwmc = f"MIN({q(fields.zldwmc)})" if names and fields.zldwmc else "''"
    zldwdm = "''" if whole else q(fields.zldwdm)
    sql = (f"SELECT {zldwdm} AS z, {q(fields.dlbm)} AS d, "
           f"SUM({net}) AS a, SUM({kcmj}) AS b, SUM({tbmj}) AS c, COUNT(*) AS n, "
           f"{zldwmc} AS m FROM {table}")
    if where:
        sql += f" WHERE ({where})"
    # a constant region is not a grouping key: PostgreSQL rejects GROUP BY of a literal
    sql += " GROUP BY 2" if whole else " GROUP BY 1, 2"
    if whole or level is None:
        return sql
    return (f"SELECT {_region_key(level, dialect)}, d, SUM(a), SUM(b), SUM(c), SUM(n), MIN(m) "
            f"FROM ({sql}) AS g GROUP BY 1, 2")


def duplicate_ids_sql(fields: DltbFields, table: str, where: str = "") -> str:
    """``SELECT bsm, count`` of the identifiers (BSM) held by more than one parcel."""
    bsm = quote_identifier(fields.bsm)
    sql = f"SELECT {bsm}, COUNT(*) FROM {table} WHERE {bsm} IS NOT NULL AND {bsm} <> ''"
    if where:
        sql += f" AND ({where})"
    return sql + f" GROUP BY {bsm} HAVING COUNT(*) > 1"


def _gpkg_query(path: str, sql: str) -> list | None:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    except sqlite3.Error:
        return None  # e.g. a subset string in OGR dialect SQLite cannot read: stream instead
    finally:
        connection.close()


def _gpkg_rows(layer: QgsVectorLayer, makers: list[SqlMaker]) -> list | None:
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, table = parts.get("path", ""), parts.get("layerName") or ""
    if not path.lower().endswith(".gpkg") or not table:
        return None
    # One query after the other: on two threads they were slower, not faster (measured).
    return [_gpkg_query(path, make(quote_identifier(table), layer.subsetString(), SQLITE))
            for make in makers]


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
        except Exception:  # noqa: BLE001 - QgsProviderConnectionException: stream instead
            results.append(None)
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


def _text_code(layer: QgsVectorLayer, fields: DltbFields) -> bool:
    index = layer.fields().lookupField(fields.zldwdm) if fields.zldwdm else -1
    return index >= 0 and layer.fields().at(index).type() == QVariant.String


def fold_rows(rows: Iterable, spec: RegionSpec, totals, keyed: bool) -> None:
    """Add database rows into ``totals`` with the streaming path's region and class rules;
    ``keyed``: the first column already is the region code (:func:`landuse_sql` with a level)."""
    level = RegionLevel(spec.level)
    assigner = RegionAssigner(RegionSpec(level=level))
    village = level == RegionLevel.VILLAGE
    for key, dlbm, net, kcmj, tbmj, count, zldwmc in rows:
        if level == RegionLevel.WHOLE:
            region = WHOLE_CODE
        elif keyed:
            region = key or UNKNOWN_CODE  # NULL or blank ZLDWDM, as region_code() says
        else:
            region = assigner.code(text(key))
        totals.add(region, text(dlbm), number(net) or 0.0, number(kcmj) or 0.0,
                   number(tbmj) or 0.0, int(count), text(zldwmc) if village else "")


def sql_landuse_totals(source, spec: RegionSpec, layer_name: str, split_k: bool):
    """Land-use totals aggregated in the database, or None when push-down does not apply.

    One ``GROUP BY`` (region, DLBM) gives every class area; a second one finds repeated BSMs
    (the streaming path's duplicate check)."""
    from .landuse import LanduseTotals

    if spec.spatial or not isinstance(source, QgsVectorLayer):
        return None
    fields = dltb_fields(source, layer_name, spec)
    # SQL's text of a number may differ from Python's str(): only text codes are cut in SQL
    level = spec.level if _text_code(source, fields) or not spec.level else None
    village = spec.level == RegionLevel.VILLAGE

    def grouped(table: str, where: str, dialect: str) -> str:
        return landuse_sql(fields, table, where, level, dialect, names=village)

    def duplicates(table: str, where: str, _dialect: str) -> str:
        return duplicate_ids_sql(fields, table, where)

    results = query_rows(source, grouped, *([duplicates] if fields.bsm else []))
    if results is None or results[0] is None:
        return None
    totals = LanduseTotals(split_k=split_k)
    fold_rows(results[0], spec, totals, keyed=level is not None)
    for bsm, count in (results[1] or []) if len(results) > 1 else []:
        totals.duplicates.add_group(text(bsm), int(count))
    return totals
