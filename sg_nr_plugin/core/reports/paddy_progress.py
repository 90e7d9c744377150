"""Plan progress of paddy reclamation, added to the check report's summary sheet.

The plan asks for at least 1.0万亩 of new paddy in the period (threshold ``plan_target_mu``).
What counts is the new paddy of *accepted* projects (status value accepted by the status
vocabulary project_status.json, plus the user's accepted value), by county and in total; the
new paddy of every checked project is shown beside it for comparison, and projects whose status
is unknown are counted in their own column, never as “not accepted”. Called through
``CheckSpec.report_hook`` (core.reports.check_report).
"""

from __future__ import annotations

from ...i18n import tr
from ..checks.findings import MU_PER_M2
from ..checks.paddy_plan import plan_progress
from ..regions import SHAOGUAN_COUNTIES
from .excel import safe_cell


def progress_rows(rows, target_mu: float) -> list[list]:
    """The plan-progress table: header, one row per county, the total against the target."""
    table = [[tr("Paddy plan progress"),
              tr("Plan target {target} mu").format(target=f"{target_mu:g}")],
             [tr("County code"), tr("County"), tr("Projects (count)"), tr("Accepted projects"),
              tr("Accepted new paddy (mu)"), tr("Checked new paddy (mu)"),
              tr("Share of target (%)"), tr("Unknown status")]]
    progress = plan_progress(rows)
    for code in sorted(progress):
        item = progress[code]
        table.append([code or "-", SHAOGUAN_COUNTIES.get(code, tr("unknown")), item.projects,
                      item.accepted, item.accepted_m2 * MU_PER_M2, item.checked_m2 * MU_PER_M2,
                      _share(item.accepted_m2, target_mu), item.unknown])
    accepted_m2 = sum(p.accepted_m2 for p in progress.values())
    table.append([tr("Total"), "", sum(p.projects for p in progress.values()),
                  sum(p.accepted for p in progress.values()), accepted_m2 * MU_PER_M2,
                  sum(p.checked_m2 for p in progress.values()) * MU_PER_M2,
                  _share(accepted_m2, target_mu), sum(p.unknown for p in progress.values())])
    if any(p.unknown for p in progress.values()):
        table.append([tr("Projects of unknown status are not counted as accepted: see the run "
                         "log for the field and values.")])
    return table


def _share(area_m2: float, target_mu: float) -> float | None:
    return 100.0 * area_m2 * MU_PER_M2 / target_mu if target_mu > 0 else None


def add_plan_progress(workbook, report) -> None:
    """Append the plan-progress table below the projects of the summary sheet."""
    from openpyxl.styles import Alignment

    sheet = workbook.worksheets[0]
    start = sheet.max_row + 2
    target = report.ruleset.threshold("plan_target_mu")
    for r, values in enumerate(progress_rows(report.rows, target), start=start):
        for c, value in enumerate(values, start=1):
            safe_cell(sheet.cell(row=r, column=c), value)
    note = sheet.cell(row=sheet.max_row, column=1)
    if isinstance(note.value, str) and len(note.value) > 40:  # wrapped over the table's width
        sheet.merge_cells(start_row=note.row, start_column=1, end_row=note.row, end_column=8)
        note.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.row_dimensions[note.row].height = 32
