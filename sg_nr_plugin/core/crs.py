"""Coordinate reference systems of 三调 data: CGCS2000 Gauss-Kruger zones and mislabelled layers.

Zones are recognised by their PROJ parameters (``+proj=tmerc +lat_0=0 +lon_0=<CM> +k=1
+x_0=500000`` or ``zone×1e6+500000``, GRS80/CGCS2000 ellipsoid), never by a CRS name, because
suppliers' files carry every spelling and public code often mislabels these EPSG codes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..i18n import tr
from .coordtxt.zones import epsg_code
from .errors import CrsError
from .geodesy import CGCS2000_A, CGCS2000_RF, Ellipsoid, TransverseMercator

#: Shaoguan lies wholly in 3° zone 38 (CM 114°E): the default when a zone must be guessed.
DEFAULT_ZONE = 38
#: An easting above this carries a zone prefix (zone × 1 000 000 + 500 000).
PREFIX_EASTING = 10_000_000.0
GEOGRAPHIC_EPSG = "EPSG:4490"
#: Zone numbers used in China: 3° zones 25–45 (CM = 3·zone), 6° zones 13–23 (CM = 6·zone − 3).
THREE_DEGREE_ZONES = (25, 45)
SIX_DEGREE_ZONES = (13, 23)
#: No CRS of this data has coordinates this large (zone prefixes end at 45 500 000): beyond it
#: a coordinate is damaged (a spike, an overflow) and the feature, not the CRS, is wrong.
DAMAGED_COORDINATE = 1e8
#: How far (degrees of longitude) data may reach beyond the edge of its declared zone before the
#: CRS is called contradicted: a county straddling a zone edge is kept in one zone and spills a
#: little; data of a neighbouring zone's central meridian lies two or more degrees out.
ZONE_SPILL_DEG = 1.0


def prefixed_epsg(zone: int) -> str:
    """CGCS2000 GK zone with zone-prefixed eastings: 3° zones 25–45 (38 → EPSG:4526) and 6°
    zones 13–23 (19 → EPSG:4497); the two ranges do not overlap."""
    return f"EPSG:{epsg_code(zone, _width_of_zone(zone), prefixed=True)}"


def cm_epsg(zone: int) -> str:
    """CGCS2000 GK zone, central-meridian form (false easting 500 km): 3° zone 38 → EPSG:4547,
    6° zone 19 → EPSG:4508."""
    return f"EPSG:{epsg_code(zone, _width_of_zone(zone), prefixed=False)}"


def _width_of_zone(zone: int) -> int:
    return 6 if SIX_DEGREE_ZONES[0] <= zone <= SIX_DEGREE_ZONES[1] else 3


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

    Catches the common mislabels: eastings with a 3° or 6° zone prefix declared as a CM-form
    zone (or as the wrong prefix), CM-form eastings declared as a prefixed zone, eastings
    reaching beyond the declared zone (another central meridian), projected metres declared
    geographic, and degrees declared projected. ``""`` when the CRS is contradicted but no
    single CRS can be named (several zone prefixes, an unknown central meridian).
    """
    return _suggest(extent, crs)[0]


def _suggest(extent, crs) -> tuple[str | None, str]:
    """``(suggestion, translated diagnosis)``; ``(None, "")`` when the CRS fits."""
    if extent is None or extent.isEmpty() or crs is None or not crs.isValid():
        return None, ""
    x_min, x_max = extent.xMinimum(), extent.xMaximum()
    y_min, y_max = extent.yMinimum(), extent.yMaximum()
    if not all(abs(v) < DAMAGED_COORDINATE for v in (x_min, x_max, y_min, y_max)):
        return None, ""  # damaged coordinates, not a CRS: refused feature by feature
    looks_degrees = -180.0 <= x_min <= x_max <= 360.0 and -90.0 <= y_min <= y_max <= 90.0
    if crs.isGeographic():
        if looks_degrees:
            return None, ""
        return _with_diagnosis(_zone_from_easting(x_min, x_max) or cm_epsg(DEFAULT_ZONE))
    if looks_degrees:
        return _with_diagnosis(GEOGRAPHIC_EPSG)
    zone, tm = gk_zone(crs), cgcs2000_tmerc(crs)
    if zone is None or tm is None:
        return None, ""
    if x_max >= PREFIX_EASTING:  # zone-prefixed eastings
        data_zone = _zone_from_easting(x_min, x_max)
        if data_zone is None:
            return "", tr("the eastings carry different or implausible zone prefixes ({first}"
                          " … {last}): one layer must hold one zone").format(
                first=int(x_min // 1_000_000), last=int(x_max // 1_000_000))
        if not has_zone_prefix(crs) or int(tm.x_0 // 1_000_000) != int(x_min // 1_000_000):
            return _with_diagnosis(data_zone)
    elif has_zone_prefix(crs) and x_max < 1_000_000.0:
        return _with_diagnosis(cm_epsg(zone))  # CM-form eastings under a prefixed label
    return _outside_zone(extent, tm, zone)


def _with_diagnosis(suggestion: str) -> tuple[str, str]:
    return suggestion, _diagnosis(suggestion)


def _outside_zone(extent, tm: TransverseMercator, zone: int) -> tuple[str | None, str]:
    """Eastings reaching farther from the declared central meridian than its zone (plus
    :data:`ZONE_SPILL_DEG`) belong to another central meridian: 6° data (CM 111°E) declared
    as the 3° CM 114°E measures areas with the wrong scale and places the land 3° off."""
    six = zone <= SIX_DEGREE_ZONES[1] or not has_zone_prefix_tm(tm)  # CM form: either width
    half = 3.0 if six and _is_six_degree_cm(tm.lon_0) else 1.5
    limit = half + ZONE_SPILL_DEG
    xs = np.array([extent.xMinimum(), extent.xMaximum(), extent.xMinimum(), extent.xMaximum()])
    ys = np.array([extent.yMinimum(), extent.yMinimum(), extent.yMaximum(), extent.yMaximum()])
    reach_m = float(np.max(np.abs(xs - tm.x_0)))
    if reach_m <= 110_000.0 * limit * 0.5:  # certainly inside: no projection needed
        return None, ""
    if reach_m > 2_000_000.0 or np.max(np.abs(ys - tm.y_0)) > 10_002_000.0:
        offset = float("inf")
        centre = float("nan")
    else:
        lon, _lat = tm.inverse(xs, ys)
        offset = float(np.max(np.abs(lon - tm.lon_0)))
        centre = float(np.mean(lon)) - tm.lon_0
    if offset <= limit:
        return None, ""
    diagnosis = tr("the eastings reach {km:.0f} km from the central meridian {cm:g}°E, beyond "
                   "its zone (±{half:g}°): the data belong to another central meridian").format(
        km=reach_m / 1000.0, cm=tm.lon_0, half=half)
    return _neighbour_cm(tm, centre), diagnosis


def _neighbour_cm(tm: TransverseMercator, offset: float) -> str:
    """The CM-form CRS whose central meridian puts the data in the default (Shaoguan) zone,
    "" when there is none: the true meridian cannot be read from the coordinates alone."""
    if has_zone_prefix_tm(tm) or not np.isfinite(offset):
        return ""
    home = 3.0 * DEFAULT_ZONE
    for cm in sorted(range(75, 136, 3), key=lambda c: (not _is_six_degree_cm(c), c)):
        six = _is_six_degree_cm(cm)
        if cm == tm.lon_0 or abs(offset) > (3.0 if six else 1.5) + ZONE_SPILL_DEG:
            continue
        if abs(cm + offset - home) <= 1.5:
            return cm_epsg((cm + 3) // 6 if six else cm // 3)
    return ""


def _is_six_degree_cm(lon_0: float) -> bool:
    return float(lon_0).is_integer() and int(lon_0) % 6 == 3


def has_zone_prefix_tm(tm: TransverseMercator) -> bool:
    return tm.x_0 >= 1_000_000.0


def _zone_from_easting(x_min: float, x_max: float) -> str | None:
    """The prefixed EPSG code when both eastings carry the same plausible zone prefix: 3°
    zones 25–45 (EPSG:4488+zone) or 6° zones 13–23 (EPSG:4478+zone)."""
    if x_min < PREFIX_EASTING or not np.isfinite(x_max):
        return None
    zone, zone_max = int(x_min // 1_000_000), int(x_max // 1_000_000)
    if zone != zone_max:
        return None
    if not (THREE_DEGREE_ZONES[0] <= zone <= THREE_DEGREE_ZONES[1]
            or SIX_DEGREE_ZONES[0] <= zone <= SIX_DEGREE_ZONES[1]):
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
    suggestion, diagnosis = _suggest(extent, crs)
    message = ""
    if suggestion:
        message = tr("Layer “{layer}” is declared {declared} but its coordinates (x {x_min:.0f}"
                     " … {x_max:.0f}) do not fit it: {diagnosis}. Set the layer CRS to "
                     "{suggestion} (Layer Properties → Source) and run again.").format(
            layer=layer_name, declared=crs.authid() or crs.description(),
            x_min=extent.xMinimum(), x_max=extent.xMaximum(),
            diagnosis=diagnosis, suggestion=suggestion)
    elif suggestion is not None:
        message = tr("Layer “{layer}” is declared {declared} but its coordinates (x {x_min:.0f}"
                     " … {x_max:.0f}) do not fit it: {diagnosis}. Set the CRS the data were "
                     "delivered in (Layer Properties → Source; CGCS2000 Gauss-Kruger: EPSG:4491"
                     "–4554) and run again.").format(
            layer=layer_name, declared=crs.authid() or crs.description(),
            x_min=extent.xMinimum(), x_max=extent.xMaximum(), diagnosis=diagnosis)
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
    if 4478 + 13 <= code <= 4478 + 23:
        return tr("looks like 6-degree zone {zone} with prefix: {crs}").format(
            zone=code - 4478, crs=suggestion)
    if 4489 + 13 <= code <= 4489 + 23:
        return tr("looks like 6-degree zone {zone} without prefix: {crs}").format(
            zone=code - 4489, crs=suggestion)
    return tr("looks like zone {zone} without prefix: {crs}").format(zone=code - 4509,
                                                                     crs=suggestion)


def _name_of(layer_or_source) -> str:
    for attribute in ("name", "sourceName"):
        if hasattr(layer_or_source, attribute):
            value = getattr(layer_or_source, attribute)()
            if value:
                return str(value)
    return tr("(unnamed layer)")


def metric_crs(crs, extent, transform_context=None):
    """``crs`` when it is projected; for a geographic CRS the CGCS2000 3° Gauss-Kruger zone
    (CM form) of the extent's centre, so that overlays, buffers and sliver widths work in
    metres and edges are read straight in the same plane as the survey's own (EPSG:4490 data
    of a EPSG:4547 survey then give the survey's verdicts and areas)."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsCoordinateTransformContext,
    )

    if crs is None or not crs.isValid() or not crs.isGeographic():
        return crs
    centre = extent.center() if extent is not None and not extent.isEmpty() else None
    longitude = 3.0 * DEFAULT_ZONE
    if centre is not None:
        try:
            geographic = QgsCoordinateReferenceSystem(GEOGRAPHIC_EPSG)
            to_geographic = QgsCoordinateTransform(
                crs, geographic, transform_context or QgsCoordinateTransformContext())
            longitude = to_geographic.transform(centre).x()
        except Exception:  # noqa: BLE001 - QgsCsException: keep the default zone
            longitude = 3.0 * DEFAULT_ZONE
    zone = int(round(longitude / 3.0)) if np.isfinite(longitude) else DEFAULT_ZONE
    if THREE_DEGREE_ZONES[0] <= zone <= THREE_DEGREE_ZONES[1]:
        return QgsCoordinateReferenceSystem(cm_epsg(zone))
    return QgsCoordinateReferenceSystem.fromProj(
        f"+proj=tmerc +lat_0=0 +lon_0={3 * zone} +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 "
        "+units=m +no_defs")
