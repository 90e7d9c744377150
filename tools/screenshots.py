"""Screenshots of the three check panels in real QGIS (``make screenshots``).

For each screen size, starts QGIS desktop under Xvfb in Chinese with the plugin installed from
the built zip, opens the sample project (``data/sample/sample.qgz``, else a project made from
the tiny fixture ``data/tiny/shaoguan_tiny.gpkg``), runs each check from its panel and saves
``docs/screenshots/<panel>_<w>x<h>.png`` (the panel after the run, ``QWidget.grab()``). A JSON
report beside the work files records what the panels showed (pickers, widths, counts).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.build_zip import build  # noqa: E402
from tools.deploy import install  # noqa: E402

SIZES = ((1600, 1000), (1366, 768))
CODE = Path(__file__).resolve().parent / "screenshots_qgis.py"


def data_source(work: Path) -> dict[str, str]:
    """The sample project, else a copy of the tiny fixture (never the fixture itself)."""
    sample = ROOT / "data" / "sample" / "sample.qgz"
    if sample.is_file():
        return {"SGNR_SHOT_PROJECT": str(sample)}
    gpkg = work / "shaoguan_tiny.gpkg"
    shutil.copy(ROOT / "data" / "tiny" / "shaoguan_tiny.gpkg", gpkg)
    shutil.copy(ROOT / "data" / "tiny" / "dem.tif", work / "dem.tif")
    return {"SGNR_SHOT_GPKG": str(gpkg), "SGNR_SHOT_DEM": str(work / "dem.tif"),
            "SGNR_SHOT_PROJECT": str(work / "tiny.qgz")}


def shoot(size: tuple[int, int], work: Path, out: Path, zip_path: Path) -> dict:
    width, height = size
    run_dir = work / f"{width}x{height}"
    shutil.rmtree(run_dir, ignore_errors=True)
    run_dir.mkdir(parents=True)
    profiles = run_dir / "profiles"
    install(zip_path, profiles / "profiles" / "shots")
    report = run_dir / "report.json"
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH")}
    env.update(data_source(run_dir), SGNR_SHOT_OUT=str(out), SGNR_SHOT_REPORT=str(report),
               SGNR_SHOT_SIZE=f"{width}x{height}", HOME=str(run_dir), LANG="zh_CN.UTF-8")
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24", "qgis", "--nologo",
               "--noversioncheck", "--lang", "zh_CN", "--profiles-path", str(profiles),
               "--profile", "shots", "--code", str(CODE)]
    result = subprocess.run(command, env=env, cwd=run_dir, capture_output=True, text=True,
                            timeout=900)
    if not report.is_file():
        raise SystemExit(f"QGIS did not finish the screenshot script ({width}x{height}):\n"
                         f"{result.stderr[-3000:]}")
    return json.loads(report.read_text(encoding="utf-8"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--work", type=Path, default=ROOT / "out" / "screenshots")
    parser.add_argument("--size", action="append", help="WxH (default: 1600x1000, 1366x768)")
    args = parser.parse_args()
    if not shutil.which("xvfb-run") or not shutil.which("qgis"):
        raise SystemExit("xvfb-run and qgis are needed (make apt)")
    sizes = [tuple(int(v) for v in s.split("x")) for s in args.size] if args.size else SIZES
    args.out.mkdir(parents=True, exist_ok=True)
    args.work.mkdir(parents=True, exist_ok=True)
    zip_path = build(args.work / "sg_nr_plugin.zip")
    reports = {f"{w}x{h}": shoot((w, h), args.work, args.out, zip_path) for w, h in sizes}
    (args.work / "report.json").write_text(json.dumps(reports, ensure_ascii=False, indent=1),
                                           encoding="utf-8")
    failed = [f"{size} {name}: {panel.get('error') or 'no screenshot'}"
              for size, report in reports.items() for name, panel in report["panels"].items()
              if not panel.get("png")]
    for size, report in reports.items():
        for name, panel in report["panels"].items():
            print(f"{size} {name}: dock {panel.get('dock_width')} px (minimum "
                  f"{panel.get('minimum_width')}), {panel.get('summary', '')} -> "
                  f"{panel.get('png')}")
    if failed:
        print("\n".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
