"""PYQGIS_STARTUP hook for the desktop smoke test: write every QGIS log message to a file.

Runs before plugins are loaded, so errors raised while loading them are captured too.
"""

import os

from qgis.core import Qgis, QgsApplication

_path = os.environ["SGNR_SMOKE_LOG"]


def _write(message, tag, level):
    with open(_path, "a", encoding="utf-8") as handle:
        handle.write(f"{tag}\t{int(level)}\t{message}\n".replace("\r", " "))


QgsApplication.messageLog().messageReceived.connect(_write)
_write("log capture installed", "sgnr-smoke", Qgis.Info)
