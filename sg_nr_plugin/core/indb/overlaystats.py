"""``overlaystats`` inside PostGIS: only one row per location code travels to the desktop.

Applies when the input and the overlay are PostGIS tables read through one connection, the
input is in a CGCS2000 Gauss-Krüger CRS and the overlay in the same CRS, regions come from
ZLDWDM (or the whole layer), the area mode is gross and no filter expression is given (the
layers' own subset strings are applied). Before the query, one scan per table counts invalid or
non-polygonal geometries and finds the coordinate extent: invalid geometries (which the desktop
repairs with makeValid and lists) and impossible coordinates (which the desktop refuses naming
the features) leave the run to the desktop path, so both paths always give the same table.

The query follows the desktop engine (core/overlay.py) step by step: the overlay is cut into
pieces of at most 256 vertices (ST_Subdivide, as ``MAX_PIECE_VERTICES``), pieces find their
parcels through the input's GiST index (``&&``), a parcel inside one piece counts whole, else
the pieces meeting it (touching is not overlapping) are clipped to it and dissolved (ST_Union)
so that overlapping overlay features count once, and every area is the plugin's ellipsoidal
area (:mod:`.area_sql`).
"""

from __future__ import annotations

from types import SimpleNamespace

from ...i18n import tr
from ..crs import cgcs2000_tmerc
from ..fields import detect_dltb_fields
from ..overlay import MAX_PIECE_VERTICES
from ..regions import RegionLevel
from ..stats.common import RegionAssigner, SourceInfo, StatsMeta, require_features, text
from ..stats.sql import quote_identifier
from .area_sql import CellAreas, cell_sql, with_moments
from .guards import survey_tables
from .session import (
    DEFAULT_TIMEOUT_S,
    DesktopFallbackError,
    PgTable,
    pg_table,
    run_sql,
    same_database,
)

GROSS = 0


def overlay_sql(parcels: PgTable, overlay: PgTable, factors: str, zldwdm: str | None) -> str:
    """``SELECT zldwdm, parcels, area_input, area_inside`` grouped by the raw ZLDWDM, areas
    from each parcel's moments and the factors of its cell (:class:`~.area_sql.CellAreas`)."""
    z = quote_identifier(zldwdm) if zldwdm else "NULL"
    o = overlay.geometry
    polygonal = f"GeometryType({o}) IN ('POLYGON', 'MULTIPOLYGON') AND NOT ST_IsEmpty({o})"
    pieces = (f"SELECT ST_Subdivide({o}, {MAX_PIECE_VERTICES}) AS sgnr_piece FROM "
              f"{overlay.table}{overlay.where(polygonal)}")
    chosen = (f"SELECT {parcels.key} AS sgnr_id, {parcels.geometry} AS sgnr_g FROM "
              f"{parcels.table}{parcels.where()}")
    hits = ("SELECT p.sgnr_id, bool_or(ST_Contains(s.sgnr_piece, p.sgnr_g)) AS whole_in, "
            "ST_Union(ST_CollectionExtract(ST_Intersection(p.sgnr_g, s.sgnr_piece), 3)) AS u "
            f"FROM o AS s JOIN ({chosen}) AS p ON p.sgnr_g && s.sgnr_piece "
            "WHERE ST_Intersects(s.sgnr_piece, p.sgnr_g) "
            "AND NOT ST_Touches(s.sgnr_piece, p.sgnr_g) GROUP BY p.sgnr_id")
    i, j = cell_sql(f"ST_Centroid({parcels.geometry})")
    every = (f"SELECT {parcels.key} AS sgnr_id, {z} AS sgnr_z, {parcels.geometry} AS sgnr_g, "
             f"{i} AS i, {j} AS j FROM {parcels.table}{parcels.where()}")
    joined = (f"SELECT p.*, h.whole_in, h.u FROM ({every}) AS p "
              "LEFT JOIN h ON h.sgnr_id = p.sgnr_id")
    measured = with_moments(with_moments(joined, "sgnr_g", "w"), "u", "v")
    whole, part = CellAreas.area_sql("m.w"), CellAreas.area_sql("m.v")
    return (f"WITH o AS MATERIALIZED ({pieces}), h AS MATERIALIZED ({hits}) "
            f"SELECT m.sgnr_z, COUNT(*), SUM(COALESCE({whole}, 0)), "
            f"SUM(COALESCE(CASE WHEN m.whole_in THEN {whole} ELSE {part} END, 0)) "
            f"FROM ({measured}) AS m LEFT JOIN {factors} ON sgnr_f.i = m.i AND sgnr_f.j = m.j "
            "GROUP BY m.sgnr_z")


def _why_not(parcels, overlay, spec, area_mode, filters, tm) -> str:
    """Why the statistic cannot run in the database ("" when it can)."""
    if parcels is None or overlay is None:
        return tr("the input and the overlay are not both PostGIS tables")
    if not same_database(parcels, overlay):
        return tr("the input and the overlay are not read through one database connection")
    if tm is None:
        return tr("the input is not in a CGCS2000 Gauss-Kruger CRS")
    if overlay.crs != parcels.crs:
        return tr("the overlay is in another CRS than the input")
    if spec.spatial:
        return tr("regions come from a region layer")
    if int(area_mode) != GROSS:
        return tr("the area mode is net (TBDLMJ apportioned)")
    if any(filters):
        return tr("a filter expression is given (the layers' own filters are applied in the "
                  "database)")
    return ""


def indb_overlay_stats(layer, overlay_layer, spec, area_mode=GROSS, input_filter=None,
                       overlay_filter=None, layer_name="INPUT", overlay_name="OVERLAY",
                       feedback=None, timeout_s: int = DEFAULT_TIMEOUT_S):
    """The overlay statistics table computed inside PostGIS, or None (with a note to the
    feedback saying why) when the desktop path must compute it."""
    from ..stats import check_pandas

    parcels, overlay = pg_table(layer, layer_name), pg_table(overlay_layer, overlay_name)
    tm = cgcs2000_tmerc(parcels.crs) if parcels is not None else None
    reason = _why_not(parcels, overlay, spec, area_mode, (input_filter, overlay_filter), tm)
    if not reason:
        check_pandas()
        require_features(layer, layer_name)
        fields = detect_dltb_fields(layer.fields())
        if spec.level != RegionLevel.WHOLE:
            fields.require(["zldwdm"], layer_name)
        try:
            frame = _run(parcels, overlay, spec, fields, tm, feedback, timeout_s)
        except DesktopFallbackError as error:
            reason = str(error)
        else:
            if feedback is not None:
                feedback.pushInfo(tr("Overlay statistics computed inside the PostGIS "
                                     "database."))
            return frame
    if feedback is not None and parcels is not None and overlay is not None:
        feedback.pushInfo(tr("Overlay statistics are computed on the desktop: {reason}.").format(
            reason=reason))
    return None


def _run(parcels: PgTable, overlay: PgTable, spec, fields, tm, feedback, timeout_s):
    surveys = survey_tables([(parcels, True), (overlay, False)], tm, feedback, timeout_s)
    zldwdm = fields.zldwdm if spec.level != RegionLevel.WHOLE else None
    _count, _invalid, _other, xmin, xmax, ymin, ymax = surveys[0]
    factors = CellAreas(tm).values_sql(*(float(v or 0.0) for v in (xmin, xmax, ymin, ymax)))
    rows = run_sql(parcels, overlay_sql(parcels, overlay, factors, zldwdm), feedback,
                   timeout_s)
    assigner = RegionAssigner(spec, parcels.crs)
    sums = SimpleNamespace(input={}, inside={}, parcels={})
    for z, count, whole, inside in rows:
        region = assigner.code(text(z))
        sums.parcels[region] = sums.parcels.get(region, 0) + int(count)
        sums.input[region] = sums.input.get(region, 0.0) + float(whole or 0.0)
        sums.inside[region] = sums.inside.get(region, 0.0) + float(inside or 0.0)
    meta = StatsMeta(sources=[SourceInfo("INPUT", parcels.name, sum(sums.parcels.values())),
                              SourceInfo("OVERLAY", overlay.name, int(surveys[1][0]))])
    meta.notes.append(tr("Area mode: {mode}").format(mode=tr("gross")))
    meta.notes.append(tr("Computed inside the PostGIS database (IN_DATABASE)."))
    from ..stats.overlaystats import accumulator_frame

    frame = accumulator_frame(sums, assigner, meta)
    frame.attrs["in_database"] = True
    return frame
