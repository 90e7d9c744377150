"""Safe file output: write under a temporary name beside the target, then move it into place.

A crash or cancel never leaves a half-written file under the final name; a target held open by
Excel (which locks files on Windows) or an unwritable folder raises :class:`OutputLockedError`.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..i18n import tr
from .errors import OutputLockedError


def write_atomically(path: str | os.PathLike, write: Callable[[str], None],
                     suffix: str = ".part") -> Path:
    """Call ``write(temporary_path)``, then replace ``path`` with the result in one step."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=suffix,
                                             dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise OutputLockedError(str(target), str(error)) from error
    try:
        write(temp_name)
        open_for_writing(target)
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
        open_for_writing(target)
    except OSError as error:
        raise OutputLockedError(str(target), str(error)) from error


def open_for_writing(target: Path) -> None:
    """Fail when the target exists but cannot be opened for writing (locked/read-only)."""
    for lock in (target.with_name(f".~lock.{target.name}#"), target.with_name(f"~${target.name}")):
        if lock.exists():  # LibreOffice / Excel owner files: the workbook is open elsewhere
            raise OSError(tr("lock file {name} exists").format(name=lock.name))
    if target.exists():
        with open(target, "r+b"):
            pass
