"""The land-use push-down: one ``GROUP BY`` in the database (:mod:`.sql`) folded into the same
:class:`~.totals.LanduseTotals` the streaming path fills, under the same value rules.

The query also counts the parcels whose values the streaming path would refuse or normalise
(:mod:`core.schema.domains`: a negative area, a KCXS outside [0, 1), TBDLMJ ≠ TBMJ − KCMJ, text
in an area column, a DLBM stored as a number, a ZLDWDM stored as a real): when there are any,
push-down gives way to streaming, which says what it did, so both paths agree on those too.
A GeoPackage can also hold text in a column declared REAL, which OGR reads as the number it
starts with ('12abc' → 12, 'abc' → 0): :func:`refuse_text_in_number_columns` finds those for
both paths.
"""

from __future__ import annotations

from collections.abc import Iterable

from qgis.core import QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from ..fields import DltbFields
from ..reading import expected_count, require_count
from ..regions import UNKNOWN_CODE, WHOLE_CODE, RegionLevel
from ..schema.domains import DltbDomains, DomainValueError, dltb_domains, is_null
from .common import RegionAssigner, RegionSpec, dltb_fields, number, text
from .sql import (
    Additive,
    duplicate_count_sql,
    duplicate_ids_sql,
    landuse_sql,
    query_rows,
    quote_identifier,
)
from .totals import LanduseTotals
from .values import ValueChecker, label_of

AREA_KEYS = ("tbmj", "kcmj", "kcxs", "tbdlmj")

def domain_checks(fields: DltbFields) -> tuple[tuple[str, str], ...]:
    """(aggregate, SQL) pairs whose values per group tell whether any parcel of it holds a
    value streaming would refuse or normalise: MIN and MAX of each area column (SQLite sorts
    text and blobs above every number, PostgreSQL NaN above every number) and the largest
    |TBDLMJ − (TBMJ − KCMJ)|. Aggregates cost ~40 % of the ``GROUP BY``, a ``CASE`` per row
    with the same tests ~120 % (measured on 200 000 rows)."""
    q = quote_identifier
    checks = []
    for key in AREA_KEYS:
        if fields.get(key):
            checks += [("MIN", q(fields.get(key))), ("MAX", q(fields.get(key)))]
    if fields.kcmj and fields.tbdlmj:
        checks.append(("MAX", f"abs({q(fields.tbdlmj)} - (COALESCE({q(fields.tbmj)}, 0) - "
                              f"{q(fields.kcmj)}))"))
    return tuple(checks)


def conforms(row, fields: DltbFields, with_region: bool,
             domains: DltbDomains | None = None) -> bool:
    """Whether a group row (:func:`~.sql.landuse_sql` with :func:`domain_checks`) holds only
    values streaming reads as they are: the same domain data decides on both paths."""
    domains = domains or dltb_domains()
    row = [None if is_null(value) else value for value in row]  # PostgreSQL: QVariant NULL
    key, dlbm, extremes = row[0], row[1], row[7:]
    if not (dlbm is None or isinstance(dlbm, str)):
        return False  # a DLBM stored as a number: streaming pads it and says so
    if with_region and isinstance(key, (float, bytes)):
        return False  # a ZLDWDM stored as a real: streaming reads its digits and says so
    for name in AREA_KEYS:
        if not fields.get(name):
            continue
        for value in (extremes.pop(0), extremes.pop(0)):
            if value is None:
                continue
            if not isinstance(value, (int, float)) or value != value:
                return False  # text, a blob, NaN
            try:
                domains.number(name, value)
            except DomainValueError:
                return False
    gap = extremes.pop(0) if extremes else None
    return gap is None or (gap == gap and gap <= domains.net_tolerance_m2)


_NUMERIC_TYPES = (QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong,
                  QVariant.Double)


def _field_types_fit(layer: QgsVectorLayer, fields: DltbFields, with_region: bool) -> bool:
    """Whether the declared column types are those SQL reads as streaming does: numeric areas,
    a text DLBM, a ZLDWDM that is no real number. Otherwise streaming reads (and says how)."""
    areas = (fields.tbmj, fields.kcmj, fields.kcxs, fields.tbdlmj)
    if any(name and _kind(layer, name) not in _NUMERIC_TYPES for name in areas):
        return False
    if _kind(layer, fields.dlbm) != QVariant.String:
        return False
    return not (with_region and fields.zldwdm and _kind(layer, fields.zldwdm) == QVariant.Double)

def refuse_text_in_number_columns(layer, fields: DltbFields, layer_name: str) -> None:
    """Raise :class:`~.values.DomainError` when a GeoPackage stores text in a numeric area
    column (SQLite's dynamic typing; another program wrote it): OGR would hand the streaming
    path a number made up from it. Both paths call this, so both refuse alike."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return
    columns = [(key, fields.get(key)) for key in AREA_KEYS if fields.get(key)]
    numeric = [(key, name) for key, name in columns if _kind(layer, name) in _NUMERIC_TYPES]
    if not numeric:
        return
    q = quote_identifier
    bsm = q(fields.bsm) if fields.bsm else "NULL"
    condition = " OR ".join(f"typeof({q(name)}) IN ('text', 'blob')" for _key, name in numeric)

    def stored_text(table: str, where: str, _dialect: str) -> str:
        sql = (f"SELECT {bsm}, rowid, {', '.join(q(name) for _key, name in numeric)} "
               f"FROM {table} WHERE ({condition})")
        return sql + (f" AND ({where})" if where else "")

    results = query_rows(layer, stored_text)
    if not results or not results[0]:
        return
    checker = ValueChecker(layer_name, fields, check_region=False)
    for row in results[0]:
        label = label_of(text(row[0]), row[1])
        for (key, _name), value in zip(numeric, row[2:]):
            if isinstance(value, (str, bytes)):
                checker.number(key, label, value if isinstance(value, str) else repr(value))
    checker.finish()


def _kind(layer: QgsVectorLayer, name: str | None):
    index = layer.fields().lookupField(name) if name else -1
    return layer.fields().at(index).type() if index >= 0 else None


def _text_code(layer: QgsVectorLayer, fields: DltbFields) -> bool:
    index = layer.fields().lookupField(fields.zldwdm) if fields.zldwdm else -1
    return index >= 0 and layer.fields().at(index).type() == QVariant.String


def fold_rows(rows: Iterable, spec: RegionSpec, totals, keyed: bool) -> None:
    """Add database rows into ``totals`` with the streaming path's region and class rules;
    ``keyed``: the first column already is the region code (:func:`landuse_sql` with a level)."""
    level = RegionLevel(spec.level)
    assigner = RegionAssigner(RegionSpec(level=level))
    village = level == RegionLevel.VILLAGE
    for key, dlbm, net, kcmj, tbmj, count, zldwmc, *_checks in rows:
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

    One ``GROUP BY`` (region, DLBM) gives every class area while a distinct count of BSM runs
    beside it; only when that count finds repeated identifiers does a third query name them
    (the streaming path's duplicate check)."""
    if spec.spatial or not isinstance(source, QgsVectorLayer):
        return None
    fields = dltb_fields(source, layer_name, spec)
    with_region = spec.level != RegionLevel.WHOLE
    if not _field_types_fit(source, fields, with_region):
        return None
    # SQL's text of a number may differ from Python's str(): only text codes are cut in SQL
    level = spec.level if _text_code(source, fields) or not spec.level else None
    village = spec.level == RegionLevel.VILLAGE

    def grouped(table: str, where: str, dialect: str) -> str:
        return landuse_sql(fields, table, where, level, dialect, names=village,
                           checks=domain_checks(fields))

    # a BSM column of text can be counted raw first (see duplicate_count_sql)
    raw = fields.bsm is not None and _kind(source, fields.bsm) == QVariant.String

    def repeated(table: str, where: str, dialect: str, exact: bool = not raw) -> str:
        return duplicate_count_sql(fields, table, where, dialect, exact)

    results = query_rows(source, Additive(grouped), *([repeated] if fields.bsm else []))
    if results is None or results[0] is None:
        return None
    if not all(conforms(row, fields, with_region) for row in results[0]):
        return None  # values streaming refuses or normalises: let it read them and say so
    # the database's GROUP BY counted every parcel the provider says the layer holds
    require_count(layer_name, expected_count(source, QgsFeatureRequest()),
                  sum(int(row[5]) for row in results[0]))
    totals = LanduseTotals(split_k=split_k)
    fold_rows(results[0], spec, totals, keyed=level is not None)
    if len(results) > 1 and _repeated(source, repeated, results[1]):
        _name_duplicates(source, fields, totals)
    return totals


def _repeated(source: QgsVectorLayer, repeated, rows) -> bool:
    """Whether identifiers repeat (True when the count failed: the naming query says)."""
    if rows is None:
        return True
    extra, padded = rows[0]
    if number(padded):  # padded identifiers: count them trimmed, as streaming does
        def exact(table: str, where: str, dialect: str) -> str:
            return repeated(table, where, dialect, exact=True)

        results = query_rows(source, exact)
        if not results or results[0] is None:
            return True
        extra = results[0][0][0]
    return bool(number(extra))


def _name_duplicates(source: QgsVectorLayer, fields: DltbFields, totals) -> None:
    def duplicates(table: str, where: str, dialect: str) -> str:
        return duplicate_ids_sql(fields, table, where, dialect)

    results = query_rows(source, duplicates)
    for bsm, count in (results[0] or []) if results else []:
        totals.duplicates.add_group(text(bsm), int(count))
