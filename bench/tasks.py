"""Benchmark tasks, each run in its own process: ``python -m bench.tasks TASK DATA.gpkg``.

Each task prints one JSON line: the wall seconds of the work itself, the process's peak RSS, a
small result used to compare the plugin with the native way, and ``startup_s``: the seconds
Processing took to start (``Processing.initialize`` and the providers), which QGIS desktop and
``qgis_process`` pay once before any algorithm runs, for the plugin and native alike. That
start-up is timed apart and not counted in ``seconds``.
Tasks whose algorithm is not in the provider yet print ``{"skipped": reason}``.
"""

from __future__ import annotations

import functools
import json
import os
import resource
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CULTIVATED = "('0101','0102','0103')"
_KEEP: list = []
# The layers of the T3 comparison: the same for the plugin's check and native overlap analysis.
T3_LAYERS = {"DLTB": "DLTB", "ECO_REDLINE": "STBHHX", "PROTECTED_AREAS": "ZRBHD",
             "PUBLIC_FOREST": "GYL", "URBAN_BOUNDARY": "CZKFBJ", "BASIC_FARMLAND": "YJJBNT",
             "STEEP_SLOPE": "JZKKPD"}
CULTIVATED_EXPR = f'"DLBM" IN {CULTIVATED}'
# T4: every control layer the farmland check reads (T3's, plus filed projects and hazards).
T4_LAYERS = {**T3_LAYERS, "FILED_PROJECTS": "XM_KZST", "HAZARDS": "DZZHD"}


def _layer(gpkg: str, name: str):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    if not layer.isValid():
        raise SystemExit(f"layer {name} not found in {gpkg}")
    return layer


def floor_attributes(gpkg: str) -> dict:
    from qgis.core import QgsFeatureRequest

    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    count = sum(1 for _ in _layer(gpkg, "DLTB").getFeatures(request))
    return {"features": count}


def floor_geometry(gpkg: str) -> dict:
    count = 0
    for feature in _layer(gpkg, "DLTB").getFeatures():
        feature.geometry()
        count += 1
    return {"features": count}


def floor_sql(gpkg: str) -> dict:
    with sqlite3.connect(gpkg) as connection:
        rows = connection.execute(
            f'SELECT substr("ZLDWDM",1,6), sum("TBDLMJ") FROM "DLTB" '
            f'WHERE "DLBM" IN {CULTIVATED} GROUP BY 1').fetchall()
    return {"cultivated_m2": sum(r[1] for r in rows)}


def area_engine(gpkg: str) -> dict:
    """Measure every parcel the way the engine is meant to be fed: a stream of geometries
    (``measure_iter`` turns each into WKB at once and measures in batches)."""
    from sg_nr_plugin.core.area import EllipsoidalArea

    layer = _layer(gpkg, "DLTB")
    engine = EllipsoidalArea(layer.crs())
    geometries = (feature.geometry() for feature in layer.getFeatures())
    return {"area_m2": float(sum(engine.measure_iter(geometries)))}


@functools.cache
def _processing():
    from qgis.analysis import QgsNativeAlgorithms
    from qgis.core import QgsApplication

    sys.path.append("/usr/share/qgis/python/plugins")
    import processing
    from processing.core.Processing import Processing

    Processing.initialize()
    QgsApplication.processingRegistry().addProvider(QgsNativeAlgorithms())
    from sg_nr_plugin.processing.provider import SgNrProvider

    # Keep a Python reference: a provider only the registry holds can be collected.
    _KEEP.append(SgNrProvider())
    QgsApplication.processingRegistry().addProvider(_KEEP[-1])
    return processing


def _has(algorithm_id: str) -> bool:
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().algorithmById(algorithm_id) is not None


def _table_sum(layer, field: str) -> float:
    return sum(float(f[field] or 0) for f in layer.getFeatures())


def _extract_cultivated(processing, gpkg: str):
    """The native chain's first step, shared by T1 and T2: cultivated parcels only."""
    return processing.run("native:extractbyexpression", {
        "INPUT": f"{gpkg}|layername=DLTB", "EXPRESSION": CULTIVATED_EXPR,
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]


def t1_plugin(gpkg: str) -> dict:
    processing = _processing()
    if not _has("sgnr:planindicators"):
        return {"skipped": "sgnr:planindicators not available"}
    from sg_nr_plugin.core.units import AreaUnit, from_unit

    layer = processing.run("sgnr:planindicators", {
        "DLTB": f"{gpkg}|layername=DLTB", "REGION_LEVEL": 1, "UNIT": 0,
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    # planindicators reports in the units of the plan's Table 1: cultivated land in 万亩.
    wan_mu = sum(float(f["value"] or 0) for f in layer.getFeatures()
                 if f["indicator_id"] == "cultivated_land" and f["region_code"] != "")
    return {"cultivated_m2": from_unit(wan_mu, AreaUnit.WAN_MU)}


def t1_native(gpkg: str) -> dict:
    processing = _processing()
    stats = processing.run("qgis:statisticsbycategories", {
        "INPUT": _extract_cultivated(processing, gpkg), "VALUES_FIELD_NAME": "TBDLMJ",
        "CATEGORIES_FIELD_NAME": ["ZLDWDM"], "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    return {"cultivated_m2": _table_sum(stats, "sum")}


def t2_plugin(gpkg: str) -> dict:
    processing = _processing()
    if not _has("sgnr:overlaystats"):
        return {"skipped": "sgnr:overlaystats not available"}
    out = processing.run("sgnr:overlaystats", {
        "INPUT": f"{gpkg}|layername=DLTB", "INPUT_FILTER": CULTIVATED_EXPR,
        "OVERLAY": f"{gpkg}|layername=STBHHX", "REGION_LEVEL": 1, "UNIT": 0, "AREA_MODE": 0,
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    return {"inside_m2": _table_sum(out, "area_inside")}


def _native_inside(gpkg: str, overlay: str) -> float:
    """T2's and T5's native chain: extract, intersect, $area, statistics by category."""
    processing = _processing()
    inter = processing.run("native:intersection", {
        "INPUT": _extract_cultivated(processing, gpkg), "OVERLAY": f"{gpkg}|layername={overlay}",
        "OVERLAY_FIELDS": ["fid"],
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    with_area = processing.run("native:fieldcalculator", {
        "INPUT": inter, "FIELD_NAME": "a", "FIELD_TYPE": 0, "FIELD_LENGTH": 20,
        "FIELD_PRECISION": 4, "FORMULA": "$area", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    stats = processing.run("qgis:statisticsbycategories", {
        "INPUT": with_area, "VALUES_FIELD_NAME": "a", "CATEGORIES_FIELD_NAME": ["ZLDWDM"],
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    return _table_sum(stats, "sum")


def t2_native(gpkg: str) -> dict:
    return {"inside_m2": _native_inside(gpkg, "STBHHX")}


def t2_geopandas(gpkg: str) -> dict:
    try:
        import geopandas
    except ImportError:
        return {"skipped": "geopandas not importable"}
    parcels = geopandas.read_file(gpkg, layer="DLTB", where=CULTIVATED_EXPR)
    redline = geopandas.read_file(gpkg, layer="STBHHX").dissolve()
    inside = geopandas.overlay(parcels, redline, how="intersection")
    return {"inside_m2": float(inside.to_crs(4490).geometry.area.sum())}


def projects_path(gpkg: str) -> str:
    """The 1,000 generated bench projects beside the data (made by bench/run.py), or the file
    ``SGNR_BENCH_PROJECTS`` names (bench/scaling.py: 1, 100 or 1,000 projects)."""
    path = os.environ.get("SGNR_BENCH_PROJECTS") or str(Path(gpkg).with_name(
        "bench_projects.gpkg"))
    return path + "|layername=XM_BENCH"


def t3_plugin(gpkg: str) -> dict:
    processing = _processing()
    if not _has("sgnr:checkfarmland"):
        return {"skipped": "sgnr:checkfarmland not available"}
    parameters = {name: f"{gpkg}|layername={layer}" for name, layer in T3_LAYERS.items()}
    with tempfile.TemporaryDirectory() as tmp:
        result = processing.run("sgnr:checkfarmland", {
            **parameters, "PROJECTS": projects_path(gpkg),
            "OUTPUT_FINDINGS": str(Path(tmp) / "f.gpkg"),
            "OUTPUT_PROJECTS": str(Path(tmp) / "p.gpkg")})
        from qgis.core import QgsVectorLayer

        projects = QgsVectorLayer(result["OUTPUT_PROJECTS"], "p", "ogr").featureCount()
    return {"projects": projects}


def _one_project(gpkg: str) -> str:
    """The first bench project alone, for T4 (a memory layer: no file written)."""
    from qgis.core import QgsFeatureRequest, QgsVectorLayer

    projects = QgsVectorLayer(projects_path(gpkg), "p", "ogr")
    one = projects.materialize(QgsFeatureRequest().setLimit(1))
    _KEEP.append(one)
    return one


def _t4(gpkg: str, projects) -> dict:
    processing = _processing()
    parameters = {name: f"{gpkg}|layername={layer}" for name, layer in T4_LAYERS.items()}
    with tempfile.TemporaryDirectory() as tmp:
        result = processing.run("sgnr:checkfarmland", {
            **parameters, "PROJECTS": projects,
            "OUTPUT_FINDINGS": str(Path(tmp) / "f.gpkg"),
            "OUTPUT_PROJECTS": str(Path(tmp) / "p.gpkg")})
        from qgis.core import QgsVectorLayer

        layer = QgsVectorLayer(result["OUTPUT_PROJECTS"], "p", "ogr")
        verdicts = sorted(f["verdict"] for f in layer.getFeatures())
    return {"projects": len(verdicts), "fail": verdicts.count("fail")}


def t4_one(gpkg: str) -> dict:
    """T4: checkfarmland of one project with every control layer given."""
    return _t4(gpkg, _one_project(gpkg))


def t4_all(gpkg: str) -> dict:
    """T4's denominator: the same check of all 1,000 bench projects."""
    return _t4(gpkg, projects_path(gpkg))


def t5_plugin(gpkg: str) -> dict:
    """T5: cultivated land inside permanent basic farmland (a big overlay)."""
    processing = _processing()
    out = processing.run("sgnr:overlaystats", {
        "INPUT": f"{gpkg}|layername=DLTB", "INPUT_FILTER": CULTIVATED_EXPR,
        "OVERLAY": f"{gpkg}|layername=YJJBNT", "REGION_LEVEL": 1, "UNIT": 0, "AREA_MODE": 0,
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    return {"inside_m2": _table_sum(out, "area_inside")}


def t5_native(gpkg: str) -> dict:
    """T5 the native way: T2's chain with the basic-farmland overlay (its polygons do not
    overlap, so no dissolve is needed for the same figure)."""
    return {"inside_m2": _native_inside(gpkg, "YJJBNT")}


def t3_native(gpkg: str) -> dict:
    processing = _processing()
    out = processing.run("native:calculatevectoroverlaps", {
        "INPUT": projects_path(gpkg),
        "LAYERS": [f"{gpkg}|layername={layer}" for layer in T3_LAYERS.values()],
        "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    return {"projects": out.featureCount()}


TASKS = {name: obj for name, obj in dict(globals()).items()
         if callable(obj) and name.split("_")[0] in ("floor", "area", "t1", "t2", "t3", "t4",
                                                          "t5")}


def main() -> int:
    task, gpkg = sys.argv[1], sys.argv[2]
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    start = time.perf_counter()
    runs_algorithms = task.startswith("t")  # T1-T3: start Processing first, off the clock
    if runs_algorithms:
        _processing()
    ready = time.perf_counter()
    try:
        result = TASKS[task](gpkg)
    except Exception as error:  # a failing task is reported, the others still run
        result = {"error": repr(error)}
    seconds = time.perf_counter() - ready
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    startup = {"startup_s": ready - start} if runs_algorithms else {}
    print(json.dumps({"task": task, "seconds": seconds, **startup, "peak_mb": peak_mb, **result}))
    sys.stdout.flush()
    os._exit(0)  # skip QGIS tear-down: it is not part of any measurement


if __name__ == "__main__":
    raise SystemExit(main())
