"""Round trip on the generated sample's farmland projects (data/tiny, layer XM_BCGD)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsProject, QgsVectorLayer

from tests.conftest import TINY_GPKG as TINY
from tests.coordtxt.helpers import run_algorithm

pytestmark = pytest.mark.skipif(not TINY.exists(), reason="data/tiny not generated yet")


def test_sample_farmland_projects_round_trip(processing_ready, tmp_path):
    source = QgsVectorLayer(f"{TINY}|layername=XM_BCGD", "farmland", "ogr")
    assert source.isValid() and source.featureCount() > 0
    exported, _ = run_algorithm("sgnr:exportcoordtxt", {
        "INPUT": source, "PROJECT_FIELD": "XMBH", "PARCEL_FIELD": "DKBH", "NAME_FIELD": "XMMC",
        "LANDCLASS_FIELD": "GHDL", "OUTPUT": str(tmp_path)})
    projects = Counter(f["XMBH"] for f in source.getFeatures())
    assert len(exported["FILES"]) == len(projects)
    imported, _ = run_algorithm("sgnr:importcoordtxt", {
        "FOLDER": str(tmp_path), "OUTPUT": "TEMPORARY_OUTPUT", "REPORT": "TEMPORARY_OUTPUT"})
    layer = imported["OUTPUT"]
    assert layer.featureCount() == source.featureCount()
    to_file = QgsCoordinateTransform(source.crs(), layer.crs(), QgsProject.instance())
    got = {(f["XMBH"], f["DKBH"]): f for f in layer.getFeatures()}
    for original in source.getFeatures():
        feature = got[(Path(str(original["XMBH"])).name.replace("/", "_"), original["DKBH"])]
        geometry = QgsGeometry(original.geometry())
        geometry.transform(to_file)
        assert geometry.hausdorffDistance(feature.geometry()) <= 1e-4
        assert (feature["DKMC"] or "", feature["DLBM"] or "") == \
            (str(original["XMMC"] or ""), str(original["GHDL"] or ""))


def test_sample_import_flags_the_planted_cases(processing_ready, tmp_path):
    """The generator's ground truth: the planted invalid geometry is the only error, and the
    clean projects' imported areas equal the truth's ellipsoidal areas."""
    truth = json.loads((TINY.parent / "ground_truth.json").read_text(encoding="utf-8"))
    farmland = [p for p in truth["projects"] if p["layer"] == "XM_BCGD"]
    source = QgsVectorLayer(f"{TINY}|layername=XM_BCGD", "farmland", "ogr")
    run_algorithm("sgnr:exportcoordtxt", {"INPUT": source, "OUTPUT": str(tmp_path)})
    imported, _ = run_algorithm("sgnr:importcoordtxt", {
        "FOLDER": str(tmp_path), "OUTPUT": "TEMPORARY_OUTPUT", "REPORT": "TEMPORARY_OUTPUT"})
    invalid = {p["project_id"] for p in farmland
               if any(r["rule_id"] == "geometry" for r in p["planted"])}
    errors = {(f["FILE"][:-4], f["CODE"]) for f in imported["REPORT"].getFeatures()
              if f["SEVERITY"] == "error"}
    assert invalid and errors == {(pid, "self-intersection") for pid in invalid}
    measured = Counter()
    for feature in imported["OUTPUT"].getFeatures():
        measured[feature["XMBH"]] += feature["JSMJ"] * 10_000
    clean = [p for p in farmland if p["clean"]]
    assert clean
    for project in clean:
        assert measured[project["project_id"]] == pytest.approx(project["area_m2"], abs=0.1)
