"""The farmland check's own rules and quotas on hand-built layers (areas from pyproj.Geod)."""

from __future__ import annotations

from sg_nr_plugin.core.checks.engine import create_run
from sg_nr_plugin.core.checks.farmland import FARMLAND
from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
from tests.checks.helpers import (
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


def check(project_layer, options=None, **layers):
    inputs = inputs_for(project_layer, **layers)
    inputs.options = options or {}
    run = create_run(inputs, FARMLAND, builtin_ruleset("farmland"))
    return run, {r.project_id: r for r in run.results()}


def by_rule(result, rule_id):
    return [f for f in result.findings if f.rule_id == rule_id]


def test_half_dry_land_half_grass_a_quarter_in_the_red_line(qgis_app):
    """The issue's hand-built case: 旱地 (KCXS 0.08) | 其他草地, red line on a quarter."""
    west, east = (0, 0, 100, 200), (100, 0, 200, 200)
    parcels = projects([("P", rect_wkt(*west), {"GHDL": "0101", "DB": 6.0}),
                        ("P", rect_wkt(*east), {"GHDL": "0101", "DB": 8.0})],
                       {"GHDL": str, "DB": float})
    survey = dltb([(rect_wkt(0, -50, 100, 250), "0103", 0.08),
                   (rect_wkt(100, -50, 250, 250), "0404", 0.0)])
    red = layer("red", [(rect_wkt(100, 0, 200, 100), {})])
    _, results = check(parcels, {"planned_class_field": "GHDL", "grade_field": "DB"},
                       DLTB=survey, ECO_REDLINE=red)
    result = results["P"]
    dry, grass = rect_area(*west), rect_area(*east)
    free_grass = rect_area(100, 100, 200, 200)

    [existing] = by_rule(result, "existing_cultivated")
    assert existing.severity == "warning" and close(existing.area_m2, dry * 0.92)
    [red_finding] = by_rule(result, "eco_redline")
    assert close(red_finding.area_m2, rect_area(100, 0, 200, 100))
    assert result.verdict == "fail"
    assert not by_rule(result, "source_class") and not by_rule(result, "outside_survey")

    quotas = result.quotas
    assert close(quotas["new_cultivated_m2"], free_grass)
    assert close(quotas["new_cultivated_mu"], free_grass / MU)
    assert close(quotas["upgrade_m2"], dry * 0.92)
    assert close(quotas["new_paddy_m2"], free_grass + dry * 0.92)
    assert close(quotas["src_grassland_m2"], grass)
    assert quotas["src_forbidden_m2"] == 0 and quotas["src_garden_m2"] == 0
    assert close(quotas["grade"], (6 * dry + 8 * grass) / (dry + grass))


def test_forbidden_source_steep_layer_and_gdpdjb_5(qgis_app):
    parcels = projects([("Q", rect_wkt(0, 0, 300, 100), {})])
    survey = dltb_graded([(rect_wkt(0, 0, 100, 100), "1101", 0.0, ""),
                          (rect_wkt(100, 0, 200, 100), "0103", 0.0, "5"),
                          (rect_wkt(200, 0, 300, 100), "0201", 0.0, "")])
    steep = layer("steep", [(rect_wkt(250, -10, 400, 110), {})])
    run, results = check(parcels, DLTB=survey, STEEP_SLOPE=steep)
    result = results["Q"]
    [forbidden] = by_rule(result, "source_class")
    assert close(forbidden.area_m2, rect_area(0, 0, 100, 100)) and "1101" in forbidden.message_en
    [slope] = by_rule(result, "steep_slope")
    expected = rect_area(100, 0, 200, 100) + rect_area(250, 0, 300, 100)
    assert close(slope.area_m2, expected) and slope.severity == "error"
    assert close(result.quotas["new_cultivated_m2"], rect_area(200, 0, 250, 100))
    assert close(result.quotas["src_garden_m2"], rect_area(200, 0, 300, 100))
    assert close(result.quotas["src_forbidden_m2"], rect_area(0, 0, 100, 100))
    assert result.quotas["new_paddy_m2"] is None  # no planned-class field given
    assert "steep_slope" not in run.partial


def test_steep_slope_without_layer_or_dem_is_only_partly_checked(qgis_app):
    parcels = projects([("R", rect_wkt(0, 0, 100, 100), {})])
    run, results = check(parcels, DLTB=dltb([(rect_wkt(0, 0, 100, 100), "0404", 0.0)]))
    assert "steep_slope" in run.partial
    assert results["R"].verdict == "pass"
    assert close(results["R"].quotas["new_cultivated_m2"], rect_area(0, 0, 100, 100))


def test_conflicts_are_deducted_once_when_they_overlap(qgis_app):
    """Red line and public forest on the same corner: the quota loses that corner once."""
    parcels = projects([("S", rect_wkt(0, 0, 100, 100), {})])
    survey = dltb([(rect_wkt(0, 0, 100, 100), "0307", 0.0)])
    corner = rect_wkt(0, 0, 40, 40)
    _, results = check(parcels, DLTB=survey, ECO_REDLINE=layer("r", [(corner, {})]),
                       PUBLIC_FOREST=layer("f", [(corner, {})]))
    quotas = results["S"].quotas
    assert close(quotas["new_cultivated_m2"],
                 rect_area(0, 0, 100, 100) - rect_area(0, 0, 40, 40))
    assert close(quotas["src_forest_m2"], rect_area(0, 0, 100, 100))


def test_second_survey_field_names_and_missing_dlbm(qgis_app):
    """二调 data: TKXS instead of KCXS; a DLTB without a class field is named in the error."""
    import pytest

    from sg_nr_plugin.core.errors import MissingFieldsError

    parcels = projects([("T", rect_wkt(0, 0, 100, 100), {})])
    survey = layer("DLTB2", [(rect_wkt(0, 0, 100, 100), {"DLBM": "0103", "TKXS": 0.1})],
                   {"DLBM": str, "TKXS": float})
    _, results = check(parcels, DLTB=survey)
    [existing] = by_rule(results["T"], "existing_cultivated")
    assert close(existing.area_m2, rect_area(0, 0, 100, 100) * 0.9)
    no_class = layer("no_class", [(rect_wkt(0, 0, 100, 100), {"MJ": 1.0})], {"MJ": float})
    inputs = inputs_for(parcels, DLTB=no_class)
    inputs.layer_names["DLTB"] = "地类图斑2020"
    with pytest.raises(MissingFieldsError, match="地类图斑2020"):
        create_run(inputs, FARMLAND, builtin_ruleset("farmland"))
