"""Export: exact text for a hand-built parcel, safe names, and export → import round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsVectorLayer,
)

from sg_nr_plugin.core.coordtxt.geometry import oriented_rings
from sg_nr_plugin.core.coordtxt.writer import ExportParcel, parcel_lines, safe_file_name
from tests.coordtxt.helpers import DATA, geod_measure, run_algorithm

# A square drawn counter-clockwise on the map with a clockwise hole: the export must flip both.
SQUARE_WITH_HOLE = ("POLYGON((38512000 2745000, 38512100 2745000, 38512100 2745100, "
                    "38512000 2745100, 38512000 2745000), (38512020 2745020, 38512020 2745040, "
                    "38512040 2745040, 38512040 2745020, 38512020 2745020))")
TRIANGLES = ("MULTIPOLYGON(((38513000.12345 2746000.98765, 38513050.5 2746080.25, "
             "38513100.00004 2746000.5, 38513000.12345 2746000.98765)), "
             "((38513200 2746000, 38513260 2746000, 38513230 2746040, 38513200 2746000)))")
FIELDS = "&".join(f"field={name}:string" for name in ("XMBH", "DKBH", "DKMC", "DLBM", "DKYT"))


def test_parcel_lines_number_points_and_orient_rings(qgis_app):
    parts = oriented_rings(QgsGeometry.fromWkt(SQUARE_WITH_HOLE))
    lines = parcel_lines(ExportParcel("A1", 0.99599, parts, "名,称", "", "水田", "0101"))
    assert lines == [
        "10,0.9960,A1,名，称,面,,水田,0101,@",
        # outer ring clockwise on the map: north first from the SW corner, then east
        "J1,1,2745000.0000,38512000.0000",
        "J2,1,2745100.0000,38512000.0000",
        "J3,1,2745100.0000,38512100.0000",
        "J4,1,2745000.0000,38512100.0000",
        "J1,1,2745000.0000,38512000.0000",
        # hole counter-clockwise: east first, then north
        "J5,2,2745020.0000,38512020.0000",
        "J6,2,2745020.0000,38512040.0000",
        "J7,2,2745040.0000,38512040.0000",
        "J8,2,2745040.0000,38512020.0000",
        "J5,2,2745020.0000,38512020.0000",
    ]


@pytest.mark.parametrize(("project", "expected"), [
    ("XM-2023-01", "XM-2023-01.txt"), ("../../etc/passwd", "___etc_passwd.txt"),
    ("a\\b:c", "a_b_c.txt"), ("..", "project.txt"), ("", "project.txt"),
    (None, "project.txt"), ("垦造水田项目", "垦造水田项目.txt"),
])
def test_safe_file_name(project, expected):
    name = safe_file_name(project, set())
    assert name == expected
    assert "/" not in name and "\\" not in name and ".." not in name


def test_safe_file_name_keeps_names_unique_ignoring_case():
    used: set[str] = set()
    names = [safe_file_name(n, used) for n in ("A", "a", " A ", "A")]
    assert names == ["A.txt", "a_2.txt", "A_3.txt", "A_4.txt"]


def _layer(crs: str = "EPSG:4526") -> QgsVectorLayer:
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs}&{FIELDS}", "projects", "memory")
    rows = [("XM-1", "1", "带洞地块", "0103", "旱地", SQUARE_WITH_HOLE),
            ("XM-1", "2", "两块三角形", "0101", "水田", TRIANGLES),
            ("XM/2", "1", "", "0201", "", "POLYGON((38514000 2747000, 38514000 2747030, "
                                           "38514030 2747030, 38514000 2747000))")]
    features = []
    for *values, wkt in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(values)
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def _export(layer, folder: Path, **extra):
    parameters = {"INPUT": layer, "PROJECT_FIELD": "XMBH", "OUTPUT": str(folder),
                  "PRODUCER": "测试单位", "DATE": "2024-01-02", **extra}
    return run_algorithm("sgnr:exportcoordtxt", parameters)


def _import(paths, **extra):
    results, feedback = run_algorithm(
        "sgnr:importcoordtxt", {"INPUT": [str(p) for p in paths], "OUTPUT": "TEMPORARY_OUTPUT",
                                "REPORT": "TEMPORARY_OUTPUT", **extra})
    return results, results["OUTPUT"], results["REPORT"], feedback


def _assert_same_geometry(original: QgsGeometry, imported: QgsGeometry) -> None:
    assert original.constGet().partCount() == imported.constGet().partCount()
    assert original.constGet().nCoordinates() == imported.constGet().nCoordinates()
    assert original.hausdorffDistance(imported) <= 1e-4


def test_round_trip_per_project_gbk(processing_ready, tmp_path):
    layer = _layer()
    results, feedback = _export(layer, tmp_path)
    assert sorted(Path(f).name for f in results["FILES"]) == ["XM-1.txt", "XM_2.txt"]
    assert results["PARCELS"] == 3
    text = (tmp_path / "XM-1.txt").read_bytes().decode("gbk")
    assert "数据产生单位=测试单位\r\n数据产生日期=2024-01-02\r\n" in text
    assert "带号=38\r\n" in text
    assert not list(tmp_path.glob("*.part"))  # temporary files moved into place

    results, imported, report, _ = _import(results["FILES"])
    assert imported.crs().authid() == "EPSG:4526"
    assert results["ERRORS"] == 0 and results["WARNINGS"] == 0
    got = {(f["WJM"], f["DKBH"]): f for f in imported.getFeatures()}
    measure = geod_measure(QgsCoordinateReferenceSystem("EPSG:4526"))
    for original in layer.getFeatures():
        file_name = "XM-1.txt" if original["XMBH"] == "XM-1" else "XM_2.txt"
        feature = got[(file_name, original["DKBH"])]
        _assert_same_geometry(original.geometry(), feature.geometry())
        for field in ("DKMC", "DLBM", "DKYT"):
            assert (feature[field] or "") == original[field]
        assert feature["BM"] == "GBK"
        assert feature["XMBH"] == file_name[:-4]  # the project id comes back from the name
        # the declared area is the ellipsoidal area, checked against pyproj to 4 decimals
        assert feature["DKMJ"] == pytest.approx(measure(original.geometry()) / 1e4, abs=1e-4)
    assert {f["SEVERITY"] for f in report.getFeatures()} == {"info"}


def test_round_trip_single_file_utf8_cm_form(processing_ready, tmp_path):
    layer = _layer()
    results, _ = _export(layer, tmp_path, MODE=1, ENCODING=1, ZONE_PREFIX=False,
                            FILE_NAME="全部")
    (path,) = results["FILES"]
    assert Path(path).name == "全部.txt"
    results, imported, _, _ = _import([path])
    assert imported.crs().authid() == "EPSG:4547"
    assert [f["BM"] for f in imported.getFeatures()] == ["UTF-8"] * 3
    # the second project's parcel "1" repeats the first's: reported, still imported
    assert results["ERRORS"] == 1 and imported.featureCount() == 3
    to_cm = QgsCoordinateTransform(layer.crs(), imported.crs(), QgsProject.instance())
    for original, feature in zip(layer.getFeatures(), imported.getFeatures()):
        geometry = QgsGeometry(original.geometry())
        geometry.transform(to_cm)
        _assert_same_geometry(geometry, feature.geometry())


def test_geographic_layer_exports_in_its_zone(processing_ready, tmp_path):
    source = _layer()
    geographic = QgsVectorLayer(f"MultiPolygon?crs=EPSG:4490&{FIELDS}", "geo", "memory")
    to_geo = QgsCoordinateTransform(source.crs(), geographic.crs(), QgsProject.instance())
    features = []
    for feature in source.getFeatures():
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(to_geo)
        feature.setGeometry(geometry)
        features.append(feature)
    geographic.dataProvider().addFeatures(features)
    results, feedback = _export(geographic, tmp_path)
    assert "Writing coordinates in EPSG:4526." in feedback.infos
    _, imported, _, _ = _import(results["FILES"])
    originals = {(f["XMBH"].replace("/", "_"), f["DKBH"]): f for f in source.getFeatures()}
    for feature in imported.getFeatures():
        original = originals[(feature["WJM"][:-4], feature["DKBH"])]
        # a round trip through degrees: within 1 mm (the projection, not the file, limits it)
        assert original.geometry().hausdorffDistance(feature.geometry()) < 1e-3


def test_selected_features_only(processing_ready, tmp_path):
    layer = _layer()
    project = QgsProject()
    project.addMapLayer(layer)
    layer.selectByIds([f.id() for f in layer.getFeatures() if f["XMBH"] == "XM/2"])
    context = QgsProcessingContext()
    context.setProject(project)
    results, _ = run_algorithm("sgnr:exportcoordtxt", {
        "INPUT": QgsProcessingFeatureSourceDefinition(layer.id(), True),
        "PROJECT_FIELD": "XMBH", "OUTPUT": str(tmp_path)}, context)
    assert [Path(f).name for f in results["FILES"]] == ["XM_2.txt"]
    assert results["PARCELS"] == 1


def test_character_outside_gbk_is_a_clear_error(processing_ready, tmp_path):
    layer = _layer()
    layer.dataProvider().changeAttributeValues({3: {2: "地块😀"}})  # in the second file
    message = "“XM_2.txt” line 13: the character “😀” cannot be written in GBK"
    with pytest.raises(QgsProcessingException, match=message):
        _export(layer, tmp_path)
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_file_import_export_reproduces_the_file_byte_for_byte(processing_ready, tmp_path):
    """A GBK/CRLF file written the way we write (clockwise outer rings, J1… numbering) comes
    back identical: same header, parcel lines, point names, ring numbers and 4-decimal values."""
    source = DATA / "several_gbk.txt"
    _, imported, _, _ = _import([source])
    results, _ = run_algorithm("sgnr:exportcoordtxt", {
        "INPUT": imported, "OUTPUT": str(tmp_path), "PRODUCER": "仁化县自然资源局",
        "DATE": "2023-03-15"})
    (written,) = results["FILES"]
    assert Path(written).name == "several_gbk.txt"  # XMBH (the file's stem) names the file
    assert Path(written).read_bytes() == source.read_bytes()
