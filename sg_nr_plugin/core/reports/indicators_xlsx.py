"""The 表1 workbook of sgnr:planindicators: the 表1 sheet (whole area against the 2020 baseline
and the 2025 target) with an overview chart (each indicator as % of its target), then one sheet
per indicator by region, with a chart of the whole area's baseline, target and current value
and a chart by region."""

from __future__ import annotations

from ...i18n import tr
from ..regions import WHOLE_CODE
from ..stats.common import StatsMeta
from .book import Book
from .charts import bar_chart
from .excel import safe_cell
from .language import pick

INDICATOR_DECIMALS = {"%": 2, "万亩": 4, "km²": 4, "亩": 2}
HEADER_ROW = 4


def table1_headers() -> tuple[str, ...]:
    return (tr("No."), tr("Indicator"), tr("Unit"), tr("2020 baseline"), tr("2025 target"),
            tr("Current value"), tr("Kind"), tr("Status"))


def target_shares(records) -> list[tuple[str, float]]:
    """(indicator, current value as % of its 2025 target) of each ``(indicator, value,
    target)`` that has both figures (a target of 0 has no share)."""
    return [(name, 100.0 * value / target) for name, value, target in records
            if present(value) and present(target) and target != 0]


def present(value) -> bool:
    return value is not None and value == value  # NaN is missing


def write_indicators_xlsx(frame, path) -> None:
    """表1 layout for the whole area, one sheet per indicator by region, bar charts."""
    book = Book()
    total = frame[frame.region_code == WHOLE_CODE]
    sheet = book.sheet(tr("Table 1"))
    headers = table1_headers()
    book.title(sheet, tr("Main indicators of the 14th five-year plan"), len(headers))
    for column, text in enumerate(headers, start=1):
        book.header(sheet, HEADER_ROW, column, text)
    for row, record in enumerate(total.itertuples(), start=HEADER_ROW + 1):
        places = INDICATOR_DECIMALS.get(record.unit, 2)
        book.number(sheet, row, 1, row - HEADER_ROW, 0)
        for column, value in ((2, record.indicator), (3, record.unit), (7, record.kind)):
            book.text(sheet, row, column, value)
        for column, value in ((4, record.baseline_2020), (5, record.target_2025),
                              (6, record.value)):
            if present(value):
                book.number(sheet, row, column, value, places)
            else:
                book.text(sheet, row, column, "—")
                sheet.cell(row, column).alignment = book.styles.Alignment(horizontal="center")
        book.wrapped(sheet, row, 8, _status(record))
    for column, width in (("B", 34), ("H", 40)):
        sheet.column_dimensions[column].width = width
    _overview(book, sheet, total, HEADER_ROW + len(total) + 2)
    for indicator_id, part in frame.groupby("indicator_id", sort=False):
        _indicator_sheet(book, indicator_id, part)
    book.provenance(frame.attrs.get("meta") or StatsMeta())
    book.save(path)


def overview_title() -> str:
    return tr("Indicators as % of their 2025 target")


def _overview(book: Book, sheet, total, start: int) -> None:
    """Below 表1: each indicator with a target as % of it, and the chart of that table."""
    shares = target_shares(zip(total.indicator, total.value, total.target_2025))
    book.header(sheet, start, 2, tr("Indicator"))
    book.header(sheet, start, 3, tr("% of the 2025 target"))
    for row, (name, share) in enumerate(shares, start=start + 1):
        book.text(sheet, row, 2, name)
        book.number(sheet, row, 3, share, 1)
    if shares:
        bar_chart(sheet, "J4", overview_title(), (3, 3, start, start + len(shares)),
                  (2, start + 1, start + len(shares)), "%", horizontal=True,
                  height=max(7.5, 2.0 + 0.9 * len(shares)), width=18.0)


def _status(record) -> str:
    return record.status + (f"（{record.reason}）" if record.reason else "")


def _indicator_sheet(book: Book, indicator_id: str, part) -> None:
    first = part.iloc[0]
    sheet = book.sheet(pick(first.indicator, indicator_id))
    label = f"{first.indicator}（{first.unit}）"
    book.title(sheet, label, 4)
    for column, text in enumerate((tr("Region code"), tr("Region name"), tr("Value"),
                                   tr("Status")), start=1):
        book.header(sheet, HEADER_ROW, column, text)
    places = INDICATOR_DECIMALS.get(first.unit, 2)
    regions = part[part.region_code != WHOLE_CODE]
    for row, record in enumerate(part.itertuples(), start=HEADER_ROW + 1):
        book.text(sheet, row, 1, record.region_code)
        book.text(sheet, row, 2, record.region_name)
        if present(record.value):
            book.number(sheet, row, 3, record.value, places)
        book.wrapped(sheet, row, 4, _status(record))
    safe_cell(sheet.cell(len(part) + 6, 1), tr("Definition: {text}").format(
        text=first.definition))
    sheet.column_dimensions["B"].width = 18
    sheet.column_dimensions["D"].width = 40
    whole = part[part.region_code == WHOLE_CODE]
    if not whole.empty:
        _comparison(book, sheet, whole.iloc[0], label, places)
    if len(regions) > 1 and regions.value.notna().all():
        bar_chart(sheet, "F23", tr("{indicator} by region").format(indicator=label),
                  (3, 3, HEADER_ROW, HEADER_ROW + len(regions)),
                  (2, HEADER_ROW + 1, HEADER_ROW + len(regions)), str(first.unit))


def _comparison(book: Book, sheet, whole, label: str, places: int) -> None:
    """F4:I5 — the whole area's 2020 baseline, 2025 target and current value, and their chart
    (a missing figure is an empty cell: no bar, never a bar of 0)."""
    row = HEADER_ROW
    for column, text in enumerate(("", tr("2020 baseline"), tr("2025 target"),
                                   tr("Current value")), start=6):
        book.header(sheet, row, column, text)
    book.text(sheet, row + 1, 6, tr("Whole area"))
    for column, value in ((7, whole.baseline_2020), (8, whole.target_2025), (9, whole.value)):
        if present(value):
            book.number(sheet, row + 1, column, value, places)
    bar_chart(sheet, "F7", tr("{indicator}: 2020 baseline, 2025 target and current value")
              .format(indicator=label), (7, 9, row, row + 1), (6, row + 1, row + 1),
              str(whole.unit), legend=True)
