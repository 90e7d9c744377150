"""Export: polygon features → parcels grouped by project, in the Gauss-Kruger CRS of the file."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsRectangle,
    QgsWkbTypes,
)

from ...i18n import tr
from ..errors import CrsError
from .geometry import oriented_rings
from .writer import ExportParcel, clean_field

# Field names of an imported layer: a layer read by importcoordtxt exports without mapping.
DEFAULT_FIELDS = {"project": "XMBH", "parcel": "DKBH", "name": "DKMC", "land_class": "DLBM",
                  "use": "DKYT", "sheet": "TFH"}


@dataclass
class FieldMap:
    """Which attribute feeds which part of the file (None: not written / numbered)."""

    project: str | None = None
    parcel: str | None = None
    name: str | None = None
    land_class: str | None = None
    use: str | None = None
    sheet: str | None = None

    def with_defaults(self, field_names: Iterable[str]) -> FieldMap:
        """Unset entries fall back to the import's field names when the layer has them."""
        names = set(field_names)
        values = {key: getattr(self, key) or (DEFAULT_FIELDS[key]
                                              if DEFAULT_FIELDS.get(key) in names else None)
                  for key in DEFAULT_FIELDS}
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


def to_export_parcel(feature: QgsFeature, mapping: FieldMap, transform: QgsCoordinateTransform,
                     area_m2: float, number: str) -> ExportParcel | None:
    """One feature as a parcel (None for an empty or non-polygon geometry); ``area_m2`` is its
    ellipsoidal area, measured by the caller in one batch."""
    geometry = QgsGeometry(feature.geometry())
    if not is_polygon(geometry):
        return None
    area_ha = area_m2 / 10_000.0
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    geometry.transform(transform)
    parts = oriented_rings(geometry)
    if not parts:
        return None

    def value(field_name: str | None) -> str:
        return clean_field(feature[field_name]) if field_name else ""

    return ExportParcel(value(mapping.parcel) or number, area_ha, parts, value(mapping.name),
                        value(mapping.sheet), value(mapping.use), value(mapping.land_class),
                        feature.id())


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
