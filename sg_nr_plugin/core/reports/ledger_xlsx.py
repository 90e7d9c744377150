"""Excel workbook of the balance ledger (negative balances marked red); the rows come from
``core/checks/ledger.ledger_rows``."""

from __future__ import annotations

from pathlib import Path

from ...i18n import tr
from ..checks.ledger import AREA_COLUMNS
from .check_xlsx import input_rows
from .excel import new_sheet, require_openpyxl, safe_cell, save_workbook
from .language import field_header


def _headers() -> dict[str, str]:
    return {"region_code": tr("Region code"), "region_name": tr("Region name"),
            "year": tr("Year"), "occupied": tr("Cultivated land occupied"),
            "occupied_paddy": tr("of which paddy"), "replenished": tr("Cultivated land added"),
            "replenished_paddy": tr("of which new paddy"), "balance": tr("Quantity balance"),
            "balance_paddy": tr("Paddy balance"),
            "occupied_grade": tr("Average grade of the land occupied"),
            "replenished_grade": tr("Average grade of the land added")}


def write_ledger(rows: list[dict], path: str | Path, title: str, inputs=()) -> Path:
    """The ledger sheet, then 说明 About naming the inputs with their feature counts
    (``inputs``: (role, layer name, count) as in the check report)."""
    openpyxl = require_openpyxl()
    from openpyxl.styles import Font

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = tr("Ledger")
    safe_cell(sheet.cell(row=1, column=1), title)
    columns = ["region_code", "region_name", "year",
               *(f"{key}_mu" for key in AREA_COLUMNS), "occupied_grade", "replenished_grade",
               *(f"{key}_m2" for key in AREA_COLUMNS)]
    headers = _headers()
    for c, name in enumerate(columns, start=1):
        base = name.rsplit("_", 1)[0] if name.endswith(("_mu", "_m2")) else name
        unit = tr(" (mu)") if name.endswith("_mu") else " (m²)" if name.endswith("_m2") else ""
        safe_cell(sheet.cell(row=2, column=c),
                  field_header(f"{headers.get(base, base)}{unit}", name))
    for r, row in enumerate(rows, start=3):
        total = row["year"] is None
        for c, name in enumerate(columns, start=1):
            cell = sheet.cell(row=r, column=c)
            safe_cell(cell, row[name])
            negative = name.startswith("balance") and (row[name] or 0) < 0
            if negative or total:  # a deficit is red; the totals row bold
                cell.font = Font(bold=total, color="FFC00000" if negative else None)
    sheet.freeze_panes = "D3"
    about = new_sheet(workbook, tr("Inputs"))
    for r, values in enumerate(input_rows(inputs), start=1):
        for c, value in enumerate(values, start=1):
            safe_cell(about.cell(row=r, column=c), value)
    return save_workbook(workbook, path)
