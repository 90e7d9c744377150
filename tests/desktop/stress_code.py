"""``qgis --code`` script: run the three checks again and again while the map redraws (#18).

QGIS 3.22 crashed (SIGSEGV in ``QgsExpressionContextScope::addVariable`` under
``QgsProject::createExpressionContextScope`` ← ``QgsMapCanvas::refreshMap``) within a few checks
when the canvas redrew while a check ran in its background task: a layer lookup in the worker
thread cleared the project's expression scope while the canvas rebuilt it (see
sg_nr_plugin/processing/prepared.py). This script loads the tiny sample (the DEM as a
hillshade, which keeps the render threads busy), refreshes the canvas every ``SGNR_STRESS_MS``
ms, and runs each check ``SGNR_STRESS_RUNS`` times from its panel and as many times through
QGIS's own ``QgsProcessingAlgRunnerTask`` with a context bound to the project, one run after
the other. After each run it writes how many runs started and succeeded: a crash leaves a
report with fewer runs than asked.
"""

import json
import os

from qgis import utils
from qgis.core import (
    QgsApplication,
    QgsHillshadeRenderer,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QTimer

REPORT = os.environ["SGNR_STRESS_REPORT"]
SAMPLE = os.environ["SGNR_STRESS_SAMPLE"]
DEM = os.environ["SGNR_STRESS_DEM"]
RUNS = int(os.environ.get("SGNR_STRESS_RUNS", "20"))
REDRAW_MS = int(os.environ.get("SGNR_STRESS_MS", "50"))
LAYERS = ("DLTB", "XM_BCGD", "XM_KZST", "XM_KSXF", "STBHHX", "ZRBHD", "GYL", "CZKFBJ",
          "YJJBNT", "JZKKPD", "DZZHD", "LSYLKS", "CKQ", "DL", "HL")
# Through QgsProcessingAlgRunnerTask: parameters naming project layers ("@NAME": its id).
TASKS = {
    "farmland": ("sgnr:checkfarmland", {
        "PROJECTS": "@XM_BCGD", "DLTB": "@DLTB", "ECO_REDLINE": "@STBHHX",
        "PROTECTED_AREAS": "@ZRBHD", "PUBLIC_FOREST": "@GYL", "URBAN_BOUNDARY": "@CZKFBJ",
        "BASIC_FARMLAND": "@YJJBNT", "STEEP_SLOPE": "@JZKKPD", "HAZARDS": "@DZZHD",
        "DEM": "@DEM"}),
    "paddy": ("sgnr:checkpaddy", {
        "PROJECTS": "@XM_KZST", "DLTB": "@DLTB", "ECO_REDLINE": "@STBHHX",
        "BASIC_FARMLAND": "@YJJBNT", "DEM": "@DEM"}),
    "mine": ("sgnr:checkmine", {
        "PROJECTS": "@XM_KSXF", "DLTB": "@DLTB", "ECO_REDLINE": "@STBHHX",
        "PROTECTED_AREAS": "@ZRBHD", "HAZARDS": "@DZZHD", "DEM": "@DEM"}),
}
PLAN = [(kind, way) for kind in TASKS for way in ("panel", "task") for _ in range(RUNS)]
state = {"runs": 0, "ok": 0, "errors": [], "failed": [], "roles": {}}
keep = {}  # a running task's context and feedback (QGIS keeps raw pointers)
redraw = QTimer()


def _save():
    with open(REPORT, "w", encoding="utf-8") as handle:
        json.dump(state, handle)


def _quit():
    redraw.stop()
    _save()
    QgsApplication.instance().exit(0)


def _dock(kind):
    return utils.plugins["sg_nr_plugin"].docks[kind]


def _start():
    try:
        project = QgsProject.instance()
        for name in LAYERS:
            project.addMapLayer(QgsVectorLayer(f"{SAMPLE}|layername={name}", name, "ogr"))
        dem = QgsRasterLayer(DEM, "DEM")
        dem.setRenderer(QgsHillshadeRenderer(dem.dataProvider(), 1, 315, 45))
        project.addMapLayer(dem)
        utils.iface.mapCanvas().zoomToFullExtent()
        for kind in TASKS:
            dock = _dock(kind)
            dock.show()
            state["roles"][kind] = sorted(dock.detect_roles())
            dock.runner.finished.connect(lambda ok, _results, _layers, kind=kind:
                                         _finished(ok, kind, "panel"))
        redraw.timeout.connect(utils.iface.mapCanvas().refresh)
        redraw.start(REDRAW_MS)
        _next()
    except Exception as error:  # report, never hang the desktop
        state["errors"].append(repr(error))
        _quit()


def _next():
    if state["runs"] >= len(PLAN):
        QTimer.singleShot(300, _quit)
        return
    kind, way = PLAN[state["runs"]]
    state["runs"] += 1
    _save()
    if way == "panel":
        if not _dock(kind).run_check(False):
            state["errors"].append(f"the {kind} check did not start from its panel")
            _quit()
        return
    _start_task(kind)


def _start_task(kind):
    project = QgsProject.instance()
    ids = {layer.name(): layer.id() for layer in project.mapLayers().values()}
    algorithm_id, values = TASKS[kind]
    parameters = {key: ids[value[1:]] for key, value in values.items()}
    parameters.update(OUTPUT_FINDINGS="TEMPORARY_OUTPUT", OUTPUT_PROJECTS="TEMPORARY_OUTPUT")
    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    keep.update(context=context, feedback=feedback, task=task)
    task.executed.connect(lambda ok, _results: QTimer.singleShot(
        0, lambda: _finished(ok, kind, "task")))
    QgsApplication.taskManager().addTask(task)


def _finished(ok, kind, way):
    state["ok"] += int(bool(ok))
    if not ok:
        state["failed"].append(f"{kind}/{way}")
    _save()
    QTimer.singleShot(50, _next)


QTimer.singleShot(3000, _start)
QTimer.singleShot(1_500_000, _quit)  # never hang
