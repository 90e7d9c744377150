"""The plugin's menu and toolbar (issue #18): a distinct icon per panel and tool, and menu
entries that open the Processing dialogs of 表1, the ledger, the data health check and the
coordinate import."""

from __future__ import annotations

import pytest

TOOL_ALGORITHMS = {"sgnr:planindicators", "sgnr:balanceledger", "sgnr:dltbquality",
                   "sgnr:importcoordtxt"}


@pytest.fixture
def plugin(qgis_iface):
    from sg_nr_plugin import classFactory

    instance = classFactory(qgis_iface)
    instance.initGui()
    yield instance
    instance.unload()


def _image_bytes(action) -> bytes:
    image = action.icon().pixmap(24, 24).toImage()
    assert not image.isNull(), action.objectName()
    return bytes(image.constBits().asarray(image.sizeInBytes()))


def test_toolbar_actions_have_distinct_icons(plugin):
    actions = plugin.toolbar.actions()
    assert len(actions) >= 8  # toolbox, three panels, four tools
    drawn = {action.objectName(): _image_bytes(action) for action in actions}
    assert len(set(drawn.values())) == len(drawn), "two toolbar actions share an icon"


@pytest.fixture
def dialog_iface(qgis_iface, monkeypatch):
    """pytest-qgis's iface lacks the browser model the Processing dialog asks for."""
    from qgis.gui import QgsBrowserGuiModel

    model = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis_iface, "browserModel", lambda: model, raising=False)
    yield qgis_iface


def test_menu_opens_the_four_algorithm_dialogs(plugin, dialog_iface):
    menu = {action.data(): action for action in plugin.menu.actions() if action.data()}
    assert set(menu) >= TOOL_ALGORITHMS
    from qgis.core import QgsApplication

    from sg_nr_plugin.gui.menus import open_algorithm_dialog

    for algorithm_id in sorted(TOOL_ALGORITHMS):
        assert menu[algorithm_id].text()
        assert QgsApplication.processingRegistry().algorithmById(algorithm_id) is not None
        dialog = open_algorithm_dialog(algorithm_id)
        assert dialog is not None and dialog.algorithm().id() == algorithm_id
        dialog.close()
        dialog.deleteLater()


def test_menu_entries_in_chinese(qgis_iface):
    from sg_nr_plugin.gui.menus import tool_entries
    from sg_nr_plugin.i18n import install_translator, remove_translator

    english = [entry.label for entry in tool_entries()]
    assert install_translator("zh_CN")
    try:
        chinese = [entry.label for entry in tool_entries()]
    finally:
        remove_translator()
    assert all(zh != en for zh, en in zip(chinese, english)), chinese
