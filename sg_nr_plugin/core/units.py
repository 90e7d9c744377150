"""Area units of the reports: m², 公顷, 亩, 万亩, km².

Values stay in m² (unrounded) through every sum; conversion and rounding happen only when a
figure is presented, so a total is never the sum of rounded parts.
"""

from __future__ import annotations

from enum import IntEnum

from ..i18n import tr

#: 1 亩 = 10 000 / 15 m² (1 公顷 = 15 亩).
MU_M2 = 10000.0 / 15.0
HA_M2 = 10000.0
WAN_MU_M2 = 10000.0 * MU_M2
KM2_M2 = 1_000_000.0


class AreaUnit(IntEnum):
    """Same order as the ``UNIT`` enum parameter of the algorithms."""

    M2 = 0
    HA = 1
    MU = 2
    WAN_MU = 3
    KM2 = 4


_M2_PER_UNIT = {
    AreaUnit.M2: 1.0,
    AreaUnit.HA: HA_M2,
    AreaUnit.MU: MU_M2,
    AreaUnit.WAN_MU: WAN_MU_M2,
    AreaUnit.KM2: KM2_M2,
}

# Decimals customary in 三调 tables: m² to the centimetre-square (TBMJ has 2), 公顷 4, 亩 2,
# 万亩 4 (306.1234 万亩 is ~0.8 亩), km² 4.
_DECIMALS = {
    AreaUnit.M2: 2,
    AreaUnit.HA: 4,
    AreaUnit.MU: 2,
    AreaUnit.WAN_MU: 4,
    AreaUnit.KM2: 4,
}


def m2_per_unit(unit: AreaUnit | int) -> float:
    """How many m² one ``unit`` holds."""
    return _M2_PER_UNIT[AreaUnit(unit)]


def to_unit(m2: float, unit: AreaUnit | int) -> float:
    """Convert an area in m² to ``unit`` (no rounding)."""
    return m2 / _M2_PER_UNIT[AreaUnit(unit)]


def from_unit(value: float, unit: AreaUnit | int) -> float:
    """Convert an area given in ``unit`` back to m²."""
    return value * _M2_PER_UNIT[AreaUnit(unit)]


def decimals(unit: AreaUnit | int) -> int:
    """Decimals used when presenting a figure in ``unit``."""
    return _DECIMALS[AreaUnit(unit)]


def unit_label(unit: AreaUnit | int) -> str:
    """Translated short label, e.g. "mu" / "亩"."""
    labels = {
        AreaUnit.M2: tr("m²"),
        AreaUnit.HA: tr("ha"),
        AreaUnit.MU: tr("mu"),
        AreaUnit.WAN_MU: tr("10k mu"),
        AreaUnit.KM2: tr("km²"),
    }
    return labels[AreaUnit(unit)]


def unit_names() -> list[str]:
    """Translated option list for an enum parameter, in ``AreaUnit`` order."""
    return [unit_label(unit) for unit in AreaUnit]


def round_area(m2: float, unit: AreaUnit | int, places: int | None = None) -> float:
    """``m2`` in ``unit`` rounded for presentation (half away from zero, like Excel)."""
    from decimal import ROUND_HALF_UP, Decimal

    places = decimals(unit) if places is None else places
    value = Decimal(repr(to_unit(m2, unit)))
    return float(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP))


def format_area(m2: float, unit: AreaUnit | int, places: int | None = None,
                with_label: bool = False, grouping: bool = False) -> str:
    """Text of ``m2`` in ``unit``, e.g. ``format_area(6666.67, AreaUnit.MU) == "10.00"``."""
    places = decimals(unit) if places is None else places
    value = round_area(m2, unit, places)
    text = f"{value:,.{places}f}" if grouping else f"{value:.{places}f}"
    return f"{text} {unit_label(unit)}" if with_label else text
