"""The check-sheet writer (core/reports/pdf_sheets.py) on hand-made sheets: pages that grow
with the findings, the audit page, the label and template files. PDFs read with poppler."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry, QgsRectangle
from qgis.PyQt.QtCore import QVariant

POPPLER = ("pdfinfo", "pdftotext")
needs_poppler = pytest.mark.skipif(not all(shutil.which(t) for t in POPPLER),
                                   reason="poppler-utils is not installed (make setup)")
CRS = QgsCoordinateReferenceSystem("EPSG:4526")  # CGCS2000 / 3-degree GK zone 38
X0, Y0 = 38_460_000.0, 2_735_000.0


def sheet_run():
    from sg_nr_plugin.core.reports.pdf_data import SheetRun

    return SheetRun("farmland", "补充耕地项目核查单", "rs-id", "9.9", "测试规则集",
                    [("陡坡坡度", "steep_slope_deg", "25", "度")], "2026-01-02")


def sheet(project_id: str, findings: int, verdict: str = "fail"):
    from sg_nr_plugin.core.reports.pdf_data import ProjectSheet

    rows = [("占用生态保护红线", "错误", "1.00", "0.0015", f"问题 {project_id}-{i:03d} " * 6)
            for i in range(findings)]
    return ProjectSheet(project_id, f"{project_id} 项目", "曲江区（440205）", verdict,
                        {"fail": "不通过", "pass": "通过"}[verdict], ("100.00", "0.1500"),
                        None, 1, rows, [("新增耕地", "100.00 m²（0.1500 亩）")])


def layers(ids: list[str]):
    from sg_nr_plugin.core.reports.pdf_layers import memory_layer
    from sg_nr_plugin.core.reports.pdf_sheets import SheetLayers

    rows = [(QgsGeometry.fromRect(QgsRectangle(X0 + 500 * i, Y0, X0 + 500 * i + 200, Y0 + 200)),
             [pid]) for i, pid in enumerate(ids)]
    coverage = memory_layer("核查项目", CRS, [("project_id", QVariant.String)], rows)
    return SheetLayers(coverage, [], CRS)


def text_pages(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.split("\f")[:-1]


@needs_poppler
def test_findings_add_pages_and_the_audit_page_comes_last(qgis_app, tmp_path):
    from sg_nr_plugin.core.reports.pdf_sheets import write_check_sheets

    pdf = tmp_path / "sheets.pdf"
    audit = [("输入图层 DLTB", "sha256 0123abcd"), ("插件版本", "1.2.3")]
    write_check_sheets(pdf, sheet_run(), [sheet("A", 80), sheet("B", 1), sheet("C", 0, "pass")],
                       layers(["A", "B", "C"]), audit_rows=audit)
    pages = text_pages(pdf)
    of = {pid: [i for i, t in enumerate(pages) if f"· {pid} ·" in t] for pid in "ABC"}
    assert len(of["A"]) >= 3  # 80 findings do not fit on one page: the table goes on
    assert len(of["B"]) == 2 and len(of["C"]) == 2  # and the next sheets are two pages again
    assert of["A"][-1] < of["B"][0] < of["C"][0]
    body = "".join(pages[i] for i in of["A"])
    assert all(f"A-{i:03d}" in body for i in range(80))  # every finding printed, none lost
    assert "未发现问题" in "".join(pages[i] for i in of["C"])
    assert "审计信息" in pages[-1] and "sha256 0123abcd" in pages[-1] and "1.2.3" in pages[-1]
    assert not any("审计信息" in page for page in pages[:-1])


@needs_poppler
def test_no_audit_page_without_rows(qgis_app, tmp_path):
    from sg_nr_plugin.core.reports.pdf_sheets import write_check_sheets

    pdf = tmp_path / "sheets.pdf"
    write_check_sheets(pdf, sheet_run(), [sheet("A", 1)], layers(["A"]))
    pages = text_pages(pdf)
    assert len(pages) == 2 and not any("审计信息" in page for page in pages)


def test_a_broken_template_is_named_and_no_pdf_written(qgis_app, tmp_path):
    from sg_nr_plugin.core.reports.pdf_layout import TemplateError
    from sg_nr_plugin.core.reports.pdf_sheets import write_check_sheets

    template = tmp_path / "bureau.qpt"
    template.write_text("<Layout", encoding="utf-8")
    pdf = tmp_path / "sheets.pdf"
    with pytest.raises(TemplateError, match="bureau.qpt.*not a QGIS layout template"):
        write_check_sheets(pdf, sheet_run(), [sheet("A", 1)], layers(["A"]), template=template)
    assert list(tmp_path.iterdir()) == [template]


def test_every_rule_quota_and_threshold_has_a_chinese_label(qgis_app):
    from sg_nr_plugin.core.checks.farmland import FARMLAND
    from sg_nr_plugin.core.checks.mine import MINE
    from sg_nr_plugin.core.checks.paddy import PADDY
    from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
    from sg_nr_plugin.core.reports.pdf_labels import sheet_labels

    labels = sheet_labels()
    for spec in (FARMLAND, PADDY, MINE):
        assert spec.kind in labels.kinds
        for rule_id in spec.rule_ids:  # from the rule sets: no id printed as it is
            assert re.search("[\u4e00-\u9fff]", labels.rule(rule_id)), rule_id
        bases = {name[:-3] if name.endswith(("_m2", "_mu")) else name
                 for name, _ in spec.quota_fields}
        assert bases - set(labels.hidden_quotas) <= set(labels.quotas), spec.kind
        ruleset = builtin_ruleset(spec.kind)
        assert set(ruleset.thresholds) <= set(labels.thresholds), spec.kind
        assert {t.unit for t in ruleset.thresholds.values()} - {"4*pi*A/P^2", "m (DEM units)"} \
            <= set(labels.units)


def test_a_malformed_labels_file_names_file_and_key(qgis_app, tmp_path):
    from sg_nr_plugin.core.reports.pdf_labels import LabelsError, load_labels
    from sg_nr_plugin.paths import resource_path

    data = json.loads(resource_path("data", "report_labels.json").read_text("utf-8"))
    data["quotas"] = ["new_cultivated"]
    path = tmp_path / "labels.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LabelsError, match="labels.json.*“quotas”"):
        load_labels(path)
    del data["version"]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(LabelsError, match="labels.json.*“version”"):
        load_labels(path)


def test_sheets_name_rules_as_the_rule_sets_and_panels_do(qgis_app):
    """One source for a rule's Chinese name: the sheet printed its own list (占用公益林 where
    the panel said 公益林) and the raw id of a rule missing from it (mining_right_expired)."""
    from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
    from sg_nr_plugin.core.reports.pdf_labels import sheet_labels

    labels = sheet_labels()
    mine = builtin_ruleset("mine")
    for rule_id in ("mining_right_expired", "eco_redline"):
        assert labels.rule(rule_id) == mine.rule(rule_id).title_zh
    assert labels.rule("public_forest") == "公益林"
    assert labels.rule("contiguity") == builtin_ruleset("paddy").rule("contiguity").title_zh
    farmland = builtin_ruleset("farmland")
    steep = dataclasses.replace(farmland.rule("steep_slope"), title_zh="坡度过陡（本局）")
    custom = dataclasses.replace(farmland, rules={**farmland.rules, "steep_slope": steep})
    assert labels.rule("steep_slope", custom) == "坡度过陡（本局）"
    assert labels.rule("no_such_rule") == "no_such_rule"


def test_the_pdf_gets_the_mode_of_any_new_file(qgis_app, tmp_path):
    """Written under a private temporary name (0600), the file is then given the mode a new
    file gets (0666 less the umask): a sheet on a shared folder stays readable."""
    import os

    from sg_nr_plugin.core.reports.pdf_sheets import write_check_sheets

    pdf = tmp_path / "sheets.pdf"
    write_check_sheets(pdf, sheet_run(), [sheet("A", 1)], layers(["A"]))
    probe = tmp_path / "probe"
    probe.touch()
    assert pdf.stat().st_mode & 0o777 == probe.stat().st_mode & 0o777
    assert os.access(pdf, os.R_OK)


@needs_poppler
def test_a_project_without_geometry_gets_no_map(qgis_app, tmp_path):
    """Every parcel of B was left out as damaged: its sheet shows no map (not A's)."""
    from sg_nr_plugin.core.reports.pdf_layers import memory_layer
    from sg_nr_plugin.core.reports.pdf_sheets import SheetLayers, write_check_sheets

    rows = [(QgsGeometry.fromRect(QgsRectangle(X0, Y0, X0 + 200, Y0 + 200)), ["A"]),
            (QgsGeometry(), ["B"]),
            (QgsGeometry.fromRect(QgsRectangle(X0 + 900, Y0, X0 + 1100, Y0 + 200)), ["C"])]
    coverage = memory_layer("核查项目", CRS, [("project_id", QVariant.String)], rows)
    pdf = tmp_path / "sheets.pdf"
    write_check_sheets(pdf, sheet_run(), [sheet("A", 1), sheet("B", 1), sheet("C", 1)],
                       SheetLayers(coverage, [], CRS))
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    pages_with_image = {int(line.split()[0]) for line in listing if line.split()[2] == "image"}
    assert pages_with_image == {1, 5}  # the maps of A and C; B's first page (3) has none
    assert "项目编号：B" in text_pages(pdf)[2]


@pytest.mark.parametrize("frame", ["quotas_frame", "thresholds_frame"])
def test_a_table_frame_too_small_for_its_rows_is_refused(qgis_app, tmp_path, frame):
    """A bureau shrank a fixed table frame: rows would be cut off, so no PDF and a message
    that names the table and the fix (the findings table adds pages instead)."""
    from qgis.core import QgsLayoutSize, QgsProject, QgsReadWriteContext

    from sg_nr_plugin.core.reports.pdf_layout import CHECK_TEMPLATE, TemplateError, load_template
    from sg_nr_plugin.core.reports.pdf_sheets import write_check_sheets

    project = QgsProject()
    layout = load_template(project, CHECK_TEMPLATE)
    item = layout.itemById(frame)
    item.attemptResize(QgsLayoutSize(item.rect().width(), 8))
    template = tmp_path / "small.qpt"
    assert layout.saveAsTemplate(str(template), QgsReadWriteContext())
    pdf = tmp_path / "sheets.pdf"
    with pytest.raises(TemplateError, match=f"“{frame[:-6]}”.*small.qpt.*enlarge its frame"):
        write_check_sheets(pdf, sheet_run(), [sheet("A", 1)], layers(["A"]), template=template)
    assert not pdf.exists() and not list(tmp_path.glob(".sgnr*"))


@needs_poppler
def test_a_long_text_figure_is_printed_whole(qgis_app, tmp_path):
    """A mine project touching 40 legacy parcels: every id is printed in the figures."""
    from sg_nr_plugin.core.reports.pdf_sheets import write_check_sheets

    ids = [f"LS440233P{i:03d}" for i in range(40)]
    long = sheet("A", 1)
    long.quotas = [("修复矿山面积", "100.00 m²（0.1500 亩）"), ("涉及历史遗留矿山图斑数", "40"),
                   ("历史遗留矿山图斑编号", ", ".join(ids))]
    pdf = tmp_path / "sheets.pdf"
    write_check_sheets(pdf, sheet_run(), [long], layers(["A"]))
    first = text_pages(pdf)[0].replace("\n", " ")
    assert all(i in first for i in ids)
