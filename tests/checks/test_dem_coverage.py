"""A DEM with holes, half a DEM, no DEM under the project, a mask band without a nodata value,
a DEM in another CRS: the slope rule judges only what the DEM covers and says so.

Every DEM is a small GeoTIFF written here. The project is the rectangle [0, 200] × [0, 100]
(offsets in metres from X0, Y0, EPSG:4547); the terrain rises at 40° east of x = 100, so the
east half of the project is steep (a 25° limit in both rule sets).
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest
from osgeo import gdal, osr
from pyproj import Transformer
from qgis.core import QgsRasterLayer

from sg_nr_plugin.core.checks.engine import create_run
from sg_nr_plugin.core.checks.farmland import FARMLAND
from sg_nr_plugin.core.checks.findings import VERDICT_PASS
from sg_nr_plugin.core.checks.paddy import PADDY
from sg_nr_plugin.core.checks.ruleset import RuleSetError, builtin_ruleset
from tests.checks.helpers import X0, Y0, close, dltb, inputs_for, projects, rect_area, rect_wkt

CELL = 10.0
PROJECT = rect_wkt(0, 0, 200, 100)


def ramp(x_offsets: np.ndarray, rows: int) -> np.ndarray:
    """Heights: 500 m west of x = 100, rising at 40° east of it."""
    z = 500.0 + np.where(x_offsets >= 100.0,
                         (x_offsets - 100.0) * math.tan(math.radians(40.0)), 0.0)
    return np.tile(z, (rows, 1)).astype(np.float32)


def write_dem(path, x_from: float = -200.0, x_to: float = 400.0, hole=None,
              nodata: float | None = -9999.0, mask: bool = False,
              steep: bool = True) -> QgsRasterLayer:
    """A 10 m DEM in EPSG:4547 over offsets [x_from, x_to] × [-200, 300]; ``hole`` (column and
    row offsets x1, y1, x2, y2) is written as nodata, or as 0 under an internal mask band
    (``mask``: the file has no nodata value, like many clipped DEMs); ``steep=False``: flat."""
    cols, rows = int((x_to - x_from) / CELL), 50
    centres_x = x_from + CELL * (np.arange(cols) + 0.5)
    centres_y = 300 - CELL * (np.arange(rows) + 0.5)
    data = ramp(centres_x, rows) if steep else np.full((rows, cols), 500.0, dtype=np.float32)
    valid = np.ones((rows, cols), dtype=np.uint8)
    if hole is not None:
        x1, y1, x2, y2 = hole
        inside = np.outer((centres_y > y1) & (centres_y < y2), (centres_x > x1) & (centres_x < x2))
        valid[inside] = 0
        data[inside] = 0.0 if mask else nodata
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((X0 + x_from, CELL, 0, Y0 + 300, 0, -CELL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    dataset.SetProjection(srs.ExportToWkt())
    band = dataset.GetRasterBand(1)
    band.WriteArray(data)
    if nodata is not None and not mask:
        band.SetNoDataValue(nodata)
    if mask:
        gdal.SetConfigOption("GDAL_TIFF_INTERNAL_MASK", "YES")
        dataset.CreateMaskBand(gdal.GMF_PER_DATASET)
        band.GetMaskBand().WriteArray(valid * 255)
    dataset.FlushCache()
    dataset = None
    layer = QgsRasterLayer(str(path), "dem_sg")
    assert layer.isValid()
    return layer


def run_farmland(dem, ruleset=None, with_dltb: bool = True):
    layers = {"DLTB": dltb([(rect_wkt(-50, -50, 250, 150), "0404", 0.0)])} if with_dltb else {}
    inputs = inputs_for(projects([("P1", PROJECT, {})]), **layers)
    inputs.dem = dem
    [result] = create_run(inputs, FARMLAND, ruleset or builtin_ruleset("farmland")).results()
    return result


def slope_findings(result, rule_id: str = "steep_slope") -> list:
    return [f for f in result.findings if f.rule_id == rule_id]


def gap_finding(result, rule_id: str = "steep_slope"):
    [gap] = [f for f in slope_findings(result, rule_id) if f.geometry is None]
    return gap


def test_full_dem_judges_as_before(qgis_app, tmp_path):
    result = run_farmland(write_dem(tmp_path / "dem.tif"))
    [steep] = slope_findings(result)
    assert close(steep.area_m2, rect_area(100, 0, 200, 100))
    assert "steep_slope" not in result.partly_checked


def test_nodata_hole_over_the_steep_part_is_not_passed(qgis_app, tmp_path):
    """The steep east half lies on nodata: the old code found nothing and passed the project."""
    result = run_farmland(write_dem(tmp_path / "dem.tif", hole=(100, -50, 250, 150)))
    assert result.verdict != VERDICT_PASS
    assert "steep_slope" in result.partly_checked
    gap = gap_finding(result)
    assert gap.severity == "warning"
    # the hole, and the column west of it whose slope needs a height from the hole
    assert close(gap.area_m2, rect_area(90, 0, 200, 100), rel=1e-3)
    assert "P1" in gap.message_en and "dem_sg" in gap.message_en and "45.0%" in gap.message_en
    assert "dem_sg" in gap.message_zh and "45.0%" in gap.message_zh


def test_dem_covering_half_the_project(qgis_app, tmp_path):
    result = run_farmland(write_dem(tmp_path / "dem.tif", x_to=100.0))
    assert result.verdict != VERDICT_PASS
    assert "steep_slope" in result.partly_checked and "steep_slope" not in result.not_checked
    assert close(gap_finding(result).area_m2, rect_area(90, 0, 200, 100), rel=1e-3)


def test_dem_not_under_the_project(qgis_app, tmp_path):
    dem = write_dem(tmp_path / "dem.tif", x_from=1000.0, x_to=1500.0)
    result = run_farmland(dem)
    assert result.verdict != VERDICT_PASS
    gap = gap_finding(result)
    assert close(gap.area_m2, result.area_m2) and "0.0%" in gap.message_en
    # the surveyed slope grades of the DLTB still count: partly checked
    assert "steep_slope" in result.partly_checked
    # with nothing else to judge by, the rule is not checked for the project
    alone = run_farmland(dem, with_dltb=False)
    assert "steep_slope" in alone.not_checked and "steep_slope" not in alone.partly_checked
    assert alone.verdict != VERDICT_PASS


def test_coverage_threshold_comes_from_the_rule_set(qgis_app, tmp_path):
    ruleset = builtin_ruleset("farmland")
    assert ruleset.threshold("dem_min_coverage") == 0.95
    dem = write_dem(tmp_path / "dem.tif", x_to=100.0)
    lenient = run_farmland(dem, ruleset.with_thresholds({"dem_min_coverage": 0.4}))
    assert not slope_findings(lenient) and lenient.verdict == VERDICT_PASS
    assert "steep_slope" not in lenient.partly_checked
    # a rule set written before the threshold existed: 0.95
    old = replace(ruleset, thresholds={k: t for k, t in ruleset.thresholds.items()
                                       if k != "dem_min_coverage"})
    assert "steep_slope" in run_farmland(dem, old).partly_checked
    with pytest.raises(RuleSetError, match="dem_min_coverage"):
        run_farmland(dem, ruleset.with_thresholds({"dem_min_coverage": 95.0}))


def test_mask_band_without_nodata_value_is_a_hole_not_a_cliff(qgis_app, tmp_path):
    """One masked cell holding 0 in a flat 500 m plain: read as a height, it made a 500 m
    cliff and a false steep finding; it is a hole of 1 cell (the 3 × 3 cells around it have no
    slope), 4.5 % of the project, under the 5 % allowed."""
    dem = write_dem(tmp_path / "dem.tif", hole=(40, 40, 50, 50), mask=True,
                   steep=False)
    assert dem.dataProvider().sourceHasNoDataValue(1) is False
    result = run_farmland(dem)
    assert not slope_findings(result)
    assert result.verdict == VERDICT_PASS


def test_dem_in_geographic_crs_covering_half(qgis_app, tmp_path):
    """A DEM in CGCS2000 geographic degrees (EPSG:4490) ending at x = 100: the coverage is
    measured through the reprojection."""
    to_geo = Transformer.from_crs("EPSG:4547", "EPSG:4490", always_xy=True)
    lon0, lat1 = to_geo.transform(X0 - 200, Y0 + 300)
    lon1, lat0 = to_geo.transform(X0 + 100, Y0 - 200)
    cols, rows = 300, 500
    dx, dy = (lon1 - lon0) / cols, (lat1 - lat0) / rows
    dataset = gdal.GetDriverByName("GTiff").Create(str(tmp_path / "geo.tif"), cols, rows, 1,
                                                   gdal.GDT_Float32)
    dataset.SetGeoTransform((lon0, dx, 0, lat1, 0, -dy))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(np.full((rows, cols), 500.0, dtype=np.float32))
    dataset = None
    result = run_farmland(QgsRasterLayer(str(tmp_path / "geo.tif"), "dem_sg"))
    assert "steep_slope" in result.partly_checked
    share = 1 - gap_finding(result).area_m2 / result.area_m2
    assert 0.45 < share < 0.5  # the west half, less a cell or so along the DEM's edge


def test_paddy_slope_rule_with_a_hole(qgis_app, tmp_path):
    dem = write_dem(tmp_path / "dem.tif", hole=(100, -50, 250, 150))
    inputs = inputs_for(projects([("P1", PROJECT, {})]),
                        DLTB=dltb([(rect_wkt(-50, -50, 250, 150), "0404", 0.0)]))
    inputs.dem = dem
    [result] = create_run(inputs, PADDY, builtin_ruleset("paddy")).results()
    assert "slope" in result.partly_checked
    assert gap_finding(result, "slope").severity == "warning"
    assert result.verdict != VERDICT_PASS


def test_provider_read_dem_covering_half(qgis_app, tmp_path, monkeypatch):
    """A DEM read through its QGIS provider (WMS, PostGIS raster: here the GeoTIFF with GDAL's
    own reading switched off): cells outside the raster came back as 0 m, a cliff at the
    DEM's edge (a false steep strip) and the project counted as covered."""
    from sg_nr_plugin.core.checks import slope

    monkeypatch.setattr(slope, "_gdal_band", lambda layer: None)
    result = run_farmland(write_dem(tmp_path / "dem.tif", x_to=100.0, nodata=None))
    assert "steep_slope" in result.partly_checked
    assert [f.geometry is None for f in slope_findings(result)] == [True]  # no false strip
    assert close(gap_finding(result).area_m2, rect_area(90, 0, 200, 100), rel=1e-3)
