"""sgnr:minestats by county on hand-built layers (areas from pyproj.Geod) and on the sample."""

from __future__ import annotations

import pytest
from qgis.core import QgsVectorLayer

from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.minestats import mine_stats
from tests.checks.helpers import close, layer, rect_area, rect_wkt
from tests.conftest import TINY_GPKG as GPKG

# (rect, county, zlzt): the upper-case provincial spelling of the national schema
LEGACY = [((0, 0, 100, 100), "440205", "A"), ((200, 0, 300, 100), "440205", "B"),
          ((400, 0, 500, 50), "440205", "A"), ((0, 500, 200, 600), "440204", "B"),
          ((300, 500, 400, 600), "440204", "A")]
RIGHTS = [("440205", "生产", "是"), ("440205", "生产", "否"), ("440205", "关闭", "是"),
          ("440204", "在采", "是"), ("440203", "生产", "否")]


@pytest.fixture
def layers(qgis_app):
    legacy = layer("LSYLKS", [(rect_wkt(*rect), {"TBBH": f"LS{i}", "XZQDM": county,
                                                 "ZLZT": status})
                              for i, (rect, county, status) in enumerate(LEGACY)],
                   {"TBBH": str, "XZQDM": str, "ZLZT": str})
    # Two overlapping projects over parcel 0 (counted once) and one over half of parcel 3.
    projects = layer("XM_KSXF", [(rect_wkt(-50, -50, 50, 150), {}),
                                 (rect_wkt(0, 0, 50, 100), {}),
                                 (rect_wkt(0, 500, 100, 650), {})])
    rights = layer("CKQ", [(rect_wkt(1000 + 100 * i, 0, 1050 + 100 * i, 50),
                            {"XKZH": f"C{i}", "XZQDM": county, "SCZT": status, "LSKS": green})
                           for i, (county, status, green) in enumerate(RIGHTS)],
                   {"XKZH": str, "XZQDM": str, "SCZT": str, "LSKS": str})
    return legacy, projects, rights


def expected_by_county():
    areas = [rect_area(*rect) for rect, _, _ in LEGACY]
    return {
        "440205": {"legacy_parcels": 3, "legacy_m2": areas[0] + areas[1] + areas[2],
                   "treated_m2": areas[1], "in_project_m2": rect_area(0, 0, 50, 100),
                   "producing_mines": 2, "green_mines": 1},
        "440204": {"legacy_parcels": 2, "legacy_m2": areas[3] + areas[4],
                   "treated_m2": areas[3], "in_project_m2": rect_area(0, 500, 100, 600),
                   "producing_mines": 1, "green_mines": 1},
        "440203": {"legacy_parcels": 0, "legacy_m2": 0.0, "treated_m2": 0.0,
                   "in_project_m2": 0.0, "producing_mines": 1, "green_mines": 0},
    }


def test_by_county_against_counts_and_areas(layers):
    legacy, projects, rights = layers
    stats = mine_stats(legacy, RegionSpec(level=RegionLevel.COUNTY), projects, rights)
    rows = {r.region_code: r for r in stats.frame.itertuples()}
    assert set(rows) == {"440203", "440204", "440205"}
    for code, expected in expected_by_county().items():
        row = rows[code]
        assert row.legacy_parcels == expected["legacy_parcels"]
        assert row.producing_mines == expected["producing_mines"]
        assert row.green_mines == expected["green_mines"]
        for key in ("legacy_m2", "treated_m2", "in_project_m2"):
            assert close(getattr(row, key), expected[key], rel=1e-6), (code, key)
        untreated = expected["legacy_m2"] - expected["treated_m2"]
        assert abs(row.untreated_m2 - untreated) <= 1e-6 * max(expected["legacy_m2"], 1.0)
        if expected["legacy_m2"]:
            assert close(row.restoration_rate_pct,
                         100 * expected["treated_m2"] / expected["legacy_m2"], rel=1e-9)
        assert close(row.green_share_pct,
                     100 * expected["green_mines"] / expected["producing_mines"], rel=1e-9)
    assert rows["440205"].region_name == "曲江区"
    assert len(stats.legacy) == 5 and len(stats.rights) == 4  # lists behind the figures


def test_algorithm_through_processing_run_with_workbook(qgis_processing, provider_registered,
                                                        layers, tmp_path):
    import processing

    openpyxl = pytest.importorskip("openpyxl")
    legacy, projects, rights = layers
    target = tmp_path / "mines.xlsx"
    results = processing.run("sgnr:minestats", {
        "LEGACY_MINES": legacy, "PROJECTS": projects, "MINING_RIGHTS": rights,
        "REGION_LEVEL": 1, "UNIT": 1, "OUTPUT": "memory:", "OUTPUT_XLSX": str(target)})
    rows = {f["region_code"]: f for f in results["OUTPUT"].getFeatures()}
    expected = expected_by_county()["440205"]
    assert close(rows["440205"]["legacy_area"], expected["legacy_m2"] / 10000, rel=1e-6)
    assert close(rows["440205"]["green_share_pct"], 50.0)
    workbook = openpyxl.load_workbook(target)
    assert len(workbook.worksheets) == 4
    listed = [row[1] for row in workbook.worksheets[1].iter_rows(min_row=5, values_only=True)]
    assert listed == ["LS0", "LS1", "LS2", "LS3", "LS4"]
    licences = [row[1] for row in workbook.worksheets[2].iter_rows(min_row=5, values_only=True)]
    assert sorted(licences) == ["C0", "C1", "C3", "C4"]


@pytest.mark.skipif(not GPKG.is_file(), reason="data/tiny not generated")
def test_sample_legacy_mines_and_rights(qgis_app):
    def load(name):
        return QgsVectorLayer(f"{GPKG}|layername={name}", name, "ogr")

    stats = mine_stats(load("LSYLKS"), RegionSpec(level=RegionLevel.COUNTY), load("XM_KSXF"),
                       load("CKQ"))
    [row] = list(stats.frame.itertuples())
    assert row.region_code == "440205" and row.legacy_parcels == 14
    assert row.treated_m2 == 0 and row.restoration_rate_pct == 0
    assert row.producing_mines == 1 and row.green_mines == 0 and row.green_share_pct == 0
    # every project lies on its legacy parcel except the planted half-off and outside cases
    assert 0 < row.in_project_m2 < row.legacy_m2
