"""``sgnr:checkfarmland`` — farmland replenishment (补充耕地) project check."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterField

from ...core.checks.farmland import FARMLAND
from ...i18n import tr
from ..check_base import SgNrCheckAlgorithm


class CheckFarmlandAlgorithm(SgNrCheckAlgorithm):
    ALGORITHM_ID = "checkfarmland"
    SPEC = FARMLAND

    def display_name(self) -> str:
        return tr("Farmland replenishment check")

    def help_text(self) -> str:
        return tr(
            "Checks farmland replenishment (new cultivated land) projects before filing.\n\n"
            "Each project is the union of its parcels in PROJECTS (grouped by the project id "
            "field). It is overlaid on the land survey (DLTB) and the control layers, and "
            "judged by the rule set (built-in Guangdong defaults, or a JSON file).\n\n"
            "Rules: geometry (invalid, overlapping or sliver parcels), outside_survey (parts "
            "not covered by DLTB), duplicate_project (overlap with another project of the "
            "layer or with FILED_PROJECTS), area_mismatch (declared vs measured area), "
            "eco_redline, protected_area, public_forest (errors), urban_boundary (warning: "
            "unstable land), existing_cultivated (already cultivated: no gain, area net of "
            "field ridges), source_class (water, wetland and transport land cannot become "
            "cultivated land), steep_slope (steeper than 25°: from the steep-slope layer, the "
            "DEM, or GDPDJB grade 5). A rule whose layer is not given is reported as not "
            "checked, never as passed.\n\n"
            "Verdict per project: fail (any error), needs fixing (warnings only), pass. "
            "Quotas: new cultivated area (eligible non-cultivated source land minus every "
            "conflict, each piece counted once), new paddy area (parts whose planned class "
            "is 0101), upgrade area (already cultivated), areas by source class, and the "
            "area-weighted quality grade, in m² and mu.\n\n"
            "All areas are ellipsoidal (CGCS2000). Outputs: a findings layer with the "
            "conflict geometry, a projects layer with verdicts and quotas, and an optional "
            "Excel report."
        )

    def add_check_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterField(
            "PLANNED_CLASS_FIELD", tr("Planned land-class field (0101 = new paddy)"),
            parentLayerParameterName="PROJECTS", optional=True))
        self.addParameter(QgsProcessingParameterField(
            "GRADE_FIELD", tr("Planned quality grade field"),
            parentLayerParameterName="PROJECTS", type=QgsProcessingParameterField.Numeric,
            optional=True))

    def check_options(self, parameters, context) -> dict:
        return {
            "planned_class_field": self.parameterAsString(
                parameters, "PLANNED_CLASS_FIELD", context) or None,
            "grade_field": self.parameterAsString(parameters, "GRADE_FIELD", context) or None,
        }
