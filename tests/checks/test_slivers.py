"""Slivers and working CRS: reprojection strips are no findings, real small conflicts are.

Expected areas from pyproj (tests.checks.helpers.rect_area), not from the plugin.
"""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext

from sg_nr_plugin.core.checks.context import CheckInputs
from sg_nr_plugin.core.checks.engine import create_run
from sg_nr_plugin.core.checks.farmland import FARMLAND
from sg_nr_plugin.core.checks.paddy import PADDY
from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
from tests.checks.helpers import (
    X0,
    Y0,
    close,
    dltb,
    inputs_for,
    layer,
    projects,
    rect_area,
    rect_wkt,
)


def _results(inputs, spec=FARMLAND, kind="farmland") -> dict:
    return {r.project_id: r for r in create_run(inputs, spec, builtin_ruleset(kind)).results()}


def test_strips_narrower_than_the_tolerance_are_no_findings_real_small_conflicts_are(qgis_app):
    """P1's neighbour parcel (cultivated) and the red line reach 1e-6 m into it (a reprojection
    strip, 100 m long: 1e-4 m²); P2 meets a 0.2 m wide strip of red line (20 m²) and a 1 m
    square of cultivated land: real, however small."""
    square = projects([("P1", rect_wkt(0, 0, 100, 100), {}),
                       ("P2", rect_wkt(300, 0, 400, 100), {})])
    survey = dltb([(rect_wkt(-50, -50, 100, 150), "0404", 0.0),
                   (rect_wkt(99.999999, -50, 150, 150), "0103", 0.0),
                   (rect_wkt(250, -50, 450, 150), "0404", 0.0)])
    survey_with_field = dltb([(rect_wkt(-50, -50, 100, 150), "0404", 0.0),
                              (rect_wkt(99.999999, -50, 150, 150), "0103", 0.0),
                              (rect_wkt(250, -50, 450, 150), "0404", 0.0),
                              (rect_wkt(399, 50, 401, 51), "0103", 0.0)])
    red = layer("red", [(rect_wkt(-50, 99.999999, 150, 150), {}),
                        (rect_wkt(300, 99.8, 400, 150), {})])
    for survey_layer, field in ((survey, False), (survey_with_field, True)):
        results = _results(inputs_for(square, DLTB=survey_layer, ECO_REDLINE=red))
        p1, p2 = results["P1"], results["P2"]
        assert p1.findings == [] and p1.verdict == "pass", p1.findings
        [strip] = [f for f in p2.findings if f.rule_id == "eco_redline"]
        assert close(strip.area_m2, rect_area(300, 99.8, 400, 100), rel=1e-6)
        cultivated = [f for f in p2.findings if f.rule_id == "existing_cultivated"]
        if field:
            assert len(cultivated) == 1
            assert close(cultivated[0].area_m2, rect_area(399, 50, 400, 51), rel=1e-6)
        else:
            assert cultivated == []


def test_geographic_projects_buffer_hazards_in_metres(qgis_app):
    """Projects and hazards in EPSG:4490: the hazard reach is a circle of the rule set's metres
    (measured in the Gauss-Kruger zone), not degrees scaled at the centre latitude (+4.6 %
    on the sample)."""
    from pyproj import Transformer

    to_geo = Transformer.from_crs("EPSG:4547", "EPSG:4490", always_xy=True)

    def geo(wkt_points):
        return ",".join(f"{lon:.10f} {lat:.10f}" for lon, lat in
                        (to_geo.transform(X0 + x, Y0 + y) for x, y in wkt_points))

    ring = [(0, 0), (400, 0), (400, 400), (0, 400), (0, 0)]
    parcels = layer("projects", [(f"POLYGON(({geo(ring)}))", {"XMBH": "G"})], {"XMBH": str})
    parcels.setCrs(QgsCoordinateReferenceSystem("EPSG:4490"))
    hazards = layer("hazards", [(f"POINT({geo([(200, 200)])})", {})], geometry="Point")
    hazards.setCrs(QgsCoordinateReferenceSystem("EPSG:4490"))
    inputs = CheckInputs(parcels, "XMBH", QgsCoordinateReferenceSystem("EPSG:4490"),
                         QgsCoordinateTransformContext())
    inputs.layers = {"DLTB": dltb([(rect_wkt(-50, -50, 450, 450), "0404", 0.0)]),
                     "HAZARDS": hazards}
    inputs.layer_names = {"DLTB": "DLTB", "HAZARDS": "hazards"}
    ruleset = builtin_ruleset("paddy")
    metres = ruleset.threshold("hazard_distance_m")
    result = _results(inputs, PADDY, "paddy")["G"]
    [hazard] = [f for f in result.findings if f.rule_id == "hazard"]
    import math

    disc = math.pi * metres ** 2  # inside the 400 m square when metres ≤ 200
    assert metres <= 200
    assert abs(hazard.area_m2 - disc) / disc < 2e-3, (hazard.area_m2, disc)
