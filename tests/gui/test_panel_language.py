"""The three check panels speak one language (#18): after a check run under zh_CN no English
word is left in the panel; under en_US no Chinese is left in the findings' messages, rule
titles and thresholds.

The Chinese run installs QGIS's own zh-Hans catalogue beside the plugin's (as QGIS desktop
under zh_CN does), so the QGIS widgets inside the panel (file picker, collapsible group) are
judged as a user sees them. Texts that are the user's data are not judged: the names of the
input layers, their field names and their text values. Nor is GEOS's reason for an invalid
parcel ("Self-intersection"): QGIS translates it with its own catalogue, once per process (so in
a test process it stays in the language of the first run). Besides those, a short list of codes
users know in Chinese documents too is allowed (_CODES).
"""

from __future__ import annotations

import re

import pytest
from qgis.core import QgsApplication, QgsGeometry
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTranslator
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

from tests.checks.helpers import dltb, layer, projects, rect_wkt
from tests.gui.test_check_dock import wait_until

# Codes that Chinese users read as they are: field and layer codes of the 三调 and project data
# standards (the pickers name the field they look for: "申报修复模式字段（空：XFMS/修复模式）"),
# and DEM, PDF, Excel, the CGCS2000 datum, QGIS itself.
_CODES = {"DLTB", "BSM", "DLBM", "DLMC", "TBMJ", "KCXS", "GDPDJB", "SBMJ", "XMBH", "XZQDM",
          "XFMS", "DEM", "PDF", "Excel", "CGCS", "QGIS"}
_WORD = re.compile(r"[A-Za-z]{3,}")
_CJK = re.compile(r"[\u3400-\u9fff]")
_ROLES = ("PROJECTS", "DLTB", "ECO_REDLINE", "HAZARDS")
BOWTIE = ("POLYGON((500120 2745000,500180 2745060,500180 2745000,500120 2745060,"
          "500120 2745000))")


def geos_reason() -> str:
    """QGIS's text for the bowtie's invalidity, as the check gets it in this process."""
    return QgsGeometry.fromWkt(BOWTIE).validateGeometry(QgsGeometry.ValidatorGeos)[0].what()


def _fixture(chinese: bool) -> dict:
    """Projects with one finding of several kinds: on grassland and on a river (source class),
    partly outside the survey, a declared area that does not match, a self-intersecting parcel
    (GEOS's reason), an ecological redline, a hazard point; protected areas not given."""
    names = (("项目图斑", "生态保护红线", "地质灾害点") if chinese
             else ("project parcels", "eco redline", "hazard points"))
    parcels = projects([
        ("P1", rect_wkt(0, 0, 100, 100), {"SBMJ": 1.0}),
        ("P2", rect_wkt(200, 0, 400, 100), {"SBMJ": 30.0}),
        ("P3", BOWTIE, {"SBMJ": 2.0}),
    ], {"SBMJ": float})
    parcels.setName(names[0])
    survey = dltb([(rect_wkt(-10, -10, 150, 110), "0404", 0.0),
                   (rect_wkt(150, -10, 300, 110), "1101", 0.0)])
    red = layer(names[1], [(rect_wkt(0, 0, 50, 100), {})])
    x, y = 500_060.0, 2_745_050.0
    hazards = layer(names[2], [(f"POINT({x} {y})", {"NAME": "H1"})], {"NAME": str}, "Point")
    return dict(zip(_ROLES, (parcels, survey, red, hazards)))


def _run_dock(config, layers: dict, qgis_iface):
    from sg_nr_plugin.gui.check_dock import CheckDock

    dock = CheckDock(config, qgis_iface)
    for role, memory_layer in layers.items():
        dock.role_combos[role].setLayer(memory_layer)
    dock.field_combos["PROJECT_ID_FIELD"].setField("XMBH")
    dock.field_combos["DECLARED_AREA_FIELD"].setField("SBMJ")
    assert dock.run_check(False), dock.status.text()
    assert wait_until(lambda: not dock.runner.running), "task did not finish"
    assert dock.result_layers, dock.status.text()
    for box in dock.findChildren(QGroupBox):  # the threshold editor is judged too
        if hasattr(box, "setCollapsed"):
            box.setCollapsed(False)
    return dock


def _close(dock) -> None:
    dock.runner.cancel()
    wait_until(lambda: not dock.runner.running, 30)
    dock.deleteLater()
    QCoreApplication.processEvents()


def _model_texts(model, parent=None) -> list[str]:
    from qgis.PyQt.QtCore import QModelIndex

    parent = parent or QModelIndex()
    texts = []
    for row in range(model.rowCount(parent)):
        for column in range(model.columnCount(parent)):
            index = model.index(row, column, parent)
            texts += [str(index.data(Qt.DisplayRole) or ""),
                      str(index.data(Qt.ToolTipRole) or "")]
        texts += _model_texts(model, model.index(row, 0, parent))
    return texts


def panel_texts(dock) -> list[tuple[str, str]]:
    """Every text a user can see in the panel: ``(widget class, text)``."""
    found = [("title", dock.windowTitle())]
    for widget in dock.findChildren(QWidget):
        if not widget.isVisibleTo(dock):
            continue
        kind = type(widget).__name__
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
                and widget.model() is not None:
            model = widget.model()
            texts += _model_texts(model)
            for orientation, count in ((Qt.Horizontal, model.columnCount()),
                                       (Qt.Vertical, 0)):
                texts += [str(model.headerData(i, orientation) or "") for i in range(count)]
        found += [(kind, text) for text in texts if text]
    return found


def _data_texts(layers: dict) -> list[str]:
    """The user's data: layer names, field names and text values (longest first)."""
    texts = set()
    for memory_layer in layers.values():
        texts.add(memory_layer.name())
        texts.update(memory_layer.fields().names())
        for feature in memory_layer.getFeatures():
            texts.update(str(v) for v in feature.attributes() if isinstance(v, str))
    texts.add(geos_reason())
    return sorted((t for t in texts if t), key=len, reverse=True)


def english_words(texts, data) -> list[tuple[str, str]]:
    bad = []
    for kind, text in texts:
        for item in data:
            text = text.replace(item, " ")
        bad += [(kind, word) for word in _WORD.findall(text) if word not in _CODES]
    return bad


@pytest.fixture
def qgis_chinese(qgis_app):
    """QGIS's zh-Hans catalogue and the plugin's, installed as QGIS desktop does."""
    from sg_nr_plugin.i18n import install_translator, remove_translator

    qgis_translator = QTranslator()
    if qgis_translator.load("qgis_zh-Hans", QgsApplication.i18nPath()):
        QCoreApplication.installTranslator(qgis_translator)
    assert install_translator("zh_CN")
    yield
    remove_translator()
    QCoreApplication.removeTranslator(qgis_translator)


def _configs():
    from sg_nr_plugin.gui.check_config import dock_configs

    return {config.name: config for config in dock_configs()}


@pytest.mark.parametrize("name", ["farmland", "paddy", "mine"])
def test_no_chinese_in_the_english_panel_messages(name, project, provider_registered,
                                                  qgis_iface):
    from sg_nr_plugin.i18n import remove_translator

    remove_translator()  # an English desktop: no plugin catalogue for en_US
    layers = _fixture(chinese=False)
    project.addMapLayers(list(layers.values()))
    dock = _run_dock(_configs()[name], layers, qgis_iface)
    try:
        model = dock.tree.model()
        rows = []
        for row in range(model.rowCount()):
            item = model.item(row, 0)
            rows += [(item.child(r, 0).text(), item.child(r, 4).text())
                     for r in range(item.rowCount())]
        assert len(rows) >= 4
        table = dock.threshold_table
        thresholds = [table.item(r, c).text() for r in range(table.rowCount()) for c in (0, 2)]
        shown = [text for pair in rows for text in pair] + thresholds + [dock.status.text()]
        chinese = [t for t in shown if _CJK.search(t.replace(geos_reason(), ""))]
        assert chinese == []
        titles = {title for title, _ in rows}
        assert "Declared and measured area differ" in titles
        assert any(geos_reason() in message for _, message in rows)
    finally:
        _close(dock)


@pytest.mark.parametrize("name", ["farmland", "paddy", "mine"])
def test_no_english_in_the_chinese_panel_after_a_check(name, project, provider_registered,
                                                        qgis_iface, qgis_chinese):
    layers = _fixture(chinese=True)
    project.addMapLayers(list(layers.values()))
    dock = _run_dock(_configs()[name], layers, qgis_iface)
    try:
        findings = list(dock.result_layers["OUTPUT_FINDINGS"].getFeatures())
        rules = {f["rule_id"] for f in findings}
        assert {"outside_survey", "area_mismatch", "geometry", "eco_redline"} <= rules
        texts = panel_texts(dock)
        assert "未核查" in dock.status.text()  # protected areas not given
        assert english_words(texts, _data_texts(layers)) == []
    finally:
        _close(dock)
