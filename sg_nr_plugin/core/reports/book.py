"""Workbooks of the statistics: shared styling and provenance sheet, and the land-use layout.

Numbers are written as numbers (converted to the report unit, unrounded) with a fixed-decimal
number format, so Excel sums them exactly; text goes through ``safe_cell``.
"""

from __future__ import annotations

import datetime as dt

from ...i18n import tr
from ...paths import resource_path
from ..stats.common import StatsMeta
from ..units import decimals, to_unit, unit_label
from .excel import new_sheet, require_openpyxl, safe_cell, save_workbook, sheet_title

TEMPLATE = "statistics.xlsx"
TITLE_ROW = 1
MIN_WIDTH = 13
INFO_ROW = 2


def number_format(places: int) -> str:
    return "0" if places == 0 else "0." + "0" * places


class Book:
    """An openpyxl workbook with the report's conventions (title, header style, provenance).

    The look comes from the template ``resources/templates/statistics.xlsx``: its named styles
    ``sgnr_title``, ``sgnr_header`` and ``sgnr_cell`` (edit them in Excel to restyle every
    report); its single sheet explains this and is replaced by the report's first sheet.
    Without the template the same layout is written with built-in fonts.
    """

    def __init__(self, template: str | None = TEMPLATE) -> None:
        openpyxl = require_openpyxl()
        self.styles = openpyxl.styles
        self.utils = openpyxl.utils
        path = resource_path("templates", template) if template else None
        if path is not None and path.is_file():
            self.workbook = openpyxl.load_workbook(path)
        else:
            self.workbook = openpyxl.Workbook()
        self.named = {getattr(s, "name", s) for s in self.workbook.named_styles}
        self._first = True

    def sheet(self, title: str):
        if self._first:
            self._first = False
            sheet = self.workbook.worksheets[0]
            for row in sheet.iter_rows():  # the template's explanation goes away
                for cell in row:
                    cell.value = None
                    cell.style = "Normal"
            sheet.title = sheet_title(self.workbook, title, sheet)
            return sheet
        return new_sheet(self.workbook, title)

    def _style(self, cell, name: str) -> bool:
        if name in self.named:
            cell.style = name
            return True
        return False

    def title(self, sheet, text: str, width: int) -> None:
        cell = sheet.cell(TITLE_ROW, 1)
        safe_cell(cell, text)
        if not self._style(cell, "sgnr_title"):
            cell.font = self.styles.Font(bold=True, size=14)
            cell.alignment = self.styles.Alignment(horizontal="center")
        if width > 1:
            sheet.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW,
                              end_column=width)
        safe_cell(sheet.cell(INFO_ROW, 1), tr("Produced {date} · area method: {method}").format(
            date=dt.date.today().isoformat(), method=tr("CGCS2000 ellipsoidal")))

    def header(self, sheet, row: int, column: int, text: str, rows: int = 1,
               columns: int = 1) -> None:
        cell = sheet.cell(row, column)
        safe_cell(cell, text)
        if not self._style(cell, "sgnr_header"):
            cell.font = self.styles.Font(bold=True)
            cell.alignment = self.styles.Alignment(horizontal="center", vertical="center",
                                                   wrap_text=True)
        if rows > 1 or columns > 1:
            for r in range(row, row + rows):  # borders of merged cells come from each cell
                for c in range(column, column + columns):
                    self._style(sheet.cell(r, c), "sgnr_header")
            sheet.merge_cells(start_row=row, start_column=column, end_row=row + rows - 1,
                              end_column=column + columns - 1)

    def text(self, sheet, row: int, column: int, value) -> None:
        cell = sheet.cell(row, column)
        safe_cell(cell, value)
        self._style(cell, "sgnr_cell")

    def wrapped(self, sheet, row: int, column: int, value) -> None:
        """A text that wraps inside its cell (a status with its reason) instead of spilling
        over the next cell."""
        self.text(sheet, row, column, value)
        cell = sheet.cell(row, column)
        cell.alignment = self.styles.Alignment(wrap_text=True, vertical="top",
                                               horizontal=cell.alignment.horizontal)

    def number(self, sheet, row: int, column: int, value: float, places: int) -> None:
        cell = sheet.cell(row, column)
        self._style(cell, "sgnr_cell")
        cell.value = float(value)
        cell.number_format = number_format(places)

    def area(self, sheet, row: int, column: int, m2: float, unit: int) -> None:
        self.number(sheet, row, column, to_unit(m2, unit), decimals(unit))

    def provenance(self, meta: StatsMeta, unit: int | None = None) -> None:
        """A sheet naming the sources and their feature counts, the area method, class sets."""
        sheet = self.sheet(tr("About"))
        rows = [(tr("Produced"), dt.datetime.now().strftime("%Y-%m-%d %H:%M")),
                (tr("Area method"), tr("CGCS2000 ellipsoidal"))]
        if unit is not None:
            rows.append((tr("Unit"), unit_label(unit)))
        rows += [(tr("Source {role}").format(role=s.role),
                  tr("{name} ({count} features)").format(name=s.name, count=s.count))
                 for s in meta.sources]
        rows += [(tr("Class set {name}").format(name=name), codes)
                 for name, codes in meta.class_sets.items()]
        rows += [(tr("Note"), note) for note in meta.notes]
        for i, (key, value) in enumerate(rows, start=1):
            safe_cell(sheet.cell(i, 1), key)
            sheet.cell(i, 1).font = self.styles.Font(bold=True)
            safe_cell(sheet.cell(i, 2), str(value))
        sheet.column_dimensions["A"].width = 24
        sheet.column_dimensions["B"].width = 80

    def save(self, path) -> None:
        for sheet in self.workbook.worksheets:
            self._layout(sheet)
        save_workbook(self.workbook, path)

    def _layout(self, sheet) -> None:
        """Columns wide enough for their numbers (no ####), landscape, one page wide."""
        for column in range(1, sheet.max_column + 1):
            letter = self.utils.get_column_letter(column)
            dimension = sheet.column_dimensions[letter]
            if dimension.width is None or dimension.width < MIN_WIDTH:
                dimension.width = MIN_WIDTH
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True


def write_landuse_xlsx(frame, path, unit: int, meta: StatsMeta | None = None) -> None:
    """土地利用现状分类面积汇总表: regions as rows, first-level classes as merged headers over
    their subtotal and second-level columns, a total column and a total row."""
    book = Book()
    sheet = book.sheet(tr("Land-use summary"))
    groups = _class_groups(frame)
    width = 3 + sum(1 + len(classes) for _level1, _name, classes in groups)
    book.title(sheet, tr("Land-use status area summary (unit: {unit})").format(
        unit=unit_label(unit)), width)
    header = 4
    book.header(sheet, header, 1, tr("Region code"), rows=2)
    book.header(sheet, header, 2, tr("Region name"), rows=2)
    book.header(sheet, header, 3, tr("Total area"), rows=2)
    column, columns = 4, {}
    for level1, name, classes in groups:
        book.header(sheet, header, column, f"{level1} {name}", columns=1 + len(classes))
        book.header(sheet, header + 1, column, tr("Subtotal"))
        columns[("group", level1)] = column
        for offset, (code, class_name) in enumerate(classes, start=1):
            book.header(sheet, header + 1, column + offset, f"{code} {class_name}")
            columns[("class", code)] = column + offset
        column += 1 + len(classes)
    regions = list(dict.fromkeys(zip(frame.region_code, frame.region_name)))
    row = header + 2
    totals = [(None, tr("Total"))] if len(regions) > 1 else []
    for code, name in [*regions, *totals]:
        part = frame if code is None else frame[frame.region_code == code]
        book.text(sheet, row, 1, code or "")
        book.text(sheet, row, 2, name)
        book.area(sheet, row, 3, part.area_m2.sum(), unit)
        for level1, _name, classes in groups:
            in_group = part[part.level1 == level1]
            book.area(sheet, row, columns[("group", level1)], in_group.area_m2.sum(), unit)
            for class_code, _class_name in classes:
                book.area(sheet, row, columns[("class", class_code)],
                          in_group[in_group.dlbm == class_code].area_m2.sum(), unit)
        row += 1
    sheet.freeze_panes = sheet.cell(header + 2, 4)
    sheet.column_dimensions["B"].width = 18
    book.provenance(meta or frame.attrs.get("meta") or StatsMeta(), unit)
    book.save(path)


def _class_groups(frame) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """First-level groups present in ``frame`` with their second-level classes, in code order
    (the wetland group 00 first, as in the official 三调 tables; unrecognised last)."""
    groups: dict[str, tuple[str, dict[str, str]]] = {}
    for level1, level1_name, code, name in zip(frame.level1, frame.level1_name, frame.dlbm,
                                               frame.dlmc):
        groups.setdefault(level1, (level1_name, {}))[1].setdefault(code, name)
    ordered = sorted(groups, key=lambda key: (key == "UNRECOGNISED", key))
    return [(key, groups[key][0], sorted(groups[key][1].items())) for key in ordered]
