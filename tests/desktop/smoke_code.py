"""``qgis --code`` script for the desktop smoke test.

After QGIS has started: check the plugin is loaded and its provider and menu exist, open each of
its dock panels when it has them, grab a screenshot of the main window, write a JSON report, quit.
"""

import json
import os

from qgis import utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer

REPORT = os.environ["SGNR_SMOKE_REPORT"]
SCREENSHOT = os.environ["SGNR_SMOKE_PNG"]


def _finish():
    report = {"loaded": "sg_nr_plugin" in utils.plugins, "errors": []}
    try:
        plugin = utils.plugins.get("sg_nr_plugin")
        report["provider"] = QgsApplication.processingRegistry().providerById("sgnr") is not None
        report["menu"] = bool(plugin and plugin.menu and plugin.menu.actions())
        report["algorithms"] = sorted(
            a.id() for a in QgsApplication.processingRegistry().algorithms()
            if a.provider() and a.provider().id() == "sgnr"
        )
        docks = getattr(plugin, "docks", {}) or {}
        for dock in docks.values():
            dock.show()
        report["docks"] = sorted(docks)
        window = utils.iface.mainWindow()
        window.resize(1280, 800)
        QgsApplication.processEvents()
        report["screenshot"] = window.grab().save(SCREENSHOT, "PNG")
    except Exception as error:  # report, never hang the desktop
        report["errors"].append(repr(error))
    with open(REPORT, "w", encoding="utf-8") as handle:
        json.dump(report, handle)
    QgsApplication.instance().exit(0)


QTimer.singleShot(4000, _finish)
