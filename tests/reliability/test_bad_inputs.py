"""The bad-input catalogue (docs/bad-inputs.md): each messy delivery gets a clear result or a
clear error naming the layer and the fix — never a crash, a traceback or a silent zero."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from qgis.core import (
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from tests.checks.helpers import projects, rect_area, rect_wkt
from tests.reliability.helpers import TINY_GPKG, WarningLog, tiny
from tests.stats.helpers import DLTB_FIELDS, VILLAGE_A, X0, Y0, memory_layer, square_wkt

WHOLE, VILLAGE = 0, 3
M2 = 0


@pytest.fixture
def ready(qgis_processing, provider_registered):
    return True


def run(algorithm_id: str, parameters: dict, feedback=None) -> dict:
    import processing

    return processing.run(algorithm_id, {"OUTPUT": "memory:", **parameters},
                          feedback=feedback or QgsProcessingFeedback())


def rows(layer) -> list[dict]:
    return [dict(zip(layer.fields().names(), f.attributes())) for f in layer.getFeatures()]


def parcel(code, tbmj=100.0, column=0, zldwdm=VILLAGE_A):
    return (square_wkt(X0 + column * 10.0, Y0, 10.0), [zldwdm, code, "", tbmj, 0.0, 0.0, tbmj])


# ---- attributes ----------------------------------------------------------------------------
def test_missing_required_field_names_the_fields_and_the_layer(ready):
    layer = memory_layer("地类图斑_缺字段", "ZLDWDM:string&field=TBMJ:double",
                         [(square_wkt(X0, Y0, 10), [VILLAGE_A, 100.0])])
    with pytest.raises(QgsProcessingException) as error:
        run("sgnr:landusesummary", {"INPUT": layer})
    assert "地类图斑_缺字段" in str(error.value) and "DLBM" in str(error.value)


def test_null_blank_and_unknown_codes_have_their_own_counted_row(ready):
    layer = memory_layer("DLTB", DLTB_FIELDS, [
        parcel("0101", 100.0, 0), parcel(None, 10.0, 1), parcel("", 20.0, 2),
        parcel("   ", 30.0, 3), parcel("XYZ9", 40.0, 4)])
    result = run("sgnr:landusesummary", {"INPUT": layer, "REGION_LEVEL": WHOLE, "UNIT": M2,
                                          "ALLOW_UNRECOGNISED": True})
    by_code = {r["dlbm"]: r for r in rows(result["OUTPUT"])}
    assert by_code["UNRECOGNISED"]["count"] == 4
    assert by_code["UNRECOGNISED"]["area"] == pytest.approx(100.0)
    assert by_code["0101"]["area"] == pytest.approx(100.0)


# ---- geometry ------------------------------------------------------------------------------
def test_wrong_geometry_type_is_refused_before_the_run(ready):
    points = QgsVectorLayer("Point?crs=EPSG:4547&field=DLBM:string", "points", "memory")
    points.dataProvider().addFeatures([_feature(points, f"POINT({X0} {Y0})", ["0101"])])
    with pytest.raises(QgsProcessingException, match="“points” holds Point features.*polygon"):
        run("sgnr:landusesummary", {"INPUT": points})


def test_empty_projects_layer_is_a_clear_result(ready):
    empty = projects([])
    with pytest.raises(QgsProcessingException, match="“projects” has no features"):
        run("sgnr:checkfarmland", {"PROJECTS": empty, "OUTPUT_FINDINGS": "memory:",
                                   "OUTPUT_PROJECTS": "memory:"})


def test_duplicated_overlay_features_count_once(ready):
    dltb = memory_layer("DLTB", DLTB_FIELDS, [parcel("0101", 100.0, 0)])
    once = memory_layer("red", "", [(square_wkt(X0 - 5, Y0 - 5, 10), [])])
    twice = memory_layer("red", "", [(square_wkt(X0 - 5, Y0 - 5, 10), [])] * 2)
    single = rows(run("sgnr:overlaystats", {"INPUT": dltb, "OVERLAY": once})["OUTPUT"])
    double = rows(run("sgnr:overlaystats", {"INPUT": dltb, "OVERLAY": twice})["OUTPUT"])
    assert double[0]["area_inside"] == pytest.approx(single[0]["area_inside"], rel=1e-12)
    assert single[0]["area_inside"] > 0


def test_duplicated_project_parcels_count_once(ready):
    wkt = rect_wkt(0, 0, 100, 100)
    parcels = projects([("P", wkt, {}), ("P", wkt, {})])
    result = run("sgnr:checkfarmland", {"PROJECTS": parcels, "OUTPUT_FINDINGS": "memory:",
                                        "OUTPUT_PROJECTS": "memory:"})
    [project] = rows(result["OUTPUT_PROJECTS"])
    assert project["parcels"] == 2
    assert project["area_m2"] == pytest.approx(rect_area(0, 0, 100, 100), abs=0.01)


@pytest.mark.parametrize("storage", ["memory", "gpkg"])  # streamed / SQL push-down
def test_duplicated_dltb_parcels_are_named(ready, tmp_path, storage):
    """A parcel delivered twice (same BSM): counted as delivered, but named in the log and the
    workbook notes; a parcel without BSM is no duplicate."""
    from tests.stats.helpers import write_gpkg

    rows_in = [(wkt, [bsm, *values]) for bsm, (wkt, values) in zip(
        ["A1", "A2", "A2", "", ""], [parcel("0101", 100.0, i) for i in range(5)])]
    layer = memory_layer("DLTB", "BSM:string&field=" + DLTB_FIELDS, rows_in)
    if storage == "gpkg":
        layer = write_gpkg(layer, tmp_path / "dltb.gpkg")
    log = WarningLog()
    result = run("sgnr:landusesummary", {"INPUT": layer, "REGION_LEVEL": WHOLE, "UNIT": M2},
                 log)
    [row] = rows(result["OUTPUT"])
    assert row["count"] == 5 and row["area"] == pytest.approx(500.0)
    warned = [w for w in log.warnings if "BSM" in w]
    assert len(warned) == 1 and warned[0].startswith("1 ") and warned[0].endswith("BSM: A2")
    pushed = any("inside the database" in m for m in log.textLog().splitlines())
    assert pushed == (storage == "gpkg")


# ---- coordinate reference systems -----------------------------------------------------------
def test_layer_without_crs_is_refused_naming_it(ready, tmp_path):
    """A shapefile without .prj: refused, naming the layer and the CRSs to choose from."""
    path = _gbk_shapefile(tmp_path, with_cpg=True)
    path = path.rename(path.with_name("无坐标系DLTB.shp"))
    for suffix in (".shx", ".dbf", ".cpg"):
        (tmp_path / f"dltb{suffix}").rename(path.with_suffix(suffix))
    (tmp_path / "dltb.prj").unlink()
    # by path: a Python-owned OGR layer caught in a failed run's traceback is collected late,
    # and QGIS 3.22 crashes at exit deleting it (a test-only hazard: project layers are C++'s)
    with pytest.raises(QgsProcessingException) as error:
        run("sgnr:landusesummary", {"INPUT": str(path)})
    assert "无坐标系DLTB” has no coordinate reference system" in str(error.value)


@pytest.mark.parametrize("algorithm_id", ["sgnr:overlaystats", "sgnr:checkfarmland"])
def test_zone_prefixed_coordinates_under_4547_are_refused_with_the_fix(ready, algorithm_id):
    """Eastings 38 500 000 declared EPSG:4547 (CM form): areas would be nonsense."""
    wrong = memory_layer("DLTB_prefixed", DLTB_FIELDS, [
        (square_wkt(38_000_000 + X0, Y0, 10.0), [VILLAGE_A, "0101", "", 100.0, 0, 0, 100.0])])
    good = memory_layer("red", "", [(square_wkt(X0, Y0, 10), [])])
    parameters = ({"INPUT": wrong, "OVERLAY": good} if algorithm_id == "sgnr:overlaystats" else
                  {"PROJECTS": good, "DLTB": wrong, "OUTPUT_FINDINGS": "memory:",
                   "OUTPUT_PROJECTS": "memory:"})
    with pytest.raises(QgsProcessingException, match="DLTB_prefixed.*EPSG:4526"):
        run(algorithm_id, parameters)


@pytest.fixture(scope="module")
def tiny_4490(tmp_path_factory) -> Path:
    """DLTB and STBHHX of the tiny sample reprojected to CGCS2000 lon/lat (EPSG:4490)."""
    target = tmp_path_factory.mktemp("geo") / "tiny_4490.gpkg"
    for name in ("DLTB", "STBHHX"):
        update = ["-update"] if target.exists() else []
        subprocess.run(["ogr2ogr", "-f", "GPKG", str(target), str(TINY_GPKG), name,
                        "-t_srs", "EPSG:4490", *update], check=True, capture_output=True)
    return target


def _overlay_totals(result) -> tuple[float, float]:
    table = rows(result["OUTPUT"])
    return (sum(r["area_input"] for r in table), sum(r["area_inside"] for r in table))


def test_geographic_input_gives_ellipsoidal_areas(ready, tiny_4490):
    """The same parcels in lon/lat: same ellipsoidal areas (edges straight in another CRS
    differ by far less than 1e-6 of the area)."""
    projected = _overlay_totals(run("sgnr:overlaystats", {
        "INPUT": tiny("DLTB"), "OVERLAY": tiny("STBHHX"), "UNIT": M2}))
    geographic = _overlay_totals(run("sgnr:overlaystats", {
        "INPUT": tiny("DLTB", tiny_4490), "OVERLAY": tiny("STBHHX", tiny_4490), "UNIT": M2}))
    assert geographic == pytest.approx(projected, rel=1e-6)
    assert projected[1] > 0


def test_overlay_in_another_crs_is_reprojected_on_the_fly(ready, tiny_4490):
    same = _overlay_totals(run("sgnr:overlaystats", {
        "INPUT": tiny("DLTB"), "OVERLAY": tiny("STBHHX"), "UNIT": M2}))
    other = _overlay_totals(run("sgnr:overlaystats", {
        "INPUT": tiny("DLTB"), "OVERLAY": tiny("STBHHX", tiny_4490), "UNIT": M2}))
    assert other == pytest.approx(same, rel=1e-6)


# ---- layers as the user has them ------------------------------------------------------------
def test_subset_filter_is_respected(ready, tmp_path):
    """A layer filtered in QGIS (Filter…): only its features count, in SQL push-down and in
    the streaming path alike. On a copy: QGIS 3.22 itself writes to a GeoPackage (its change
    counter) when a filter is set on one of its layers."""
    import shutil

    copy = tmp_path / "tiny.gpkg"
    shutil.copy(TINY_GPKG, copy)
    layer = QgsVectorLayer(tiny("DLTB", copy), "DLTB", "ogr")
    full = {r["dlbm"]: r["count"] for r in rows(run("sgnr:landusesummary", {
        "INPUT": layer, "REGION_LEVEL": WHOLE})["OUTPUT"])}
    layer.setSubsetString("\"DLBM\" = '0101'")
    expected = layer.featureCount()
    filtered = rows(run("sgnr:landusesummary", {"INPUT": layer, "REGION_LEVEL": WHOLE})["OUTPUT"])
    counts = {r["dlbm"]: r["count"] for r in filtered}
    assert counts["0101"] == expected == full["0101"] and len(full) > 3
    assert set(counts) <= {"0101", "1203"}
    inside = rows(run("sgnr:overlaystats", {"INPUT": layer, "OVERLAY": tiny("STBHHX"),
                                            "REGION_LEVEL": WHOLE})["OUTPUT"])
    assert inside[0]["parcels"] == expected


# ---- GBK shapefiles --------------------------------------------------------------------------
VILLAGE_NAME = "石塘村"


_WRITE_GBK = """
import sys
from osgeo import ogr, osr
path, zldwdm, village, x0, y0 = sys.argv[1], sys.argv[2], sys.argv[3], *map(float, sys.argv[4:])
srs = osr.SpatialReference()
srs.ImportFromEPSG(4547)
dataset = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
layer = dataset.CreateLayer("dltb", srs, ogr.wkbPolygon, options=["ENCODING=GBK"])
for name in ("ZLDWDM", "ZLDWMC", "DLBM", "DLMC"):
    layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
layer.CreateField(ogr.FieldDefn("TBMJ", ogr.OFTReal))
for i, (code, name) in enumerate((("0101", "水田"), ("0301", "乔木林地"))):
    feature = ogr.Feature(layer.GetLayerDefn())
    for key, value in (("ZLDWDM", zldwdm), ("ZLDWMC", village), ("DLBM", code),
                       ("DLMC", name), ("TBMJ", 100.0)):
        feature.SetField(key, value)
    x = x0 + 20 * i
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        f"POLYGON(({x} {y0},{x + 10} {y0},{x + 10} {y0 + 10},{x} {y0 + 10},{x} {y0}))"))
    layer.CreateFeature(feature)
dataset = None
"""


def _gbk_shapefile(folder: Path, with_cpg: bool) -> Path:
    """A GBK shapefile as a supplier's software writes it. Written in a fresh Python: QGIS
    sets SHAPE_ENCODING="" in its own process, which stops OGR from recoding to GBK."""
    import sys

    path = folder / "dltb.shp"
    subprocess.run([sys.executable, "-c", _WRITE_GBK, str(path), VILLAGE_A, VILLAGE_NAME,
                    str(X0), str(Y0)], check=True, capture_output=True)
    assert "石塘村".encode("gbk") in (folder / "dltb.dbf").read_bytes()
    assert (folder / "dltb.cpg").read_text().strip() == "GBK"
    if not with_cpg:
        (folder / "dltb.cpg").unlink()
    return path


@pytest.mark.parametrize("with_cpg", [True, False])
def test_gbk_shapefile_reads_chinese_with_and_without_cpg(ready, tmp_path, with_cpg):
    path = _gbk_shapefile(tmp_path, with_cpg)
    log = WarningLog()
    result = run("sgnr:landusesummary", {"INPUT": str(path), "REGION_LEVEL": VILLAGE}, log)
    assert {r["region_name"] for r in rows(result["OUTPUT"])} == {VILLAGE_NAME}
    assert {r["dlmc"] for r in rows(result["OUTPUT"])} >= {"水田", "乔木林地"}
    warned = [w for w in log.warnings if "GBK" in w and "dltb.cpg" in w]
    assert bool(warned) == (not with_cpg)


def test_gbk_shapefile_without_cpg_in_the_project_names_the_fix(ready, tmp_path):
    path = _gbk_shapefile(tmp_path, with_cpg=False)
    layer = QgsVectorLayer(str(path), "村级图斑", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        with pytest.raises(QgsProcessingException, match="村级图斑.*Data source encoding to GBK"):
            run("sgnr:landusesummary", {"INPUT": layer.id(), "REGION_LEVEL": VILLAGE})
        layer.setProviderEncoding("GBK")  # what the message tells the user to do
        result = run("sgnr:landusesummary", {"INPUT": layer.id(), "REGION_LEVEL": VILLAGE})
        assert {r["region_name"] for r in rows(result["OUTPUT"])} == {VILLAGE_NAME}
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def _feature(layer, wkt, attributes):
    from qgis.core import QgsFeature, QgsGeometry

    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt(wkt))
    feature.setAttributes(attributes)
    return feature
