"""Gauss-Kruger zones of CGCS2000 as the coordinate files name them, and their EPSG codes.

EPSG numbers the CGCS2000 Gauss-Kruger systems in blocks: 3-degree zones 25–45 are 4513–4533
with the zone prefix in the easting (38 500 000 false easting for zone 38) and 4534–4554 in the
"CM" form (500 000); 6-degree zones 13–23 are 4491–4501 (prefixed) and 4502–4512 (CM).
"""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem

# width -> (first zone, last zone, EPSG offset prefixed, EPSG offset CM)
_BLOCKS = {3: (25, 45, 4488, 4509), 6: (13, 23, 4478, 4489)}
# An easting at or above this carries a zone prefix (a bare easting stays below 1 000 000).
PREFIX_THRESHOLD = 1_000_000.0
CGCS2000_MARKERS = ("2000", "CGCS")


def zone_prefix(easting: float) -> int | None:
    """The zone number written in front of an easting, or None for a bare (CM) easting."""
    return int(easting // 1_000_000) if easting >= PREFIX_THRESHOLD else None


def epsg_code(zone: int, width: int = 3, prefixed: bool = True) -> int | None:
    """EPSG code of CGCS2000 / Gauss-Kruger ``zone`` (None when the zone is out of range)."""
    first, last, with_prefix, cm_form = _BLOCKS.get(width, _BLOCKS[3])
    if not first <= zone <= last:
        return None
    return (with_prefix if prefixed else cm_form) + zone


def crs_for(zone: int, width: int = 3, prefixed: bool = True) -> QgsCoordinateReferenceSystem:
    """The CRS for ``zone``; invalid (``isValid() == False``) when out of range."""
    code = epsg_code(zone, width, prefixed)
    return QgsCoordinateReferenceSystem(f"EPSG:{code}") if code else QgsCoordinateReferenceSystem()


def zone_of_crs(crs: QgsCoordinateReferenceSystem) -> tuple[int, int, bool] | None:
    """``(zone, width, prefixed)`` when ``crs`` is one of the CGCS2000 Gauss-Kruger codes."""
    authid = crs.authid() if crs is not None and crs.isValid() else ""
    if not authid.upper().startswith("EPSG:"):
        return None
    try:
        code = int(authid.split(":", 1)[1])
    except ValueError:
        return None
    for width, (first, last, with_prefix, cm_form) in _BLOCKS.items():
        for prefixed, offset in ((True, with_prefix), (False, cm_form)):
            if first <= code - offset <= last:
                return code - offset, width, prefixed
    return None


def zone_for_longitude(longitude: float, width: int = 3) -> int:
    """The zone whose central meridian is nearest ``longitude`` (3-degree: CM = 3 × zone)."""
    if width == 6:
        return int(longitude // 6) + 1
    return int((longitude + 1.5) // 3)


def is_cgcs2000(text: str) -> bool:
    """Whether the header's 坐标系 names CGCS2000 (2000国家大地坐标系, CGCS2000…)."""
    return any(marker in text.upper() for marker in CGCS2000_MARKERS)
