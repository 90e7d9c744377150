"""The three check panels speak one language (#18): after a check run under zh_CN no English
word is left in the panel; under en_US no Chinese is left in the findings' messages, rule
titles and thresholds.

The Chinese run installs the plugin's catalogue only, as a desktop started with ``--lang zh_CN``
has it (QGIS ships ``qgis_zh-Hans.qm`` and finds no QGIS catalogue for ``zh_CN``): the texts of
QGIS widgets inside the panel (the file picker) must come from the plugin too. Texts that are
the user's data are not judged, nor codes users know (tests/panel_texts.py). GEOS's reason for
an invalid parcel ("Self-intersection") comes English from QGIS without its catalogue: the
plugin translates it (core/geos_texts.py).
"""

from __future__ import annotations

import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent

from tests.checks.helpers import dltb, layer, projects, rect_wkt
from tests.gui.test_check_dock import wait_until
from tests.panel_texts import CJK, data_texts, english_words, expand, panel_texts

_ROLES = ("PROJECTS", "DLTB", "ECO_REDLINE", "HAZARDS")
BOWTIE = ("POLYGON((500120 2745000,500180 2745060,500180 2745000,500120 2745060,"
          "500120 2745000))")


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
    expand(dock)
    return dock


def _close(dock) -> None:
    """Stop and delete the panel while its layers are still there (clearing the project under
    a half-deleted panel fires its picker slots into a dead object and aborts the process)."""
    dock.runner.cancel()
    wait_until(lambda: not dock.runner.running, 30)
    QgsProject.instance().clear()
    dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


@pytest.fixture
def qgis_chinese(qgis_app):
    """The plugin's catalogue installed as the plugin installs it at start-up."""
    from sg_nr_plugin.i18n import install_translator, remove_translator

    assert install_translator("zh_CN")
    yield
    remove_translator()


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
        chinese = [t for t in shown if CJK.search(t)]
        assert chinese == []
        titles = {title for title, _ in rows}
        assert "Declared and measured area differ" in titles
        assert any("(self-intersection)" in message for _, message in rows)
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
        assert any("（自相交）" in text for _, text in texts)  # GEOS's reason, translated
        assert "未核查" in dock.status.text()  # protected areas not given
        assert english_words(texts, data_texts(layers.values())) == []
    finally:
        _close(dock)
