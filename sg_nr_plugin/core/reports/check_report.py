"""The check report: collected while the run streams, written as an .xlsx at the end.

Sheets: 汇总 summary (one row per project), 问题 findings (one row per finding, m² and 亩),
说明 about (rule set id and version, unconfirmed thresholds, rules not checked, input layers
with their feature counts, check date). Only attributes are kept, never geometry, so a run over
thousands of projects stays small in memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ...i18n import tr
from ..checks.findings import MU_PER_M2, SEVERITY_ZH, VERDICT_ZH
from .excel import new_sheet, require_openpyxl, safe_cell, save_workbook


@dataclass
class ReportRow:
    project_id: str
    verdict: str
    area_m2: float
    declared_m2: float | None
    counts: tuple[int, int, int]
    not_checked: str
    quotas: dict


@dataclass
class CheckReport:
    title: str
    ruleset: object
    not_checked: dict[str, str]
    partial: dict[str, str]
    disabled: list[str]
    inputs: list[tuple[str, str, object]]  # (role, layer name, feature count or raster size)
    check_date: date | None
    quota_names: list[str]
    rows: list[ReportRow] = field(default_factory=list)
    findings: list[tuple] = field(default_factory=list)
    hook: Callable | None = None  # CheckSpec.report_hook of the check kind
    read_counts: object | None = None  # core.reading.ReadCounts, filled while the check runs

    @classmethod
    def start(cls, title: str, ruleset, check, inputs) -> CheckReport:
        listed = [("PROJECTS", inputs.projects)] + [
            (role, source) for role, source in inputs.layers.items() if source is not None]
        described = [(role, inputs.layer_names.get(role, role), source.featureCount())
                     for role, source in listed]
        if inputs.dem is not None:  # a raster: its size, not a feature count of 0
            described.append(("DEM", inputs.dem.name(),
                              f"{inputs.dem.width()} × {inputs.dem.height()} 像元 cells"))
        return cls(title, ruleset, dict(check.not_checked), dict(check.partial),
                   list(check.disabled), described, inputs.check_date,
                   [name for name, _ in check.spec.quota_fields],
                   hook=getattr(check.spec, "report_hook", None),
                   read_counts=getattr(inputs, "read_counts", None))

    def add(self, result) -> None:
        counts = (result.count("error"), result.count("warning"), result.count("info"))
        self.rows.append(ReportRow(result.project_id, result.verdict, result.area_m2,
                                   result.declared_m2, counts, ", ".join(result.not_checked),
                                   dict(result.quotas)))
        for f in result.findings:
            self.findings.append((f.project_id, f.rule_id, f.severity, f.area_m2, f.area_mu,
                                  f.message_zh, f.message_en))

    def verdict_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(VERDICT_ZH, 0)
        for row in self.rows:
            counts[row.verdict] += 1
        return counts

    def summary_line(self) -> str:
        counts = self.verdict_counts()
        return tr("{n} projects checked: {fail} fail, {fix} need fixing, {ok} pass").format(
            n=len(self.rows), fail=counts["fail"], fix=counts["needs_fixing"],
            ok=counts["pass"])


def write_report(report: CheckReport, path: str | Path) -> Path:
    """Write the workbook (temporary name, then moved into place)."""
    openpyxl = require_openpyxl()
    workbook = openpyxl.Workbook()
    _summary_sheet(workbook.active, report)
    _findings_sheet(new_sheet(workbook, "问题 Findings"), report)
    _about_sheet(new_sheet(workbook, "说明 About"), report)
    if report.hook is not None:
        report.hook(workbook, report)
    return save_workbook(workbook, path)


def _write_rows(sheet, rows) -> None:
    for r, values in enumerate(rows, start=1):
        for c, value in enumerate(values, start=1):
            safe_cell(sheet.cell(row=r, column=c), value)
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column[:200])
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8), 60)


def _summary_sheet(sheet, report: CheckReport) -> None:
    sheet.title = "汇总 Summary"
    header = ["项目编号 project_id", "结论 verdict", "面积 area_m2", "面积(亩) area_mu",
              "申报面积 declared_m2", "错误 errors", "警告 warnings", "提示 infos",
              "未核查 not_checked", *report.quota_names]
    rows = [header]
    for row in report.rows:
        rows.append([row.project_id, f"{VERDICT_ZH[row.verdict]} {row.verdict}", row.area_m2,
                     row.area_m2 * MU_PER_M2, row.declared_m2, *row.counts, row.not_checked,
                     *(row.quotas.get(name) for name in report.quota_names)])
    counts = report.verdict_counts()
    rows.append([])
    rows.append(["合计 total", ", ".join(f"{VERDICT_ZH[k]} {v}" for k, v in counts.items()),
                 sum(r.area_m2 for r in report.rows),
                 sum(r.area_m2 for r in report.rows) * MU_PER_M2])
    _write_rows(sheet, rows)


def _findings_sheet(sheet, report: CheckReport) -> None:
    rows = [["项目编号 project_id", "规则 rule_id", "级别 severity", "面积 area_m2",
             "面积(亩) area_mu", "说明", "message"]]
    for project_id, rule_id, severity, area_m2, area_mu, zh, en in report.findings:
        rows.append([project_id, rule_id, f"{SEVERITY_ZH.get(severity, severity)} {severity}",
                     area_m2, area_mu, zh, en])
    _write_rows(sheet, rows)


def _about_sheet(sheet, report: CheckReport) -> None:
    ruleset = report.ruleset
    rows = [["项目 item", "值 value", "备注 note"],
            ["核查 check", report.title, ""],
            ["规则集 rule set", ruleset.id, f"{ruleset.title_zh} / {ruleset.title_en}"],
            ["版本 version", ruleset.version, ruleset.origin],
            ["核查日期 check date", str(report.check_date or ""), ""],
            ["生成时间 generated", datetime.now().strftime("%Y-%m-%d %H:%M:%S"), ""],
            []]
    rows.append(["阈值 threshold", "值 value", "说明 note"])
    for t in ruleset.thresholds.values():
        status = "" if t.confirmed else "未确认 unconfirmed; "
        rows.append([t.key, t.value, f"{status}{t.unit}; {t.note}"])
    rows.append([])
    rows.append(["规则 rule", "状态 status", "原因 reason", "级别 severity", "问题数 findings",
                 "项目数 projects", "面积 Σ area_m2", "面积(亩) Σ area_mu"])
    for rule_id, cfg in ruleset.rules.items():
        if rule_id in report.not_checked:
            status, reason = "未核查 not checked", report.not_checked[rule_id]
        elif rule_id in report.partial:
            status, reason = "部分核查 partly checked", report.partial[rule_id]
        elif rule_id in report.disabled:
            status, reason = "已停用 disabled", ""
        else:
            status, reason = "已核查 checked", ""
        hits = [f for f in report.findings if f[1] == rule_id]
        area = sum(f[3] for f in hits)
        rows.append([rule_id, status, reason, f"{SEVERITY_ZH[cfg.severity]} {cfg.severity}",
                     len(hits), len({f[0] for f in hits}), area, area * MU_PER_M2])
    rows.append([])
    rows += input_rows(report.inputs, report.read_counts)
    _write_rows(sheet, rows)


def input_rows(inputs, read_counts=None) -> list[list]:
    """The inputs of a run with what was read of each (shared by the check and ledger
    workbooks): a header, then role, layer name, feature count (a raster: its size) and, when
    the run kept them (``read_counts``), the features actually read — a check reads the DLTB
    and control layers only under the projects."""
    if read_counts is None:
        return [["输入图层 input", "图层 layer", "要素数 features"],
                *([role, name, count] for role, name, count in inputs)]
    return [["输入图层 input", "图层 layer", "要素数 features", "已读取 read"],
            *([role, name, count, read_counts.read(name) if role != "DEM" else ""]
              for role, name, count in inputs)]
