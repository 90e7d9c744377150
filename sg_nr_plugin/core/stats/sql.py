"""Push attribute-only aggregations into the database (GeoPackage via SQLite, PostGIS).

Reading a million parcels through the provider costs ~5 s; ``GROUP BY`` inside the database
~0.5 s (engineering.md). The SQL only groups by the *raw* ZLDWDM and DLBM values and sums the
areas with the same NULL rules as :func:`common.parcel_areas`; region codes and land classes
are then derived in Python by the same code the streaming path uses, so both paths give the
same table. Identifiers are quoted; the query carries no user values except the layer's own
subset string (already SQL of that database). Returns None whenever push-down does not apply.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from qgis.core import QgsProviderRegistry, QgsVectorLayer

from ..fields import DltbFields
from ..regions import RegionLevel
from .common import RegionAssigner, RegionSpec, dltb_fields, number, text


def quote_identifier(name: str) -> str:
    """SQL identifier quoting (SQLite and PostgreSQL): double quotes, inner quotes doubled."""
    return '"' + name.replace('"', '""') + '"'


def landuse_sql(fields: DltbFields, table: str, where: str = "") -> str:
    """``SELECT zldwdm, dlbm, Σnet, Σkcmj, Σtbmj, count, min(zldwmc)`` grouped by the raw
    values."""
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
    zldwdm = q(fields.zldwdm) if fields.zldwdm else "''"
    zldwmc = f"MIN({q(fields.zldwmc)})" if fields.zldwmc else "''"
    sql = (f"SELECT {zldwdm}, {q(fields.dlbm)}, SUM({net}), SUM({kcmj}), SUM({tbmj}), COUNT(*), "
           f"{zldwmc} FROM {table}")
    if where:
        sql += f" WHERE ({where})"
    return sql + f" GROUP BY {zldwdm}, {q(fields.dlbm)}"


def duplicate_ids_sql(fields: DltbFields, table: str, where: str = "") -> str:
    """``SELECT bsm, count`` of the identifiers (BSM) held by more than one parcel."""
    bsm = quote_identifier(fields.bsm)
    sql = f"SELECT {bsm}, COUNT(*) FROM {table} WHERE {bsm} IS NOT NULL AND {bsm} <> ''"
    if where:
        sql += f" AND ({where})"
    return sql + f" GROUP BY {bsm} HAVING COUNT(*) > 1"


def _gpkg_rows(layer: QgsVectorLayer, make_sql) -> list | None:
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path, table = parts.get("path", ""), parts.get("layerName") or ""
    if not path.lower().endswith(".gpkg") or not table:
        return None
    sql = make_sql(quote_identifier(table), layer.subsetString())
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    except sqlite3.Error:
        return None  # e.g. a subset string in OGR dialect SQLite cannot read: stream instead
    finally:
        connection.close()


def _postgres_rows(layer: QgsVectorLayer, make_sql) -> list | None:
    provider = layer.dataProvider()
    uri = provider.uri()
    if not uri.table() or uri.table().lstrip().startswith("("):
        return None  # a query layer: let the provider stream it
    table = (f"{quote_identifier(uri.schema())}." if uri.schema() else "") + quote_identifier(
        uri.table())
    metadata = QgsProviderRegistry.instance().providerMetadata("postgres")
    connection = metadata.createConnection(uri.connectionInfo(False), {})
    try:
        return connection.executeSql(make_sql(table, layer.subsetString()))
    except Exception:  # noqa: BLE001 - QgsProviderConnectionException: fall back to streaming
        return None


def query_rows(layer: QgsVectorLayer, make_sql) -> list | None:
    """Rows of ``make_sql(quoted_table, subset_string)`` run inside the layer's database
    (GeoPackage or PostGIS), or None when push-down does not apply."""
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        return None
    if layer.isEditable() and layer.isModified():
        return None  # unsaved edits live in QGIS's edit buffer, not in the database
    kind = layer.providerType()
    if kind == "ogr":
        return _gpkg_rows(layer, make_sql)
    if kind == "postgres":
        return _postgres_rows(layer, make_sql)
    return None


def grouped_rows(layer: QgsVectorLayer, fields: DltbFields) -> list | None:
    """Rows (zldwdm, dlbm, Σnet, Σkcmj, Σtbmj, count, zldwmc) computed in the database, or
    None."""
    return query_rows(layer, lambda table, where: landuse_sql(fields, table, where))


def fold_rows(rows: Iterable, spec: RegionSpec, totals) -> None:
    """Add database rows into ``totals`` with the streaming path's region and class rules."""
    assigner = RegionAssigner(RegionSpec(level=spec.level))
    village = spec.level == RegionLevel.VILLAGE
    for zldwdm, dlbm, net, kcmj, tbmj, count, zldwmc in rows:
        region = assigner.code(text(zldwdm))
        totals.add(region, text(dlbm), number(net) or 0.0, number(kcmj) or 0.0,
                   number(tbmj) or 0.0, int(count), text(zldwmc) if village else "")


def sql_landuse_totals(source, spec: RegionSpec, layer_name: str, split_k: bool):
    """Land-use totals aggregated in the database, or None when push-down does not apply."""
    from .landuse import LanduseTotals

    if spec.spatial:
        return None
    fields = dltb_fields(source, layer_name, spec)
    rows = grouped_rows(source, fields)
    if rows is None:
        return None
    totals = LanduseTotals(split_k=split_k)
    fold_rows(rows, spec, totals)
    if fields.bsm:
        duplicates = query_rows(source, lambda table, where: duplicate_ids_sql(
            fields, table, where))
        for bsm, count in duplicates or []:
            totals.duplicates.add_group(text(bsm), int(count))
    return totals
