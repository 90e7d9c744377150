"""Change matrix of two hand-built vintages; expected areas from pyproj.Geod."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats import changematrix
from sg_nr_plugin.core.stats.changematrix import ClassLevel, change_matrix, new_construction_m2
from sg_nr_plugin.core.stats.common import RegionSpec
from tests.stats.helpers import DLTB_FIELDS, VILLAGE_A, memory_layer
from tests.stats.test_overlaystats import geo, r


def vintages():
    base = memory_layer("DLTB_2020", DLTB_FIELDS, [
        (r(0, 100), [VILLAGE_A, "0101", "", 1.0, 0.0, 0.0, 1.0]),
        (r(100, 200), [VILLAGE_A, "0301", "", 1.0, 0.0, 0.0, 1.0])])
    current = memory_layer("DLTB", DLTB_FIELDS, [
        (r(0, 50), [VILLAGE_A, "0101", "", 1.0, 0.0, 0.0, 1.0]),
        (r(50, 150), [VILLAGE_A, "0701", "", 1.0, 0.0, 0.0, 1.0]),
        (r(150, 200), [VILLAGE_A, "0301", "", 1.0, 0.0, 0.0, 1.0]),
        (r(200, 220), [VILLAGE_A, "0301K", "", 1.0, 0.0, 0.0, 1.0])])  # not in the base
    return base, current


def cells(frame):
    return {(row.from_class, row.to_class): row.area_m2 for row in frame.itertuples()}


def test_second_level_matrix(qgis_app):
    frame = change_matrix(*vintages(), RegionSpec(RegionLevel.COUNTY), ClassLevel.SECOND)
    assert set(frame.region_code) == {"440203"}
    assert cells(frame) == pytest.approx({
        ("0101", "0101"): geo(0, 50), ("0101", "0701"): geo(50, 100),
        ("0301", "0701"): geo(100, 150), ("0301", "0301"): geo(150, 200) + 0.0,
        ("NONE", "0301"): geo(200, 220)}, abs=0.01)


def test_categories_and_new_construction(qgis_app, monkeypatch):
    monkeypatch.setattr(changematrix, "PARCELS_PER_TILE", 1)  # force several tiles
    frame = change_matrix(*vintages(), RegionSpec(RegionLevel.WHOLE), ClassLevel.CATEGORY)
    got = cells(frame)
    assert got[("agricultural", "construction")] == pytest.approx(geo(50, 150), abs=0.01)
    assert got[("agricultural", "agricultural")] == pytest.approx(
        geo(0, 50) + geo(150, 200), abs=0.01)
    assert new_construction_m2(frame) == pytest.approx({"": geo(50, 150)}, abs=0.01)


def test_first_level(qgis_app):
    got = cells(change_matrix(*vintages(), RegionSpec(RegionLevel.WHOLE), ClassLevel.FIRST))
    assert got[("01", "07")] == pytest.approx(geo(50, 100), abs=0.01)
    assert got[("03", "07")] == pytest.approx(geo(100, 150), abs=0.01)
