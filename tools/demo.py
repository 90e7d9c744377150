"""``make demo``: the main job on the bundled sample data, through ``qgis_process``.

Each step runs one ``sgnr`` algorithm exactly as a user would from the command line and writes
its results to ``out/``. Steps whose algorithm is not in the provider yet are reported as such.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.build_zip import build  # noqa: E402
from tools.qgis_env import prepare_home, run  # noqa: E402

OUT = ROOT / "out"


def provider_algorithms(env: dict[str, str]) -> list[str]:
    listing = run(["list"], env, timeout=600)
    if listing.returncode != 0:
        raise SystemExit(f"qgis_process list failed:\n{listing.stderr}")
    return [line.split("\t")[1] for line in listing.stdout.splitlines()
            if line.startswith("\tsgnr:")]


def _farmland_projects() -> tuple[str, list[str]] | None:
    """``(gpkg|layername=…, field names)`` of the sample's farmland projects, if generated."""
    from osgeo import ogr

    for gpkg in sorted((ROOT / "data" / "sample").glob("*.gpkg")):
        source = ogr.Open(str(gpkg))
        for layer in (source or []):
            if any(key in layer.GetName().lower() for key in ("farmland", "xm_bcgd")):
                fields = [f.GetName() for f in layer.schema]
                return f"{gpkg}|layername={layer.GetName()}", fields
    return None


def coordinate_files_step(env: dict[str, str], algorithms: list[str]) -> None:
    """Export the sample's farmland projects to 报部坐标 files, then import them back."""
    if "sgnr:exportcoordtxt" not in algorithms:
        return
    found = _farmland_projects()
    if found is None:
        print("coordinate files: skipped, no farmland projects in data/sample/ yet")
        return
    layer, fields = found
    pick = next((f for f in ("XMBH", "project_id", "PROJECT_ID") if f in fields), "")
    folder = OUT / "coordinates"
    export = run(["run", "sgnr:exportcoordtxt", "--", f"INPUT={layer}", f"PROJECT_FIELD={pick}",
                  "PRODUCER=韶关市自然资源局", f"OUTPUT={folder}"], env)
    imported = run(["run", "sgnr:importcoordtxt", "--", f"FOLDER={folder}",
                    f"OUTPUT={OUT / 'coordinates_imported.gpkg'}",
                    f"REPORT={OUT / 'coordinates_report.csv'}"], env)
    for name, result in (("export", export), ("import", imported)):
        summary = [line for line in result.stdout.splitlines()
                   if "parcel(s)" in line or line.startswith(("ERRORS", "PARCELS"))]
        print(f"coordinate files {name}: rc={result.returncode} " + " | ".join(summary))
        if result.returncode != 0:
            print(result.stderr[-2000:])


def main() -> int:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sgnr-demo-") as tmp:
        env = prepare_home(build(Path(tmp) / "sg_nr_plugin.zip"), Path(tmp) / "home")
        algorithms = provider_algorithms(env)
        print(f"sgnr provider loaded in qgis_process: {len(algorithms)} algorithm(s)")
        for algorithm in algorithms:
            print(f"  {algorithm}")
        coordinate_files_step(env, algorithms)
    produced = sorted(p.relative_to(ROOT).as_posix() for p in OUT.rglob("*") if p.is_file())
    print(f"files in out/: {len(produced)}")
    for name in produced:
        print(f"  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
