"""``sgnr:balanceledger`` — the cultivated-land balance ledger (耕地占补平衡台账)."""

from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ...core.area import EllipsoidalArea
from ...core.checks.context import CheckInputs, RunContext
from ...core.checks.ledger import AREA_COLUMNS, LedgerInputs, build_ledger, ledger_rows
from ...core.errors import SgNrError
from ...core.fields import detect_dltb_fields, find_field
from ...core.landclasses import land_classes
from ...core.reports.ledger_xlsx import write_ledger
from ...core.schema.mine import status_aliases
from ...i18n import tr
from ..base import SgNrAlgorithm
from ..check_base import PROJECT_ID_ALIASES
from ..stats_params import layer_name, region_level_names


class BalanceLedgerAlgorithm(SgNrAlgorithm):
    ALGORITHM_ID = "balanceledger"
    PARAMETER_ROLES = {"REPLENISHMENT": "PROJECTS"}
    PROJECT_KIND = "farmland"
    GROUP_ID = "checks"

    def display_name(self) -> str:
        return tr("Cultivated land balance ledger")

    def group_name(self) -> str:
        return tr("Project checks")

    def help_text(self) -> str:
        return tr(
            "The cultivated-land balance ledger: per region and year, cultivated land occupied "
            "by construction projects against new cultivated land replenished by accepted "
            "replenishment projects.\n\n"
            "Occupied: the cultivated land (0101/0102/0103, net of field ridges) of DLTB under "
            "the OCCUPATION projects, by their approval year; of which paddy; and the "
            "area-weighted quality grade (GDDB) when DLTB has it. Where occupation projects of "
            "one year overlap, their common land is counted once.\n\n"
            "Replenished: new cultivated land and new paddy of the accepted REPLENISHMENT "
            "projects, by their filing year. A projects layer written by the farmland check "
            "(fields new_cultivated_m2, new_paddy_m2, grade, zldwdm, verdict) is read as it "
            "is; any other projects layer is checked here with the farmland rules against DLTB "
            "(planned class 0101 = new paddy). Accepted: the status field (empty: the first of "
            "ZT, 状态, 项目状态, 验收状态… found) holds a value the status vocabulary lists as "
            "accepted (已验收, 通过验收, 验收, 已备案, 已入库…) or one of the accepted values "
            "given; without a status field, the verdict field must say pass. A status value "
            "the vocabulary does not know is left out and reported with its field and count."
            "\n\n"
            "Region: the location code ZLDWDM of the DLTB parcels at the chosen level. "
            "Balances = replenished − occupied, for quantity and for paddy; negative balances "
            "are red in the Excel ledger, which ends with a totals row. Areas are ellipsoidal "
            "(CGCS2000), in m² and mu."
        )

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API name
        polygon = [QgsProcessing.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterFeatureSource(
            "OCCUPATION", tr("Construction projects occupying land"), polygon))
        self.addParameter(QgsProcessingParameterField(
            "OCCUPATION_YEAR_FIELD", tr("Approval year field"),
            parentLayerParameterName="OCCUPATION"))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "REPLENISHMENT", tr("Replenishment projects"), polygon))
        self.addParameter(QgsProcessingParameterField(
            "REPLENISHMENT_YEAR_FIELD", tr("Filing year field"),
            parentLayerParameterName="REPLENISHMENT"))
        self.addParameter(QgsProcessingParameterField(
            "STATUS_FIELD", tr("Status field (accepted: 已验收/通过/已备案)"),
            parentLayerParameterName="REPLENISHMENT", optional=True))
        self.addParameter(QgsProcessingParameterString(
            "ACCEPTED_VALUE", tr("Status value(s) of accepted projects, added to the status "
                                 "vocabulary"), optional=True))
        self.addParameter(QgsProcessingParameterField(
            "PLANNED_CLASS_FIELD", tr("Planned land-class field (0101 = new paddy)"),
            parentLayerParameterName="REPLENISHMENT", optional=True))
        self.addParameter(QgsProcessingParameterField(
            "GRADE_FIELD", tr("Planned quality grade field"),
            parentLayerParameterName="REPLENISHMENT", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            "DLTB", tr("Land-survey parcels (DLTB) before the projects, e.g. the base vintage"),
            polygon))
        self.addParameter(QgsProcessingParameterEnum(
            "REGION_LEVEL", tr("Region level"), options=region_level_names(), defaultValue=1))
        for name, label in (("YEAR_FROM", tr("From year")), ("YEAR_TO", tr("To year"))):
            self.addParameter(QgsProcessingParameterNumber(
                name, label, QgsProcessingParameterNumber.Integer, optional=True,
                minValue=1900, maxValue=2100))
        self.addParameter(QgsProcessingParameterFeatureSink(
            "OUTPUT", tr("Balance ledger"), QgsProcessing.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT_XLSX", tr("Excel ledger"), tr("Excel workbooks (*.xlsx)"), optional=True,
            createByDefault=False))

    def compute(self, parameters, context, feedback) -> dict:
        occupation = self.parameterAsSource(parameters, "OCCUPATION", context)
        replenishment = self.parameterAsSource(parameters, "REPLENISHMENT", context)
        dltb = self.parameterAsSource(parameters, "DLTB", context)
        if occupation is None or replenishment is None or dltb is None:
            raise SgNrError(tr("The occupation, replenishment and DLTB layers are required."))
        crs = occupation.sourceCrs()
        dltb_layer = self.parameterAsVectorLayer(parameters, "DLTB", context)
        fields = detect_dltb_fields(dltb.fields()).require(
            ["dlbm", "zldwdm"], dltb_layer.name() if dltb_layer else "DLTB")
        check = CheckInputs(replenishment,
                            find_field(replenishment.fields(), *PROJECT_ID_ALIASES) or "",
                            crs, context.transformContext(), layers={"DLTB": dltb})
        check.options = {key: self.parameterAsString(parameters, name, context) or None
                         for key, name in (("planned_class_field", "PLANNED_CLASS_FIELD"),
                                           ("grade_field", "GRADE_FIELD"))}
        inputs = LedgerInputs(
            occupation, self.parameterAsString(parameters, "OCCUPATION_YEAR_FIELD", context),
            replenishment,
            self.parameterAsString(parameters, "REPLENISHMENT_YEAR_FIELD", context), check,
            self.parameterAsEnum(parameters, "REGION_LEVEL", context),
            self._status_field(parameters, context, replenishment, feedback),
            self._year(parameters, "YEAR_FROM", context),
            self._year(parameters, "YEAR_TO", context),
            self.parameterAsString(parameters, "ACCEPTED_VALUE", context) or None)
        occupied_inputs = CheckInputs(occupation, "", crs, context.transformContext(),
                                      layers={"DLTB": dltb})
        run = RunContext(occupied_inputs, EllipsoidalArea(crs, context.transformContext()),
                         land_classes(), fields, feedback)
        ledger = build_ledger(inputs, run, feedback)
        if feedback.isCanceled():
            raise SgNrError(tr("The ledger was canceled; no results were written."))
        rows = ledger_rows(ledger)
        sink, sink_id = self.parameterAsSink(parameters, "OUTPUT", context, _fields(),
                                             QgsWkbTypes.NoGeometry, crs)
        for row in rows:
            feature = QgsFeature(_fields())
            feature.setAttributes([row[name] for name in _fields().names()])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        outputs = {"OUTPUT": sink_id}
        xlsx = self.parameterAsFileOutput(parameters, "OUTPUT_XLSX", context)
        if xlsx:
            described = [(role, layer_name(self, parameters, role, context),
                          source.featureCount()) for role, source in (
                ("OCCUPATION", occupation), ("REPLENISHMENT", replenishment), ("DLTB", dltb))]
            outputs["OUTPUT_XLSX"] = str(write_ledger(rows, xlsx, self.display_name(), described))
        return outputs

    def _status_field(self, parameters, context, replenishment, feedback) -> str | None:
        """The chosen status field, else the first standard name the layer has."""
        chosen = self.parameterAsString(parameters, "STATUS_FIELD", context)
        if chosen:
            return chosen
        names = replenishment.fields().names()
        found = find_field(names, *status_aliases())
        if found:
            feedback.pushInfo(tr("Project status read from field {field}.").format(field=found))
        elif "verdict" not in names:
            feedback.pushWarning(tr(
                "The replenishment projects have no status field ({names}) and no verdict: "
                "every project is counted as accepted. Choose the status field if some are "
                "not accepted yet.").format(names=", ".join(status_aliases())))
        return found

    def _year(self, parameters, name, context) -> int | None:
        if parameters.get(name) in (None, ""):
            return None
        return self.parameterAsInt(parameters, name, context)


def _fields() -> QgsFields:
    fields = QgsFields()
    fields.append(QgsField("region_code", QVariant.String))
    fields.append(QgsField("region_name", QVariant.String))
    fields.append(QgsField("year", QVariant.Int))
    for key in AREA_COLUMNS:
        fields.append(QgsField(f"{key}_m2", QVariant.Double))
        fields.append(QgsField(f"{key}_mu", QVariant.Double))
    fields.append(QgsField("occupied_grade", QVariant.Double))
    fields.append(QgsField("replenished_grade", QVariant.Double))
    return fields
