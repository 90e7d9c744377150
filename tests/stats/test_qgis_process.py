"""All four statistics algorithms from the command line (qgis_process), in one test: each
qgis_process start costs seconds."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsVectorLayer

from tests.stats.helpers import CONTROL_BY_COUNTY, dltb_layer, write_gpkg
from tools.build_zip import build
from tools.qgis_env import prepare_home, run


def run_json(env, algorithm: str, parameters: dict) -> dict:
    arguments = ["run", algorithm, "--json"] + [f"--{k}={v}" for k, v in parameters.items()]
    result = run(arguments, env, timeout=300)
    assert result.returncode == 0, f"{algorithm}:\n{result.stdout}\n{result.stderr}"
    return json.loads(result.stdout)["results"]


@pytest.mark.slow
def test_four_statistics_algorithms_from_qgis_process(tmp_path, qgis_app):
    from tests.stats.test_changematrix import vintages
    from tests.stats.test_indicators import redline
    from tests.stats.test_overlaystats import overlapping_overlay

    env = prepare_home(build(tmp_path / "sg_nr_plugin.zip"), tmp_path / "home")
    dltb = write_gpkg(dltb_layer(), tmp_path / "dltb.gpkg").source()
    overlay = write_gpkg(overlapping_overlay(), tmp_path / "overlay.gpkg").source()
    red = write_gpkg(redline(), tmp_path / "redline.gpkg").source()
    base, current = (write_gpkg(layer, tmp_path / f"{name}.gpkg").source()
                     for layer, name in zip(vintages(), ("base", "current")))

    summary = run_json(env, "sgnr:landusesummary", {
        "ALLOW_UNRECOGNISED": True,
        "INPUT": dltb, "REGION_LEVEL": 1, "UNIT": 0, "OUTPUT": tmp_path / "lu.gpkg",
        "OUTPUT_XLSX": tmp_path / "lu.xlsx"})
    layer = QgsVectorLayer(summary["OUTPUT"], "lu", "ogr")
    assert sum(f["area"] for f in layer.getFeatures()) == pytest.approx(
        sum(CONTROL_BY_COUNTY.values()))
    assert (tmp_path / "lu.xlsx").stat().st_size > 0

    overlay_result = run_json(env, "sgnr:overlaystats", {
        "INPUT": dltb, "OVERLAY": overlay, "AREA_MODE": 1, "REGION_LEVEL": 1,
        "OUTPUT": tmp_path / "ov.gpkg"})
    assert QgsVectorLayer(overlay_result["OUTPUT"], "ov", "ogr").featureCount() == 2

    matrix = run_json(env, "sgnr:changematrix", {
        "BASE": base, "CURRENT": current, "CLASS_LEVEL": 1, "REGION_LEVEL": 0,
        "OUTPUT": tmp_path / "cm.gpkg", "OUTPUT_XLSX": tmp_path / "cm.xlsx"})
    assert QgsVectorLayer(matrix["OUTPUT"], "cm", "ogr").featureCount() >= 4

    indicators = run_json(env, "sgnr:planindicators", {
        "ALLOW_UNRECOGNISED": True,
        "DLTB": dltb, "ECO_REDLINE": red, "REGION_LEVEL": 1,
        "OUTPUT": tmp_path / "pi.gpkg", "OUTPUT_XLSX": tmp_path / "pi.xlsx"})
    rows = list(QgsVectorLayer(indicators["OUTPUT"], "pi", "ogr").getFeatures())
    statuses = {(f["region_code"], f["indicator_id"]): f["status"] for f in rows}
    assert statuses["", "basic_farmland"] == "未计算"
    assert statuses["", "eco_redline"] in ("达标", "未达标")
