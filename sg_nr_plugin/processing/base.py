"""Shared base of every ``sgnr`` algorithm: ids, groups, bilingual help, instances."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtGui import QIcon

from ..paths import icon_path


class SgNrAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set the class attributes and implement the parameters and processing.

    ``ALGORITHM_ID`` is a public contract (users' models and batch files name it): never change
    it. ``display_name``, ``group_name`` and ``help_text`` return translated strings, written
    as ``tr("literal")`` in the subclass so that ``pylupdate5`` finds them.
    """

    ALGORITHM_ID = ""
    GROUP_ID = ""

    def name(self) -> str:
        return self.ALGORITHM_ID

    def displayName(self) -> str:  # noqa: N802 - QGIS API name
        return self.display_name()

    def group(self) -> str:
        return self.group_name()

    def groupId(self) -> str:  # noqa: N802 - QGIS API name
        return self.GROUP_ID

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API name
        return self.help_text()

    def icon(self) -> QIcon:
        return QIcon(icon_path("sgnr.svg"))

    def createInstance(self):  # noqa: N802 - QGIS API name
        return type(self)()

    # To be provided by subclasses -------------------------------------------------------
    def display_name(self) -> str:
        raise NotImplementedError

    def group_name(self) -> str:
        raise NotImplementedError

    def help_text(self) -> str:
        raise NotImplementedError
