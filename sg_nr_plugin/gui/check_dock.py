"""The check panel: one dock class, configured for the farmland, paddy and mine checks.

It holds no business logic: it fills the algorithm's parameters from layer pickers (roles
detected by :mod:`sg_nr_plugin.core.checks.roles`), runs the algorithm as a background task,
adds its result layers and shows them as a tree. The role mapping is stored in the QGIS
project, so it comes back when the project is opened again.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateTransform,
    QgsProject,
)
from qgis.gui import (
    QgsCollapsibleGroupBox,
    QgsDockWidget,
    QgsFileWidget,
)
from qgis.PyQt.QtCore import Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.checks.ruleset import builtin_ruleset, load_ruleset, ruleset_to_dict
from ..core.errors import SgNrError
from ..core.units import unit_names
from ..i18n import tr
from ..paths import resource_path
from .check_config import DockConfig, field_parent
from .check_detection import RoleDetectionMixin
from .check_pdf_export import PdfExportMixin
from .coord_import import CoordinateImportMixin
from .results_model import GEOMETRY_ROLE, build_model, rows_from_layers
from .task_runner import AlgorithmTaskRunner

SCOPE = "sgnr_checks"


class CheckDock(QgsDockWidget, CoordinateImportMixin, RoleDetectionMixin, PdfExportMixin):
    """A check panel; ``config`` says which algorithm, roles and fields."""

    def __init__(self, config: DockConfig, iface=None, parent=None) -> None:
        super().__init__(config.title(), parent)
        self.config, self.iface = config, iface
        self.setObjectName(f"sgnrCheckDock_{config.name}")
        self.runner = AlgorithmTaskRunner(self)
        self.runner.progress.connect(lambda value: self.progress.setValue(int(value)))
        self.runner.finished.connect(self._finished)
        # Importing coordinate files runs sgnr:importcoordtxt, beside (not instead of) a check.
        self.import_runner = AlgorithmTaskRunner(self)
        self.import_runner.finished.connect(self._imported)
        self.result_layers: dict = {}
        self.results_rows = ([], [])
        self._report_dir = tempfile.TemporaryDirectory(prefix="sgnr-check-")
        self._report_path: str | None = None
        self._loading = False
        self._build()
        project = QgsProject.instance()
        project.cleared.connect(self._project_cleared)
        project.readProject.connect(self._project_read)
        self._project_read()

    # ---- widgets --------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # labels above pickers when narrow
        self._build_pickers(form)
        self.unit_combo = QComboBox()
        self.unit_combo.addItems(unit_names())
        self.unit_combo.setCurrentIndex(2)
        form.addRow(tr("Unit of the declared area"), self.unit_combo)
        layout.addLayout(form)
        layout.addWidget(self.detection_notes)
        self.detect_button = QPushButton(tr("Detect layers"))
        self.detect_button.clicked.connect(lambda: self.detect_roles())
        layout.addWidget(self.detect_button)
        self.import_button = QPushButton(tr("Import projects from coordinate files…"))
        self.import_button.setToolTip(tr("Read 报部坐标 .txt files (sgnr:importcoordtxt) and use "
                                         "them as the project parcels layer."))
        self.import_button.clicked.connect(lambda: self.import_coordinates())
        layout.addWidget(self.import_button)
        layout.addWidget(self._ruleset_box())
        layout.addLayout(self._run_row())
        layout.addLayout(self._filter_row())
        self.tree = QTreeView()
        self.tree.setMinimumHeight(200)
        self.tree.doubleClicked.connect(self.zoom_to)
        layout.addWidget(self.tree, 1)
        self.export_button = QPushButton(tr("Export report…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(lambda: self.export_report())
        layout.addWidget(self.export_button)
        layout.addWidget(self.build_pdf_button())  # 导出核查单 PDF (gui/check_pdf_export.py)
        layout.addWidget(self.status)
        # The form is long (a picker per layer role): scroll rather than force a tall window.
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        body.setMinimumWidth(340)
        scroll.setFrameShape(QScrollArea.NoFrame)
        scroll.setWidget(body)
        self.setWidget(scroll)
        if QgsApplication.processingRegistry().algorithmById(self.config.algorithm_id) is None:
            self.status.setText(tr("The algorithm {id} is not available yet.").format(
                id=self.config.algorithm_id))
            self.check_all_button.setEnabled(False)
            self.check_selected_button.setEnabled(False)

    def _ruleset_box(self) -> QWidget:
        box = QgsCollapsibleGroupBox(tr("Rule set and thresholds"))
        box.setCollapsed(True)
        layout = QVBoxLayout(box)
        self.ruleset_file = QgsFileWidget()
        self.ruleset_file.setFilter(tr("Rule sets (*.json)"))
        self.ruleset_file.fileChanged.connect(lambda _path: self.load_thresholds())
        layout.addWidget(self.ruleset_file)
        self.threshold_table = QTableWidget(0, 3)
        self.threshold_table.setHorizontalHeaderLabels([tr("Threshold"), tr("Value"),
                                                        tr("Note")])
        layout.addWidget(self.threshold_table)
        self.load_thresholds()
        return box

    def _run_row(self) -> QVBoxLayout:
        row = QHBoxLayout()
        self.check_selected_button = QPushButton(tr("Check selected projects"))
        self.check_selected_button.clicked.connect(lambda: self.run_check(True))
        self.check_all_button = QPushButton(tr("Check all"))
        self.check_all_button.clicked.connect(lambda: self.run_check(False))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.runner.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        for widget in (self.check_selected_button, self.check_all_button, self.cancel_button):
            row.addWidget(widget)
        column = QVBoxLayout()  # progress under the buttons: the dock stays narrow
        column.addLayout(row)
        column.addWidget(self.progress)
        return column

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.verdict_filter = QComboBox()
        for label, value in ((tr("All verdicts"), ""), (tr("Fail"), "fail"),
                             (tr("Needs fixing"), "needs_fixing"), (tr("Pass"), "pass")):
            self.verdict_filter.addItem(label, value)
        self.severity_filter = QComboBox()
        for label, value in ((tr("All severities"), ""), (tr("Error"), "error"),
                             (tr("Warning"), "warning"), (tr("Info"), "info")):
            self.severity_filter.addItem(label, value)
        for combo in (self.verdict_filter, self.severity_filter):
            combo.currentIndexChanged.connect(self.refresh_tree)
            row.addWidget(combo)
        return row

    # ---- roles and their persistence -----------------------------------------------------
    def _key(self, name: str) -> str:
        return f"{self.config.name}/{name}"

    def save_mapping(self, *_args) -> None:
        if self._loading:
            return
        project = QgsProject.instance()
        for role, combo in self.role_combos.items():
            layer = combo.currentLayer()
            project.writeEntry(SCOPE, self._key(role), layer.id() if layer else "")
        for param, combo in self.field_combos.items():
            project.writeEntry(SCOPE, self._key(param), combo.currentField())

    def restore_mapping(self, *_args) -> bool:
        """Set the pickers from the project's stored mapping; False when nothing was stored."""
        project = QgsProject.instance()
        self._loading = True
        restored = False
        try:
            for role, combo in self.role_combos.items():
                layer_id, ok = project.readEntry(SCOPE, self._key(role), "")
                if ok and layer_id and project.mapLayer(layer_id) is not None:
                    combo.setLayer(project.mapLayer(layer_id))
                    restored = True
            for param, combo in self.field_combos.items():
                combo.setLayer(self.role_combos[field_parent(param)].currentLayer())
                name, ok = project.readEntry(SCOPE, self._key(param), "")
                if ok and name:
                    combo.setField(name)
        finally:
            self._loading = False
        return restored

    def _project_read(self, *_args) -> None:
        """The stored mapping, else detection; empty field pickers filled either way."""
        self._reading = False
        if self.restore_mapping():
            self.fill_fields()
        else:
            self.detect_roles(only_empty=True)

    def _project_cleared(self) -> None:
        # Layers come and go while a project is cleared and read: do not store that mapping.
        self._loading, self._reading = True, False
        QTimer.singleShot(0, lambda: setattr(self, "_loading", False))

    # ---- rule set -----------------------------------------------------------------------------
    def current_ruleset(self):
        path = self.ruleset_file.filePath()
        return load_ruleset(path) if path else builtin_ruleset(self.config.kind)

    def load_thresholds(self) -> None:
        try:
            ruleset = self.current_ruleset()
        except SgNrError as error:
            self.threshold_table.setRowCount(0)
            self.status.setText(str(error))
            return
        thresholds = list(ruleset.thresholds.values())
        self.threshold_table.setRowCount(len(thresholds))
        for row, threshold in enumerate(thresholds):
            key = QTableWidgetItem(threshold.key)
            key.setFlags(key.flags() & ~Qt.ItemIsEditable)
            note = threshold.note if threshold.confirmed else tr("unconfirmed; ") + threshold.note
            self.threshold_table.setItem(row, 0, key)
            self.threshold_table.setItem(row, 1, QTableWidgetItem(f"{threshold.value:g}"))
            self.threshold_table.setItem(row, 2, QTableWidgetItem(note))

    def _ruleset_parameter(self) -> str:
        """The rule set file to pass: the chosen one, or a copy with the edited thresholds."""
        ruleset = self.current_ruleset()
        edited = {}
        for row in range(self.threshold_table.rowCount()):
            key = self.threshold_table.item(row, 0).text()
            try:
                value = float(self.threshold_table.item(row, 1).text())
            except ValueError as error:
                raise SgNrError(tr("Threshold “{key}” must be a number.").format(key=key)) \
                    from error
            if value != ruleset.thresholds[key].value:
                edited[key] = value
        if not edited:
            return self.ruleset_file.filePath()
        path = Path(self._report_dir.name) / "ruleset.json"
        path.write_text(json.dumps(ruleset_to_dict(ruleset.with_thresholds(edited)),
                                   ensure_ascii=False), encoding="utf-8")
        return str(path)

    # ---- running --------------------------------------------------------------------------------
    def parameters(self, only_selected: bool) -> dict:
        params = {role: combo.currentLayer().id() for role, combo in self.role_combos.items()
                  if combo.currentLayer() is not None}
        params.update({p: c.currentField() for p, c in self.field_combos.items()
                       if c.currentField()})
        self._report_path = str(Path(self._report_dir.name) / "report.xlsx")
        params.update({"DECLARED_AREA_UNIT": self.unit_combo.currentIndex(),
                       "RULESET": self._ruleset_parameter(), "ONLY_SELECTED": only_selected,
                       "OUTPUT_FINDINGS": "TEMPORARY_OUTPUT",
                       "OUTPUT_PROJECTS": "TEMPORARY_OUTPUT",
                       "OUTPUT_XLSX": self._report_path})
        return params

    def run_check(self, only_selected: bool = False) -> bool:
        if self.role_combos["PROJECTS"].currentLayer() is None:
            self.status.setText(tr("Choose the project parcels layer first."))
            return False
        try:
            params = self.parameters(only_selected)
        except SgNrError as error:
            self.status.setText(str(error))
            return False
        started = self.runner.start(self.config.algorithm_id, params,
                                    ("OUTPUT_FINDINGS", "OUTPUT_PROJECTS"))
        self.pdf_parameters = params if started else self.pdf_parameters
        self._set_running(started)
        self.status.setText(tr("Checking…") if started else tr("The check could not start."))
        return started

    def _set_running(self, running: bool) -> None:
        self.progress.setValue(0)
        self.cancel_button.setEnabled(running)
        for button in (self.check_all_button, self.check_selected_button, self.detect_button):
            button.setEnabled(not running)

    def _finished(self, ok: bool, results: dict, layers: dict) -> None:
        self._set_running(False)
        if not ok:
            self.status.setText(tr("The check was canceled or failed; no layers were added.\n"
                                   "{log}").format(log=results.get("_log", "")[-2000:]))
            return
        self.result_layers = layers
        self._add_layers(layers)
        findings, projects = layers["OUTPUT_FINDINGS"], layers["OUTPUT_PROJECTS"]
        self.results_rows = rows_from_layers(projects, findings)
        self.refresh_tree()
        self.export_button.setEnabled(bool(results.get("OUTPUT_XLSX")))
        self.pdf_button.setEnabled(True)
        lines = [tr("{n} projects checked.").format(n=projects.featureCount())]
        first = next(projects.getFeatures(), None)
        if first is not None and first["not_checked"]:  # never let "not checked" look passed
            lines.append(tr("Not checked (input not given): {rules}").format(
                rules=first["not_checked"]))
        self.status.setText("\n".join(lines))

    def _add_layers(self, layers: dict) -> None:
        project = QgsProject.instance()
        name = f"{self.config.title()} {datetime.now():%H:%M:%S}"
        group = project.layerTreeRoot().insertGroup(0, name)
        styles = {"OUTPUT_FINDINGS": ("check_findings.qml", tr("Findings")),
                  "OUTPUT_PROJECTS": ("check_projects.qml", tr("Checked projects"))}
        for output, layer in layers.items():
            style, title = styles[output]
            layer.setName(title)
            layer.loadNamedStyle(str(resource_path("styles", style)))
            project.addMapLayer(layer, False)
            group.addLayer(layer)

    # ---- results --------------------------------------------------------------------------------
    def refresh_tree(self, *_args) -> None:
        projects, findings = self.results_rows
        self.tree.setModel(build_model(projects, findings, self.verdict_filter.currentData(),
                                       self.severity_filter.currentData()))
        self.tree.expandAll()

    def zoom_to(self, index) -> bool:
        geometry = index.data(GEOMETRY_ROLE)
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        layer = self.result_layers.get("OUTPUT_PROJECTS")
        if canvas is None or geometry is None or geometry.isEmpty() or layer is None:
            return False
        transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance())
        extent = transform.transformBoundingBox(geometry.boundingBox())
        canvas.setExtent(extent.buffered(max(extent.width(), extent.height()) * 0.2 + 1))
        canvas.refresh()
        canvas.flashGeometries([geometry], layer.crs())
        return True

    def export_report(self, target: str | None = None) -> str | None:
        if not self._report_path or not Path(self._report_path).is_file():
            return None
        if target is None:
            target, _ = QFileDialog.getSaveFileName(self, tr("Export report"), "",
                                                    tr("Excel workbooks (*.xlsx)"))
            if not target:
                return None
            shutil.copyfile(self._report_path, target)
            answer = QMessageBox.question(self, tr("Export report"),
                                          tr("Report written. Open it now?"))
            if answer == QMessageBox.Yes:
                QDesktopServices.openUrl(QUrl.fromLocalFile(target))
            return target
        shutil.copyfile(self._report_path, target)
        return target

