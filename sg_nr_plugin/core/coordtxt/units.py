"""Declared-area units: the format says 公顷, writers also put m² or 亩, with or without a suffix.

A suffix (``0.7749公顷``, ``7749m2``, ``11.62亩``) says the unit. Without one the user's
``DECLARED_AREA_UNIT`` decides, or — in auto mode — the ratio to the measured area: about
10 000 means square metres were written where hectares belong, about 15 means 亩.
"""

from __future__ import annotations

import re

from ...i18n import tr
from .text import ascii_form

HA, M2, MU = "ha", "m2", "mu"
UNIT_CHOICES = (None, HA, M2, MU)  # order of the DECLARED_AREA_UNIT parameter (0 = auto)
TO_HA = {HA: 1.0, M2: 1e-4, MU: 1.0 / 15.0}  # 1 亩 = 10 000 / 15 m²
# Suffixes after NFKC (㎡ and m² become "m2", ｈａ becomes "ha").
_SUFFIXES = {"公顷": HA, "ha": HA, "hm2": HA, "亩": MU, "平方米": M2, "平米": M2, "m2": M2}
_AREA = re.compile(r"^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(" +
                   "|".join(sorted(map(re.escape, _SUFFIXES), key=len, reverse=True)) +
                   r")?$", re.IGNORECASE)
# A declared area this close to 10 000 or 15 times the measured one is in m² or 亩: ±2 % is
# far above planar-vs-ellipsoidal differences (< 0.1 %) and far from any other ratio.
RATIO_TOLERANCE = 0.02
_RATIOS = ((M2, 10_000.0), (MU, 15.0))


def parse_area(text: str) -> tuple[float | None, str | None]:
    """``(value, unit)`` of an area field; unit None when there is no suffix, value None when
    the text is not an area."""
    match = _AREA.match(ascii_form(text).replace(" ", ""))
    if match is None:
        return None, None
    value = float(match.group(1))
    if value != value or value in (float("inf"), float("-inf")):
        return None, None
    suffix = match.group(2)
    return value, (_SUFFIXES[suffix.lower()] if suffix else None)


def has_unit_suffix(text: str) -> bool:
    return parse_area(text)[1] is not None


def detect_unit(declared: float, measured_ha: float) -> str | None:
    """M2 or MU when ``declared`` is ≈10 000 or ≈15 times ``measured_ha``; else None."""
    if measured_ha <= 0 or declared <= 0:
        return None
    ratio = declared / measured_ha
    for unit, factor in _RATIOS:
        if abs(ratio / factor - 1.0) <= RATIO_TOLERANCE:
            return unit
    return None


def unit_name(unit: str) -> str:
    return {HA: tr("hectares (公顷)"), M2: tr("square metres (m²)"), MU: tr("亩")}[unit]
