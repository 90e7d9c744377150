"""“Export check sheets (PDF)…” of a check panel (导出核查单 PDF).

The sheets are an output of the check algorithm itself (``OUTPUT_PDF``): the button runs the
check again in the background on the panel's layers and settings of the last run, writing the
PDF only (staged, so a cancel or a failure leaves no file). The panel (gui/check_dock.py)
calls :meth:`PdfExportMixin.build_pdf_button` when it builds its widgets, stores the
parameters of each run in ``pdf_parameters`` and enables the button after a successful run.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import QFileDialog, QMessageBox, QPushButton

from ..i18n import tr
from .task_runner import AlgorithmTaskRunner

_NOT_FOR_PDF = ("OUTPUT_XLSX",)


class PdfExportMixin:
    """Adds the PDF button and its background run to a :class:`CheckDock`."""

    pdf_parameters: dict | None = None
    pdf_path: str | None = None

    def build_pdf_button(self) -> QPushButton:
        self.pdf_runner = AlgorithmTaskRunner(self)
        self.pdf_runner.finished.connect(self._pdf_finished)
        self._pdf_ask_open = False
        self.pdf_button = QPushButton(tr("Export check sheets (PDF)…"))
        self.pdf_button.setToolTip(tr("Check the same projects again and write one A4 check "
                                      "sheet per project: map, findings, figures, thresholds "
                                      "and signature block."))
        self.pdf_button.setEnabled(False)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())
        return self.pdf_button

    def export_pdf(self, target: str | None = None) -> bool:
        """Start writing the sheets to ``target`` (asked for when None); False when not
        started."""
        if not self.pdf_parameters or self.pdf_runner.running:
            return False
        self._pdf_ask_open = target is None
        if target is None:
            target, _ = QFileDialog.getSaveFileName(self, tr("Export check sheets (PDF)"), "",
                                                    tr("PDF files (*.pdf)"))
            if not target:
                return False
        if not target.lower().endswith(".pdf"):
            target += ".pdf"
        parameters = {key: value for key, value in self.pdf_parameters.items()
                      if key not in _NOT_FOR_PDF}
        parameters.update({"OUTPUT_FINDINGS": "TEMPORARY_OUTPUT",
                           "OUTPUT_PROJECTS": "TEMPORARY_OUTPUT", "OUTPUT_PDF": target})
        started = self.pdf_runner.start(self.config.algorithm_id, parameters)
        self.pdf_button.setEnabled(not started)
        if started:
            self._pdf_controls(True)
        self.status.setText(tr("Writing the check sheets…") if started
                            else tr("The check sheets could not be started."))
        return started

    def _pdf_controls(self, running: bool) -> None:
        """The panel's progress bar and Cancel button follow the PDF run too."""
        if not getattr(self, "_pdf_wired", False):
            self._pdf_wired = True
            self.pdf_runner.progress.connect(lambda value: self.progress.setValue(int(value)))
            self.cancel_button.clicked.connect(self.pdf_runner.cancel)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(running or self.runner.running)

    def _pdf_finished(self, ok: bool, results: dict, _layers: dict) -> None:
        self.pdf_button.setEnabled(True)
        self._pdf_controls(False)
        path = results.get("OUTPUT_PDF")
        if not ok or not path:
            self.status.setText(tr("The check sheets were not written.\n{log}").format(
                log=results.get("_log", "")[-2000:]))
            return
        self.pdf_path = path
        self.status.setText(tr("Check sheets written: {path}").format(path=path))
        if self._pdf_ask_open and QMessageBox.question(
                self, tr("Export check sheets (PDF)"),
                tr("Check sheets written. Open them now?")) == QMessageBox.Yes:
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
