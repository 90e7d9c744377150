"""The plugin's ellipsoidal area (:func:`core.geodesy.gk_ring_areas`) summed inside PostgreSQL.

Why not ``ST_Area(geography)``: measured on 3000 polygons of 50 m² to 25 km² in EPSG:4547
(docs/scale.md), the geodesic area of the polygon transformed to EPSG:4490 differs from the
plugin's area by up to 7.4 m² (3 km polygons, long edges read as geodesics) undensified and,
densified to 50 m / 10 m / 2 m, still by up to 8e-4 / 1.3e-3 / 3.3e-3 m² per polygon
(GeographicLib sums edge terms measured from the equator, ~1e12 m² each, so doubles round at
1e-4 m²): 4.5e-6 relative on a 50 m² sliver, far from the 1e-9 a region total must keep.

The plugin's area of a ring is its planar area times the Gauss-Krüger areal factor f = 1/k² at
its centroid, plus a second-moment term for rings reaching more than
:data:`~core.geodesy.CURVATURE_MIN_WIDTH` from their first vertex. Evaluating Krüger's series
per ring in SQL agreed to 3.4e-14 but cost ~150 µs a parcel (first version of this module, in
the branch history); here each ring gives its planar area and area moments about the centre of
its 5 km cell (:func:`with_moments`), and f with its derivatives at the cell centres comes from
the plugin's own :class:`~core.geodesy.TransverseMercator` (:class:`CellAreas`), sent into the
query as a ``VALUES`` list. Holes subtract, whatever their orientation (as the plugin does).
Pure SQL on PostGIS functions: nothing is created on the server.
"""

from __future__ import annotations

import math

from ...i18n import tr
from ..geodesy import CURVATURE_MIN_WIDTH, TransverseMercator
from .session import DesktopFallbackError


def lit(value: float) -> str:
    """A float as an exact SQL literal (repr round-trips the double)."""
    return f"CAST({float(value)!r} AS double precision)"


# ---- areas summed from moments per cell (the fast form) -------------------------------------
#: Side of the cells (metres) whose centres the areal factor is expanded around.
CELL_M = 5000.0
#: Step of the finite differences of the areal factor at a cell centre (metres).
_CELL_STEP = 500.0
#: Columns of :func:`with_moments` (and of :meth:`CellAreas.area`'s ``moments``).
MOMENT_COUNT = 9
#: More cells than this (a layer over 2500 km × 2500 km in one zone) go to the desktop path.
MAX_CELLS = 250_000


def cell_sql(centroid: str) -> tuple[str, str]:
    """SQL of the cell indices (i, j) of a point expression."""
    return (f"floor(ST_X({centroid}) / {lit(CELL_M)})",
            f"floor(ST_Y({centroid}) / {lit(CELL_M)})")


def _central_moments_sql(ring: str) -> str:
    """Scalar SQL: ``ARRAY[Ixx, Ixy, Iyy]`` — the second moments of the one-ring polygon
    ``ring`` about its centroid, positive — when the ring reaches farther than
    CURVATURE_MIN_WIDTH from its first vertex (the rings the plugin adds the second-moment
    term for), else NULL. The term's Hessian is taken at the cell centre (:class:`CellAreas`):
    it varies by ~6e-5 across a cell, on a term of ~1e-8 of the area."""
    cross = "(xs * y1 - x1 * ys)"
    points = (f"SELECT ST_X(d.geom) - ST_X(o.geom) AS xs, ST_Y(d.geom) - ST_Y(o.geom) AS ys, "
              f"d.path[2] AS k FROM ST_DumpPoints({ring}) AS d, "
              f"ST_PointN(ST_ExteriorRing({ring}), 1) AS o(geom)")
    edges = ("SELECT xs, ys, LEAD(xs) OVER w AS x1, LEAD(ys) OVER w AS y1 "
             f"FROM ({points}) AS p WINDOW w AS (ORDER BY k)")
    sums = (f"SELECT 0.5 * SUM({cross}) AS a, MAX(abs(xs) + abs(ys)) AS reach, "
            f"SUM((xs + x1) * {cross}) AS mx, SUM((ys + y1) * {cross}) AS my, "
            f"SUM((xs * xs + xs * x1 + x1 * x1) * {cross}) / 12.0 AS ixx, "
            f"SUM((ys * ys + ys * y1 + y1 * y1) * {cross}) / 12.0 AS iyy, "
            f"SUM((xs * y1 + 2 * xs * ys + 2 * x1 * y1 + x1 * ys) * {cross}) / 24.0 AS ixy "
            f"FROM ({edges}) AS e")
    return ("(SELECT ARRAY[sign(a) * (ixx - mx * mx / (36.0 * a)), "
            "sign(a) * (ixy - mx * my / (36.0 * a)), sign(a) * (iyy - my * my / (36.0 * a))] "
            f"FROM ({sums}) AS s WHERE a <> 0 AND reach > {lit(CURVATURE_MIN_WIDTH)})")


def with_moments(source: str, geom: str, prefix: str, centroid: str | None = None) -> str:
    """``SELECT s.*, {prefix}0 … {prefix}8 FROM (source) …``: for the (multi)polygon column
    ``geom`` of each row (whose cell columns are ``i`` and ``j``), the signed (holes negative)
    sums over its rings of A, A·dx, A·dy, A·dx², A·dx·dy, A·dy² — A the ring's planar area,
    (dx, dy) its centroid from the centre of cell (i, j) — and of the central second moments
    Ixx, Ixy, Iyy of its wide rings (:func:`_central_moments_sql`). :class:`CellAreas` turns
    sums of them into the plugin's ellipsoidal area: Σ A·f(c) with f expanded to second order
    around the cell centre, whose remainder is below 1e-11 of the area within a cell of 5 km
    (the third derivative of f is ≈ 24x/R⁴), plus the wide rings' second-moment term.

    One-ring polygons (nearly every parcel) are measured from columns computed once per row
    (``OFFSET 0`` keeps PostgreSQL from inlining them into every expression, which parsed the
    geometry twenty times); the others dump their rings in a subquery, evaluated only for
    them. ``centroid``: a column of the source already holding ``ST_Centroid(geom)`` (which
    costs ~1 µs a parcel, as much as reading it), reused for one-ring polygons."""
    p = prefix
    x0, y0 = f"((s.i + 0.5) * {lit(CELL_M)})", f"((s.j + 0.5) * {lit(CELL_M)})"

    def wide(g: str) -> str:
        return (f"(ST_XMax({g}) - ST_XMin({g})) + (ST_YMax({g}) - ST_YMin({g})) > "
                f"{lit(CURVATURE_MIN_WIDTH)}")

    point = f"b.{centroid}" if centroid else f"ST_Centroid(b.{p}g)"
    basic = (f"SELECT c.*, ST_X(c.{p}c) AS {p}x, ST_Y(c.{p}c) AS {p}y FROM ("
             f"SELECT b.*, ST_Area(b.{p}g) AS {p}a, CASE WHEN b.{p}g IS NOT NULL THEN {point} "
             f"END AS {p}c, CASE WHEN {wide(f'b.{p}g')} THEN "
             f"{_central_moments_sql(f'b.{p}g')} END AS {p}i "
             f"FROM (SELECT r.*, CASE WHEN ST_NumGeometries(r.{geom}) = 1 AND "
             f"ST_NRings(r.{geom}) = 1 THEN ST_GeometryN(r.{geom}, 1) END AS {p}g "
             f"FROM ({source}) AS r OFFSET 0) AS b OFFSET 0) AS c")
    a, dx, dy = f"s.{p}a", f"(s.{p}x - {x0})", f"(s.{p}y - {y0})"
    inline = [a, f"{a} * {dx}", f"{a} * {dy}", f"{a} * {dx} * {dx}", f"{a} * {dx} * {dy}",
              f"{a} * {dy} * {dy}", *(f"COALESCE(s.{p}i[{k}], 0)" for k in (1, 2, 3))]
    qa, qx, qy = ("ST_Area(q.geom)", f"(ST_X(ST_Centroid(q.geom)) - {x0})",
                  f"(ST_Y(ST_Centroid(q.geom)) - {y0})")
    central = f"CASE WHEN {wide('q.geom')} THEN {_central_moments_sql('q.geom')} END"
    dumped = [qa, f"{qa} * {qx}", f"{qa} * {qy}", f"{qa} * {qx} * {qx}", f"{qa} * {qx} * {qy}",
              f"{qa} * {qy} * {qy}", *(f"COALESCE(({central})[{k}], 0)" for k in (1, 2, 3))]
    rings = ("SELECT CASE WHEN sgnr_r.path[1] = 0 THEN 1 ELSE -1 END AS s, sgnr_r.geom "
             f"FROM ST_Dump(ST_CollectionExtract(s.{geom}, 3)) AS sgnr_d "
             "CROSS JOIN LATERAL ST_DumpRings(sgnr_d.geom) AS sgnr_r")
    columns = ", ".join(
        f"CASE WHEN s.{p}g IS NOT NULL THEN {one} WHEN s.{geom} IS NULL THEN 0 ELSE "
        f"COALESCE((SELECT SUM(q.s * {many}) FROM ({rings}) AS q), 0) END AS {p}{k}"
        for k, (one, many) in enumerate(zip(inline, dumped)))
    return f"SELECT s.*, {columns} FROM ({basic}) AS s"


class CellAreas:
    """Ellipsoidal areas from the sums of :func:`with_moments` per cell, with the
    areal factor and its derivatives at each cell centre from the plugin's own projection
    (:meth:`TransverseMercator.areal_factor`, central differences)."""

    def __init__(self, tm: TransverseMercator) -> None:
        self.tm = tm
        self._cache: dict[tuple[float, float], tuple] = {}

    def area(self, i, j, moments) -> float:
        """The area (m²) of the geometries whose sums over cell (i, j) are ``moments``."""
        m0, m1, m2, m3, m4, m5, ixx, ixy, iyy = (float(m or 0.0) for m in moments)
        if m0 == 0.0:
            return 0.0
        f, fx, fy, fxx, fxy, fyy = self._factors(float(i), float(j))
        return (f * m0 + fx * m1 + fy * m2 + 0.5 * (fxx * (m3 + ixx) + 2.0 * fxy * (m4 + ixy)
                                                   + fyy * (m5 + iyy)))

    def _factors(self, i: float, j: float) -> tuple:
        key = (float(i), float(j))
        i, j = key
        if key not in self._cache:
            import numpy as np

            x, y, h = (i + 0.5) * CELL_M, (j + 0.5) * CELL_M, _CELL_STEP
            dx = np.array([0.0, h, -h, 0.0, 0.0, h, h, -h, -h])
            dy = np.array([0.0, 0.0, 0.0, h, -h, h, -h, h, -h])
            f0, fe, fw, fn, fs, fne, fse, fnw, fsw = self.tm.areal_factor(x + dx, y + dy)
            self._cache[key] = (float(f0), float(fe - fw) / (2 * h), float(fn - fs) / (2 * h),
                                float(fe - 2 * f0 + fw) / (h * h),
                                float(fne - fse - fnw + fsw) / (4 * h * h),
                                float(fn - 2 * f0 + fs) / (h * h))
        return self._cache[key]

    def values_sql(self, xmin: float, xmax: float, ymin: float, ymax: float) -> str:
        """``(VALUES (i, j, f, fx, fy, fxx, fxy, fyy), …) AS sgnr_f(…)``: the factors of every
        cell of the extent, so that the database sums areas (:meth:`area_sql`) and only one row
        per group travels (rows per cell cost the desktop ~100 MB per 50 000)."""
        i0, i1 = math.floor(xmin / CELL_M), math.floor(xmax / CELL_M)
        j0, j1 = math.floor(ymin / CELL_M), math.floor(ymax / CELL_M)
        if (i1 - i0 + 1) * (j1 - j0 + 1) > MAX_CELLS:
            raise DesktopFallbackError(tr("the layer spans more than {n} cells of 5 km").format(
                n=MAX_CELLS))
        rows = ", ".join(
            "(" + ", ".join([str(i), str(j)] + [repr(v) for v in self._factors(i, j)]) + ")"
            for i in range(i0, i1 + 1) for j in range(j0, j1 + 1))
        return f"(VALUES {rows}) AS sgnr_f(i, j, f, fx, fy, fxx, fxy, fyy)"

    @staticmethod
    def area_sql(prefix: str) -> str:
        """SQL of the area of one row's moments ``prefix0…8`` with the factors ``sgnr_f``."""
        p = prefix
        return (f"(sgnr_f.f * {p}0 + sgnr_f.fx * {p}1 + sgnr_f.fy * {p}2 + 0.5 * ("
                f"sgnr_f.fxx * ({p}3 + {p}6) + 2.0 * sgnr_f.fxy * ({p}4 + {p}7) + "
                f"sgnr_f.fyy * ({p}5 + {p}8)))")
