"""Parameters shared by the statistics algorithms (a public contract: names never change):
``REGION_LEVEL``, ``REGIONS``, ``REGION_FIELD``, ``UNIT``, ``OUTPUT``, ``OUTPUT_XLSX`` and
``ALLOW_UNRECOGNISED`` (for the statistics that classify DLBM).

Also the glue every statistics algorithm needs: reading those parameters into a
:class:`~sg_nr_plugin.core.stats.common.RegionSpec`, writing a DataFrame to the ``OUTPUT``
table sink and choosing whether a source may be aggregated in SQL.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProviderRegistry,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.stats.common import RegionSpec
from ..core.units import AreaUnit, unit_names
from ..i18n import tr
from .base import SgNrAlgorithm

REGION_LEVEL = "REGION_LEVEL"
REGIONS = "REGIONS"
REGION_FIELD = "REGION_FIELD"
UNIT = "UNIT"
OUTPUT = "OUTPUT"
OUTPUT_XLSX = "OUTPUT_XLSX"
ALLOW_UNRECOGNISED = "ALLOW_UNRECOGNISED"


class StatsAlgorithm(SgNrAlgorithm):
    """Base of the statistics algorithms: subclasses implement :meth:`compute`."""

    GROUP_ID = "statistics"

    def group_name(self) -> str:
        return tr("Statistics")



def region_level_names() -> list[str]:
    return [tr("Whole area"), tr("County (ZLDWDM[:6])"), tr("Township (ZLDWDM[:9])"),
            tr("Village (ZLDWDM[:12])")]


def add_region_parameters(algorithm, default_level: int = 1) -> None:
    """REGION_LEVEL, REGIONS and REGION_FIELD."""
    algorithm.addParameter(QgsProcessingParameterEnum(
        REGION_LEVEL, tr("Region level"), options=region_level_names(),
        defaultValue=default_level))
    algorithm.addParameter(QgsProcessingParameterFeatureSource(
        REGIONS, tr("Region polygons (optional; overrides the region level)"),
        [QgsProcessing.TypeVectorPolygon], optional=True))
    algorithm.addParameter(QgsProcessingParameterField(
        REGION_FIELD, tr("Region code or name field"), parentLayerParameterName=REGIONS,
        optional=True))


def add_unrecognised_parameter(algorithm) -> None:
    """ALLOW_UNRECOGNISED: optional, off: a statistic with unrecognised land-class codes over
    0.5 % of the area fails; on, it reports them in their own row with a warning."""
    algorithm.addParameter(QgsProcessingParameterBoolean(
        ALLOW_UNRECOGNISED, tr("Allow unrecognised land-class codes (report them in their own "
                               "row)"), defaultValue=False, optional=True))


def allow_unrecognised(algorithm, parameters, context) -> bool:
    return algorithm.parameterAsBool(parameters, ALLOW_UNRECOGNISED, context)


def add_output_parameters(algorithm, default_unit: int = AreaUnit.MU, table_name: str = "",
                          with_unit: bool = True) -> None:
    """UNIT, OUTPUT (a table without geometry) and the optional OUTPUT_XLSX workbook."""
    if with_unit:
        algorithm.addParameter(QgsProcessingParameterEnum(
            UNIT, tr("Area unit"), options=unit_names(), defaultValue=int(default_unit)))
    algorithm.addParameter(QgsProcessingParameterFeatureSink(
        OUTPUT, table_name or tr("Statistics table"), QgsProcessing.TypeVector))
    algorithm.addParameter(QgsProcessingParameterFileDestination(
        OUTPUT_XLSX, tr("Excel workbook"), tr("Excel workbooks (*.xlsx)"), optional=True,
        createByDefault=False))


def region_spec(algorithm, parameters, context) -> RegionSpec:
    level = algorithm.parameterAsEnum(parameters, REGION_LEVEL, context)
    regions = algorithm.parameterAsSource(parameters, REGIONS, context)
    if regions is None:
        return RegionSpec(level=level)
    layer = algorithm.parameterAsVectorLayer(parameters, REGIONS, context)
    field = algorithm.parameterAsString(parameters, REGION_FIELD, context)
    return RegionSpec(level=level, layer=regions, field=field,
                      layer_name=layer.name() if layer else REGIONS)


def layer_name(algorithm, parameters, name: str, context) -> str:
    """The name a report shows for an input: the layer's, or for ``file.gpkg|layername=X``
    given on the command line (where the layer is named after the file) ``X (file.gpkg)``."""
    layer = algorithm.parameterAsVectorLayer(parameters, name, context)
    if layer is None:
        return name
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    inner, path = parts.get("layerName") or "", parts.get("path") or ""
    if inner and path and layer.name() == Path(path).stem and inner != layer.name():
        return f"{inner} ({Path(path).name})"
    return layer.name()


def pushdown_layer(algorithm, parameters, name: str, context):
    """The layer behind a source parameter when SQL may aggregate it whole (no selection or
    feature limit), else None (the algorithm then streams the source)."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
            value.selectedFeaturesOnly or value.featureLimit != -1):
        return None
    return algorithm.parameterAsVectorLayer(parameters, name, context)


def write_frame(algorithm, parameters, context, frame, numeric: set[str]) -> str:
    """Write ``frame`` to the OUTPUT sink (no geometry); ``numeric`` columns become doubles."""
    fields = QgsFields()
    for column in frame.columns:
        if column in numeric:
            fields.append(QgsField(column, QVariant.Double, "double", 20, 6))
        elif str(frame[column].dtype).startswith("int"):
            fields.append(QgsField(column, QVariant.LongLong, "integer"))
        else:
            fields.append(QgsField(column, QVariant.String, "string", 254))
    sink, dest_id = algorithm.parameterAsSink(parameters, OUTPUT, context, fields,
                                              QgsWkbTypes.NoGeometry)
    for row in frame.itertuples(index=False):
        feature = QgsFeature(fields)
        feature.setAttributes([_plain(value) for value in row])
        sink.addFeature(feature, QgsFeatureSink.FastInsert)
    return dest_id


def _plain(value):
    """numpy scalars → Python (QVariant does not take numpy types); NaN → NULL."""
    value = value.item() if hasattr(value, "item") else value
    return None if isinstance(value, float) and value != value else value
