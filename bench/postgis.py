"""``make bench-postgis``: in-database vs desktop streaming on PostGIS (issue #21).

``python -m bench.postgis DATA.gpkg [--size N] [--copies K] [--repeats R] [--only A …]
[--keep | --schema NAME] [--out FILE]`` loads the DLTB, the ecological red line (STBHHX) and
the permanent basic farmland (YJJBNT) of DATA.gpkg into a private schema of the test PostGIS
(.cache/postgis.env), keeps the first N parcels (``--size``) or builds K translated copies of
everything in SQL (``--copies``: a "province" of K times the data: 5 copies of the 1M bench set
are the issue's 5M parcels), and, when the change matrix is measured, the base vintage (the
data's DLTB_2020, or the parcels shifted by 3 m with every 7th re-coded). Each measurement runs
in its own process (``python -m bench.postgis task …``): ``overlaystats`` (T2: cultivated
parcels through a subset string, under the red line, by county), ``bigoverlay`` (T5: the same
under the basic farmland, a big overlay) and ``changematrix`` (by county, second-level
classes), each with IN_DATABASE on and off; wall seconds of the algorithm, the process's peak
RSS and the load average. The schema is dropped at the end (``--keep``: kept and named, for
``--schema NAME`` runs that measure it again without loading). Writes a Markdown table
(default out/bench-postgis.md) and prints it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
import uuid
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
CULTIVATED = "\"DLBM\" IN ('0101', '0102', '0103')"
ALGORITHMS = ("overlaystats", "bigoverlay", "changematrix")
#: The overlay of each overlaystats task (T2: the red line, T5: the basic farmland).
OVERLAYS = {"overlaystats": "stbhhx", "bigoverlay": "yjjbnt"}


def settings() -> dict[str, str]:
    env = ROOT / ".cache" / "postgis.env"
    if not env.exists():
        raise SystemExit("no .cache/postgis.env: run 'make postgis' first")
    return dict(line.strip().split("=", 1) for line in env.read_text().splitlines() if "=" in line)


def conninfo(s: dict[str, str]) -> str:
    return (f"host={s['SGNR_PG_HOST']} port={s['SGNR_PG_PORT']} dbname={s['SGNR_PG_DB']} "
            f"user={s['SGNR_PG_USER']} password={s['SGNR_PG_PASSWORD']}")


def psql(s: dict[str, str], sql: str) -> str:
    return subprocess.run(["psql", "-qAt", "-v", "ON_ERROR_STOP=1", conninfo(s), "-c", sql],
                          check=True, capture_output=True, text=True).stdout


def load(s: dict[str, str], gpkg: str, schema: str, size: int | None, copies: int,
         base: bool = True) -> int:
    """The bench tables in ``schema`` (``base``: with the change matrix's base vintage);
    returns the parcel count."""
    psql(s, f'CREATE SCHEMA "{schema}"')
    loaded = {}
    sources = [("DLTB", "dltb_src"), ("STBHHX", "stbhhx_src"), ("YJJBNT", "yjjbnt_src")]
    for layer, table in sources + ([("DLTB_2020", "base_src")] if base else []):
        loaded[table] = subprocess.run(
            ["ogr2ogr", "-f", "PostgreSQL", f"PG:{conninfo(s)}", gpkg, layer, "-nln", table,
             "-lco", f"SCHEMA={schema}", "-lco", "LAUNDER=NO", "-lco", "GEOMETRY_NAME=geom",
             "-lco", "SPATIAL_INDEX=NONE", "-lco", "FID=fid", "-gt", "65536"],
            check=table == "dltb_src", capture_output=True).returncode == 0
    q = f'"{schema}"'
    limit = f" WHERE fid <= {int(size)}" if size else ""
    height = float(psql(s, f"SELECT ST_YMax(e) - ST_YMin(e) + 1000 FROM "
                           f"(SELECT ST_Extent(geom) AS e FROM {q}.dltb_src) AS x").strip())
    copy = f"generate_series(0, {max(1, copies) - 1}) AS k"
    fid = "(k * 100000000 + fid)"
    psql(s, f"""
        CREATE TABLE {q}.dltb AS SELECT {fid}::bigint AS fid, "ZLDWDM", "DLBM", "TBMJ",
          ST_Translate(geom, 0, k * {height}) AS geom FROM {q}.dltb_src, {copy}{limit};
        DROP TABLE {q}.dltb_src""")
    tables = ["dltb"]
    for overlay in ("stbhhx", "yjjbnt"):
        if loaded[f"{overlay}_src"]:
            psql(s, f"""CREATE TABLE {q}.{overlay} AS SELECT row_number() OVER () AS fid,
              ST_Translate(geom, 0, k * {height}) AS geom FROM {q}.{overlay}_src, {copy};
              DROP TABLE {q}.{overlay}_src""")
            tables.append(overlay)
    if base and loaded["base_src"]:  # the delivered earlier vintage, copied like the parcels
        bound = f" WHERE ST_Intersects(geom, (SELECT ST_Extent(geom) FROM {q}.dltb))"
        psql(s, f"""CREATE TABLE {q}.dltb_base AS SELECT * FROM (SELECT {fid}::bigint AS fid,
          "ZLDWDM", "DLBM", "TBMJ", ST_Translate(geom, 0, k * {height}) AS geom
          FROM {q}.base_src, {copy}) AS b{bound if size else ""}; DROP TABLE {q}.base_src""")
    elif base:  # none: the parcels shifted by 3 m, every 7th re-coded
        psql(s, f"""CREATE TABLE {q}.dltb_base AS SELECT fid, "ZLDWDM", CASE WHEN fid % 7 = 0
          THEN '0701' ELSE "DLBM" END AS "DLBM", "TBMJ", ST_Translate(geom, 3, 2) AS geom
          FROM {q}.dltb""")
    for table in tables + (["dltb_base"] if base else []):
        psql(s, f"ALTER TABLE {q}.{table} ADD PRIMARY KEY (fid); "
                f"CREATE INDEX ON {q}.{table} USING gist (geom); ANALYZE {q}.{table}")
    return parcel_count(s, schema)


def parcel_count(s: dict[str, str], schema: str) -> int:
    return int(psql(s, f'SELECT count(*) FROM "{schema}".dltb').strip())


def task(algorithm: str, in_database: bool, schema: str) -> dict:
    """One run in this process: the algorithm's seconds and this process's peak RSS."""
    from qgis.core import QgsApplication, QgsDataSourceUri, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    from bench.tasks import _processing

    processing = _processing()
    audit = _time_audit_fingerprint()

    def layer(table: str, subset: str = "") -> QgsVectorLayer:
        uri = QgsDataSourceUri(conninfo(settings()))
        uri.setDataSource(schema, table, "geom", subset, "fid")
        result = QgsVectorLayer(uri.uri(False), table, "postgres")
        assert result.isValid(), table
        return result

    if algorithm in OVERLAYS:
        parameters = {"INPUT": layer("dltb", CULTIVATED), "OVERLAY": layer(OVERLAYS[algorithm]),
                      "REGION_LEVEL": 1, "UNIT": 0}
    else:
        parameters = {"BASE": layer("dltb_base"), "CURRENT": layer("dltb"), "CLASS_LEVEL": 0,
                      "REGION_LEVEL": 1, "UNIT": 0, "ALLOW_UNRECOGNISED": True}
    parameters.update({"IN_DATABASE": in_database, "OUTPUT": "TEMPORARY_OUTPUT"})
    start = time.perf_counter()
    identifier = "overlaystats" if algorithm in OVERLAYS else algorithm
    out = processing.run(f"sgnr:{identifier}", parameters)["OUTPUT"]
    seconds = time.perf_counter() - start
    column = "area_inside" if algorithm in OVERLAYS else "area"
    total = sum(float(f[column] or 0) for f in out.getFeatures())
    return {"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            / 1024, "total_m2": total, "rows": out.featureCount(),
            "load": round(os.getloadavg()[0], 1), "audit_s": audit["seconds"]}


def _time_audit_fingerprint() -> dict:
    """Seconds spent in the audit trail's input fingerprints (processing/audit_run.py: taken
    in a thread of their own while the algorithm computes, so not all of it is waited for)."""
    from sg_nr_plugin.processing import audit_run

    spent = {"seconds": 0.0}
    original = audit_run.fingerprint_inputs

    def timed(trail):
        started = time.perf_counter()
        try:
            return original(trail)
        finally:
            spent["seconds"] += time.perf_counter() - started

    audit_run.fingerprint_inputs = timed
    return spent


def measure(algorithm: str, in_database: bool, schema: str, repeats: int) -> dict:
    runs = []
    for _ in range(repeats):
        out = subprocess.run([sys.executable, "-m", "bench.postgis", "task", algorithm,
                              "1" if in_database else "0", schema], cwd=ROOT,
                             capture_output=True, text=True, timeout=7200)
        lines = [line for line in out.stdout.splitlines() if line.startswith("{")]
        if not lines:
            return {"error": (out.stderr or "no output")[-800:]}
        runs.append(json.loads(lines[-1]))
    best = min(runs, key=lambda r: r["seconds"])
    best["peak_mb"] = max(r["peak_mb"] for r in runs)
    best["runs"] = [round(r["seconds"], 2) for r in runs]
    return best


def report(parcels: int, label: str, results: dict) -> str:
    lines = [f"### {label}: {parcels} parcels", "",
             "| algorithm | in-database s | desktop s | ratio | in-db peak MB | desktop peak MB "
             "| rows | max relative difference of the total | load average in-db / desktop "
             "| of which audit fingerprint s in-db / desktop |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for algorithm in sorted({a for a, _in_database in results}, key=ALGORITHMS.index):
        indb, desk = results[algorithm, True], results[algorithm, False]
        if "error" in indb or "error" in desk:
            lines.append(f"| {algorithm} | error: {indb.get('error', desk.get('error'))!r} |")
            continue
        diff = abs(indb["total_m2"] - desk["total_m2"]) / max(abs(desk["total_m2"]), 1e-300)
        lines.append(f"| {algorithm} | {indb['seconds']:.1f} | {desk['seconds']:.1f} | "
                     f"{indb['seconds'] / desk['seconds']:.2f} | {indb['peak_mb']:.0f} | "
                     f"{desk['peak_mb']:.0f} | {indb['rows']} / {desk['rows']} | {diff:.1e} | "
                     f"{indb.get('load', '?')} / {desk.get('load', '?')} | "
                     f"{indb.get('audit_s', 0):.1f} / {desk.get('audit_s', 0):.1f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    if argv and argv[0] == "task":
        print(json.dumps(task(argv[1], argv[2] == "1", argv[3])))
        sys.stdout.flush()
        os._exit(0)
    parser = argparse.ArgumentParser(prog="python -m bench.postgis")
    parser.add_argument("gpkg")
    parser.add_argument("--size", type=int, default=None, help="keep the first N parcels")
    parser.add_argument("--copies", type=int, default=1, help="K translated copies (province)")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--only", choices=ALGORITHMS, nargs="+", default=None)
    parser.add_argument("--keep", action="store_true", help="keep the loaded schema")
    parser.add_argument("--schema", default=None, help="measure a schema kept by --keep")
    parser.add_argument("--out", default=str(ROOT / "out" / "bench-postgis.md"))
    args = parser.parse_args(argv)
    s = settings()
    algorithms = args.only or ALGORITHMS
    schema = args.schema or f"sgnr_bench_{uuid.uuid4().hex[:8]}"
    try:
        started = time.perf_counter()
        if args.schema:
            parcels = parcel_count(s, schema)
        else:
            parcels = load(s, args.gpkg, schema, args.size, args.copies,
                           base="changematrix" in algorithms)
        print(f"{parcels} parcels in {schema}, loaded in {time.perf_counter() - started:.0f} s",
              flush=True)
        results = {}
        for algorithm in algorithms:
            for in_database in (True, False):
                results[algorithm, in_database] = measure(algorithm, in_database, schema,
                                                          args.repeats)
                print(algorithm, "in-db" if in_database else "desktop",
                      results[algorithm, in_database], flush=True)
    finally:
        if args.keep or args.schema:
            print(f"schema {schema} kept: drop it with DROP SCHEMA \"{schema}\" CASCADE")
        else:
            psql(s, f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    label = f"{args.copies} cop{'y' if args.copies == 1 else 'ies'}" + (
        f", first {args.size}" if args.size else "")
    label = f"schema {args.schema}" if args.schema else label
    text = report(parcels, label, results)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "a", encoding="utf-8") as out:
        out.write(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
