"""sgnr:balanceledger on hand-built occupation and replenishment layers (areas by pyproj.Geod)."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

from sg_nr_plugin.i18n import tr
from tests.checks.helpers import close, layer, rect_area, rect_wkt

TOWN_A = "4402040010010000000"  # county 440204
TOWN_B = "4402040010020000000"
TOWN_C = "4402050010010000000"  # county 440205


@pytest.fixture
def survey():
    fields = {"DLBM": str, "KCXS": float, "ZLDWDM": str, "GDDB": str, "TBMJ": float}
    return layer("DLTB", [
        (rect_wkt(0, 0, 100, 100), {"DLBM": "0103", "KCXS": 0.1, "ZLDWDM": TOWN_A, "GDDB": "6"}),
        (rect_wkt(100, 0, 200, 100), {"DLBM": "0101", "KCXS": 0.0, "ZLDWDM": TOWN_B,
                                      "GDDB": "4"}),
        (rect_wkt(0, 100, 200, 200), {"DLBM": "0404", "KCXS": 0.0, "ZLDWDM": TOWN_C}),
        (rect_wkt(200, 0, 300, 200), {"DLBM": "0307", "KCXS": 0.0, "ZLDWDM": TOWN_C}),
    ], fields)


@pytest.fixture
def occupation():
    return layer("JSZY", [
        (rect_wkt(50, 0, 150, 50), {"PZNF": 2021}),
        (rect_wkt(50, 0, 80, 80), {"PZNF": 2021}),  # overlaps the first: common land once
        (rect_wkt(0, 0, 50, 100), {"PZNF": 2022}),
        (rect_wkt(0, 0, 100, 100), {"PZNF": 2019}),  # before the year range
    ], {"PZNF": int})


@pytest.fixture
def replenishment():
    fields = {"XMBH": str, "ND": int, "ZT": str, "GHDL": str, "DB": float}
    return layer("XM_BCGD", [
        (rect_wkt(0, 120, 100, 200), {"XMBH": "R1", "ND": 2021, "ZT": "已验收", "GHDL": "0101",
                                      "DB": 5.0}),
        (rect_wkt(100, 120, 200, 200), {"XMBH": "R2", "ND": 2021, "ZT": "在建",
                                        "GHDL": "0101"}),
        (rect_wkt(220, 0, 300, 50), {"XMBH": "R3", "ND": 2022, "ZT": "已验收", "GHDL": "0103",
                                     "DB": 7.0}),
    ], fields)


def run_ledger(parameters):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("sgnr:balanceledger")
    context = QgsProcessingContext()
    results, ok = algorithm.run({"OUTPUT": "memory:", **parameters}, context,
                                QgsProcessingFeedback())
    assert ok
    table = context.takeResultLayer(results["OUTPUT"])
    return results, {(f["region_code"], f["year"] if f["year"] else None): f
                     for f in table.getFeatures()}


def test_ledger_by_county_and_year(provider_registered, survey, occupation, replenishment,
                                   tmp_path):
    results, rows = run_ledger({
        "OCCUPATION": occupation, "OCCUPATION_YEAR_FIELD": "PZNF",
        "REPLENISHMENT": replenishment, "REPLENISHMENT_YEAR_FIELD": "ND",
        "STATUS_FIELD": "ZT", "PLANNED_CLASS_FIELD": "GHDL", "GRADE_FIELD": "DB",
        "DLTB": survey, "REGION_LEVEL": 1, "YEAR_FROM": 2020,
        "OUTPUT_XLSX": str(tmp_path / "ledger.xlsx")})
    dry_2021 = 0.9 * (rect_area(50, 0, 100, 50) + rect_area(50, 50, 80, 80))
    paddy_2021 = rect_area(100, 0, 150, 50)
    a21 = rows[("440204", 2021)]
    assert close(a21["occupied_m2"], dry_2021 + paddy_2021)
    assert close(a21["occupied_paddy_m2"], paddy_2021)
    assert close(a21["balance_m2"], -(dry_2021 + paddy_2021))
    assert close(a21["occupied_grade"], (6 * dry_2021 + 4 * paddy_2021) / (dry_2021 + paddy_2021))
    assert close(rows[("440204", 2022)]["occupied_m2"], 0.9 * rect_area(0, 0, 50, 100))
    r1, r3 = rect_area(0, 120, 100, 200), rect_area(220, 0, 300, 50)
    assert close(rows[("440205", 2021)]["replenished_m2"], r1)
    assert close(rows[("440205", 2021)]["replenished_paddy_m2"], r1)
    assert close(rows[("440205", 2022)]["replenished_m2"], r3)
    assert close(rows[("440205", 2022)]["replenished_grade"], 7.0)
    assert ("440204", 2019) not in rows
    total = rows[("", None)]
    occupied = dry_2021 + paddy_2021 + 0.9 * rect_area(0, 0, 50, 100)
    assert close(total["balance_m2"], r1 + r3 - occupied)
    assert close(total["balance_mu"], (r1 + r3 - occupied) * 15 / 10000)
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(results["OUTPUT_XLSX"]).active
    header = [c.value for c in sheet[2]]
    balance_col = header.index(next(h for h in header if h.endswith(" balance_mu"))) + 1
    negative = [sheet.cell(row=r, column=balance_col) for r in range(3, sheet.max_row + 1)
                if (sheet.cell(row=r, column=balance_col).value or 0) < 0]
    assert negative and all(cell.font.color.rgb == "FFC00000" for cell in negative)
    assert sheet.cell(row=sheet.max_row, column=2).value == tr("Total")


def test_ledger_reads_a_farmland_check_projects_layer(provider_registered, survey, occupation):
    checked = layer("checked", [
        (rect_wkt(0, 120, 100, 200), {"project_id": "R1", "verdict": "pass", "ND": 2021,
                                      "new_cultivated_m2": 5000.0, "new_paddy_m2": 1000.0,
                                      "grade": 6.0, "zldwdm": TOWN_C}),
        (rect_wkt(220, 0, 300, 50), {"project_id": "R9", "verdict": "fail", "ND": 2021,
                                     "new_cultivated_m2": 999.0, "new_paddy_m2": 0.0,
                                     "zldwdm": TOWN_C}),
    ], {"project_id": str, "verdict": str, "ND": int, "new_cultivated_m2": float,
        "new_paddy_m2": float, "grade": float, "zldwdm": str})
    _, rows = run_ledger({
        "OCCUPATION": occupation, "OCCUPATION_YEAR_FIELD": "PZNF", "REPLENISHMENT": checked,
        "REPLENISHMENT_YEAR_FIELD": "ND", "DLTB": survey, "REGION_LEVEL": 2})
    town = rows[("440205001", 2021)]
    assert town["replenished_m2"] == 5000.0 and town["replenished_paddy_m2"] == 1000.0
    assert ("440204001", 2019) in rows  # no year range: every year


@pytest.mark.parametrize("role, field, value", [
    ("OCCUPATION", "XH", "3"),  # a sequence number, as QGIS's dialog offers fid first
    ("REPLENISHMENT", "XMBH", "R1"),  # a name or code
])
def test_a_year_field_that_holds_no_years_is_refused(qgis_processing, provider_registered,
                                                     survey, replenishment, role, field,
                                                     value):
    """#18 review: the ledger dialog starts the year field on the layer's first field (fid);
    the ledger then counted years 1, 2, 3… (or left every project out) and succeeded."""
    import processing
    from qgis.core import QgsProcessingException

    occupation = layer("JSZY", [(rect_wkt(50, 0, 150, 50), {"PZNF": 2021, "XH": 3})],
                       {"PZNF": int, "XH": int})
    parameters = {"OCCUPATION": occupation, "OCCUPATION_YEAR_FIELD": "PZNF",
                  "REPLENISHMENT": replenishment, "REPLENISHMENT_YEAR_FIELD": "ND",
                  "DLTB": survey, "OUTPUT": "memory:"}
    parameters[f"{role}_YEAR_FIELD"] = field
    with pytest.raises(QgsProcessingException) as raised:
        processing.run("sgnr:balanceledger", parameters, feedback=QgsProcessingFeedback())
    message = str(raised.value)
    assert f"field “{field}”" in message and f"“{value}”" in message, message
    assert "is not a year (1900–2100)" in message, message
    assert "JSZY" in message or "XM_BCGD" in message, message
