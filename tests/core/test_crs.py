"""CRS helpers: GK zones from PROJ parameters, mislabelled prefixes, missing CRS."""

from __future__ import annotations

import pyproj
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


def squares(x0: float, y0: float = 2_740_000.0) -> str:
    """Four 100 m squares side by side (40 000 m² in all), as one multipolygon."""
    parts = [f"(({x} {y0},{x + 100} {y0},{x + 100} {y0 + 100},{x} {y0 + 100},{x} {y0}))"
             for x in (x0, x0 + 200, x0 + 400, x0 + 600)]
    return f"MULTIPOLYGON({','.join(parts)})"


@pytest.mark.parametrize(("x0", "fix"), [(19_600_000.0, "EPSG:4497"),
                                         (20_400_000.0, "EPSG:4498")])
def test_six_degree_prefixed_eastings_declared_4547_are_refused_with_the_zone(x0, fix):
    """Shaoguan lies in 6° zones 19 (CM 111°E) and 20 (CM 117°E): such eastings under EPSG:4547
    measured 285.7 m² for 40 000 m² without a word."""
    source = layer("MultiPolygon?crs=EPSG:4547", "DLTB", squares(x0))
    report = check_layer_crs(source)
    assert report.suggestion == fix and not report.ok
    assert "6-degree zone" in report.message and "DLTB" in report.message
    with pytest.raises(CrsError, match=fix):
        require_consistent_crs(source)
    # declared right, they are accepted (EPSG numbering from pyproj: 4497 = zone 19, CM 111)
    assert require_consistent_crs(layer(f"MultiPolygon?crs={fix}", "DLTB", squares(x0))).ok


def test_six_degree_epsg_patterns_match_the_registry():
    for zone, prefixed, cm in [(13, 4491, 4502), (19, 4497, 4508), (20, 4498, 4509),
                               (23, 4501, 4512)]:
        assert (prefixed_epsg(zone), cm_epsg(zone)) == (f"EPSG:{prefixed}", f"EPSG:{cm}")
        for code, x_0 in ((prefixed, zone * 1_000_000 + 500_000), (cm, 500_000)):
            text = crs(f"EPSG:{code}").toProj()
            assert f"+lon_0={6 * zone - 3}" in text and f"+x_0={x_0}" in text, text


def test_mixed_zone_prefixes_are_refused():
    wkt = ("MULTIPOLYGON(((19990000 2740000,19990100 2740000,19990100 2740100,19990000 2740000)),"
           "((20010000 2740000,20010100 2740000,20010100 2740100,20010000 2740000)))")
    report = check_layer_crs(layer("MultiPolygon?crs=EPSG:4547", "DLTB", wkt))
    assert not report.ok and report.suggestion == ""
    assert "19 … 20" in report.message


@pytest.mark.parametrize(("lon", "declared", "fix"), [
    (114.5, "EPSG:4547", "EPSG:4508"),   # data of 6° CM 111°E declared as 3° CM 114°E
    (113.2, "EPSG:4547", "EPSG:4509"),   # data of 6° CM 117°E declared as CM 114°E
])
def test_eastings_of_another_central_meridian_are_refused(lon, declared, fix):
    """Shaoguan data (112.9–114.9°E) in a 6° CM form lie 2–4° from CM 114: under EPSG:4547 the
    land would sit 3° off and measure with the wrong scale."""
    tm = pyproj.Transformer.from_crs("EPSG:4490", fix, always_xy=True)
    x, y = tm.transform([lon, lon + 0.4], [24.8, 25.2])
    wkt = f"POLYGON(({x[0]} {y[0]},{x[1]} {y[0]},{x[1]} {y[1]},{x[0]} {y[0]}))"
    report = check_layer_crs(layer(f"Polygon?crs={declared}", "DLTB", wkt))
    assert report.suggestion == fix and not report.ok, report
    assert "central meridian 114°E" in report.message
    assert require_consistent_crs(layer(f"Polygon?crs={fix}", "DLTB", wkt)).ok


def test_data_near_its_own_meridian_is_accepted_in_any_width():
    """Eastings within the zone cannot tell CM 111 from CM 114: no false alarm."""
    wkt = "POLYGON((440000 2740000,590000 2740000,590000 2800000,440000 2740000))"
    for code in ("EPSG:4547", "EPSG:4508", "EPSG:4546"):
        assert require_consistent_crs(layer(f"Polygon?crs={code}", "DLTB", wkt)).ok


def test_statistics_refuse_six_degree_prefixed_eastings_under_4547(
        qgis_processing, provider_registered, tmp_path):
    """Through Processing: no table (it measured 285.7 m² for 40 000 m²), the CRS to set."""
    import processing
    from qgis.core import QgsProcessingException

    fields = "&field=ZLDWDM:string(19)&field=DLBM:string&field=TBMJ:double"
    dltb = layer(f"MultiPolygon?crs=EPSG:4547{fields}", "DLTB", squares(19_600_000.0))
    cover = layer("Polygon?crs=EPSG:4547", "cover",
                  "POLYGON((19599000 2739000,19601000 2739000,19601000 2741000,"
                  "19599000 2739000))")
    with pytest.raises(QgsProcessingException, match="EPSG:4497") as raised:
        processing.run("sgnr:overlaystats", {
            "INPUT": dltb, "OVERLAY": cover, "REGION_LEVEL": 0, "UNIT": 0,
            "OUTPUT": str(tmp_path / "out.gpkg")})
    assert "“DLTB”" in str(raised.value) and not (tmp_path / "out.gpkg").exists()
