"""Excel output shared by every report: lazy openpyxl, safe cells, atomic and lock-aware saves."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..i18n import tr
from .errors import SgNrError
from .files import check_replaceable, write_atomically

__all__ = ["check_replaceable", "require_openpyxl", "safe_cell", "safe_text", "save_workbook"]

# A text cell starting with one of these is a formula in Excel/WPS/LibreOffice (CSV and xlsx).
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


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


def safe_text(value: Any) -> Any:
    """Return ``value`` made safe for a spreadsheet cell: text never starts a formula."""
    if isinstance(value, str) and value.startswith(_FORMULA_PREFIXES):
        return "'" + value
    return value


def safe_cell(cell, value: Any) -> None:
    """Assign ``value`` to an openpyxl cell; text is stored as a string, never as a formula."""
    cell.value = safe_text(value)
    if isinstance(value, str):
        cell.data_type = "s"


def save_workbook(workbook, path: str | os.PathLike) -> Path:
    """Save through a temporary file beside ``path`` (see :mod:`.files`); a workbook open in
    Excel/WPS or an unwritable folder raises :class:`OutputLockedError`."""
    return write_atomically(path, workbook.save, suffix=".xlsx.part")
