"""sgnr:changematrix — 地类转移矩阵."""

from __future__ import annotations

from qgis.core import QgsProcessing, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSource

from ...core.indb.changematrix import indb_change_matrix
from ...core.reports.stats_xlsx import write_change_xlsx
from ...core.stats.changematrix import change_matrix
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
    add_unrecognised_parameter,
    allow_unrecognised,
    layer_name,
    pushdown_layer,
    region_spec,
    write_frame,
)

BASE, CURRENT, CLASS_LEVEL = "BASE", "CURRENT", "CLASS_LEVEL"


class ChangeMatrix(StatsAlgorithm):
    ALGORITHM_ID = "changematrix"
    PARAMETER_ROLES = {CURRENT: "DLTB"}

    def display_name(self) -> str:
        return tr("Land-class change matrix")

    def help_text(self) -> str:
        return tr(
            "Cross-tabulates two vintages of the land-use status parcels (DLTB): for every "
            "region, the area that was class A in the base vintage and is class B in the "
            "current one.\n\n"
            "Class level: second-level classes (DLBM; K codes with their base class), "
            "first-level classes, or the three major categories (agricultural, construction, "
            "unused land). The area of new construction land (not construction in the base, "
            "construction now) is what the plan indicator 'new construction land' reports.\n\n"
            "The two vintages are intersected tile by tile, so a million parcels never sit in "
            "memory together; areas are ellipsoidal on the CGCS2000 ellipsoid (gross, like "
            "TBMJ). Current land the base vintage does not cover appears with the source class "
            "NONE. The region of a piece is the region of the current parcel (ZLDWDM at the "
            "chosen level, or a region polygon layer).\n\n"
            "Output rows: region_code, region_name, from_class, to_class (with their names) and "
            "area in the chosen unit; optionally an Excel workbook with one matrix per region."
        ) + "\n\n" + tr(
            "A second-survey (二调) vintage against a 三调 one: the 二调 classes are mapped "
            "through the crosswalk resources/data/crosswalk_second_third.json to the 三调 class "
            "or group of the chosen level; a 二调 class whose 三调 split is unknown keeps its "
            "group (031 有林地 → 03 林地, 201–203 → 20 城镇村及工矿用地). The notes say so.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterFeatureSource(
            BASE, tr("Base vintage DLTB"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            CURRENT, tr("Current vintage DLTB"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterEnum(
            CLASS_LEVEL, tr("Class level"),
            options=[tr("Second-level classes"), tr("First-level classes"),
                     tr("Three major categories")], defaultValue=0))
        add_region_parameters(self)
        add_unrecognised_parameter(self)
        add_output_parameters(self, table_name=tr("Change matrix"))
        add_indb_parameters(self)

    def compute(self, parameters, context, feedback) -> dict:
        unit = self.parameterAsEnum(parameters, UNIT, context)
        frame = self.in_database(parameters, context, feedback)
        frame = frame if frame is not None else change_matrix(
            self.parameterAsSource(parameters, BASE, context),
            self.parameterAsSource(parameters, CURRENT, context),
            region_spec(self, parameters, context),
            self.parameterAsEnum(parameters, CLASS_LEVEL, context), context.transformContext(),
            layer_name(self, parameters, BASE, context),
            layer_name(self, parameters, CURRENT, context), feedback,
            allow_unrecognised(self, parameters, context))
        table = frame[["region_code", "region_name", "from_class", "from_name", "to_class",
                       "to_name"]].copy()
        table["area"] = [to_unit(value, unit) for value in frame.area_m2]
        results = {OUTPUT: write_frame(self, parameters, context, table, {"area"})}
        xlsx = self.parameterAsFileOutput(parameters, OUTPUT_XLSX, context)
        if xlsx:
            write_change_xlsx(frame, xlsx, unit)
            results[OUTPUT_XLSX] = xlsx
        return results

    def in_database(self, parameters, context, feedback):
        """The table computed inside PostGIS, or None: the desktop computes it."""
        enabled, timeout = indb_options(self, parameters, context)
        if not enabled:
            return None
        return indb_change_matrix(
            pushdown_layer(self, parameters, BASE, context),
            pushdown_layer(self, parameters, CURRENT, context),
            region_spec(self, parameters, context),
            self.parameterAsEnum(parameters, CLASS_LEVEL, context),
            layer_name(self, parameters, BASE, context),
            layer_name(self, parameters, CURRENT, context), feedback,
            allow_unrecognised(self, parameters, context), timeout_s=timeout)
