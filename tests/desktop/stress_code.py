"""``qgis --code`` script: run a check from its panel again and again while the map redraws.

QGIS 3.22 crashed (SIGSEGV in ``QgsProject::createExpressionContextScope`` under
``QgsMapCanvas::refreshMap``) within 2–7 checks when the canvas redrew while a check ran in
its background task: the worker thread read the project's layers while the canvas drew them.
This script loads the tiny sample (DEM as a hillshade, which keeps the render threads busy),
refreshes the canvas every 20 ms, runs the mine check from its panel ``SGNR_STRESS_RUNS``
times one after the other, and writes how many runs started and succeeded after each one: a
crash leaves a report with fewer runs than asked.
"""

import json
import os

from qgis import utils
from qgis.core import (
    QgsApplication,
    QgsHillshadeRenderer,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QTimer

REPORT = os.environ["SGNR_STRESS_REPORT"]
SAMPLE = os.environ["SGNR_STRESS_SAMPLE"]
DEM = os.environ["SGNR_STRESS_DEM"]
RUNS = int(os.environ.get("SGNR_STRESS_RUNS", "30"))
LAYERS = ("DLTB", "XM_KSXF", "LSYLKS", "CKQ", "DL", "HL", "DZZHD", "STBHHX", "ZRBHD")
state = {"runs": 0, "ok": 0, "errors": []}
redraw = QTimer()


def _save():
    with open(REPORT, "w", encoding="utf-8") as handle:
        json.dump(state, handle)


def _quit():
    redraw.stop()
    _save()
    QgsApplication.instance().exit(0)


def _dock():
    return utils.plugins["sg_nr_plugin"].docks["mine"]


def _start():
    try:
        project = QgsProject.instance()
        for name in LAYERS:
            project.addMapLayer(QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr"))
        dem = QgsRasterLayer(DEM, "DEM")
        dem.setRenderer(QgsHillshadeRenderer(dem.dataProvider(), 1, 315, 45))
        project.addMapLayer(dem)
        utils.iface.mapCanvas().zoomToFullExtent()
        dock = _dock()
        dock.show()
        state["roles"] = sorted(dock.detect_roles())
        dock.runner.finished.connect(_finished)
        redraw.timeout.connect(utils.iface.mapCanvas().refresh)
        redraw.start(20)
        _run()
    except Exception as error:  # report, never hang the desktop
        state["errors"].append(repr(error))
        _quit()


def _run():
    state["runs"] += 1
    _save()
    if not _dock().run_check(False):
        state["errors"].append("the check did not start")
        _quit()


def _finished(ok, results, layers):
    state["ok"] += int(bool(ok))
    _save()
    if state["runs"] >= RUNS:
        QTimer.singleShot(300, _quit)
    else:
        QTimer.singleShot(50, _run)


QTimer.singleShot(3000, _start)
QTimer.singleShot(600_000, _quit)  # never hang
