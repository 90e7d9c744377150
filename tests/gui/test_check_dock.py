"""The check panel driven directly (pytest-qgis's iface.addDockWidget does nothing)."""

from __future__ import annotations

import time

import pytest
from qgis.core import QgsVectorFileWriter, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from sg_nr_plugin.core.checks.roles import LayerInfo, detect_roles
from sg_nr_plugin.gui.panel_state import KEY_ROLE
from tests.checks.helpers import dltb, layer, projects, rect_wkt
from tests.conftest import TINY


def wait_until(condition, timeout: float = 60.0) -> bool:
    """Process events until ``condition()`` holds (tasks report back through the event loop)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def sample_layers(count: int = 3):
    parcels = projects([(f"P{i}", rect_wkt(300 * i, 0, 300 * i + 100, 100), {})
                        for i in range(count)])
    parcels.setName("补充耕地项目")
    survey = dltb([(rect_wkt(-10, -10, 300 * count, 110), "0404", 0.0)])
    red = layer("生态保护红线", [(rect_wkt(0, 0, 50, 100), {})])
    forest = layer("公益林", [(rect_wkt(300, 0, 320, 100), {})])
    return {"PROJECTS": parcels, "DLTB": survey, "ECO_REDLINE": red, "PUBLIC_FOREST": forest}


@pytest.fixture
def dock(project, provider_registered, qgis_iface):
    from sg_nr_plugin.gui.check_config import dock_configs
    from sg_nr_plugin.gui.check_dock import CheckDock

    widget = CheckDock(dock_configs()[0], qgis_iface)
    yield widget
    widget.runner.cancel()
    wait_until(lambda: not widget.runner.running, 30)
    widget.deleteLater()


def test_detect_roles_pure():
    layers = [LayerInfo("a", "地类图斑", "polygon", ("DLBM", "TBMJ")),
              LayerInfo("b", "STBHHX_2022", "polygon"),
              LayerInfo("c", "已备案项目", "polygon", ("XMBH",)),
              LayerInfo("d", "parcels", "polygon", ("XMBH", "MJ")),
              LayerInfo("e", "dem_30m", "raster")]
    found = detect_roles(layers, ("PROJECTS", "DLTB", "ECO_REDLINE", "FILED_PROJECTS", "DEM"))
    assert found == {"DLTB": "a", "ECO_REDLINE": "b", "FILED_PROJECTS": "c",
                     "PROJECTS": "d", "DEM": "e"}


def test_dock_detects_roles_from_project_layers(project, dock):
    layers = sample_layers()
    project.addMapLayers(list(layers.values()))
    dock.detect_roles()
    for role, expected in layers.items():
        assert dock.role_combos[role].currentLayer() is expected, role
    assert dock.role_combos["PROTECTED_AREAS"].currentLayer() is None
    assert dock.field_combos["PROJECT_ID_FIELD"].layer() is layers["PROJECTS"]


def test_mapping_survives_writing_and_reading_the_project(project, dock, tmp_path):
    layers = sample_layers()
    saved = {}
    for role, memory_layer in layers.items():
        path = str(tmp_path / f"{role}.gpkg")
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        error = QgsVectorFileWriter.writeAsVectorFormatV3(
            memory_layer, path, project.transformContext(), options)
        assert error[0] == QgsVectorFileWriter.NoError


        saved[role] = QgsVectorLayer(path, f"layer_{role.lower()}", "ogr")
    # names that detection would not map this way: the mapping must come from the project
    project.addMapLayers(list(saved.values()))
    dock.role_combos["PROJECTS"].setLayer(saved["PROJECTS"])
    dock.role_combos["ECO_REDLINE"].setLayer(saved["PUBLIC_FOREST"])
    dock.field_combos["PROJECT_ID_FIELD"].setField("XMBH")
    path = str(tmp_path / "check.qgz")
    assert project.write(path)
    project.clear()
    wait_until(lambda: False, 0.2)
    assert dock.role_combos["PROJECTS"].currentLayer() is None
    assert project.read(path)
    wait_until(lambda: False, 0.2)
    assert dock.role_combos["PROJECTS"].currentLayer().name() == "layer_projects"
    assert dock.role_combos["ECO_REDLINE"].currentLayer().name() == "layer_public_forest"
    assert dock.field_combos["PROJECT_ID_FIELD"].currentField() == "XMBH"


def test_check_runs_as_a_task_and_the_tree_matches_the_output(project, dock, tmp_path):
    layers = sample_layers()
    project.addMapLayers(list(layers.values()))
    dock.detect_roles()
    before = len(project.mapLayers())
    assert dock.run_check(False)
    assert wait_until(lambda: not dock.runner.running), "task did not finish"
    assert len(project.mapLayers()) == before + 2
    projects_layer = dock.result_layers["OUTPUT_PROJECTS"]
    findings_layer = dock.result_layers["OUTPUT_FINDINGS"]
    model = dock.tree.model()
    assert model.rowCount() == projects_layer.featureCount() == 3
    per_project = {}
    for finding in findings_layer.getFeatures():
        per_project[finding["project_id"]] = per_project.get(finding["project_id"], 0) + 1
    for row in range(model.rowCount()):
        item = model.item(row, 0)
        assert item.rowCount() == per_project.get(item.text(), 0)
    rules = sorted(f["rule_id"] for f in findings_layer.getFeatures())
    assert rules == ["eco_redline", "public_forest"]
    assert "Protected areas" in dock.status.text()  # not checked, and the panel says so
    exported = dock.export_report(str(tmp_path / "out.xlsx"))
    assert exported and (tmp_path / "out.xlsx").stat().st_size > 0
    dock.verdict_filter.setCurrentIndex(dock.verdict_filter.findData("pass"))
    assert dock.tree.model().rowCount() == 1


def test_cancel_leaves_no_output_layer(project, dock):
    layers = sample_layers(count=60)
    project.addMapLayers(list(layers.values()))
    dock.detect_roles()
    before = set(project.mapLayers())
    assert dock.run_check(False)
    dock.runner.cancel()
    assert wait_until(lambda: not dock.runner.running), "task did not stop"
    assert set(project.mapLayers()) == before
    assert dock.result_layers == {}
    assert "canceled" in dock.message_text()
    assert dock.check_all_button.isEnabled()


def test_double_click_zooms_to_the_finding(project, dock, qgis_iface):
    layers = sample_layers()
    project.addMapLayers(list(layers.values()))
    dock.detect_roles()
    assert dock.run_check(False)
    assert wait_until(lambda: not dock.runner.running)
    canvas = qgis_iface.mapCanvas()
    canvas.setDestinationCrs(layers["PROJECTS"].crs())
    canvas.setExtent(layers["PROJECTS"].extent().buffered(5000))
    before = canvas.extent()
    project_item = dock.tree.model().item(0, 0)
    finding_index = project_item.child(0, 0).index()
    assert dock.zoom_to(finding_index)
    after = canvas.extent()
    assert after.width() < before.width() / 10
    assert after.contains(layers["ECO_REDLINE"].extent().center())


def test_detect_roles_on_the_sample_layer_codes():
    names = {"YJJBNT": ("DLBM", "TBMJ"), "DLTB": ("DLBM", "TBMJ", "KCXS"), "STBHHX": (),
             "ZRBHD": ("GNFQ",), "GYL": (), "CZKFBJ": (), "JZKKPD": (), "XM_BCGD": ("XMBH",),
             "XM_KZST": ("XMBH",), "XM_KSXF": ("XMBH",), "JSZY": ("XMBH",)}
    layers = [LayerInfo(n, n, "polygon", f) for n, f in names.items()]
    layers += [LayerInfo("DZZHD", "DZZHD", "point"), LayerInfo("DL", "DL", "line"),
               LayerInfo("HL", "HL", "line")]
    roles = ("PROJECTS", "DLTB", "ECO_REDLINE", "PROTECTED_AREAS", "PUBLIC_FOREST",
             "URBAN_BOUNDARY", "BASIC_FARMLAND", "STEEP_SLOPE", "HAZARDS", "ROADS", "RIVERS")
    assert detect_roles(layers, roles, "farmland") == {
        "PROJECTS": "XM_BCGD", "DLTB": "DLTB", "ECO_REDLINE": "STBHHX",
        "PROTECTED_AREAS": "ZRBHD", "PUBLIC_FOREST": "GYL", "URBAN_BOUNDARY": "CZKFBJ",
        "BASIC_FARMLAND": "YJJBNT", "STEEP_SLOPE": "JZKKPD", "HAZARDS": "DZZHD",
        "ROADS": "DL", "RIVERS": "HL"}
    assert detect_roles(layers, ("PROJECTS",), "mine") == {"PROJECTS": "XM_KSXF"}




@pytest.mark.skipif(not (TINY / "shaoguan_tiny.gpkg").exists(), reason="data/tiny missing")
def test_tiny_sample_roles_and_a_check_identical_to_the_algorithm(project, dock):
    from osgeo import ogr
    from qgis.core import QgsApplication, QgsProcessingContext, QgsProcessingFeedback

    gpkg = TINY / "shaoguan_tiny.gpkg"
    names = [lyr.GetName() for lyr in ogr.Open(str(gpkg))]
    layers = {n: QgsVectorLayer(f"{gpkg}|layername={n}", n, "ogr") for n in names}
    project.addMapLayers(list(layers.values()))
    found = dock.detect_roles()
    expected = {"PROJECTS": "XM_BCGD", "DLTB": "DLTB", "ECO_REDLINE": "STBHHX",
                "PROTECTED_AREAS": "ZRBHD", "PUBLIC_FOREST": "GYL", "URBAN_BOUNDARY": "CZKFBJ",
                "BASIC_FARMLAND": "YJJBNT", "STEEP_SLOPE": "JZKKPD", "HAZARDS": "DZZHD"}
    assert {role: project.mapLayer(i).name() for role, i in found.items()} == expected
    assert dock.run_check(False)
    assert wait_until(lambda: not dock.runner.running), "task did not finish"
    panel = {dock.tree.model().item(r, 0).text(): dock.tree.model().item(r, 0).rowCount()
             for r in range(dock.tree.model().rowCount())}
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("sgnr:checkfarmland")
    context = QgsProcessingContext()
    context.setProject(project)
    params = {role: layers[name] for role, name in expected.items()}
    params.update(OUTPUT_FINDINGS="memory:", OUTPUT_PROJECTS="memory:")
    results, ok = algorithm.run(params, context, QgsProcessingFeedback())
    assert ok
    findings = context.takeResultLayer(results["OUTPUT_FINDINGS"])
    direct: dict[str, int] = {}
    for feature in findings.getFeatures():
        direct[feature["project_id"]] = direct.get(feature["project_id"], 0) + 1
    assert panel == {pid: direct.get(pid, 0) for pid in panel}
    assert len(panel) == context.takeResultLayer(results["OUTPUT_PROJECTS"]).featureCount()


def test_panel_in_chinese(project, provider_registered, qgis_iface):
    from sg_nr_plugin.gui.check_config import dock_configs
    from sg_nr_plugin.gui.check_dock import CheckDock
    from sg_nr_plugin.i18n import install_translator, remove_translator

    assert install_translator("zh_CN")
    try:
        widget = CheckDock(dock_configs()[0], qgis_iface)
        assert widget.windowTitle() == "补充耕地核查"
        assert widget.check_all_button.text() == "全部核查"
        assert widget.verdict_filter.itemText(1) == "不通过"
        widget.deleteLater()
    finally:
        remove_translator()


def test_edited_threshold_reaches_the_algorithm(project, dock):
    layers = sample_layers()
    project.addMapLayers(list(layers.values()))
    dock.detect_roles()
    table = dock.threshold_table
    row = next(r for r in range(table.rowCount())
               if table.item(r, 0).data(KEY_ROLE) == "min_finding_m2")
    assert table.item(row, 0).text() == "Smallest conflict reported (m²)"  # not the key
    table.item(row, 1).setText("1000000")  # every conflict becomes "noise"
    assert dock.run_check(False)
    assert wait_until(lambda: not dock.runner.running)
    assert dock.result_layers["OUTPUT_FINDINGS"].featureCount() == 0
    table.item(row, 1).setText("abc")
    assert not dock.run_check(False) and "Smallest conflict" in dock.message_text()
