"""``sgnr:checkpaddy`` through Processing: parameters, both sinks and the plan progress."""

from __future__ import annotations

import pytest

from sg_nr_plugin.i18n import tr
from tests.checks.helpers import (
    X0,
    Y0,
    close,
    dltb,
    layer,
    projects,
    rect_area,
    rect_wkt,
    run_check,
)

ALG = "sgnr:checkpaddy"
MU = 10000 / 15
A, B, C = (0, 0, 300, 300), (500, 0, 800, 300), (1000, 0, 1300, 300)  # 135 mu each


@pytest.fixture
def inputs(qgis_app):
    parcels = projects([("A", rect_wkt(*A), {"XZQDM": "440205", "ZT": "已验收"}),
                        ("B", rect_wkt(*B), {"XZQDM": "440205", "ZT": "在建"}),
                        ("C", rect_wkt(*C), {"XZQDM": "440204", "ZT": "已验收"})],
                       {"XZQDM": str, "ZT": str})
    survey = dltb([(rect_wkt(-100, -100, 150, 400), "0103", 0.0),
                   (rect_wkt(150, -100, 1400, 400), "0204", 0.0),
                   (rect_wkt(-100, 400, 1400, 420), "1107", 0.0)])  # a ditch along the north
    hazards = layer("hazards", [(f"POINT({X0 + 650} {Y0 + 450})", {})], geometry="Point")
    red = layer("red", [(rect_wkt(1000, 0, 1100, 300), {})])
    return {"PROJECTS": parcels, "DLTB": survey, "HAZARDS": hazards, "ECO_REDLINE": red}


def run_alg(parameters):
    return run_check(ALG, parameters)


def test_algorithm_outputs_verdicts_findings_and_figures(provider_registered, inputs):
    _, findings, checked, feedback = run_alg(inputs)
    rows = {f["project_id"]: f for f in checked.getFeatures()}
    assert {k: rows[k]["verdict"] for k in rows} == {"A": "pass", "B": "fail", "C": "fail"}
    assert rows["A"]["kind_zh"] == "混合" and rows["C"]["kind_zh"] == "垦造"
    assert close(rows["A"]["upgrade_m2"], rect_area(0, 0, 150, 300))
    assert close(rows["A"]["new_cultivated_m2"], rect_area(150, 0, 300, 300))
    assert close(rows["A"]["new_paddy_mu"], rect_area(*A) / MU)
    assert close(rows["C"]["new_paddy_m2"], rect_area(1100, 0, 1300, 300))
    assert rows["A"]["blocks"] == 1 and close(rows["A"]["block_max_m2"], rect_area(*A))
    assert "public_forest" in rows["A"]["not_checked"]
    by_rule = {(f["project_id"], f["rule_id"]): f for f in findings.getFeatures()}
    assert by_rule[("B", "hazard")]["severity"] == "error"
    assert ("A", "hazard") not in by_rule  # 150 m from B's edge, 350 m from A's
    assert ("A", "water_source") not in by_rule  # the ditch is 100 m north
    assert "Rule “Public-welfare forest” not checked" in feedback.textLog()  # its title


def test_water_layer_parameter(provider_registered, inputs):
    no_ditch = dltb([(rect_wkt(-100, -100, 1400, 400), "0204", 0.0)])
    river = layer("river", [(f"LINESTRING({X0 - 100} {Y0 + 700}, {X0 + 1400} {Y0 + 700})", {})],
                  geometry="LineString")
    _, findings, _, _ = run_alg({**inputs, "DLTB": no_ditch})
    assert {f["project_id"] for f in findings.getFeatures()
            if f["rule_id"] == "water_source"} == {"A", "B", "C"}
    _, findings, _, _ = run_alg({**inputs, "DLTB": no_ditch, "WATER": river})
    assert not [f for f in findings.getFeatures() if f["rule_id"] == "water_source"]


def test_excel_report_shows_plan_progress(provider_registered, inputs, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "report.xlsx"
    run_alg({**inputs, "OUTPUT_XLSX": str(target)})
    summary = openpyxl.load_workbook(target).worksheets[0]
    rows = [r for r in summary.iter_rows(values_only=True) if r and r[0]]
    start = next(i for i, r in enumerate(rows) if str(r[0]).startswith(tr("Paddy plan progress")))
    assert "10000" in str(rows[start][1])
    table = {r[0]: r for r in rows[start + 2:]}
    accepted_a = rect_area(*A) / MU
    accepted_c = rect_area(1100, 0, 1300, 300) / MU  # C minus its red-line part
    assert table["440205"][1] == "曲江区" and table["440205"][3] == 1
    assert close(table["440205"][4], accepted_a)
    assert close(table["440205"][5], accepted_a + rect_area(*B) / MU)  # B checked, not accepted
    assert close(table["440204"][4], accepted_c)
    total = table[tr("Total")]
    assert total[2] == 3 and total[3] == 2
    assert close(total[4], accepted_a + accepted_c)
    assert close(total[6], 100 * (accepted_a + accepted_c) / 10000)


def test_processing_run_as_from_the_toolbox(qgis_processing, provider_registered, inputs):
    import processing

    results = processing.run(ALG, {**inputs, "OUTPUT_FINDINGS": "memory:",
                                   "OUTPUT_PROJECTS": "memory:"})
    assert results["OUTPUT_PROJECTS"].featureCount() == 3
