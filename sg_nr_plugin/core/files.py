"""Safe file output: write under a temporary name beside the target, then move it into place.

A crash or cancel never leaves a half-written file under the final name. A failure to write is
reported with its real cause and the final path (:func:`write_error`): a target held open by
Excel/WPS/LibreOffice, a full disk, a name too long, permission denied…
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..i18n import tr
from .errors import OutputLockedError, OutputWriteError, SgNrError

# Windows' own codes for a file another program holds open (ERROR_SHARING_VIOLATION, _LOCK_).
_WINDOWS_SHARING = {32, 33}


class LockFileFoundError(OSError):
    """An Office owner file (``.~lock.x.xlsx#``, ``~$x.xlsx``) says the target is open."""


def write_atomically(path: str | os.PathLike, write: Callable[[str], None],
                     suffix: str = ".part") -> Path:
    """Call ``write(temporary_path)``, then replace ``path`` with the result in one step."""
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temp_name = tempfile.mkstemp(prefix=".sgnr.", suffix=suffix, dir=target.parent)
        os.close(handle)
    except OSError as error:
        raise write_error(target, error) from error
    try:
        write(temp_name)
        # mkstemp made the file private (0600): give it the mode any new file gets
        os.chmod(temp_name, 0o666 & ~_umask())
        open_for_writing(target)
        os.replace(temp_name, target)
    except OSError as error:
        raise write_error(target, error) from error
    finally:
        if os.path.exists(temp_name):
            os.unlink(temp_name)
    return target


def _umask() -> int:
    """The process's umask, read without changing it (os.umask would, for every thread)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def check_replaceable(path: str | os.PathLike) -> None:
    """Raise when ``path`` exists but is open in Excel/WPS/LibreOffice or cannot be replaced
    (read-only, name too long…): checked before a long run, so the user learns it first."""
    target = Path(path)
    try:
        open_for_writing(target)
    except OSError as error:
        raise write_error(target, error) from error


def open_for_writing(target: Path) -> None:
    """Fail when the target exists but cannot be opened for writing (locked/read-only)."""
    for lock in (target.with_name(f".~lock.{target.name}#"), target.with_name(f"~${target.name}")):
        if lock.exists():  # LibreOffice / Excel owner files: the workbook is open elsewhere
            raise LockFileFoundError(tr("lock file {name} exists").format(name=lock.name))
    if target.exists():
        with open(target, "r+b"):
            pass


def write_error(path: str | os.PathLike, error: OSError) -> SgNrError:
    """The user's error for an ``OSError`` met while writing ``path``: it names the real cause.

    Only an Office lock file or Windows' sharing violation means "open in another program";
    ``str(error)`` is never shown (it names the temporary file), only the cause.
    """
    path = str(path)
    code = error.errno
    if isinstance(error, LockFileFoundError):
        return OutputLockedError(path, str(error))
    if getattr(error, "winerror", None) in _WINDOWS_SHARING:
        return OutputLockedError(path)
    if code in (errno.EACCES, errno.EPERM) and os.name == "nt" and os.path.exists(path):
        return OutputLockedError(path)  # Windows says "access denied" for a file Excel holds
    if code == errno.EEXIST and _file_in_path(path):  # mkdir(parents=True) over a file
        code = errno.ENOTDIR
    reason = _REASONS.get(code)
    if reason is not None:
        return OutputWriteError(path, reason(path))
    return OutputWriteError(path, error.strerror or type(error).__name__)


def _file_in_path(path: str) -> bool:
    """Whether a folder of ``path`` is a file."""
    return any(parent.is_file() for parent in Path(path).parents)


def _too_long(path: str) -> str:
    longest = max((part for part in Path(path).parts), key=lambda p: len(os.fsencode(p)))
    return tr("the file name is too long ({length} bytes in “{name}…”; file systems allow at "
              "most 255 bytes per name and Windows 260 characters per path). Choose a shorter "
              "name or folder.").format(length=len(os.fsencode(longest)), name=longest[:40])


_REASONS: dict[int, Callable[[str], str]] = {
    errno.ENOSPC: lambda path: tr("the disk is full (no space left on the device). Free some "
                                  "space or choose another disk, and run again."),
    getattr(errno, "EDQUOT", -1): lambda path: tr(
        "your disk quota is used up. Free some space or choose another disk, and run again."),
    errno.ENAMETOOLONG: _too_long,
    errno.EACCES: lambda path: tr("permission denied: your account may not write in this "
                                  "folder or replace this file. Choose another folder or ask "
                                  "for write access."),
    errno.EPERM: lambda path: tr("operation not permitted: the file or folder is protected "
                                 "(read-only or immutable). Choose another folder or ask for "
                                 "write access."),
    errno.EROFS: lambda path: tr("the disk is read-only. Choose a folder on a writable disk."),
    errno.ENOTDIR: lambda path: tr("a part of the path is a file, not a folder. Choose another "
                                   "folder."),
    errno.EISDIR: lambda path: tr("it is a folder. Choose a file name."),
}
