"""``sgnr:checkpaddy`` — paddy-field reclamation (垦造水田) project check."""

from __future__ import annotations

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ...core.checks.paddy import PADDY
from ...core.fields import find_field
from ...core.schema.mine import (
    UnknownValues,
    county_aliases,
    profile,
    status_aliases,
    status_vocabulary,
)
from ...core.schema.roles import role_table
from ...i18n import tr
from ..check_base import SgNrCheckAlgorithm

# Field names: the role table's field roles (project_status.json names them).
COUNTY_ALIASES = county_aliases()
STATUS_ALIASES = status_aliases()


class CheckPaddyAlgorithm(SgNrCheckAlgorithm):
    ALGORITHM_ID = "checkpaddy"
    SPEC = PADDY

    def display_name(self) -> str:
        return tr("Paddy-field reclamation check")

    def help_text(self) -> str:
        return tr(
            "Checks paddy-field reclamation projects (垦造水田) before approval and before "
            "acceptance.\n\n"
            "Each project is the union of its parcels in PROJECTS (grouped by the project id "
            "field). It is overlaid on the land survey (DLTB) and the control layers, and "
            "judged by the rule set (built-in Guangdong defaults, or a JSON file). Two kinds "
            "of work, mixed freely: upgrade (提质改造, dry or irrigated land to paddy: new "
            "paddy only) and reclamation (垦造, garden, other forest, grass and other allowed "
            "land to paddy: new cultivated land and new paddy).\n\n"
            "Rules: existing_paddy (land already paddy: no gain, warning with the area), "
            "source_class (land classes the rule set does not allow, one error per class), "
            "slope (error above 25°, warning above 15° (unconfirmed); from the slope grade "
            "GDPDJB where the land is cultivated (grade 5 error, 4 warning), elsewhere from "
            "the steep-slope layer or the DEM), contiguity (parcels up to 5 m apart form one "
            "block; blocks under 50 mu (unconfirmed) are warnings), water_source (no river, "
            "reservoir, pond or ditch of DLTB, nor a feature of the water layer, within 500 m "
            "(unconfirmed): warning), hazard (a geological hazard point within 200 m: "
            "error), and the common rules geometry, outside_survey, duplicate_project, "
            "area_mismatch, eco_redline, protected_area, public_forest, urban_boundary. A "
            "rule whose layer is not given is reported as not checked, never as passed.\n\n"
            "Verdict per project: fail (any error), needs fixing (warnings only), pass. "
            "Figures per project, in m² and mu: new paddy, new cultivated land "
            "(reclamation), upgrade, the kind (提质改造/垦造/混合), the number of blocks with "
            "the smallest and the largest, and the area by slope grade GDPDJB. Quotas leave "
            "out every conflict the rule set deducts (each piece counted once); areas are "
            "gross and ellipsoidal (CGCS2000).\n\n"
            "The Excel report adds the plan progress: new paddy of accepted projects by county "
            "and in total, against the plan target of 10,000 mu. Accepted: a status value "
            "listed as accepted in the status vocabulary (已验收, 通过验收, 验收, 竣工验收, "
            "已备案…; 立项, 实施, 在建, 竣工… are not accepted), plus the accepted value(s) "
            "given (several separated by commas). A status value in neither list is reported "
            "with its field and count and shown as unknown, never counted as not accepted."
        )

    def add_check_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterFeatureSource(
            "WATER", role_table().label("WATER"),
            [QgsProcessing.TypeVectorAnyGeometry], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "COUNTY_FIELD", role_table().label("COUNTY_FIELD"),
            parentLayerParameterName="PROJECTS", optional=True))
        self.addParameter(QgsProcessingParameterField(
            "STATUS_FIELD", role_table().label("STATUS_FIELD"),
            parentLayerParameterName="PROJECTS", optional=True))
        self.addParameter(QgsProcessingParameterString(
            "ACCEPTED_VALUE", tr("Status value(s) of accepted projects, added to the status "
                                 "vocabulary"), defaultValue="已验收",
            optional=True))

    def read_inputs(self, parameters, context, feedback):
        inputs = super().read_inputs(parameters, context, feedback)
        water = self._source(parameters, "WATER", context)
        inputs.layers["WATER"] = water
        inputs.layer_names["WATER"] = (self._name(parameters, "WATER", context)
                                       if water is not None else tr("Water sources"))
        self._report_status(inputs, self._name(parameters, "PROJECTS", context), feedback)
        return inputs

    @staticmethod
    def _report_status(inputs, layer_name: str, feedback) -> None:
        """Say before the run which status values the plan progress cannot classify."""
        options = inputs.options
        labels = profile("status")
        for key, option in (("status", "status_field"), ("county", "county_field")):
            if not options.get(option):
                feedback.pushWarning(tr(
                    "Layer “{layer}” has no {field} field (accepted names: {names}): the plan "
                    "progress cannot use it. Choose the field in the parameters.").format(
                    layer=layer_name, field=labels.label(key),
                    names=", ".join(labels.fields[key].aliases)))
        name = options.get("status_field")
        if not name or inputs.projects.fields().indexOf(name) < 0:
            return
        vocabulary = status_vocabulary(options.get("accepted_value"))
        unknown = UnknownValues(vocabulary, name)
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes([name], inputs.projects.fields())
        for feature in inputs.projects.getFeatures(request):
            if vocabulary.classify(feature[name]) is None:
                unknown.add(feature[name])
        if unknown:
            feedback.pushWarning(unknown.message(
                layer_name, tr("project status"),
                tr("counted neither as accepted nor as not accepted: the plan progress "
                   "shows their projects as unknown status (add a value to the accepted "
                   "value parameter to count it as accepted)")))

    def check_options(self, parameters, context) -> dict:
        projects = self._source(parameters, "PROJECTS", context)
        names = projects.fields() if projects is not None else None
        return {
            "county_field": self._field(parameters, "COUNTY_FIELD", context, names,
                                        COUNTY_ALIASES),
            "status_field": self._field(parameters, "STATUS_FIELD", context, names,
                                        STATUS_ALIASES),
            "accepted_value": self.parameterAsString(parameters, "ACCEPTED_VALUE", context)
            or "已验收",
        }

    def _field(self, parameters, name, context, fields, aliases) -> str | None:
        """The field the user chose, else the first standard name the layer has."""
        chosen = self.parameterAsString(parameters, name, context)
        return chosen or (find_field(fields, *aliases) if fields is not None else None)
