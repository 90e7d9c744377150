"""Impossible coordinates in check inputs (issue #16 part 3, case 2).

A project parcel with NaN / 1e15 coordinates is left out of its project with an error finding
naming the feature (the project fails, the other projects are checked as usual, nothing of it
is written); a survey or control feature with such coordinates under a project stops the run
naming the layer and the feature. Expected areas come from pyproj (tests.checks.helpers).
"""

from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsProcessingFeedback

from tests.checks.helpers import X0, Y0, close, dltb, projects, rect_area, rect_wkt, run_check
from tests.core.test_damaged_coordinates import nan_square, spike

ALG = "sgnr:checkfarmland"


def _add(layer, geometry: QgsGeometry, attributes: dict) -> None:
    feature = QgsFeature(layer.fields())
    feature.setGeometry(geometry)
    for key, value in attributes.items():
        feature[key] = value
    assert layer.dataProvider().addFeatures([feature])
    layer.updateExtents()


def test_project_parcels_with_impossible_coordinates_fail_their_project_only(
        qgis_processing, provider_registered):
    parcels = projects([("P1", rect_wkt(0, 0, 100, 100), {}),
                        ("P2", rect_wkt(300, 0, 400, 100), {})])
    _add(parcels, _moved(nan_square(X0 + 100)), {"XMBH": "P1"})
    _add(parcels, _moved(spike(X0 + 300)), {"XMBH": "P2"})
    survey = dltb([(rect_wkt(-50, -50, 450, 150), "0404", 0.0)])
    _, findings, checked, _ = run_check(ALG, {"PROJECTS": parcels, "DLTB": survey})
    rows = {f["project_id"]: f for f in checked.getFeatures()}
    for pid, x in (("P1", 0), ("P2", 300)):
        assert rows[pid]["verdict"] == "fail"
        assert close(rows[pid]["area_m2"], rect_area(x, 0, x + 100, 100)), pid
        box = rows[pid].geometry().boundingBox()
        assert box.xMaximum() < X0 + 1000 and box.width() > 0  # the damaged parcel is not in
    damaged = [f for f in findings.getFeatures() if f["rule_id"] == "geometry"]
    assert {f["project_id"] for f in damaged} == {"P1", "P2"}
    for finding in damaged:
        assert finding["severity"] == "error" and finding["area_m2"] == 0.0
        fid = 3 if finding["project_id"] == "P1" else 4
        assert "cannot be real" in finding["message_en"], finding["message_en"]
        assert f"(feature {fid})" in finding["message_en"]
        assert finding.geometry().isNull()  # nothing of it is written


def _moved(geometry: QgsGeometry) -> QgsGeometry:
    """The core fixtures sit at y 2 750 000; this module's at 2 745 000."""
    geometry = QgsGeometry(geometry)
    geometry.translate(0, Y0 - 2_750_000.0)
    return geometry


def test_a_survey_parcel_with_impossible_coordinates_stops_the_run_naming_it(
        qgis_processing, provider_registered):
    parcels = projects([("P1", rect_wkt(0, 0, 100, 100), {})])
    _assert_stops_naming(parcels, rect_wkt(-50, -50, 150, 150), X0 + 50, "4402X")


def _assert_stops_naming(parcels, survey_wkt: str, x: float, bsm: str) -> None:
    """A survey over ``survey_wkt`` plus a damaged parcel (NaN, then a spike) at ``x``: the
    check stops, naming the layer and the feature."""
    import processing

    for damaged in (_moved(nan_square(x)), _moved(spike(x))):
        survey = dltb([(survey_wkt, "0404", 0.0)])
        _add(survey, damaged, {"BSM": bsm, "DLBM": "0301"})
        with pytest.raises(QgsProcessingException) as raised:
            processing.run(ALG, {"PROJECTS": parcels, "DLTB": survey,
                                 "OUTPUT_FINDINGS": "memory:", "OUTPUT_PROJECTS": "memory:"},
                           feedback=QgsProcessingFeedback())
        log = str(raised.value)
        assert "“DLTB”" in log and f"#2 (BSM {bsm})" in log, log
        assert "cannot be real" in log and "Traceback" not in log


def test_a_damaged_survey_parcel_read_with_a_chunk_of_projects_stops_the_run(
        qgis_processing, provider_registered, monkeypatch):
    """Under the fourth project, checked in the second chunk of two, where the DLTB candidates
    of the chunk are read and screened together (core/checks/prefetch.py)."""
    from sg_nr_plugin.core.checks import engine

    monkeypatch.setattr(engine, "CHUNK_PROJECTS", 2)
    parcels = projects([(f"P{i + 1}", rect_wkt(300 * i, 0, 300 * i + 100, 100), {})
                        for i in range(4)])
    _assert_stops_naming(parcels, rect_wkt(-50, -50, 1050, 150), X0 + 950, "4402Y")
