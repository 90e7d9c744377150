"""Time the area engine against merely reading the geometries, in one process.

    .venv/bin/python bench/bench_area.py data/bench/dltb.gpkg [--layer DLTB] [--repeat 2]

Prints the seconds of (a) iterating every feature with its geometry through the QGIS provider
and (b) the same iteration measuring every geometry with ``EllipsoidalArea``, and their ratio
(issue 3 target: ≤ 1.5). Not a test: timings on shared machines are noisy, compare ratios.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _iterate(layer) -> int:
    count = 0
    for feature in layer.getFeatures():
        feature.geometry()
        count += 1
    return count


def _measure(layer) -> float:
    from sg_nr_plugin.core.area import EllipsoidalArea

    engine = EllipsoidalArea(layer.crs())
    return float(sum(engine.measure_iter(f.geometry() for f in layer.getFeatures())))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gpkg")
    parser.add_argument("--layer", default="DLTB")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    from qgis.core import QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    layer = QgsVectorLayer(f"{args.gpkg}|layername={args.layer}", args.layer, "ogr")
    if not layer.isValid():
        raise SystemExit(f"cannot open {args.gpkg} layer {args.layer}")
    best_read = best_measure = float("inf")
    for _ in range(args.repeat):  # alternate, keep the best of each: less noise from neighbours
        start = time.perf_counter()
        count = _iterate(layer)
        best_read = min(best_read, time.perf_counter() - start)
        start = time.perf_counter()
        total = _measure(layer)
        best_measure = min(best_measure, time.perf_counter() - start)
    print(f"features            {count}")
    print(f"total area          {total:,.2f} m² ({layer.crs().authid()})")
    print(f"iterate geometries  {best_read:.2f} s")
    print(f"iterate + measure   {best_measure:.2f} s")
    print(f"ratio               {best_measure / best_read:.2f} (target ≤ 1.5)")


if __name__ == "__main__":
    main()
