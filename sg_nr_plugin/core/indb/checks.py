"""The checks' candidate selection inside PostGIS.

A check dissolves, per project, the part of each control layer (red line, protected areas,
basic farmland, …) under the project (:meth:`core.checks.context.ProjectContext.control`);
the desktop reads each control layer whole for that. When a control layer and the projects are
PostGIS tables of one connection in the same CRS, the control layer is read instead through a
copy of the layer whose subset string keeps, in SQL, only the features meeting a project (the
projects' GiST index answers ``&&``, ST_Intersects refines): the rules see the same features
under every project, so findings and verdicts are the same, and a province's red line never
travels whole. The DLTB and the layers read by distance are already fetched per project through
the provider's spatial filter (the database's GiST index).

Features the desktop must see whatever their place are always kept: invalid geometries (the
desktop repairs them and the repaired shape decides) and impossible coordinates (the desktop
refuses the run naming them). The rule logic itself (clipping, dissolving, thresholds) stays
on the desktop: porting it to SQL is left for later (docs/scale.md).
"""

from __future__ import annotations

from qgis.core import QgsDataSourceUri, QgsVectorLayer

from ...i18n import tr
from ..coordinates import GK_MAX_NORTHING_M, GK_MAX_REACH_M
from ..crs import DAMAGED_COORDINATE, cgcs2000_tmerc
from .session import PgTable, pg_table, same_database

CONTROL_ROLES = ("ECO_REDLINE", "PROTECTED_AREAS", "PUBLIC_FOREST", "URBAN_BOUNDARY",
                 "BASIC_FARMLAND", "STEEP_SLOPE")


def _bounds(crs) -> tuple[float, float, float, float]:
    """Where real coordinates of ``crs`` lie (:func:`core.coordinates.out_of_domain`)."""
    tm = cgcs2000_tmerc(crs)
    if tm is not None:
        reach = GK_MAX_REACH_M * tm.k_0
        return (tm.x_0 - reach, tm.x_0 + reach, tm.y_0 - GK_MAX_NORTHING_M,
                tm.y_0 + GK_MAX_NORTHING_M)
    if crs.isGeographic():
        return -180.0, 360.0, -90.0, 90.0
    return -DAMAGED_COORDINATE, DAMAGED_COORDINATE, -DAMAGED_COORDINATE, DAMAGED_COORDINATE


def restriction_sql(control: PgTable, projects: PgTable) -> str:
    """SQL for the control layer's subset string: its features meeting a project, plus those
    the desktop must see anyway (invalid, impossible coordinates)."""
    g = f"{control.table}.{control.geometry}"  # the table's own column, not the project's
    p = f"sgnr_p.{projects.geometry}"
    x0, x1, y0, y1 = _bounds(control.crs)
    sane = (f"ST_XMin({g}) >= {x0!r} AND ST_XMax({g}) <= {x1!r} AND ST_YMin({g}) >= {y0!r} "
            f"AND ST_YMax({g}) <= {y1!r}")
    subset = f" AND ({projects.subset})" if projects.subset else ""
    meets = (f"EXISTS (SELECT 1 FROM {projects.table} AS sgnr_p WHERE {p} && {g} "
             f"AND (NOT ST_IsValid({p}) OR ST_Intersects({p}, {g})){subset})")
    keep = f"({g} IS NOT NULL AND (NOT ST_IsValid({g}) OR NOT ({sane}) OR {meets}))"
    return f"({control.subset}) AND {keep}" if control.subset else keep


def restricted_controls(layers: dict[str, object], projects_layer, names: dict[str, str],
                        feedback=None) -> dict[str, QgsVectorLayer]:
    """For each control role whose layer can be restricted in the database, the restricted
    copy of the layer (keep a reference while the check runs)."""
    projects = pg_table(projects_layer, names.get("PROJECTS", "PROJECTS"))
    restricted = {}
    for role in CONTROL_ROLES:
        control = pg_table(layers.get(role), names.get(role, role))
        if control is None or projects is None or not same_database(control, projects):
            continue
        if control.crs != projects.crs:
            continue
        uri = QgsDataSourceUri(control.uri)
        uri.setSql(restriction_sql(control, projects))
        layer = QgsVectorLayer(uri.uri(False), control.name, "postgres")
        if layer.isValid():
            restricted[role] = layer
    if restricted and feedback is not None:
        feedback.pushInfo(tr("Control layers read inside the database only under the "
                             "projects: {layers}.").format(
            layers=", ".join(names.get(role, role) for role in restricted)))
    return restricted
