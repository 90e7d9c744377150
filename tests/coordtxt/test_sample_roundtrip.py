"""Round trip on the generated sample's farmland projects (data/tiny, layer XM_BCGD)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from qgis.core import QgsCoordinateTransform, QgsGeometry, QgsProject, QgsVectorLayer

from tests.conftest import ROOT
from tests.coordtxt.helpers import run_algorithm

TINY = ROOT / "data" / "tiny" / "shaoguan_tiny.gpkg"
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
