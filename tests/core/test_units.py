"""Units: conversions from their definitions (1 ha = 15 mu, 1 mu = 10000/15 m²), rounding."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.units import (
    MU_M2,
    AreaUnit,
    decimals,
    format_area,
    from_unit,
    round_area,
    to_unit,
    unit_label,
)


def test_enum_order_matches_the_unit_parameter():
    assert [u.value for u in AreaUnit] == [0, 1, 2, 3, 4]
    assert [u.name for u in AreaUnit] == ["M2", "HA", "MU", "WAN_MU", "KM2"]


@pytest.mark.parametrize(("unit", "m2_in_one"), [
    (AreaUnit.M2, 1.0),
    (AreaUnit.HA, 10_000.0),
    (AreaUnit.MU, 10_000.0 / 15.0),
    (AreaUnit.WAN_MU, 10_000.0 * 10_000.0 / 15.0),
    (AreaUnit.KM2, 1_000_000.0),
])
def test_conversion_definitions(unit, m2_in_one):
    assert to_unit(m2_in_one, unit) == pytest.approx(1.0, rel=1e-15)
    assert from_unit(1.0, unit) == pytest.approx(m2_in_one, rel=1e-15)


def test_domain_identities():
    assert to_unit(10_000.0, AreaUnit.MU) == pytest.approx(15.0)          # 1 公顷 = 15 亩
    assert to_unit(from_unit(1, AreaUnit.WAN_MU), AreaUnit.KM2) == pytest.approx(20 / 3)
    assert pytest.approx(666.6666666666666) == MU_M2
    assert to_unit(2, AreaUnit.M2) == 2                                   # int accepted


def test_rounding_only_at_presentation():
    parts = [0.4, 0.4, 0.4]  # m²: each rounds to 0, their sum to 1
    assert round_area(sum(parts), AreaUnit.M2, 0) == 1.0
    assert sum(round_area(p, AreaUnit.M2, 0) for p in parts) == 0.0
    assert round_area(0.125, AreaUnit.M2) == 0.13                         # half away from zero
    assert round_area(-0.125, AreaUnit.M2) == -0.13


def test_format():
    assert format_area(6666.6667, AreaUnit.MU) == "10.00"
    assert format_area(3_430_100_000 * 2 / 3, AreaUnit.WAN_MU, grouping=True) == "343.0100"
    assert format_area(1_234_567.891, AreaUnit.M2, grouping=True) == "1,234,567.89"
    assert format_area(1e6, AreaUnit.KM2, with_label=True).startswith("1.0000 ")
    assert decimals(AreaUnit.HA) == 4
    assert all(unit_label(u) for u in AreaUnit)
