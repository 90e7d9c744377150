"""What the desktop path does with geometries that SQL would read differently: one scan per
table before an in-database statistic. Invalid geometries (the desktop repairs them with
makeValid and lists them), non-polygonal ones and impossible coordinates (the desktop refuses
them naming the features) leave the run to the desktop path, so both paths give one table."""

from __future__ import annotations

from ...i18n import tr
from ..coordinates import GK_MAX_NORTHING_M, GK_MAX_REACH_M
from ..crs import DAMAGED_COORDINATE
from .session import DesktopFallbackError, PgTable, run_sql


def _survey_sql(t: PgTable, polygons_only: bool) -> str:
    """One row: features, invalid ones, non-polygonal ones, and the coordinate extent."""
    g = t.geometry
    other = (f"COUNT(*) FILTER (WHERE {g} IS NOT NULL AND NOT ST_IsEmpty({g}) AND "
             f"GeometryType({g}) NOT IN ('POLYGON', 'MULTIPOLYGON'))") if polygons_only else "0"
    return (f"SELECT COUNT(*), COUNT(*) FILTER (WHERE NOT ST_IsValid({g})), {other}, "
            f"MIN(ST_XMin({g})), MAX(ST_XMax({g})), MIN(ST_YMin({g})), MAX(ST_YMax({g})) "
            f"FROM {t.table}{t.where()}")


def _unsafe(survey, tm, layer: str) -> str:
    """Why the surveyed geometries need the desktop path ("" when they do not)."""
    _count, invalid, other, xmin, xmax, ymin, ymax = survey
    if int(invalid or 0):
        return tr("{n} invalid geometries in “{layer}” are repaired there (makeValid) and "
                  "listed").format(n=int(invalid), layer=layer)
    if int(other or 0):
        return tr("“{layer}” holds {n} non-polygonal geometries").format(n=int(other),
                                                                        layer=layer)
    if xmin is None or not isinstance(xmin, (int, float)):
        return ""  # no geometry at all
    reach, limit = GK_MAX_REACH_M * tm.k_0, GK_MAX_NORTHING_M
    fits = (tm.x_0 - reach <= xmin and xmax <= tm.x_0 + reach and tm.y_0 - limit <= ymin
            and ymax <= tm.y_0 + limit and max(abs(xmin), abs(xmax), abs(ymin), abs(ymax))
            < DAMAGED_COORDINATE)
    return "" if fits else tr("“{layer}” holds impossible coordinates, which are named "
                              "there").format(layer=layer)


def merged_survey(rows) -> tuple:
    """One survey row from the survey columns of several groups (counts summed, extent
    combined; NULL extents are groups without geometry)."""
    rows = list(rows)

    def extreme(column: int, pick) -> float | None:
        values = [row[column] for row in rows if isinstance(row[column], (int, float))]
        return pick(values) if values else None

    return (sum(int(row[0] or 0) for row in rows), sum(int(row[1] or 0) for row in rows),
            sum(int(row[2] or 0) for row in rows), extreme(3, min), extreme(4, max),
            extreme(5, min), extreme(6, max))


def require_safe(survey, tm, layer: str) -> None:
    """Raises :class:`DesktopFallbackError` saying why when the surveyed geometries of
    ``layer`` need the desktop path."""
    reason = _unsafe(survey, tm, layer)
    if reason:
        raise DesktopFallbackError(reason)


def survey_tables(tables: list[tuple[PgTable, bool]], tm, feedback, timeout_s) -> list:
    """The survey row of each ``(table, polygons_only)``; raises :class:`DesktopFallbackError`
    saying why when a table needs the desktop path."""
    surveys = []
    for table, polygons_only in tables:
        survey = run_sql(table, _survey_sql(table, polygons_only), feedback, timeout_s)[0]
        require_safe(survey, tm, table.name)
        surveys.append(survey)
    return surveys
