"""overlaystats against ellipsoidal areas computed independently (pyproj.Geod on CGCS2000)."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.landuse import landuse_summary
from sg_nr_plugin.core.stats.overlaystats import AreaMode, overlay_stats
from tests.stats.helpers import (
    DLTB_FIELDS,
    VILLAGE_A,
    VILLAGE_B,
    X0,
    Y0,
    dltb_layer,
    geodesic_area_rect,
    memory_layer,
    rect_wkt,
)


def geo(x1, x2, y1=0.0, y2=100.0) -> float:
    return geodesic_area_rect(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


def r(x1, x2, y1=0.0, y2=100.0) -> str:
    return rect_wkt(X0 + x1, Y0 + y1, X0 + x2, Y0 + y2)


def parcels():
    # P1 (cultivated, 10 % ridges) and P2 (forest) in county A, P3 in county B.
    return memory_layer("DLTB", DLTB_FIELDS, [
        (r(0, 100), [VILLAGE_A, "0101", "", 10000.0, 0.1, 1000.0, 9000.0]),
        (r(100, 200), [VILLAGE_A, "0301", "", 10000.0, 0.0, 0.0, 10000.0]),
        (r(300, 400), [VILLAGE_B, "0101", "", 10000.0, 0.0, 0.0, 10000.0]),
    ])


def overlapping_overlay():
    # O1 and O2 overlap on x 120..150; O3 covers P3 whole (the fast path).
    return memory_layer("redline", "kind:string", [
        (r(50, 150, -10, 110), ["a"]), (r(120, 180, -10, 110), ["a"]),
        (r(290, 410, -20, 120), ["x"])])


def dissolved_overlay():
    return memory_layer("redline_union", "kind:string", [
        (r(50, 180, -10, 110), ["a"]), (r(290, 410, -20, 120), ["x"])])


def rows(frame):
    return {row.region_code: row for row in frame.itertuples()}


def test_gross_areas_by_county(qgis_app):
    got = rows(overlay_stats(parcels(), overlapping_overlay(), RegionSpec(RegionLevel.COUNTY)))
    a, b = got["440203"], got["440204"]
    assert a.area_input == pytest.approx(geo(0, 100) + geo(100, 200), abs=0.01)
    assert a.area_inside == pytest.approx(geo(50, 100) + geo(100, 180), abs=0.01)
    assert a.share_pct == pytest.approx(100 * 130 / 200, rel=1e-4)
    assert b.area_input == b.area_inside == pytest.approx(geo(300, 400), abs=0.01)
    assert a.parcels == 2 and b.parcels == 1


@pytest.mark.parametrize("mode", [AreaMode.GROSS, AreaMode.NET])
def test_overlapping_pieces_equal_their_union(qgis_app, mode):
    spec = RegionSpec(RegionLevel.COUNTY)
    pieces = overlay_stats(parcels(), overlapping_overlay(), spec, area_mode=mode)
    union = overlay_stats(parcels(), dissolved_overlay(), spec, area_mode=mode)
    assert pieces.area_inside.tolist() == pytest.approx(union.area_inside.tolist(), abs=1e-6)


def test_net_mode_apportions_tbdlmj(qgis_app):
    got = rows(overlay_stats(parcels(), overlapping_overlay(), RegionSpec(RegionLevel.COUNTY),
                             area_mode=AreaMode.NET))
    expected = 9000.0 * geo(50, 100) / geo(0, 100) + 10000.0 * geo(100, 180) / geo(100, 200)
    assert got["440203"].area_input == pytest.approx(19000.0)
    assert got["440203"].area_inside == pytest.approx(expected, abs=1e-6)
    assert got["440204"].area_inside == pytest.approx(10000.0)


def test_filters_choose_parcels_and_overlay(qgis_app):
    frame = overlay_stats(parcels(), overlapping_overlay(), RegionSpec(RegionLevel.WHOLE),
                          input_filter="\"DLBM\" LIKE '01%'", overlay_filter="kind <> 'x'")
    (row,) = frame.itertuples()
    assert row.parcels == 2
    assert row.area_input == pytest.approx(geo(0, 100) + geo(300, 400), abs=0.01)
    assert row.area_inside == pytest.approx(geo(50, 100), abs=0.01)
    meta = frame.attrs["meta"]
    assert [(s.role, s.count) for s in meta.sources] == [("INPUT", 2), ("OVERLAY", 2)]


def test_geographic_input_with_projected_overlay(qgis_app):
    """Input in EPSG:4490 (lon/lat), overlay in EPSG:4547: the overlay is reprojected and the
    areas are still ellipsoidal."""
    from tests.stats.helpers import TO_GEOGRAPHIC

    def lonlat_rect(x1, x2):
        (lon1, lon2), (lat1, lat2) = TO_GEOGRAPHIC.transform([X0 + x1, X0 + x2], [Y0, Y0 + 100])
        return rect_wkt(lon1, lat1, lon2, lat2)

    parcels_4490 = memory_layer("DLTB", DLTB_FIELDS, [
        (lonlat_rect(0, 100), [VILLAGE_A, "0101", "", 1.0, 0.0, 0.0, 1.0])], crs="EPSG:4490")
    # the overlay covers the parcel west of x = X0 + 50 (near the central meridian: half)
    overlay = memory_layer("ovl", "kind:string", [(r(-50, 50, -500, 500), ["a"])])
    (row,) = overlay_stats(parcels_4490, overlay, RegionSpec(RegionLevel.WHOLE)).itertuples()
    # reference: Karney area of the lon/lat rectangle and of its part west of the overlay edge
    from tests.stats.helpers import GEOD

    (lon1, lon2), (lat1, lat2) = TO_GEOGRAPHIC.transform([X0, X0 + 100], [Y0, Y0 + 100])
    whole = abs(GEOD.polygon_area_perimeter([lon1, lon2, lon2, lon1], [lat1, lat1, lat2, lat2])[0])
    assert row.area_input == pytest.approx(whole, rel=1e-6)
    assert row.area_inside / row.area_input == pytest.approx(0.5, abs=1e-4)


@pytest.mark.parametrize(("run", "message"), [
    (lambda bad: landuse_summary(dltb_layer(), expression=bad), "Invalid filter expression"),
    (lambda bad: overlay_stats(dltb_layer(), dltb_layer("overlay"), input_filter=bad),
     "Invalid input filter expression"),
    (lambda bad: overlay_stats(dltb_layer(), dltb_layer("overlay"), overlay_filter=bad),
     "Invalid overlay filter expression"),
], ids=["landuse", "input", "overlay"])
def test_a_filter_that_does_not_parse_names_its_parameter(qgis_app, run, message):
    from sg_nr_plugin.core.errors import SgNrError

    with pytest.raises(SgNrError, match=rf"^{message} “\"DLBM\" = = 1”:\s+\S"):
        run('"DLBM" = = 1')
