"""``make bench-scaling``: checkfarmland (every T4 control layer) on 1, 100 and 1,000 projects
over data sets of different sizes; time and peak memory, a Markdown table and a PNG plot.

``python -m bench.scaling A.gpkg [B.gpkg …] --out docs/scaling.md --png docs/scaling.png``.
Each data set is a generated GeoPackage (``make bench-data``, ``make quick-data``; a smaller
one with ``--window``: the quick data cut to a square around its centre). Each point runs in
its own process (bench/tasks.py ``t4_all`` with ``SGNR_BENCH_PROJECTS``), once: the machine is
shared; the table says so.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

from bench.run import ROOT, machine, make_projects

PROJECT_COUNTS = (1, 100, 1000)


def cut_window(gpkg: Path, out: Path, side_m: float) -> Path:
    """Every layer of ``gpkg`` cut to a ``side_m`` square around its DLTB's centre."""
    from osgeo import gdal, ogr

    if out.exists():
        return out
    source = ogr.Open(str(gpkg))
    x0, x1, y0, y1 = source.GetLayerByName("DLTB").GetExtent()
    cx, cy, half = (x0 + x1) / 2, (y0 + y1) / 2, side_m / 2
    partial = out.with_name(out.stem + ".part.gpkg")
    partial.unlink(missing_ok=True)
    gdal.VectorTranslate(str(partial), str(gpkg), format="GPKG",
                         spatFilter=(cx - half, cy - half, cx + half, cy + half))
    partial.replace(out)
    return out


def parcels(gpkg: Path) -> int:
    from osgeo import ogr

    data = ogr.Open(str(gpkg))  # kept: a layer outlives no data source (GDAL crashes)
    return data.GetLayerByName("DLTB").GetFeatureCount()


def run_point(gpkg: Path, count: int) -> dict:
    projects = make_projects(gpkg, count, f"bench_projects_{count}.gpkg")
    env = dict(os.environ, SGNR_BENCH_PROJECTS=str(projects))
    out = subprocess.run([sys.executable, "-m", "bench.tasks", "t4_all", str(gpkg)], cwd=ROOT,
                         capture_output=True, text=True, timeout=3600, env=env)
    lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
    if not lines:
        return {"error": (out.stderr or "no output")[-300:]}
    return json.loads(lines[-1])


def table(points: list[dict]) -> str:
    lines = ["# Scaling: checkfarmland with every control layer", "",
             f"Run by `make bench-scaling` on: {machine()}. One run per point (shared machine: "
             "expect ±30 %); time of the work itself (Processing start-up excluded), peak RSS "
             "of the process; Processing's start-up (not counted) shows how loaded the machine "
             "was (~0.5 s when quiet).", "",
             "| DLTB parcels | projects | seconds | ms per project | peak RSS MB | start-up s |",
             "|---|---|---|---|---|---|"]
    for p in points:
        if "seconds" not in p:
            lines.append(f"| {p['parcels']} | {p['count']} | – | – | – | "
                         f"({p.get('error', '')}) |")
            continue
        lines.append(f"| {p['parcels']:,} | {p['count']:,} | {p['seconds']:.2f} | "
                     f"{1000 * p['seconds'] / p['count']:.1f} | {p['peak_mb']:.0f} | "
                     f"{p.get('startup_s', 0.0):.1f} |")
    return "\n".join(lines) + "\n"


def plot(points: list[dict], png: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    for count in PROJECT_COUNTS:
        row = sorted((p["parcels"], p) for p in points if p["count"] == count and "seconds" in p)
        if not row:
            continue
        xs = [n for n, _ in row]
        left.plot(xs, [p["seconds"] for _, p in row], marker="o", label=f"{count} project(s)")
        right.plot(xs, [p["peak_mb"] for _, p in row], marker="o", label=f"{count} project(s)")
    for axis, label in ((left, "seconds"), (right, "peak RSS (MB)")):
        axis.set_xscale("log")
        axis.set_xlabel("DLTB parcels")
        axis.set_ylabel(label)
        axis.grid(True, alpha=0.3)
        axis.legend()
    right.axhline(1024, color="red", linestyle="--", linewidth=1)
    figure.suptitle("checkfarmland, every control layer")
    figure.tight_layout()
    figure.savefig(png, dpi=100)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("gpkg", type=Path, nargs="+")
    parser.add_argument("--window", type=float, default=0.0,
                        help="also cut the first data set to a square of this side (m)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "scaling.md")
    parser.add_argument("--png", type=Path, default=ROOT / "docs" / "scaling.png")
    args = parser.parse_args()
    sets = [g.resolve() for g in args.gpkg]
    if args.window:
        sets.insert(0, cut_window(sets[0], sets[0].with_name("window.gpkg"), args.window))
    points = []
    for gpkg in sets:
        size = parcels(gpkg)
        for count in PROJECT_COUNTS:
            point = {"parcels": size, "count": count, **run_point(gpkg, count)}
            print(json.dumps(point), flush=True)
            points.append(point)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(table(points) + f"\n![scaling]({args.png.name})\n", encoding="utf-8")
    plot(points, args.png)
    print(args.out.read_text(encoding="utf-8"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
