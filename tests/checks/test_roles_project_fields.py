"""What a project is (its id field) and what it declares (a total repeated on every parcel),
through ``sgnr:checkfarmland`` on hand-made layers. Expected areas come from pyproj
(``rect_area``), never from the plugin."""

from __future__ import annotations

import pytest

from tests.checks.helpers import dltb, layer, rect_area, rect_wkt, run_check

MU = 10000 / 15
FIELDS = {"XMBM": str, "XMMC": str, "SBMJ": float}


def survey():
    return dltb([(rect_wkt(-100, -100, 1000, 200), "0404", 0.0)])


def parcels(rows, fields=None):
    """Project parcels ``(wkt, attributes)`` in a layer named like a farmland project layer."""
    return layer("补充耕地项目", rows, fields or FIELDS)


def by_project(checked, findings):
    verdicts = {f["project_id"]: f for f in checked.getFeatures()}
    rules = {}
    for finding in findings.getFeatures():
        rules.setdefault(finding["project_id"], set()).add(finding["rule_id"])
    return verdicts, rules


@pytest.fixture
def same_name_projects():
    """Two projects of one name (different codes), and the first filed again under a new code
    on the same land (the re-filed duplicate the check must find)."""
    a, b = rect_wkt(0, 0, 100, 100), rect_wkt(500, 0, 600, 100)
    return parcels([(a, {"XMBM": "BCGD-1", "XMMC": "同名项目"}),
                    (b, {"XMBM": "BCGD-2", "XMMC": "同名项目"}),
                    (a, {"XMBM": "BCGD-3", "XMMC": "同名项目"})])


def test_a_project_code_in_xmbm_groups_the_projects_not_their_name(qgis_app, provider_registered,
                                                                   same_name_projects):
    _, findings, checked, _ = run_check("sgnr:checkfarmland", {
        "PROJECTS": same_name_projects, "DLTB": survey()})
    verdicts, rules = by_project(checked, findings)
    assert sorted(verdicts) == ["BCGD-1", "BCGD-2", "BCGD-3"]  # before: one “同名项目”
    assert "duplicate_project" in rules["BCGD-1"] and "duplicate_project" in rules["BCGD-3"]
    assert "duplicate_project" not in rules.get("BCGD-2", set())


def test_a_name_field_is_used_only_with_a_warning_naming_it(qgis_app, provider_registered):
    layer_ = parcels([(rect_wkt(0, 0, 100, 100), {"XMMC": "甲"}),
                      (rect_wkt(500, 0, 600, 100), {"XMMC": "乙"})],
                     {"XMMC": str})
    _, _, checked, feedback = run_check("sgnr:checkfarmland", {
        "PROJECTS": layer_, "DLTB": survey()})
    assert sorted(f["project_id"] for f in checked.getFeatures()) == ["乙", "甲"]
    log = feedback.textLog()
    assert "no project code field" in log and "“XMMC”" in log and "same name" in log


def test_an_id_field_that_merges_projects_is_named_with_the_projects(
        qgis_app, provider_registered, same_name_projects):
    _, _, checked, feedback = run_check("sgnr:checkfarmland", {
        "PROJECTS": same_name_projects, "DLTB": survey(), "PROJECT_ID_FIELD": "XMMC"})
    assert [f["project_id"] for f in checked.getFeatures()] == ["同名项目"]  # as asked
    log = feedback.textLog()
    assert "“XMMC”" in log and "not unique per project" in log
    assert "同名项目: BCGD-1, BCGD-2, BCGD-3" in log and "“XMBM”" in log


def test_a_declared_total_repeated_on_every_parcel_is_not_summed(qgis_app, provider_registered):
    r1, r2 = (0, 0, 100, 100), (200, 0, 300, 150)
    total_mu = (rect_area(*r1) + rect_area(*r2)) / MU
    s1, s2 = (500, 0, 600, 100), (700, 0, 760, 100)
    layer_ = parcels([(rect_wkt(*r1), {"XMBM": "R", "SBMJ": total_mu}),
                      (rect_wkt(*r2), {"XMBM": "R", "SBMJ": total_mu}),
                      (rect_wkt(*s1), {"XMBM": "S", "SBMJ": rect_area(*s1) / MU}),
                      (rect_wkt(*s2), {"XMBM": "S", "SBMJ": rect_area(*s2) / MU})])
    _, findings, checked, feedback = run_check("sgnr:checkfarmland", {
        "PROJECTS": layer_, "DLTB": survey(), "DECLARED_AREA_FIELD": "SBMJ",
        "DECLARED_AREA_UNIT": 2})
    verdicts, rules = by_project(checked, findings)
    assert verdicts["R"]["declared_m2"] == pytest.approx(total_mu * MU, rel=1e-9)
    assert verdicts["S"]["declared_m2"] == pytest.approx(rect_area(*s1) + rect_area(*s2),
                                                         rel=1e-9)
    assert "area_mismatch" not in rules.get("R", set()) | rules.get("S", set())
    assert verdicts["R"]["verdict"] == "pass"
    log = feedback.textLog()
    assert "“SBMJ”" in log and "same value on every parcel" in log and "R: 2 parcels" in log
    assert "S: 2" not in log


def test_declared_area_of_parcels():
    from sg_nr_plugin.core.checks.project_fields import declared_area

    assert declared_area([{"A": 2.0}, {"A": 2.0}], "A", 10.0).m2 == 20.0  # a total
    assert declared_area([{"A": 2.0}, {"A": 2.0}], "A", 10.0).repeated
    assert declared_area([{"A": 2.0}, {"A": 3.0}], "A", 10.0).m2 == 50.0
    assert declared_area([{"A": 2.0}], "A", 10.0) == declared_area([{"A": "2"}], "A", 10.0)
    assert not declared_area([{"A": 2.0}], "A", 10.0).repeated  # one parcel: its own
    assert declared_area([{"A": 2.0}, {"A": None}], "A", 1.0).m2 == 2.0  # not all given
    assert declared_area([{"A": None}], "A", 1.0).m2 is None
    assert declared_area([{"A": 2.0}], None, 1.0).m2 is None
