"""The check panels' "import projects from coordinate files" (报部坐标 .txt).

The panel runs ``sgnr:importcoordtxt`` as a background task, like a check, and makes the
imported layer its project layer (project id = file name, field XMBH).
"""

from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QFileDialog

from ..i18n import tr
from .result_layers import IMPORTS_GPKG_NAME, ResultRun


class CoordinateImportMixin:
    """Needs ``import_runner``, ``import_button``, ``status``, ``role_combos`` and
    ``field_combos`` on the panel (see :class:`~.check_dock.CheckDock`)."""

    def import_coordinates(self, paths: list[str] | None = None) -> bool:
        """Import 报部坐标 files in the background; the new layer becomes the project layer."""
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(
                self, tr("Import projects from coordinate files"), "",
                tr("Coordinate files (*.txt)"))
        if not paths:
            return False
        # into sgnr_imports.gpkg beside the results (gui/result_layers.py), not a memory layer
        self._import_run = ResultRun("imported", ("OUTPUT",), gpkg_name=IMPORTS_GPKG_NAME)
        started = self.import_runner.start("sgnr:importcoordtxt", {
            "INPUT": list(paths), **self._import_run.destinations()}, ("OUTPUT",))
        self.import_button.setEnabled(not started)
        self.status.setText(tr("Importing {n} coordinate file(s)…").format(n=len(paths))
                            if started else tr("The import could not start."))
        return started

    def _imported(self, ok: bool, results: dict, layers: dict) -> None:
        self.import_button.setEnabled(True)
        layer = self._import_run.load().get("OUTPUT") if ok else None
        if layer is None:
            self._import_run.discard()
            errors = results.get("_errors") or [tr("see the log for details")]
            self.show_message(tr("The import failed; no layer was added: {reason}").format(
                reason=errors[-1]), details=results.get("_log", "")[-4000:])
            return
        QgsProject.instance().addMapLayer(layer)
        self.role_combos["PROJECTS"].setLayer(layer)
        self.field_combos["PROJECT_ID_FIELD"].setField("XMBH")  # project id = file name
        self.status.setText(tr("{parcels} parcel(s) imported, {errors} file error(s): see the "
                               "Processing log for the lines.").format(
            parcels=results.get("PARCELS", 0), errors=results.get("ERRORS", 0)))
