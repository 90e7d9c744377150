"""Point lines written ``name,X,Y`` without the ring number (some provincial tools): read as
ring 1, a further ring after each ring closes on its first point; a parcel mixing both kinds of
line is refused. Fixtures written here; areas from pyproj (tests/coordtxt/helpers.py)."""

from __future__ import annotations

from qgis.core import QgsGeometry

from sg_nr_plugin.core.coordtxt.model import Severity
from tests.coordtxt.helpers import geod_ring_area
from tests.coordtxt.test_validation import HEADER, SECOND
from tests.coordtxt.test_variants import SQUARE_HA, codes, found, is_square, load

RINGLESS_SQUARE = """5,1.0000,1,方形,面,,,0103,@
J1,2745000.0000,38512000.0000
J2,2745100.0000,38512000.0000
J3,2745100.0000,38512100.0000
J4,2745000.0000,38512100.0000
J1,2745000.0000,38512000.0000
"""
# The square with a 20 m × 20 m hole, then a separate 50 m square: three rings, no numbers.
RINGLESS_THREE_RINGS = """15,1.2100,3,带洞,面,,,0103,@
J1,2745000.0000,38512000.0000
J2,2745100.0000,38512000.0000
J3,2745100.0000,38512100.0000
J4,2745000.0000,38512100.0000
J1,2745000.0000,38512000.0000
J5,2745040.0000,38512040.0000
J6,2745040.0000,38512060.0000
J7,2745060.0000,38512060.0000
J8,2745060.0000,38512040.0000
J5,2745040.0000,38512040.0000
J9,2745300.0000,38512000.0000
J10,2745350.0000,38512000.0000
J11,2745350.0000,38512050.0000
J12,2745300.0000,38512050.0000
J9,2745300.0000,38512000.0000
"""


def ha(eastings, northings) -> float:
    return geod_ring_area("EPSG:4526", eastings, northings) / 10_000


def test_ringless_square_is_read(qgis_app):
    parsed, loaded = load(HEADER + RINGLESS_SQUARE + SECOND)
    assert codes(parsed, Severity.ERROR) == []
    issue = found(parsed, "no-ring-number")
    assert issue.severity == Severity.WARNING and issue.parcel == "1" and issue.line == 13
    assert "1 ring(s)" in issue.message
    square, second = loaded
    assert is_square(square.geometry)
    assert [p.ring for p in square.parcel.points] == [1] * 5
    assert abs(square.measured_ha - SQUARE_HA) < 1e-9
    assert second.parcel.number == "2"


def test_ringless_rings_are_numbered_at_each_closure(qgis_app):
    parsed, loaded = load(HEADER + RINGLESS_THREE_RINGS)
    assert codes(parsed, Severity.ERROR) == []
    assert "3 ring(s)" in found(parsed, "no-ring-number").message
    (item,) = loaded
    assert [p.ring for p in item.parcel.points] == [1] * 5 + [2] * 5 + [3] * 5
    expected = QgsGeometry.fromWkt(
        "MULTIPOLYGON(((38512000 2745000, 38512000 2745100, 38512100 2745100, "
        "38512100 2745000, 38512000 2745000), (38512040 2745040, 38512060 2745040, "
        "38512060 2745060, 38512040 2745060, 38512040 2745040)), ((38512000 2745300, "
        "38512000 2745350, 38512050 2745350, 38512050 2745300, 38512000 2745300)))")
    assert item.geometry.isGeosEqual(expected)
    area = (ha([38512000, 38512000, 38512100, 38512100], [2745000, 2745100, 2745100, 2745000])
            - ha([38512040, 38512060, 38512060, 38512040], [2745040, 2745040, 2745060, 2745060])
            + ha([38512000, 38512000, 38512050, 38512050], [2745300, 2745350, 2745350, 2745300]))
    assert abs(item.measured_ha - area) < 1e-9


def test_a_parcel_mixing_three_and_four_fields_is_refused(qgis_app):
    mixed = RINGLESS_SQUARE.replace("J4,2745000.0000", "J4,1,2745000.0000")
    parsed, loaded = load(HEADER + mixed + SECOND)
    issue = found(parsed, "point-fields-mixed")
    assert issue.severity == Severity.ERROR and issue.parcel == "1" and issue.line == 17
    assert "(line 17: name,ring,X,Y)" in issue.message and "(line 14: name,X,Y)" in issue.message
    assert "point-syntax" not in codes(parsed)
    assert [item.parcel.number for item in loaded] == ["2"]  # the other parcel still imports


def test_a_ring_number_zero_is_still_a_syntax_error(qgis_app):
    bad = HEADER + RINGLESS_SQUARE.replace("J2,2745100.0000", "J2,0,2745100.0000")
    parsed, loaded = load(bad)
    assert "point-syntax" in codes(parsed, Severity.ERROR) and not loaded
