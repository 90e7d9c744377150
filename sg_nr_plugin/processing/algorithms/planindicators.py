"""sgnr:planindicators — 规划主要指标统计 (表1)."""

from __future__ import annotations

from qgis.core import QgsProcessing, QgsProcessingParameterFeatureSource, QgsProcessingParameterFile

from ...core.reports.indicators_xlsx import write_indicators_xlsx
from ...core.stats.common import RegionSpec
from ...core.stats.indicator_defs import load_indicators
from ...core.stats.indicators import IndicatorInputs, plan_indicators
from ...i18n import tr
from ..stats_params import (
    OUTPUT,
    OUTPUT_XLSX,
    StatsAlgorithm,
    add_output_parameters,
    add_region_parameters,
    add_unrecognised_parameter,
    allow_unrecognised,
    layer_name,
    pushdown_layer,
    region_spec,
    write_frame,
)

DLTB, DLTB_BASE, TARGETS = "DLTB", "DLTB_BASE", "TARGETS"
POLYGON_LAYERS = ("BASIC_FARMLAND", "ECO_REDLINE", "PROTECTED_AREAS", "URBAN_RENEWAL",
                  "RESTORATION")
MINING_RIGHTS = "MINING_RIGHTS"


def _layer_label(name: str) -> str:
    labels = {
        "BASIC_FARMLAND": tr("Permanent basic farmland (optional)"),
        "ECO_REDLINE": tr("Ecological protection red line (optional)"),
        "PROTECTED_AREAS": tr("Protected areas (optional)"),
        "URBAN_RENEWAL": tr("Urban renewal (三旧改造) completed (optional)"),
        "RESTORATION": tr("New afforestation and ecological restoration (optional)"),
    }
    return labels[name]


class PlanIndicators(StatsAlgorithm):
    ALGORITHM_ID = "planindicators"

    def display_name(self) -> str:
        return tr("Plan main indicators (Table 1)")

    def help_text(self) -> str:
        return tr(
            "Computes the main indicators of the Shaoguan 14th five-year natural-resources plan "
            "(Table 1) from the land-use status parcels (DLTB) and the optional layers, by "
            "region and for the whole area, and compares the whole-area values with the 2020 "
            "baselines and 2025 targets.\n\n"
            "From DLTB alone: cultivated land retained (ΣTBDLMJ of 0101/0102/0103), forest "
            "coverage (estimate on the 三调 basis: forest classes / total land × 100), wetland "
            "retained and total construction land, each from a named class set written into "
            "the output. With a base-vintage DLTB: new construction land (not construction "
            "then, construction now). With the optional layers: permanent basic farmland (net "
            "of field ridges), ecological red line, protected areas, new afforestation and "
            "restoration, urban renewal completed (dissolved: overlapping polygons count "
            "once; within the DLTB coverage) and the share of mining rights flagged as green "
            "mines (whole area only).\n\n"
            "An indicator whose input is missing is reported as 未计算 (not computed) with the "
            "reason, never as 0. Status: 达标 (target met), 未达标 (not met), 无目标 (no "
            "numeric target: provincial task, or a region row).\n\n"
            "Targets: a JSON file with the same structure as the bundled indicators.json "
            "replaces the plan's baselines, targets and class sets. Values are in the units of "
            "Table 1 (万亩, km², %, 亩), whatever the area unit parameter says.\n\n"
            "Outputs: a table (region_code, region_name, indicator_id, indicator, unit, value, "
            "baseline_2020, target_2025, kind, status, reason, definition) and optionally an "
            "Excel workbook in the layout of Table 1 with one sheet per indicator by region and "
            "bar charts by region.") + "\n\n" + tr(
            "Second-survey (二调) DLTB: the class-set indicators count each 二调 class through "
            "the crosswalk resources/data/crosswalk_second_third.json (e.g. 116 内陆滩涂 and 125 "
            "沼泽地 as wetland); the notes say the basis is 二调 and which indicators are "
            "approximate.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        polygon = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(
            DLTB, tr("Land-use status parcels (DLTB)"), polygon))
        self.addParameter(QgsProcessingParameterFeatureSource(
            DLTB_BASE, tr("Base-vintage DLTB (optional, for new construction land)"), polygon,
            optional=True))
        for name in POLYGON_LAYERS:
            self.addParameter(QgsProcessingParameterFeatureSource(
                name, _layer_label(name), polygon, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            MINING_RIGHTS, tr("Mining rights (optional, for green mines)"),
            [QgsProcessing.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterFile(
            TARGETS, tr("Indicator definitions and targets (JSON, optional)"),
            extension="json", optional=True))
        add_region_parameters(self)
        add_unrecognised_parameter(self)
        add_output_parameters(self, table_name=tr("Plan indicators"))

    def compute(self, parameters, context, feedback) -> dict:
        inputs = IndicatorInputs(
            dltb=self.parameterAsSource(parameters, DLTB, context),
            dltb_name=layer_name(self, parameters, DLTB, context),
            dltb_layer=pushdown_layer(self, parameters, DLTB, context),
            base=self.parameterAsSource(parameters, DLTB_BASE, context),
            base_name=layer_name(self, parameters, DLTB_BASE, context),
            allow_unrecognised=allow_unrecognised(self, parameters, context))
        for name in (*POLYGON_LAYERS, MINING_RIGHTS):
            source = self.parameterAsSource(parameters, name, context)
            if source is not None:
                inputs.layers[name] = (source, layer_name(self, parameters, name, context))
        targets = self.parameterAsFile(parameters, TARGETS, context)
        spec: RegionSpec = region_spec(self, parameters, context)
        frame = plan_indicators(inputs, spec, load_indicators(targets or None),
                                context.transformContext(), feedback)
        results = {OUTPUT: write_frame(self, parameters, context, frame,
                                       {"value", "baseline_2020", "target_2025"})}
        xlsx = self.parameterAsFileOutput(parameters, OUTPUT_XLSX, context)
        if xlsx:
            write_indicators_xlsx(frame, xlsx)
            results[OUTPUT_XLSX] = xlsx
        return results
