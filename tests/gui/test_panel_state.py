"""Issue #18 [panel]: the panel fills its pickers when it opens and when a project is read,
and stores every choice in the project (scope ``sg_nr_plugin``) so a reopened .qgz has them."""

from __future__ import annotations

import json
import shutil

from qgis.core import QgsProject, QgsVectorFileWriter, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent

from sg_nr_plugin.gui.panel_state import KEY_ROLE
from sg_nr_plugin.paths import resource_path
from tests.checks.helpers import dltb, layer, rect_wkt
from tests.gui.test_check_dock import wait_until
from tests.gui.test_detection import make_dock


def _save(path, memory_layer, name: str) -> str:
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName, options.layerName = "GPKG", name
    options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteLayer if path.exists()
                                    else QgsVectorFileWriter.CreateOrOverwriteFile)
    error = QgsVectorFileWriter.writeAsVectorFormatV3(
        memory_layer, str(path), QgsProject.instance().transformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    return f"{path}|layername={name}"


def sample_like_project(tmp_path, stored: dict[str, str] | None = None) -> str:
    """A .qgz like the sample's: XM_BCGD (XMBH, SBMJ in 亩) and DLTB in a GeoPackage, written
    by a separate project object (the panel does not see it being made). ``stored`` entries
    go under the scope an older plugin version used."""
    gpkg = tmp_path / "sample.gpkg"
    parcels = layer("x", [(rect_wkt(0, 0, 100, 100), {"XMBH": "BCGD-1", "SBMJ": 15.0})],
                    {"XMBH": str, "SBMJ": float})
    sources = {"XM_BCGD": _save(gpkg, parcels, "XM_BCGD"),
               "DLTB": _save(gpkg, dltb([(rect_wkt(-10, -10, 110, 110), "0103", 0.0)]),
                             "DLTB")}
    other = QgsProject()
    layers = {n: QgsVectorLayer(s, n, "ogr") for n, s in sources.items()}
    other.addMapLayers(list(layers.values()))
    for key, name in (stored or {}).items():
        other.writeEntry("sgnr_checks", key, layers[name].id())
    path = str(tmp_path / "sample.qgz")
    assert other.write(path)
    return path


def _delete(dock) -> None:
    """Delete the panel now, before the project fixture clears the project."""
    dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.DeferredDelete)


def _pickers(dock) -> tuple:
    projects = dock.role_combos["PROJECTS"].currentLayer()
    survey = dock.role_combos["DLTB"].currentLayer()
    return (projects.name() if projects else None, survey.name() if survey else None,
            dock.field_combos["PROJECT_ID_FIELD"].currentField(),
            dock.field_combos["DECLARED_AREA_FIELD"].currentField())


def test_pickers_are_filled_at_open_and_after_a_project_is_read(project, provider_registered,
                                                                qgis_iface, tmp_path):
    # The project names only its project layer (a choice saved by an older version): the
    # other pickers must still be detected, not left empty until "Detect layers".
    path = sample_like_project(tmp_path, stored={"farmland/PROJECTS": "XM_BCGD"})
    assert project.read(path)
    opened = make_dock(qgis_iface, "farmland")  # opened on a loaded project
    try:
        assert _pickers(opened) == ("XM_BCGD", "DLTB", "XMBH", "SBMJ")
    finally:
        _delete(opened)
    dock = make_dock(qgis_iface, "farmland")  # open before the project is read
    try:
        project.clear()
        wait_until(lambda: False, 0.1)
        assert _pickers(dock) == (None, None, "", "")
        assert project.read(path)
        wait_until(lambda: False, 0.1)
        assert _pickers(dock) == ("XM_BCGD", "DLTB", "XMBH", "SBMJ")
    finally:
        _delete(dock)


def test_choices_come_back_when_the_qgz_is_reopened(project, provider_registered, qgis_iface,
                                                    tmp_path):
    path = sample_like_project(tmp_path)
    assert project.read(path)
    dock = make_dock(qgis_iface, "farmland")
    try:
        survey = dock.role_combos["DLTB"]
        survey.setLayer(None)  # the user empties a picker detection had filled…
        survey.activated.emit(survey.currentIndex())
        area = dock.field_combos["DECLARED_AREA_FIELD"]
        area.setField("")  # …and a field picker
        area.activated.emit(area.currentIndex())
        dock.unit_combo.setCurrentIndex(3)  # 万亩 (the default is 亩)
        ruleset = tmp_path / "my_rules.json"
        shutil.copy(resource_path("data", "rulesets", "gd_farmland.json"), ruleset)
        dock.ruleset_file.setFilePath(str(ruleset))
        table = dock.threshold_table
        row = next(r for r in range(table.rowCount())
                   if table.item(r, 0).data(KEY_ROLE) == "min_finding_m2")
        table.item(row, 1).setText("25")
        report = tmp_path / "report.xlsx"
        dock.report_file.setFilePath(str(report))
        saved = str(tmp_path / "saved.qgz")
        assert project.write(saved)
        value, ok = project.readEntry("sg_nr_plugin", "farmland/unit", "")
        assert ok and value == "3"
        project.clear()
        wait_until(lambda: False, 0.1)
        assert dock.unit_combo.currentIndex() == 2  # a new project starts from the defaults
        assert dock.ruleset_file.filePath() == "" and dock.report_file.filePath() == ""
        assert project.read(saved)
        wait_until(lambda: False, 0.1)
        assert _pickers(dock) == ("XM_BCGD", None, "XMBH", "")  # not filled again
        assert dock.unit_combo.currentIndex() == 3
        assert dock.ruleset_file.filePath() == str(ruleset)
        assert dock.report_file.filePath() == str(report)
        assert table.item(row, 0).data(KEY_ROLE) == "min_finding_m2"
        assert table.item(row, 1).text() == "25"
        stored, _ = project.readEntry("sg_nr_plugin", "farmland/thresholds", "")
        assert json.loads(stored) == {"min_finding_m2": "25"}
        # "Detect layers" is the user's own request: it fills them again.
        dock.detect_roles()
        assert _pickers(dock) == ("XM_BCGD", "DLTB", "XMBH", "SBMJ")
    finally:
        _delete(dock)
