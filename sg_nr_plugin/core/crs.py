"""Coordinate reference systems of 三调 data: CGCS2000 Gauss-Kruger zones and mislabelled layers.

Zones are recognised by their PROJ parameters (``+proj=tmerc +lat_0=0 +lon_0=<CM> +k=1
+x_0=500000`` or ``zone×1e6+500000``, GRS80/CGCS2000 ellipsoid), never by a CRS name, because
suppliers' files carry every spelling and public code often mislabels these EPSG codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..i18n import tr
from .errors import CrsError
from .geodesy import CGCS2000_A, CGCS2000_RF, Ellipsoid, TransverseMercator

#: Shaoguan lies wholly in 3° zone 38 (CM 114°E): the default when a zone must be guessed.
DEFAULT_ZONE = 38
#: An easting above this carries a zone prefix (zone × 1 000 000 + 500 000).
PREFIX_EASTING = 10_000_000.0
GEOGRAPHIC_EPSG = "EPSG:4490"


def prefixed_epsg(zone: int) -> str:
    """CGCS2000 3° GK zone with zone-prefixed eastings, e.g. 38 → EPSG:4526."""
    return f"EPSG:{4488 + zone}"


def cm_epsg(zone: int) -> str:
    """CGCS2000 3° GK zone, central-meridian form (false easting 500 km), e.g. 38 → EPSG:4547."""
    return f"EPSG:{4509 + zone}"


@dataclass(frozen=True)
class ProjParams:
    proj: str
    values: dict

    def number(self, key: str, default: float | None = None) -> float | None:
        try:
            return float(self.values[key])
        except (KeyError, ValueError):
            return default


def proj_params(crs) -> ProjParams | None:
    """The ``+key=value`` parameters of a QgsCoordinateReferenceSystem (None when invalid)."""
    if crs is None or not crs.isValid():
        return None
    text = crs.toProj()
    values = dict(re.findall(r"\+([A-Za-z_0-9]+)(?:=(\S+))?", text))
    return ProjParams(values.get("proj", ""), values)


def is_cgcs2000_ellipsoid(params: ProjParams) -> bool:
    """GRS80 (the CGCS2000 ellipsoid to 0.1 mm in b), by name or by a/rf."""
    if params.values.get("ellps", "").upper() in ("GRS80", "CGCS2000"):
        return not _has_datum_shift(params)
    a, rf = params.number("a"), params.number("rf")
    if a is not None and rf is not None:
        return (abs(a - CGCS2000_A) < 1e-3 and abs(rf - CGCS2000_RF) < 1e-6
                and not _has_datum_shift(params))
    return False


def _has_datum_shift(params: ProjParams) -> bool:
    towgs = params.values.get("towgs84")
    if towgs is None:
        return False
    return any(float(v) != 0.0 for v in towgs.split(",") if v)


def _metres(params: ProjParams) -> bool:
    units = params.values.get("units", "m")
    return units == "m" and params.number("to_meter", 1.0) == 1.0


def cgcs2000_tmerc(crs) -> TransverseMercator | None:
    """The transverse Mercator of a CGCS2000 projected CRS (any CM, scale, false origin)."""
    params = proj_params(crs)
    if params is None or params.proj != "tmerc" or not is_cgcs2000_ellipsoid(params):
        return None
    if params.number("lat_0", 0.0) != 0.0 or not _metres(params):
        return None
    k_0 = params.number("k", params.number("k_0", 1.0))
    return TransverseMercator(params.number("lon_0", 0.0), k_0, params.number("x_0", 0.0),
                              params.number("y_0", 0.0), Ellipsoid(CGCS2000_A, CGCS2000_RF))


def is_cgcs2000_geographic(crs) -> bool:
    params = proj_params(crs)
    return (params is not None and params.proj in ("longlat", "latlong")
            and is_cgcs2000_ellipsoid(params))


def gk_zone(crs) -> int | None:
    """Zone number of a CGCS2000 Gauss-Kruger CRS, or None.

    Prefixed form (false easting zone×1e6+500000): the prefix, checked against the CM for 3°
    (CM = 3·zone) and 6° (CM = 6·zone − 3) zones. CM form (false easting 500 000): the 3° zone
    whose CM it is (CM/3, zones 25–45).
    """
    tm = cgcs2000_tmerc(crs)
    if tm is None or tm.k_0 != 1.0 or tm.y_0 != 0.0:
        return None
    if tm.x_0 == 500000.0:
        zone = tm.lon_0 / 3.0
        return int(zone) if zone.is_integer() and 25 <= zone <= 45 else None
    prefix, rest = divmod(tm.x_0, 1_000_000.0)
    if rest != 500000.0:
        return None
    zone = int(prefix)
    return zone if tm.lon_0 in (3.0 * zone, 6.0 * zone - 3.0) else None


def has_zone_prefix(crs) -> bool:
    tm = cgcs2000_tmerc(crs)
    return tm is not None and tm.x_0 >= 1_000_000.0


def suggest_crs(extent, crs) -> str | None:
    """A CRS that fits the coordinates of ``extent`` better than the declared ``crs``, or None.

    Catches the common mislabels: eastings with a zone prefix declared as a CM-form zone (or as
    the wrong prefix), CM-form eastings declared as a prefixed zone, projected metres declared
    geographic, and degrees declared projected.
    """
    if extent is None or extent.isEmpty() or crs is None or not crs.isValid():
        return None
    x_min, x_max = extent.xMinimum(), extent.xMaximum()
    y_min, y_max = extent.yMinimum(), extent.yMaximum()
    looks_degrees = -180.0 <= x_min <= x_max <= 360.0 and -90.0 <= y_min <= y_max <= 90.0
    if crs.isGeographic():
        if looks_degrees:
            return None
        return _zone_from_easting(x_min, x_max) or cm_epsg(DEFAULT_ZONE)
    if looks_degrees:
        return GEOGRAPHIC_EPSG
    zone = gk_zone(crs)
    if zone is None:
        return None
    data_zone = _zone_from_easting(x_min, x_max)
    if has_zone_prefix(crs):
        if data_zone is None and x_max < 1_000_000.0:
            return cm_epsg(zone)  # CM-form eastings under a prefixed label
        if data_zone is not None and data_zone != prefixed_epsg(zone):
            return data_zone
        return None
    return data_zone  # prefixed eastings under a CM-form label, or None


def _zone_from_easting(x_min: float, x_max: float) -> str | None:
    """``EPSG:4488+zone`` when both eastings carry the same plausible 3° zone prefix."""
    if x_min < PREFIX_EASTING:
        return None
    zone, zone_max = int(x_min // 1_000_000), int(x_max // 1_000_000)
    if zone != zone_max or not 25 <= zone <= 45:
        return None
    return prefixed_epsg(zone)


@dataclass(frozen=True)
class CrsReport:
    layer_name: str
    authid: str
    kind: str  # "geographic" (CGCS2000 lon/lat), "gk" (CGCS2000 Gauss-Kruger), "other"
    zone: int | None
    suggestion: str | None
    message: str  # translated; "" when the CRS fits the coordinates

    @property
    def ok(self) -> bool:
        return self.suggestion is None


def check_layer_crs(layer_or_source, name: str | None = None) -> CrsReport:
    """Check a layer's (or feature source's) CRS against its coordinates.

    Raises :class:`CrsError` naming the layer when the CRS is missing or invalid; a CRS that
    contradicts the coordinates is reported (``suggestion``, ``message``), not refused, so the
    caller decides whether to stop.
    """
    layer_name = name or _name_of(layer_or_source)
    crs = layer_or_source.sourceCrs() if hasattr(layer_or_source, "sourceCrs") \
        else layer_or_source.crs()
    if crs is None or not crs.isValid():
        raise CrsError(tr("Layer “{layer}” has no coordinate reference system. Set its CRS "
                          "(survey data: EPSG:4490, EPSG:4547 or EPSG:4526) and run again.")
                       .format(layer=layer_name))
    extent = layer_or_source.sourceExtent() if hasattr(layer_or_source, "sourceExtent") \
        else layer_or_source.extent()
    zone = gk_zone(crs)
    kind = "gk" if zone is not None else (
        "geographic" if is_cgcs2000_geographic(crs) else "other")
    suggestion = suggest_crs(extent, crs)
    message = ""
    if suggestion:
        message = tr("Layer “{layer}” is declared {declared} but its coordinates (x {x_min:.0f}"
                     " … {x_max:.0f}) do not fit it: {diagnosis}. Set the layer CRS to "
                     "{suggestion} (Layer Properties → Source) and run again.").format(
            layer=layer_name, declared=crs.authid() or crs.description(),
            x_min=extent.xMinimum(), x_max=extent.xMaximum(),
            diagnosis=_diagnosis(suggestion), suggestion=suggestion)
    return CrsReport(layer_name, crs.authid(), kind, zone, suggestion, message)


def require_consistent_crs(layer_or_source, name: str | None = None) -> CrsReport:
    """Like :func:`check_layer_crs`, but a contradicting CRS raises :class:`CrsError`."""
    report = check_layer_crs(layer_or_source, name)
    if not report.ok:
        raise CrsError(report.message)
    return report


def _diagnosis(suggestion: str) -> str:
    """Why ``suggestion`` fits, e.g. "looks like zone 38 with prefix: EPSG:4526"."""
    code = int(suggestion.split(":")[1])
    if code == 4490:
        return tr("looks like longitude/latitude degrees: {crs}").format(crs=suggestion)
    if 4488 + 25 <= code <= 4488 + 45:
        return tr("looks like zone {zone} with prefix: {crs}").format(zone=code - 4488,
                                                                      crs=suggestion)
    return tr("looks like zone {zone} without prefix: {crs}").format(zone=code - 4509,
                                                                     crs=suggestion)


def _name_of(layer_or_source) -> str:
    for attribute in ("name", "sourceName"):
        if hasattr(layer_or_source, attribute):
            value = getattr(layer_or_source, attribute)()
            if value:
                return str(value)
    return tr("(unnamed layer)")
