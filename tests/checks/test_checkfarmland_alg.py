"""``sgnr:checkfarmland`` through Processing: parameters, both sinks, styling and the report."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
)

from sg_nr_plugin.i18n import tr
from tests.checks.helpers import close, dltb, layer, projects, rect_area, rect_wkt, run_check

ALG = "sgnr:checkfarmland"


@pytest.fixture
def inputs(qgis_app):
    parcels = projects([("A", rect_wkt(0, 0, 100, 100), {"MJ": 15.0}),
                        ("B", rect_wkt(300, 0, 400, 100), {"MJ": 15.0}),
                        ("C", rect_wkt(600, 0, 700, 100), {"MJ": 15.0})], {"MJ": float})
    survey = dltb([(rect_wkt(-10, -10, 800, 110), "0404", 0.0)])
    red = layer("red", [(rect_wkt(0, 0, 50, 100), {})])
    urban = layer("urban", [(rect_wkt(300, 0, 320, 100), {})])
    return {"PROJECTS": parcels, "DLTB": survey, "ECO_REDLINE": red, "URBAN_BOUNDARY": urban,
            "DECLARED_AREA_FIELD": "MJ", "DECLARED_AREA_UNIT": 2}


def run_alg(parameters):
    return run_check(ALG, parameters)[:3]


def test_algorithm_outputs_verdicts_findings_and_quotas(provider_registered, inputs):
    _, findings, checked = run_alg(inputs)
    rows = {f["project_id"]: f for f in checked.getFeatures()}
    assert {k: rows[k]["verdict"] for k in rows} == {
        "A": "fail", "B": "needs_fixing", "C": "pass"}
    assert rows["A"]["verdict_zh"] == "不通过"
    assert close(rows["A"]["new_cultivated_m2"], rect_area(50, 0, 100, 100))
    assert close(rows["B"]["new_cultivated_m2"], rect_area(320, 0, 400, 100))
    assert close(rows["C"]["area_m2"], rect_area(600, 0, 700, 100))
    assert "steep_slope" not in rows["C"]["not_checked"]  # partly checked (GDPDJB), listed
    assert "eco_redline" not in rows["C"]["not_checked"]
    assert "public_forest" in rows["C"]["not_checked"]
    assert rows["C"]["partly_checked"] == "duplicate_project, steep_slope"
    by_rule = {(f["project_id"], f["rule_id"]): f for f in findings.getFeatures()}
    red = by_rule[("A", "eco_redline")]
    assert red["severity"] == "error" and close(red["area_m2"], rect_area(0, 0, 50, 100))
    assert close(red.geometry().area(), 50 * 100, rel=1e-9)
    assert by_rule[("B", "urban_boundary")]["severity"] == "warning"
    assert findings.featureCount() == len(by_rule)


def test_algorithm_writes_the_excel_report(provider_registered, inputs, tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    target = tmp_path / "report.xlsx"
    results, _, _ = run_alg({**inputs, "OUTPUT_XLSX": str(target)})
    assert results["OUTPUT_XLSX"] == str(target) and target.is_file()
    workbook = openpyxl.load_workbook(target)
    summary, findings_sheet, about = workbook.worksheets[:3]
    ids = [row[0] for row in summary.iter_rows(min_row=2, values_only=True) if row[0]]
    assert ids[:3] == ["A", "B", "C"]
    assert findings_sheet.max_row == 1 + 2  # header + red line (A) + urban boundary (B)
    about_text = " ".join(str(c) for row in about.iter_rows(values_only=True) for c in row if c)
    assert "gd-farmland-default" in about_text and "2023.3" in about_text
    assert tr("unconfirmed") in about_text and "public_forest" in about_text
    rule_rows = {row[0]: row for row in about.iter_rows(values_only=True) if row[0]}
    assert rule_rows["public_forest"][1] == tr("not checked")
    assert rule_rows["eco_redline"][1] == tr("checked") and rule_rows["eco_redline"][4] == 1
    assert close(rule_rows["eco_redline"][6], rect_area(0, 0, 50, 100))
    assert rule_rows["steep_slope"][1] == tr("partly checked")
    assert not list(tmp_path.glob("*.part"))


def test_only_selected_projects(provider_registered, inputs):
    parcels = inputs["PROJECTS"]
    parcels.selectByExpression("\"XMBH\" = 'B'")
    _, _, checked = run_alg({**inputs, "ONLY_SELECTED": True})
    assert [f["project_id"] for f in checked.getFeatures()] == ["B"]


def test_bad_ruleset_file_names_the_key(provider_registered, inputs, tmp_path):
    bad = tmp_path / "rules.json"
    bad.write_text('{"id": "x", "version": "1", "kind": "farmland", '
                   '"title": {"zh": "x", "en": "x"}, "thresholds": {}, "class_sets": {}, '
                   '"rules": {"geometry": {"severity": "fatal"}}}', encoding="utf-8")
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALG)
    feedback = QgsProcessingFeedback()
    _, ok = algorithm.run({**inputs, "RULESET": str(bad), "OUTPUT_FINDINGS": "memory:",
                           "OUTPUT_PROJECTS": "memory:"}, QgsProcessingContext(), feedback)
    assert not ok
    assert "rules.geometry.severity" in feedback.textLog()
    assert "Traceback" not in feedback.textLog()


def test_processing_run_as_from_the_toolbox(qgis_processing, provider_registered, inputs):
    import processing

    results = processing.run(ALG, {**inputs, "OUTPUT_FINDINGS": "memory:",
                                   "OUTPUT_PROJECTS": "memory:"})
    assert results["OUTPUT_PROJECTS"].featureCount() == 3


def test_only_selected_still_sees_unselected_duplicates(provider_registered, inputs):
    parcels = projects([("A", rect_wkt(0, 0, 100, 100), {}),
                        ("B", rect_wkt(50, 0, 150, 100), {})])
    parcels.selectByExpression("\"XMBH\" = 'A'")
    _, findings, checked = run_alg({"PROJECTS": parcels, "DLTB": inputs["DLTB"],
                                    "ONLY_SELECTED": True})
    assert [f["project_id"] for f in checked.getFeatures()] == ["A"]
    [duplicate] = [f for f in findings.getFeatures() if f["rule_id"] == "duplicate_project"]
    assert close(duplicate["area_m2"], rect_area(50, 0, 100, 100))


def test_result_layers_are_styled_by_severity_and_verdict(provider_registered, inputs):
    from sg_nr_plugin.processing.presentation import PresentationPostProcessor

    _, findings, checked = run_alg(inputs)
    for layer_, style, field, values in (
            (findings, "check_findings.qml", "severity", {"error", "warning", "info"}),
            (checked, "check_projects.qml", "verdict", {"fail", "needs_fixing", "pass"})):
        PresentationPostProcessor.create(style).postProcessLayer(layer_, None, None)
        renderer = layer_.renderer()
        assert renderer.type() == "RuleRenderer"
        for scale in renderer.rootRule().children():  # polygons near, markers far
            assert {r.description() for r in scale.children()} == {
                f"{field}:{value}" for value in values}


def test_nothing_to_check_is_a_clear_error(provider_registered, inputs):
    for parcels, selected, expected in ((projects([]), False, "has no features"),
                                        (inputs["PROJECTS"], True, "is selected")):
        parcels.removeSelection()
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(ALG)
        feedback = QgsProcessingFeedback()
        _, ok = algorithm.run({"PROJECTS": parcels, "ONLY_SELECTED": selected,
                               "OUTPUT_FINDINGS": "memory:", "OUTPUT_PROJECTS": "memory:"},
                              QgsProcessingContext(), feedback)
        assert not ok and expected in feedback.textLog()
