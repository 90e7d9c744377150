"""Workbook of sgnr:minestats: summary by region, then the legacy parcels and the producing
mines behind each figure (the figures: ``core/stats/minestats.mine_stats``)."""

from __future__ import annotations

from ...i18n import tr
from ..stats.minestats import MineStats
from ..units import unit_label
from .book import Book


def write_minestats_xlsx(stats: MineStats, path, unit: int) -> None:
    """Summary by region, then the legacy parcels and the producing mines behind each figure."""
    book = Book()
    label = unit_label(unit)
    sheet = book.sheet(tr("Mine restoration"))
    headers = [tr("Region code"), tr("Region name"), tr("Legacy parcels"),
               tr("Legacy-mine area ({unit})").format(unit=label),
               tr("Treated ({unit})").format(unit=label),
               tr("Untreated ({unit})").format(unit=label),
               tr("Under a restoration project ({unit})").format(unit=label),
               tr("Restoration rate (%)"), tr("Licensed producing mines"), tr("Green mines"),
               tr("Green-mine share (%)")]
    book.title(sheet, tr("Mine restoration and green mines (unit: {unit})").format(unit=label),
               len(headers))
    _table(book, sheet, headers, [_summary_cells(r) for r in stats.frame.itertuples()], unit)
    sheet = book.sheet(tr("Legacy mine parcels"))
    book.title(sheet, tr("Legacy mine parcels"), 7)
    _table(book, sheet, [tr("Region code"), tr("Parcel number"), tr("Mine name"),
                         tr("Area ({unit})").format(unit=label),
                         tr("Verified area hsmj (m²)"), tr("Treated"),
                         tr("Under a restoration project ({unit})").format(unit=label)],
           [[("t", r.region), ("t", r.tbbh), ("t", r.name), ("a", r.area_m2),
             ("d", r.declared_m2), ("t", tr("Yes") if r.treated else tr("No")),
             ("a", r.in_project_m2)] for r in stats.legacy], unit)
    sheet = book.sheet(tr("Producing mines"))
    book.title(sheet, tr("Licensed producing mines"), 6)
    _table(book, sheet, [tr("Region code"), tr("Licence number"), tr("Mine name"),
                         tr("Production status"), tr("Green mine"), tr("Valid to")],
           [[("t", r.region), ("t", r.licence), ("t", r.name), ("t", r.status),
             ("t", tr("Yes") if r.green else tr("No")), ("t", r.valid_to)]
            for r in stats.rights], unit)
    book.provenance(stats.meta, unit)
    book.save(path)


def _summary_cells(record) -> list[tuple[str, object]]:
    return [("t", record.region_code), ("t", record.region_name),
            ("n", record.legacy_parcels), ("a", record.legacy_m2), ("a", record.treated_m2),
            ("a", record.untreated_m2), ("a", record.in_project_m2),
            ("d", record.restoration_rate_pct), ("n", record.producing_mines),
            ("n", record.green_mines), ("d", record.green_share_pct)]


def _table(book, sheet, headers: list[str], rows: list[list[tuple[str, object]]],
           unit: int) -> None:
    """Header on row 4, then one row per record: t text, a area (m² → unit), d two decimals
    (percentages, m²), n a count."""
    for column, header in enumerate(headers, start=1):
        book.header(sheet, 4, column, header)
    for row, cells in enumerate(rows, start=5):
        for column, (kind, value) in enumerate(cells, start=1):
            if kind == "t" or value is None or value != value:  # NaN: an empty cell
                book.text(sheet, row, column, "" if kind != "t" else value)
            elif kind == "a":
                book.area(sheet, row, column, value, unit)
            else:
                book.number(sheet, row, column, value, 2 if kind == "d" else 0)
