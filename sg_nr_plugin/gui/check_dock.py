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
from collections import Counter
from pathlib import Path

from qgis.core import Qgis, QgsCoordinateTransform, QgsProject
from qgis.gui import QgsDockWidget
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QFileDialog, QMessageBox, QTableWidgetItem

from ..core.checks.rule_texts import rule_titles, threshold_label, threshold_note
from ..core.checks.ruleset import builtin_ruleset, load_ruleset, ruleset_to_dict
from ..core.errors import SgNrError
from ..i18n import tr
from .check_config import DockConfig
from .check_detection import RoleDetectionMixin
from .check_pdf_export import PdfExportMixin
from .coord_import import CoordinateImportMixin
from .panel_layout import PanelLayoutMixin
from .panel_state import KEY_ROLE, PanelStateMixin
from .panel_widgets import favour_results, fit_columns, verdict_summary
from .result_layers import ResultRun
from .results_model import GEOMETRY_ROLE, build_model, rows_from_layers
from .task_runner import AlgorithmTaskRunner


class CheckDock(QgsDockWidget, PanelLayoutMixin, CoordinateImportMixin, RoleDetectionMixin,
                PanelStateMixin, PdfExportMixin):
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
        self.verdict_counts: dict[str, int] = {}
        self._report_dir = tempfile.TemporaryDirectory(prefix="sgnr-check-")
        self._report_path: str | None = None
        self._runs = 0
        self._threshold_defaults: dict[str, float] = {}
        self._loading = True  # no choice is stored while the panel is being built
        self._build()
        self._loading = False
        project = QgsProject.instance()
        project.cleared.connect(self._project_cleared)
        project.readProject.connect(self._project_read)
        self._project_read()

    # ---- the project's choices ------------------------------------------------------------
    def _project_read(self, *_args) -> None:
        """The stored choices first, then detection for every picker still empty that the
        user did not empty on purpose."""
        self._reading = False
        self.restore_mapping()
        self.detect_roles(only_empty=True)
        self.fill_fields()

    def _project_cleared(self) -> None:
        # Layers come and go while a project is cleared and read: do not store that mapping.
        self._loading, self._reading = True, False
        self._user_set = set()
        self.clear_results()
        self.reset_settings()
        QTimer.singleShot(0, self._loaded)

    def _loaded(self) -> None:
        if not sip.isdeleted(self):
            self._loading = False

    # ---- rule set -----------------------------------------------------------------------------
    def current_ruleset(self):
        path = self.ruleset_file.filePath()
        return load_ruleset(path) if path else builtin_ruleset(self.config.kind)

    def _ruleset_changed(self, *_args) -> None:
        self.load_thresholds()
        self.save_mapping()

    def load_thresholds(self, edited: dict[str, str] | None = None) -> None:
        """The rule set's thresholds in the table; ``edited`` cell texts (stored in the
        project) replace their values."""
        try:
            ruleset = self.current_ruleset()
        except SgNrError as error:
            self.threshold_table.setRowCount(0)
            self._threshold_defaults = {}
            self.show_message(str(error), Qgis.Warning)
            return
        thresholds = list(ruleset.thresholds.values())
        self._threshold_defaults = {t.key: t.value for t in thresholds}
        loading, self._loading = self._loading, True  # filling the table is no user edit
        self.threshold_table.setRowCount(len(thresholds))
        for row, threshold in enumerate(thresholds):
            # Users read the label; the key (the rule set's) rides along as item data.
            key = QTableWidgetItem(threshold_label(threshold.key, ruleset))
            key.setData(KEY_ROLE, threshold.key)
            key.setFlags(key.flags() & ~Qt.ItemIsEditable)
            note = threshold_note(threshold.key, ruleset)
            value = (edited or {}).get(threshold.key, f"{threshold.value:g}")
            note_item = QTableWidgetItem(note)
            note_item.setToolTip(note)
            self.threshold_table.setItem(row, 0, key)
            self.threshold_table.setItem(row, 1, QTableWidgetItem(value))
            self.threshold_table.setItem(row, 2, note_item)
        self._loading = loading

    def _ruleset_parameter(self) -> str:
        """The rule set file to pass: the chosen one, or a copy with the edited thresholds."""
        ruleset = self.current_ruleset()
        edited = {}
        for key, text in self.edited_thresholds().items():
            try:
                value = float(text)
            except ValueError as error:
                raise SgNrError(tr("Threshold “{key}” must be a number.").format(
                    key=threshold_label(key, ruleset))) from error
            if key in ruleset.thresholds and value != ruleset.thresholds[key].value:
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
        self._runs += 1  # a new file each run: a failed run never leaves the old report behind
        report = self.report_file.filePath() or str(
            Path(self._report_dir.name) / f"report-{self._runs}.xlsx")
        self._run = ResultRun(self.config.name, ("OUTPUT_FINDINGS", "OUTPUT_PROJECTS"))
        params.update({"DECLARED_AREA_UNIT": self.unit_combo.currentIndex(),
                       "RULESET": self._ruleset_parameter(), "ONLY_SELECTED": only_selected,
                       **self._run.destinations(), "OUTPUT_XLSX": report})
        return params

    def run_check(self, only_selected: bool = False) -> bool:
        self.clear_results()
        if self.role_combos["PROJECTS"].currentLayer() is None:
            self.show_message(tr("Choose the project parcels layer first."), Qgis.Warning)
            return False
        try:
            params = self.parameters(only_selected)
        except SgNrError as error:
            self.show_message(str(error), Qgis.Warning)
            return False
        started = self.runner.start(self.config.algorithm_id, params,
                                    ("OUTPUT_FINDINGS", "OUTPUT_PROJECTS"))
        self.pdf_parameters = params if started else self.pdf_parameters
        self._set_running(started)
        if started:
            self.message_bar.clearWidgets()
            self.status.setText(tr("Checking…"))
        else:
            self.show_message(tr("The check could not start."))
        return started

    def _set_running(self, running: bool) -> None:
        if running:
            self.progress.setValue(0)
        self.cancel_button.setEnabled(running)
        for button in (self.check_all_button, self.check_selected_button, self.detect_button):
            button.setEnabled(not running)

    def clear_results(self) -> None:
        """No results from an earlier run stay on screen or exportable."""
        self.result_layers = {}
        self.results_rows = ([], [])
        self.verdict_counts = {}
        self._report_path = None
        self.export_button.setEnabled(False)
        self.pdf_button.setEnabled(False)
        self.summary.clear()
        self.chart.setVisible(False)
        self.status.clear()
        self.refresh_tree()

    def _finished(self, ok: bool, results: dict, layers: dict) -> None:
        self._set_running(False)
        layers = self._run.load(self.config.title()) if ok else {}
        if set(layers) != {"OUTPUT_FINDINGS", "OUTPUT_PROJECTS"}:
            self._run.discard()  # failed, canceled, or an output unreadable: nothing left behind
            self._failed(results)
            return
        self.progress.setValue(100)
        self.result_layers = layers
        self._add_layers(layers)
        findings, projects = layers["OUTPUT_FINDINGS"], layers["OUTPUT_PROJECTS"]
        ruleset = self._shown_ruleset()
        self.results_rows = rows_from_layers(projects, findings, ruleset, self.config.kind)
        self.refresh_tree()
        report = results.get("OUTPUT_XLSX")
        self._report_path = report if report and Path(report).is_file() else None
        self.export_button.setEnabled(self._report_path is not None)
        self.pdf_button.setEnabled(True)
        self.verdict_counts = dict(Counter(row.verdict for row in self.results_rows[0]))
        self.summary.setText(verdict_summary(len(self.results_rows[0]), self.verdict_counts))
        self.chart.set_counts(self.verdict_counts)
        self.chart.setVisible(True)
        favour_results(self.splitter, self.results_pane)
        first = next(projects.getFeatures(), None)
        if first is not None and first["not_checked"]:  # never let "not checked" look passed
            self.status.setText(tr("Not checked (input not given): {rules}").format(
                rules=rule_titles(first["not_checked"], ruleset, self.config.kind)))
        else:
            self.status.clear()

    def _failed(self, results: dict) -> None:
        self.clear_results()
        self.progress.setValue(0)
        log = results.get("_log", "")
        if results.get("_canceled"):
            self.show_message(tr("The check was canceled; no layers were added."), Qgis.Info)
            return
        errors = results.get("_errors") or []
        reason = errors[-1] if errors else tr("see the log for details")
        self.show_message(tr("The check failed; no layers were added: {reason}").format(
            reason=reason), Qgis.Critical, log[-4000:])

    def _add_layers(self, layers: dict) -> None:
        """Into the run's group (gui/result_layers.py: replaces the previous run's group)."""
        self._run.add_group(self.config.title(), layers)

    def _shown_ruleset(self):
        """The chosen rule set for its rule titles; None (the built-in one's) if unreadable."""
        try:
            return self.current_ruleset()
        except SgNrError:
            return None

    # ---- results --------------------------------------------------------------------------------
    def refresh_tree(self, *_args) -> None:
        projects, findings = self.results_rows
        self.tree.setModel(build_model(projects, findings, self.verdict_filter.currentData(),
                                       self.severity_filter.currentData()))
        self.tree.expandAll()
        fit_columns(self.tree)
        QTimer.singleShot(0, self._fit_columns)  # again once the tree has its final width

    def _fit_columns(self) -> None:
        if not sip.isdeleted(self):
            fit_columns(self.tree)

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

