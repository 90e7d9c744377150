"""CRS helpers: GK zones from PROJ parameters, mislabelled prefixes, missing CRS."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsRectangle,
    QgsVectorLayer,
)

from sg_nr_plugin.core.crs import (
    check_layer_crs,
    cm_epsg,
    gk_zone,
    prefixed_epsg,
    require_consistent_crs,
    suggest_crs,
)
from sg_nr_plugin.core.errors import CrsError


def crs(code):
    return QgsCoordinateReferenceSystem(code)


def layer(uri, name, wkt):
    result = QgsVectorLayer(uri, name, "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(wkt))
    result.dataProvider().addFeatures([feature])
    result.updateExtents()
    return result


@pytest.mark.parametrize(("code", "zone"), [
    ("EPSG:4547", 38), ("EPSG:4526", 38), ("EPSG:4546", 37), ("EPSG:4525", 37),
    ("EPSG:4549", 40), ("EPSG:4528", 40), ("EPSG:4498", 20),  # 6° zone 20, CM 117
    ("EPSG:4490", None), ("EPSG:32649", None), ("EPSG:2383", None), ("EPSG:3857", None),
])
def test_gk_zone_from_proj_parameters(code, zone):
    assert gk_zone(crs(code)) == zone


def test_zone_recognised_without_an_epsg_code():
    custom = QgsCoordinateReferenceSystem.fromProj(
        "+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +a=6378137 "
        "+rf=298.257222101 +units=m +no_defs")
    assert custom.isValid() and gk_zone(custom) == 38
    xian80 = QgsCoordinateReferenceSystem.fromProj(
        "+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=500000 +y_0=0 +a=6378140 +rf=298.257 "
        "+units=m +no_defs")
    assert gk_zone(xian80) is None   # not the CGCS2000 ellipsoid


def test_epsg_patterns():
    assert (prefixed_epsg(38), cm_epsg(38)) == ("EPSG:4526", "EPSG:4547")


@pytest.mark.parametrize(("code", "wkt"), [
    ("EPSG:4490", "POLYGON((113.6 24.8,113.61 24.8,113.61 24.81,113.6 24.8))"),
    ("EPSG:4547", "POLYGON((560000 2740000,561000 2740000,561000 2741000,560000 2740000))"),
    ("EPSG:4526", "POLYGON((38560000 2740000,38561000 2740000,38561000 2741000,"
                  "38560000 2740000))"),
    ("EPSG:4546", "POLYGON((460000 2740000,461000 2740000,461000 2741000,460000 2740000))"),
])
def test_consistent_layers_are_accepted(code, wkt):
    report = require_consistent_crs(layer(f"Polygon?crs={code}", "DLTB", wkt))
    assert report.ok and report.message == "" and report.authid == code
    assert report.kind == ("geographic" if code == "EPSG:4490" else "gk")


def test_prefixed_eastings_declared_4547_suggest_4526():
    wkt = "POLYGON((38500000 2740000,38501000 2740000,38501000 2741000,38500000 2740000))"
    report = check_layer_crs(layer("Polygon?crs=EPSG:4547", "地类图斑", wkt))
    assert report.suggestion == "EPSG:4526" and not report.ok
    assert "地类图斑" in report.message
    assert "looks like zone 38 with prefix: EPSG:4526" in report.message
    with pytest.raises(CrsError, match="EPSG:4526"):
        require_consistent_crs(layer("Polygon?crs=EPSG:4547", "地类图斑", wkt))


def test_other_mislabels():
    def rect(x0, y0, x1, y1):
        return QgsRectangle(x0, y0, x1, y1)
    # CM-form eastings declared with the prefix
    assert suggest_crs(rect(500000, 2740000, 501000, 2741000), crs("EPSG:4526")) == "EPSG:4547"
    # zone-39 prefix declared as zone 38
    assert suggest_crs(rect(39500000, 2740000, 39501000, 2741000), crs("EPSG:4526")) \
        == "EPSG:4527"
    # degrees declared projected, metres declared geographic
    assert suggest_crs(rect(113.6, 24.8, 113.7, 24.9), crs("EPSG:4547")) == "EPSG:4490"
    assert suggest_crs(rect(38500000, 2740000, 38501000, 2741000), crs("EPSG:4490")) \
        == "EPSG:4526"
    # consistent: nothing to say
    assert suggest_crs(rect(560000, 2740000, 561000, 2741000), crs("EPSG:4547")) is None


def test_missing_crs_names_the_layer():
    no_crs = layer("Polygon", "无坐标图层", "POLYGON((0 0,1 0,1 1,0 0))")
    no_crs.setCrs(QgsCoordinateReferenceSystem())  # like a shapefile without .prj
    assert not no_crs.crs().isValid()
    with pytest.raises(CrsError, match="无坐标图层"):
        check_layer_crs(no_crs)
