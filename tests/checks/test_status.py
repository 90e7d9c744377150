"""One meaning of “accepted project” for the paddy plan progress and the balance ledger:
stage and state values, other status/county field names, the ACCEPTED_VALUE parameter, and
unknown values reported by field, value and count (never silently “not accepted”)."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.schema.mine import SchemaError, parse_profile, profile, status_vocabulary
from sg_nr_plugin.i18n import tr
from tests.checks.helpers import close, dltb, layer, projects, rect_area, rect_wkt, run_check
from tests.checks.test_paddy import check, garden
from tests.reliability.helpers import WarningLog

MU = 10000 / 15
STATUSES = [("通过验收", 1), ("验收", 1), ("已验收", 1), ("竣工验收", 1), ("立项", 0),
            ("实施", 0), ("竣工", 0), ("在建", 0), ("搞定了", None), (None, None)]


def is_null(value) -> bool:
    return value is None or (hasattr(value, "isNull") and value.isNull())


def status_projects(field="项目阶段", county="县区代码"):
    rows = [(f"P{i}", rect_wkt(200 * i, 0, 200 * i + 100, 100),
             {field: value, county: "曲江区" if i % 2 else "440205"})
            for i, (value, _) in enumerate(STATUSES)]
    return projects(rows, {field: str, county: str})


def test_stage_and_state_values_of_the_status_field(qgis_app):
    _, results = check(status_projects(), {"county_field": "县区代码",
                                           "status_field": "项目阶段",
                                           "accepted_value": "已验收"}, DLTB=garden())
    got = [results[f"P{i}"].quotas["accepted"] for i in range(len(STATUSES))]
    assert got == [expected for _, expected in STATUSES]
    assert {results[f"P{i}"].quotas["county"] for i in range(len(STATUSES))} == {"440205"}


def test_accepted_value_extends_the_vocabulary(qgis_app):
    _, results = check(status_projects(), {"status_field": "项目阶段",
                                           "accepted_value": "竣工，搞定了"}, DLTB=garden())
    got = {value: results[f"P{i}"].quotas["accepted"] for i, (value, _) in enumerate(STATUSES)}
    assert got["竣工"] == 1 and got["搞定了"] == 1 and got["通过验收"] == 1 and got["立项"] == 0


def test_checkpaddy_other_field_names_unknown_values_and_plan_progress(provider_registered,
                                                                       tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    parcels = projects([("A", rect_wkt(0, 0, 300, 300), {"验收状态": "通过验收", "县区": "曲江区"}),
                        ("B", rect_wkt(500, 0, 800, 300), {"验收状态": "实施中", "县区": "曲江区"}),
                        ("C", rect_wkt(1000, 0, 1300, 300), {"验收状态": "已经好了",
                                                            "县区": "浈江区"})],
                       {"验收状态": str, "县区": str})
    survey = dltb([(rect_wkt(-100, -100, 1400, 400), "0204", 0.0),
                   (rect_wkt(-100, 400, 1400, 420), "1107", 0.0)])
    target = tmp_path / "report.xlsx"
    _, _, checked, feedback = run_check("sgnr:checkpaddy", {
        "PROJECTS": parcels, "DLTB": survey, "OUTPUT_XLSX": str(target)})
    rows = {f["project_id"]: f for f in checked.getFeatures()}
    assert (rows["A"]["accepted"], rows["B"]["accepted"]) == (1, 0)
    assert is_null(rows["C"]["accepted"])  # unknown, not “not accepted”
    assert rows["C"]["county"] == "440204"
    log = feedback.textLog()
    assert "验收状态" in log and "“已经好了” ×1" in log and "not in the vocabulary" in log
    summary = openpyxl.load_workbook(target).worksheets[0]
    table = [r for r in summary.iter_rows(values_only=True) if r and r[0]]
    start = next(i for i, r in enumerate(table) if str(r[0]).startswith(tr("Paddy plan progress")))
    by_county = {r[0]: r for r in table[start + 2:]}
    assert by_county["440205"][3] == 1 and close(by_county["440205"][4],
                                                 rect_area(0, 0, 300, 300) / MU)
    assert by_county["440204"][3] == 0 and by_county["440204"][7] == 1  # C: unknown status
    assert by_county[tr("Total")][7] == 1


def test_checkpaddy_without_a_status_field_says_so(provider_registered):
    parcels = projects([("A", rect_wkt(0, 0, 100, 100), {})])
    _, _, checked, feedback = run_check("sgnr:checkpaddy", {
        "PROJECTS": parcels, "DLTB": dltb([(rect_wkt(-100, -100, 200, 200), "0204", 0.0)])})
    assert "项目状态 / ZT" in feedback.textLog() and "县区代码 / XZQDM" in feedback.textLog()
    [row] = checked.getFeatures()
    assert is_null(row["accepted"])


# ---- the balance ledger --------------------------------------------------------------------
@pytest.fixture
def ledger_inputs(qgis_app):
    town = "4402050010010000000"
    survey = layer("DLTB", [(rect_wkt(0, 0, 400, 200), {"DLBM": "0404", "KCXS": 0.0,
                                                          "ZLDWDM": town})],
                   {"DLBM": str, "KCXS": float, "ZLDWDM": str})
    occupation = layer("JSZY", [(rect_wkt(0, 0, 10, 10), {"PZNF": 2021})], {"PZNF": int})
    replenishment = layer("XM_BCGD", [
        (rect_wkt(0, 0, 100, 100), {"XMBH": "R1", "ND": 2021, "项目状态": "通过验收"}),
        (rect_wkt(100, 0, 200, 100), {"XMBH": "R2", "ND": 2021, "项目状态": "实施"}),
        (rect_wkt(200, 0, 300, 100), {"XMBH": "R3", "ND": 2021, "项目状态": "弄完了"}),
    ], {"XMBH": str, "ND": int, "项目状态": str})
    return {"OCCUPATION": occupation, "OCCUPATION_YEAR_FIELD": "PZNF",
            "REPLENISHMENT": replenishment, "REPLENISHMENT_YEAR_FIELD": "ND", "DLTB": survey,
            "REGION_LEVEL": 1}


def _replenished(results):
    """Replenished area over the region rows (the totals row left out)."""
    return sum(f["replenished_m2"] or 0.0 for f in results["OUTPUT"].getFeatures()
               if f["region_code"])


def test_ledger_status_field_found_and_unknown_value_reported(provider_registered,
                                                             ledger_inputs):
    import processing

    feedback = WarningLog()
    results = processing.run("sgnr:balanceledger", {**ledger_inputs, "OUTPUT": "memory:"},
                             feedback=feedback)
    assert close(_replenished(results), rect_area(0, 0, 100, 100))  # R1 only
    [warning] = [w for w in feedback.warnings if "not in the vocabulary" in w]
    assert "项目状态" in warning and "“弄完了” ×1" in warning
    results = processing.run("sgnr:balanceledger", {**ledger_inputs, "OUTPUT": "memory:",
                                                    "ACCEPTED_VALUE": "弄完了"})
    assert close(_replenished(results), rect_area(0, 0, 100, 100) + rect_area(200, 0, 300, 100))


# ---- the data file ---------------------------------------------------------------------------
def test_status_vocabulary_is_validated_data():
    vocabulary = status_vocabulary("竣工")
    assert vocabulary.classify(" 通过验收 ") == "accepted" and vocabulary.classify("竣工") == \
        "accepted" and vocabulary.classify("立项") == "not_accepted"
    assert vocabulary.classify("未验收") == "not_accepted" and vocabulary.classify("x") is None
    bad = {"id": "x", "version": "1", "fields": {"status": {"aliases": ["ZT"]}},
           "vocabularies": {"status": {"field": "status", "classes": {
               "accepted": ["已验收"], "not_accepted": ["已验收"]}}}}
    with pytest.raises(SchemaError, match="bad.json.*vocabularies.status.classes"):
        parse_profile(bad, "bad.json")


def test_profile_fields_named_by_a_role_take_the_role_tables_names(qgis_app):
    """County, status, protected zone and declared mode are named once, in roles.json."""
    from sg_nr_plugin.core.schema.roles import role_table

    table = role_table()
    assert profile("status").fields["county"].aliases == table.aliases("COUNTY_FIELD")
    assert profile("status").fields["status"].aliases == table.aliases("STATUS_FIELD")
    assert profile("controls").fields["protected.zone"].aliases == table.aliases(
        "PROTECTED_ZONE_FIELD")
    assert profile("controls").fields["project.mode"].aliases == table.aliases(
        "DECLARED_MODE_FIELD")
    data = {"id": "x", "version": "1", "vocabularies": {},
            "fields": {"county": {"name_zh": "县", "role": "NO_SUCH_FIELD"}}}
    with pytest.raises(SchemaError, match=r"bad\.json.*fields\.county\.role"):
        parse_profile(data, "bad.json")
