"""The common rules on hand-built layers: each fires with the analytic area and stays silent on
clean input; overlapping control pieces count once; a missing layer is "not checked"."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.checks.engine import CheckSpec, create_run
from sg_nr_plugin.core.checks.farmland import FARMLAND  # noqa: F401 - registers the rules
from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
from tests.checks.helpers import close, dltb, inputs_for, layer, projects, rect_area, rect_wkt

COMMON = ("geometry", "outside_survey", "duplicate_project", "area_mismatch", "eco_redline",
          "protected_area", "public_forest", "urban_boundary")
SPEC = CheckSpec("common", COMMON, threshold_keys=("min_finding_m2", "min_part_m2",
                                                   "sliver_thinness"))


def run(project_layer, **layers):
    inputs = inputs_for(project_layer, **layers)
    check = create_run(inputs, SPEC, builtin_ruleset("farmland"))
    return check, {r.project_id: r for r in check.results()}


def by_rule(result, rule_id):
    return [f for f in result.findings if f.rule_id == rule_id]


@pytest.fixture
def square():
    """One 200 m × 200 m project on a fully covering grass parcel."""
    return projects([("P1", rect_wkt(0, 0, 200, 200), {})])


@pytest.fixture
def survey():
    return dltb([(rect_wkt(-50, -50, 250, 250), "0404", 0.0)])


def test_clean_project_passes_every_rule_given(qgis_app, survey):
    far = rect_wkt(1000, 1000, 1100, 1100)
    square = projects([("P1", rect_wkt(0, 0, 200, 200), {"MJ": rect_area(0, 0, 200, 200)})],
                      {"MJ": float})
    inputs = inputs_for(square, DLTB=survey, ECO_REDLINE=layer("red", [(far, {})]),
                        PROTECTED_AREAS=layer("pa", [(far, {})]),
                        PUBLIC_FOREST=layer("gy", [(far, {})]),
                        URBAN_BOUNDARY=layer("ub", [(far, {})]),
                        FILED_PROJECTS=projects([("OLD", far, {})]))
    inputs.declared_area_field = "MJ"
    check = create_run(inputs, SPEC, builtin_ruleset("farmland"))
    [result] = check.results()
    assert result.findings == []
    assert result.verdict == "pass"
    assert not check.not_checked and not check.partial
    assert close(result.area_m2, rect_area(0, 0, 200, 200))


def test_red_line_of_overlapping_pieces_counts_their_union(qgis_app, square, survey):
    red = layer("red", [(rect_wkt(0, 0, 50, 100), {}), (rect_wkt(25, 0, 75, 100), {}),
                        (rect_wkt(150, 150, 300, 300), {})])
    _, results = run(square, DLTB=survey, ECO_REDLINE=red)
    [finding] = by_rule(results["P1"], "eco_redline")
    expected = rect_area(0, 0, 75, 100) + rect_area(150, 150, 200, 200)
    assert close(finding.area_m2, expected)
    assert finding.severity == "error" and results["P1"].verdict == "fail"
    assert close(finding.area_mu, expected * 15 / 10000)
    assert "red line" in finding.message_en
    assert "生态保护红线" in finding.message_zh  # Chinese whatever the interface language


@pytest.mark.parametrize("role,rule_id,severity", [
    ("PROTECTED_AREAS", "protected_area", "error"),
    ("PUBLIC_FOREST", "public_forest", "error"),
    ("URBAN_BOUNDARY", "urban_boundary", "warning"),
])
def test_control_layers_fire_with_the_overlap_area(qgis_app, square, survey, role, rule_id,
                                                   severity):
    control = layer(role, [(rect_wkt(150, -100, 400, 100), {})])
    _, results = run(square, DLTB=survey, **{role: control})
    [finding] = by_rule(results["P1"], rule_id)
    assert close(finding.area_m2, rect_area(150, 0, 200, 100))
    assert finding.severity == severity


def test_protected_area_message_names_the_zones(qgis_app, square, survey):
    control = layer("pa", [(rect_wkt(0, 0, 20, 20), {"GNFQ": "核心保护区"}),
                           (rect_wkt(10, 10, 40, 40), {"GNFQ": "一般控制区"})], {"GNFQ": str})
    inputs = inputs_for(square, DLTB=survey, PROTECTED_AREAS=control)
    inputs.protected_zone_field = "GNFQ"
    [result] = create_run(inputs, SPEC, builtin_ruleset("farmland")).results()
    [finding] = by_rule(result, "protected_area")
    assert "核心保护区" in finding.message_zh and "一般控制区" in finding.message_en
    union = rect_area(0, 0, 20, 20) + rect_area(10, 10, 40, 40) - rect_area(10, 10, 20, 20)
    assert close(finding.area_m2, union)


def test_missing_layers_are_not_checked_never_passed(qgis_app, square):
    check, results = run(square)
    for rule_id in ("outside_survey", "area_mismatch", "eco_redline", "protected_area",
                    "public_forest", "urban_boundary"):
        assert rule_id in check.not_checked
        assert rule_id in results["P1"].not_checked
    assert "duplicate_project" in check.partial  # within the layer only
    assert "geometry" not in check.not_checked


def test_outside_survey_measures_the_uncovered_part(qgis_app, square):
    survey = dltb([(rect_wkt(0, 0, 200, 150), "0404", 0.0)])
    _, results = run(square, DLTB=survey)
    [finding] = by_rule(results["P1"], "outside_survey")
    assert close(finding.area_m2, rect_area(0, 150, 200, 200))


def test_duplicate_projects_in_the_layer_and_filed(qgis_app, survey):
    layer_ = projects([("P1", rect_wkt(0, 0, 100, 100), {}),
                       ("P2", rect_wkt(60, 0, 200, 100), {})])
    filed = projects([("OLD", rect_wkt(0, 80, 30, 150), {}),
                      ("P1", rect_wkt(0, 0, 100, 100), {})])  # P1 itself, filed before
    inputs = inputs_for(layer_, DLTB=survey, FILED_PROJECTS=filed)
    inputs.filed_id_field = "XMBH"
    check = create_run(inputs, SPEC, builtin_ruleset("farmland"))
    results = {r.project_id: r for r in check.results()}
    overlap = rect_area(60, 0, 100, 100)
    [p1_same, p1_filed] = by_rule(results["P1"], "duplicate_project")
    assert close(p1_same.area_m2, overlap) and "P2" in p1_same.message_en
    assert close(p1_filed.area_m2, rect_area(0, 80, 30, 100)) and "OLD" in p1_filed.message_en
    [p2_same, p2_filed] = by_rule(results["P2"], "duplicate_project")  # P1 is filed too
    assert close(p2_same.area_m2, overlap) and "same layer" in p2_same.message_en
    assert close(p2_filed.area_m2, overlap) and "filed project P1" in p2_filed.message_en


@pytest.mark.parametrize("factor,fires", [(1.0, False), (1.002, False), (1.05, True)])
def test_area_mismatch_in_mu_with_tolerance(qgis_app, survey, factor, fires):
    measured = rect_area(0, 0, 200, 200)
    declared_mu = measured * factor * 15 / 10000
    layer_ = projects([("P1", rect_wkt(0, 0, 200, 200), {"MJ": declared_mu})], {"MJ": float})
    inputs = inputs_for(layer_, DLTB=survey)
    inputs.declared_area_field, inputs.declared_area_factor = "MJ", 10000 / 15
    [result] = create_run(inputs, SPEC, builtin_ruleset("farmland")).results()
    findings = by_rule(result, "area_mismatch")
    assert bool(findings) is fires
    if fires:
        assert close(findings[0].area_m2, measured * (factor - 1))
        assert findings[0].severity == "warning" and result.verdict == "needs_fixing"


def test_overlapping_parcels_of_one_project_count_once(qgis_app, survey):
    layer_ = projects([("P1", rect_wkt(0, 0, 100, 100), {}),
                       ("P1", rect_wkt(50, 0, 150, 100), {})])
    _, results = run(layer_, DLTB=survey)
    result = results["P1"]
    assert close(result.area_m2, rect_area(0, 0, 150, 100))
    [finding] = by_rule(result, "geometry")
    assert close(finding.area_m2, rect_area(50, 0, 100, 100))
    assert not by_rule(result, "duplicate_project")  # same project, not a duplicate


def test_invalid_and_tiny_parcels_are_geometry_findings(qgis_app, survey):
    x, y = 500_000.0, 2_745_000.0
    bowtie = (f"POLYGON(({x} {y},{x + 100} {y + 100},{x + 100} {y},{x} {y + 100},{x} {y}))")
    layer_ = projects([("BOW", bowtie, {}), ("TINY", rect_wkt(0, 120, 0.5, 120.5), {})])
    _, results = run(layer_, DLTB=survey)
    [invalid] = by_rule(results["BOW"], "geometry")
    assert invalid.severity == "error" and "invalid" in invalid.message_en
    assert close(results["BOW"].area_m2, rect_area(0, 0, 100, 100) / 2, rel=1e-3)
    [tiny] = by_rule(results["TINY"], "geometry")
    assert close(tiny.area_m2, rect_area(0, 120, 0.5, 120.5), rel=1e-3)


def test_cancel_stops_between_projects(qgis_app, survey):
    from qgis.core import QgsFeedback

    layer_ = projects([(f"P{i}", rect_wkt(300 * i, 0, 300 * i + 100, 100), {})
                       for i in range(5)])
    feedback = QgsFeedback()
    check = create_run(inputs_for(layer_, DLTB=survey), SPEC, builtin_ruleset("farmland"),
                       feedback)
    seen = []
    for result in check.results():
        seen.append(result.project_id)
        if len(seen) == 2:
            feedback.cancel()
    assert seen == ["P0", "P1"] and check.canceled


def test_layers_in_other_crs_are_transformed(qgis_app, survey):
    """Projects in EPSG:4490 (geographic), DLTB and red line in EPSG:4547."""
    from pyproj import Transformer
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext

    from sg_nr_plugin.core.checks.context import CheckInputs
    from tests.checks.helpers import X0, Y0

    to_geo = Transformer.from_crs("EPSG:4547", "EPSG:4490", always_xy=True)
    ring = [to_geo.transform(X0 + x, Y0 + y) for x, y in
            ((0, 0), (200, 0), (200, 200), (0, 200), (0, 0))]
    wkt = "POLYGON((" + ",".join(f"{lon:.10f} {lat:.10f}" for lon, lat in ring) + "))"
    geographic = layer("projects4490", [(wkt, {"XMBH": "G"})], {"XMBH": str})
    geographic.setCrs(QgsCoordinateReferenceSystem("EPSG:4490"))
    inputs = CheckInputs(geographic, "XMBH", QgsCoordinateReferenceSystem("EPSG:4490"),
                         QgsCoordinateTransformContext())
    inputs.layers = {"DLTB": survey, "ECO_REDLINE": layer("red", [(rect_wkt(0, 0, 50, 200), {})])}
    [result] = create_run(inputs, SPEC, builtin_ruleset("farmland")).results()
    assert close(result.area_m2, rect_area(0, 0, 200, 200), rel=1e-5)
    [red] = by_rule(result, "eco_redline")
    assert close(red.area_m2, rect_area(0, 0, 50, 200), rel=1e-5)
    assert not by_rule(result, "outside_survey")


def test_a_parcel_without_geometry_is_reported_not_fatal(qgis_app, survey):
    layer_ = projects([("E", rect_wkt(0, 0, 100, 100), {})])
    from qgis.core import QgsFeature

    empty = QgsFeature(layer_.fields())
    empty["XMBH"] = "E"
    layer_.dataProvider().addFeatures([empty])
    _, results = run(layer_, DLTB=survey)
    [finding] = by_rule(results["E"], "geometry")
    assert finding.area_m2 == 0 and finding.geometry is None
    assert close(results["E"].area_m2, rect_area(0, 0, 100, 100))
    assert results["E"].parcel_count == 2
