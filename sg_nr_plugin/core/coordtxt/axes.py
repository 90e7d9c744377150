"""Axis order of the point lines: the format lists X = northing first; several exporters (and
"XY 反转" options) write the easting first.

Magnitudes tell them apart everywhere in China: a northing lies between about 2 000 000 and
6 000 000 m (taken as 1 000 000 – 10 000 000), a bare easting below 1 000 000, and an easting
with its zone prefix (13–45) between 10 000 000 and 100 000 000.
"""

from __future__ import annotations

from ...i18n import tr
from .model import CoordFile, Parcel, Severity

AXIS_AUTO, AXIS_NORTHING_FIRST, AXIS_EASTING_FIRST = 0, 1, 2
NORMAL, SWAPPED, UNKNOWN = 1, -1, 0

_NORTHING = (1_000_000.0, 10_000_000.0)
_BARE_EASTING_MAX = 1_000_000.0
_PREFIXED_EASTING = (10_000_000.0, 100_000_000.0)


def _is_northing(value: float) -> bool:
    return _NORTHING[0] <= value < _NORTHING[1]


def _is_easting(value: float) -> bool:
    return 0.0 < value < _BARE_EASTING_MAX or _PREFIXED_EASTING[0] <= value < _PREFIXED_EASTING[1]


def orientation(x: float, y: float) -> int:
    """NORMAL (X northing, Y easting), SWAPPED, or UNKNOWN (local or absurd values)."""
    if _is_northing(x) and _is_easting(y):
        return NORMAL
    if _is_easting(x) and _is_northing(y):
        return SWAPPED
    return UNKNOWN


def is_gauss_kruger(x: float, y: float) -> bool:
    """Whether (X, Y) can be a CGCS2000 Gauss-Kruger point: X a northing from the equator to
    the pole (the southern islands lie below 1 000 000), Y a bare or zone-prefixed easting."""
    return 0.0 <= x < _NORTHING[1] and _is_easting(y)


def out_of_range(parsed: CoordFile, parcel: Parcel, label: str, projected: bool) -> bool:
    """An error (and True) for a point no map can hold: beyond 100 000 km in any system, or —
    when the file's own Gauss-Kruger system is used (``projected``) — not a Gauss-Kruger
    coordinate. Such values overflowed the area engine or gave areas of 10^24 ha."""
    for point in parcel.points:
        far = max(abs(point.x), abs(point.y)) >= _PREFIXED_EASTING[1]
        if far or (projected and not is_gauss_kruger(point.x, point.y)):
            parsed.add(point.line, Severity.ERROR, "out-of-range",
                       tr("Parcel {parcel}: X={x}, Y={y} is not a Gauss-Kruger coordinate (X "
                          "northing 0 – 10 000 000 m, Y easting below 1 000 000 or with its zone "
                          "prefix); the parcel is skipped. Check the value, or give the CRS "
                          "override for another system.").format(
                           parcel=label, x=f"{point.x:.4f}", y=f"{point.y:.4f}"), label)
            return True
    return False


def swap_points(parcel: Parcel) -> None:
    for point in parcel.points:
        point.x, point.y = point.y, point.x


def settle_axes(parsed: CoordFile, parcel: Parcel, label: str, axis_order: int) -> bool:
    """Put every point of ``parcel`` in X-northing order; False (with an error) when the
    parcel's points contradict each other or the requested order. Auto-swapped parcels are
    recorded in ``parsed.swapped`` for one warning per file (see :func:`report_swaps`)."""
    if axis_order == AXIS_EASTING_FIRST:
        swap_points(parcel)
    kinds = [orientation(p.x, p.y) for p in parcel.points]
    if SWAPPED not in kinds:
        return True
    if axis_order == AXIS_AUTO and NORMAL not in kinds:
        swap_points(parcel)
        parsed.swapped.append(parcel)
        return True
    odd = parcel.points[kinds.index(SWAPPED)]
    if axis_order == AXIS_AUTO:
        text = tr("Parcel {parcel}: X={x} looks like an easting and Y={y} like a northing, "
                  "unlike the parcel's other points (X and Y swapped?); the parcel is skipped.")
    elif axis_order == AXIS_EASTING_FIRST:
        text = tr("Parcel {parcel}: read easting first (AXIS_ORDER), the point gives X={x} "
                  "like an easting and Y={y} like a northing: the file lists the northing "
                  "first. Set AXIS_ORDER to auto; the parcel is skipped.")
    else:
        text = tr("Parcel {parcel}: X={x} looks like an easting and Y={y} like a northing "
                  "(X and Y swapped?) but AXIS_ORDER says northing first; set AXIS_ORDER to "
                  "auto or easting first. The parcel is skipped.")
    parsed.add(odd.line, Severity.ERROR, "xy-swapped", text.format(
        parcel=label, x=f"{odd.x:.4f}", y=f"{odd.y:.4f}"), label)
    return False


def report_swaps(parsed: CoordFile, label_of) -> None:
    """One warning per file naming how many parcels were read easting-first, and the first."""
    if not parsed.swapped:
        return
    first = parsed.swapped[0]
    point = first.points[0]
    parsed.add(point.line, Severity.WARNING, "axis-order",
               tr("The points give the easting before the northing (e.g. {easting}, "
                  "{northing}) in {count} parcel(s), first parcel {parcel}: read as X "
                  "(northing) = {northing}, Y (easting) = {easting}. The monitoring system "
                  "expects the northing first.").format(
                   easting=f"{point.y:.4f}", northing=f"{point.x:.4f}",
                   count=len(parsed.swapped), parcel=label_of(first)), label_of(first))
