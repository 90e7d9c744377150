"""steep_slope from a DEM: a synthetic ramp of 40° east of a line, flat west of it."""

from __future__ import annotations

import math

import numpy as np
from osgeo import gdal, osr
from qgis.core import QgsRasterLayer

from sg_nr_plugin.core.checks.engine import create_run
from sg_nr_plugin.core.checks.farmland import FARMLAND
from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
from sg_nr_plugin.core.checks.slope import slope_degrees
from tests.checks.helpers import X0, Y0, close, dltb, inputs_for, projects, rect_area, rect_wkt

CELL = 10.0


def write_ramp(path, degrees: float, ramp_from: float) -> None:
    """DEM over offsets [-200, 400] × [-200, 300]; z rises at ``degrees`` for x ≥ ramp_from."""
    cols, rows = 60, 50
    centres = -200 + CELL * (np.arange(cols) + 0.5)
    z = np.where(centres >= ramp_from, (centres - ramp_from) * math.tan(math.radians(degrees)),
                 0.0)
    data = np.tile(z, (rows, 1)).astype(np.float32)
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((X0 - 200, CELL, 0, Y0 + 300, 0, -CELL))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(data)
    dataset.FlushCache()
    dataset = None


def test_slope_of_a_plane():
    x = np.arange(5) * 10.0
    z = np.tile(x * math.tan(math.radians(30)), (4, 1))
    assert np.allclose(slope_degrees(z, 10.0, 10.0), 30.0)


def test_dem_steep_part_is_found_and_deducted(qgis_app, tmp_path):
    path = tmp_path / "dem.tif"
    write_ramp(path, 40.0, 100.0)
    dem = QgsRasterLayer(str(path), "dem")
    assert dem.isValid()
    parcels = projects([("D", rect_wkt(0, 0, 200, 100), {})])
    inputs = inputs_for(parcels, DLTB=dltb([(rect_wkt(-50, -50, 250, 150), "0404", 0.0)]))
    inputs.dem = dem
    run = create_run(inputs, FARMLAND, builtin_ruleset("farmland"))
    [result] = run.results()
    [steep] = [f for f in result.findings if f.rule_id == "steep_slope"]
    assert close(steep.area_m2, rect_area(100, 0, 200, 100))
    assert close(result.quotas["new_cultivated_m2"], rect_area(0, 0, 100, 100))
    assert "steep_slope" not in run.partial


def test_gentle_dem_gives_no_finding(qgis_app, tmp_path):
    path = tmp_path / "dem.tif"
    write_ramp(path, 20.0, 100.0)
    parcels = projects([("G", rect_wkt(0, 0, 200, 100), {})])
    inputs = inputs_for(parcels, DLTB=dltb([(rect_wkt(-50, -50, 250, 150), "0404", 0.0)]))
    inputs.dem = QgsRasterLayer(str(path), "dem")
    [result] = create_run(inputs, FARMLAND, builtin_ruleset("farmland")).results()
    assert not [f for f in result.findings if f.rule_id == "steep_slope"]
