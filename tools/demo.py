"""``make demo``: the main job on the bundled sample data, through ``qgis_process``.

Each step runs one ``sgnr`` algorithm exactly as a user would from the command line and writes
its results to ``out/``. Steps whose algorithm is not in the provider yet are reported as such.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.build_zip import build  # noqa: E402
from tools.qgis_env import prepare_home, run  # noqa: E402

OUT = ROOT / "out"


def sample_data_step() -> None:
    """Generate data/sample (synthetic Shaoguan 三调 data, ~2 min) unless it is up to date."""
    import subprocess
    import time

    started = time.time()
    result = subprocess.run(["make", "--no-print-directory", "sample"], cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit("make sample failed: no sample data to run the demo on")
    print(f"sample data: data/sample/ ready ({time.time() - started:.0f} s)")


def map_step() -> None:
    """PNG maps of the sample with every check's findings on top (out/map_*.png)."""
    import subprocess

    project = ROOT / "data" / "sample" / "sample.qgz"
    findings = sorted(str(p) for p in OUT.glob("check*_findings.gpkg"))
    result = subprocess.run([sys.executable, "-m", "sgnr_sample.render", str(project),
                             str(OUT), *findings], cwd=ROOT, capture_output=True, text=True)
    print(f"maps: rc={result.returncode}, {len(findings)} findings layer(s) drawn")
    if result.returncode != 0:
        print(result.stderr[-2000:])


def sheets_png_step() -> None:
    """PNG pages of the first failing project's check sheet of each check
    (out/sheet_<kind>-<page>.png, poppler's pdftoppm; docs/ shows two of them)."""
    import subprocess

    if not shutil.which("pdftoppm"):
        print("check sheets: pdftoppm missing (poppler-utils), no PNG pages")
        return
    for pdf in sorted(OUT.glob("check*_sheets.pdf")):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                              text=True).stdout.split("\f")
        first = next((i + 1 for i, page in enumerate(text)
                      if "项目编号" in page and "不通过" in page), 1)
        kind = pdf.stem.replace("check", "").replace("_sheets", "")
        subprocess.run(["pdftoppm", "-png", "-r", "90", "-f", str(first), "-l", str(first + 1),
                        str(pdf), str(OUT / f"sheet_{kind}")], check=False)
        print(f"check sheets: {pdf.name}, {len(text) - 1} pages; PNG of pages {first}-"
              f"{first + 1} in out/sheet_{kind}-*.png")


def provider_algorithms(env: dict[str, str]) -> list[str]:
    listing = run(["list"], env, timeout=600)
    if listing.returncode != 0:
        raise SystemExit(f"qgis_process list failed:\n{listing.stderr}")
    return [line.split("\t")[1] for line in listing.stdout.splitlines()
            if line.startswith("\tsgnr:")]


def coordinate_files_step(env: dict[str, str], algorithms: list[str]) -> None:
    """Export the sample's farmland projects to 报部坐标 files, then import them back."""
    if "sgnr:exportcoordtxt" not in algorithms:
        return
    found = _sample()
    if found is None:
        print("coordinate files: skipped, no farmland projects in data/sample/ yet")
        return
    gpkg, layers = found
    projects = next(info for info in layers if info.name.upper() == "XM_BCGD")
    layer, fields = f"{gpkg}|layername={projects.name}", projects.fields
    mapping = [f"{parameter}={field}" for parameter, field in (
        ("PROJECT_FIELD", "XMBH"), ("PARCEL_FIELD", "DKBH"), ("NAME_FIELD", "XMMC"),
        ("LANDCLASS_FIELD", "GHDL")) if field in fields]
    folder = OUT / "coordinates"
    # The demo owns out/: start from an empty folder (the export refuses a folder holding .txt
    # files it did not write in this QGIS profile, and every demo run uses a fresh profile).
    shutil.rmtree(folder, ignore_errors=True)
    export = run(["run", "sgnr:exportcoordtxt", "--", f"INPUT={layer}", *mapping,
                  "PRODUCER=韶关市自然资源局", f"OUTPUT={folder}"], env)
    imported = run(["run", "sgnr:importcoordtxt", "--", f"FOLDER={folder}",
                    f"OUTPUT={OUT / 'coordinates_imported.gpkg'}",
                    f"REPORT={OUT / 'coordinates_report.csv'}"], env)
    for name, result in (("export", export), ("import", imported)):
        summary = [line.replace("\t", " ") for line in result.stdout.splitlines()
                   if line.startswith(("PARCELS", "SKIPPED", "ERRORS", "WARNINGS"))]
        print(f"coordinate files {name}: rc={result.returncode} " + ", ".join(summary))
        if result.returncode != 0:
            print(result.stderr[-2000:])


def _sample_layers() -> dict[str, str]:
    """``{LAYER NAME: gpkg|layername=…}`` of the sample (data/sample/, else data/tiny/)."""
    found = _sample()
    if found is None:
        return {}
    gpkg, layers = found
    return {info.name.upper(): f"{gpkg}|layername={info.name}" for info in layers}


def statistics_step(env: dict[str, str], algorithms: list[str]) -> None:
    """The four statistics on the sample: land-use summary, 表1 indicators, cultivated land in
    the red line, change matrix 2020 → now; tables and workbooks into out/statistics/."""
    if "sgnr:landusesummary" not in algorithms:
        return
    layers = _sample_layers()
    if not layers:
        print("statistics: skipped, no DLTB in data/sample/ or data/tiny/ yet")
        return
    folder = OUT / "statistics"
    folder.mkdir(exist_ok=True)
    dltb = layers["DLTB"]
    optional = {"DLTB_BASE": "DLTB_2020", "BASIC_FARMLAND": "YJJBNT", "ECO_REDLINE": "STBHHX",
                "PROTECTED_AREAS": "ZRBHD", "URBAN_RENEWAL": "SJGZ", "MINING_RIGHTS": "CKQ"}
    steps = [
        ("landusesummary", {"INPUT": dltb, "REGION_LEVEL": 1, "UNIT": 2}),
        ("planindicators", {"DLTB": dltb, "REGION_LEVEL": 1, **{
            key: layers[name] for key, name in optional.items() if name in layers}}),
    ]
    if "STBHHX" in layers:
        steps.append(("overlaystats", {"INPUT": dltb, "INPUT_FILTER": "\"DLBM\" LIKE '01%'",
                                       "OVERLAY": layers["STBHHX"], "REGION_LEVEL": 1,
                                       "UNIT": 2}))
    if "DLTB_2020" in layers:
        steps.append(("changematrix", {"BASE": layers["DLTB_2020"], "CURRENT": dltb,
                                       "CLASS_LEVEL": 2, "REGION_LEVEL": 1, "UNIT": 1}))
    for name, parameters in steps:
        parameters.update(OUTPUT=folder / f"{name}.gpkg", OUTPUT_XLSX=folder / f"{name}.xlsx")
        result = run(["run", f"sgnr:{name}", "--", *(f"{k}={v}" for k, v in parameters.items())],
                     env)
        print(f"statistics {name}: rc={result.returncode}")
        if result.returncode != 0:
            print(result.stderr[-2000:])
        elif name == "planindicators":
            print_indicators(folder / f"{name}.gpkg")
            overview_png(folder / f"{name}.gpkg", folder / f"{name}_overview.png")


def overview_png(gpkg: Path, png: Path) -> None:
    """The 表1 overview chart (each indicator as % of its 2025 target) as a PNG, in Chinese."""
    from qgis.PyQt.QtCore import QCoreApplication

    from sg_nr_plugin.core.errors import SgNrError
    from sg_nr_plugin.core.reports.indicator_png import overview_rows, write_overview_png
    from sg_nr_plugin.i18n import install_translator, remove_translator

    app = QCoreApplication.instance() or QCoreApplication([])  # translators need one
    install_translator("zh_CN")
    try:
        write_overview_png(overview_rows(gpkg), png)
        print(f"    overview chart: {png.relative_to(ROOT)}")
    except SgNrError as error:
        print(f"    overview chart: not drawn ({error})")
    finally:
        remove_translator()
        del app


def print_indicators(gpkg: Path) -> None:
    """The whole-area rows of 表1 (indicator, value, unit, status), for the demo's summary."""
    from osgeo import ogr

    source = ogr.Open(str(gpkg))
    if source is None:
        return
    for feature in source.GetLayer(0):
        if feature.GetField("region_code"):  # region rows: see the workbook
            continue
        value = feature.GetField("value")
        shown = "—" if value is None else f"{value:,.2f}"
        print(f"    {feature.GetField('indicator')}: {shown} {feature.GetField('unit')} "
              f"({feature.GetField('status')})")


def _sample() -> tuple[Path, list] | None:
    """The sample GeoPackage (data/sample/, else data/tiny/) with the project layers, and its
    layers as LayerInfo: every demo step finds its inputs here."""
    from osgeo import ogr

    from sg_nr_plugin.core.checks.roles import LayerInfo

    kinds = {ogr.wkbPolygon: "polygon", ogr.wkbMultiPolygon: "polygon", ogr.wkbPoint: "point",
             ogr.wkbMultiPoint: "point", ogr.wkbLineString: "line",
             ogr.wkbMultiLineString: "line"}
    gpkgs = sorted((ROOT / "data" / "sample").glob("*.gpkg"))
    for gpkg in gpkgs or sorted((ROOT / "data" / "tiny").glob("*.gpkg")):
        source = ogr.Open(str(gpkg))
        layers = [LayerInfo(layer.GetName(), layer.GetName(),
                            kinds.get(ogr.GT_Flatten(layer.GetGeomType()), "table"),
                            tuple(f.GetName() for f in layer.schema)) for layer in (source or [])]
        if any(info.name.upper() == "XM_BCGD" for info in layers):
            return gpkg, layers
    return None


def farmland_check_step(env: dict[str, str], algorithms: list[str]) -> None:
    """Run sgnr:checkfarmland on the sample with the layers the panel's detection finds."""
    check_step(env, algorithms, "farmland", "XM_BCGD", (
        "PROJECTS", "DLTB", "ECO_REDLINE", "PROTECTED_AREAS", "PUBLIC_FOREST", "URBAN_BOUNDARY",
        "BASIC_FARMLAND", "STEEP_SLOPE", "HAZARDS", "FILED_PROJECTS"),
        (("PLANNED_CLASS_FIELD", "PROJECTS", "GHDL"),))


def check_step(env: dict[str, str], algorithms: list[str], kind: str, project_layer: str,
               roles: tuple[str, ...], fields: tuple = (), extra: tuple[str, ...] = ()):
    """Run ``sgnr:check<kind>`` on the sample through qgis_process, with the layers the panel's
    detection finds, the usual field names when present and the DEM; print the verdicts.

    Returns ``(gpkg, role → layer name)`` for follow-up steps, or None when skipped.
    """
    algorithm = f"sgnr:check{kind}"
    if algorithm not in algorithms:
        return None
    found = _sample()  # the GeoPackage with the three project layers
    if found is None or not any(info.name.upper() == project_layer for info in found[1]):
        print(f"{kind} check: skipped, no {project_layer} layer in the sample yet")
        return None
    from sg_nr_plugin.core.checks.roles import detect_roles

    gpkg, layers = found
    mapping = detect_roles(layers, roles, kind)
    args = [f"{role}={gpkg}|layername={name}" for role, name in mapping.items()]
    names = {info.name: info.fields for info in layers}
    for param, role, field in (("PROTECTED_ZONE_FIELD", "PROTECTED_AREAS", "GNFQ"),
                               ("DECLARED_AREA_FIELD", "PROJECTS", "SBMJ"), *fields):
        if mapping.get(role) and field in names.get(mapping[role], ()):
            args.append(f"{param}={field}")
    dem = sorted(p for p in gpkg.parent.glob("*.tif") if "dem" in p.name.lower())
    if dem:  # slopes; for the mine check also the line of sight from roads and rivers
        args.append(f"DEM={dem[0]}")
    result = run(["run", algorithm, "--", *args, *extra, "DECLARED_AREA_UNIT=2",
                  f"OUTPUT_FINDINGS={OUT / f'check{kind}_findings.gpkg'}",
                  f"OUTPUT_PROJECTS={OUT / f'check{kind}_projects.gpkg'}",
                  f"OUTPUT_XLSX={OUT / f'check{kind}_report.xlsx'}",
                  f"OUTPUT_PDF={OUT / f'check{kind}_sheets.pdf'}"], env)
    summary = [line for line in result.stdout.splitlines() if "projects checked" in line]
    print(f"{kind} check: rc={result.returncode} roles: "
          + ", ".join(f"{r}={n}" for r, n in mapping.items()))
    print("  " + (" | ".join(summary) or result.stderr[-2000:]))
    return gpkg, mapping


def ledger_step(env: dict[str, str], algorithms: list[str]) -> None:
    """sgnr:balanceledger: construction land taken (JSZY) vs replenished (XM_BCGD) by county."""
    if "sgnr:balanceledger" not in algorithms:
        return
    found = _sample()
    names = {info.name.upper(): info for info in found[1]} if found else {}
    if not {"JSZY", "XM_BCGD", "DLTB"} <= set(names):
        print("balance ledger: skipped, no JSZY/XM_BCGD/DLTB in the sample yet")
        return
    gpkg = found[0]
    base = "DLTB_2020" if "DLTB_2020" in names else "DLTB"  # the land before the projects

    def source(name: str) -> str:
        return f"{gpkg}|layername={names[name].name}"

    result = run(["run", "sgnr:balanceledger", "--", f"OCCUPATION={source('JSZY')}",
                  "OCCUPATION_YEAR_FIELD=PZNF", f"REPLENISHMENT={source('XM_BCGD')}",
                  "REPLENISHMENT_YEAR_FIELD=LXNF", "STATUS_FIELD=ZT",
                  "PLANNED_CLASS_FIELD=GHDL", f"DLTB={source(base)}", "REGION_LEVEL=1",
                  f"OUTPUT={OUT / 'balanceledger.gpkg'}",
                  f"OUTPUT_XLSX={OUT / 'balanceledger.xlsx'}"], env)
    print(f"balance ledger: rc={result.returncode}")
    if result.returncode != 0:
        print(result.stderr[-2000:])
        return
    from osgeo import ogr

    table = ogr.Open(str(OUT / "balanceledger.gpkg"))
    rows = list(table.GetLayer(0)) if table else []
    for row in rows:
        if not row.GetField("region_code"):
            print(f"  total: occupied {row.GetField('occupied_mu'):.2f} mu, replenished "
                  f"{row.GetField('replenished_mu'):.2f} mu, balance "
                  f"{row.GetField('balance_mu'):.2f} mu ({len(rows) - 1} region-year rows)")


def mine_step(env: dict[str, str], algorithms: list[str]) -> None:
    """Run sgnr:checkmine (layers found as the panel finds them) and sgnr:minestats on the
    sample; mining rights are judged at the ground truth's check date."""
    import json

    found = _sample()
    truth = found[0].parent / "ground_truth.json" if found else None
    date = json.loads(truth.read_text("utf-8"))["check_date"] if truth and truth.is_file() \
        else None
    checked = check_step(env, algorithms, "mine", "XM_KSXF", (
        "PROJECTS", "DLTB", "ECO_REDLINE", "PROTECTED_AREAS", "URBAN_BOUNDARY", "HAZARDS",
        "FILED_PROJECTS", "LEGACY_MINES", "MINING_RIGHTS", "ROADS", "RIVERS"),
        (("DECLARED_MODE_FIELD", "PROJECTS", "XFMS"),),
        (f"CHECK_DATE={date}",) if date else ())
    if checked is None:
        return
    gpkg, mapping = checked
    if "sgnr:minestats" not in algorithms or "LEGACY_MINES" not in mapping:
        return
    (OUT / "statistics").mkdir(exist_ok=True)
    stats = {key: f"{gpkg}|layername={mapping[key]}" for key in
             ("LEGACY_MINES", "PROJECTS", "MINING_RIGHTS") if key in mapping}
    result = run(["run", "sgnr:minestats", "--", *(f"{k}={v}" for k, v in stats.items()),
                  "REGION_LEVEL=1", "UNIT=2", f"OUTPUT={OUT / 'statistics' / 'minestats.gpkg'}",
                  f"OUTPUT_XLSX={OUT / 'statistics' / 'minestats.xlsx'}"], env)
    print(f"statistics minestats: rc={result.returncode}")
    if result.returncode != 0:
        print(result.stderr[-2000:])


def paddy_step(env: dict[str, str], algorithms: list[str]) -> None:
    """Run sgnr:checkpaddy on the sample with the layers the panel's detection finds (rivers
    as the water layer, the DEM for slopes); the report carries the plan progress."""
    check_step(env, algorithms, "paddy", "XM_KZST", (
        "PROJECTS", "DLTB", "ECO_REDLINE", "PROTECTED_AREAS", "PUBLIC_FOREST", "URBAN_BOUNDARY",
        "STEEP_SLOPE", "HAZARDS", "FILED_PROJECTS", "WATER"))


def main() -> int:
    OUT.mkdir(exist_ok=True)
    sample_data_step()
    with tempfile.TemporaryDirectory(prefix="sgnr-demo-") as tmp:
        env = prepare_home(build(Path(tmp) / "sg_nr_plugin.zip"), Path(tmp) / "home")
        algorithms = provider_algorithms(env)
        print(f"sgnr provider loaded in qgis_process: {len(algorithms)} algorithm(s)")
        for algorithm in algorithms:
            print(f"  {algorithm}")
        coordinate_files_step(env, algorithms)
        farmland_check_step(env, algorithms)
        ledger_step(env, algorithms)
        paddy_step(env, algorithms)
        mine_step(env, algorithms)
        statistics_step(env, algorithms)
    map_step()
    sheets_png_step()
    produced = sorted(p.relative_to(ROOT).as_posix() for p in OUT.rglob("*") if p.is_file())
    print(f"files in out/: {len(produced)}")
    for name in produced:
        print(f"  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
