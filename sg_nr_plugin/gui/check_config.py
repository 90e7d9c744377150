"""What distinguishes the three check panels: algorithm, layer roles and field pickers.

Labels, geometry filters and field names all come from the one role table
(:mod:`sg_nr_plugin.core.schema.roles`).
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsMapLayerProxyModel, QgsRasterLayer, QgsVectorLayer, QgsWkbTypes

from ..core.checks.roles import LayerInfo
from ..core.schema.roles import role_table
from ..i18n import tr

COMMON_ROLES = ("PROJECTS", "DLTB", "ECO_REDLINE", "PROTECTED_AREAS", "PUBLIC_FOREST",
                "URBAN_BOUNDARY", "BASIC_FARMLAND", "STEEP_SLOPE", "DEM", "HAZARDS",
                "FILED_PROJECTS")
# Field parameters of every check algorithm (processing/check_base.py).
COMMON_FIELDS = ("PROJECT_ID_FIELD", "DECLARED_AREA_FIELD", "PROTECTED_ZONE_FIELD")
_FILTERS = {"polygon": QgsMapLayerProxyModel.PolygonLayer,
            "line": QgsMapLayerProxyModel.LineLayer,
            "point": QgsMapLayerProxyModel.PointLayer,
            "raster": QgsMapLayerProxyModel.RasterLayer}


@dataclass(frozen=True)
class DockConfig:
    name: str
    algorithm_id: str
    kind: str
    roles: tuple[str, ...] = COMMON_ROLES
    extra_fields: tuple[str, ...] = ()  # the algorithm's own field parameters

    def title(self) -> str:
        return {"farmland": tr("Farmland replenishment check"),
                "paddy": tr("Paddy-field reclamation check"),
                "mine": tr("Mine restoration check")}[self.name]

    @property
    def fields(self) -> tuple[str, ...]:
        """Every field picker of the panel (a field role of the table each)."""
        return COMMON_FIELDS + self.extra_fields


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
    """The label of a layer or field role in the interface language."""
    return role_table().label(role)


def layer_filter(role: str):
    """The layer picker's filter: the role's geometry (any geometry when several fit)."""
    geometry = role_table().layer(role).geometry
    if len(geometry) == 1:
        return _FILTERS[geometry[0]]
    return QgsMapLayerProxyModel.HasGeometry


def field_parent(field_role: str) -> str:
    """The layer role whose fields a field picker lists (PROJECTS, PROTECTED_AREAS…)."""
    return role_table().field(field_role).layer_role


def layer_info(layer) -> LayerInfo:
    if isinstance(layer, QgsRasterLayer):
        return LayerInfo(layer.id(), layer.name(), "raster")
    if isinstance(layer, QgsVectorLayer):
        kinds = {QgsWkbTypes.PolygonGeometry: "polygon", QgsWkbTypes.LineGeometry: "line",
                 QgsWkbTypes.PointGeometry: "point"}
        return LayerInfo(layer.id(), layer.name(), kinds.get(layer.geometryType(), "table"),
                         tuple(layer.fields().names()))
    return LayerInfo(layer.id(), layer.name(), "other")
