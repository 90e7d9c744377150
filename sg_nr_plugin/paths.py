"""Locate the plugin's resource folders, in a source checkout and in an installed plugin.

In the checkout ``resources/``, ``i18n/`` and ``metadata.txt`` sit beside the Python package;
in the installed plugin (the zip) they sit inside it. Every caller uses these helpers so the
two layouts never leak into the rest of the code.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def plugin_root() -> Path:
    """The folder holding ``metadata.txt``, ``resources/`` and ``i18n/``."""
    if (PACKAGE_DIR / "metadata.txt").exists():
        return PACKAGE_DIR
    return PACKAGE_DIR.parent


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``, e.g. ``resource_path("icons", "sgnr.svg")``."""
    return plugin_root().joinpath("resources", *parts)


def i18n_path(*parts: str) -> Path:
    """Path of a file under ``i18n/`` (compiled ``.qm`` translations)."""
    return plugin_root().joinpath("i18n", *parts)


def icon_path(name: str) -> str:
    """String path of an icon under ``resources/icons/``."""
    return str(resource_path("icons", name))
