"""Workbooks of overlaystats and changematrix (land use: book.py; 表1: indicators_xlsx.py)."""

from __future__ import annotations

from ...i18n import tr
from ..stats.common import StatsMeta
from ..units import unit_label
from .book import Book
from .excel import safe_cell


def write_overlay_xlsx(frame, path, unit: int) -> None:
    book = Book()
    sheet = book.sheet(tr("Overlay statistics"))
    headers = [tr("Region code"), tr("Region name"),
               tr("Input area ({unit})").format(unit=unit_label(unit)),
               tr("Area inside ({unit})").format(unit=unit_label(unit)),
               tr("Share inside (%)"), tr("Parcels")]
    book.title(sheet, tr("Overlay area statistics (unit: {unit})").format(
        unit=unit_label(unit)), len(headers))
    for column, text in enumerate(headers, start=1):
        book.header(sheet, 4, column, text)
    row = 5
    for record in frame.itertuples():
        book.text(sheet, row, 1, record.region_code)
        book.text(sheet, row, 2, record.region_name)
        book.area(sheet, row, 3, record.area_input, unit)
        book.area(sheet, row, 4, record.area_inside, unit)
        book.number(sheet, row, 5, record.share_pct, 2)
        book.number(sheet, row, 6, record.parcels, 0)
        row += 1
    if len(frame) > 1:
        total, inside = frame.area_input.sum(), frame.area_inside.sum()
        safe_cell(sheet.cell(row, 2), tr("Total"))
        book.area(sheet, row, 3, total, unit)
        book.area(sheet, row, 4, inside, unit)
        book.number(sheet, row, 5, 100.0 * inside / total if total > 0 else 0.0, 2)
        book.number(sheet, row, 6, frame.parcels.sum(), 0)
    sheet.column_dimensions["B"].width = 18
    book.provenance(frame.attrs.get("meta") or StatsMeta(), unit)
    book.save(path)


def write_change_xlsx(frame, path, unit: int) -> None:
    """One sheet per region: base classes as rows, current classes as columns, totals."""
    book = Book()
    for region, part in frame.groupby("region_code", sort=True):
        name = part.region_name.iloc[0]
        sheet = book.sheet(f"{region or tr('Total')}")
        sources = sorted(set(zip(part.from_class, part.from_name)))
        targets = sorted(set(zip(part.to_class, part.to_name)))
        book.title(sheet, tr("Land-class change matrix {region} (unit: {unit})").format(
            region=name, unit=unit_label(unit)), len(targets) + 2)
        book.header(sheet, 4, 1, tr("Base (rows) / current (columns)"))
        for column, (code, label) in enumerate(targets, start=2):
            book.header(sheet, 4, column, f"{code} {label}")
        book.header(sheet, 4, len(targets) + 2, tr("Total"))
        cells = {(r.from_class, r.to_class): r.area_m2 for r in part.itertuples()}
        for row, (code, label) in enumerate(sources, start=5):
            book.header(sheet, row, 1, f"{code} {label}")
            for column, (target, _label) in enumerate(targets, start=2):
                book.area(sheet, row, column, cells.get((code, target), 0.0), unit)
            book.area(sheet, row, len(targets) + 2,
                      sum(v for (s, _t), v in cells.items() if s == code), unit)
        total_row = 5 + len(sources)
        book.header(sheet, total_row, 1, tr("Total"))
        for column, (target, _label) in enumerate(targets, start=2):
            book.area(sheet, total_row, column,
                      sum(v for (_s, t), v in cells.items() if t == target), unit)
        book.area(sheet, total_row, len(targets) + 2, sum(cells.values()), unit)
        sheet.column_dimensions["A"].width = 20
    if frame.empty:
        book.title(book.sheet(tr("Change matrix")), tr("No overlapping parcels"), 1)
    book.provenance(frame.attrs.get("meta") or StatsMeta(), unit)
    book.save(path)
