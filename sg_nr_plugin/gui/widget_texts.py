"""The plugin's own texts on QGIS widgets whose built-in texts are English under ``--lang
zh_CN``: QGIS ships ``qgis_zh-Hans.qm``, so a desktop started with ``zh_CN`` translates the
plugin (its catalogue is found by the zh prefix) but not QGIS's own widget texts."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLineEdit, QToolButton

from ..i18n import tr


def picker_texts(widget, title: str, tooltip: str, placeholder: str) -> None:
    """Path tooltip, placeholder, browse-button text and tooltip and dialog title of a file or
    folder picker (a ``QgsFileWidget``)."""
    widget.setDialogTitle(title)
    for line in widget.findChildren(QLineEdit):
        line.setToolTip(tooltip)
        line.setPlaceholderText(placeholder)
    # The browse button only: the line edit's clear button is the line edit's own child.
    for button in widget.findChildren(QToolButton, "", Qt.FindDirectChildrenOnly):
        button.setText("…")
        button.setToolTip(title)


def rule_set_file_texts(widget) -> None:
    picker_texts(widget, tr("Choose a rule-set file"),
                 tr("Path of the rule-set file; empty: the built-in Guangdong rule set"),
                 tr("Empty: the built-in Guangdong rule set"))


def report_file_texts(widget) -> None:
    picker_texts(widget, tr("Choose the report file"),
                 tr("Path of the report workbook; empty: a temporary file"),
                 tr("Empty: a temporary file"))


def results_folder_texts(widget) -> None:
    picker_texts(widget, tr("Choose the results folder"),
                 tr("Folder of the results GeoPackage; empty: the project's folder"),
                 tr("Empty: the project's folder"))
