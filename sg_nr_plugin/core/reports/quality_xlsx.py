"""The 数据体检 workbook: a summary sheet (profile, field mapping, findings by check) and the
findings, one row each."""

from __future__ import annotations

from ...i18n import tr
from ..quality import COLUMNS, QualityReport
from .book import Book


def write_quality_xlsx(report: QualityReport, path) -> None:
    book = Book()
    summary = book.sheet(tr("Summary"))
    book.title(summary, tr("DLTB data health check: {layer}").format(layer=report.layer_name), 3)
    rows = [(tr("Layer"), report.layer_name), (tr("Features"), report.features),
            (tr("Profile"), report.profile_label()), (tr("Recognised by"), report.reason or "—"),
            (tr("Error-level findings"), report.errors)]
    row = 4
    for key, value in rows:
        book.header(summary, row, 1, key)
        book.text(summary, row, 2, value)
        row += 1
    row += 1
    book.header(summary, row, 1, tr("Standard field"))
    book.header(summary, row, 2, tr("Field of the layer"))
    for standard, name in report.field_map.items():
        row += 1
        book.text(summary, row, 1, standard)
        book.text(summary, row, 2, name)
    row += 2
    for column, title in enumerate((tr("Check"), tr("Severity"), tr("Findings")), start=1):
        book.header(summary, row, column, title)
    for (check, severity), count in sorted(report.counts().items()):
        row += 1
        book.text(summary, row, 1, check)
        book.text(summary, row, 2, severity)
        book.number(summary, row, 3, count, 0)
    summary.column_dimensions["A"].width = 24
    summary.column_dimensions["B"].width = 40
    sheet = book.sheet(tr("Findings"))
    for column, title in enumerate(COLUMNS, start=1):
        book.header(sheet, 1, column, title)
    for row, finding in enumerate(report.findings, start=2):
        for column, value in enumerate(finding.row(), start=1):
            book.text(sheet, row, column, "" if value is None else value)
    sheet.column_dimensions["G"].width = 100
    sheet.freeze_panes = sheet.cell(2, 1)
    book.save(path)
