"""Excel output shared by every report: lazy openpyxl, safe cells, atomic and lock-aware saves."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

from ..i18n import tr
from .errors import OutputLockedError, SgNrError

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
    """Save to a temporary file beside ``path``, then move it into place in one step.

    A crash or cancel never leaves a half-written workbook; a target held open by Excel (which
    locks files on Windows) or an unwritable folder raises :class:`OutputLockedError`.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".xlsx.part",
                                             dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise OutputLockedError(str(target), str(error)) from error
    try:
        workbook.save(temp_name)
        _open_for_writing(target)
        os.replace(temp_name, target)
    except OSError as error:
        raise OutputLockedError(str(target), str(error)) from error
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return target


def check_replaceable(path: str | os.PathLike) -> None:
    """Raise :class:`OutputLockedError` when ``path`` exists but is open in Excel/WPS/LibreOffice
    or read-only: checked before a long run, so the user learns it before waiting."""
    target = Path(path)
    try:
        _open_for_writing(target)
    except OSError as error:
        raise OutputLockedError(str(target), str(error)) from error


def _open_for_writing(target: Path) -> None:
    """Fail when the target exists but cannot be opened for writing (locked/read-only)."""
    for lock in (target.with_name(f".~lock.{target.name}#"), target.with_name(f"~${target.name}")):
        if lock.exists():  # LibreOffice / Excel owner files: the workbook is open elsewhere
            raise OSError(tr("lock file {name} exists").format(name=lock.name))
    if target.exists():
        with open(target, "r+b"):
            pass
