"""The 审计信息 (About) sheet every workbook gets: the audit trail of the run (``audit``)."""

from __future__ import annotations

from ...i18n import tr
from .audit import AuditTrail, audit_rows
from .excel import new_sheet, safe_cell


def add_audit_sheet(workbook, trail: AuditTrail) -> None:
    """Append the trail to the workbook's About sheet (a statistics workbook already names its
    sources and class sets there), or add that sheet."""
    from openpyxl.styles import Alignment, Font

    title = tr("About")
    sheet = next((s for s in workbook.worksheets if s.title == title), None)
    if sheet is None:
        sheet, row = new_sheet(workbook, title), 1
    else:
        row = sheet.max_row + 2
    safe_cell(sheet.cell(row, 1), tr("Audit trail: how to reproduce this result"))
    sheet.cell(row, 1).font = Font(bold=True, size=12)
    for label, value in audit_rows(trail):
        row += 1
        safe_cell(sheet.cell(row, 1), label)
        sheet.cell(row, 1).font = Font(bold=True)
        safe_cell(sheet.cell(row, 2), value)
        sheet.cell(row, 2).alignment = Alignment(wrap_text=True, vertical="top")
    sheet.column_dimensions["A"].width = max(sheet.column_dimensions["A"].width or 0, 30)
    sheet.column_dimensions["B"].width = max(sheet.column_dimensions["B"].width or 0, 90)
