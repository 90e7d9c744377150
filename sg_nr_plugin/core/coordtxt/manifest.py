"""Which .txt files the export wrote into a folder, so that a later export can tell its own
stale files from the user's.

The record is kept in the plugin's QGIS settings (keyed by the folder's absolute path), not in
the folder: the folder holds only the files that go to the ministry. Each entry has the file's
SHA-256, so a file the user changed after the export counts as the user's.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from qgis.core import QgsSettings

SETTINGS_KEY = "sg_nr_plugin/coordtxt/exported_files"
MAX_FOLDERS = 200  # oldest folders are forgotten first; a forgotten folder is simply refused


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_digest(path: Path) -> str | None:
    try:
        return digest(path.read_bytes())
    except OSError:
        return None


def folder_key(folder: str | Path) -> str:
    return str(Path(folder).expanduser().resolve())


class ExportRecord:
    """The files (name → SHA-256) the export last wrote into each folder."""

    def __init__(self, settings: QgsSettings | None = None, key: str = SETTINGS_KEY) -> None:
        self.settings = settings or QgsSettings()
        self.key = key

    def _all(self) -> dict:
        try:
            data = json.loads(str(self.settings.value(self.key, "{}") or "{}"))
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def files(self, folder: str | Path) -> dict[str, str]:
        entry = self._all().get(folder_key(folder), {})
        return {str(k): str(v) for k, v in entry.items()} if isinstance(entry, dict) else {}

    def save(self, folder: str | Path, files: dict[str, str]) -> None:
        data = self._all()
        data.pop(folder_key(folder), None)
        data[folder_key(folder)] = files  # re-inserted last: the most recent folder
        while len(data) > MAX_FOLDERS:
            data.pop(next(iter(data)))
        self.settings.setValue(self.key, json.dumps(data, ensure_ascii=False))


def txt_files(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    return sorted((p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".txt"),
                  key=lambda p: p.name.lower())


def foreign_files(folder: Path, recorded: dict[str, str]) -> list[str]:
    """Names of the .txt files in ``folder`` the export did not write, or that changed since."""
    return [p.name for p in txt_files(folder)
            if recorded.get(p.name) is None or _file_digest(p) != recorded[p.name]]


def stale_files(folder: Path, recorded: dict[str, str], written: set[str]) -> list[Path]:
    """Files of the earlier export that this one did not write again (names compared without
    case, as on Windows), still as the export left them."""
    kept = {name.lower() for name in written}
    return [folder / name for name, sha in recorded.items()
            if name.lower() not in kept and _file_digest(folder / name) == sha]
