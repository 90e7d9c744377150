"""sgnr:overlaystats — 叠加面积统计."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExpression,
    QgsProcessingParameterFeatureSource,
)

from ...core.indb.overlaystats import indb_overlay_stats
from ...core.reports.stats_xlsx import write_overlay_xlsx
from ...core.stats.overlaystats import overlay_stats
from ...core.units import to_unit
from ...i18n import tr
from ..indb_params import add_indb_parameters, indb_options
from ..stats_params import (
    OUTPUT,
    OUTPUT_XLSX,
    UNIT,
    StatsAlgorithm,
    add_output_parameters,
    add_region_parameters,
    layer_name,
    pushdown_layer,
    region_spec,
    write_frame,
)

INPUT, INPUT_FILTER = "INPUT", "INPUT_FILTER"
OVERLAY, OVERLAY_FILTER = "OVERLAY", "OVERLAY_FILTER"
AREA_MODE = "AREA_MODE"


class OverlayStats(StatsAlgorithm):
    ALGORITHM_ID = "overlaystats"
    PARAMETER_ROLES = {INPUT: "DLTB"}

    def display_name(self) -> str:
        return tr("Overlay area statistics")

    def help_text(self) -> str:
        return tr(
            "How much of the input parcels lies inside an overlay layer, per region — for "
            "example cultivated land inside the ecological protection red line, by county.\n\n"
            "Input filter: an expression choosing the parcels (e.g. \"DLBM\" LIKE '01%' for "
            "cultivated land). Overlay filter: an expression choosing the overlay features.\n\n"
            "The overlay is dissolved under each parcel, so where overlay polygons overlap the "
            "area is counted once. Areas are ellipsoidal on the CGCS2000 ellipsoid, whatever "
            "the project settings. Area mode 'gross' measures the parcel pieces; 'net' gives "
            "each parcel its net class area TBDLMJ in proportion to the share of the parcel "
            "inside the overlay (field ridges excluded).\n\n"
            "Regions: by the location code ZLDWDM at the chosen level, or by a region polygon "
            "layer holding each parcel's interior point.\n\n"
            "Output rows: region_code, region_name, area_input, area_inside (in the chosen "
            "unit), share_pct (percent of the input inside the overlay) and the parcel count; "
            "optionally an Excel workbook with the same table and a sheet naming the sources.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterFeatureSource(
            INPUT, tr("Input parcels (e.g. DLTB)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterExpression(
            INPUT_FILTER, tr("Input filter expression"), parentLayerParameterName=INPUT,
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            OVERLAY, tr("Overlay layer (e.g. ecological red line)"),
            [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterExpression(
            OVERLAY_FILTER, tr("Overlay filter expression"), parentLayerParameterName=OVERLAY,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            AREA_MODE, tr("Area mode"),
            options=[tr("Gross ellipsoidal area"), tr("Net: share of TBDLMJ")], defaultValue=0))
        add_region_parameters(self)
        add_output_parameters(self, table_name=tr("Overlay statistics"))
        add_indb_parameters(self)

    def compute(self, parameters, context, feedback) -> dict:
        unit = self.parameterAsEnum(parameters, UNIT, context)
        frame = self.in_database(parameters, context, feedback)
        frame = frame if frame is not None else overlay_stats(
            self.parameterAsSource(parameters, INPUT, context),
            self.parameterAsSource(parameters, OVERLAY, context),
            region_spec(self, parameters, context),
            area_mode=self.parameterAsEnum(parameters, AREA_MODE, context),
            input_filter=self.parameterAsExpression(parameters, INPUT_FILTER, context) or None,
            overlay_filter=self.parameterAsExpression(parameters, OVERLAY_FILTER, context)
            or None,
            transform_context=context.transformContext(),
            layer_name=layer_name(self, parameters, INPUT, context),
            overlay_name=layer_name(self, parameters, OVERLAY, context), feedback=feedback)
        table = frame.copy()
        for column in ("area_input", "area_inside"):
            table[column] = [to_unit(value, unit) for value in frame[column]]
        table = table[["region_code", "region_name", "area_input", "area_inside", "share_pct",
                       "parcels"]]
        results = {OUTPUT: write_frame(self, parameters, context, table,
                                       {"area_input", "area_inside", "share_pct"})}
        xlsx = self.parameterAsFileOutput(parameters, OUTPUT_XLSX, context)
        if xlsx:
            write_overlay_xlsx(frame, xlsx, unit)
            results[OUTPUT_XLSX] = xlsx
        return results

    def in_database(self, parameters, context, feedback):
        """The table computed inside PostGIS, or None: the desktop computes it."""
        enabled, timeout = indb_options(self, parameters, context)
        if not enabled:
            return None
        return indb_overlay_stats(
            pushdown_layer(self, parameters, INPUT, context),
            pushdown_layer(self, parameters, OVERLAY, context),
            region_spec(self, parameters, context),
            area_mode=self.parameterAsEnum(parameters, AREA_MODE, context),
            input_filter=self.parameterAsExpression(parameters, INPUT_FILTER, context) or None,
            overlay_filter=self.parameterAsExpression(parameters, OVERLAY_FILTER, context)
            or None, layer_name=layer_name(self, parameters, INPUT, context),
            overlay_name=layer_name(self, parameters, OVERLAY, context), feedback=feedback,
            timeout_s=timeout)
