"""Build the installable plugin zip: one top folder ``sg_nr_plugin/`` as QGIS expects.

The checkout keeps ``metadata.txt``, ``resources/`` and ``i18n/`` beside the Python package;
the zip puts them inside it (see :mod:`sg_nr_plugin.paths`). Only compiled ``.qm`` files ship.
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "sg_nr_plugin"
TOP_FILES = ("metadata.txt", "LICENSE", "README.md")


def plugin_files() -> list[tuple[Path, str]]:
    """(file on disk, name inside the zip) for everything the installed plugin needs."""
    files: list[tuple[Path, str]] = []
    for path in sorted((ROOT / PLUGIN).rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            files.append((path, f"{PLUGIN}/{path.relative_to(ROOT / PLUGIN).as_posix()}"))
    for path in sorted((ROOT / "resources").rglob("*")):
        if path.is_file():
            files.append((path, f"{PLUGIN}/{path.relative_to(ROOT).as_posix()}"))
    for path in sorted((ROOT / "i18n").glob("*.qm")):
        files.append((path, f"{PLUGIN}/i18n/{path.name}"))
    for name in TOP_FILES:
        files.append((ROOT / name, f"{PLUGIN}/{name}"))
    return files


def build(target: Path) -> Path:
    if not list((ROOT / "i18n").glob("*.qm")):
        raise SystemExit("no compiled translations in i18n/: run 'make qm' first")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
        for path, name in plugin_files():
            archive.write(path, name)
    partial.replace(target)  # never leave a half-written zip under the final name
    return target


if __name__ == "__main__":
    out = build(Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "dist" / f"{PLUGIN}.zip"))
    print(f"built {out}")
