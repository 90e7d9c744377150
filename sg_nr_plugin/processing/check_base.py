"""Common base of the project-check algorithms (farmland, paddy, mine).

Parameter names are a public contract (models, batch files and ``qgis_process`` name them).
The algorithm only reads parameters into :class:`~sg_nr_plugin.core.checks.context.CheckInputs`,
streams the engine's per-project results into the two sinks, and writes the report.
"""

from __future__ import annotations

from datetime import date

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDateTime,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterRasterLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..core.checks.context import CheckInputs
from ..core.checks.dem import DemSnapshot
from ..core.checks.engine import CheckSpec, create_run
from ..core.checks.findings import MU_PER_M2, SEVERITY_ZH, VERDICT_ZH
from ..core.checks.project_fields import choose_id_field, review_projects
from ..core.checks.rule_texts import rule_title
from ..core.checks.ruleset import builtin_ruleset, load_ruleset
from ..core.errors import CrsError, EmptyInputError, SgNrError
from ..core.reports.audit import active_trail, audit_rows, note_read_counts, note_ruleset
from ..core.reports.check_report import CheckReport
from ..core.reports.check_xlsx import write_report
from ..core.schema.roles import role_table
from ..core.units import AreaUnit, from_unit, unit_names
from ..i18n import tr
from .base import SgNrAlgorithm
from .check_pdf import OUTPUT_PDF, CheckSheets, map_sources, pdf_parameter
from .indb_params import add_indb_parameters, restrict_controls
from .stats_params import layer_name

# The project id field's names (codes first, then names): the role table's.
PROJECT_ID_ALIASES = role_table().aliases("PROJECT_ID_FIELD")
POLYGON_ROLES = ("ECO_REDLINE", "PROTECTED_AREAS", "PUBLIC_FOREST", "URBAN_BOUNDARY",
                 "BASIC_FARMLAND", "STEEP_SLOPE")
FINDING_FIELDS = (("project_id", QVariant.String), ("rule_id", QVariant.String),
                  ("severity", QVariant.String), ("severity_zh", QVariant.String),
                  ("area_m2", QVariant.Double), ("area_mu", QVariant.Double),
                  ("message", QVariant.String), ("message_en", QVariant.String))
PROJECT_FIELDS = (("project_id", QVariant.String), ("verdict", QVariant.String),
                  ("verdict_zh", QVariant.String), ("area_m2", QVariant.Double),
                  ("area_mu", QVariant.Double), ("declared_m2", QVariant.Double),
                  ("parcels", QVariant.Int), ("n_error", QVariant.Int),
                  ("n_warning", QVariant.Int), ("n_info", QVariant.Int),
                  ("not_checked", QVariant.String), ("partly_checked", QVariant.String))
_QUOTA_TYPES = {"double": QVariant.Double, "int": QVariant.Int, "string": QVariant.String}


def role_labels() -> dict[str, str]:
    """Labels of the common inputs, from the role table (interface language)."""
    table = role_table()
    roles = ("PROJECTS", "DLTB", *POLYGON_ROLES, "DEM", "HAZARDS", "FILED_PROJECTS")
    return {**{role: table.label(role) for role in roles},
            "DECLARED_AREA": table.label("DECLARED_AREA_FIELD")}


def field_description(field_role: str) -> str:
    """A field parameter's description: its label and the names tried when it is empty."""
    role = role_table().field(field_role)
    return tr("{label} (empty: {names}…)").format(label=role.label(),
                                                  names="/".join(role.aliases[:4]))


def auto_field(source, field_role: str) -> str | None:
    """The field of ``source`` for ``field_role`` by the role table's names, or None."""
    return role_table().field(field_role).find(source.fields()) if source is not None else None


class SgNrCheckAlgorithm(SgNrAlgorithm):
    """Subclasses set ``SPEC`` (a CheckSpec), ``GROUP_ID`` and may add parameters/options."""

    SPEC: CheckSpec | None = None
    GROUP_ID = "checks"
    RESULT_STYLES = {"OUTPUT_FINDINGS": "check_findings.qml",
                     "OUTPUT_PROJECTS": "check_projects.qml"}

    def group_name(self) -> str:
        return tr("Project checks")

    # ---- parameters ------------------------------------------------------------------------
    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        labels = role_labels()
        polygon = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(
            "PROJECTS", labels["PROJECTS"], polygon))
        self.addParameter(QgsProcessingParameterField(
            "PROJECT_ID_FIELD", field_description("PROJECT_ID_FIELD"),
            parentLayerParameterName="PROJECTS", optional=True))
        self.addParameter(QgsProcessingParameterField(
            "DECLARED_AREA_FIELD", field_description("DECLARED_AREA_FIELD"),
            parentLayerParameterName="PROJECTS", type=QgsProcessingParameterField.Numeric,
            optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            "DECLARED_AREA_UNIT", tr("Unit of the declared area"), options=unit_names(),
            defaultValue=int(AreaUnit.MU)))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "DLTB", labels["DLTB"], polygon, optional=True))
        for role in POLYGON_ROLES:
            self.addParameter(QgsProcessingParameterFeatureSource(
                role, labels[role], polygon, optional=True))
            if role == "PROTECTED_AREAS":
                self.addParameter(QgsProcessingParameterField(
                    "PROTECTED_ZONE_FIELD", field_description("PROTECTED_ZONE_FIELD"),
                    parentLayerParameterName="PROTECTED_AREAS", optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(
            "DEM", labels["DEM"], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "HAZARDS", labels["HAZARDS"], [QgsProcessing.TypeVectorPoint], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "FILED_PROJECTS", labels["FILED_PROJECTS"], polygon, optional=True))
        self.addParameter(QgsProcessingParameterDateTime(
            "CHECK_DATE", tr("Check date (empty: today)"),
            type=QgsProcessingParameterDateTime.Date, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            "RULESET", tr("Rule set file (empty: built-in Guangdong defaults)"),
            extension="json", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "ONLY_SELECTED", tr("Only the selected projects"), defaultValue=False))
        self.add_check_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_FINDINGS", tr("Findings"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT_PROJECTS", tr("Checked projects"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_XLSX", tr("Excel report"), tr("Excel workbooks (*.xlsx)"), optional=True,
            createByDefault=False))
        self.addParameter(pdf_parameter())
        add_indb_parameters(self, timeout=False)

    def add_check_parameters(self) -> None:
        """Parameters of one check kind (added before the outputs)."""

    def check_options(self, parameters, context) -> dict:
        """Check-specific options handed to the rules through ``CheckInputs.options``."""
        return {}

    # ---- reading the inputs ---------------------------------------------------------------
    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        """Main thread: take what the run needs of the project's layer objects (names, the
        selection, the DEM snapshot; the base class snapshots the vector layers:
        processing/prepared.py), so that compute(), in a worker thread when a panel or the
        toolbox runs the check, never touches a layer the map canvas is drawing."""
        super().prepareAlgorithm(parameters, context, feedback)
        names = [d.name() for d in self.parameterDefinitions() if d.type() in ("source", "vector")]
        self._layer_names = {name: self._layer_name(parameters, name, context) for name in names}
        self._selected_ids = None
        if self.parameterAsBoolean(parameters, "ONLY_SELECTED", context):
            layer = self.parameterAsVectorLayer(parameters, "PROJECTS", context)
            if layer is not None:
                self._selected_ids = set(layer.selectedFeatureIds())
        dem = self.parameterAsRasterLayer(parameters, "DEM", context)
        self._dem = DemSnapshot(dem) if dem is not None else None
        self._map_sources = map_sources(self, parameters, context)  # for OUTPUT_PDF
        return True

    def read_inputs(self, parameters, context, feedback) -> CheckInputs:
        projects = self._source(parameters, "PROJECTS", context)
        if projects is None:
            raise SgNrError(tr("The project parcels layer is missing or cannot be read."))
        crs = projects.sourceCrs()
        if not crs.isValid():
            raise CrsError(tr("Layer “{layer}” has no coordinate reference system.").format(
                layer=self._name(parameters, "PROJECTS", context)))
        inputs = CheckInputs(projects, self._project_id_field(parameters, context, projects,
                                                              feedback),
                             crs, context.transformContext())
        for role in ("DLTB", *POLYGON_ROLES, "HAZARDS", "FILED_PROJECTS"):
            inputs.layers[role] = self._source(parameters, role, context)
        labels = role_labels()
        inputs.layer_names = {role: (self._name(parameters, role, context) or labels[role])
                              if parameters.get(role) else labels[role] for role in labels}
        inputs.dem = self._dem
        unit = self.parameterAsEnum(parameters, "DECLARED_AREA_UNIT", context)
        inputs.declared_area_factor = from_unit(1.0, unit)
        self._read_fields(parameters, context, inputs, feedback)
        check_date = self.parameterAsDateTime(parameters, "CHECK_DATE", context)
        inputs.check_date = (check_date.date().toPyDate() if check_date.isValid()
                             else date.today())
        inputs.selected_ids = self._selected_ids
        inputs.options = self.check_options(parameters, context)
        return inputs

    def _source(self, parameters, name, context):
        if not parameters.get(name):
            return None
        return self.parameterAsSource(parameters, name, context)

    def _name(self, parameters, name, context) -> str:
        names = getattr(self, "_layer_names", {})
        return names[name] if name in names else self._layer_name(parameters, name, context)

    def _layer_name(self, parameters, name, context) -> str:
        layer = self.parameterAsVectorLayer(parameters, name, context)
        if layer is None:
            return str(parameters.get(name) or "")
        return layer_name(self, parameters, name, context)  # "DLTB (delivery.gpkg)"

    def _project_id_field(self, parameters, context, projects, feedback) -> str:
        name = self.parameterAsString(parameters, "PROJECT_ID_FIELD", context)
        if name:
            return name
        found, warnings = choose_id_field(projects.fields(),
                                          self._name(parameters, "PROJECTS", context))
        for warning in warnings:
            feedback.pushWarning(warning)
        return found

    def _read_fields(self, parameters, context, inputs, feedback) -> None:
        """The declared-area, zone and filed-id fields: the chosen ones, else found by the
        role table's names (and said so); then the warnings on ids and declared areas."""
        layer = self._name(parameters, "PROJECTS", context)
        declared = self.parameterAsString(parameters, "DECLARED_AREA_FIELD", context)
        if not declared:
            declared = auto_field(inputs.projects, "DECLARED_AREA_FIELD")
            if declared:
                feedback.pushInfo(tr("Declared area field of “{layer}”: “{field}” (found by "
                                     "its name; choose another in “Declared area field”)")
                                  .format(layer=layer, field=declared))
        inputs.declared_area_field = declared or None
        zone = self.parameterAsString(parameters, "PROTECTED_ZONE_FIELD", context)
        protected = inputs.layers.get("PROTECTED_AREAS")
        inputs.protected_zone_field = zone or auto_field(protected, "PROTECTED_ZONE_FIELD")
        if protected is not None and not inputs.protected_zone_field:
            feedback.pushWarning(tr("Layer “{layer}” has no protected-area zone field ({names}…): "
                                    "core zones cannot be told apart. Choose the field in "
                                    "“{label}”.").format(
                layer=inputs.layer_names.get("PROTECTED_AREAS"),
                names="/".join(role_table().aliases("PROTECTED_ZONE_FIELD")[:4]),
                label=role_table().label("PROTECTED_ZONE_FIELD")))
        inputs.filed_id_field = auto_field(inputs.layers.get("FILED_PROJECTS"),
                                           "PROJECT_ID_FIELD")
        for warning in review_projects(inputs.projects, inputs.project_id_field,
                                       inputs.declared_area_field, layer):
            feedback.pushWarning(warning)

    def load_ruleset(self, parameters, context):
        path = self.parameterAsFile(parameters, "RULESET", context)
        return load_ruleset(path) if path else builtin_ruleset(self.SPEC.kind)

    # ---- running ----------------------------------------------------------------------------
    def compute(self, parameters, context, feedback) -> dict:
        inputs = self.read_inputs(parameters, context, feedback)
        self._indb_controls = restrict_controls(self, parameters, context, inputs, feedback)
        ruleset = self.load_ruleset(parameters, context)
        note_ruleset(ruleset)  # the audit trail of the workbook and the layers
        note_read_counts(inputs.read_counts)
        check = create_run(inputs, self.SPEC, ruleset, feedback)
        if not check.checked_projects():
            name = self._name(parameters, "PROJECTS", context)
            if inputs.selected_ids is not None:
                raise SgNrError(tr("No project of “{layer}” is selected.").format(layer=name))
            raise EmptyInputError(name)
        for rule_id, reason in check.not_checked.items():
            feedback.pushWarning(tr("Rule “{rule}” not checked: {reason}").format(
                rule=rule_title(rule_id, ruleset), reason=reason))
        findings_sink, findings_id = self.parameterAsSink(
            parameters, "OUTPUT_FINDINGS", context, _fields(FINDING_FIELDS),
            QgsWkbTypes.MultiPolygon, inputs.crs)
        project_fields = _fields(PROJECT_FIELDS + tuple(
            (name, _QUOTA_TYPES[kind]) for name, kind in self.SPEC.quota_fields))
        projects_sink, projects_id = self.parameterAsSink(
            parameters, "OUTPUT_PROJECTS", context, project_fields, QgsWkbTypes.MultiPolygon,
            inputs.crs)
        report = CheckReport.start(self.display_name(), ruleset, check, inputs)
        pdf = self.parameterAsFileOutput(parameters, OUTPUT_PDF, context)
        sheets = CheckSheets(self, context, inputs, ruleset, check) if pdf else None
        for result in check.results():
            for finding in result.findings:
                findings_sink.addFeature(_finding_feature(finding, findings_sink),
                                         QgsFeatureSink.FastInsert)
            projects_sink.addFeature(self._project_feature(result, project_fields),
                                     QgsFeatureSink.FastInsert)
            report.add(result)
            if sheets is not None:
                sheets.add(result)
        if check.canceled:
            raise SgNrError(tr("The check was canceled; no results were written."))
        outputs = {"OUTPUT_FINDINGS": findings_id, "OUTPUT_PROJECTS": projects_id}
        xlsx = self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context)
        if xlsx:
            outputs["OUTPUT_XLSX"] = str(write_report(report, xlsx))
        if sheets is not None:
            trail = active_trail()  # the audit trail's last page (processing/audit_run.py)
            outputs[OUTPUT_PDF] = sheets.write(pdf, feedback,
                                               audit_rows(trail) if trail is not None else None)
        feedback.pushInfo(report.summary_line())
        return outputs

    def _project_feature(self, result, fields: QgsFields) -> QgsFeature:
        feature = QgsFeature(fields)
        feature.setGeometry(_multi(result.geometry))
        values = {"project_id": result.project_id, "verdict": result.verdict,
                  "verdict_zh": VERDICT_ZH[result.verdict], "area_m2": result.area_m2,
                  "area_mu": result.area_m2 * MU_PER_M2, "declared_m2": result.declared_m2,
                  "parcels": result.parcel_count, "n_error": result.count("error"),
                  "n_warning": result.count("warning"), "n_info": result.count("info"),
                  "not_checked": ", ".join(result.not_checked),
                  "partly_checked": ", ".join(result.partly_checked), **result.quotas}
        for name, value in values.items():
            if fields.indexOf(name) >= 0:
                feature[name] = value
        return feature


def _fields(spec) -> QgsFields:
    fields = QgsFields()
    for name, kind in spec:
        fields.append(QgsField(name, kind))
    return fields


def _multi(geometry):
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return geometry
    geometry = geometry.__class__(geometry)
    geometry.convertToMultiType()
    return geometry


def _finding_feature(finding, sink) -> QgsFeature:
    feature = QgsFeature(_fields(FINDING_FIELDS))
    if finding.geometry is not None:
        feature.setGeometry(_multi(finding.geometry))
    feature.setAttributes([finding.project_id, finding.rule_id, finding.severity,
                           SEVERITY_ZH.get(finding.severity, finding.severity),
                           finding.area_m2, finding.area_mu, finding.message_zh,
                           finding.message_en])
    return feature
