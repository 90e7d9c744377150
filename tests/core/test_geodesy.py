"""Gauss-Kruger series against pyproj (PROJ's own extended transverse Mercator)."""

from __future__ import annotations

import numpy as np
import pytest

from sg_nr_plugin.core.geodesy import TransverseMercator, _clenshaw_sin

pyproj = pytest.importorskip("pyproj")

RNG = np.random.default_rng(7)
X = RNG.uniform(330000, 670000, 2000)     # ±1.7° around CM 114°E at Shaoguan's latitudes
Y = RNG.uniform(2500000, 2900000, 2000)


def test_inverse_and_forward_agree_with_pyproj_to_the_nanometre():
    tm = TransverseMercator(114.0)
    lon, lat = pyproj.Transformer.from_crs(4547, 4490, always_xy=True).transform(X, Y)
    my_lon, my_lat = tm.inverse(X, Y)
    metres_per_degree = 111_000.0
    assert np.abs(my_lon - lon).max() * metres_per_degree < 1e-8
    assert np.abs(my_lat - lat).max() * metres_per_degree < 1e-8
    fx, fy = tm.forward(lon, lat)
    assert np.abs(fx - X).max() < 1e-8 and np.abs(fy - Y).max() < 1e-8


def test_prefixed_zone_is_the_same_projection():
    tm = TransverseMercator(114.0, x_0=38_500_000.0)
    lon, lat = pyproj.Transformer.from_crs(4526, 4490, always_xy=True).transform(X + 38e6, Y)
    my_lon, my_lat = tm.inverse(X + 38e6, Y)
    assert np.abs(my_lon - lon).max() < 1e-12 and np.abs(my_lat - lat).max() < 1e-12


def test_areal_factor_matches_pyproj():
    tm = TransverseMercator(114.0)
    proj = pyproj.Proj("EPSG:4547")
    lon, lat = proj(X[:50], Y[:50], inverse=True)
    areal_scale = np.asarray(proj.get_factors(lon, lat).areal_scale)  # map area / ground area
    assert np.allclose(tm.areal_factor(X[:50], Y[:50]) * areal_scale, 1.0, rtol=0, atol=1e-10)


def test_clenshaw_sums_match_direct_sums():
    coefficients = np.array([0.3, -0.2, 0.05, 0.01])
    theta = np.array([0.3 + 0.1j, 1.2 - 0.05j])
    direct = sum(c * np.sin((j + 1) * theta) for j, c in enumerate(coefficients))
    derivative = sum(2 * (j + 1) * c * np.cos((j + 1) * theta)
                     for j, c in enumerate(coefficients))
    total, got_derivative = _clenshaw_sin(coefficients, theta, True)
    assert np.allclose(total, direct, atol=1e-15)
    assert np.allclose(got_derivative, derivative, atol=1e-15)


def test_scalar_areal_factor_equals_the_vectorised_one():
    tm = TransverseMercator(114.0, x_0=38_500_000.0)
    vector = tm.areal_factor(X[:20] + 38e6, Y[:20])
    scalar = [tm.areal_factor_scalar(x + 38e6, y) for x, y in zip(X[:20], Y[:20])]
    assert np.allclose(vector, scalar, rtol=1e-14, atol=0)
    assert np.allclose(tm.areal_factors(X[:3] + 38e6, Y[:3]), vector[:3], rtol=1e-14, atol=0)


def test_areal_factor_shortcut_equals_the_full_inverse():
    # areal_factor skips the longitude and uses squares: the same value as inverse() gives
    tm = TransverseMercator(114.0)
    full = tm.inverse(X[:50], Y[:50], with_scale=True)[2]
    assert np.allclose(tm.areal_factor(X[:50], Y[:50]), full, rtol=1e-14, atol=0)
