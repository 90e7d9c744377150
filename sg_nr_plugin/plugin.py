"""The QGIS desktop entry point: menu, toolbar, Processing provider and translator."""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu, QToolBar

from .i18n import install_translator, remove_translator, tr
from .paths import icon_path
from .processing.provider import SgNrProvider

MENU_OBJECT_NAME = "sgnrMenu"
TOOLBAR_OBJECT_NAME = "sgnrToolbar"


class SgNrPlugin:
    """Owns everything the plugin adds to QGIS, and removes it again in :meth:`unload`."""

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: SgNrProvider | None = None
        self.menu: QMenu | None = None
        self.toolbar: QToolBar | None = None
        self.actions: list[QAction] = []
        self.docks: dict = {}  # name → dock widget (the desktop smoke test opens each)
        self._docks_tabified = False
        install_translator()

    # Processing is usable without a desktop (qgis_process loads the plugin with iface=None).
    def initProcessing(self) -> None:  # noqa: N802 - QGIS API name
        if self.provider is None:
            provider = SgNrProvider()
            # The registry refuses (and deletes) a second provider with the same id.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    def initGui(self) -> None:  # noqa: N802 - QGIS API name
        self.initProcessing()
        if self.iface is None:
            return
        main_window = self.iface.mainWindow()
        self.menu = QMenu(tr("Shaoguan Natural Resources"), main_window)
        self.menu.setObjectName(MENU_OBJECT_NAME)
        self._insert_menu(main_window.menuBar())
        self.toolbar = self.iface.addToolBar(tr("Shaoguan Natural Resources"))
        if self.toolbar is not None:
            self.toolbar.setObjectName(TOOLBAR_OBJECT_NAME)
        toolbox = QAction(QIcon(icon_path("toolbox.svg")), tr("Processing algorithms…"),
                          main_window)
        toolbox.setObjectName("sgnrShowToolbox")
        toolbox.triggered.connect(self.show_toolbox)
        self.add_action(toolbox)
        self._add_check_docks(main_window)
        from .gui.menus import tool_actions

        for action in tool_actions(main_window):
            self.add_action(action)

    def _add_check_docks(self, main_window) -> None:
        """One check panel per check kind, each with a toggle action in menu and toolbar."""
        from qgis.PyQt.QtCore import Qt

        from .gui.check_config import dock_configs
        from .gui.check_dock import CheckDock

        for config in dock_configs():
            dock = CheckDock(config, self.iface, main_window)
            self.iface.addDockWidget(Qt.RightDockWidgetArea, dock)
            action = QAction(QIcon(icon_path(f"check_{config.name}.svg")), config.title(),
                             main_window)
            action.setObjectName(f"sgnrToggle_{config.name}")
            action.setCheckable(True)
            dock.setToggleVisibilityAction(action)
            self.add_action(action)
            self.docks[config.name] = dock
        for dock in self.docks.values():
            dock.hide()
            # QGIS restores its saved window layout after loading plugins, which undoes tabs
            # made now: tabify when a panel is first shown.
            dock.visibilityChanged.connect(self._tabify_docks)

    def _tabify_docks(self, visible: bool = True) -> None:
        """One tab per check, not three panels stacked on top of each other."""
        docks = list(self.docks.values())
        if not visible or self._docks_tabified or self.iface is None or len(docks) < 2:
            return
        self._docks_tabified = True
        main_window = self.iface.mainWindow()
        for dock in docks[1:]:
            main_window.tabifyDockWidget(docks[0], dock)

    def _insert_menu(self, menu_bar) -> None:
        """Put the plugin menu before QGIS's Help menu (at the end when there is none)."""
        help_menu = self.iface.firstRightStandardMenu()
        before = help_menu.menuAction() if isinstance(help_menu, QMenu) else None
        if before is not None:
            menu_bar.insertMenu(before, self.menu)
        else:
            menu_bar.addMenu(self.menu)

    def add_action(self, action: QAction, toolbar: bool = True) -> None:
        """Add ``action`` to the plugin menu (and toolbar); later issues add the panel toggles."""
        self.actions.append(action)
        if self.menu is not None:
            self.menu.addAction(action)
        if toolbar and self.toolbar is not None:
            self.toolbar.addAction(action)

    def show_toolbox(self) -> None:
        """Open the Processing toolbox filtered on this plugin's algorithms."""
        from qgis import utils

        toolbox = getattr(utils.plugins.get("processing"), "toolbox", None)
        if toolbox is None:
            return
        toolbox.setVisible(True)
        toolbox.raise_()
        search = getattr(toolbox, "searchBox", None)
        if search is not None:
            search.setText("sgnr")

    def unload(self) -> None:
        for dock in self.docks.values():
            dock.runner.cancel()
            self.iface.removeDockWidget(dock)
            dock.deleteLater()
        self.docks.clear()
        for action in self.actions:
            action.deleteLater()
        self.actions.clear()
        if self.menu is not None:
            self.iface.mainWindow().menuBar().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()
        from .core.reading import stop_listening

        stop_listening()
