"""The layers a check sheet's map draws: the inputs the check was given, reopened by the
thread that draws them, and the run's projects and findings as memory layers.

A check runs in a worker thread while the map canvas draws the project's layers: the layer
objects of the project must not be touched there. :class:`MapSource` is what the main thread
takes of an input in ``prepareAlgorithm`` (its data source and provider, plain text);
:func:`open_sources` opens new layers on them in the drawing thread. An input that cannot be
reopened by its source (a memory layer) is copied from the run's feature source, under the
projects only.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsGeometry,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...paths import resource_path
from ..reading import read_features

# Input role → style of resources/styles (the 三调 colours for DLTB).
ROLE_STYLES = {"DLTB": "DLTB", "ECO_REDLINE": "STBHHX", "PROTECTED_AREAS": "ZRBHD",
               "PUBLIC_FOREST": "GYL", "URBAN_BOUNDARY": "CZKFBJ", "BASIC_FARMLAND": "YJJBNT",
               "STEEP_SLOPE": "JZKKPD", "HAZARDS": "DZZHD", "LEGACY_MINES": "LSYLKS",
               "MINING_RIGHTS": "CKQ", "ROADS": "DL", "RIVERS": "HL"}
# Drawing order, bottom first; roles not listed are drawn above these.
ROLE_ORDER = ("DLTB", "STEEP_SLOPE", "PUBLIC_FOREST", "BASIC_FARMLAND", "URBAN_BOUNDARY",
              "PROTECTED_AREAS", "ECO_REDLINE", "LEGACY_MINES", "MINING_RIGHTS", "RIVERS",
              "ROADS", "HAZARDS")
REOPENABLE = {"ogr", "postgres", "spatialite", "gdal", "delimitedtext", "wfs", "oracle", "mssql"}
# A layer drawn with some transparency makes QGIS draw the map item as one image in the PDF
# (QgsLayoutItemMap::containsAdvancedEffects): one picture instead of thousands of vector
# parcels, so sheets stay small and open fast. The projects layer always has it.
RASTER_OPACITY = 0.95
FINDINGS_OPACITY = 0.9


@dataclass
class MapSource:
    """An input as the main thread saw it: role, layer name, data source and provider."""

    role: str
    name: str
    uri: str
    provider: str

    @classmethod
    def of(cls, role: str, layer, name: str | None = None) -> MapSource:
        return cls(role, name or layer.name(), layer.source(), layer.providerType())


def open_sources(sources: list[MapSource], fallback, crs, extent: QgsRectangle,
                 transform_context) -> list[QgsVectorLayer]:
    """New layers on ``sources`` (bottom first, styled). ``fallback(role)`` gives the run's
    feature source of a role, copied (features in ``extent``, in ``crs``) when its layer
    cannot be reopened."""
    rank = {role: i for i, role in enumerate(ROLE_ORDER)}
    layers = []
    for source in sorted(sources, key=lambda s: rank.get(s.role, len(rank))):
        layer = None
        if source.provider in REOPENABLE:
            layer = QgsVectorLayer(source.uri, source.name, source.provider)
        if layer is None or not layer.isValid():
            feature_source = fallback(source.role)
            if feature_source is None:
                continue
            layer = copy_source(feature_source, source.name, crs, extent, transform_context)
        style(layer, ROLE_STYLES.get(source.role))
        layers.append(layer)
    return layers


def copy_source(source, name: str, crs, extent: QgsRectangle, transform_context):
    """A memory layer holding the features of ``source`` within ``extent`` (in ``crs``)."""
    geometry = QgsWkbTypes.displayString(source.wkbType()) or "Polygon"
    layer = QgsVectorLayer(f"{geometry}?crs={source.sourceCrs().authid() or 'EPSG:4490'}",
                           name, "memory")
    if source.sourceCrs().authid() == "":
        layer.setCrs(source.sourceCrs())
    layer.dataProvider().addAttributes(source.fields().toList())
    layer.updateFields()
    transform = QgsCoordinateTransform(crs, source.sourceCrs(), transform_context)
    request = QgsFeatureRequest().setFilterRect(transform.transformBoundingBox(extent))
    features = list(read_features(source, request, layer_name=name))
    layer.dataProvider().addFeatures(features)
    return layer


def memory_layer(name: str, crs, fields: list[tuple[str, QVariant.Type]],
                 rows: list[tuple[QgsGeometry | None, list]]) -> QgsVectorLayer:
    """A polygon memory layer in ``crs`` with ``fields`` and features (geometry, values)."""
    layer = QgsVectorLayer("MultiPolygon", name, "memory")
    layer.setCrs(crs)
    layer.dataProvider().addAttributes([QgsField(n, kind) for n, kind in fields])
    layer.updateFields()
    features = []
    for geometry, values in rows:
        feature = QgsFeature(layer.fields())
        if geometry is not None and not geometry.isNull():
            feature.setGeometry(geometry)
        feature.setAttributes(values)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def style(layer: QgsVectorLayer, name: str | None) -> None:
    if name:
        path = resource_path("styles", f"{name}.qml")
        if path.is_file():
            layer.loadNamedStyle(str(path))


def map_extent(geometries: list[QgsGeometry]) -> QgsRectangle:
    """The box of every project, grown by more than a sheet's map shows around its project
    (the atlas margin, and the map's shape widening one side)."""
    box, largest = QgsRectangle(), 0.0
    box.setMinimal()
    for geometry in geometries:
        if geometry is not None and not geometry.isEmpty():
            bounds = geometry.boundingBox()
            box.combineExtentWith(bounds)
            largest = max(largest, bounds.width(), bounds.height())
    return box.buffered(largest + 200.0) if largest > 0 else box
