"""``qgis --code`` script of tools/screenshots.py (runs inside QGIS desktop).

Opens the project (made first from the tiny fixture when there is no sample project), records
what each panel's pickers hold without pressing "Detect layers", runs each check from its panel,
grabs the panel after the run, writes a JSON report and quits.
"""

import json
import os
import time

from qgis import utils
from qgis.core import QgsApplication, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication

OUT = os.environ["SGNR_SHOT_OUT"]
REPORT = os.environ["SGNR_SHOT_REPORT"]
SIZE = os.environ["SGNR_SHOT_SIZE"]
PROJECT = os.environ["SGNR_SHOT_PROJECT"]
TINY_LAYERS = ("DLTB", "STBHHX", "ZRBHD", "GYL", "CZKFBJ", "YJJBNT", "JZKKPD", "DZZHD",
               "XM_BCGD", "XM_KZST", "XM_KSXF")
report = {"size": SIZE, "panels": {}, "errors": []}
queue = []


def _write_and_quit():
    with open(REPORT, "w", encoding="utf-8") as handle:
        json.dump(report, handle, ensure_ascii=False, indent=1)
    QgsApplication.instance().exit(0)


def _make_tiny_project():
    """A .qgz of the tiny fixture's layers, written by a separate project object."""
    gpkg = os.environ.get("SGNR_SHOT_GPKG")
    if not gpkg or os.path.exists(PROJECT):
        return
    project = QgsProject()
    dem = os.environ.get("SGNR_SHOT_DEM")
    if dem:  # first: at the bottom of the layer tree
        project.addMapLayer(QgsRasterLayer(dem, "dem"))
    project.addMapLayers([QgsVectorLayer(f"{gpkg}|layername={n}", n, "ogr")
                          for n in TINY_LAYERS])
    project.setCrs(project.mapLayersByName("DLTB")[0].crs())
    project.write(PROJECT)


def _start():
    try:
        window = utils.iface.mainWindow()
        window.setGeometry(QApplication.primaryScreen().availableGeometry())
        _make_tiny_project()
        utils.iface.addProject(PROJECT)
        utils.iface.mapCanvas().zoomToFullExtent()
        plugin = utils.plugins["sg_nr_plugin"]
        for name, dock in plugin.docks.items():
            report["panels"][name] = {"pickers_after_open": _pickers(dock)}
            queue.append((name, dock))
        QTimer.singleShot(1000, _next)
        QTimer.singleShot(600_000, _write_and_quit)  # never hang
    except Exception as error:  # report, never hang the desktop
        report["errors"].append(repr(error))
        _write_and_quit()


def _pickers(dock):
    return {"layers": {r: (c.currentLayer().name() if c.currentLayer() else "")
                       for r, c in dock.role_combos.items()},
            "fields": {p: c.currentField() for p, c in dock.field_combos.items()}}


def _verdicts(dock):
    layer = dock.result_layers.get("OUTPUT_PROJECTS")
    if layer is None:
        return {}
    return {f["project_id"]: [f["verdict"], f["not_checked"]] for f in layer.getFeatures()}


def _next():
    if not queue:
        _write_and_quit()
        return
    name, dock = queue[0]
    try:
        dock.show()
        dock.raise_()
        dock.runner.finished.connect(_finished)
        if not dock.run_check(False):
            report["panels"][name]["error"] = dock.message_text()
            queue.pop(0)
            QTimer.singleShot(100, _next)
    except Exception as error:
        report["panels"][name]["error"] = repr(error)
        queue.pop(0)
        QTimer.singleShot(100, _next)


def _finished(ok, _results, _layers):
    name, dock = queue.pop(0)
    dock.runner.finished.disconnect(_finished)
    report["panels"][name]["ok"] = bool(ok)
    QTimer.singleShot(1500, lambda: _grab(name, dock))


def _grab(name, dock):
    panel = report["panels"][name]
    try:
        canvas = utils.iface.mapCanvas()
        deadline = time.time() + 10
        while canvas.isDrawing() and time.time() < deadline:
            QgsApplication.processEvents()
        QgsApplication.processEvents()
        path = os.path.join(OUT, f"{name}_{SIZE}.png")
        panel.update(
            dock_width=dock.width(), dock_height=dock.height(),
            minimum_width=dock.minimumSizeHint().width(),
            horizontal_scroll=dock.form_area.horizontalScrollBar().isVisible(),
            summary=dock.summary.text(), message=dock.message_text(),
            counts=dock.verdict_counts, status=dock.status.text(),
            pickers_after_run=_pickers(dock),
            verdicts=_verdicts(dock),
            png=path if dock.grab().save(path, "PNG") else "")
        window_png = os.path.join(os.path.dirname(REPORT), f"window_{name}.png")
        window = utils.iface.mainWindow()
        window.grab().save(window_png, "PNG")
    except Exception as error:
        panel["error"] = repr(error)
    QTimer.singleShot(200, _next)


QTimer.singleShot(3000, _start)
