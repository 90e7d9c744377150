"""``sgnr:checkmine`` through Processing on the tiny sample, against its ground truth."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsVectorLayer

from tests.checks.helpers import close
from tests.conftest import TINY
from tests.conftest import TINY_GPKG as GPKG

ROLES = {"PROJECTS": "XM_KSXF", "DLTB": "DLTB", "ECO_REDLINE": "STBHHX",
         "PROTECTED_AREAS": "ZRBHD", "URBAN_BOUNDARY": "CZKFBJ", "HAZARDS": "DZZHD",
         "LEGACY_MINES": "LSYLKS", "MINING_RIGHTS": "CKQ", "ROADS": "DL", "RIVERS": "HL"}

pytestmark = pytest.mark.skipif(not GPKG.is_file(), reason="data/tiny not generated")


@pytest.fixture(scope="module")
def truth():
    data = json.loads((TINY / "ground_truth.json").read_text(encoding="utf-8"))
    return data, [p for p in data["projects"] if p["check"] == "sgnr:checkmine"]


@pytest.fixture
def outputs(qgis_processing, provider_registered, truth, tmp_path):
    import processing

    parameters = {role: QgsVectorLayer(f"{GPKG}|layername={name}", name, "ogr")
                  for role, name in ROLES.items()}
    parameters.update({"DECLARED_AREA_FIELD": "SBMJ", "DECLARED_AREA_UNIT": 2,
                       "CHECK_DATE": truth[0]["check_date"], "OUTPUT_FINDINGS": "memory:",
                       "OUTPUT_PROJECTS": "memory:", "OUTPUT_XLSX": str(tmp_path / "mine.xlsx")})
    results = processing.run("sgnr:checkmine", parameters)
    findings = {}
    for feature in results["OUTPUT_FINDINGS"].getFeatures():
        findings.setdefault(feature["project_id"], []).append(feature)
    projects = {f["project_id"]: f for f in results["OUTPUT_PROJECTS"].getFeatures()}
    return results, findings, projects


def test_every_planted_mine_case_is_found_with_its_rule_and_area(outputs, truth):
    _, findings, projects = outputs
    for project in truth[1]:
        pid = project["project_id"]
        assert close(projects[pid]["area_m2"], project["area_m2"], rel=1e-6)
        assert projects[pid]["declared_mode"] == project["declared_mode"]
        found = {f["rule_id"]: f for f in findings.get(pid, [])}
        for planted in project["planted"]:
            assert planted["rule_id"] in found, (pid, planted)
            finding = found[planted["rule_id"]]
            if planted["severity"]:
                assert finding["severity"] == planted["severity"], (pid, planted)
            if planted["area_m2"] is not None:
                assert close(finding["area_m2"], planted["area_m2"], rel=1e-6), (pid, planted)
        planted_ids = {p["rule_id"] for p in project["planted"]}
        assert set(found) <= planted_ids, (pid, set(found) - planted_ids)


def test_clean_projects_pass(outputs, truth):
    _, findings, projects = outputs
    clean = [p["project_id"] for p in truth[1] if p["clean"]]
    assert clean
    for pid in clean:
        assert projects[pid]["verdict"] == "pass" and projects[pid]["verdict_zh"] == "通过"
        assert pid not in findings
        assert close(projects[pid]["restored_mine_m2"], projects[pid]["area_m2"], rel=1e-9)
        assert projects[pid]["legacy_parcels"] == 1


def test_figures_and_report(outputs):
    openpyxl = pytest.importorskip("openpyxl")
    results, _, projects = outputs
    natural = projects["KSXF-440205-006"]
    assert natural["suggested_mode"] == "工程治理" and "省道521线" in natural["suggested_why"]
    core = projects["KSXF-440205-007"]
    assert core["suggested_mode"] == "自然恢复"  # in a core zone: no engineering works
    valid = projects["KSXF-440205-003"]  # half on a valid right: the company's to restore
    assert close(valid["restored_mine_m2"], valid["area_m2"] - 11199.5995, rel=1e-6)
    workbook = openpyxl.load_workbook(results["OUTPUT_XLSX"])
    text = " ".join(str(c) for sheet in workbook.worksheets
                    for row in sheet.iter_rows(values_only=True) for c in row if c)
    assert "gd-mine-default" in text and "restored_mine_m2" in text
