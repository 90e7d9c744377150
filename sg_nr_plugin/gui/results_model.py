"""The results tree of a check panel: projects, each with its findings, read from the output
layers of the algorithm (so the tree shows exactly what the algorithm wrote)."""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsGeometry
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QStandardItem, QStandardItemModel

from ..core.checks.findings import severity_label, verdict_label
from ..core.checks.rule_texts import rule_title
from ..i18n import tr, ui_language

GEOMETRY_ROLE = Qt.UserRole + 1
KIND_ROLE = Qt.UserRole + 2
VERDICT_COLORS = {"fail": "#e31a1c", "needs_fixing": "#ff7f00", "pass": "#33a02c"}
SEVERITY_COLORS = {"error": "#e31a1c", "warning": "#ff7f00", "info": "#1f78b4"}


@dataclass
class ProjectRow:
    project_id: str
    verdict: str
    area_m2: float
    area_mu: float
    geometry: QgsGeometry


@dataclass
class FindingRow:
    project_id: str
    rule_id: str
    severity: str
    area_m2: float
    area_mu: float
    message: str
    geometry: QgsGeometry
    title: str = ""  # the rule's title in the interface language


def rows_from_layers(projects_layer, findings_layer, ruleset=None,
                     kind: str = "") -> tuple[list, list]:
    """Rows of the two output layers; rule titles from ``ruleset`` (else the built-in one of
    ``kind``), messages from the column of the interface language (``message`` is Chinese,
    ``message_en`` English: the outputs carry both)."""
    projects = [ProjectRow(f["project_id"], f["verdict"], _num(f["area_m2"]),
                           _num(f["area_mu"]), QgsGeometry(f.geometry()))
                for f in projects_layer.getFeatures()]
    column = "message" if ui_language() == "zh" else "message_en"
    if findings_layer.fields().indexOf(column) < 0:
        column = "message"
    findings = [FindingRow(f["project_id"], f["rule_id"], f["severity"], _num(f["area_m2"]),
                           _num(f["area_mu"]), str(f[column]), QgsGeometry(f.geometry()),
                           rule_title(f["rule_id"], ruleset, kind))
                for f in findings_layer.getFeatures()]
    return projects, findings


def _num(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _dot(color: str):
    from qgis.PyQt.QtGui import QIcon, QPixmap

    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def build_model(projects: list[ProjectRow], findings: list[FindingRow],
                verdict_filter: str = "", severity_filter: str = "") -> QStandardItemModel:
    """Tree model; filters keep projects of one verdict and findings of one severity."""
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels([tr("Project / rule"), tr("Verdict / severity"),
                                     tr("Area (mu)"), tr("Area (m²)"), tr("Message")])
    by_project: dict[str, list[FindingRow]] = {}
    for finding in findings:
        if not severity_filter or finding.severity == severity_filter:
            by_project.setdefault(finding.project_id, []).append(finding)
    for project in projects:
        if verdict_filter and project.verdict != verdict_filter:
            continue
        children = by_project.get(project.project_id, [])
        if severity_filter and not children:
            continue
        row = _items(project.project_id, verdict_label(project.verdict), project.area_mu,
                     project.area_m2, "", project.geometry, "project")
        row[0].setIcon(_dot(VERDICT_COLORS.get(project.verdict, "#999999")))
        for finding in children:
            child = _items(finding.title or finding.rule_id, severity_label(finding.severity),
                           finding.area_mu, finding.area_m2, finding.message,
                           finding.geometry, "finding")
            child[0].setIcon(_dot(SEVERITY_COLORS.get(finding.severity, "#999999")))
            row[0].appendRow(child)
        model.appendRow(row)
    return model


def _items(name, status, area_mu, area_m2, message, geometry, kind) -> list[QStandardItem]:
    items = [QStandardItem(str(name)), QStandardItem(status), QStandardItem(f"{area_mu:.4f}"),
             QStandardItem(f"{area_m2:.2f}"), QStandardItem(message)]
    tip = message or tr("{name}: {status}, {mu} mu ({m2} m²)").format(
        name=name, status=status, mu=items[2].text(), m2=items[3].text())
    for item in items:
        item.setToolTip(tip)  # every cell: a narrow panel cuts the columns
        item.setEditable(False)
        item.setData(geometry, GEOMETRY_ROLE)
        item.setData(kind, KIND_ROLE)
    items[2].setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    items[3].setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    return items
