"""The check workbook (checkfarmland, checkpaddy, checkmine): 汇总 summary (one row per project),
核查问题 findings (one row per finding, m² and 亩), 规则与输入 rules and inputs (rule set id and
version, unconfirmed thresholds, rules not checked, input layers with their feature counts),
charts of the verdicts and of the conflict area by rule, and the audit trail.

Written in the report's language (``language``); a column that is also a field of the output
layers is headed "label field" (``labels.field_column``).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ...i18n import tr
from ..checks.findings import MU_PER_M2, severity_label, verdict_label
from .charts import bar_chart
from .check_report import CheckReport
from .excel import new_sheet, require_openpyxl, safe_cell, save_workbook
from .labels import field_column
from .language import chinese, pick

SUMMARY_FIELDS = ("project_id", "verdict", "area_m2", "area_mu", "declared_m2", "n_error",
                  "n_warning", "n_info", "not_checked")
MAX_WIDTH = 60


def write_report(report: CheckReport, path: str | Path) -> Path:
    """Write the workbook (temporary name, then moved into place)."""
    openpyxl = require_openpyxl()
    workbook = openpyxl.Workbook()
    summary = workbook.active
    summary.title = tr("Summary")
    _summary_sheet(summary, report)
    _findings_sheet(new_sheet(workbook, tr("Findings")), report)
    _rules_sheet(new_sheet(workbook, tr("Rules and inputs")), report)
    _charts_sheet(new_sheet(workbook, tr("Charts")), report)
    if report.hook is not None:
        report.hook(workbook, report)
    return save_workbook(workbook, path)


def write_rows(sheet, rows, start: int = 1) -> None:
    """Rows of values from row ``start``; column widths from their text (at most 60; longer
    text wraps inside its cell instead of spilling over the next)."""
    from openpyxl.styles import Alignment

    for r, values in enumerate(rows, start=start):
        for c, value in enumerate(values, start=1):
            cell = sheet.cell(row=r, column=c)
            safe_cell(cell, value)
            if isinstance(value, str) and _width(value) > MAX_WIDTH:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        width = max(_width(str(cell.value or "")) for cell in column[:200])
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 8),
                                                                     MAX_WIDTH)


def _width(text: str) -> int:
    """Display width: a CJK character takes two columns."""
    return sum(2 if ord(ch) > 0x2e7f else 1 for ch in text)


def _summary_sheet(sheet, report: CheckReport) -> None:
    rows = [[field_column(name) for name in (*SUMMARY_FIELDS, *report.quota_names)]]
    for row in report.rows:
        rows.append([row.project_id, verdict_label(row.verdict), row.area_m2,
                     row.area_m2 * MU_PER_M2, row.declared_m2, *row.counts, row.not_checked,
                     *(row.quotas.get(name) for name in report.quota_names)])
    counts = report.verdict_counts()
    total = sum(r.area_m2 for r in report.rows)
    rows.append([])
    rows.append([tr("Total"), ", ".join(f"{verdict_label(k)} {v}" for k, v in counts.items()),
                 total, total * MU_PER_M2])
    write_rows(sheet, rows)


def _findings_sheet(sheet, report: CheckReport) -> None:
    message = "message" if chinese() else "message_en"
    rows = [[field_column(name) for name in ("project_id", "rule_id", "severity", "area_m2",
                                             "area_mu", message)]]
    for project_id, rule_id, severity, area_m2, area_mu, zh, en in report.findings:
        rows.append([project_id, rule_id, severity_label(severity), area_m2, area_mu,
                     pick(zh, en)])
    write_rows(sheet, rows)


def rule_rows(report: CheckReport) -> list[list]:
    """Per rule: status, reason, severity, findings, projects and Σ area (m², 亩)."""
    rows = []
    for rule_id, cfg in report.ruleset.rules.items():
        if rule_id in report.not_checked:
            status, reason = tr("not checked"), report.not_checked[rule_id]
        elif rule_id in report.partial:
            status, reason = tr("partly checked"), report.partial[rule_id]
        elif rule_id in report.disabled:
            status, reason = tr("disabled"), ""
        else:
            status, reason = tr("checked"), ""
        hits = [f for f in report.findings if f[1] == rule_id]
        area = sum(f[3] for f in hits)
        rows.append([rule_id, status, reason, severity_label(cfg.severity), len(hits),
                     len({f[0] for f in hits}), area, area * MU_PER_M2])
    return rows


def _rules_sheet(sheet, report: CheckReport) -> None:
    ruleset = report.ruleset
    rows = [[tr("Item"), tr("Value"), tr("Note")],
            [tr("Check"), report.title, ""],
            [tr("Rule set"), ruleset.id, pick(ruleset.title_zh, ruleset.title_en)],
            [tr("Version"), ruleset.version, ruleset.origin],
            [tr("Check date"), str(report.check_date or ""), ""],
            [tr("Generated"), datetime.now().strftime("%Y-%m-%d %H:%M:%S"), ""],
            [],
            [tr("Threshold"), tr("Value"), tr("Note")]]
    for t in ruleset.thresholds.values():
        status = "" if t.confirmed else tr("unconfirmed") + "; "
        rows.append([t.key, t.value, f"{status}{unit_text(t.unit)}; {threshold_note(t)}"])
    rows.append([])
    rows.append([field_column("rule_id"), tr("Rule status"), tr("Reason"), tr("Severity"),
                 tr("Findings (count)"), tr("Projects (count)"), tr("Σ area (m²)"),
                 tr("Σ area (mu)")])
    rows += rule_rows(report)
    rows.append([])
    rows += input_rows(report.inputs, report.read_counts)
    write_rows(sheet, rows)


def _charts_sheet(sheet, report: CheckReport) -> None:
    """The verdict counts and the conflict area by rule, as tables and bar charts."""
    verdicts = report.verdict_counts()
    rules = [(row[0], row[7]) for row in rule_rows(report)]
    write_rows(sheet, [[tr("Verdict"), tr("Projects (count)")],
                       *([verdict_label(k), v] for k, v in verdicts.items())])
    rule_start = len(verdicts) + 3
    write_rows(sheet, [[field_column("rule_id"), tr("Conflict area (mu)")], *rules],
               start=rule_start)
    bar_chart(sheet, "D1", tr("Projects by verdict"), (2, 2, 1, 1 + len(verdicts)),
              (1, 2, 1 + len(verdicts)), tr("Projects (count)"))
    bar_chart(sheet, "D17", tr("Conflict area by rule (mu)"),
              (2, 2, rule_start, rule_start + len(rules)),
              (1, rule_start + 1, rule_start + len(rules)), tr("mu"), horizontal=True,
              height=max(7.5, 2.0 + 0.7 * len(rules)))


def threshold_note(threshold) -> str:
    """The threshold's note in the report's language (``note_zh`` of the rule set, if any)."""
    return pick(threshold.note_zh or threshold.note, threshold.note)


def unit_text(unit: str) -> str:
    """A threshold's unit as written in the rule set, in the report's language."""
    return {"m2": "m²", "mu": tr("mu"), "ratio": tr("ratio"), "degree": "°",
            "4*pi*A/P^2": "4πA/P²", "m (DEM units)": tr("m (DEM units)")}.get(unit, unit)


def input_rows(inputs, read_counts=None) -> list[list]:
    """The inputs of a run with what was read of each (shared by the check and ledger
    workbooks): a header, then role, layer name, feature count (a raster: its size) and, when
    the run kept them (``read_counts``), the features actually read — a check reads the DLTB
    and control layers only under the projects."""
    if read_counts is None:
        return [[tr("Input"), tr("Layer"), tr("Features")],
                *([role, name, count] for role, name, count in inputs)]
    return [[tr("Input"), tr("Layer"), tr("Features"), tr("Features read")],
            *([role, name, count, read_counts.read(name) if role != "DEM" else ""]
              for role, name, count in inputs)]

