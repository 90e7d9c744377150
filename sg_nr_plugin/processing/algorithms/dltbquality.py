"""sgnr:dltbquality — 数据体检 (DLTB data health check)."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.quality import COLUMNS, INFO, check_dltb_quality
from ...i18n import tr
from ..stats_params import StatsAlgorithm, layer_name

INPUT, OUTPUT, OUTPUT_XLSX = "INPUT", "OUTPUT", "OUTPUT_XLSX"
LOGGED_FINDINGS = 50  # findings repeated in the log; the table holds every one


class DltbQuality(StatsAlgorithm):
    ALGORITHM_ID = "dltbquality"
    PARAMETER_ROLES = {INPUT: "DLTB"}

    def display_name(self) -> str:
        return tr("DLTB data health check")

    def help_text(self) -> str:
        return tr(
            "Checks a land-use status parcel layer (DLTB) before statistics are made from it, "
            "and lists every problem found, one row per finding: check id, severity (error, "
            "warning, info), BSM, feature id (feature_id), field, value and a message saying "
            "the fix.\n\n"
            "Checks: profile (三调, 二调 or 变更 data, recognised from the fields and the codes, "
            "and which field is read as what); code_domain (land-class codes that are not in "
            "the table, with their parcel count and area); area_net (TBDLMJ against TBMJ − "
            "KCMJ, or TBMJ − TKMJ − XZDWMJ − LXDWMJ for 二调), area_deduction (KCMJ against "
            "TBMJ × KCXS), area_measured (TBMJ against the parcel's CGCS2000 ellipsoidal area: "
            "an error above 1 %, else a warning); duplicate_bsm (an identifier used twice); "
            "duplicate_geometry and overlap (parcels with different BSMs covering the same land "
            "by more than 0.1 m², found with a spatial index); invalid_geometry and "
            "no_geometry; missing_field.\n\n"
            "Outputs: the findings table and optionally an Excel workbook with a summary sheet "
            "(profile, field mapping, findings by check) and the findings.")

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterFeatureSource(
            INPUT, tr("Land-use status parcels (DLTB)"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSink(
            OUTPUT, tr("Findings"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            OUTPUT_XLSX, tr("Excel workbook"), tr("Excel workbooks (*.xlsx)"), optional=True,
            createByDefault=False))

    def compute(self, parameters, context, feedback) -> dict:
        source = self.parameterAsSource(parameters, INPUT, context)
        report = check_dltb_quality(source, layer_name(self, parameters, INPUT, context),
                                    context.transformContext(), feedback)
        fields = QgsFields()
        for column in COLUMNS:
            kind = QVariant.LongLong if column == "feature_id" else QVariant.String
            fields.append(QgsField(column, kind))
        sink, dest_id = self.parameterAsSink(parameters, OUTPUT, context, fields,
                                             QgsWkbTypes.NoGeometry)
        logged = 0
        for finding in report.findings:
            feature = QgsFeature(fields)
            feature.setAttributes(finding.row())
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
            if finding.severity != INFO and logged < LOGGED_FINDINGS:
                feedback.pushWarning(finding.message)  # the table holds them all
                logged += 1
        feedback.pushInfo(tr("{n} finding(s) at error level in “{layer}”.").format(
            n=report.errors, layer=report.layer_name))
        results = {OUTPUT: dest_id}
        xlsx = self.parameterAsFileOutput(parameters, OUTPUT_XLSX, context)
        if xlsx:
            from ...core.reports.quality_xlsx import write_quality_xlsx

            write_quality_xlsx(report, xlsx)
            results[OUTPUT_XLSX] = xlsx
        return results
