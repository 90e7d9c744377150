"""``OUTPUT_PDF`` of the check algorithms: the check sheets (core/reports/pdf_*.py) of a run.

:func:`map_sources` runs in ``prepareAlgorithm`` (main thread) and keeps only the data source
and provider of each input layer; :class:`CheckSheets` collects the results while the check
streams them and draws the sheets at the end, in the thread that runs the check, on layers it
opens itself (never the project's layer objects). The PDF is a staged output like every file
(processing/outputs.py): a cancel or a failure leaves nothing.
"""

from __future__ import annotations

from qgis.core import QgsProcessingParameterFileDestination
from qgis.PyQt.QtCore import QVariant

from ..core.checks.findings import SEVERITY_ZH, VERDICT_ZH
from ..core.reports.pdf_data import project_headers, project_sheet, sheet_run
from ..core.reports.pdf_labels import sheet_labels
from ..core.reports.pdf_layers import (
    FINDINGS_OPACITY,
    ROLE_STYLES,
    MapSource,
    map_extent,
    memory_layer,
    open_sources,
    style,
)
from ..core.reports.pdf_sheets import SheetLayers, write_check_sheets
from ..core.schema.roles import role_table
from ..i18n import tr
from .presentation import translate_coded_labels, translate_legend

OUTPUT_PDF = "OUTPUT_PDF"
COVERAGE_FIELDS = [("project_id", QVariant.String), ("verdict", QVariant.String)]
# Legend names: the sheets are Chinese documents whatever the interface language.
COVERAGE_NAME, FINDINGS_NAME = "核查项目", "核查问题"
FINDING_FIELDS = [("project_id", QVariant.String), ("rule_id", QVariant.String),
                  ("severity", QVariant.String)]


def pdf_parameter() -> QgsProcessingParameterFileDestination:
    return QgsProcessingParameterFileDestination(
        OUTPUT_PDF, tr("Check sheets (PDF)"), tr("PDF files (*.pdf)"), optional=True,
        createByDefault=False)


def map_sources(algorithm, parameters: dict, context) -> list[MapSource]:
    """Main thread: data source and provider of every input layer the sheets' map draws."""
    sources, roles = [], role_table().layer_roles
    for role in ROLE_STYLES:
        if algorithm.parameterDefinition(role) is None or not parameters.get(role):
            continue
        layer = algorithm.parameterAsVectorLayer(parameters, role, context)
        if layer is not None:  # legend names in Chinese, as the rest of the sheet
            label = roles[role].label_zh if role in roles else layer.name()
            sources.append(MapSource.of(role, layer, label))
    return sources


class CheckSheets:
    """The results of one run, kept for its PDF (attributes and geometries only)."""

    def __init__(self, algorithm, context, inputs, ruleset, check) -> None:
        self.algorithm, self.context, self.inputs = algorithm, context, inputs
        self.run = sheet_run(check.spec.kind, ruleset, inputs.check_date, check.not_checked,
                             check.partial)
        self.results: list = []

    def add(self, result) -> None:
        self.results.append(result)

    def write(self, path: str, feedback, audit_rows=None) -> str:
        """Draw the sheets into ``path`` (the staged name); returns it."""
        feedback.pushInfo(tr("Drawing {n} check sheets…").format(n=len(self.results)))
        inputs = self.inputs
        headers = project_headers(inputs.projects, inputs.project_id_field,
                                  layer_name=inputs.layer_names.get("PROJECTS", ""))
        sheets = [project_sheet(r, headers.get(str(r.project_id))) for r in self.results]
        layers = self._layers()
        write_check_sheets(path, self.run, sheets, layers, audit_rows, feedback)
        return path

    def _layers(self) -> SheetLayers:
        crs, results = self.inputs.crs, self.results
        coverage = memory_layer(COVERAGE_NAME, crs, COVERAGE_FIELDS, [
            (r.geometry, [str(r.project_id), r.verdict]) for r in results])
        style(coverage, "check_projects")
        chinese_legend(coverage)
        translate_coded_labels(coverage, _CHINESE_CODES)
        findings = memory_layer(FINDINGS_NAME, crs, FINDING_FIELDS, [
            (f.geometry, [str(f.project_id), f.rule_id, f.severity])
            for r in results for f in r.findings if f.geometry is not None])
        style(findings, "check_findings")
        chinese_legend(findings)
        translate_coded_labels(findings, _CHINESE_CODES)
        findings.setOpacity(FINDINGS_OPACITY)
        sources = getattr(self.algorithm, "_map_sources", [])
        opened = open_sources(sources, self._fallback, crs,
                              map_extent([r.geometry for r in results]),
                              self.context.transformContext())
        return SheetLayers(coverage, [findings, *reversed(opened)], crs,
                           self.context.transformContext())

    def _fallback(self, role: str):
        return self.inputs.layers.get(role)


# The styles' rules carry keys ("severity:error", "scale:in") that the panel translates into the
# interface language; a sheet is a Chinese document whatever that language is.
_SCALE_ZH = {"scale:in": "范围", "scale:out": "位置"}


def chinese_legend(layer) -> None:
    """Chinese legend labels on a result style's rules (verdicts, severities, scale groups)."""
    translate_legend(layer, _chinese_label)


def _chinese_label(key: str) -> str | None:
    kind, _, value = key.partition(":")
    return {"severity": SEVERITY_ZH, "verdict": VERDICT_ZH}.get(kind, {}).get(value) \
        or _SCALE_ZH.get(key)


# Codes shown by the result styles' map labels, in Chinese on a sheet: the rule names are the
# ones the sheet's findings table prints (report_labels.json).
_CHINESE_CODES = {"verdict": lambda code: VERDICT_ZH.get(code, code),
                  "rule_id": lambda code: sheet_labels().rule(code)}
