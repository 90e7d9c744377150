"""``sgnr:checkmine`` — mine restoration (矿山修复) project check."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...core.checks.mine import MINE
from ...core.checks.mine_fields import DECLARED_MODE_ALIASES
from ...core.fields import find_field
from ...core.schema.roles import role_table
from ...i18n import tr
from ..check_base import SgNrCheckAlgorithm

# The inputs only this check reads (parameter names are the contract).
MINE_ROLES = ("LEGACY_MINES", "MINING_RIGHTS", "ROADS", "RIVERS")


def mine_role_labels() -> dict[str, str]:
    """Labels of the mine check's own inputs, from the role table."""
    table = role_table()
    return {**{role: table.label(role) for role in MINE_ROLES},
            "DECLARED_MODE": table.label("DECLARED_MODE_FIELD")}


class CheckMineAlgorithm(SgNrCheckAlgorithm):
    ALGORITHM_ID = "checkmine"
    SPEC = MINE

    def display_name(self) -> str:
        return tr("Mine restoration check")

    def help_text(self) -> str:
        return tr(
            "Checks mine restoration projects (legacy mines, 历史遗留矿山) before filing.\n\n"
            "Each project is the union of its parcels in PROJECTS (grouped by the project id "
            "field), overlaid on the legacy-mine parcels, mining rights, roads, rivers, hazard "
            "points and the control layers, and judged by the rule set (built-in Guangdong "
            "defaults, or a JSON file). Field names of the national legacy-mine schema and of "
            "mining-right registers are recognised in lower or upper case.\n\n"
            "Rules: mining_right_valid (parts on a mining right valid at the check date: error, "
            "the right holder restores them; on an expired or cancelled (注销) right: warning), "
            "not_legacy_mine "
            "(parts on no legacy-mine parcel: warning), mode_visibility (declared natural "
            "recovery although within sight of expressways, high-speed rail, national and "
            "provincial roads (1000 m), main rivers (500 m; the survey's river surface when no "
            "river layer is given), the urban development boundary and provincial-or-higher "
            "protected areas (1000 m): warning, suggested mode engineering works; with a DEM, "
            "roads and rivers count only where the terrain leaves a direct line of sight), "
            "core_zone "
            "(engineering works in a protected area's core zone: error), hazard (a hazard point "
            "inside or within 200 m: warning), eco_redline (information), and the common "
            "geometry, outside_survey, duplicate_project and area_mismatch. The distances are "
            "rule-set thresholds, labelled unconfirmed: no official buffer was found. A rule "
            "whose layer is not given is reported as not checked, never as passed.\n\n"
            "Verdict per project: fail (any error), needs fixing (warnings only), pass. "
            "Figures: restored mine area (on legacy-mine parcels, minus valid mining rights and "
            "duplicates) in m² and mu, the legacy parcels touched, the suggested mode and why, "
            "and the declared mode.\n\n"
            "All areas are ellipsoidal (CGCS2000). Outputs: a findings layer with the conflict "
            "geometry, a projects layer with verdicts and figures, and an optional Excel report."
        )

    def add_check_parameters(self) -> None:
        labels = mine_role_labels()
        for role in MINE_ROLES:
            kind = (QgsProcessing.TypeVectorLine if role in ("ROADS", "RIVERS")
                    else QgsProcessing.TypeVectorPolygon)
            self.addParameter(QgsProcessingParameterFeatureSource(
                role, labels[role], [kind], optional=True))
        self.addParameter(QgsProcessingParameterField(
            "DECLARED_MODE_FIELD", labels["DECLARED_MODE"],
            parentLayerParameterName="PROJECTS", optional=True))

    def check_options(self, parameters, context) -> dict:
        name = self.parameterAsString(parameters, "DECLARED_MODE_FIELD", context)
        if not name:
            projects = self._source(parameters, "PROJECTS", context)
            name = find_field(projects.fields(), *DECLARED_MODE_ALIASES) if projects else None
        return {"DECLARED_MODE": name or None}

    def read_inputs(self, parameters, context, feedback):
        inputs = super().read_inputs(parameters, context, feedback)
        labels = mine_role_labels()
        for role in MINE_ROLES:
            inputs.layers[role] = self._source(parameters, role, context)
            inputs.layer_names[role] = (self._name(parameters, role, context) or labels[role]
                                        if inputs.layers[role] is not None else labels[role])
        inputs.layer_names["DECLARED_MODE"] = labels["DECLARED_MODE"]
        return inputs
