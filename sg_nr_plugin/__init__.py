"""Shaoguan natural-resources plugin (韶关自然资源) for QGIS."""

from __future__ import annotations


def classFactory(iface):  # noqa: N802 - QGIS plugin entry point name
    """Create the plugin for QGIS desktop (``iface`` is the QgisInterface)."""
    from .plugin import SgNrPlugin

    return SgNrPlugin(iface)
