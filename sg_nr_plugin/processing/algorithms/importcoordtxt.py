"""sgnr:importcoordtxt — project coordinate files (报部坐标 .txt) → polygon layer + report."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.coordtxt.axes import AXIS_AUTO
from ...core.coordtxt.model import Issue, Severity
from ...core.coordtxt.parser import read_file
from ...core.coordtxt.reader import (
    ImportResult,
    collect_paths,
    import_fields,
    load_parsed,
    to_feature,
)
from ...core.coordtxt.units import UNIT_CHOICES
from ...core.errors import SgNrError
from ...i18n import tr
from ..base import SgNrAlgorithm

REPORT_FIELDS = (("FILE", QVariant.String), ("LINE", QVariant.Int), ("PARCEL", QVariant.String),
                 ("SEVERITY", QVariant.String), ("CODE", QVariant.String),
                 ("MESSAGE", QVariant.String))


class CoordTxtAlgorithm(SgNrAlgorithm):
    """Shared base of the two coordinate-file algorithms (no id: not registered itself)."""

    GROUP_ID = "coordinates"

    def group_name(self) -> str:
        return tr("Project coordinate files")


class ImportCoordTxt(CoordTxtAlgorithm):
    ALGORITHM_ID = "importcoordtxt"

    def display_name(self) -> str:
        return tr("Import project coordinate files")

    def help_text(self) -> str:
        return tr(
            "Reads project coordinate files (the ministry's 报部坐标 .txt exchange format) into a "
            "polygon layer, one feature per parcel (地块), and checks them.\n\n"
            "Input: one or more .txt files and/or a folder (all .txt files in it). GBK, UTF-8 "
            "(with or without BOM) and UTF-16 with BOM are detected; the log says which "
            "encoding each file had.\n"
            "Variants other writers produce are read, each with a warning: full-width "
            "punctuation and digits (，＠１【属性描述】), the easting written before the "
            "northing (AXIS_ORDER: auto from the magnitudes, or forced), points without a "
            "parcel header line, headers without the point count, areas with a unit suffix "
            "(公顷, 亩, 平方米, m2, ha), declared areas in m² or 亩 without suffix (auto: "
            "detected when the figure is about 10 000 or 15 times the measured hectares; or "
            "set DECLARED_AREA_UNIT), ring numbers restarted at 1 for each part, extra header "
            "fields (浙江) and extra header keys ([项目信息]).\n"
            "Coordinate system: from the header (2000国家大地坐标系, 几度分带, 带号) and the Y "
            "values — EPSG:4488+zone when Y carries the zone prefix, EPSG:4509+zone (CM form) "
            "otherwise. Give the CRS override for other systems. Files in different systems "
            "are transformed to the first file's system (or the override).\n"
            "Rings: ring number 1 is the outer ring; the other rings become holes or further "
            "parts depending on whether they lie inside another ring.\n"
            "Checks, each reported with file and line: missing or contradictory header keys "
            "(带号 against the Y prefix), point count against listed points, unclosed rings, "
            "rings with fewer than 4 points, self-intersections, duplicate parcel numbers, "
            "declared area against the ellipsoidal area beyond the tolerance, X and Y "
            "swapped within a parcel. A parcel that cannot be read is skipped with a message; "
            "the rest is imported.\n"
            "Outputs: the parcel layer (fields JZDS point count, DKMJ declared area ha, JSMJ "
            "measured area ha, DKBH, DKMC, TXSX, TFH, DKYT, DLBM, SCDW, SCRQ, ZBX, DH, WJM "
            "file name, XMBH project id = file name without .txt, BM encoding, KZZD extra "
            "header fields, KZSX extra header keys) and an optional report table of all "
            "messages. The export writes DKMJ, SCDW, SCRQ, KZZD and KZSX back."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "INPUT", tr("Coordinate files (.txt)"), QgsProcessing.TypeFile, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "FOLDER", tr("Folder of coordinate files"),
            behavior=QgsProcessingParameterFile.Folder, optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            "CRS", tr("Override coordinate reference system"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            "AREA_TOLERANCE", tr("Area tolerance (%)"), QgsProcessingParameterNumber.Double,
            defaultValue=0.1, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            "AXIS_ORDER", tr("Axis order of the point lines"),
            [tr("Auto (from the magnitudes)"), tr("Northing (X) first"), tr("Easting (Y) first")],
            defaultValue=AXIS_AUTO, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "DECLARED_AREA_UNIT", tr("Unit of declared areas without a unit suffix"),
            [tr("Auto (公顷; m² or 亩 when the figures say so)"), tr("公顷 (ha)"), tr("m²"),
             tr("亩")], defaultValue=0, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", tr("Parcels"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "REPORT", tr("Validation report"), QgsProcessing.TypeVector, optional=True,
            createByDefault=False))

    def compute(self, parameters, context, feedback) -> dict:
        items = list(self.parameterAsFileList(parameters, "INPUT", context) or [])
        folder = self.parameterAsFile(parameters, "FOLDER", context)
        if folder:
            items.append(folder)
        paths = collect_paths(items)
        if not paths:
            raise SgNrError(tr("No coordinate files given: choose files or a folder."))
        override = self.parameterAsCrs(parameters, "CRS", context)
        tolerance = self.parameterAsDouble(parameters, "AREA_TOLERANCE", context) / 100.0
        options = {"axis_order": self.parameterAsEnum(parameters, "AXIS_ORDER", context),
                   "area_unit": UNIT_CHOICES[self.parameterAsEnum(
                       parameters, "DECLARED_AREA_UNIT", context)]}
        result = ImportResult()
        for index, path in enumerate(paths):
            if feedback.isCanceled():
                break
            parsed = read_file(path)
            result.files.append(parsed)
            result.parcels.extend(load_parsed(parsed, override if override.isValid() else None,
                                              tolerance=tolerance, **options))
            feedback.setProgress(80.0 * (index + 1) / len(paths))
        return self._write(parameters, context, feedback, result)

    def _write(self, parameters, context, feedback, result: ImportResult) -> dict:
        if not result.parcels:
            _log_issues(feedback, result.issues)
            raise SgNrError(tr("No parcel could be imported; see the messages above."))
        target = result.parcels[0].crs
        fields = import_fields()
        sink, dest = self.parameterAsSink(parameters, "OUTPUT", context, fields,
                                          QgsWkbTypes.MultiPolygon, target)
        for item in result.parcels:
            feature = to_feature(item, fields, target, context.transformContext())
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        outputs = {"OUTPUT": dest}
        report_dest = self._report(parameters, context, result.issues)
        if report_dest is not None:
            outputs["REPORT"] = report_dest
        _log_issues(feedback, result.issues)
        counts = {s: sum(i.severity == s for i in result.issues) for s in Severity}
        feedback.pushInfo(tr("{parcels} parcel(s) imported from {files} file(s); {skipped} "
                             "skipped; {errors} error(s), {warnings} warning(s).").format(
            parcels=len(result.parcels), files=len(result.files), skipped=result.skipped(),
            errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING]))
        outputs.update(PARCELS=len(result.parcels), SKIPPED=result.skipped(),
                       ERRORS=counts[Severity.ERROR], WARNINGS=counts[Severity.WARNING])
        return outputs

    def _report(self, parameters, context, issues: list[Issue]):
        fields = QgsFields()
        for name, kind in REPORT_FIELDS:
            fields.append(QgsField(name, kind))
        sink, dest = self.parameterAsSink(parameters, "REPORT", context, fields,
                                          QgsWkbTypes.NoGeometry)
        if sink is None:
            return None
        for issue in issues:
            feature = QgsFeature(fields)
            feature.setAttributes([issue.file, issue.line, issue.parcel, issue.severity.value,
                                   issue.code, issue.message])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        return dest


def _log_issues(feedback, issues: list[Issue]) -> None:
    for issue in issues:
        if issue.severity == Severity.ERROR:
            feedback.reportError(issue.text(), False)
        elif issue.severity == Severity.WARNING:
            feedback.pushWarning(issue.text())
        else:
            feedback.pushInfo(issue.text())
