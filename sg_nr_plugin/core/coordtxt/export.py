"""Export: polygon features → parcels grouped by project, in the Gauss-Kruger CRS of the file."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeature,
    QgsGeometry,
    QgsRectangle,
    QgsWkbTypes,
)

from ...i18n import tr
from ..errors import CrsError, SgNrError
from .geometry import oriented_rings
from .units import HA, TO_HA, detect_unit, parse_area, unit_name
from .writer import ExportParcel, FileHeader, clean_field

# Field names of an imported layer: a layer read by importcoordtxt exports without mapping
# and keeps what the file said (declared area, 数据产生单位/日期, extra fields and keys).
DEFAULT_FIELDS = {"project": "XMBH", "parcel": "DKBH", "name": "DKMC", "land_class": "DLBM",
                  "use": "DKYT", "sheet": "TFH", "extra": "KZZD", "producer": "SCDW",
                  "date": "SCRQ", "header": "KZSX"}
# DKMJ is the declared area (公顷) only in a layer the importer wrote (it has JSMJ beside it);
# elsewhere a DKMJ field may well hold m² or 亩, so it must be chosen explicitly.
IMPORT_AREA_FIELD, IMPORT_MEASURED_FIELD = "DKMJ", "JSMJ"
# Gauss-Kruger coordinates: |northing| below 10 000 km, eastings below 100 000 km with prefix.
_MAX_NORTHING, _MAX_EASTING = 10_000_000.0, 100_000_000.0


@dataclass
class FieldMap:
    """Which attribute feeds which part of the file (None: not written / numbered)."""

    project: str | None = None
    parcel: str | None = None
    name: str | None = None
    land_class: str | None = None
    use: str | None = None
    sheet: str | None = None
    area: str | None = None  # declared area in 公顷; None: the measured area is written
    extra: str | None = None
    producer: str | None = None
    date: str | None = None
    header: str | None = None

    def with_defaults(self, field_names: Iterable[str]) -> FieldMap:
        """Unset entries fall back to the import's field names when the layer has them."""
        names = set(field_names)
        values = {key: getattr(self, key) or (DEFAULT_FIELDS[key]
                                              if DEFAULT_FIELDS.get(key) in names else None)
                  for key in DEFAULT_FIELDS}
        imported = {IMPORT_AREA_FIELD, IMPORT_MEASURED_FIELD} <= names
        values["area"] = self.area or (IMPORT_AREA_FIELD if imported else None)
        return FieldMap(**values)


def output_crs(source: QgsCoordinateReferenceSystem, extent: QgsRectangle, prefixed: bool,
               context: QgsCoordinateTransformContext | None = None
               ) -> tuple[QgsCoordinateReferenceSystem, int, int]:
    """``(crs, zone, width)`` of the file: the layer's zone if it is CGCS2000 Gauss-Kruger,
    else the 3-degree zone of the extent's centre."""
    from .zones import crs_for, zone_for_longitude, zone_of_crs

    if source is None or not source.isValid():
        raise CrsError(tr("The input layer has no coordinate reference system."))
    known = zone_of_crs(source) or _zone_from_proj(source)
    if known is not None:
        zone, width, _ = known
    else:
        geographic = QgsCoordinateReferenceSystem("EPSG:4490")
        transform = QgsCoordinateTransform(source, geographic,
                                           context or QgsCoordinateTransformContext())
        centre = transform.transform(extent.center())
        zone, width = zone_for_longitude(centre.x()), 3
    crs = crs_for(zone, width, prefixed)
    if not crs.isValid():
        raise CrsError(tr("The layer lies outside the CGCS2000 Gauss-Kruger zones (zone {zone})."
                          ).format(zone=zone))
    return crs, zone, width


def is_polygon(geometry: QgsGeometry) -> bool:
    return not (geometry.isNull() or geometry.isEmpty()) and \
        geometry.type() == QgsWkbTypes.PolygonGeometry


def coordinate_problem(geometry: QgsGeometry, transform: QgsCoordinateTransform) -> str | None:
    """Why the geometry cannot be written (NaN/infinite vertex, a vertex no Gauss-Kruger zone
    holds, a failing transform), or None. Checked before measuring: the area engine overflows
    on coordinates near 1e15."""
    for vertex in geometry.vertices():
        if not (math.isfinite(vertex.x()) and math.isfinite(vertex.y())):
            return tr("vertex ({x}, {y}) is not a finite number (NaN or infinity)").format(
                x=vertex.x(), y=vertex.y())
    projected = QgsGeometry(geometry)
    try:
        projected.transform(transform)
    except QgsCsException:
        return tr("its coordinates cannot be transformed to {crs}").format(
            crs=transform.destinationCrs().authid())
    box = projected.boundingBox()  # one C++ call; vertices are walked only when it fails
    if _in_zone(box.xMinimum(), box.yMinimum()) and _in_zone(box.xMaximum(), box.yMaximum()):
        return None
    for source, target in zip(geometry.vertices(), projected.vertices()):
        if not _in_zone(target.x(), target.y()):
            return tr("vertex ({x}, {y}) lies outside any Gauss-Kruger zone (in {crs}: X={north}, "
                      "Y={east})").format(x=f"{source.x():g}", y=f"{source.y():g}",
                                          crs=transform.destinationCrs().authid(),
                                          north=f"{target.y():g}", east=f"{target.x():g}")
    return tr("its coordinates cannot be transformed to {crs}").format(
        crs=transform.destinationCrs().authid())


def _in_zone(east: float, north: float) -> bool:
    return math.isfinite(east) and math.isfinite(north) and abs(north) < _MAX_NORTHING and \
        abs(east) < _MAX_EASTING


def to_export_parcel(feature: QgsFeature, mapping: FieldMap, transform: QgsCoordinateTransform,
                     area_ha: float, number: str) -> ExportParcel | None:
    """One feature as a parcel (None for an empty or non-polygon geometry); ``area_ha`` is the
    area to write (declared or measured, see :func:`declared_area`)."""
    geometry = QgsGeometry(feature.geometry())
    if not is_polygon(geometry):
        return None
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    geometry.transform(transform)
    parts = oriented_rings(geometry)
    if not parts:
        return None

    def value(field_name: str | None) -> str:
        return clean_field(feature[field_name]) if field_name else ""

    extra = _text(feature, mapping.extra)
    return ExportParcel(value(mapping.parcel) or number, area_ha, parts, value(mapping.name),
                        value(mapping.sheet), value(mapping.use), value(mapping.land_class),
                        feature.id(), [clean_field(f) for f in extra.split(",")] if extra else [],
                        _text(feature, mapping.producer), _text(feature, mapping.date),
                        _text(feature, mapping.header))


def _text(feature: QgsFeature, field_name: str | None) -> str:
    value = feature[field_name] if field_name else None
    return "" if value is None or str(value) == "NULL" else str(value)


def declared_area(feature: QgsFeature, field_name: str | None, measured_ha: float,
                  where: str, tolerance: float = 0.001) -> tuple[float, str | None]:
    """``(公顷 to write, warning or None)``: the declared figure of ``field_name`` when it has
    one, else the measured area. A declared figure that is not a number, or about 10 000 or
    15 times the measured hectares (m² or 亩 in the field), stops the export: a ministry file
    must not carry it. ``where`` names the layer, feature and parcel for the messages."""
    text = _text(feature, field_name).strip()
    if not text:
        return measured_ha, None
    value, unit = parse_area(text)
    if value is None or value <= 0:
        raise SgNrError(tr("{where}: the declared area “{value}” in field {field} is not a "
                           "positive number; correct it, or leave the area field empty to "
                           "write the measured area.").format(where=where, value=text,
                                                               field=field_name))
    unit = unit or detect_unit(value, measured_ha)
    if unit not in (None, HA):
        raise SgNrError(tr("{where}: the declared area {value} in field {field} is about {factor} "
                           "times the measured {measured} ha: it is in {unit}, not 公顷. Convert "
                           "the field to 公顷, or leave the area field empty to write the "
                           "measured area.").format(
            where=where, value=text, field=field_name, factor=f"{1 / TO_HA[unit]:g}",
            measured=f"{measured_ha:.4f}", unit=unit_name(unit)))
    if abs(value - measured_ha) > max(tolerance * measured_ha, 0.0001):
        return value, tr("{where}: the declared area {declared} ha (field {field}) differs from "
                         "the measured {measured} ha by more than {tolerance} %; the declared "
                         "figure is written.").format(
            where=where, declared=f"{value:.4f}", field=field_name,
            measured=f"{measured_ha:.4f}", tolerance=f"{tolerance * 100:g}")
    return value, None


def file_header(zone: int, width: int, parcels: list[ExportParcel], producer: str, date: str,
                file_name: str) -> tuple[FileHeader, list[str]]:
    """The header of one file: the parameters, else what the parcels' imported file said
    (数据产生单位, 数据产生日期, extra keys). Parcels that disagree: the first wins, warned."""
    warnings = []

    def common(values: list[str], what: str) -> str:
        distinct = list(dict.fromkeys(v for v in values if v))
        if len(distinct) > 1:
            warnings.append(tr("{file}: the parcels carry different {what} ({values}); “{first}” "
                               "is written.").format(file=file_name, what=what,
                                                     values=", ".join(distinct[:5]),
                                                     first=distinct[0]))
        return distinct[0] if distinct else ""

    producer = producer or common([p.producer for p in parcels], "数据产生单位")
    date = date or common([p.date for p in parcels], "数据产生日期")
    extras = _header_extras(common([p.header for p in parcels], tr("extra header keys (KZSX)")))
    return FileHeader(zone, producer, date, width, extras=extras), warnings


def _header_extras(text: str) -> list[tuple[str, str, str]]:
    """KZSX → ``[(section, key, value)]``; anything else than that JSON shape is ignored."""
    try:
        rows = json.loads(text) if text else []
    except ValueError:
        return []
    if not isinstance(rows, list):
        return []
    return [(str(r[0]), str(r[1]), str(r[2])) for r in rows
            if isinstance(r, list) and len(r) == 3]


def project_of(feature: QgsFeature, mapping: FieldMap, default: str) -> str:
    if not mapping.project:
        return default
    return clean_field(feature[mapping.project]) or default


def _zone_from_proj(crs: QgsCoordinateReferenceSystem) -> tuple[int, int, bool] | None:
    """A Gauss-Kruger zone recognised from PROJ parameters (layers without an EPSG code,
    e.g. a Shapefile's “CGCS2000_3_Degree_GK_CM_114E”)."""
    from ..crs import cgcs2000_tmerc, gk_zone

    zone = gk_zone(crs)
    if zone is None:
        return None
    tm = cgcs2000_tmerc(crs)
    return zone, 3 if tm.lon_0 == 3.0 * zone else 6, tm.x_0 != 500000.0
