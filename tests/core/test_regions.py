"""Regions: ZLDWDM prefixes and names (names from /work/shared/data/shaoguan_counties/README.md)."""

from __future__ import annotations

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

from sg_nr_plugin.core.errors import MissingFieldsError
from sg_nr_plugin.core.regions import (
    CITY_CODE,
    SHAOGUAN_COUNTIES,
    UNKNOWN_CODE,
    WHOLE_CODE,
    RegionIndex,
    RegionLevel,
    names_from_layer,
    region_code,
    region_level_of,
    region_name,
)

pyproj = pytest.importorskip("pyproj")

ZLDWDM = "4402031010010000000"  # 19 chars: county 440203, township 101, village 001


def test_prefixes():
    assert region_code(ZLDWDM, RegionLevel.COUNTY) == "440203"
    assert region_code(ZLDWDM, RegionLevel.TOWNSHIP) == "440203101"
    assert region_code(ZLDWDM, RegionLevel.VILLAGE) == "440203101001"
    assert region_code(ZLDWDM, RegionLevel.WHOLE) == WHOLE_CODE
    assert region_code(" " + ZLDWDM + " ", 1) == "440203"                 # int level, padding
    assert region_level_of("440203101") == RegionLevel.TOWNSHIP


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_empty_location_is_kept_as_unknown(empty):
    assert region_code(empty, RegionLevel.COUNTY) == UNKNOWN_CODE
    assert region_name(UNKNOWN_CODE)


def test_qvariant_null():
    assert region_code(QVariant(), RegionLevel.COUNTY) == UNKNOWN_CODE


def test_ten_county_names_from_the_shared_readme():
    expected = {
        "440203": "武江区", "440204": "浈江区", "440205": "曲江区", "440222": "始兴县",
        "440224": "仁化县", "440229": "翁源县", "440232": "乳源瑶族自治县", "440233": "新丰县",
        "440281": "乐昌市", "440282": "南雄市",
    }
    assert expected == SHAOGUAN_COUNTIES
    assert all(region_name(code) == name for code, name in expected.items())
    assert CITY_CODE == "440200"
    assert region_name(CITY_CODE) == "韶关市"


def test_names_given_win_and_unknown_code_shows_itself():
    assert region_name("440203101", {"440203101": "西河镇"}) == "西河镇"
    assert region_name("440203", {"440203": "武江"}) == "武江"
    assert region_name("440203999") == "440203999"


# ---- spatial assignment -------------------------------------------------------------------

def _rect_area(x0, y0, x1, y1):
    """Karney area of a GK rectangle densified along its edges (independent of the engine)."""
    t = np.arange(40) / 40
    xs = np.concatenate([x0 + (x1 - x0) * t, np.full(40, x1), x1 - (x1 - x0) * t, np.full(40, x0)])
    ys = np.concatenate([np.full(40, y0), y0 + (y1 - y0) * t, np.full(40, y1), y1 - (y1 - y0) * t])
    lon, lat = pyproj.Transformer.from_crs(4547, 4490, always_xy=True).transform(xs, ys)
    return abs(pyproj.Geod(a=6378137, rf=298.257222101).polygon_area_perimeter(lon, lat)[0])


def _rect(x0, y0, x1, y1):
    return QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0}))")


def _region_layer(crs="EPSG:4547", transform=None):
    layer = QgsVectorLayer(f"Polygon?crs={crs}", "村界", "memory")
    layer.dataProvider().addAttributes([QgsField("XZQDM", QVariant.String),
                                        QgsField("XZQMC", QVariant.String)])
    layer.updateFields()
    features = []
    for code, name, box in (("440203101001", "甲村", (600000, 2750000, 601000, 2751000)),
                            ("440203101002", "乙村", (601000, 2750000, 602000, 2751000))):
        feature = QgsFeature(layer.fields())
        geom = _rect(*box)
        if transform is not None:
            geom.transform(transform)
        feature.setGeometry(geom)
        feature.setAttributes([code, name])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_region_index_splits_a_straddling_parcel_by_area():
    index = RegionIndex(_region_layer(), "XZQDM", QgsCoordinateReferenceSystem("EPSG:4547"),
                        name_field="XZQMC")
    shares = dict(index.assign(_rect(600700, 2750100, 601100, 2750300)))
    assert shares["440203101001"] == pytest.approx(_rect_area(600700, 2750100, 601000, 2750300),
                                                   abs=0.01)
    assert shares["440203101002"] == pytest.approx(_rect_area(601000, 2750100, 601100, 2750300),
                                                   abs=0.01)
    assert set(shares) == {"440203101001", "440203101002"}
    assert index.code_of(_rect(600700, 2750100, 601100, 2750300)) == "440203101001"
    assert index.names == {"440203101001": "甲村", "440203101002": "乙村"}
    inside = index.assign(_rect(601100, 2750100, 601200, 2750200))
    assert [code for code, _ in inside] == ["440203101002"]


def test_region_index_keeps_the_part_outside_every_region():
    index = RegionIndex(_region_layer(), "XZQDM", QgsCoordinateReferenceSystem("EPSG:4547"))
    shares = dict(index.assign(_rect(601900, 2750900, 602100, 2751000)))
    assert shares[UNKNOWN_CODE] == pytest.approx(_rect_area(602000, 2750900, 602100, 2751000),
                                                 abs=0.01)
    assert index.assign(None) == []


def test_region_layer_in_another_crs_is_transformed():
    gk, geo = QgsCoordinateReferenceSystem("EPSG:4547"), QgsCoordinateReferenceSystem("EPSG:4490")
    to_geo = QgsCoordinateTransform(gk, geo, QgsCoordinateTransformContext())
    index = RegionIndex(_region_layer("EPSG:4490", to_geo), "XZQDM", gk)
    shares = dict(index.assign(_rect(600700, 2750100, 601100, 2750300)))
    assert set(shares) == {"440203101001", "440203101002"}
    total = _rect_area(600700, 2750100, 601100, 2750300)
    assert sum(shares.values()) == pytest.approx(total, abs=0.01)


def test_region_index_missing_field_names_the_layer():
    with pytest.raises(MissingFieldsError, match="村界"):
        RegionIndex(_region_layer(), "NOPE", QgsCoordinateReferenceSystem("EPSG:4547"))


def test_assign_many_matches_assign():
    index = RegionIndex(_region_layer(), "XZQDM", QgsCoordinateReferenceSystem("EPSG:4547"))
    geoms = [_rect(600700, 2750100, 601100, 2750300), None, _rect(601100, 2750100, 601200, 2750200),
             _rect(601900, 2750900, 602100, 2751000)] * 10
    many, single = index.assign_many(geoms), [index.assign(g) for g in geoms]
    assert [[code for code, _ in shares] for shares in many] == \
        [[code for code, _ in shares] for shares in single]
    for got, expected in zip(many, single):
        assert [a for _, a in got] == pytest.approx([a for _, a in expected], rel=1e-12)


def test_names_from_a_region_layer():
    names = names_from_layer(_region_layer(), "XZQDM", "XZQMC")
    assert names == {"440203101001": "甲村", "440203101002": "乙村"}
    assert region_name("440203101002", names) == "乙村"
