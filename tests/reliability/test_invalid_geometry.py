"""Invalid and self-intersecting polygons never abort a run: they are repaired for measuring,
counted and listed by feature id (statistics and checks alike)."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from tests.reliability.helpers import WarningLog, ring_area
from tests.stats.helpers import DLTB_FIELDS, VILLAGE_A, X0, Y0, memory_layer, rect_wkt

# A 100 m bow-tie: two triangles meeting at the centre. Measured as it is, its lobes cancel
# (signed shoelace ≈ 0); repaired, it is the two triangles.
BOWTIE = (f"POLYGON(({X0} {Y0},{X0 + 100} {Y0 + 100},{X0 + 100} {Y0},{X0} {Y0 + 100},"
          f"{X0} {Y0}))")
TRIANGLES_M2 = (ring_area([(X0, Y0), (X0 + 50, Y0 + 50), (X0, Y0 + 100), (X0, Y0)])
                + ring_area([(X0 + 100, Y0), (X0 + 100, Y0 + 100), (X0 + 50, Y0 + 50),
                             (X0 + 100, Y0)]))
SQUARE = rect_wkt(X0 + 200, Y0, X0 + 300, Y0 + 100)
SQUARE_M2 = ring_area([(X0 + 200, Y0), (X0 + 300, Y0), (X0 + 300, Y0 + 100),
                       (X0 + 200, Y0 + 100), (X0 + 200, Y0)])


@pytest.fixture
def dltb_with_bowtie(qgis_app) -> QgsVectorLayer:
    row = [VILLAGE_A, "0301", "", 0.0, 0.0, 0.0, 0.0]
    layer = memory_layer("DLTB", DLTB_FIELDS, [(SQUARE, row), (BOWTIE, row)])
    bowtie = [f for f in layer.getFeatures() if not f.geometry().isGeosValid()]
    assert len(bowtie) == 1  # the fixture really holds an invalid parcel
    return layer


@pytest.fixture
def cover(qgis_app) -> QgsVectorLayer:
    return memory_layer("cover", "", [(rect_wkt(X0 - 10, Y0 - 10, X0 + 310, Y0 + 110), [])])


def _bowtie_fid(layer) -> int:
    return next(f.id() for f in layer.getFeatures() if not f.geometry().isGeosValid())


def test_overlaystats_repairs_counts_and_lists_invalid_parcels(
        qgis_processing, provider_registered, dltb_with_bowtie, cover):
    import processing

    feedback = WarningLog()
    result = processing.run("sgnr:overlaystats", {
        "INPUT": dltb_with_bowtie, "OVERLAY": cover, "REGION_LEVEL": 0, "UNIT": 0,
        "OUTPUT": "memory:"}, feedback=feedback)
    row = next(result["OUTPUT"].getFeatures())
    assert row["area_input"] == pytest.approx(SQUARE_M2 + TRIANGLES_M2, abs=0.01)
    assert row["area_inside"] == pytest.approx(SQUARE_M2 + TRIANGLES_M2, abs=0.01)
    fid = _bowtie_fid(dltb_with_bowtie)
    note = [w for w in feedback.warnings if "makeValid" in w]
    assert note and f"Feature id(s): {fid}" in note[0] and note[0].startswith("1 ")


def test_changematrix_repairs_invalid_parcels_of_both_vintages(
        qgis_processing, provider_registered, dltb_with_bowtie):
    import processing

    feedback = WarningLog()
    result = processing.run("sgnr:changematrix", {
        "CURRENT": dltb_with_bowtie, "BASE": dltb_with_bowtie, "REGION_LEVEL": 0, "UNIT": 0,
        "OUTPUT": "memory:"}, feedback=feedback)
    total = sum(f["area"] for f in result["OUTPUT"].getFeatures())
    assert total == pytest.approx(SQUARE_M2 + TRIANGLES_M2, abs=0.01)
    assert len([w for w in feedback.warnings if "makeValid" in w]) == 2  # base and current


def test_checkfarmland_runs_over_an_invalid_dltb_parcel(
        qgis_processing, provider_registered, dltb_with_bowtie):
    """Processing's default (abort on the first invalid geometry) must not stop a check: the
    project over the bow-tie gets its source classes from the repaired parcel."""
    import processing

    from tests.checks.helpers import projects

    parcels = projects([("P1", rect_wkt(X0, Y0, X0 + 100, Y0 + 100), {})])
    result = processing.run("sgnr:checkfarmland", {
        "PROJECTS": parcels, "DLTB": dltb_with_bowtie,
        "OUTPUT_FINDINGS": "memory:", "OUTPUT_PROJECTS": "memory:"},
        feedback=QgsProcessingFeedback())
    checked = list(result["OUTPUT_PROJECTS"].getFeatures())
    assert [f["project_id"] for f in checked] == ["P1"]


def test_invalid_geometry_policy_does_not_leak_into_the_callers_context(
        qgis_processing, provider_registered, dltb_with_bowtie, cover):
    """The plugin lifts Processing's invalid-geometry check only while its own run lasts."""
    from qgis.core import QgsApplication, QgsFeatureRequest, QgsProcessingContext

    context = QgsProcessingContext()
    context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryAbortOnInvalid)
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("sgnr:overlaystats")
    _, ok = algorithm.run({"INPUT": dltb_with_bowtie, "OVERLAY": cover, "OUTPUT": "memory:"},
                          context, QgsProcessingFeedback())
    assert ok
    assert context.invalidGeometryCheck() == QgsFeatureRequest.GeometryAbortOnInvalid
    # a QGIS algorithm run with that context still stops at the bow-tie
    import processing

    with pytest.raises(QgsProcessingException):
        processing.run("native:centroids", {"INPUT": dltb_with_bowtie, "OUTPUT": "memory:"},
                       context=context)


def test_checkfarmland_measures_an_invalid_red_line_polygon_repaired(
        qgis_processing, provider_registered):
    """A bow-tie red-line polygon over a project: the conflict is its two triangles."""
    import processing

    from tests.checks.helpers import X0 as CX
    from tests.checks.helpers import Y0 as CY
    from tests.checks.helpers import layer, projects

    bowtie = (f"POLYGON(({CX} {CY},{CX + 100} {CY + 100},{CX + 100} {CY},{CX} {CY + 100},"
              f"{CX} {CY}))")
    triangles = (ring_area([(CX, CY), (CX + 50, CY + 50), (CX, CY + 100), (CX, CY)])
                 + ring_area([(CX + 100, CY), (CX + 100, CY + 100), (CX + 50, CY + 50),
                              (CX + 100, CY)]))
    parcels = projects([("P1", rect_wkt(CX, CY, CX + 100, CY + 100), {})])
    red = layer("red", [(bowtie, {})])
    result = processing.run("sgnr:checkfarmland", {
        "PROJECTS": parcels, "ECO_REDLINE": red,
        "OUTPUT_FINDINGS": "memory:", "OUTPUT_PROJECTS": "memory:"},
        feedback=QgsProcessingFeedback())
    found = [f for f in result["OUTPUT_FINDINGS"].getFeatures() if f["rule_id"] == "eco_redline"]
    assert len(found) == 1
    assert found[0]["area_m2"] == pytest.approx(triangles, abs=0.01)
