"""What a user can read in a panel, and the English words in it (#18).

Used by ``tests/gui/test_panel_language.py`` and by the desktop smoke script
(``tests/desktop/smoke_code.py``). Texts that are the user's data are not judged (layer names,
field names, text values: :func:`data_texts`), nor a short list of codes that Chinese users read
as they are (:data:`CODES`).
"""

from __future__ import annotations

import re

from qgis.PyQt.QtCore import QModelIndex, Qt
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QWidget,
)

# Codes of the 三调 standard, and DEM, PDF, Excel, the CGCS2000 datum, QGIS itself; with them the
# field codes the plugin names when it says which field it looks for ("（空：XFMS/修复模式）"):
# see known_codes().
CODES = {"DLTB", "BSM", "DLBM", "DLMC", "TBMJ", "KCXS", "GDPDJB", "DEM", "PDF", "Excel", "CGCS",
         "QGIS"}
WORD = re.compile(r"[A-Za-z]{3,}")
CJK = re.compile(r"[\u3400-\u9fff]")


def known_codes() -> set[str]:
    """:data:`CODES` and the upper-case field codes of the role table (XMBH, XMBM, SBMJ…)."""
    from sg_nr_plugin.core.schema.roles import role_table

    codes = set(CODES)
    for role in role_table().field_roles.values():
        codes.update(a for a in role.aliases + role.weak_aliases if re.fullmatch(r"[A-Z0-9]+", a))
    return codes


def expand(dock) -> None:
    """Open the panel's collapsed groups (the threshold editor is judged too)."""
    for box in dock.findChildren(QGroupBox):
        if hasattr(box, "setCollapsed"):
            box.setCollapsed(False)


def _model_texts(model, parent=None) -> list[str]:
    parent = parent or QModelIndex()
    texts = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            texts += [str(index.data(Qt.DisplayRole) or ""),
                      str(index.data(Qt.ToolTipRole) or "")]
        texts += _model_texts(model, model.index(row, 0, parent))
    return texts


def _widget_texts(widget) -> list[str]:
    texts = [widget.toolTip(), widget.whatsThis()]
    if isinstance(widget, (QLabel, QAbstractButton)):
        texts.append(widget.text())
    if isinstance(widget, QGroupBox):
        texts.append(widget.title())
    if isinstance(widget, QComboBox):
        texts += [widget.itemText(i) for i in range(widget.count())]
    if isinstance(widget, QLineEdit):
        texts += [widget.text(), widget.placeholderText()]
    if isinstance(widget, QTabWidget):
        texts += [widget.tabText(i) for i in range(widget.count())]
    if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView) \
            and widget.model() is not None:  # a header shows its view's model: once is enough
        model = widget.model()
        texts += _model_texts(model)
        texts += [str(model.headerData(i, Qt.Horizontal) or "")
                  for i in range(model.columnCount())]
    return texts


PATH = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][^\s/\\，。；：、]+)+")


def panel_texts(dock) -> list[tuple[str, str]]:
    """Every text of the panel's widgets that are not hidden: ``(widget class, text)``."""
    found = [("title", dock.windowTitle())]
    # a file or folder path is the user's data (like a layer name): not judged
    for widget in dock.findChildren(QWidget):
        if widget.isVisibleTo(dock):
            found += [(type(widget).__name__, PATH.sub(" ", t)) for t in _widget_texts(widget)
                      if t]
    return found


def data_texts(layers, extra=()) -> list[str]:
    """The user's data: layer names, field names and text values (longest first)."""
    texts = set(extra)
    for layer in layers:
        texts.add(layer.name())
        if hasattr(layer, "fields"):
            texts.update(layer.fields().names())
            for feature in layer.getFeatures():
                texts.update(v for v in feature.attributes() if isinstance(v, str))
    return sorted((t for t in texts if t), key=len, reverse=True)


def english_words(texts, data) -> list[tuple[str, str]]:
    """``(widget class, word)`` of every English word left once the data are taken out."""
    codes = known_codes()
    bad = []
    for kind, text in texts:
        for item in data:
            text = text.replace(item, " ")
        bad += [(kind, word) for word in WORD.findall(text) if word not in codes]
    return bad
