"""One malformed, hand-written file per validation case: the message and its line number."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem

from sg_nr_plugin.core.coordtxt.model import Severity
from sg_nr_plugin.core.coordtxt.parser import parse_bytes, parse_text
from sg_nr_plugin.core.coordtxt.reader import load_parsed
from tests.coordtxt.helpers import geod_measure_factory

# Lines 1–12; the first parcel header is line 13 and its points lines 14–18.
HEADER = """[属性描述]
格式版本号=1.01版本
数据产生单位=测试单位
数据产生日期=2023-05-01
坐标系=2000国家大地坐标系
几度分带=3
投影类型=高斯克吕格
计量单位=米
带号=38
精度=0.0001
转换参数=,,,,,,
[地块坐标]
"""
SQUARE = """5,1.0000,1,方形,面,,,0103,@
J1,1,2745000.0000,38512000.0000
J2,1,2745100.0000,38512000.0000
J3,1,2745100.0000,38512100.0000
J4,1,2745000.0000,38512100.0000
J1,1,2745000.0000,38512000.0000
"""
SECOND = """5,0.2500,2,小方形,面,,,0101,@
J1,1,2746000.0000,38512000.0000
J2,1,2746050.0000,38512000.0000
J3,1,2746050.0000,38512050.0000
J4,1,2746000.0000,38512050.0000
J1,1,2746000.0000,38512000.0000
"""


def load(text: str, override=None):
    parsed = parse_text(text, "bad.txt")
    loaded = load_parsed(parsed, override, geod_measure_factory)
    return parsed, loaded


def found(parsed, code: str):
    matches = [i for i in parsed.issues if i.code == code]
    assert matches, f"no {code!r} in {[i.text() for i in parsed.issues]}"
    return matches[0]


def test_valid_template_has_no_findings(qgis_app):
    parsed, loaded = load(HEADER + SQUARE + SECOND)
    assert parsed.issues == []
    assert [item.parcel.number for item in loaded] == ["1", "2"]


def test_missing_header_key(qgis_app):
    parsed, loaded = load(HEADER.replace("投影类型=高斯克吕格\n", "") + SQUARE)
    issue = found(parsed, "header-key")
    assert (issue.line, issue.severity) == (1, Severity.ERROR)
    assert issue.message == "Header key “投影类型” is missing or empty."
    assert len(loaded) == 1  # a missing descriptive key does not stop the import


def test_missing_attribute_section(qgis_app):
    parsed, loaded = load("[地块坐标]\n" + SQUARE)
    assert found(parsed, "header-missing").line == 1
    assert loaded[0].crs.authid() == "EPSG:4526"  # the Y prefix still gives the zone


def test_zone_contradicts_y_prefix(qgis_app):
    parsed, loaded = load(HEADER.replace("带号=38", "带号=39") + SQUARE)
    issue = found(parsed, "zone-mismatch")
    assert issue.line == 14
    assert issue.message == "带号=39 but the Y values carry zone prefix 38; the prefix is used."
    assert loaded[0].crs.authid() == "EPSG:4526"


def test_point_count_differs_from_listed_points(qgis_app):
    parsed, _ = load(HEADER + SQUARE.replace("5,1.0000,1", "6,1.0000,1"))
    issue = found(parsed, "point-count")
    assert issue.line == 13
    assert issue.message == "Parcel 1: the header says 6 points but 5 are listed."


def test_ring_not_closed(qgis_app):
    text = HEADER + SQUARE.replace("5,1.0000", "4,1.0000").rsplit("J1,", 1)[0] + SECOND
    parsed, loaded = load(text)
    issue = found(parsed, "not-closed")
    assert issue.line == 17
    assert "ring 1: the ring does not end on its first point (J1)" in issue.message
    assert loaded[0].geometry.area() == pytest.approx(10_000)  # closed on import


def test_fewer_than_four_points(qgis_app):
    text = HEADER + "3,0.0000,1,线,面,,,,@\nJ1,1,2745000,38512000\nJ2,1,2745100,38512000\n" \
        "J1,1,2745000,38512000\n" + SECOND
    parsed, loaded = load(text)
    issue = found(parsed, "too-few-points")
    assert issue.line == 14
    assert "ring 1 has 3 points; a ring needs at least 4" in issue.message
    assert [item.parcel.number for item in loaded] == ["2"]  # skipped, the rest imported


def test_self_intersection(qgis_app):
    bowtie = """5,0.0000,8,交叉,面,,,,@
J1,1,2745000.0000,38512000.0000
J2,1,2745100.0000,38512100.0000
J3,1,2745100.0000,38512000.0000
J4,1,2745000.0000,38512100.0000
J1,1,2745000.0000,38512000.0000
"""
    parsed, _ = load(HEADER + bowtie)
    issue = found(parsed, "self-intersection")
    assert issue.message == ("Parcel 8, ring 1 intersects itself near X=2745050.0000, "
                             "Y=38512050.0000.")
    assert issue.line in (14, 15, 16, 17)  # a point next to the crossing (all equidistant)


def test_duplicate_parcel_numbers(qgis_app):
    parsed, loaded = load(HEADER + SQUARE + SECOND.replace(",2,小方形", ",1,小方形"))
    issue = found(parsed, "duplicate")
    assert issue.line == 19
    assert issue.message == "Parcel number 1 is used again (first on line 13)."
    assert len(loaded) == 2


def test_declared_area_differs_from_measured(qgis_app):
    parsed, _ = load(HEADER + SQUARE.replace("5,1.0000", "5,1.0200"))
    issue = found(parsed, "area")
    assert (issue.line, issue.severity) == (13, Severity.WARNING)
    assert issue.message.startswith("Parcel 1: declared area 1.0200 ha differs from the "
                                    "measured 1.0000 ha by more than 0.1 %")


def test_x_and_y_swapped(qgis_app):
    swapped = SQUARE.replace("2745000.0000,38512000.0000", "38512000.0000,2745000.0000")
    parsed, loaded = load(HEADER + swapped + SECOND)
    issue = found(parsed, "xy-swapped")
    assert issue.line == 14
    assert "X=38512000.0000 looks like an easting" in issue.message
    assert [item.parcel.number for item in loaded] == ["2"]


def test_unreadable_point_line_skips_only_its_parcel(qgis_app):
    broken = SQUARE.replace("J3,1,2745100.0000,38512100.0000", "J3,1,2745100.0O00,38512100")
    parsed, loaded = load(HEADER + broken + SECOND)
    issue = found(parsed, "point-syntax")
    assert issue.line == 16
    assert issue.message.startswith("Parcel 1: cannot read the point line “J3,1,2745100.0O00")
    assert [item.parcel.number for item in loaded] == ["2"]


def test_bad_parcel_header(qgis_app):
    parsed, loaded = load(HEADER + SQUARE.replace("5,1.0000,1", "five,1.0000,1") + SECOND)
    issue = found(parsed, "parcel-header")
    assert issue.line == 13
    assert [item.parcel.number for item in loaded] == ["2"]


def test_point_before_any_parcel(qgis_app):
    parsed, loaded = load(HEADER + "J0,1,2745000,38512000\n" + SQUARE)
    assert found(parsed, "orphan-point").line == 13
    assert len(loaded) == 1


def test_mixed_zone_prefix(qgis_app):
    parsed, _ = load(HEADER + SQUARE + SECOND.replace("J2,1,2746050.0000,38512000.0000",
                                                      "J2,1,2746050.0000,512000.0000"))
    assert found(parsed, "mixed-prefix").line == 21


def test_foreign_system_needs_override(qgis_app):
    text = (HEADER + SQUARE).replace("坐标系=2000国家大地坐标系", "坐标系=1980西安坐标系")
    parsed, loaded = load(text)
    issue = found(parsed, "header-crs")
    assert issue.line == 5
    assert loaded == []
    parsed, loaded = load(text, QgsCoordinateReferenceSystem("EPSG:2362"))
    assert loaded[0].crs.authid() == "EPSG:2362"


def test_unknown_zone_without_prefix(qgis_app):
    text = HEADER.replace("带号=38\n", "") + SQUARE.replace("3851", "51")
    parsed, loaded = load(text)
    assert found(parsed, "no-crs").severity == Severity.ERROR
    assert loaded == []


def test_undecodable_bytes_are_reported(qgis_app):
    parsed = parse_bytes((HEADER + SQUARE).encode() + b"\x80\xff\n", "bad.txt")
    assert parsed.encoding == "unknown"
    assert found(parsed, "encoding").line == 0


@pytest.mark.parametrize(("width", "ok"), [("3", True), ("3度", True), ("6度带", True),
                                           ("4", False)])
def test_zone_width_spellings(qgis_app, width, ok):
    parsed, _ = load((HEADER + SQUARE).replace("几度分带=3", f"几度分带={width}"))
    assert any(i.code == "header-width" and i.line == 6 for i in parsed.issues) is not ok


def test_crossing_rings(qgis_app):
    # ring 2 starts inside ring 1 and leaves it: each ring is simple, together they are not
    crossing = SQUARE.replace("5,1.0000", "10,1.0000") + """J5,2,2745050.0000,38512050.0000
J6,2,2745050.0000,38512150.0000
J7,2,2745060.0000,38512150.0000
J8,2,2745060.0000,38512050.0000
J5,2,2745050.0000,38512050.0000
"""
    parsed, _ = load(HEADER + crossing)
    issue = found(parsed, "rings-overlap")
    assert (issue.line, issue.message) == (13, "Parcel 1: its rings cross or overlap each other.")
    assert not [i for i in parsed.issues if i.code == "self-intersection"]


def test_one_message_for_a_self_intersecting_single_ring(qgis_app):
    bowtie = SQUARE.replace("J2,1,2745100.0000,38512000.0000", "J2,1,2745100.0000,38512100.0000") \
        .replace("J3,1,2745100.0000,38512100.0000", "J3,1,2745100.0000,38512000.0000")
    parsed, _ = load(HEADER + bowtie)
    assert [i.code for i in parsed.issues] == ["self-intersection", "area"]
