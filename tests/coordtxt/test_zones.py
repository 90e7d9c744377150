"""Zone numbers → EPSG codes, checked against the PROJ definitions of those codes."""

from __future__ import annotations

import pytest
from pyproj import CRS

from sg_nr_plugin.core.coordtxt.zones import (
    crs_for,
    epsg_code,
    zone_for_longitude,
    zone_of_crs,
    zone_prefix,
)


def _tmerc(code: int) -> dict:
    params = {p.name: p.value for p in CRS.from_epsg(code).coordinate_operation.params}
    return {"lon_0": params["Longitude of natural origin"], "x_0": params["False easting"]}


@pytest.mark.parametrize("zone", range(25, 46))
def test_three_degree_zones(qgis_app, zone):
    assert _tmerc(epsg_code(zone, 3, True)) == {"lon_0": 3 * zone, "x_0": zone * 1e6 + 5e5}
    assert _tmerc(epsg_code(zone, 3, False)) == {"lon_0": 3 * zone, "x_0": 5e5}
    assert zone_of_crs(crs_for(zone, 3, True)) == (zone, 3, True)
    assert zone_of_crs(crs_for(zone, 3, False)) == (zone, 3, False)


@pytest.mark.parametrize("zone", range(13, 24))
def test_six_degree_zones(qgis_app, zone):
    assert _tmerc(epsg_code(zone, 6, True)) == {"lon_0": 6 * zone - 3, "x_0": zone * 1e6 + 5e5}
    assert _tmerc(epsg_code(zone, 6, False)) == {"lon_0": 6 * zone - 3, "x_0": 5e5}


def test_out_of_range_and_helpers(qgis_app):
    assert epsg_code(24) is None and epsg_code(46) is None
    assert not crs_for(50).isValid()
    assert zone_prefix(38512345.678) == 38 and zone_prefix(512345.678) is None
    assert zone_for_longitude(113.6) == 38 and zone_for_longitude(112.4) == 37
    assert zone_for_longitude(113.6, 6) == 19
