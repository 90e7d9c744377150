"""sgnr:landusesummary — 土地利用现状分类面积汇总表."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
)

from ...core.reports.book import write_landuse_xlsx
from ...core.stats.landuse import landuse_summary
from ...core.units import to_unit
from ...i18n import tr
from ..stats_params import (
    OUTPUT,
    OUTPUT_XLSX,
    UNIT,
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

INPUT = "INPUT"
SPLIT_K = "SPLIT_K"


class LandUseSummary(StatsAlgorithm):
    ALGORITHM_ID = "landusesummary"
    PARAMETER_ROLES = {INPUT: "DLTB"}

    def display_name(self) -> str:
        return tr("Land-use status area summary")

    def help_text(self) -> str:
        return tr(
            "Sums the land-use status parcels (DLTB) by region and land class, as in the "
            "official 三调 summary table.\n\n"
            "Class areas are the net areas TBDLMJ (TBMJ − KCMJ where TBDLMJ is empty); the "
            "deducted field ridges ΣKCMJ form their own row 1203 田坎, so for every region the "
            "classes plus 田坎 add up to ΣTBMJ, the control area. Codes with the suffix K are "
            "counted with their base class unless 'Keep K codes apart' is ticked. Empty or "
            "unknown codes are never dropped: they form an 'unrecognised' row with their parcel "
            "count; when they cover more than 0.5 % of the area the run stops and lists them, "
            "unless 'Allow unrecognised land-class codes' is ticked. A DLBM stored as a number "
            "is read as its 三调 code (101 → 0101) with a warning. Values that would make a "
            "figure wrong (a negative area, KCXS outside [0, 1), text that is no plain number, "
            "TBDLMJ ≠ TBMJ − KCMJ) stop the run with the field, the values and their BSM.\n\n"
            "Regions: the region level cuts the location code ZLDWDM (county = first 6 "
            "characters, township = 9, village = 12; XZQDM or QSDWDM when the layer has no "
            "ZLDWDM); a region polygon layer, when given, assigns each parcel to the polygon "
            "holding its interior point instead.\n\n"
            "When DLTB is a GeoPackage or PostGIS table (not a selection) the sums are computed "
            "inside the database, which is much faster on a million parcels; the result is the "
            "same.\n\n"
            "Outputs: a table with region_code, region_name, dlbm, dlmc, area (in the chosen "
            "unit) and the parcel count; optionally an Excel workbook in the official layout "
            "(regions as rows, first- and second-level classes as column headers, totals) with "
            "a sheet naming the data sources and the area method.") + "\n\n" + tr(
            "Second-survey (二调) parcels, recognised from their fields (XZDWMJ, LXDWMJ, TKXS) "
            "and codes (011…205, also as numbers), are summed by 二调 class; 田坎 (TKMJ) is row "
            "123 and the linear (XZDWMJ) and scattered (LXDWMJ) areas are rows 线状地物 and "
            "零星地物, so the table still closes on ΣTBMJ; a note says so.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterFeatureSource(
            INPUT, tr("Land-use status parcels (DLTB)"), [QgsProcessing.TypeVectorPolygon]))
        add_region_parameters(self)
        self.addParameter(QgsProcessingParameterBoolean(
            SPLIT_K, tr("Keep K codes apart from their base class"), defaultValue=False))
        add_unrecognised_parameter(self)
        add_output_parameters(self, table_name=tr("Land-use summary"))

    def compute(self, parameters, context, feedback) -> dict:
        source = self.parameterAsSource(parameters, INPUT, context)
        name = layer_name(self, parameters, INPUT, context)
        unit = self.parameterAsEnum(parameters, UNIT, context)
        frame = landuse_summary(
            source, region_spec(self, parameters, context), layer_name=name,
            split_k=self.parameterAsBool(parameters, SPLIT_K, context), feedback=feedback,
            sql_layer=pushdown_layer(self, parameters, INPUT, context),
            allow_unrecognised=allow_unrecognised(self, parameters, context))
        if frame.attrs.get("pushed_down"):
            feedback.pushInfo(tr("Sums computed inside the database (SQL)."))
        table = frame[["region_code", "region_name", "dlbm", "dlmc"]].copy()
        table["area"] = [to_unit(value, unit) for value in frame.area_m2]
        table["count"] = frame["count"]
        results = {OUTPUT: write_frame(self, parameters, context, table, {"area"})}
        xlsx = self.parameterAsFileOutput(parameters, OUTPUT_XLSX, context)
        if xlsx:
            write_landuse_xlsx(frame, xlsx, unit)
            results[OUTPUT_XLSX] = xlsx
        return results
