"""Time the PDF check sheets: ``sgnr:checkfarmland`` over N projects with and without
``OUTPUT_PDF``, in one process.

    .venv/bin/python -m bench.bench_pdf [data/tiny/shaoguan_tiny.gpkg] [--projects 100]

N square projects (150 m) are laid out on a grid over the DLTB layer of the GeoPackage (a copy
in a temporary folder: the input stays untouched), each checked against the DLTB and every
control layer found in it; the difference of the two runs is the time of the sheets (target
for 100 sheets: < 60 s on the 2-core machine). Not a test: timings on shared machines are
noisy.
"""

from __future__ import annotations

import argparse
import math
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CONTROL_LAYERS = {"ECO_REDLINE": "STBHHX", "PROTECTED_AREAS": "ZRBHD", "PUBLIC_FOREST": "GYL",
                  "URBAN_BOUNDARY": "CZKFBJ", "BASIC_FARMLAND": "YJJBNT",
                  "STEEP_SLOPE": "JZKKPD"}


def grid_projects(gpkg: Path, count: int, side: float = 150.0) -> str:
    """Write ``count`` square projects over the DLTB extent into layer BENCH_XM of ``gpkg``."""
    from qgis.core import (
        QgsFeature,
        QgsField,
        QgsGeometry,
        QgsRectangle,
        QgsVectorFileWriter,
        QgsVectorLayer,
    )
    from qgis.PyQt.QtCore import QVariant

    dltb = QgsVectorLayer(f"{gpkg}|layername=DLTB", "DLTB", "ogr")
    extent = dltb.extent().buffered(-side)
    per_row = math.ceil(math.sqrt(count))
    step_x, step_y = extent.width() / per_row, extent.height() / per_row
    layer = QgsVectorLayer("MultiPolygon", "BENCH_XM", "memory")
    layer.setCrs(dltb.crs())
    layer.dataProvider().addAttributes([QgsField("XMBH", QVariant.String),
                                        QgsField("XMMC", QVariant.String),
                                        QgsField("XZQDM", QVariant.String)])
    layer.updateFields()
    features = []
    for index in range(count):
        x = extent.xMinimum() + (index % per_row) * step_x
        y = extent.yMinimum() + (index // per_row) * step_y
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(QgsRectangle(x, y, x + side, y + side)))
        feature.setAttributes([f"BENCH-{index + 1:03d}", f"基准项目{index + 1}", "440205"])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.layerName = "BENCH_XM"
    options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
    error = QgsVectorFileWriter.writeAsVectorFormatV2(layer, str(gpkg), dltb.transformContext(),
                                                      options)
    if error[0] != QgsVectorFileWriter.NoError:
        raise SystemExit(f"cannot write the bench projects: {error}")
    return f"{gpkg}|layername=BENCH_XM"


def run_check(parameters: dict, worker: bool = False) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run (CPU: this process, every thread; a fairer
    figure on a shared machine), in this thread or (``worker``) as a panel runs it: a
    QgsProcessingAlgRunnerTask in a thread of the task manager."""
    from qgis.core import (
        QgsApplication,
        QgsProcessingAlgRunnerTask,
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProject,
    )

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("sgnr:checkfarmland")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    start, cpu = time.perf_counter(), time.process_time()
    if worker:
        done: dict = {}
        task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
        task.executed.connect(lambda ok, _results: done.update(ok=ok))
        QgsApplication.taskManager().addTask(task)
        while "ok" not in done:
            QgsApplication.processEvents()
            time.sleep(0.01)
        ok = done["ok"]
    else:
        _results, ok = algorithm.run(parameters, context, feedback)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    if not ok:
        raise SystemExit(feedback.textLog()[-3000:])
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gpkg", nargs="?", default=str(ROOT / "data/tiny/shaoguan_tiny.gpkg"))
    parser.add_argument("--projects", type=int, default=100)
    parser.add_argument("--worker", action="store_true",
                        help="run in a task manager thread, as the panels do")
    args = parser.parse_args()

    from qgis.core import QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    from sg_nr_plugin.processing.provider import SgNrProvider

    provider = SgNrProvider()  # a provider only the registry holds can be collected
    QgsApplication.processingRegistry().addProvider(provider)
    folder = Path(tempfile.mkdtemp(prefix="sgnr-bench-pdf-"))
    try:
        gpkg = Path(shutil.copy(args.gpkg, folder / "bench.gpkg"))
        projects = grid_projects(gpkg, args.projects)
        parameters = {"PROJECTS": projects, "PROJECT_ID_FIELD": "XMBH",
                      "DLTB": f"{gpkg}|layername=DLTB",
                      "OUTPUT_FINDINGS": "memory:", "OUTPUT_PROJECTS": "memory:"}
        for role, name in CONTROL_LAYERS.items():
            if QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr").isValid():
                parameters[role] = f"{gpkg}|layername={name}"
        check = run_check(parameters, args.worker)
        pdf = folder / "sheets.pdf"
        with_pdf = run_check({**parameters, "OUTPUT_PDF": str(pdf)}, args.worker)
        size = pdf.stat().st_size / 1e6
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    sheets, sheets_cpu = with_pdf[0] - check[0], with_pdf[1] - check[1]
    thread = "worker thread" if args.worker else "main thread"
    load = os.getloadavg()[0]
    print(f"projects            {args.projects} ({thread}, load average {load:.1f} on "
          f"{os.cpu_count()} cores)")
    print(f"check               {check[0]:.1f} s (CPU {check[1]:.1f} s)")
    print(f"check + PDF         {with_pdf[0]:.1f} s (CPU {with_pdf[1]:.1f} s, {size:.1f} MB)")
    print(f"sheets              {sheets:.1f} s (CPU {sheets_cpu:.1f} s), "
          f"{sheets / args.projects:.2f} s per project (target for 100: < 60 s)")
    app.exitQgis()


if __name__ == "__main__":
    main()
