"""sgnr:dltbquality (数据体检): each planted fault is found; clean data give no error."""

from __future__ import annotations

import shutil

import pytest
from qgis.core import QgsVectorLayer

from sg_nr_plugin.core.quality import ERROR, check_dltb_quality
from sg_nr_plugin.i18n import tr
from tests.conftest import TINY_GPKG
from tests.stats.helpers import X0, Y0, geodesic_area_rect, memory_layer, square_wkt
from tests.stats.survey2_helpers import second_layer

FIELDS = ("BSM:string(18)&field=ZLDWDM:string(19)&field=DLBM:string(8)&field=TBMJ:double"
          "&field=KCXS:double&field=KCMJ:double&field=TBDLMJ:double")
VILLAGE = "4402030010010000000"


def square_area(column: float) -> float:
    x = X0 + column
    return round(geodesic_area_rect(x, Y0, x + 10.0, Y0 + 10.0), 2)


def faulty_layer():
    """(BSM, column of a 10 m square, DLBM, TBMJ, KCXS, KCMJ, TBDLMJ), one fault each."""
    rows = []

    def add(bsm, column, code="0101", tbmj=None, kcxs=0.1, kcmj=None, tbdlmj=None, wkt=None):
        tbmj = square_area(column) if tbmj is None else tbmj
        kcmj = round(tbmj * kcxs, 2) if kcmj is None else kcmj
        tbdlmj = round(tbmj - kcmj, 2) if tbdlmj is None else tbdlmj
        rows.append((wkt or square_wkt(X0 + column, Y0, 10.0),
                     [bsm, VILLAGE, code, tbmj, kcxs, kcmj, tbdlmj]))

    add("C1", 0)                                   # clean
    add("F_CODE", 20, code="9999")                 # code_domain
    add("F_MEASURED", 40, tbmj=150.0)              # area_measured (TBMJ 150 for ~100 m²)
    add("F_NET", 60, tbdlmj=10.0)                  # area_net
    add("F_DEDUCT", 80, kcmj=50.0)                 # area_deduction (TBDLMJ follows KCMJ)
    add("C1", 100)                                 # duplicate_bsm
    add("F_COPY", 0)                               # duplicate_geometry of C1
    add("C8", 140)
    add("F_OVERLAP", 145)                          # overlaps C8 by 5 m × 10 m
    bowtie = (f"POLYGON(({X0 + 180} {Y0},{X0 + 190} {Y0 + 10},{X0 + 190} {Y0},"
              f"{X0 + 180} {Y0 + 10},{X0 + 180} {Y0}))")
    add("F_INVALID", 180, tbmj=0.0, kcxs=0.0, wkt=bowtie)  # invalid_geometry
    return memory_layer("DLTB_faulty", FIELDS, rows)


def found(report, severity=ERROR) -> set[tuple[str, str]]:
    return {(f.check, f.bsm) for f in report.findings if f.severity == severity}


def test_each_planted_fault_is_found(qgis_app):
    report = check_dltb_quality(faulty_layer(), "DLTB_faulty")
    errors = found(report)
    expected = {("code_domain", "F_CODE"), ("area_measured", "F_MEASURED"),
                ("area_net", "F_NET"), ("area_deduction", "F_DEDUCT"), ("duplicate_bsm", "C1"),
                ("duplicate_geometry", "C1"), ("overlap", "C8"),
                ("invalid_geometry", "F_INVALID")}
    assert expected <= errors
    extra = errors - expected
    # a bow-tie measured as it is gives a wrong area: the only other finding allowed
    assert extra <= {("area_measured", "F_INVALID")}, extra
    overlap = next(f for f in report.findings if f.check == "overlap")
    assert overlap.value == "F_OVERLAP"
    assert "50." in overlap.message or "49.9" in overlap.message  # ~50 m² of overlap
    assert report.profile == "third"
    assert report.field_map["DLBM"] == "DLBM" and report.field_map["TBMJ"] == "TBMJ"


def test_clean_tiny_fixture_has_no_error(qgis_app, tmp_path):
    copy = tmp_path / "tiny.gpkg"
    shutil.copy(TINY_GPKG, copy)
    layer = QgsVectorLayer(f"{copy}|layername=DLTB", "DLTB", "ogr")
    assert layer.isValid()
    report = check_dltb_quality(layer, "DLTB")
    assert report.features == layer.featureCount() > 0
    assert report.errors == 0, [f.message for f in report.findings if f.severity == ERROR][:5]


def test_second_survey_net_area_uses_linear_and_scattered(qgis_app):
    """二调 TBDLMJ = TBMJ − TKMJ − XZDWMJ − LXDWMJ: the 三调 rule would flag every parcel
    with linear features; only the planted one is wrong."""
    layer = second_layer()
    feature = next(layer.getFeatures())  # 011: TBMJ 1000, TKMJ 100, XZDWMJ 30
    layer.dataProvider().changeAttributeValues({feature.id(): {
        layer.fields().indexOf("TBDLMJ"): 900.0}})
    report = check_dltb_quality(layer, "DLTB2")
    assert report.profile == "second"
    net = [f for f in report.findings if f.check == "area_net"]
    assert [(f.bsm, f.value) for f in net] == [("B0", "900.00")]
    assert report.field_map["XZDWMJ"] == "XZDWMJ"
    assert not [f for f in report.findings if f.check == "code_domain"]


def test_numeric_second_survey_codes_are_in_the_domain(qgis_app):
    report = check_dltb_quality(second_layer(numeric=True), "DLTB2")
    assert report.profile == "second"
    assert not [f for f in report.findings if f.check == "code_domain"]


@pytest.fixture
def processing_ready(qgis_processing, provider_registered):
    import processing

    return processing


def test_algorithm_writes_findings_and_workbook(processing_ready, tmp_path):
    import openpyxl

    out, xlsx = tmp_path / "findings.gpkg", tmp_path / "findings.xlsx"
    result = processing_ready.run("sgnr:dltbquality", {
        "INPUT": faulty_layer(), "OUTPUT": str(out), "OUTPUT_XLSX": str(xlsx)})
    layer = QgsVectorLayer(result["OUTPUT"], "findings", "ogr")
    rows = [dict(zip(layer.fields().names(), f.attributes())) for f in layer.getFeatures()]
    assert {"check", "severity", "bsm", "feature_id", "field", "value", "message"} <= set(rows[0])
    assert ("overlap", "C8") in {(r["check"], r["bsm"]) for r in rows}
    workbook = openpyxl.load_workbook(xlsx)
    assert len(workbook.worksheets) == 3  # summary, findings, the audit trail (About)
    assert workbook.worksheets[2].title == tr("About")
    summary = [c for row in workbook.worksheets[0].iter_rows(values_only=True) for c in row]
    assert "overlap" in summary and "duplicate_bsm" in summary
    findings = list(workbook.worksheets[1].iter_rows(values_only=True))
    assert len(findings) == len(rows) + 1


def test_help_and_name_in_chinese(qgis_app):
    import re

    from sg_nr_plugin.i18n import install_translator, remove_translator
    from sg_nr_plugin.processing.algorithms.dltbquality import DltbQuality

    english = DltbQuality().shortHelpString()
    assert "overlap" in english and "Output" in english
    assert install_translator("zh_CN")
    try:
        chinese, name = DltbQuality().shortHelpString(), DltbQuality().displayName()
    finally:
        remove_translator()
    assert chinese != english and len(re.findall(r"[\u4e00-\u9fff]", chinese)) > 150
    assert "数据体检" in name


def test_missing_fields_are_findings_not_a_crash(qgis_app):
    layer = memory_layer("no_codes", "NAME:string", [(square_wkt(X0, Y0, 10.0), ["a"])])
    report = check_dltb_quality(layer, "no_codes")
    missing = {f.value for f in report.findings if f.check == "missing_field"}
    assert missing == {"DLBM", "TBMJ", "BSM"}
    assert {f.severity for f in report.findings if f.value in ("DLBM", "TBMJ")} == {ERROR}
