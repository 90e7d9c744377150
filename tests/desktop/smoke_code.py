"""``qgis --code`` script for the desktop smoke test.

After QGIS has started (in Chinese): check the plugin is loaded with its provider and menu, load
the tiny sample's layers, open every dock panel, run the farmland check from its panel as a
background task, list the English words left in the panels (#18), then grab a screenshot of
the main window, write a JSON report and quit.
"""

import json
import os
import time

from qgis import utils
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer

REPORT = os.environ["SGNR_SMOKE_REPORT"]
SCREENSHOT = os.environ["SGNR_SMOKE_PNG"]
SAMPLE = os.environ["SGNR_SMOKE_SAMPLE"]
LAYERS = ("DLTB", "STBHHX", "ZRBHD", "GYL", "CZKFBJ", "YJJBNT", "JZKKPD", "XM_BCGD")
report = {"loaded": "sg_nr_plugin" in utils.plugins, "errors": []}


def _write_and_quit():
    with open(REPORT, "w", encoding="utf-8") as handle:
        json.dump(report, handle, ensure_ascii=False)
    QgsApplication.instance().exit(0)


def _start():
    try:
        plugin = utils.plugins.get("sg_nr_plugin")
        report["provider"] = QgsApplication.processingRegistry().providerById("sgnr") is not None
        report["menu"] = bool(plugin and plugin.menu and plugin.menu.actions())
        report["menu_title"] = plugin.menu.title() if plugin and plugin.menu else ""
        report["algorithms"] = sorted(
            a.id() for a in QgsApplication.processingRegistry().algorithms()
            if a.provider() and a.provider().id() == "sgnr")
        for name in LAYERS:
            layer = QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr")
            QgsProject.instance().addMapLayer(layer)
        docks = getattr(plugin, "docks", {}) or {}
        for dock in docks.values():
            dock.show()
        report["docks"] = sorted(docks)
        farmland = docks["farmland"]
        farmland.raise_()
        report["roles"] = {k: bool(v) for k, v in farmland.detect_roles().items()}
        farmland.runner.finished.connect(_check_finished)
        report["started"] = farmland.run_check(False)
        QTimer.singleShot(120_000, _write_and_quit)  # never hang: give up after 2 minutes
    except Exception as error:  # report, never hang the desktop
        report["errors"].append(repr(error))
        _write_and_quit()


def _check_finished(ok, results, layers):
    report["check_ok"] = bool(ok)
    # the layers the panel put on the map (read back from sgnr_results.gpkg: the runner's own
    # ``layers`` are only memory outputs); the panel's slot ran first
    farmland = getattr(utils.plugins.get("sg_nr_plugin"), "docks", {}).get("farmland")
    report["check_layers"] = sorted(getattr(farmland, "result_layers", {}) or layers)
    try:  # the panel has filled its tree (its own slot ran first)
        from panel_texts import data_texts, english_words, expand, panel_texts  # tests/

        data = data_texts(QgsProject.instance().mapLayers().values())
        english = []
        for name, dock in sorted((getattr(utils.plugins["sg_nr_plugin"], "docks", {})).items()):
            expand(dock)
            english += [f"{name}: {kind}: {word}"
                        for kind, word in english_words(panel_texts(dock), data)]
        report["english"] = english
    except Exception as error:
        report["errors"].append(repr(error))
    QTimer.singleShot(1500, _screenshot)


def _screenshot():
    try:
        window = utils.iface.mainWindow()
        window.resize(1280, 800)
        utils.iface.mapCanvas().refreshAllLayers()
        deadline = time.time() + 10
        while utils.iface.mapCanvas().isDrawing() and time.time() < deadline:
            QgsApplication.processEvents()
        QgsApplication.processEvents()
        report["screenshot"] = window.grab().save(SCREENSHOT, "PNG")
    except Exception as error:
        report["errors"].append(repr(error))
    _write_and_quit()


QTimer.singleShot(3000, _start)
