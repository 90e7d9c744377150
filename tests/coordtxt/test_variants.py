"""Variants real writers produce (docs/coordinate-files.md, “Variants”): each read correctly or
refused with a clear message. Fixtures are written here from the format descriptions."""

from __future__ import annotations

import codecs

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

from sg_nr_plugin.core.coordtxt.model import Severity
from sg_nr_plugin.core.coordtxt.parser import parse_bytes, parse_text
from sg_nr_plugin.core.coordtxt.reader import import_fields, load_parsed, to_feature
from tests.coordtxt.helpers import geod_measure_factory, geod_ring_area, run_algorithm
from tests.coordtxt.test_validation import HEADER, SECOND, SQUARE

# The 100 m × 100 m square of SQUARE, as QGIS (easting, northing) geometry.
SQUARE_WKT = ("POLYGON((38512000 2745000, 38512000 2745100, 38512100 2745100, "
              "38512100 2745000, 38512000 2745000))")
# Its geodesic area (ha), from pyproj only.
SQUARE_HA = geod_ring_area("EPSG:4526", [38512000, 38512000, 38512100, 38512100],
                           [2745000, 2745100, 2745100, 2745000]) / 10_000
POINTS = SQUARE.split("\n", 1)[1]  # the five point lines without the header line
SECOND_PARCEL = SECOND  # a valid parcel "2" after the one under test


def load(text: str, **options):
    parsed = parse_text(text, "v.txt")
    return parsed, load_parsed(parsed, measure_factory=geod_measure_factory, **options)


def codes(parsed, severity=None):
    return [i.code for i in parsed.issues if severity is None or i.severity == severity]


def found(parsed, code):
    matches = [i for i in parsed.issues if i.code == code]
    assert matches, f"no {code!r} in {[i.text() for i in parsed.issues]}"
    return matches[0]


def is_square(geometry) -> bool:
    return geometry.equals(QgsGeometry.fromWkt(SQUARE_WKT))


@pytest.mark.parametrize(("codec", "bom", "label"), [
    ("utf-16-le", codecs.BOM_UTF16_LE, "UTF-16 LE (BOM)"),
    ("utf-16-be", codecs.BOM_UTF16_BE, "UTF-16 BE (BOM)"),
])
def test_utf16_with_bom(qgis_app, codec, bom, label):
    data = bom + (HEADER + SQUARE).replace("\n", "\r\n").encode(codec)
    parsed = parse_bytes(data, "u16.txt")
    (item,) = load_parsed(parsed, measure_factory=geod_measure_factory)
    assert parsed.encoding == label
    assert codes(parsed, Severity.ERROR) == [] and codes(parsed, Severity.WARNING) == []
    assert is_square(item.geometry) and item.parcel.name == "方形"


def test_full_width_brackets_commas_and_digits(qgis_app):
    text = (HEADER.replace("[属性描述]", "【属性描述】").replace("[地块坐标]", "【地块坐标】")
            .replace("带号=38", "带号＝３８")
            + "５，1．0000，1，方形，面，，，0103，＠\n"
            + "J1，1，２７４５０００．００００，３８５１２０００．００００\n"
            + POINTS.split("\n", 1)[1])
    parsed, (item,) = load(text)
    assert is_square(item.geometry)
    assert (item.parcel.point_count, item.parcel.area_ha, item.parcel.land_class) == \
        (5, 1.0, "0103")
    assert item.crs.authid() == "EPSG:4526"
    issue = found(parsed, "full-width")
    assert (issue.line, issue.severity) == (1, Severity.WARNING)
    assert codes(parsed, Severity.ERROR) == []


def test_header_key_with_a_colon(qgis_app):
    parsed, (item,) = load(HEADER.replace("带号=38", "带号：38") + SQUARE)
    assert parsed.header["带号"] == "38" and parsed.header_lines["带号"] == 9
    assert "header-syntax" not in codes(parsed) and "full-width" in codes(parsed)


def test_full_width_comma_inside_a_name_is_text(qgis_app):
    parsed, (item,) = load(HEADER + SQUARE.replace("方形", "名，称"))
    assert item.parcel.name == "名，称" and "full-width" not in codes(parsed)


def _easting_first(text: str) -> str:
    lines = []
    for line in text.splitlines():
        parts = line.split(",")
        if len(parts) == 4:
            parts[2], parts[3] = parts[3], parts[2]
        lines.append(",".join(parts))
    return "\n".join(lines) + "\n"


def test_easting_first_is_detected_and_reported(qgis_app):
    parsed, (item,) = load(HEADER + _easting_first(SQUARE))
    assert is_square(item.geometry) and item.crs.authid() == "EPSG:4526"
    issue = found(parsed, "axis-order")
    assert (issue.line, issue.severity) == (14, Severity.WARNING)
    assert "easting before the northing (e.g. 38512000.0000, 2745000.0000) in 1 parcel(s)" \
        in issue.message
    assert codes(parsed, Severity.ERROR) == []


def test_bare_eastings_first_are_detected(qgis_app):
    text = HEADER + _easting_first(SQUARE.replace(",3851", ",51"))
    parsed, (item,) = load(text)
    assert item.crs.authid() == "EPSG:4547"  # CM form, zone 38 from 带号
    assert item.geometry.boundingBox().xMinimum() == pytest.approx(512000)
    assert "axis-order" in codes(parsed)


def test_axis_order_parameter_forces_and_contradicts(qgis_app):
    swapped = HEADER + _easting_first(SQUARE)
    parsed, (item,) = load(swapped, axis_order=2)
    assert is_square(item.geometry) and "axis-order" not in codes(parsed)
    parsed, loaded = load(swapped, axis_order=1)
    assert loaded == [] and "AXIS_ORDER says northing first" in found(parsed, "xy-swapped").message
    parsed, loaded = load(HEADER + SQUARE, axis_order=2)
    assert loaded == [] and "Set AXIS_ORDER to auto" in found(parsed, "xy-swapped").message


def test_points_without_parcel_header(qgis_app):
    parsed, (item,) = load(HEADER + POINTS)
    assert is_square(item.geometry)
    assert (item.parcel.number, item.parcel.area_ha, item.parcel.point_count) == ("", None, None)
    issue = found(parsed, "no-parcel-header")
    assert (issue.line, issue.severity) == (13, Severity.WARNING)
    assert codes(parsed, Severity.ERROR) == []


def test_area_with_unit_suffix_and_no_point_count(qgis_app):
    parsed, (item,) = load(HEADER + "1.0000公顷,,地块1,面,,,,@\n" + POINTS)
    parcel = item.parcel
    assert (parcel.point_count, parcel.area_ha, parcel.number, parcel.name, parcel.kind) == \
        (None, 1.0, "", "地块1", "面")
    assert is_square(item.geometry)
    issue = found(parsed, "no-count")
    assert (issue.line, issue.severity) == (13, Severity.WARNING)
    assert "starts with “1.0000公顷”" in issue.message
    assert "area" not in codes(parsed) and "point-count" not in codes(parsed)


@pytest.mark.parametrize(("written", "hectares"), [
    ("1.0000公顷", 1.0), ("10000m2", 1.0), ("10000平方米", 1.0), ("10000㎡", 1.0),
    ("15亩", 1.0), ("1.0000ha", 1.0), ("1.0000 公顷", 1.0)])
def test_area_unit_suffixes(qgis_app, written, hectares):
    parsed, (item,) = load(HEADER + SQUARE.replace("5,1.0000,", f"5,{written},"))
    assert item.parcel.area_ha == pytest.approx(hectares)
    assert codes(parsed, Severity.ERROR) == [] and "area" not in codes(parsed)


@pytest.mark.parametrize(("written", "unit", "factor"), [
    (f"{SQUARE_HA * 10_000:.4f}", "square metres (m²)", "10000"),
    (f"{SQUARE_HA * 15:.4f}", "亩", "15")])
def test_declared_area_in_m2_or_mu_is_detected(qgis_app, written, unit, factor):
    parsed, (item,) = load(HEADER + SQUARE.replace("5,1.0000,", f"5,{written},"))
    assert item.parcel.area_ha == pytest.approx(SQUARE_HA, abs=1e-5)  # 4 decimals written
    issue = found(parsed, "area-unit")
    assert (issue.line, issue.severity, issue.parcel) == (13, Severity.WARNING, "1")
    assert issue.text().startswith("v.txt:13: Parcel 1: the declared area ")
    assert f"is about {factor} times the measured {SQUARE_HA:.4f} ha, so it is read as " \
        f"{unit}" in issue.message
    assert "area" not in codes(parsed)


def test_declared_area_unit_parameter(qgis_app):
    text = HEADER + SQUARE.replace("5,1.0000,", f"5,{SQUARE_HA * 10_000:.2f},")
    parsed, (item,) = load(text, area_unit="m2")
    assert item.parcel.area_ha == pytest.approx(SQUARE_HA, abs=1e-6)
    assert "area-unit" not in codes(parsed) and "area" not in codes(parsed)
    parsed, (item,) = load(text, area_unit="ha")  # the user insists: a plain mismatch
    assert "area" in codes(parsed) and "area-unit" not in codes(parsed)


def test_ring_numbering_restarted_per_part(qgis_app):
    second = "\n".join(line.replace("J", "K").replace("2745", "2747")
                       for line in POINTS.splitlines()) + "\n"
    text = HEADER + "10,2.0000,1,两块,面,,,,@\n" + POINTS + second
    parsed, (item,) = load(text)
    assert item.geometry.isGeosValid()
    assert len(item.geometry.asMultiPolygon()) == 2
    assert item.geometry.area() == pytest.approx(20_000)
    issue = found(parsed, "ring-restart")
    assert (issue.line, issue.severity) == (19, Severity.WARNING)
    assert codes(parsed, Severity.ERROR) == []


def test_ring_numbering_restarted_for_a_hole(qgis_app):
    hole = ("H1,1,2745020,38512020\nH2,1,2745020,38512040\nH3,1,2745040,38512040\n"
            "H4,1,2745040,38512020\nH1,1,2745020,38512020\n")
    parsed, (item,) = load(HEADER + "10,0.9600,1,带洞,面,,,,@\n" + POINTS + hole)
    assert len(item.geometry.asPolygon()) == 2
    assert item.geometry.area() == pytest.approx(10_000 - 400)


def test_extra_header_fields_are_kept(qgis_app):
    text = HEADER.replace("[属性描述]", "[项目信息]\n项目名称=东坑垦造\n[属性描述]") + \
        SQUARE.replace(",0103,@", ",0103,新增,0101,@")
    parsed, (item,) = load(text)
    assert item.parcel.extra == ["新增", "0101"]
    assert codes(parsed, Severity.ERROR) == []
    feature = to_feature(item, import_fields())
    assert feature["KZZD"] == "新增,0101"
    assert '["项目信息", "项目名称", "东坑垦造"]' in feature["KZSX"]
    assert feature["DLBM"] == "0103" and feature["DKMJ"] == 1.0


def test_crs_override_makes_a_foreign_system_information(qgis_app):
    text = (HEADER + SQUARE).replace("2000国家大地坐标系", "80国家大地坐标系")
    override = QgsCoordinateReferenceSystem("EPSG:2362")
    parsed, loaded = load(text, override=override)
    assert len(loaded) == 1 and codes(parsed, Severity.ERROR) == []
    issue = found(parsed, "header-crs")
    assert issue.severity == Severity.INFO and "EPSG:2362 is used" in issue.message
    parsed, loaded = load(text)
    assert found(parsed, "header-crs").severity == Severity.ERROR and loaded == []


def test_algorithm_parameters(processing_ready, tmp_path):
    path = tmp_path / "m2.txt"
    path.write_text(HEADER + _easting_first(SQUARE.replace("5,1.0000,", "5,10000,")),
                    encoding="utf-8")
    results, _ = run_algorithm("sgnr:importcoordtxt", {
        "INPUT": [str(path)], "OUTPUT": "TEMPORARY_OUTPUT", "AXIS_ORDER": 2,
        "DECLARED_AREA_UNIT": 2, "AREA_TOLERANCE": 1.0})
    (feature,) = results["OUTPUT"].getFeatures()
    assert feature["DKMJ"] == pytest.approx(1.0)
    assert feature.geometry().equals(QgsGeometry.fromWkt(SQUARE_WKT.replace(
        "POLYGON((", "MULTIPOLYGON(((").replace("))", ")))")))
    assert results["WARNINGS"] == 0 and results["ERRORS"] == 0


def test_full_width_comma_in_a_header_value_is_text(qgis_app):
    parsed, _ = load(HEADER.replace("测试单位", "某某，有限公司") + SQUARE)
    assert parsed.header["数据产生单位"] == "某某，有限公司"
    assert "full-width" not in codes(parsed)


FAR = SQUARE.replace("J3,1,2745100.0000,38512100.0000", "J3,1,2745100.0000,1e15")


@pytest.mark.parametrize(("square", "override", "expected"), [
    (FAR, None, "is not a Gauss-Kruger coordinate"),
    (FAR, "EPSG:4526", "is not a Gauss-Kruger coordinate"),  # raised OverflowError before
    (SQUARE.replace("J3,1,2745100.0000", "J3,1,-90000000.0000"), "EPSG:4526",
     "lies outside what EPSG:4526 can represent"),  # imported with a wrong area before
    (SQUARE, "EPSG:2383", "lies outside what EPSG:2383 can represent"),  # CM form, prefixed Y
], ids=["1e15", "1e15-override", "beyond-pole-override", "cm-form-override"])
def test_coordinates_no_map_can_hold_are_refused(qgis_app, square, override, expected):
    crs = QgsCoordinateReferenceSystem(override) if override else None
    parsed, loaded = load(HEADER + square + SECOND_PARCEL, override=crs)
    issue = found(parsed, "out-of-range")
    assert issue.severity == Severity.ERROR and issue.parcel == "1"
    assert expected in issue.message and "the parcel is skipped" in issue.message
    assert [item.parcel.number for item in loaded] == (["2"] if override != "EPSG:2383" else [])


def test_import_with_override_and_huge_coordinates_is_a_clear_result(processing_ready,
                                                                     tmp_path):
    path = tmp_path / "far.txt"
    path.write_text(HEADER + FAR + SECOND_PARCEL, encoding="utf-8")
    results, feedback = run_algorithm("sgnr:importcoordtxt", {
        "INPUT": [str(path)], "CRS": "EPSG:4526", "OUTPUT": "TEMPORARY_OUTPUT"})
    assert (results["PARCELS"], results["SKIPPED"]) == (1, 1)
    assert any("far.txt:16: Parcel 1: X=2745100.0000, Y=1000000000000000.0000 is not a "
               "Gauss-Kruger coordinate" in e for e in feedback.errors)


def test_area_engine_failure_is_a_parcel_error(qgis_app):
    """Last resort: whatever the engine cannot measure (it raised OverflowError on 1e15) is
    one parcel's error, the others are measured one by one."""
    def factory(crs):
        measure = geod_measure_factory(crs)

        def batch(geometries):
            if any(g.boundingBox().yMinimum() < 2745500 for g in geometries):
                raise OverflowError("math range error")
            return measure(geometries)
        return batch

    parsed = parse_text(HEADER + SQUARE + SECOND_PARCEL, "v.txt")
    loaded = load_parsed(parsed, measure_factory=factory)
    issue = found(parsed, "unmeasurable")
    assert (issue.line, issue.parcel) == (13, "1")
    assert issue.message == ("Parcel 1: its area cannot be measured in EPSG:4526 (coordinates "
                             "outside the system's area of use?); the parcel is skipped.")
    assert [item.parcel.number for item in loaded] == ["2"]
    assert loaded[0].measured_ha == pytest.approx(0.25, rel=1e-3)
