"""The paddy check's own rules and quotas on hand-built layers (areas from pyproj.Geod)."""

from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

from sg_nr_plugin.core.checks.engine import create_run
from sg_nr_plugin.core.checks.paddy import PADDY
from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
from tests.checks.helpers import (
    X0,
    Y0,
    close,
    dltb,
    dltb_graded,
    inputs_for,
    layer,
    projects,
    rect_area,
    rect_wkt,
)

MU = 10000 / 15
SURVEY = (-2000, -2000, 3000, 3000)  # one big parcel of other garden land under everything


def check(project_layer, options=None, **layers):
    inputs = inputs_for(project_layer, **layers)
    inputs.options = options or {}
    run = create_run(inputs, PADDY, builtin_ruleset("paddy"))
    return run, {r.project_id: r for r in run.results()}


def by_rule(result, rule_id, severity=None):
    return [f for f in result.findings
            if f.rule_id == rule_id and (severity is None or f.severity == severity)]


def garden():
    return dltb([(rect_wkt(*SURVEY), "0204", 0.0)])


@pytest.mark.parametrize(("gap", "blocks"), [(4.0, 1), (6.0, 2)])
def test_parcels_4_m_apart_form_one_block_6_m_apart_two(qgis_app, gap, blocks):
    west, east = (0, 0, 200, 100), (200 + gap, 0, 400 + gap, 100)  # 30 mu each
    parcels = projects([("P", rect_wkt(*west), {}), ("P", rect_wkt(*east), {})])
    _, results = check(parcels, DLTB=garden())
    result = results["P"]
    quotas = result.quotas
    assert quotas["blocks"] == blocks
    small = by_rule(result, "contiguity")
    if blocks == 1:  # one block of 60 mu: above the 50 mu minimum
        assert not small
        assert close(quotas["block_max_m2"], rect_area(*west) + rect_area(*east))
    else:  # two blocks of 30 mu: two warnings, each with its block's area
        assert sorted(f.severity for f in small) == ["warning", "warning"]
        assert sorted(round(f.area_m2, 3) for f in small) == sorted(
            round(rect_area(*r), 3) for r in (west, east))
        assert close(quotas["block_min_m2"], min(rect_area(*west), rect_area(*east)))
        assert close(quotas["block_min_mu"], quotas["block_min_m2"] / MU)


def test_mixed_dry_land_and_other_garden_split_upgrade_and_reclamation(qgis_app):
    """旱地 (KCXS 0.08) | 其他园地 | 水田 | 乔木林地 under one project of four parcels."""
    dry, orchard, paddy, forest = ((0, 0, 100, 300), (100, 0, 250, 300), (250, 0, 300, 300),
                                   (300, 0, 320, 300))
    parcels = projects([("P", rect_wkt(*r), {}) for r in (dry, orchard, paddy, forest)])
    survey = dltb([(rect_wkt(-50, -50, 100, 350), "0103", 0.08),
                   (rect_wkt(100, -50, 250, 350), "0204", 0.0),
                   (rect_wkt(250, -50, 300, 350), "0101", 0.1),
                   (rect_wkt(300, -50, 400, 350), "0301", 0.0)])
    _, results = check(parcels, DLTB=survey)
    result = results["P"]
    quotas = result.quotas
    # Gross areas: the new paddy's own ridges are part of it.
    assert close(quotas["upgrade_m2"], rect_area(*dry))
    assert close(quotas["new_cultivated_m2"], rect_area(*orchard))
    assert close(quotas["new_paddy_m2"], rect_area(*dry) + rect_area(*orchard))
    assert close(quotas["new_paddy_mu"], (rect_area(*dry) + rect_area(*orchard)) / MU)
    assert quotas["kind"] == "mixed" and quotas["kind_zh"] == "混合"
    [existing] = by_rule(result, "existing_paddy")
    assert existing.severity == "warning" and close(existing.area_m2, rect_area(*paddy))
    [forbidden] = by_rule(result, "source_class")
    assert forbidden.severity == "error" and close(forbidden.area_m2, rect_area(*forest))
    assert "0301" in forbidden.message_en and "0301" in forbidden.message_zh
    assert result.verdict == "fail"


@pytest.mark.parametrize(("codes", "kind"), [(("0103", "0102"), "upgrade"),
                                             (("0204", "0404"), "reclamation")])
def test_kind_of_a_single_kind_project(qgis_app, codes, kind):
    parcels = projects([("P", rect_wkt(0, 0, 300, 300), {})])
    survey = dltb([(rect_wkt(-50, -50, 150, 350), codes[0], 0.0),
                   (rect_wkt(150, -50, 350, 350), codes[1], 0.0)])
    _, results = check(parcels, DLTB=survey)
    assert results["P"].quotas["kind"] == kind
    assert close(results["P"].quotas["new_paddy_m2"], rect_area(0, 0, 300, 300))


def test_slope_warning_from_gdpdjb_4_error_from_gdpdjb_5(qgis_app):
    flat, grade4, grade5, garden_part = ((0, 0, 100, 300), (100, 0, 200, 300),
                                         (200, 0, 300, 300), (300, 0, 400, 300))
    parcels = projects([("P", rect_wkt(0, 0, 400, 300), {})])
    survey = dltb_graded([(rect_wkt(-50, -50, 100, 350), "0103", 0.0, "2"),
                          (rect_wkt(100, -50, 200, 350), "0103", 0.0, "4"),
                          (rect_wkt(200, -50, 300, 350), "0102", 0.0, "5"),
                          (rect_wkt(300, -50, 450, 350), "0204", 0.0, "")])
    run, results = check(parcels, DLTB=survey)
    result = results["P"]
    [warning] = by_rule(result, "slope", "warning")
    [error] = by_rule(result, "slope", "error")
    assert close(warning.area_m2, rect_area(*grade4))
    assert close(error.area_m2, rect_area(*grade5))
    assert "slope" in run.partial  # neither a steep-slope layer nor a DEM: GDPDJB only
    quotas = result.quotas
    # Above 25° is deducted from the quotas, terraces of 15–25° are not.
    assert close(quotas["upgrade_m2"], rect_area(*flat) + rect_area(*grade4))
    assert close(quotas["new_cultivated_m2"], rect_area(*garden_part))
    assert close(quotas["slope_g4_m2"], rect_area(*grade4))
    assert close(quotas["slope_g5_m2"], rect_area(*grade5))
    assert close(quotas["slope_g2_m2"], rect_area(*flat))
    assert close(quotas["slope_na_m2"], rect_area(*garden_part), rel=1e-5)
    assert quotas["slope_g1_m2"] == 0.0


def test_steep_slope_layer_counts_where_the_land_has_no_grade(qgis_app):
    """GDPDJB decides on cultivated land; the steep-slope layer elsewhere."""
    parcels = projects([("P", rect_wkt(0, 0, 600, 300), {})])
    survey = dltb_graded([(rect_wkt(-50, -50, 200, 350), "0103", 0.0, "2"),
                          (rect_wkt(200, -50, 450, 350), "0307", 0.0, ""),
                          (rect_wkt(450, -50, 650, 350), "0103", 0.0, "")])  # grade missing
    steep = layer("steep", [(rect_wkt(100, 100, 550, 200), {})])
    run, results = check(parcels, DLTB=survey, STEEP_SLOPE=steep)
    [error] = by_rule(results["P"], "slope")
    assert error.severity == "error" and close(error.area_m2, rect_area(200, 100, 550, 200))
    assert "slope" not in run.partial


def hazard_layer(distance: float):
    return layer("hazards", [(f"POINT({X0 + 100 + distance} {Y0 + 50})", {})],
                 geometry="Point")


@pytest.mark.parametrize(("distance", "fires"), [(150.0, True), (250.0, False)])
def test_hazard_point_150_m_away_fires_250_m_away_does_not(qgis_app, distance, fires):
    parcels = projects([("P", rect_wkt(0, 0, 100, 100), {})])
    _, results = check(parcels, DLTB=garden(), HAZARDS=hazard_layer(distance))
    found = by_rule(results["P"], "hazard")
    assert bool(found) == fires
    if fires:
        assert found[0].severity == "error" and results["P"].verdict == "fail"
        assert "150.0 m" in found[0].message_en
        # The part of the project within 200 m of the point: x from 50 m to 100 m.
        assert 0 < found[0].area_m2 < rect_area(0, 0, 100, 100)


def test_hazard_not_checked_without_the_layer(qgis_app):
    parcels = projects([("P", rect_wkt(0, 0, 100, 100), {})])
    run, results = check(parcels, DLTB=garden())
    assert "hazard" in run.not_checked and "hazard" in results["P"].not_checked


def pond_survey(distance: float):
    """Garden land with a 20 m wide pond (1104) ``distance`` m east of the project."""
    pond = (100 + distance, 0, 120 + distance, 100)
    return dltb([(rect_wkt(-2000, -2000, pond[0], 3000), "0204", 0.0),
                 (rect_wkt(*pond), "1104", 0.0),
                 (rect_wkt(pond[2], -2000, 3000, 3000), "0204", 0.0)])


@pytest.mark.parametrize(("distance", "fires"), [(400.0, False), (600.0, True)])
def test_water_source_within_500_m(qgis_app, distance, fires):
    parcels = projects([("P", rect_wkt(0, 0, 100, 100), {})])
    _, results = check(parcels, DLTB=pond_survey(distance))
    found = by_rule(results["P"], "water_source")
    assert bool(found) == fires
    if fires:
        assert found[0].severity == "warning"


def test_water_layer_counts_as_a_source(qgis_app):
    parcels = projects([("P", rect_wkt(0, 0, 100, 100), {})])
    ditch = layer("ditch", [(f"LINESTRING({X0 + 400} {Y0 - 500}, {X0 + 400} {Y0 + 500})", {})],
                  geometry="LineString")
    _, results = check(parcels, DLTB=pond_survey(900.0), WATER=ditch)
    assert not by_rule(results["P"], "water_source")


def test_deducted_conflicts_leave_the_quotas(qgis_app):
    parcels = projects([("P", rect_wkt(0, 0, 200, 100), {})])
    red = layer("red", [(rect_wkt(0, 0, 50, 100), {}), (rect_wkt(30, 0, 80, 100), {})])
    _, results = check(parcels, DLTB=garden(), ECO_REDLINE=red)
    quotas = results["P"].quotas
    assert close(quotas["new_cultivated_m2"], rect_area(80, 0, 200, 100))
    assert close(quotas["new_paddy_m2"], rect_area(80, 0, 200, 100))
    assert quotas["kind"] == "reclamation"


def test_county_and_acceptance_from_the_project_fields(qgis_app):
    parcels = projects([("P", rect_wkt(0, 0, 100, 100), {"XZQDM": "440205", "ZT": "已验收"}),
                        ("Q", rect_wkt(300, 0, 400, 100), {"XZQDM": "440204", "ZT": "在建"})],
                       {"XZQDM": str, "ZT": str})
    _, results = check(parcels, {"county_field": "XZQDM", "status_field": "ZT"},
                       DLTB=garden())
    assert (results["P"].quotas["county"], results["P"].quotas["accepted"]) == ("440205", 1)
    assert (results["Q"].quotas["county"], results["Q"].quotas["accepted"]) == ("440204", 0)


@pytest.mark.parametrize(("distance", "fires"), [(150.0, True), (250.0, False)])
def test_hazard_distance_in_metres_with_geographic_layers(qgis_app, distance, fires):
    """EPSG:4490 layers: the 200 m threshold is still metres (an east-west offset here)."""
    from pyproj import Transformer
    from qgis.core import QgsCoordinateReferenceSystem

    to_lonlat = Transformer.from_crs("EPSG:4547", "EPSG:4490", always_xy=True)

    def lonlat(x: float, y: float) -> str:
        lon, lat = to_lonlat.transform(X0 + x, Y0 + y)
        return f"{lon:.9f} {lat:.9f}"

    ring = ", ".join(lonlat(x, y) for x, y in ((0, 0), (100, 0), (100, 100), (0, 100), (0, 0)))
    parcels = QgsVectorLayer("Polygon?crs=EPSG:4490&field=XMBH:string", "p", "memory")
    hazards = QgsVectorLayer("Point?crs=EPSG:4490", "h", "memory")
    for target, wkt, attributes in ((parcels, f"POLYGON(({ring}))", ["P"]),
                                    (hazards, f"POINT({lonlat(100 + distance, 50)})", [])):
        feature = QgsFeature(target.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(attributes)
        target.dataProvider().addFeatures([feature])
    inputs = inputs_for(parcels, HAZARDS=hazards)
    inputs.crs = QgsCoordinateReferenceSystem("EPSG:4490")
    run = create_run(inputs, PADDY, builtin_ruleset("paddy"))
    [result] = run.results()
    assert bool(by_rule(result, "hazard")) == fires
