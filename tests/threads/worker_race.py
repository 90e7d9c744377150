"""Run sgnr algorithms in Processing's background task while the main thread keeps rebuilding
the project's expression scope, as QGIS's map canvas does on every redraw (issue #18).

Run as a script (a crash must not take pytest down): ``python worker_race.py GPKG OUT RUNS``.
Writes a JSON summary to OUT; a SIGSEGV leaves no summary and a negative exit status.

The main thread's loop alternates ``QgsProject.setTitle`` (which drops the cached scope) and
``createExpressionContextScope`` (which rebuilds it) all the time the tasks run, so that a
worker thread clearing the cache (``QgsProject::layerStore()`` behind every layer lookup in the
project) meets a rebuild in progress within a few runs, instead of once in dozens of desktop
checks as with a canvas redrawing every 50 ms.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsMapCanvas  # noqa: E402
from qgis.PyQt.QtCore import QTimer  # noqa: E402

LAYERS = ("DLTB", "XM_BCGD", "XM_KZST", "XM_KSXF", "STBHHX", "GYL", "YJJBNT", "CZKFBJ",
          "ZRBHD", "JZKKPD", "DZZHD", "LSYLKS", "CKQ")
# (algorithm, parameters naming project layers by id: "@NAME")
RUNS = (
    ("sgnr:checkfarmland", {"PROJECTS": "@XM_BCGD", "DLTB": "@DLTB", "ECO_REDLINE": "@STBHHX",
                            "PUBLIC_FOREST": "@GYL", "BASIC_FARMLAND": "@YJJBNT",
                            "URBAN_BOUNDARY": "@CZKFBJ", "PROTECTED_AREAS": "@ZRBHD",
                            "STEEP_SLOPE": "@JZKKPD", "HAZARDS": "@DZZHD"}),
    ("sgnr:checkpaddy", {"PROJECTS": "@XM_KZST", "DLTB": "@DLTB", "ECO_REDLINE": "@STBHHX",
                         "BASIC_FARMLAND": "@YJJBNT"}),
    ("sgnr:checkmine", {"PROJECTS": "@XM_KSXF", "DLTB": "@DLTB", "ECO_REDLINE": "@STBHHX"}),
    ("sgnr:overlaystats", {"INPUT": "@DLTB", "OVERLAY": "@YJJBNT"}),
    ("sgnr:landusesummary", {"INPUT": "@DLTB"}),
)
OUTPUTS = ("OUTPUT", "OUTPUT_FINDINGS", "OUTPUT_PROJECTS")
BURST = 200  # rebuilds per turn of the event loop: the main thread is nearly always in one


def main(gpkg: str, out: str, rounds: int) -> int:
    app = QgsApplication([], True)
    app.initQgis()
    from sg_nr_plugin.processing.provider import SgNrProvider

    provider = SgNrProvider()  # the registry does not keep the Python object alive
    QgsApplication.processingRegistry().addProvider(provider)
    project = QgsProject.instance()
    ids = {}
    for name in LAYERS:
        layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
        project.addMapLayer(layer)
        ids[name] = layer.id()
    state = {"started": 0, "ok": 0, "failed": [], "rebuilds": 0}
    queue = [run for _ in range(rounds) for run in RUNS]
    keep = {}

    def rebuild() -> None:  # what the canvas does on each redraw, as often as possible
        for _ in range(BURST):
            project.setTitle(str(state["rebuilds"]))
            project.createExpressionContextScope()
            state["rebuilds"] += 1

    def start_next() -> None:
        if not queue:
            timer.stop()
            Path(out).write_text(json.dumps(state))
            app.exit(0)
            return
        alg_id, values = queue.pop(0)
        parameters = {key: ids[value[1:]] if value.startswith("@") else value
                      for key, value in values.items()}
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(alg_id)
        for definition in algorithm.destinationParameterDefinitions():
            if definition.name() in OUTPUTS:
                parameters[definition.name()] = "TEMPORARY_OUTPUT"
        context = QgsProcessingContext()
        context.setProject(project)
        feedback = QgsProcessingFeedback()
        task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
        keep.update(context=context, feedback=feedback, task=task)  # alive while it runs

        def done(ok, _results) -> None:
            state["ok" if ok else "failed"] = (state["ok"] + 1 if ok
                                               else state["failed"] + [alg_id])
            QTimer.singleShot(0, start_next)

        task.executed.connect(done)
        state["started"] += 1
        QgsApplication.taskManager().addTask(task)

    canvas = QgsMapCanvas()  # its refresh rebuilds the scope in C++, without Python's lock
    canvas.setLayers(list(project.mapLayers().values()))
    canvas.setDestinationCrs(project.mapLayer(ids["DLTB"]).crs())
    canvas.setExtent(project.mapLayer(ids["DLTB"]).extent())
    canvas.resize(400, 300)
    canvas.show()
    timer = QTimer()
    timer.timeout.connect(rebuild)
    timer.timeout.connect(canvas.refresh)
    timer.start(0)
    QTimer.singleShot(0, start_next)
    app.exec_()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
