"""Workbooks of overlaystats, changematrix and planindicators (the land-use one is in book.py)."""

from __future__ import annotations

from ...i18n import tr
from ..regions import WHOLE_CODE
from ..stats.common import StatsMeta
from ..units import unit_label
from .book import Book
from .excel import clean_text, safe_cell
from .language import pick


def table1_headers() -> tuple[str, ...]:
    return (tr("No."), tr("Indicator"), tr("Unit"), tr("2020 baseline"), tr("2025 target"),
            tr("Current value"), tr("Kind"), tr("Status"))

INDICATOR_DECIMALS = {"%": 2, "万亩": 4, "km²": 4, "亩": 2}


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


def write_indicators_xlsx(frame, path) -> None:
    """表1 layout for the whole area, one sheet per indicator by region, bar charts."""
    book = Book()
    total = frame[frame.region_code == WHOLE_CODE]
    sheet = book.sheet(tr("Table 1"))
    headers = table1_headers()
    book.title(sheet, tr("Main indicators of the 14th five-year plan"), len(headers))
    for column, text in enumerate(headers, start=1):
        book.header(sheet, 4, column, text)
    for row, record in enumerate(total.itertuples(), start=5):
        places = INDICATOR_DECIMALS.get(record.unit, 2)
        book.number(sheet, row, 1, row - 4, 0)
        for column, value in ((2, record.indicator), (3, record.unit), (7, record.kind)):
            book.text(sheet, row, column, value)
        for column, value in ((4, record.baseline_2020), (5, record.target_2025),
                              (6, record.value)):
            if _present(value):
                book.number(sheet, row, column, value, places)
            else:
                book.text(sheet, row, column, "—")
                sheet.cell(row, column).alignment = book.styles.Alignment(horizontal="center")
        book.wrapped(sheet, row, 8, _status(record))
    for column, width in (("B", 34), ("H", 40)):
        sheet.column_dimensions[column].width = width
    for indicator_id, part in frame.groupby("indicator_id", sort=False):
        _indicator_sheet(book, indicator_id, part)
    book.provenance(frame.attrs.get("meta") or StatsMeta())
    book.save(path)


def _status(record) -> str:
    return record.status + (f"（{record.reason}）" if record.reason else "")


def _present(value) -> bool:
    return value is not None and value == value  # NaN is missing


def _indicator_sheet(book: Book, indicator_id: str, part) -> None:
    first = part.iloc[0]
    sheet = book.sheet(pick(first.indicator, indicator_id))
    book.title(sheet, f"{first.indicator}（{first.unit}）", 4)
    for column, text in enumerate((tr("Region code"), tr("Region name"), tr("Value"),
                                   tr("Status")), start=1):
        book.header(sheet, 4, column, text)
    places = INDICATOR_DECIMALS.get(first.unit, 2)
    regions = part[part.region_code != WHOLE_CODE]
    for row, record in enumerate(part.itertuples(), start=5):
        book.text(sheet, row, 1, record.region_code)
        book.text(sheet, row, 2, record.region_name)
        if _present(record.value):
            book.number(sheet, row, 3, record.value, places)
        book.wrapped(sheet, row, 4, _status(record))
    safe_cell(sheet.cell(len(part) + 6, 1), tr("Definition: {text}").format(
        text=first.definition))
    sheet.column_dimensions["B"].width = 18
    sheet.column_dimensions["D"].width = 40
    if len(regions) > 1 and regions.value.notna().all():
        _bar_chart(book, sheet, first, len(regions))


def _bar_chart(book: Book, sheet, first, count: int) -> None:
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.title = clean_text(f"{first.indicator}（{first.unit}）")
    chart.y_axis.title = clean_text(str(first.unit))
    chart.legend = None
    chart.add_data(Reference(sheet, min_col=3, min_row=4, max_row=4 + count), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=2, min_row=5, max_row=4 + count))
    sheet.add_chart(chart, "F4")
