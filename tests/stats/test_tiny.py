"""Closure and overlap checks on the committed sample ``data/tiny`` (when it exists).

References are computed here with OGR/GEOS and pyproj.Geod, not with the plugin's engine.
"""

from __future__ import annotations

import warnings
from collections import defaultdict

import pytest
from qgis.core import QgsVectorLayer

from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.landuse import landuse_summary
from sg_nr_plugin.core.stats.overlaystats import overlay_stats
from tests.conftest import TINY_GPKG as TINY
from tests.stats.helpers import GEOD


@pytest.fixture(scope="module")
def tiny():
    if not TINY.exists():
        message = f"TINY SAMPLE TESTS SKIPPED: {TINY} not generated yet"
        warnings.warn(message, stacklevel=1)
        pytest.skip(message)
    return TINY


def layer(path, name: str) -> QgsVectorLayer:
    result = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
    if not result.isValid():
        pytest.skip(f"data/tiny has no layer {name}")
    return result


def test_landuse_summary_closes_per_county(qgis_app, tiny):
    from osgeo import ogr

    control: dict[str, float] = defaultdict(float)
    source = ogr.Open(str(tiny))
    for feature in source.GetLayerByName("DLTB"):
        control[(feature.GetField("ZLDWDM") or "")[:6] or "UNKNOWN"] += feature.GetField("TBMJ")
    for allow_sql in (True, False):
        frame = landuse_summary(layer(tiny, "DLTB"), RegionSpec(RegionLevel.COUNTY),
                                allow_sql=allow_sql)
        sums = frame.groupby("region_code").area_m2.sum().to_dict()
        assert set(sums) == set(control)
        for county, total in control.items():
            assert sums[county] == pytest.approx(total, abs=0.01), county


def geodesic_area(geometry, to_geographic) -> float:
    """Karney area of an OGR (multi)polygon in EPSG:4547-like CRS via lon/lat."""
    geometry = geometry.Clone()
    geometry.Transform(to_geographic)
    total = 0.0
    polygons = ([geometry.GetGeometryRef(i) for i in range(geometry.GetGeometryCount())]
                if geometry.GetGeometryType() in (6, 0x80000006, 3006) else [geometry])
    for polygon in polygons:
        if polygon is None or polygon.GetGeometryName() != "POLYGON":
            continue
        for r in range(polygon.GetGeometryCount()):
            ring = polygon.GetGeometryRef(r)
            points = ring.GetPoints()
            lats = [p[0] for p in points]  # EPSG:4490 authority order: lat, lon
            lons = [p[1] for p in points]
            area = abs(GEOD.polygon_area_perimeter(lons, lats)[0])
            total += area if r == 0 else -area
    return total


def test_cultivated_land_in_red_line_equals_area_against_the_union(qgis_app, tiny):
    from osgeo import ogr, osr

    source = ogr.Open(str(tiny))
    redline = source.GetLayerByName("STBHHX")
    dltb = source.GetLayerByName("DLTB")
    if redline is None:
        pytest.skip("data/tiny has no STBHHX")
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for feature in redline:
        union = union.Union(feature.GetGeometryRef().MakeValid())
    target = osr.SpatialReference()
    target.ImportFromEPSG(4490)
    to_geographic = osr.CoordinateTransformation(dltb.GetSpatialRef(), target)
    expected = 0.0
    dltb.SetAttributeFilter("DLBM LIKE '01%'")
    for feature in dltb:
        piece = feature.GetGeometryRef().Intersection(union)
        if piece is not None and not piece.IsEmpty():
            expected += geodesic_area(piece, to_geographic)
    frame = overlay_stats(layer(tiny, "DLTB"), layer(tiny, "STBHHX"),
                          RegionSpec(RegionLevel.WHOLE), input_filter="\"DLBM\" LIKE '01%'")
    assert frame.area_inside.sum() == pytest.approx(expected, rel=1e-7, abs=0.01)


def test_new_construction_equals_the_construction_projects(qgis_app, tiny):
    """The sample's JSZY layer is exactly the parcels turned from cultivated land (2020) into
    construction land (2023): the change matrix must find that area, measured here with
    OGR (union) and pyproj.Geod."""
    from osgeo import ogr, osr

    from sg_nr_plugin.core.stats.changematrix import (
        ClassLevel,
        change_matrix,
        new_construction_m2,
    )

    source = ogr.Open(str(tiny))
    projects = source.GetLayerByName("JSZY")
    if projects is None:
        pytest.skip("data/tiny has no JSZY")
    union = ogr.Geometry(ogr.wkbMultiPolygon)
    for feature in projects:
        union = union.Union(feature.GetGeometryRef())
    target = osr.SpatialReference()
    target.ImportFromEPSG(4490)
    expected = geodesic_area(union, osr.CoordinateTransformation(projects.GetSpatialRef(),
                                                                 target))
    frame = change_matrix(layer(tiny, "DLTB_2020"), layer(tiny, "DLTB"),
                          RegionSpec(RegionLevel.WHOLE), ClassLevel.CATEGORY)
    assert sum(new_construction_m2(frame).values()) == pytest.approx(expected, abs=0.05)
    assert (frame.area_m2 > 1e-6).all()  # no floating-point slivers reported
