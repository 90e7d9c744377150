"""The plugin adds one check panel per check kind, with a toggle action, and removes them."""

from __future__ import annotations


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


def test_unload_removes_the_docks(qgis_iface):
    from sg_nr_plugin import classFactory

    instance = classFactory(qgis_iface)
    instance.initGui()
    docks = list(instance.docks.values())
    assert docks
    instance.unload()
    assert instance.docks == {}
