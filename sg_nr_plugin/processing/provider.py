"""The Processing provider ``sgnr`` (韶关自然资源)."""

from __future__ import annotations

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from ..paths import icon_path

PROVIDER_ID = "sgnr"


class SgNrProvider(QgsProcessingProvider):
    """Registers every algorithm module found in :mod:`.algorithms`."""

    def id(self) -> str:
        return PROVIDER_ID

    def name(self) -> str:
        return tr("Shaoguan Natural Resources")

    def longName(self) -> str:  # noqa: N802 - QGIS API name
        return tr("Shaoguan Natural Resources (三调 statistics and project checks)")

    def icon(self) -> QIcon:
        return QIcon(icon_path("sgnr.svg"))

    def loadAlgorithms(self) -> None:  # noqa: N802 - QGIS API name
        from .algorithms import algorithm_classes

        for algorithm_class in algorithm_classes():
            self.addAlgorithm(algorithm_class())
