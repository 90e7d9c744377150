"""Pure-numpy geodesy for the area engine: Gauss-Kruger (transverse Mercator) and authalic area.

Transverse Mercator uses Krüger's n-series to sixth order (Karney 2011, "Transverse Mercator
with an accuracy of a few nanometers"), accurate to well under a micrometre within a 3° zone.
No QGIS here, so the maths is testable against pyproj on its own.
"""

from __future__ import annotations

import cmath
import math
from dataclasses import dataclass
from functools import cached_property

import numpy as np

#: Batches with fewer points than this use the scalar areal factor (faster for a few).
SCALAR_BELOW = 16
CGCS2000_A = 6378137.0
CGCS2000_RF = 298.257222101


@dataclass(frozen=True)
class Ellipsoid:
    a: float = CGCS2000_A
    rf: float = CGCS2000_RF

    @property
    def f(self) -> float:
        return 1.0 / self.rf

    @property
    def e2(self) -> float:
        return self.f * (2.0 - self.f)

    @property
    def e(self) -> float:
        return float(np.sqrt(self.e2))

    @property
    def b(self) -> float:
        return self.a * (1.0 - self.f)

    @property
    def n(self) -> float:
        return self.f / (2.0 - self.f)

    def authalic_q(self, lat_rad: np.ndarray) -> np.ndarray:
        """Q(φ) with area = b²/2 · ∬ dλ dQ: the quadrangle between two meridians Δλ apart
        and two parallels has area b²Δλ/2 · [Q(φ2) − Q(φ1)]."""
        e = self.e
        s = np.sin(lat_rad)
        return s / (1.0 - self.e2 * s * s) + np.arctanh(e * s) / e


CGCS2000 = Ellipsoid()


@dataclass(frozen=True)
class TransverseMercator:
    """A transverse Mercator projection on an ellipsoid (``lat_0`` must be 0)."""

    lon_0: float
    k_0: float = 1.0
    x_0: float = 500000.0
    y_0: float = 0.0
    ellipsoid: Ellipsoid = CGCS2000

    @cached_property
    def _series(self):
        n = self.ellipsoid.n
        n2, n3, n4, n5, n6 = n ** 2, n ** 3, n ** 4, n ** 5, n ** 6
        rect = self.ellipsoid.a / (1 + n) * (1 + n2 / 4 + n4 / 64 + n6 / 256)
        alpha = np.array([
            n / 2 - 2 * n2 / 3 + 5 * n3 / 16 + 41 * n4 / 180 - 127 * n5 / 288 + 7891 * n6 / 37800,
            13 * n2 / 48 - 3 * n3 / 5 + 557 * n4 / 1440 + 281 * n5 / 630
            - 1983433 * n6 / 1935360,
            61 * n3 / 240 - 103 * n4 / 140 + 15061 * n5 / 26880 + 167603 * n6 / 181440,
            49561 * n4 / 161280 - 179 * n5 / 168 + 6601661 * n6 / 7257600,
            34729 * n5 / 80640 - 3418889 * n6 / 1995840,
            212378941 * n6 / 319334400,
        ])
        beta = np.array([
            n / 2 - 2 * n2 / 3 + 37 * n3 / 96 - n4 / 360 - 81 * n5 / 512 + 96199 * n6 / 604800,
            n2 / 48 + n3 / 15 - 437 * n4 / 1440 + 46 * n5 / 105 - 1118711 * n6 / 3870720,
            17 * n3 / 480 - 37 * n4 / 840 - 209 * n5 / 4480 + 5569 * n6 / 90720,
            4397 * n4 / 161280 - 11 * n5 / 504 - 830251 * n6 / 7257600,
            4583 * n5 / 161280 - 108847 * n6 / 3991680,
            20648693 * n6 / 638668800,
        ])
        # conformal latitude χ → geodetic latitude φ
        delta = np.array([
            2 * n - 2 * n2 / 3 - 2 * n3 + 116 * n4 / 45 + 26 * n5 / 45 - 2854 * n6 / 675,
            7 * n2 / 3 - 8 * n3 / 5 - 227 * n4 / 45 + 2704 * n5 / 315 + 2323 * n6 / 945,
            56 * n3 / 15 - 136 * n4 / 35 - 1262 * n5 / 105 + 73814 * n6 / 2835,
            4279 * n4 / 630 - 332 * n5 / 35 - 399572 * n6 / 14175,
            4174 * n5 / 315 - 144838 * n6 / 6237,
            601676 * n6 / 22275,
        ])
        return rect, alpha, beta, delta

    def inverse(self, x, y, with_scale: bool = False):
        """Easting/northing → (lon°, lat°[, areal factor]).

        The areal factor is ellipsoidal area per unit of map area at the point (1/k²). The
        series are summed with Clenshaw's recurrence in complex arithmetic, so each point costs
        a few transcendental functions instead of one per term.
        """
        rect, _alpha, beta, delta = self._series
        zeta_p = ((np.asarray(y, dtype=float) - self.y_0)
                  + 1j * (np.asarray(x, dtype=float) - self.x_0)) / (self.k_0 * rect)
        series, derivative = _clenshaw_sin(beta, 2 * zeta_p, with_scale)
        zeta = zeta_p - series
        xi, eta = zeta.real, zeta.imag
        chi = np.arcsin(np.sin(xi) / np.cosh(eta))
        lon = self.lon_0 + np.degrees(np.arctan2(np.sinh(eta), np.cos(xi)))
        phi = chi + _clenshaw_sin(delta, 2 * chi, False)[0]
        if not with_scale:
            return lon, np.degrees(phi)
        ell = self.ellipsoid
        sphi = np.sin(phi)
        parallel_radius = ell.a * np.cos(phi) / np.sqrt(1 - ell.e2 * sphi * sphi)
        # map length per ellipsoid length: k0·A·|dζ'/dζ|·cosh η·cos χ / (N cos φ),
        # with dζ/dζ' = 1 − Σ 2jβj cos 2jζ'
        k = (self.k_0 * rect * np.cosh(eta) * np.cos(chi)
             / (parallel_radius * np.abs(1 - derivative)))
        return lon, np.degrees(phi), 1.0 / (k * k)

    def forward(self, lon, lat):
        """(lon°, lat°) → easting, northing."""
        rect, alpha, _beta, _delta = self._series
        e = self.ellipsoid.e
        phi = np.radians(np.asarray(lat, dtype=float))
        lam = np.radians(np.asarray(lon, dtype=float) - self.lon_0)
        tau = np.tan(phi)
        sigma = np.sinh(e * np.arctanh(e * tau / np.sqrt(1 + tau * tau)))
        tau_p = tau * np.sqrt(1 + sigma * sigma) - sigma * np.sqrt(1 + tau * tau)
        xi_p = np.arctan2(tau_p, np.cos(lam))
        eta_p = np.arcsinh(np.sin(lam) / np.sqrt(tau_p * tau_p + np.cos(lam) ** 2))
        xi, eta = xi_p.copy(), eta_p.copy()
        for j, a in enumerate(alpha, start=1):
            xi += a * np.sin(2 * j * xi_p) * np.cosh(2 * j * eta_p)
            eta += a * np.cos(2 * j * xi_p) * np.sinh(2 * j * eta_p)
        return self.x_0 + self.k_0 * rect * eta, self.y_0 + self.k_0 * rect * xi

    def areal_factor(self, x, y):
        """Ellipsoidal area per unit map area at (x, y): the third value of
        ``inverse(x, y, with_scale=True)``, without the longitude and degrees it does not need
        (the area engine's hot path) and with squares instead of square roots."""
        rect, _alpha, beta, delta = self._series
        zeta_p = ((np.asarray(y, dtype=float) - self.y_0)
                  + 1j * (np.asarray(x, dtype=float) - self.x_0)) / (self.k_0 * rect)
        series, derivative = _clenshaw_sin(beta, 2 * zeta_p, True)
        zeta = zeta_p - series
        xi, eta = zeta.real, zeta.imag
        cosh_eta = np.cosh(eta)
        chi = np.arcsin(np.sin(xi) / cosh_eta)
        phi = chi + _clenshaw_sin(delta, 2 * chi, False)[0]
        ell = self.ellipsoid
        sphi, cphi = np.sin(phi), np.cos(phi)
        d = 1 - derivative
        # 1/k² with k as in inverse(): (N cos φ · |dζ'/dζ|⁻¹)² / (k0·A·cosh η·cos χ)²
        scaled = self.k_0 * rect * cosh_eta * np.cos(chi)
        return ((ell.a * ell.a * cphi * cphi / (1 - ell.e2 * sphi * sphi))
                * (d.real * d.real + d.imag * d.imag) / (scaled * scaled))

    @cached_property
    def _scalar_constants(self) -> tuple:
        """The series as Python floats: arithmetic mixing numpy scalars and Python complex
        numbers is several times slower than plain Python (the check engine's many tiny
        batches go through :meth:`areal_factor_scalar`)."""
        rect, _alpha, beta, delta = self._series
        ell = self.ellipsoid
        return (float(self.k_0 * rect), tuple(float(c) for c in beta),
                tuple(2.0 * j * float(c) for j, c in enumerate(beta, start=1)),
                tuple(enumerate((float(c) for c in delta), start=1)), float(ell.a),
                float(ell.e2))

    def areal_factor_scalar(self, x: float, y: float) -> float:
        """:meth:`areal_factor` of one point with Python scalars: numpy's per-call overhead
        dominates when a batch holds a handful of rings (single ``measure`` calls)."""
        scale, beta, beta_j, delta, a, e2 = self._scalar_constants
        zeta_p = complex(y - self.y_0, x - self.x_0) / scale
        cos_2z, sin_2z = cmath.cos(2 * zeta_p), cmath.sin(2 * zeta_p)
        two_cos = 2 * cos_2z
        b1 = b2 = d1 = d2 = 0j
        for coefficient, coefficient_j in zip(reversed(beta), reversed(beta_j)):
            b1, b2 = coefficient + two_cos * b1 - b2, b1
            d1, d2 = coefficient_j + two_cos * d1 - d2, d1
        zeta = zeta_p - b1 * sin_2z
        derivative = d1 * cos_2z - d2
        xi, eta = zeta.real, zeta.imag
        chi = math.asin(math.sin(xi) / math.cosh(eta))
        phi = chi + sum([d * math.sin(2 * j * chi) for j, d in delta])
        parallel_radius = a * math.cos(phi) / math.sqrt(1 - e2 * math.sin(phi) ** 2)
        k = scale * math.cosh(eta) * math.cos(chi) / (parallel_radius * abs(1 - derivative))
        return 1.0 / (k * k)

    def areal_factors(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Vectorised for batches, scalar below :data:`SCALAR_BELOW` points."""
        if len(x) >= SCALAR_BELOW:
            return self.areal_factor(x, y)
        return np.array([self.areal_factor_scalar(a, b) for a, b in zip(x.tolist(), y.tolist())])


def _clenshaw_sin(coefficients, theta, with_derivative: bool):
    """Σ c_j sin(jθ) and, optionally, Σ 2j c_j cos(jθ) (the derivative with respect to θ/2),
    for real or complex θ, by Clenshaw's recurrence."""
    cos_t, sin_t = _cos_sin(theta)
    two_cos = 2 * cos_t
    b1 = b2 = d1 = d2 = 0.0
    for j in range(len(coefficients), 0, -1):
        b1, b2 = coefficients[j - 1] + two_cos * b1 - b2, b1
        if with_derivative:
            d1, d2 = 2 * j * coefficients[j - 1] + two_cos * d1 - d2, d1
    total = b1 * sin_t
    derivative = d1 * cos_t - d2 if with_derivative else None
    return total, derivative


def _cos_sin(theta):
    """cos θ and sin θ; for complex θ from one complex exponential (numpy's complex cos and
    sin each evaluate four real transcendental functions)."""
    if not np.iscomplexobj(theta):
        return np.cos(theta), np.sin(theta)
    rotor = np.exp(1j * theta)
    inverse = 1.0 / rotor
    return 0.5 * (rotor + inverse), -0.5j * (rotor - inverse)


def zone_projection(lon: float, ellipsoid: Ellipsoid = CGCS2000) -> TransverseMercator:
    """The CGCS2000 3° Gauss-Kruger zone (CM form, false easting 500 km) containing ``lon``."""
    cm = 3.0 * round(lon / 3.0)
    return TransverseMercator(cm, 1.0, 500000.0, 0.0, ellipsoid)


# ---- polygon rings as flat arrays ------------------------------------------------------------
# Rings of many polygons are held in one flat x/y array with ``starts`` (index of each ring's
# first vertex) so that every step below is a handful of numpy calls for a whole batch.

#: Rings reaching farther than this from their first vertex (|dx| + |dy|, metres, GK plane)
#: get the second-order term of the scale variation; below it (a ring at most ~1 km across)
#: the term is < 0.003 m² (it is ≈ Ixx / R², Ixx the ring's second moment).
CURVATURE_MIN_WIDTH = 500.0
#: Step of the finite differences for the curvature of the areal factor (metres).
_HESSIAN_STEP = 2000.0


def _edge_terms(x: np.ndarray, y: np.ndarray, starts: np.ndarray):
    """Edge endpoints and shoelace terms, coordinates shifted to each ring's first vertex.

    Returns ``xa, ya, xb, yb, cross`` for the pairs (vertex i, vertex i+1) of the flat arrays;
    pairs that join one ring's last vertex to the next ring's first get ``cross = 0``. In
    shifted coordinates the closing edge (last vertex → first, the origin) has cross 0 as well,
    so closed rings (WKB repeats the first vertex) and open ones both come out right. Shifting
    also keeps the products small: with raw GK coordinates (~1e6 m) the shoelace would lose
    ~0.1 m² to rounding.
    """
    ring = np.zeros(len(x), dtype=np.int64)  # ring index of every vertex (faster than repeat)
    ring[starts[1:]] = 1
    np.cumsum(ring, out=ring)
    xs = x - x[starts][ring]
    ys = y - y[starts][ring]
    xa, xb, ya, yb = xs[:-1], xs[1:], ys[:-1], ys[1:]
    cross = xa * yb
    cross -= xb * ya
    cross[starts[1:] - 1] = 0.0
    return xa, ya, xb, yb, cross


def _ring_sum(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    if len(values) == 0:
        return np.zeros(0)
    return np.add.reduceat(values, starts)


def shoelace(x: np.ndarray, y: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """Signed planar area of each ring (counter-clockwise positive)."""
    if len(starts) == 0:
        return np.zeros(0)
    cross = _edge_terms(x, y, starts)[4]
    return 0.5 * _ring_sum(cross, starts)


def authalic_ring_areas(lon: np.ndarray, lat: np.ndarray, starts: np.ndarray,
                        ellipsoid: Ellipsoid = CGCS2000) -> np.ndarray:
    """Signed ellipsoidal area of rings given in degrees, edges straight in (λ, φ)-space.

    The shoelace in (λ, Q) — Lambert's cylindrical equal-area — is exact for edges along
    meridians and parallels (the official map-sheet cells) and treats other edges as straight
    in that projection, which for geographic data is as good a reading as any.
    """
    lam = np.radians(lon)
    q = ellipsoid.authalic_q(np.radians(lat))
    return 0.5 * ellipsoid.b ** 2 * shoelace(lam, q, starts)


def gk_ring_areas(x: np.ndarray, y: np.ndarray, starts: np.ndarray,
                  tm: TransverseMercator) -> np.ndarray:
    """Signed ellipsoidal area of rings with straight edges in a transverse Mercator plane.

    Area = ∬ areal_factor(x, y) dx dy over the planar ring. The factor (1/k²) is smooth, so its
    Taylor expansion at the ring's centroid integrates exactly with the ring's moments: the
    linear term vanishes at the centroid, the quadratic term uses the second central moments
    (only needed for wide rings), and what is left is ~ area × (width/R)⁴ — far under 1e-9.
    This is the exact area of the polygon as drawn in the GK plane (which is what TBMJ
    measures), and needs one inverse projection per ring, not per vertex.
    """
    if len(starts) == 0:
        return np.zeros(0)
    xs, ys, x1, y1, cross = _edge_terms(x, y, starts)
    area = 0.5 * _ring_sum(cross, starts)
    safe = np.where(area == 0.0, 1.0, area)
    cx = _ring_sum((xs + x1) * cross, starts) / (6.0 * safe)
    cy = _ring_sum((ys + y1) * cross, starts) / (6.0 * safe)
    ox, oy = x[starts], y[starts]
    result = area * tm.areal_factors(ox + cx, oy + cy)
    width = np.maximum.reduceat(np.abs(xs) + np.abs(ys), starts)  # reach from the first vertex
    wide = np.flatnonzero((width > CURVATURE_MIN_WIDTH) & (area != 0.0))
    if len(wide):
        # Few rings are wide: their second moments are summed over their own edges only.
        edges, sub_starts = _edges_of(wide, starts, len(x))
        result[wide] += _curvature_term(xs[edges], ys[edges], x1[edges], y1[edges],
                                        cross[edges], sub_starts, wide, area, cx, cy, ox, oy, tm)
    return result


def _edges_of(rings: np.ndarray, starts: np.ndarray, n_vertices: int):
    """Indices of the edge terms (see :func:`_edge_terms`) of the given rings (ascending), and
    where each ring's edges start among them. A ring's last edge term joins it to the next
    ring and has ``cross = 0``, so it adds nothing to the moments."""
    ends = np.append(starts[1:], n_vertices - 1)[rings]  # the last ring has one edge fewer
    counts = ends - starts[rings]
    sub_starts = np.zeros(len(rings), dtype=np.int64)
    np.cumsum(counts[:-1], out=sub_starts[1:])
    local = np.arange(int(counts.sum())) - np.repeat(sub_starts, counts)
    return np.repeat(starts[rings], counts) + local, sub_starts


def _curvature_term(xs, ys, x1, y1, cross, starts, wide, area, cx, cy, ox, oy, tm):
    """½ (Sxx·Ixx + 2 Sxy·Ixy + Syy·Iyy) at the centroid of the ``wide`` rings, whose edge
    terms alone are given (``starts`` among them).

    The second derivatives of the areal factor come from finite differences (five points per
    ring, one vectorised inverse): Sxx ≈ −2/R² dominates, Sxy and Syy are 3–5 orders smaller
    but kept for county-sized polygons.
    """
    ixx = _ring_sum((xs * xs + xs * x1 + x1 * x1) * cross, starts) / 12.0
    iyy = _ring_sum((ys * ys + ys * y1 + y1 * y1) * cross, starts) / 12.0
    ixy = _ring_sum((xs * y1 + 2 * xs * ys + 2 * x1 * y1 + x1 * ys) * cross, starts) / 24.0
    a, gx, gy = area[wide], cx[wide], cy[wide]
    ixx, iyy, ixy = ixx - a * gx * gx, iyy - a * gy * gy, ixy - a * gx * gy
    px, py, h = ox[wide] + gx, oy[wide] + gy, _HESSIAN_STEP
    dx = np.array([0.0, h, -h, 0.0, 0.0, h])[:, None]
    dy = np.array([0.0, 0.0, 0.0, h, -h, h])[:, None]
    # six points per ring: the scalar path below SCALAR_BELOW points (a check measures one or
    # two wide project outlines at a time, where numpy's per-call cost dominated)
    qx, qy = np.broadcast_arrays(px + dx, py + dy)
    f0, fxp, fxm, fyp, fym, fxy = tm.areal_factors(qx.ravel(), qy.ravel()).reshape(qx.shape)
    sxx = (fxp - 2 * f0 + fxm) / (h * h)
    syy = (fyp - 2 * f0 + fym) / (h * h)
    sxy = (fxy - fxp - fyp + f0) / (h * h)
    return 0.5 * (sxx * ixx + 2 * sxy * ixy + syy * iyy)
