"""The plugin's own texts on QGIS widgets whose built-in texts are English under ``--lang
zh_CN``: QGIS ships ``qgis_zh-Hans.qm``, so a desktop started with ``zh_CN`` translates the
plugin (its catalogue is found by the zh prefix) but not QGIS's own widget texts."""

from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QLineEdit, QToolButton

from ..i18n import tr


def rule_set_file_texts(widget) -> None:
    """Path tooltip, placeholder, browse-button tooltip and dialog title of the rule-set file
    picker (a ``QgsFileWidget``)."""
    widget.setDialogTitle(tr("Choose a rule-set file"))
    for line in widget.findChildren(QLineEdit):
        line.setToolTip(tr("Path of the rule-set file; empty: the built-in Guangdong rule set"))
        line.setPlaceholderText(tr("Empty: the built-in Guangdong rule set"))
    # The browse button only: the line edit's clear button is the line edit's own child.
    for button in widget.findChildren(QToolButton, "", Qt.FindDirectChildrenOnly):
        button.setToolTip(tr("Choose a rule-set file"))
