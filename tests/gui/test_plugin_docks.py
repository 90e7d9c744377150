"""The plugin adds one check panel per check kind, with a toggle action, and removes them."""

from __future__ import annotations

import pytest


@pytest.fixture
def plugin(qgis_iface):
    """The plugin with initGui() done. A provider registered by another fixture is left alone:
    initProcessing keeps no provider the registry refused, so unload removes none."""
    from sg_nr_plugin import classFactory

    instance = classFactory(qgis_iface)
    instance.initGui()
    yield instance
    instance.unload()


def test_each_check_has_a_dock_and_a_toggle_action(plugin):
    assert set(plugin.docks) == {"farmland", "paddy", "mine"}
    for name, dock in plugin.docks.items():
        action = dock.toggleVisibilityAction()
        assert action in plugin.menu.actions(), name
        assert action in plugin.toolbar.actions(), name
        assert action.isCheckable() and dock.isHidden()
        action.trigger()
        assert not dock.isHidden()  # shown (the stub main window itself is never shown)
    farmland = plugin.docks["farmland"]
    assert farmland.check_all_button.isEnabled()  # sgnr:checkfarmland exists


def test_unload_removes_the_docks(plugin, qgis_iface):
    docks = list(plugin.docks.values())
    assert docks
    plugin.unload()
    assert plugin.docks == {}
    from qgis.PyQt import sip
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)
    assert all(sip.isdeleted(dock) for dock in docks)
