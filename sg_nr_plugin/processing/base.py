"""Shared base of every ``sgnr`` algorithm: ids, groups, bilingual help, instances."""

from __future__ import annotations

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtGui import QIcon

from ..core.errors import SgNrError
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

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        """Run :meth:`compute`; user-facing errors become a clean ``QgsProcessingException``."""
        try:
            return self.compute(parameters, context, feedback)
        except SgNrError as error:
            raise QgsProcessingException(str(error)) from error

    # Not named ``run``: that is QgsProcessingAlgorithm.run, which processing.run, the
    # algorithm dialog and the batch dialog call.
    def compute(self, parameters, context, feedback) -> dict:
        """The algorithm's work (subclasses implement this instead of ``processAlgorithm``)."""
        raise NotImplementedError

    # To be provided by subclasses -------------------------------------------------------
    def display_name(self) -> str:
        raise NotImplementedError

    def group_name(self) -> str:
        raise NotImplementedError

    def help_text(self) -> str:
        raise NotImplementedError
