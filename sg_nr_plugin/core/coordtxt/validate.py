"""Checks of a parsed coordinate file, each reported with the file name and line number.

Severity follows what happens at filing: ERROR means the ministry's system would reject the
file (or we cannot place it on the map), WARNING means the data deserve a look. Parcels that
cannot become a polygon are marked ``skipped``; everything else is imported and reported.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsGeometry,
    QgsPointXY,
)

from ...i18n import tr
from .axes import AXIS_AUTO, out_of_range, settle_axes
from .geometry import ring_points
from .model import (
    ATTRIBUTE_SECTION,
    COORDINATE_SECTION,
    POLYGON_KIND,
    REQUIRED_HEADER_KEYS,
    CoordFile,
    Parcel,
    Severity,
)
from .units import TO_HA, detect_unit, unit_name
from .zones import crs_for, is_cgcs2000, zone_prefix

_AREA_FLOOR_HA = 0.0001  # the declared area has 4 decimals in 公顷
_ROUND_TRIP_M = 0.01  # a point the CRS can place comes back from lon/lat to within 1e-6 m
_GEOGRAPHIC = QgsCoordinateReferenceSystem("EPSG:4490")

_VALIDATOR = getattr(getattr(Qgis, "GeometryValidationEngine", None), "Geos", None)
if _VALIDATOR is None:  # QGIS before 3.22 spelled it on QgsGeometry
    _VALIDATOR = QgsGeometry.ValidatorGeos


def label(parcel: Parcel) -> str:
    return parcel.number or tr("(line {line})").format(line=parcel.line)


def check_header(parsed: CoordFile,
                 override: QgsCoordinateReferenceSystem | None = None) -> None:
    if not parsed.header_lines and not parsed.parcels:
        parsed.add(0, Severity.ERROR, "empty",
                   tr("The file holds no [属性描述] or [地块坐标] section: is it a coordinate "
                      "file?"))
        return
    if f"[{COORDINATE_SECTION}]" not in parsed.header_lines:
        parsed.add(0, Severity.ERROR, "no-parcels", tr("The [地块坐标] section is missing."))
    section_line = parsed.header_lines.get(f"[{ATTRIBUTE_SECTION}]")
    if section_line is None:
        parsed.add(1, Severity.ERROR, "header-missing",
                   tr("The [属性描述] section is missing."))
        return
    for key in REQUIRED_HEADER_KEYS:
        if not parsed.header.get(key, "").strip():
            parsed.add(section_line, Severity.ERROR, "header-key",
                       tr("Header key “{key}” is missing or empty.").format(key=key))
    system = parsed.header.get("坐标系", "")
    if system and not is_cgcs2000(system):
        if override is not None and override.isValid():
            parsed.add(parsed.header_lines["坐标系"], Severity.INFO, "header-crs",
                       tr("Coordinate system “{value}” is not CGCS2000; the CRS override {crs} "
                          "is used.").format(value=system, crs=override.authid()))
        else:
            parsed.add(parsed.header_lines["坐标系"], Severity.ERROR, "header-crs",
                       tr("Coordinate system “{value}” is not CGCS2000: give the CRS override "
                          "parameter.").format(value=system))
    width = parsed.header.get("几度分带", "").strip().rstrip("度带 ")  # "3", "3度", "3度带"
    if width and width not in ("3", "6"):
        parsed.add(parsed.header_lines["几度分带"], Severity.ERROR, "header-width",
                   tr("几度分带 “{value}” is neither 3 nor 6.").format(value=width))
    zone = parsed.header.get("带号", "").strip()
    if zone and parsed.zone is None:
        parsed.add(parsed.header_lines["带号"], Severity.ERROR, "header-zone",
                   tr("带号 “{value}” is not a zone number.").format(value=zone))
    unit = parsed.header.get("计量单位", "").strip()
    if unit and unit not in ("米", "m", "M"):
        parsed.add(parsed.header_lines["计量单位"], Severity.WARNING, "header-unit",
                   tr("计量单位 “{value}” is not metres (米).").format(value=unit))


def check_parcel(parsed: CoordFile, parcel: Parcel, axis_order: int = AXIS_AUTO,
                 projected: bool = True) -> None:
    """Structural checks; marks the parcel skipped when it cannot become a polygon.
    ``projected``: the file's own Gauss-Kruger system is used (no CRS override)."""
    name = label(parcel)
    if parcel.kind and parcel.kind != POLYGON_KIND:
        parsed.add(parcel.line, Severity.WARNING, "kind",
                   tr("Parcel {parcel} is of kind “{kind}”, not a polygon (面); it is skipped.")
                   .format(parcel=name, kind=parcel.kind), name)
        parcel.skipped = True
        return
    if not parcel.points:
        if not parcel.skipped:
            parsed.add(parcel.line, Severity.ERROR, "no-points",
                       tr("Parcel {parcel} has no point lines; it is skipped.").format(
                           parcel=name), name)
        parcel.skipped = True
        return
    if parcel.point_count is not None and parcel.point_count != len(parcel.points):
        parsed.add(parcel.line, Severity.ERROR, "point-count",
                   tr("Parcel {parcel}: the header says {declared} points but {listed} are "
                      "listed.").format(parcel=name, declared=parcel.point_count,
                                        listed=len(parcel.points)), name)
    if not settle_axes(parsed, parcel, name, axis_order) or \
            out_of_range(parsed, parcel, name, projected):
        parcel.skipped = True
        return
    seen: set[int] = set()
    for ring_number, points in parcel.rings():
        if ring_number in seen:
            parsed.add(points[0].line, Severity.WARNING, "ring-restart",
                       tr("Parcel {parcel}: ring number {ring} is used again after its ring "
                          "closed (numbering restarted for a further part); read as a separate "
                          "ring.").format(parcel=name, ring=ring_number), name)
        seen.add(ring_number)
        _check_ring(parsed, parcel, ring_number, points)


def _check_ring(parsed: CoordFile, parcel: Parcel, ring_number: int, points: list) -> None:
    name = label(parcel)
    first, last = points[0], points[-1]
    closed = (first.x, first.y) == (last.x, last.y)
    if not closed:
        parsed.add(last.line, Severity.ERROR, "not-closed",
                   tr("Parcel {parcel}, ring {ring}: the ring does not end on its first point "
                      "({first}); it was closed on import.").format(
                       parcel=name, ring=ring_number, first=first.name), name)
    if len(ring_points(points)) < 4 or len({(p.x, p.y) for p in points}) < 3:
        parsed.add(first.line, Severity.ERROR, "too-few-points",
                   tr("Parcel {parcel}, ring {ring} has {count} points; a ring needs at least 4 "
                      "(3 corners and the closing point). The parcel is skipped.").format(
                       parcel=name, ring=ring_number, count=len(points)), name)
        parcel.skipped = True
        return
    _check_simple(parsed, parcel, ring_number, points)


def _check_simple(parsed: CoordFile, parcel: Parcel, ring_number: int, points: list) -> None:
    ring = ring_points(points)
    if QgsGeometry.fromPolylineXY(ring).isSimple():
        return
    errors = QgsGeometry.fromPolygonXY([ring]).validateGeometry(_VALIDATOR)
    where = next((e.where() for e in errors if e.hasWhere()), ring[0])
    nearest = min(points, key=lambda p: QgsPointXY(p.y, p.x).sqrDist(where))
    parsed.add(nearest.line, Severity.ERROR, "self-intersection",
               tr("Parcel {parcel}, ring {ring} intersects itself near X={x}, Y={y}.").format(
                   parcel=label(parcel), ring=ring_number, x=f"{where.y():.4f}",
                   y=f"{where.x():.4f}"), label(parcel))


def to_geographic(crs: QgsCoordinateReferenceSystem) -> QgsCoordinateTransform:
    """The transform :func:`check_domain` uses (built once per file: it is not free)."""
    return QgsCoordinateTransform(crs, _GEOGRAPHIC, QgsCoordinateTransformContext())


def check_domain(parsed: CoordFile, parcel: Parcel, transform: QgsCoordinateTransform) -> bool:
    """False (with an error) when a point lies where ``crs`` cannot place it: projected to
    longitude/latitude and back it does not return to itself (beyond a pole, outside the
    projection). PROJ answers such points with finite but meaningless values, and the area
    engine then gives a wrong figure or overflows."""
    for point in parcel.points:
        source = QgsPointXY(point.y, point.x)
        try:
            back = transform.transform(transform.transform(source),
                                       Qgis.TransformDirection.Reverse)
            ok = math.isfinite(back.x()) and math.isfinite(back.y()) and \
                source.distance(back) <= _ROUND_TRIP_M
        except QgsCsException:
            ok = False
        if not ok:
            parsed.add(point.line, Severity.ERROR, "out-of-range",
                       tr("Parcel {parcel}: X={x}, Y={y} lies outside what {crs} can represent "
                          "(beyond a pole or outside the projection); the parcel is skipped.")
                       .format(parcel=label(parcel), x=f"{point.x:.4f}", y=f"{point.y:.4f}",
                               crs=transform.sourceCrs().authid()), label(parcel))
            parcel.skipped = True
            return False
    return True


def check_duplicates(parsed: CoordFile) -> None:
    seen: dict[str, int] = {}
    for parcel in parsed.parcels:
        if not parcel.number:
            continue
        if parcel.number in seen:
            parsed.add(parcel.line, Severity.ERROR, "duplicate",
                       tr("Parcel number {parcel} is used again (first on line {first}).").format(
                           parcel=parcel.number, first=seen[parcel.number]), parcel.number)
        else:
            seen[parcel.number] = parcel.line


def resolve_crs(parsed: CoordFile,
                override: QgsCoordinateReferenceSystem | None = None
                ) -> QgsCoordinateReferenceSystem | None:
    """The file's CRS from 带号, 几度分带 and the eastings; None (with an error) if unknown."""
    points = [p for parcel in parsed.parcels if not parcel.skipped for p in parcel.points]
    prefix = zone_prefix(points[0].y) if points else None
    odd = next((p for p in points if zone_prefix(p.y) != prefix), None)
    if odd is not None:
        parsed.add(odd.line, Severity.ERROR, "mixed-prefix",
                   tr("Y={y} differs in zone prefix from the file's first point (line {first})."
                      ).format(y=f"{odd.y:.4f}", first=points[0].line))
    zone = parsed.zone
    if prefix is not None and zone is not None and prefix != zone:
        parsed.add(points[0].line, Severity.ERROR, "zone-mismatch",
                   tr("带号={zone} but the Y values carry zone prefix {prefix}; the prefix is "
                      "used.").format(zone=zone, prefix=prefix))
    if override is not None and override.isValid():
        return override
    if not is_cgcs2000(parsed.header.get("坐标系", "2000")):
        return None
    zone = prefix if prefix is not None else zone
    crs = crs_for(zone, parsed.zone_width, prefix is not None) if zone is not None else None
    if (crs is None or not crs.isValid()) and points:
        parsed.add(parsed.header_lines.get("带号", 0), Severity.ERROR, "no-crs",
                   tr("Cannot tell the coordinate system (带号 {zone}); give the CRS override "
                      "parameter. The file is skipped.").format(zone=zone if zone else "?"))
        return None
    return crs if crs is not None and crs.isValid() else None


def settle_area_unit(parsed: CoordFile, parcel: Parcel, measured_ha: float,
                     unit: str | None = None) -> None:
    """The unit of a declared area written without a suffix: ``unit`` when the user gave one,
    else m² or 亩 when the figure is ≈10 000 or ≈15 times the measured hectares (said in a
    warning naming both figures), else 公顷 as the format defines."""
    if parcel.area_value is None or parcel.area_unit is not None:
        return
    if unit is not None:
        parcel.area_ha = parcel.area_value * TO_HA[unit]
        return
    detected = detect_unit(parcel.area_value, measured_ha)
    if detected is None:
        return
    parcel.area_ha = parcel.area_value * TO_HA[detected]
    parsed.add(parcel.line, Severity.WARNING, "area-unit",
               tr("Parcel {parcel}: the declared area {declared} is about {factor} times the "
                  "measured {measured} ha, so it is read as {unit} = {converted} ha. If the "
                  "file means another unit, set DECLARED_AREA_UNIT.").format(
                   parcel=label(parcel), declared=f"{parcel.area_value:g}",
                   factor=f"{1 / TO_HA[detected]:g}", measured=f"{measured_ha:.4f}",
                   unit=unit_name(detected), converted=f"{parcel.area_ha:.4f}"), label(parcel))


def check_area(parsed: CoordFile, parcel: Parcel, measured_ha: float, tolerance: float) -> None:
    """Compare the declared area with the measured one (``tolerance`` relative, e.g. 0.001)."""
    if parcel.area_ha is None:
        return
    if abs(parcel.area_ha - measured_ha) > max(tolerance * measured_ha, _AREA_FLOOR_HA):
        parsed.add(parcel.line, Severity.WARNING, "area",
                   tr("Parcel {parcel}: declared area {declared} ha differs from the measured "
                      "{measured} ha by more than {tolerance} %.").format(
                       parcel=label(parcel), declared=f"{parcel.area_ha:.4f}",
                       measured=f"{measured_ha:.4f}", tolerance=f"{tolerance * 100:g}"),
                   label(parcel))


def check_geometry(parsed: CoordFile, parcel: Parcel, geometry: QgsGeometry) -> None:
    """Rings that cross each other (after each ring passed on its own) make a bad polygon."""
    name = label(parcel)
    if len(parcel.rings()) < 2 or any(i.code == "self-intersection" and i.parcel == name
                                      for i in parsed.issues):
        return  # a single ring's problem has had its own, more precise message
    if not geometry.isGeosValid():
        parsed.add(parcel.line, Severity.ERROR, "rings-overlap",
                   tr("Parcel {parcel}: its rings cross or overlap each other.").format(
                       parcel=label(parcel)), label(parcel))


AreaMeasure = Callable[[QgsGeometry], float]
