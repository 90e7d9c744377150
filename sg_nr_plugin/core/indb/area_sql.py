"""The plugin's ellipsoidal area (:func:`core.geodesy.gk_ring_areas`) as PostgreSQL SQL.

Why not ``ST_Area(geography)``: measured on 3000 polygons of 50 m² to 25 km² in EPSG:4547
(docs/scale.md), the geodesic area of the polygon transformed to EPSG:4490 differs from the
plugin's area by up to 7.4 m² (3 km polygons, long edges read as geodesics) undensified and,
densified to 50 m / 10 m / 2 m, still by up to 8e-4 / 1.3e-3 / 3.3e-3 m² per polygon
(GeographicLib sums edge terms measured from the equator, ~1e12 m² each, so doubles round at
1e-4 m²): 4.5e-6 relative on a 50 m² sliver, far from the 1e-9 a region total must keep.
So the SQL evaluates the plugin's own formula: per ring, the planar area (PostGIS shoelace,
shifted to the first vertex like the plugin's) times the Gauss-Krüger areal factor 1/k² at the
ring's centroid (Krüger's series, the coefficients of :class:`~core.geodesy.TransverseMercator`
written into the SQL as literals), plus, for rings reaching more than
:data:`~core.geodesy.CURVATURE_MIN_WIDTH` from their first vertex, the second-moment term with
the same finite differences. Holes subtract, whatever the orientation (as the plugin does).
Pure SQL on PostGIS functions: nothing is created on the server.
"""

from __future__ import annotations

import math

from ...i18n import tr
from ..geodesy import _HESSIAN_STEP, CURVATURE_MIN_WIDTH, TransverseMercator
from .session import DesktopFallbackError


def _lit(value: float) -> str:
    """A float as an exact SQL literal (repr round-trips the double)."""
    return f"CAST({float(value)!r} AS double precision)"


def areal_factor_sql(x: str, y: str, tm: TransverseMercator) -> str:
    """A scalar SQL expression: :meth:`TransverseMercator.areal_factor` at (``x``, ``y``).

    ζ' = u + iv; ζ = ζ' − Σ βj sin 2jζ'; the derivative term d = 1 − Σ 2jβj cos 2jζ'; with
    sin(a+ib) = sin a cosh b + i cos a sinh b and cos(a+ib) = cos a cosh b − i sin a sinh b.
    Each step is a LATERAL select, so no sub-expression is written (or evaluated) twice."""
    rect, _alpha, beta, delta = tm._series
    scale = float(tm.k_0 * rect)
    ell = tm.ellipsoid
    terms = list(enumerate((float(b) for b in beta), start=1))
    xi = " - ".join(["u"] + [f"{_lit(b)} * s{j} * ch{j}" for j, b in terms])
    eta = " - ".join(["v"] + [f"{_lit(b)} * c{j} * sh{j}" for j, b in terms])
    dre = " - ".join(["1"] + [f"{_lit(2 * j * b)} * c{j} * ch{j}" for j, b in terms])
    dim = " + ".join(f"{_lit(2 * j * b)} * s{j} * sh{j}" for j, b in terms)
    trig = ", ".join(f"sin({2 * j} * u) AS s{j}, cos({2 * j} * u) AS c{j}, "
                     f"cosh({2 * j} * v) AS ch{j}, sinh({2 * j} * v) AS sh{j}"
                     for j, _b in terms)
    phi = " + ".join(["chi"] + [f"{_lit(float(d))} * sin({2 * j} * chi)"
                                for j, d in enumerate(delta, start=1)])
    return (
        "(SELECT (" f"{_lit(ell.a * ell.a)} * cos(phi) ^ 2 / (1 - {_lit(ell.e2)} * sin(phi) ^ 2))"
        f" * (dre * dre + dim * dim) / ({_lit(scale)} * cosh(eta) * cos(chi)) ^ 2"
        f" FROM (SELECT (({y}) - {_lit(tm.y_0)}) / {_lit(scale)} AS u,"
        f" (({x}) - {_lit(tm.x_0)}) / {_lit(scale)} AS v OFFSET 0) AS f1"
        f" CROSS JOIN LATERAL (SELECT {trig} OFFSET 0) AS f2"
        f" CROSS JOIN LATERAL (SELECT {xi} AS xi, {eta} AS eta, {dre} AS dre, {dim} AS dim"
        " OFFSET 0) AS f3"
        " CROSS JOIN LATERAL (SELECT asin(sin(xi) / cosh(eta)) AS chi OFFSET 0) AS f4"
        f" CROSS JOIN LATERAL (SELECT {phi} AS phi OFFSET 0) AS f5)")


def _curvature_sql(ring: str, tm: TransverseMercator) -> str:
    """Scalar SQL: the plugin's second-moment term of the one-ring polygon ``ring`` (0 when the
    ring reaches no farther than CURVATURE_MIN_WIDTH from its first vertex), with the sign of
    the ring's area, so that it adds to the unsigned area as in ``|area·f + term|``. Moments
    from the vertices (shifted to the first one), the areal factor's second derivatives from
    the same five-point finite differences as :func:`core.geodesy._curvature_term`."""
    h = _lit(_HESSIAN_STEP)
    cross = "(xs * y1 - x1 * ys)"
    points = (f"SELECT ST_X(d.geom) - ST_X(o.geom) AS xs, ST_Y(d.geom) - ST_Y(o.geom) AS ys, "
              f"d.path[2] AS k, ST_X(o.geom) AS ox, ST_Y(o.geom) AS oy "
              f"FROM ST_DumpPoints({ring}) AS d, ST_PointN(ST_ExteriorRing({ring}), 1) AS o(geom)")
    edges = ("SELECT xs, ys, ox, oy, LEAD(xs) OVER w AS x1, LEAD(ys) OVER w AS y1 "
             f"FROM ({points}) AS p WINDOW w AS (ORDER BY k)")
    sums = (f"SELECT 0.5 * SUM({cross}) AS a, MAX(abs(xs) + abs(ys)) AS reach, MIN(ox) AS ox, "
            f"MIN(oy) AS oy, SUM((xs + x1) * {cross}) AS mx, SUM((ys + y1) * {cross}) AS my, "
            f"SUM((xs * xs + xs * x1 + x1 * x1) * {cross}) / 12.0 AS ixx, "
            f"SUM((ys * ys + ys * y1 + y1 * y1) * {cross}) / 12.0 AS iyy, "
            f"SUM((xs * y1 + 2 * xs * ys + 2 * x1 * y1 + x1 * ys) * {cross}) / 24.0 AS ixy "
            f"FROM ({edges}) AS e")
    central = ("SELECT a, ox + mx / (6.0 * a) AS px, oy + my / (6.0 * a) AS py, "
               "ixx - a * (mx / (6.0 * a)) ^ 2 AS jxx, iyy - a * (my / (6.0 * a)) ^ 2 AS jyy, "
               "ixy - a * (mx / (6.0 * a)) * (my / (6.0 * a)) AS jxy "
               f"FROM ({sums}) AS s WHERE a <> 0 AND reach > {_lit(CURVATURE_MIN_WIDTH)}")
    offsets = (f"(VALUES (0, 0.0, 0.0), (1, {h}, 0.0), (2, -{h}, 0.0), (3, 0.0, {h}), "
               f"(4, 0.0, -{h}), (5, {h}, {h})) AS sgnr_o(k, dx, dy)")
    factor = areal_factor_sql("c.px + sgnr_o.dx", "c.py + sgnr_o.dy", tm)
    values = ", ".join(f"MAX(v) FILTER (WHERE k = {k}) AS f{k}" for k in range(6))
    return (
        f"COALESCE((SELECT sign(a) * 0.5 * ((f1 - 2 * f0 + f2) * jxx"
        f" + 2 * (f5 - f1 - f3 + f0) * jxy + (f3 - 2 * f0 + f4) * jyy) / ({h} * {h})"
        f" FROM ({central}) AS c CROSS JOIN LATERAL (SELECT {values} FROM {offsets}"
        f" CROSS JOIN LATERAL (SELECT {factor} AS v) AS fv) AS fs), 0)")


def ellipsoidal_area_sql(geom: str, tm: TransverseMercator) -> str:
    """Scalar SQL: the plugin's ellipsoidal area (m²) of the (multi)polygon ``geom`` in the
    Gauss-Krüger CRS ``tm`` (0 for NULL, empty and non-polygonal geometries, as the plugin)."""
    ring = "r.geom"
    wide = (f"(ST_XMax({ring}) - ST_XMin({ring})) + (ST_YMax({ring}) - ST_YMin({ring})) > "
            f"{_lit(CURVATURE_MIN_WIDTH)}")
    factor = areal_factor_sql("ST_X(c.geom)", "ST_Y(c.geom)", tm)
    value = (f"ST_Area({ring}) * {factor}"
             f" + CASE WHEN {wide} THEN {_curvature_sql(ring, tm)} ELSE 0 END")
    return (f"(SELECT COALESCE(SUM(CASE WHEN r.path[1] = 0 THEN 1 ELSE -1 END * abs({value})),"
            f" 0) FROM ST_Dump(ST_CollectionExtract({geom}, 3)) AS p"
            f" CROSS JOIN LATERAL ST_DumpRings(p.geom) AS r"
            f" CROSS JOIN LATERAL ST_Centroid({ring}) AS c(geom))")


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
    return (f"floor(ST_X({centroid}) / {_lit(CELL_M)})",
            f"floor(ST_Y({centroid}) / {_lit(CELL_M)})")


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
            f"FROM ({sums}) AS s WHERE a <> 0 AND reach > {_lit(CURVATURE_MIN_WIDTH)})")


def with_moments(source: str, geom: str, prefix: str) -> str:
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
    them."""
    p = prefix
    x0, y0 = f"((s.i + 0.5) * {_lit(CELL_M)})", f"((s.j + 0.5) * {_lit(CELL_M)})"

    def wide(g: str) -> str:
        return (f"(ST_XMax({g}) - ST_XMin({g})) + (ST_YMax({g}) - ST_YMin({g})) > "
                f"{_lit(CURVATURE_MIN_WIDTH)}")

    basic = (f"SELECT b.*, ST_Area(b.{p}g) AS {p}a, ST_X(ST_Centroid(b.{p}g)) AS {p}x, "
             f"ST_Y(ST_Centroid(b.{p}g)) AS {p}y, CASE WHEN {wide(f'b.{p}g')} THEN "
             f"{_central_moments_sql(f'b.{p}g')} END AS {p}i "
             f"FROM (SELECT r.*, CASE WHEN ST_NumGeometries(r.{geom}) = 1 AND "
             f"ST_NRings(r.{geom}) = 1 THEN ST_GeometryN(r.{geom}, 1) END AS {p}g "
             f"FROM ({source}) AS r OFFSET 0) AS b OFFSET 0")
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
