"""What distinguishes the three check panels: algorithm, layer roles and extra fields."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsMapLayerProxyModel, QgsRasterLayer, QgsVectorLayer, QgsWkbTypes

from ..core.checks.roles import LayerInfo
from ..i18n import tr

COMMON_ROLES = ("PROJECTS", "DLTB", "ECO_REDLINE", "PROTECTED_AREAS", "PUBLIC_FOREST",
                "URBAN_BOUNDARY", "BASIC_FARMLAND", "STEEP_SLOPE", "DEM", "HAZARDS",
                "FILED_PROJECTS")
LAYER_FILTERS = {"DEM": QgsMapLayerProxyModel.RasterLayer,
                 "HAZARDS": QgsMapLayerProxyModel.PointLayer,
                 "ROADS": QgsMapLayerProxyModel.LineLayer,
                 "RIVERS": QgsMapLayerProxyModel.LineLayer,
                 "WATER": QgsMapLayerProxyModel.HasGeometry}


@dataclass(frozen=True)
class DockConfig:
    name: str
    algorithm_id: str
    kind: str
    roles: tuple[str, ...] = COMMON_ROLES
    extra_fields: tuple[str, ...] = ()  # field parameters on PROJECTS

    def title(self) -> str:
        return {"farmland": tr("Farmland replenishment check"),
                "paddy": tr("Paddy-field reclamation check"),
                "mine": tr("Mine restoration check")}[self.name]


def dock_configs() -> list[DockConfig]:
    return [
        DockConfig("farmland", "sgnr:checkfarmland", "farmland",
                   extra_fields=("PLANNED_CLASS_FIELD", "GRADE_FIELD")),
        DockConfig("paddy", "sgnr:checkpaddy", "paddy", roles=COMMON_ROLES + ("WATER",),
                   extra_fields=("COUNTY_FIELD", "STATUS_FIELD")),
        DockConfig("mine", "sgnr:checkmine", "mine",
                   roles=COMMON_ROLES + ("LEGACY_MINES", "MINING_RIGHTS", "ROADS", "RIVERS"),
                   extra_fields=("DECLARED_MODE_FIELD",)),
    ]


def role_label(role: str) -> str:
    from ..processing.check_base import role_labels

    extra = {"LEGACY_MINES": tr("Legacy mine parcels"), "MINING_RIGHTS": tr("Mining rights"),
             "ROADS": tr("Roads"), "RIVERS": tr("Rivers"),
             "DECLARED_MODE_FIELD": tr("Declared restoration mode field"),
             "PLANNED_CLASS_FIELD": tr("Planned land-class field"),
             "GRADE_FIELD": tr("Planned quality grade field"),
             "WATER": tr("Water sources for irrigation (rivers, reservoirs, ditches)"),
             "COUNTY_FIELD": tr("County code field (empty: XZQDM)"),
             "STATUS_FIELD": tr("Project status field (empty: ZT)")}
    return {**role_labels(), **extra}.get(role, role)


def layer_info(layer) -> LayerInfo:
    if isinstance(layer, QgsRasterLayer):
        return LayerInfo(layer.id(), layer.name(), "raster")
    if isinstance(layer, QgsVectorLayer):
        kinds = {QgsWkbTypes.PolygonGeometry: "polygon", QgsWkbTypes.LineGeometry: "line",
                 QgsWkbTypes.PointGeometry: "point"}
        return LayerInfo(layer.id(), layer.name(), kinds.get(layer.geometryType(), "table"),
                         tuple(layer.fields().names()))
    return LayerInfo(layer.id(), layer.name(), "other")
