"""Excel output shared by every report: lazy openpyxl, safe cells and sheet titles, atomic and
lock-aware saves.

Every text a writer puts in a workbook goes through :func:`safe_text` (by :func:`safe_cell`):
characters XML cannot hold (control characters ``\x00``–``\x1f`` except tab, newline and
carriage return; lone surrogates) are removed — openpyxl raises ``IllegalCharacterError`` on
them, which crashed every writer on one such character in a name — and text never starts a
formula. Sheets are named through :func:`sheet_title` (legal, at most 31 characters, unique).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from ...i18n import tr
from ..errors import SgNrError
from ..files import check_replaceable, write_atomically

__all__ = ["check_replaceable", "clean_text", "new_sheet", "require_openpyxl", "safe_cell",
           "safe_text", "save_workbook", "sheet_title"]

# A text cell starting with one of these is a formula in Excel/WPS/LibreOffice (CSV and xlsx).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# What an XML 1.0 document (an .xlsx part) cannot hold.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
# Excel refuses these in a sheet title; the title holds at most 31 characters.
_TITLE_ILLEGAL = re.compile(r"[\\/*?:\[\]]")
TITLE_LENGTH = 31


def require_openpyxl():
    """Import openpyxl on demand: some Windows QGIS installs lack it."""
    try:
        import openpyxl
    except ImportError as error:
        raise SgNrError(
            tr("Writing Excel files needs the Python package openpyxl, which this QGIS lacks. "
               "Install it (OSGeo4W: python3-openpyxl; Debian: python3-openpyxl) or leave the "
               "Excel output empty.")
        ) from error
    return openpyxl


def clean_text(value: str) -> str:
    """``value`` without the characters a workbook cannot hold."""
    return _ILLEGAL.sub("", value)


def safe_text(value: Any) -> Any:
    """Return ``value`` made safe for a spreadsheet cell: only characters a workbook can hold,
    and text never starts a formula."""
    if not isinstance(value, str):
        return value
    value = clean_text(value)
    return "'" + value if value.startswith(_FORMULA_PREFIXES) else value


def sheet_title(workbook, title: str, sheet=None) -> str:
    """A legal, unique title for a sheet of ``workbook`` (``sheet`` is the one being renamed):
    characters Excel refuses become ``_``, at most 31 characters, a number added on a clash
    (Excel compares titles without case)."""
    text = _TITLE_ILLEGAL.sub("_", clean_text(str(title))).strip().strip("'") or "Sheet"
    text = text[:TITLE_LENGTH]
    taken = {other.title.lower() for other in workbook.worksheets if other is not sheet}
    candidate, number = text, 2
    while candidate.lower() in taken:
        suffix = f" ({number})"
        candidate, number = text[:TITLE_LENGTH - len(suffix)] + suffix, number + 1
    return candidate


def new_sheet(workbook, title: str):
    """``workbook.create_sheet`` with a title made legal and unique (:func:`sheet_title`)."""
    return workbook.create_sheet(sheet_title(workbook, title))


def safe_cell(cell, value: Any) -> None:
    """Assign ``value`` to an openpyxl cell; text is stored as a string, never as a formula."""
    cell.value = safe_text(value)
    if isinstance(value, str):
        cell.data_type = "s"


def save_workbook(workbook, path: str | os.PathLike) -> Path:
    """Save through a temporary file beside ``path`` (see :mod:`.files`); a failure raises the
    error naming its cause (:func:`.files.write_error`: open in Excel/WPS, disk full…).

    During a run of an algorithm the workbook gets the run's audit trail (:mod:`.audit`)."""
    from .audit import active_trail

    trail = active_trail()
    if trail is not None:
        from .audit_xlsx import add_audit_sheet

        add_audit_sheet(workbook, trail)
    return write_atomically(path, workbook.save, suffix=".xlsx.part")
