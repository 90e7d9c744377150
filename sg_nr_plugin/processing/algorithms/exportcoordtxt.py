"""sgnr:exportcoordtxt — polygon layer → project coordinate files (报部坐标 .txt)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingFeatureSource,
    QgsProcessingOutputMultipleLayers,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterString,
)

from ...core.area import EllipsoidalArea
from ...core.coordtxt.export import FieldMap, output_crs, project_of, to_export_parcel
from ...core.coordtxt.writer import (
    ENCODINGS,
    ExportParcel,
    FileHeader,
    encode,
    format_file,
    safe_file_name,
    write_atomic,
)
from ...core.errors import EmptyInputError, SgNrError
from ...core.reading import read_features
from ...i18n import tr
from .importcoordtxt import CoordTxtAlgorithm

# QGIS 3.22 spells it on the class; later versions also as Qgis.ProcessingFeatureSourceFlag
_SKIP_VALIDITY_CHECKS = getattr(QgsProcessingFeatureSource, "FlagSkipGeometryValidityChecks",
                                None)
if _SKIP_VALIDITY_CHECKS is None:
    _SKIP_VALIDITY_CHECKS = Qgis.ProcessingFeatureSourceFlag.SkipGeometryValidityChecks

FIELD_PARAMETERS = (("PROJECT_FIELD", "project"), ("PARCEL_FIELD", "parcel"),
                    ("NAME_FIELD", "name"), ("LANDCLASS_FIELD", "land_class"),
                    ("USE_FIELD", "use"))


class ExportCoordTxt(CoordTxtAlgorithm):
    ALGORITHM_ID = "exportcoordtxt"

    def display_name(self) -> str:
        return tr("Export project coordinate files")

    def help_text(self) -> str:
        return tr(
            "Writes polygons (all features, or the selected ones when “Selected features "
            "only” is ticked) as project coordinate files in the ministry's 报部坐标 .txt "
            "exchange format.\n\n"
            "Files: one file per project (the project field's value, made safe as a file "
            "name) or one file holding every parcel (named by the file name parameter).\n"
            "Fields: choose which attributes give the project, parcel number, name, land class "
            "and use. Unset, the importer's fields (XMBH, DKBH, DKMC, DLBM, DKYT, TFH) are "
            "used when the layer has them; parcels without a number are numbered 1, 2, 3… in "
            "each file.\n"
            "Geometry: each feature is one parcel (地块). Points are named J1, J2… through all "
            "rings of the parcel; rings are numbered 1 (outer), 2, 3…; each ring ends on its "
            "first point. Outer rings run clockwise and holes counter-clockwise as seen on the "
            "map (north up), which is clockwise in the surveyors' X-north/Y-east frame. "
            "Coordinates have 4 decimals, X = northing first, Y = easting (with the zone "
            "prefix unless unticked), in the CGCS2000 3-degree Gauss-Kruger zone of the layer "
            "(or of its centre when the layer is in another system).\n"
            "Area: the ellipsoidal area in 公顷 (4 decimals) from the plugin's area engine.\n"
            "Header: 数据产生单位 and 数据产生日期 from the parameters (date defaults to "
            "today); encoding GBK (the monitoring system's) or UTF-8. Each file is written to "
            "a temporary name and then moved into place."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", tr("Project parcels"), [QgsProcessing.TypeVectorPolygon]))
        labels = {"PROJECT_FIELD": tr("Project id field (one file per project)"),
                  "PARCEL_FIELD": tr("Parcel number field"), "NAME_FIELD": tr("Name field"),
                  "LANDCLASS_FIELD": tr("Land class field"), "USE_FIELD": tr("Use field")}
        for name, _ in FIELD_PARAMETERS:
            self.addParameter(QgsProcessingParameterField(
                name, labels[name], parentLayerParameterName="INPUT", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "MODE", tr("Files"), [tr("One file per project"), tr("One file with all parcels")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            "FILE_NAME", tr("File name (one file, or parcels without a project id)"),
            defaultValue="coordinates"))
        self.addParameter(QgsProcessingParameterString(
            "PRODUCER", tr("Producer (数据产生单位)"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(
            "DATE", tr("Date (数据产生日期, empty for today)"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "ZONE_PREFIX", tr("Y with the zone prefix"), defaultValue=True))
        self.addParameter(QgsProcessingParameterEnum(
            "ENCODING", tr("Encoding"), list(ENCODINGS), defaultValue=0))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT", tr("Output folder")))
        self.addOutput(QgsProcessingOutputMultipleLayers("FILES", tr("Files written")))
        self.addOutput(QgsProcessingOutputNumber("PARCELS", tr("Parcels written")))

    def compute(self, parameters, context, feedback) -> dict:
        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None or source.featureCount() == 0:
            raise EmptyInputError(source.sourceName() if source else "INPUT")
        mapping = FieldMap(**{key: self.parameterAsString(parameters, name, context) or None
                              for name, key in FIELD_PARAMETERS})
        mapping = mapping.with_defaults(source.fields().names())
        default_name = self.parameterAsString(parameters, "FILE_NAME", context) or "coordinates"
        crs, zone, width = output_crs(source.sourceCrs(), source.sourceExtent(),
                                      self.parameterAsBool(parameters, "ZONE_PREFIX", context),
                                      context.transformContext())
        feedback.pushInfo(tr("Writing coordinates in {crs}.").format(crs=crs.authid()))
        groups = self._parcels(source, mapping, crs, default_name, context, feedback)
        if self.parameterAsEnum(parameters, "MODE", context) == 1:
            groups = {default_name: [p for parcels in groups.values() for p in parcels]}
        header = FileHeader(zone, self.parameterAsString(parameters, "PRODUCER", context),
                            self.parameterAsString(parameters, "DATE", context), width)
        encoding = ENCODINGS[self.parameterAsEnum(parameters, "ENCODING", context)]
        folder = Path(self.parameterAsString(parameters, "OUTPUT", context))
        if feedback.isCanceled():
            return {}
        # encode every file before writing any: a character GBK lacks leaves no partial set
        encoded, used = [], set()
        for project, parcels in groups.items():
            target = folder / safe_file_name(project, used)
            _warn_duplicates(feedback, target.name, parcels)
            encoded.append((target, encode(format_file(header, parcels), encoding, target.name)))
        files = [str(write_atomic(target, data)) for target, data in encoded]
        feedback.pushInfo(tr("{parcels} parcel(s) written to {files} file(s) in {folder}.")
                          .format(parcels=sum(len(p) for p in groups.values()),
                                  files=len(files),
                                  folder=self.final_path("OUTPUT", str(folder))))
        return {"OUTPUT": str(folder), "FILES": files,
                "PARCELS": sum(len(p) for p in groups.values())}

    def _parcels(self, source, mapping: FieldMap, crs, default_name: str, context,
                 feedback) -> dict[str, list[ExportParcel]]:
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        # invalid geometries are exported as they are (with a warning), not dropped: the
        # technician must see them in the file rather than lose a parcel silently
        features = [f for f in read_features(source, QgsFeatureRequest(), source.sourceName(),
                                             flags=_SKIP_VALIDITY_CHECKS)
                    if not feedback.isCanceled()]
        # one batch call: the area engine is several times faster on many geometries at once
        areas = EllipsoidalArea(source.sourceCrs(), context.transformContext()).measure_many(
            [f.geometry() for f in features])
        groups: dict[str, list[ExportParcel]] = {}
        for index, (feature, area_m2) in enumerate(zip(features, areas)):
            if feedback.isCanceled():
                break
            project = project_of(feature, mapping, default_name)
            number = str(len(groups.get(project, [])) + 1)
            parcel = to_export_parcel(feature, mapping, transform, float(area_m2), number)
            if parcel is None:
                feedback.pushWarning(tr("Feature {fid} has no polygon geometry; skipped.")
                                     .format(fid=feature.id()))
                continue
            if not feature.geometry().isGeosValid():
                feedback.pushWarning(tr("Feature {fid} (parcel {parcel}) has an invalid geometry; "
                                        "it is written as it is and will be rejected at filing.")
                                     .format(fid=feature.id(), parcel=parcel.number))
            groups.setdefault(project, []).append(parcel)
            feedback.setProgress(90.0 * (index + 1) / max(len(features), 1))
        if not groups:
            raise SgNrError(tr("No feature with a polygon geometry to export."))
        return groups


def _warn_duplicates(feedback, file_name: str, parcels: list[ExportParcel]) -> None:
    for number, count in Counter(p.number for p in parcels).items():
        if count > 1:
            feedback.pushWarning(tr("{file}: parcel number {parcel} is used {count} times; the "
                                    "monitoring system rejects duplicates.").format(
                file=file_name, parcel=number, count=count))
