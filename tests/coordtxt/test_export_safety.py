"""Export safety: invalid coordinates, cancel, stale and foreign files, and the round trip of
what an imported file said (declared area, 数据产生单位, extra fields and keys)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from tests.coordtxt.helpers import RecordingFeedback, run_algorithm


def _square(x0: float, y0: float, size: float = 100.0) -> QgsGeometry:
    return QgsGeometry.fromPolygonXY([[QgsPointXY(x0, y0), QgsPointXY(x0, y0 + size),
                                       QgsPointXY(x0 + size, y0 + size),
                                       QgsPointXY(x0 + size, y0), QgsPointXY(x0, y0)]])


def _layer(rows, fields=("XMBH", "DKBH"), name="projects") -> QgsVectorLayer:
    spec = "&".join(f"field={f}:{'double' if f in ('DKMJ', 'JSMJ') else 'string'}"
                    for f in fields)
    layer = QgsVectorLayer(f"Polygon?crs=EPSG:4526&{spec}", name, "memory")
    features = []
    for *values, geometry in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(values))
        feature.setGeometry(geometry)
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    return layer


def _export(layer, folder: Path, **extra):
    return run_algorithm("sgnr:exportcoordtxt", {"INPUT": layer, "PROJECT_FIELD": "XMBH",
                                                 "OUTPUT": str(folder), **extra})


def _bad_vertex(x: float, y: float) -> QgsGeometry:
    geometry = _square(38512000, 2745000)
    assert geometry.moveVertex(x, y, 2)
    return geometry


@pytest.mark.parametrize(("x", "y", "reason"), [
    (math.nan, 2745100.0, "is not a finite number (NaN or infinity)"),
    (math.inf, math.inf, "is not a finite number (NaN or infinity)"),
    (1e15, 2745100.0, "lies outside any Gauss-Kruger zone"),
    (38512100.0, -1e15, "lies outside any Gauss-Kruger zone"),
])
def test_invalid_coordinates_are_excluded_named_and_counted(processing_ready, tmp_path, x, y,
                                                            reason):
    layer = _layer([("XM-1", "1", _square(38512000, 2745000)),
                    ("XM-1", "2", _bad_vertex(x, y)),
                    ("XM-1", "3", _square(38513000, 2745000))])
    results, feedback = _export(layer, tmp_path)
    assert (results["PARCELS"], results["EXCLUDED"]) == (2, 1)
    (message,) = [e for e in feedback.errors if "feature 2" in e]
    assert message.startswith("Layer “projects”, feature 2 (parcel 2): vertex (")
    assert reason in message and message.endswith("; the feature is not written.")
    assert "1 feature(s) of layer “projects” were not written" in " ".join(feedback.warnings)
    text = (tmp_path / "XM-1.txt").read_bytes().decode("gbk")
    assert "nan" not in text.lower() and "inf" not in text.lower() and "e+" not in text
    assert ",2,测试" not in text and "J1,1,2745000.0000,38513000.0000" in text


def test_only_invalid_coordinates_is_a_clear_error(processing_ready, tmp_path):
    layer = _layer([("XM-1", "7", _bad_vertex(1e15, 1e15))])
    with pytest.raises(QgsProcessingException, match="Nothing was exported: the 1 feature"):
        _export(layer, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_cancel_before_any_feature_says_canceled(processing_ready, tmp_path):
    import processing

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    layer = _layer([("XM-1", "1", _square(38512000, 2745000))])
    with pytest.raises(QgsProcessingException,
                       match="The run was canceled: no output was written."):
        processing.run("sgnr:exportcoordtxt", {"INPUT": layer, "OUTPUT": str(tmp_path / "o")},
                       feedback=feedback)
    assert not (tmp_path / "o").exists()


def test_stale_files_of_the_previous_export_are_removed(processing_ready, tmp_path):
    both = _layer([("A", "1", _square(38512000, 2745000)),
                   ("B", "1", _square(38513000, 2745000))])
    _export(both, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["A.txt", "B.txt"]
    only_a = _layer([("A", "1", _square(38514000, 2745000))])
    results, feedback = _export(only_a, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["A.txt"]
    assert results["REMOVED"] == 1
    assert "1 file(s) of the previous export to this folder were removed (not part of this " \
        "export)." in feedback.infos
    assert "38514000.0000" in (tmp_path / "A.txt").read_text(encoding="gbk")


@pytest.mark.parametrize("case", ["other file", "changed by the user"])
def test_foreign_txt_files_in_the_folder_are_refused(processing_ready, tmp_path, case):
    layer = _layer([("A", "1", _square(38512000, 2745000))])
    if case == "other file":
        (tmp_path / "notes.txt").write_text("keep me", encoding="utf-8")
        name = "notes.txt"
    else:
        _export(layer, tmp_path)
        (tmp_path / "A.txt").write_bytes(b"edited by hand")
        name = "A.txt"
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    with pytest.raises(QgsProcessingException) as caught:
        _export(layer, tmp_path)
    assert f"already holds 1 .txt file(s) this export did not write (or that were changed " \
        f"since): {name}. They would be mixed with the new files: choose an empty folder" \
        in str(caught.value)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


# A file as our writer writes it (GBK, CRLF, clockwise rings, 4 decimals) that carries what
# other writers add: a [项目信息] section, an extra [属性描述] key, a declared area that is not
# the measured one (0.05 % off), two extra header fields (浙江) and its own 数据产生单位.
ROUND_TRIP = """[项目信息]
项目名称=东坑垦造水田
项目编号=XM-2023-07
[属性描述]
格式版本号=1.01版本
数据产生单位=仁化县自然资源局
数据产生日期=2023-03-15
坐标系=2000国家大地坐标系
几度分带=3
投影类型=高斯克吕格
计量单位=米
带号=38
精度=0.0001
转换参数=,,,,,,
备注=浙江格式
[地块坐标]
5,1.0005,1,方形,面,,水田,0101,新增,0101,@
J1,1,2745000.0000,38512000.0000
J2,1,2745100.0000,38512000.0000
J3,1,2745100.0000,38512100.0000
J4,1,2745000.0000,38512100.0000
J1,1,2745000.0000,38512000.0000
"""


def test_import_export_keeps_declared_area_producer_and_extra_fields(processing_ready,
                                                                    tmp_path):
    source = tmp_path / "in" / "项目.txt"
    source.parent.mkdir()
    source.write_bytes(ROUND_TRIP.replace("\n", "\r\n").encode("gbk"))
    imported, _ = run_algorithm("sgnr:importcoordtxt", {"INPUT": [str(source)],
                                                        "OUTPUT": "TEMPORARY_OUTPUT"})
    assert imported["ERRORS"] == 0 and imported["WARNINGS"] == 0
    exported, feedback = run_algorithm("sgnr:exportcoordtxt", {
        "INPUT": imported["OUTPUT"], "OUTPUT": str(tmp_path / "out")})
    (written,) = exported["FILES"]
    assert Path(written).read_bytes() == source.read_bytes()
    assert feedback.warnings == []


def test_declared_area_field_not_in_hectares_is_refused(processing_ready, tmp_path):
    layer = _layer([("A", "P1", "10000", _square(38512000, 2745000))],
                   fields=("XMBH", "DKBH", "MJ"))
    with pytest.raises(QgsProcessingException) as caught:
        _export(layer, tmp_path / "out", AREA_FIELD="MJ")
    message = str(caught.value)
    assert message.startswith("Layer “projects”, feature 1 (parcel P1): the declared area "
                              "10000 in field MJ is about 10000 times the measured 1.0000 ha")
    assert "square metres (m²), not 公顷" in message
    assert not (tmp_path / "out").exists()


def test_a_dkmj_field_of_another_layer_is_not_taken_as_hectares(processing_ready, tmp_path):
    layer = _layer([("A", "1", 10000.0, _square(38512000, 2745000))],
                   fields=("XMBH", "DKBH", "DKMJ"))
    _export(layer, tmp_path)
    assert "5,1.0000,1,,面" in (tmp_path / "A.txt").read_text(encoding="gbk")


def test_declared_area_differing_from_measured_is_written_with_a_warning(processing_ready,
                                                                         tmp_path):
    layer = _layer([("A", "1", "1.5", _square(38512000, 2745000))],
                   fields=("XMBH", "DKBH", "MJ"))
    feedback = RecordingFeedback()
    import processing

    processing.run("sgnr:exportcoordtxt", {"INPUT": layer, "PROJECT_FIELD": "XMBH",
                                           "AREA_FIELD": "MJ", "OUTPUT": str(tmp_path)},
                   feedback=feedback)
    assert "5,1.5000,1,,面" in (tmp_path / "A.txt").read_text(encoding="gbk")
    assert any("the declared area 1.5000 ha (field MJ) differs from the measured 1.0000 ha"
               in w for w in feedback.warnings)


def test_producer_and_date_come_from_the_layer_unless_given(processing_ready, tmp_path):
    layer = _layer([("A", "1", "甲单位", "2023-01-01", _square(38512000, 2745000)),
                    ("A", "2", "乙单位", "2023-01-01", _square(38513000, 2745000))],
                   fields=("XMBH", "DKBH", "SCDW", "SCRQ"))
    _, feedback = _export(layer, tmp_path)
    text = (tmp_path / "A.txt").read_text(encoding="gbk")
    assert "数据产生单位=甲单位\n数据产生日期=2023-01-01\n" in text
    assert "A.txt: the parcels carry different 数据产生单位 (甲单位, 乙单位); “甲单位” is " \
        "written." in feedback.warnings
    _export(layer, tmp_path, PRODUCER="丙单位", DATE="2024-02-03")  # our own file: replaced
    text = (tmp_path / "A.txt").read_text(encoding="gbk")
    assert "数据产生单位=丙单位\n数据产生日期=2024-02-03\n" in text
