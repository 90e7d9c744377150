"""The plugin loads through classFactory, registers its provider and menu, and unloads cleanly."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtWidgets import QMenu, QToolBar

from sg_nr_plugin.plugin import MENU_OBJECT_NAME, TOOLBAR_OBJECT_NAME


def _menu_titles(iface) -> list[str]:
    return [a.text() for a in iface.mainWindow().menuBar().actions()]


def test_init_gui_registers_provider_menu_and_toolbar(qgis_iface):
    from sg_nr_plugin import classFactory

    plugin = classFactory(qgis_iface)
    plugin.initGui()
    try:
        provider = QgsApplication.processingRegistry().providerById("sgnr")
        assert provider is not None
        assert provider.id() == "sgnr"
        assert plugin.menu is not None and plugin.menu.objectName() == MENU_OBJECT_NAME
        assert plugin.menu.title() in _menu_titles(qgis_iface)
        toolbars = qgis_iface.mainWindow().findChildren(QToolBar, TOOLBAR_OBJECT_NAME)
        assert toolbars, "toolbar missing"
        assert plugin.menu.actions(), "menu has no actions"
    finally:
        title = plugin.menu.title()
        plugin.unload()
    assert QgsApplication.processingRegistry().providerById("sgnr") is None
    assert title not in _menu_titles(qgis_iface)
    live_menus = [m for m in qgis_iface.mainWindow().menuBar().findChildren(QMenu)
                  if m.objectName() == MENU_OBJECT_NAME and m.menuAction().isVisible()
                  and m.menuAction() in qgis_iface.mainWindow().menuBar().actions()]
    assert not live_menus


def test_init_processing_without_iface():
    """qgis_process creates the plugin with iface=None and calls initProcessing only."""
    from sg_nr_plugin.plugin import SgNrPlugin

    plugin = SgNrPlugin(None)
    plugin.initProcessing()
    try:
        assert QgsApplication.processingRegistry().providerById("sgnr") is not None
    finally:
        plugin.unload()
    assert QgsApplication.processingRegistry().providerById("sgnr") is None


def test_provider_display_name(plugin):
    provider = QgsApplication.processingRegistry().providerById("sgnr")
    assert provider.name() in ("Shaoguan Natural Resources", "韶关自然资源")
