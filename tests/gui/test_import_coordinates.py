"""The check panel imports 报部坐标 files and uses them as its project layer (issue 10)."""

from __future__ import annotations

from pathlib import Path

from tests.gui.test_check_dock import wait_until

DATA = Path(__file__).resolve().parents[1] / "coordtxt" / "data"


def test_import_from_coordinate_files_sets_the_project_layer(project, provider_registered,
                                                            qgis_iface):
    from sg_nr_plugin.gui.check_config import dock_configs
    from sg_nr_plugin.gui.check_dock import CheckDock

    dock = CheckDock(dock_configs()[0], qgis_iface)
    try:
        files = [str(DATA / "single_square.txt"), str(DATA / "several_gbk.txt")]
        assert dock.import_coordinates(files)
        assert wait_until(lambda: not dock.import_runner.running, 60), "import did not finish"
        layer = dock.role_combos["PROJECTS"].currentLayer()
        assert layer is not None and layer.id() in project.mapLayers()
        ids = {f["XMBH"] for f in layer.getFeatures()}
        assert ids == {"single_square", "several_gbk"}
        assert layer.featureCount() >= 2
        assert dock.field_combos["PROJECT_ID_FIELD"].currentField() == "XMBH"
        assert dock.import_button.isEnabled()
    finally:
        dock.deleteLater()


def test_nothing_chosen_starts_nothing(project, provider_registered, qgis_iface):
    from sg_nr_plugin.gui.check_config import dock_configs
    from sg_nr_plugin.gui.check_dock import CheckDock

    dock = CheckDock(dock_configs()[0], qgis_iface)
    try:
        assert not dock.import_coordinates([])
        assert not dock.import_runner.running
    finally:
        dock.deleteLater()
