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
from ...core.coordtxt.export import (
    FieldMap,
    coordinate_problem,
    declared_area,
    file_header,
    is_polygon,
    output_crs,
    project_of,
    to_export_parcel,
)
from ...core.coordtxt.manifest import ExportRecord, digest, foreign_files, stale_files
from ...core.coordtxt.writer import (
    ENCODINGS,
    ExportParcel,
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
                    ("USE_FIELD", "use"), ("AREA_FIELD", "area"))


class ExportCoordTxt(CoordTxtAlgorithm):
    ALGORITHM_ID = "exportcoordtxt"
    PARAMETER_ROLES = {"INPUT": "PROJECTS"}

    def display_name(self) -> str:
        return tr("Export project coordinate files")

    def help_text(self) -> str:
        return tr(
            "Writes polygons (all features, or the selected ones when “Selected features "
            "only” is ticked) as project coordinate files in the ministry's 报部坐标 .txt "
            "exchange format.\n\n"
            "Files: one file per project (the project field's value, made safe as a file "
            "name) or one file holding every parcel (named by the file name parameter).\n"
            "Fields: choose which attributes give the project, parcel number, name, land class, "
            "use and declared area. Unset, the importer's fields (XMBH, DKBH, DKMC, DLBM, DKYT, "
            "TFH, and DKMJ in a layer the importer wrote) are used when the layer has them; "
            "parcels without a number are numbered 1, 2, 3… in each file.\n"
            "Geometry: each feature is one parcel (地块). Points are named J1, J2… through all "
            "rings of the parcel; rings are numbered 1 (outer), 2, 3…; each ring ends on its "
            "first point. Outer rings run clockwise and holes counter-clockwise as seen on the "
            "map (north up), which is clockwise in the surveyors' X-north/Y-east frame. "
            "Coordinates have 4 decimals, X = northing first, Y = easting (with the zone "
            "prefix unless unticked), in the CGCS2000 3-degree Gauss-Kruger zone of the layer "
            "(or of its centre when the layer is in another system). A feature with a NaN or "
            "infinite vertex, or one outside any zone, is not written: it is named in the log "
            "and counted.\n"
            "Area: the declared area field (公顷) when there is one, else the ellipsoidal area "
            "in 公顷 (4 decimals) from the plugin's area engine. A declared figure about 10 000 "
            "or 15 times the measured hectares (m² or 亩) stops the export.\n"
            "Header: 数据产生单位 and 数据产生日期 from the parameters, else from an imported "
            "layer (SCDW, SCRQ), else empty and today; extra header keys and fields of an "
            "imported layer are written back; encoding GBK (the monitoring system's) or "
            "UTF-8. Each file is written to a temporary name and then moved into place.\n"
            "Folder: .txt files an earlier export wrote there and this one does not write again "
            "are removed; other .txt files (or files changed since) stop the export: choose an "
            "empty folder."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        self.addParameter(QgsProcessingParameterFeatureSource(
            "INPUT", tr("Project parcels"), [QgsProcessing.TypeVectorPolygon]))
        labels = {"PROJECT_FIELD": tr("Project id field (one file per project)"),
                  "PARCEL_FIELD": tr("Parcel number field"), "NAME_FIELD": tr("Name field"),
                  "LANDCLASS_FIELD": tr("Land class field"), "USE_FIELD": tr("Use field"),
                  "AREA_FIELD": tr("Declared area field (公顷; empty: the measured area)")}
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
            "DATE", tr("Date (数据产生日期; empty: an imported layer's, else today)"),
            defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "ZONE_PREFIX", tr("Y with the zone prefix"), defaultValue=True))
        self.addParameter(QgsProcessingParameterEnum(
            "ENCODING", tr("Encoding"), list(ENCODINGS), defaultValue=0))
        self.addParameter(QgsProcessingParameterFolderDestination(
            "OUTPUT", tr("Output folder")))
        self.addOutput(QgsProcessingOutputMultipleLayers("FILES", tr("Files written")))
        self.addOutput(QgsProcessingOutputNumber("PARCELS", tr("Parcels written")))
        self.addOutput(QgsProcessingOutputNumber(
            "EXCLUDED", tr("Features not written (invalid coordinates)")))
        self.addOutput(QgsProcessingOutputNumber(
            "REMOVED", tr("Files of the previous export removed")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        """After the staged files are in place: remove the previous export's files this run
        did not write again, and record what the folder now holds (core/coordtxt/manifest)."""
        self._cleanup = None
        results = super().processAlgorithm(parameters, context, feedback)
        if self._cleanup is not None:
            results["REMOVED"] = _replace_previous(feedback, *self._cleanup)
        return results

    def compute(self, parameters, context, feedback) -> dict:
        source = self.parameterAsSource(parameters, "INPUT", context)
        if source is None or source.featureCount() == 0:
            raise EmptyInputError(source.sourceName() if source else "INPUT")
        folder = Path(self.parameterAsString(parameters, "OUTPUT", context))
        final = Path(self.final_path("OUTPUT", str(folder)))
        record = ExportRecord()
        previous = record.files(final)
        _refuse_foreign_files(final, previous)
        mapping = FieldMap(**{key: self.parameterAsString(parameters, name, context) or None
                              for name, key in FIELD_PARAMETERS})
        mapping = mapping.with_defaults(source.fields().names())
        default_name = self.parameterAsString(parameters, "FILE_NAME", context) or "coordinates"
        crs, zone, width = output_crs(source.sourceCrs(), source.sourceExtent(),
                                      self.parameterAsBool(parameters, "ZONE_PREFIX", context),
                                      context.transformContext())
        feedback.pushInfo(tr("Writing coordinates in {crs}.").format(crs=crs.authid()))
        groups, excluded = self._parcels(source, mapping, crs, default_name, context, feedback)
        if self.parameterAsEnum(parameters, "MODE", context) == 1:
            groups = {default_name: [p for parcels in groups.values() for p in parcels]}
        producer = self.parameterAsString(parameters, "PRODUCER", context)
        date = self.parameterAsString(parameters, "DATE", context)
        encoding = ENCODINGS[self.parameterAsEnum(parameters, "ENCODING", context)]
        # encode every file before writing any: a character GBK lacks leaves no partial set
        encoded, used = [], set()
        for project, parcels in groups.items():
            target = folder / safe_file_name(project, used)
            _warn_duplicates(feedback, target.name, parcels)
            header, warnings = file_header(zone, width, parcels, producer, date, target.name)
            for warning in warnings:
                feedback.pushWarning(warning)
            encoded.append((target, encode(format_file(header, parcels), encoding, target.name)))
        if feedback.isCanceled():
            raise SgNrError(tr("The run was canceled: no output was written."))
        files = [str(write_atomic(target, data)) for target, data in encoded]
        self._cleanup = (record, final, previous,
                         {target.name: digest(data) for target, data in encoded})
        parcels_written = sum(len(p) for p in groups.values())
        feedback.pushInfo(tr("{parcels} parcel(s) written to {files} file(s) in {folder}.")
                          .format(parcels=parcels_written, files=len(files), folder=final))
        return {"OUTPUT": str(folder), "FILES": files, "PARCELS": parcels_written,
                "EXCLUDED": excluded}

    def _parcels(self, source, mapping: FieldMap, crs, default_name: str, context,
                 feedback) -> tuple[dict[str, list[ExportParcel]], int]:
        """Parcels grouped by project, and how many features were left out for coordinates
        that cannot go into a file (NaN, infinite, outside any zone)."""
        transform = QgsCoordinateTransform(source.sourceCrs(), crs, context.transformContext())
        # invalid geometries are exported as they are (with a warning), not dropped: the
        # technician must see them in the file rather than lose a parcel silently
        features = []
        for feature in read_features(source, QgsFeatureRequest(), source.sourceName(),
                                     flags=_SKIP_VALIDITY_CHECKS):
            if feedback.isCanceled():
                raise SgNrError(tr("The run was canceled: no output was written."))
            features.append(feature)
        layer = source.sourceName()
        kept, excluded = [], 0
        for feature in features:
            geometry = feature.geometry()
            problem = coordinate_problem(geometry, transform) if is_polygon(geometry) else None
            if problem is None:
                kept.append(feature)
                continue
            excluded += 1
            feedback.reportError(tr("Layer “{layer}”, feature {fid} (parcel {parcel}): {problem}; "
                                    "the feature is not written.").format(
                layer=layer, fid=feature.id(), parcel=_parcel_label(feature, mapping),
                problem=problem), False)
        if excluded:
            feedback.pushWarning(tr("{count} feature(s) of layer “{layer}” were not written "
                                    "because of invalid coordinates (see above): the files lack "
                                    "these parcels.").format(count=excluded, layer=layer))
        # one batch call: the area engine is several times faster on many geometries at once
        areas = EllipsoidalArea(source.sourceCrs(), context.transformContext()).measure_many(
            [f.geometry() for f in kept])
        groups: dict[str, list[ExportParcel]] = {}
        for index, (feature, area_m2) in enumerate(zip(kept, areas)):
            if feedback.isCanceled():
                raise SgNrError(tr("The run was canceled: no output was written."))
            project = project_of(feature, mapping, default_name)
            number = str(len(groups.get(project, [])) + 1)
            where = tr("Layer “{layer}”, feature {fid} (parcel {parcel})").format(
                layer=layer, fid=feature.id(), parcel=_parcel_label(feature, mapping))
            area_ha, warning = declared_area(feature, mapping.area, float(area_m2) / 10_000.0,
                                             where)
            parcel = to_export_parcel(feature, mapping, transform, area_ha, number)
            if parcel is None:
                feedback.pushWarning(tr("Feature {fid} has no polygon geometry; skipped.")
                                     .format(fid=feature.id()))
                continue
            if warning:
                feedback.pushWarning(warning)
            if not feature.geometry().isGeosValid():
                feedback.pushWarning(tr("Feature {fid} (parcel {parcel}) has an invalid geometry; "
                                        "it is written as it is and will be rejected at filing.")
                                     .format(fid=feature.id(), parcel=parcel.number))
            groups.setdefault(project, []).append(parcel)
            feedback.setProgress(90.0 * (index + 1) / max(len(kept), 1))
        if not groups and excluded:
            raise SgNrError(tr("Nothing was exported: the {count} feature(s) with a polygon "
                               "geometry all have invalid coordinates (see above).").format(
                count=excluded))
        if not groups:
            raise SgNrError(tr("No feature with a polygon geometry to export."))
        return groups, excluded


def _parcel_label(feature, mapping: FieldMap) -> str:
    value = feature[mapping.parcel] if mapping.parcel else None
    return "?" if value is None or str(value) in ("", "NULL") else str(value)


def _refuse_foreign_files(folder: Path, previous: dict[str, str]) -> None:
    """New files mixed with someone else's .txt files would be filed together: refuse."""
    foreign = foreign_files(folder, previous)
    if foreign:
        raise SgNrError(tr("The output folder “{folder}” already holds {count} .txt file(s) this "
                           "export did not write (or that were changed since): {names}. They "
                           "would be mixed with the new files: choose an empty folder, or move "
                           "these files away.").format(
            folder=folder, count=len(foreign),
            names=", ".join(foreign[:5]) + (" …" if len(foreign) > 5 else "")))


def _replace_previous(feedback, record: ExportRecord, folder: Path, previous: dict[str, str],
                      written: dict[str, str]) -> int:
    """Delete the previous export's files not written again; record the new set."""
    removed, kept = 0, {}
    for path in stale_files(folder, previous, set(written)):
        try:
            path.unlink()
            removed += 1
        except OSError as error:
            kept[path.name] = previous[path.name]
            feedback.pushWarning(tr("Could not remove “{file}” of the previous export: {reason}")
                                 .format(file=path, reason=error.strerror or error))
    record.save(folder, {**kept, **written})
    if removed:
        feedback.pushInfo(tr("{count} file(s) of the previous export to this folder were "
                             "removed (not part of this export).").format(count=removed))
    return removed


def _warn_duplicates(feedback, file_name: str, parcels: list[ExportParcel]) -> None:
    for number, count in Counter(p.number for p in parcels).items():
        if count > 1:
            feedback.pushWarning(tr("{file}: parcel number {parcel} is used {count} times; the "
                                    "monitoring system rejects duplicates.").format(
                file=file_name, parcel=number, count=count))
