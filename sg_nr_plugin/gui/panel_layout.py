"""The check panel's widgets: a message bar on top, then a splitter with the form (collapsible
sections 图层 / 字段 / 规则与阈值 / 输出 that scroll vertically, never sideways) above the run
buttons and the results (verdict counts, bar chart, filters, tree, export).

Layout only: the behaviour is in :mod:`.check_dock`.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsApplication
from qgis.gui import QgsFileWidget, QgsMessageBar
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ..core.units import unit_names
from ..i18n import tr
from .panel_state import DEFAULT_UNIT
from .panel_widgets import SideScrollFreeArea, VerdictChart, form_label, help_button, section
from .result_layers import ResultsBox
from .widget_texts import report_file_texts, rule_set_file_texts


class PanelLayoutMixin:
    """Builds the widgets of :class:`~.check_dock.CheckDock`."""

    # ---- widgets --------------------------------------------------------------------------
    def _build(self) -> None:
        """Message bar on top; below, a splitter: the form (sections that scroll vertically,
        never sideways) above the run buttons and the results."""
        self.message_bar = QgsMessageBar()
        # Ignored: a long message wraps in the bar instead of widening the panel.
        self.message_bar.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Fixed)
        self.status = QLabel()
        self.status.setWordWrap(True)
        form = QWidget()
        column = QVBoxLayout(form)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._header_row())
        column.addWidget(self._layers_box())
        column.addWidget(self._fields_box())
        column.addWidget(self._ruleset_box())
        column.addWidget(self._output_box())
        self.results_box = ResultsBox()
        column.addWidget(self.results_box)
        column.addStretch(1)
        self.form_area = SideScrollFreeArea(form)
        self.splitter = QSplitter(Qt.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.form_area)
        self.results_pane = self._results_pane()
        self.splitter.addWidget(self.results_pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.splitter, 1)
        self.setWidget(body)
        self._opened_wide = False
        self.visibilityChanged.connect(self._open_wide)
        if QgsApplication.processingRegistry().algorithmById(self.config.algorithm_id) is None:
            self.show_message(tr("The algorithm {id} is not available yet.").format(
                id=self.config.algorithm_id), Qgis.Warning)
            self.check_all_button.setEnabled(False)
            self.check_selected_button.setEnabled(False)

    def _open_wide(self, visible: bool) -> None:
        """The first time the panel is shown in a main window, give it the width its size
        hint asks for (whole layer names) if the window has room: QGIS opens a right dock at
        its minimum width. Later the user's width stands."""
        if not visible or self._opened_wide:
            return
        self._opened_wide = True
        QTimer.singleShot(0, self._resize_to_hint)

    def _resize_to_hint(self) -> None:
        window = self.parentWidget()
        if sip.isdeleted(self) or not isinstance(window, QMainWindow) or self.isFloating():
            return
        wanted = self.sizeHint().width()
        if self.width() < wanted:
            window.resizeDocks([self], [wanted], Qt.Horizontal)

    def _header_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.detect_button = QPushButton(tr("Detect layers"))
        self.detect_button.setToolTip(tr("Fill every layer and field picker from the layer "
                                         "names and fields (your choices are replaced)."))
        self.detect_button.clicked.connect(lambda: self.detect_roles())
        row.addWidget(self.detect_button)
        row.addStretch(1)
        self.help_button = help_button(self.config.name, self)
        row.addWidget(self.help_button)
        return row

    def _layers_box(self) -> QWidget:
        self.layers_box = section(tr("Layers"), f"sgnrLayers_{self.config.name}")
        column = QVBoxLayout(self.layers_box)
        layers_form, self._fields_form = _form(), _form()
        self._build_pickers(layers_form, self._fields_form)
        column.addLayout(layers_form)
        column.addWidget(self.detection_notes)
        self.import_button = QPushButton(tr("Import projects from coordinate files…"))
        self.import_button.setToolTip(tr("Read coordinate files as reported to the ministry "
                                         "and use them as the project parcels layer."))
        self.import_button.clicked.connect(lambda: self.import_coordinates())
        column.addWidget(self.import_button)
        return self.layers_box

    def _fields_box(self) -> QWidget:
        box = section(tr("Fields"), f"sgnrFields_{self.config.name}")
        self.unit_combo = QComboBox()
        self.unit_combo.addItems(unit_names())
        self.unit_combo.setCurrentIndex(DEFAULT_UNIT)
        self.unit_combo.currentIndexChanged.connect(self.save_mapping)
        self._fields_form.addRow(form_label(tr("Unit of the declared area")),
                                   self.unit_combo)
        box.setLayout(self._fields_form)
        return box

    def _ruleset_box(self) -> QWidget:
        box = section(tr("Rules and thresholds"), f"sgnrRules_{self.config.name}",
                      collapsed=True)
        layout = QVBoxLayout(box)
        self.ruleset_file = QgsFileWidget()
        self.ruleset_file.setFilter(tr("Rule sets (*.json)"))
        self.ruleset_file.setToolTip(tr("Empty: the built-in rule set of this check."))
        rule_set_file_texts(self.ruleset_file)
        self.ruleset_file.fileChanged.connect(self._ruleset_changed)
        rule_form = _form()
        rule_form.addRow(form_label(tr("Rule set file")), self.ruleset_file)
        layout.addLayout(rule_form)
        self.threshold_table = QTableWidget(0, 3)
        self.threshold_table.setHorizontalHeaderLabels([tr("Threshold"), tr("Value"),
                                                        tr("Note")])
        header = self.threshold_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        header.setStretchLastSection(True)
        self.threshold_table.verticalHeader().setVisible(False)
        self.threshold_table.itemChanged.connect(self.save_mapping)
        layout.addWidget(self.threshold_table)
        self.load_thresholds()
        return box

    def _output_box(self) -> QWidget:
        box = section(tr("Output"), f"sgnrOutput_{self.config.name}", collapsed=True)
        self.report_file = QgsFileWidget()
        self.report_file.setStorageMode(QgsFileWidget.SaveFile)
        self.report_file.setFilter(tr("Excel workbooks (*.xlsx)"))
        self.report_file.setToolTip(tr("Where each run writes its report. Empty: a temporary "
                                       "file; use “Export report…” to keep it."))
        report_file_texts(self.report_file)
        self.report_file.fileChanged.connect(self.save_mapping)
        output_form = _form()
        output_form.addRow(form_label(tr("Report file")), self.report_file)
        box.setLayout(output_form)
        return box

    def _results_pane(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self._run_row())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.chart = VerdictChart()
        self.chart.setVisible(False)
        layout.addWidget(self.summary)
        layout.addWidget(self.chart)
        layout.addLayout(self._filter_row())
        self.tree = QTreeView()
        self.tree.setMinimumHeight(120)
        self.tree.setUniformRowHeights(True)
        self.tree.setIndentation(14)
        self.tree.doubleClicked.connect(self.zoom_to)
        layout.addWidget(self.tree, 1)
        self.export_row = QHBoxLayout()  # other exports (PDF…) add their button here
        self.export_button = QPushButton(tr("Export report…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(lambda: self.export_report())
        self.export_row.addWidget(self.export_button)
        self.export_row.addWidget(self.build_pdf_button())  # 导出核查单 PDF (check_pdf_export)
        self.export_row.addStretch(1)
        layout.addWidget(self.status)
        layout.addLayout(self.export_row)
        self.refresh_tree()
        return pane

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
        self.progress.setMaximumHeight(self.fontMetrics().height() + 4)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        for widget in (self.check_selected_button, self.check_all_button, self.cancel_button):
            widget.setSizePolicy(QSizePolicy.Minimum, QSizePolicy.Fixed)
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

    def show_message(self, text: str, level=Qgis.Critical, details: str = "") -> None:
        """An error or notice at the top of the panel (the QGIS message bar). The text wraps
        (a narrow panel would cut a one-line message); the log is one click away."""
        self.message_bar.clearWidgets()
        body = QWidget()
        body.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        label = QLabel(text)
        label.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Preferred)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextSelectableByMouse)
        column.addWidget(label)
        if details:
            button = QPushButton(tr("Show the log…"))
            button.clicked.connect(lambda _checked=False: _show_log(self, text, details))
            column.addWidget(button, 0, Qt.AlignLeft)
        self._message_label = label
        self.message_bar.pushWidget(body, level, 0)

    def message_text(self) -> str:
        """The message shown in the panel's message bar ("" when none)."""
        label = getattr(self, "_message_label", None)
        if self.message_bar.currentItem() is None or label is None or sip.isdeleted(label):
            return ""
        return label.text()


def _show_log(parent, text: str, log: str) -> None:
    box = QMessageBox(QMessageBox.Critical, tr("The check failed"), text, QMessageBox.Close,
                      parent)
    box.setDetailedText(log)
    box.exec_()


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setRowWrapPolicy(QFormLayout.WrapLongRows)  # labels above pickers when narrow
    form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
    return form
