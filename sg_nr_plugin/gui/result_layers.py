"""Where a panel's results go and how they appear on the map.

A check run from a panel writes its layers into a GeoPackage, not into memory layers (which
QGIS asks about on closing and which are lost with the session): ``sgnr_results.gpkg`` in the
project's folder, or in a folder the user picks (remembered in the project), or — for a
project not saved yet — in ``sgnr_results`` under the QGIS profile. One table per output,
named after the check and the time (``farmland_findings_20260312_143005``); the layers are
loaded from there into a group of their own. A new run replaces the group of the previous run
of the same check (its tables are dropped from the GeoPackage), unless "keep earlier results"
is on. A run that fails or is canceled leaves no table behind.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.gui import QgsCollapsibleGroupBox, QgsFileWidget
from qgis.PyQt.QtWidgets import QCheckBox, QLabel, QVBoxLayout

from ..core.errors import SgNrError
from ..i18n import tr
from ..processing.presentation import present_layer
from .widget_texts import results_folder_texts

SCOPE = "sgnr_results"
GPKG_NAME = "sgnr_results.gpkg"
# Imported coordinate files become an input of the checks: never in the file checks write to
IMPORTS_GPKG_NAME = "sgnr_imports.gpkg"
PROFILE_FOLDER = "sgnr_results"
KIND_PROPERTY = "sgnr/result_kind"  # on a result group: which panel made it
TABLES_PROPERTY = "sgnr/result_tables"  # on a result group: its GeoPackage and tables
# output parameter → (table suffix, style); the labels are translated where they are used
OUTPUTS = {"OUTPUT_FINDINGS": ("findings", "check_findings.qml"),
           "OUTPUT_PROJECTS": ("projects", "check_projects.qml"),
           "OUTPUT": ("parcels", None)}


def output_title(output: str) -> str:
    return {"OUTPUT_FINDINGS": tr("Findings"), "OUTPUT_PROJECTS": tr("Checked projects"),
            "OUTPUT": tr("Imported projects")}[output]


# ---- the folder and the option, stored in the project -----------------------------------------
def results_folder(project: QgsProject | None = None) -> Path:
    """The chosen folder, else the project's, else ``sgnr_results`` in the QGIS profile."""
    project = project or QgsProject.instance()
    chosen, ok = project.readEntry(SCOPE, "folder", "")
    if ok and chosen:
        return Path(chosen)
    if project.fileName():
        return Path(project.absolutePath())
    return Path(QgsApplication.qgisSettingsDirPath()) / PROFILE_FOLDER


def set_results_folder(folder: str, project: QgsProject | None = None) -> None:
    (project or QgsProject.instance()).writeEntry(SCOPE, "folder", folder or "")


def keep_history(project: QgsProject | None = None) -> bool:
    value, ok = (project or QgsProject.instance()).readBoolEntry(SCOPE, "keep_history", False)
    return bool(value) if ok else False


def set_keep_history(keep: bool, project: QgsProject | None = None) -> None:
    (project or QgsProject.instance()).writeEntry(SCOPE, "keep_history", bool(keep))


def results_gpkg(project: QgsProject | None = None, name: str = GPKG_NAME) -> Path:
    return results_folder(project) / name


# ---- a run ------------------------------------------------------------------------------
class ResultRun:
    """The GeoPackage tables one run writes: its destinations, then its layers or nothing."""

    def __init__(self, kind: str, outputs, project: QgsProject | None = None,
                 when: datetime | None = None, gpkg_name: str = GPKG_NAME) -> None:
        self.project = project or QgsProject.instance()
        self.kind, self.when = kind, when or datetime.now()
        self.gpkg = results_gpkg(self.project, gpkg_name)
        existing = set(_tables(self.gpkg))
        stamp = f"{self.when:%Y%m%d_%H%M%S}"
        self.tables = {}
        for output in outputs:
            table, number = f"{kind}_{OUTPUTS[output][0]}_{stamp}", 1
            while table in existing:  # two runs within one second
                number += 1
                table = f"{kind}_{OUTPUTS[output][0]}_{stamp}_{number}"
            self.tables[output] = table

    def destinations(self) -> dict[str, str]:
        """The output parameter values: one table each in the results GeoPackage."""
        self.gpkg.parent.mkdir(parents=True, exist_ok=True)
        self.created = not self.gpkg.exists()  # this run makes the file: discard removes it
        if not self.created and _open(self.gpkg) is None:  # every run would fail on it
            raise SgNrError(tr("The results file {path} cannot be opened as a GeoPackage: "
                               "delete or rename it, or choose another results folder.")
                            .format(path=self.gpkg))
        path = str(self.gpkg).replace("'", "''")
        return {output: f"ogr:dbname='{path}' table=\"{table}\" (geom)"
                for output, table in self.tables.items()}

    def discard(self) -> None:
        """Drop what a failed or canceled run may have written; a GeoPackage the run created
        goes when nothing else is in it (or it was left unreadable: it would fail the next
        run)."""
        drop_tables(self.gpkg, self.tables.values())
        if getattr(self, "created", False) and self.gpkg.exists() and not _tables(self.gpkg):
            for path in (self.gpkg, *(self.gpkg.with_name(self.gpkg.name + suffix)
                                      for suffix in ("-wal", "-shm", "-journal"))):
                with contextlib.suppress(OSError):  # still open elsewhere: stays
                    path.unlink(missing_ok=True)

    def load(self, title: str = "") -> dict[str, QgsVectorLayer]:
        """The run's layers, read back from the GeoPackage, named after the check (``title``),
        the output and the time, presented (style, aliases, rounding, legend); a table that
        is missing or unreadable is left out."""
        layers = {}
        for output, table in self.tables.items():
            name = " ".join(filter(None, (title, output_title(output),
                                          f"{self.when:%H:%M:%S}")))
            layer = QgsVectorLayer(f"{self.gpkg}|layername={table}", name, "ogr")
            if layer.isValid():
                present_layer(layer, OUTPUTS[output][1])
                layers[output] = layer
        return layers

    def add_group(self, title: str, layers: dict) -> object:
        """A group for the run's layers at the top of the layer tree; the previous run's group
        of the same check is removed first, unless earlier results are kept."""
        if not keep_history(self.project):
            remove_result_groups(self.kind, self.project)
        group = self.project.layerTreeRoot().insertGroup(0, f"{title} {self.when:%H:%M:%S}")
        group.setCustomProperty(KIND_PROPERTY, self.kind)
        group.setCustomProperty(TABLES_PROPERTY, [str(self.gpkg), *self.tables.values()])
        for layer in layers.values():
            self.project.addMapLayer(layer, False)
            group.addLayer(layer)
        return group


def result_groups(kind: str, project: QgsProject | None = None) -> list:
    root = (project or QgsProject.instance()).layerTreeRoot()
    return [g for g in root.findGroups(True) if g.customProperty(KIND_PROPERTY) == kind]


def remove_result_groups(kind: str, project: QgsProject | None = None) -> None:
    """Remove the result groups of one panel, their layers, and their GeoPackage tables."""
    project = project or QgsProject.instance()
    for group in result_groups(kind, project):
        recorded = group.customProperty(TABLES_PROPERTY) or []
        project.removeMapLayers([node.layerId() for node in group.findLayers()
                                 if node.layer() is not None])
        group.parent().removeChildNode(group)
        if len(recorded) > 1:  # a layer the user moved out of the group keeps its table
            used = " ".join(layer.source() for layer in project.mapLayers().values())
            drop_tables(Path(recorded[0]),
                        [t for t in recorded[1:] if f"layername={t}" not in used])


def _open(gpkg: Path, update: bool = False):
    """The GDAL dataset of ``gpkg``, or None when it is missing or unreadable."""
    if not gpkg.is_file():
        return None
    from osgeo import ogr

    try:  # GDAL raises instead of returning None when its exceptions are on
        return ogr.Open(str(gpkg), 1 if update else 0)
    except RuntimeError:
        return None


def _tables(gpkg: Path) -> list[str]:
    dataset = _open(gpkg)
    if dataset is None:
        return []
    return [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())]


def drop_tables(gpkg: Path, tables) -> None:
    """Delete the named tables (written by the plugin) from the GeoPackage; best effort: a
    table still open elsewhere stays, and is replaced by nothing."""
    tables = set(tables)
    dataset = _open(gpkg, update=True) if tables else None
    if dataset is None:
        return
    with contextlib.suppress(RuntimeError):  # locked by another program: they stay, unused
        for index in reversed(range(dataset.GetLayerCount())):
            if dataset.GetLayer(index).GetName() in tables:
                dataset.DeleteLayer(index)
    dataset = None  # closes the file


# ---- the panel's settings box ----------------------------------------------------------
class ResultsBox(QgsCollapsibleGroupBox):
    """Results folder and "keep earlier results", read from and written to the project."""

    def __init__(self, parent=None) -> None:
        super().__init__(tr("Results"), parent)
        self.setCollapsed(True)
        layout = QVBoxLayout(self)
        self.folder = QgsFileWidget()
        self.folder.setStorageMode(QgsFileWidget.GetDirectory)
        self.folder.setToolTip(tr("Folder of the results GeoPackage (empty: the project's "
                                  "folder)"))
        results_folder_texts(self.folder)
        self.keep = QCheckBox(tr("Keep earlier results"))
        self.keep.setToolTip(tr("A new run adds a group instead of replacing the last one."))
        self.where = QLabel()
        self.where.setWordWrap(True)
        label = QLabel(tr("Results folder (empty: the project's folder)"))
        label.setWordWrap(True)  # a narrow dock: never wider than the panel
        layout.addWidget(label)
        layout.addWidget(self.folder)
        layout.addWidget(self.keep)
        layout.addWidget(self.where)
        self._reading = False
        self.folder.fileChanged.connect(self._store)
        self.keep.toggled.connect(self._store)
        QgsProject.instance().readProject.connect(self.read)
        QgsProject.instance().cleared.connect(self.read)
        self.read()

    def read(self, *_args) -> None:
        project = QgsProject.instance()
        self._reading = True
        try:
            chosen, _ok = project.readEntry(SCOPE, "folder", "")
            self.folder.setFilePath(chosen)
            self.keep.setChecked(keep_history(project))
        finally:
            self._reading = False
        self._show_where()

    def _store(self, *_args) -> None:
        if self._reading:
            return
        set_results_folder(self.folder.filePath())
        set_keep_history(self.keep.isChecked())
        self._show_where()

    def _show_where(self) -> None:
        # A path has no spaces to wrap at: let it break after each separator (a narrow dock).
        path = str(results_gpkg()).replace("/", "/\u200b").replace("\\", "\\\u200b")
        self.where.setText(tr("Results are written to {path}").format(path=path))
        self.where.setToolTip(str(results_gpkg()))
