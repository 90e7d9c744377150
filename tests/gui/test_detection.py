"""The check panel fills its layer and field pickers by itself — when it opens and when layers
are loaded, not only on "Detect layers" — and says which layers it could not place."""

from __future__ import annotations

import pytest
from qgis.core import QgsVectorLayer

from tests.checks.helpers import layer, rect_wkt
from tests.conftest import TINY_GPKG as GPKG
from tests.gui.test_check_dock import wait_until

TINY_LAYERS = ("DLTB", "STBHHX", "ZRBHD", "GYL", "CZKFBJ", "YJJBNT", "JZKKPD", "DZZHD",
               "XM_BCGD", "XM_KZST", "XM_KSXF")


def make_dock(qgis_iface, name: str):
    from sg_nr_plugin.gui.check_config import dock_configs
    from sg_nr_plugin.gui.check_dock import CheckDock

    return CheckDock(next(c for c in dock_configs() if c.name == name), qgis_iface)


@pytest.fixture
def farmland_dock(project, provider_registered, qgis_iface):
    widget = make_dock(qgis_iface, "farmland")
    widget.show()  # a hidden panel detects when it is shown (test below)
    yield widget
    widget.runner.cancel()
    wait_until(lambda: not widget.runner.running, 30)
    widget.deleteLater()


@pytest.mark.skipif(not GPKG.is_file(), reason="data/tiny missing")
def test_loading_layers_fills_the_pickers_and_the_declared_area_mismatch_fails(project,
                                                                                farmland_dock):
    dock = farmland_dock
    project.addMapLayers([QgsVectorLayer(f"{GPKG}|layername={n}", n, "ogr")
                          for n in TINY_LAYERS])  # no "Detect layers" pressed
    assert dock.role_combos["PROJECTS"].currentLayer().name() == "XM_BCGD"
    assert dock.role_combos["ECO_REDLINE"].currentLayer().name() == "STBHHX"
    assert dock.role_combos["BASIC_FARMLAND"].currentLayer().name() == "YJJBNT"
    fields = {p: c.currentField() for p, c in dock.field_combos.items()}
    assert fields["PROJECT_ID_FIELD"] == "XMBH"
    assert fields["DECLARED_AREA_FIELD"] == "SBMJ"  # before: empty, area_mismatch skipped
    assert fields["PROTECTED_ZONE_FIELD"] == "GNFQ"
    assert fields["PLANNED_CLASS_FIELD"] == "GHDL"
    assert dock.run_check(False)
    assert wait_until(lambda: not dock.runner.running), "task did not finish"
    checked = dock.result_layers["OUTPUT_PROJECTS"]
    verdicts = {f["project_id"]: f for f in checked.getFeatures()}
    planted = verdicts["BCGD-440205-010"]  # 47.518 mu declared, 43.198 mu measured
    assert planted["verdict"] == "needs_fixing"  # area_mismatch is a warning; before: pass
    assert "area_mismatch" not in planted["not_checked"]
    rules = {f["rule_id"] for f in dock.result_layers["OUTPUT_FINDINGS"].getFeatures()
             if f["project_id"] == "BCGD-440205-010"}
    assert rules == {"area_mismatch"}


def test_basic_farmland_red_lines_and_an_ambiguous_name_in_the_panel(project, farmland_dock):
    dock = farmland_dock
    square = [(rect_wkt(0, 0, 10, 10), {})]
    farmland = layer("永久基本农田保护红线", square)
    farmland2 = layer("基本农田保护红线", square)
    red = layer("生态保护红线", square)
    mixed = layer("生态保护红线与自然保护地", square)
    project.addMapLayers([farmland, farmland2, red, mixed])
    assert dock.role_combos["ECO_REDLINE"].currentLayer() is red
    assert dock.role_combos["BASIC_FARMLAND"].currentLayer() in (farmland, farmland2)
    assert dock.role_combos["PROTECTED_AREAS"].currentLayer() is None
    notes = dock.detection_notes.text()
    assert "生态保护红线与自然保护地" in notes and "Protected areas" in notes
    chosen = dock.role_combos["BASIC_FARMLAND"].currentLayer().name()
    other = ({"永久基本农田保护红线", "基本农田保护红线"} - {chosen}).pop()
    assert f"“{chosen}” was chosen for “Permanent basic farmland”; “{other}” fit too." in notes


def test_a_zone_field_picker_follows_the_protected_areas_layer(project, farmland_dock):
    dock = farmland_dock
    zones = layer("自然保护地", [(rect_wkt(0, 0, 10, 10), {"ZRBHDFQ": "核心保护区"})],
                  {"ZRBHDJB": str, "ZRBHDFQ": str})
    project.addMapLayer(zones)
    assert dock.role_combos["PROTECTED_AREAS"].currentLayer() is zones
    assert dock.field_combos["PROTECTED_ZONE_FIELD"].currentField() == "ZRBHDFQ"
    assert dock.parameters(False)["PROTECTED_ZONE_FIELD"] == "ZRBHDFQ"


def test_user_choices_survive_layers_added_later(project, farmland_dock):
    dock = farmland_dock
    parcels = layer("补充耕地项目", [(rect_wkt(0, 0, 10, 10), {})], {"XMBH": str, "SBMJ": float})
    other = layer("公益林", [(rect_wkt(0, 0, 10, 10), {})])
    project.addMapLayers([parcels, other])
    dock.role_combos["ECO_REDLINE"].setLayer(other)  # the user's choice
    dock.field_combos["DECLARED_AREA_FIELD"].setField("")
    project.addMapLayer(layer("生态保护红线", [(rect_wkt(0, 0, 10, 10), {})]))
    assert dock.role_combos["ECO_REDLINE"].currentLayer() is other
    # An emptied field picker is filled again only by the button.
    assert dock.field_combos["DECLARED_AREA_FIELD"].currentField() == ""
    dock.detect_roles()
    assert dock.field_combos["DECLARED_AREA_FIELD"].currentField() == "SBMJ"


def test_a_name_field_as_project_id_is_shown_as_a_warning(project, farmland_dock):
    dock = farmland_dock
    parcels = layer("补充耕地项目", [(rect_wkt(0, 0, 10, 10), {"XMMC": "甲"})], {"XMMC": str})
    project.addMapLayer(parcels)
    assert dock.field_combos["PROJECT_ID_FIELD"].currentField() == "XMMC"
    assert "XMMC" in dock.detection_notes.text()
    assert "same name" in dock.detection_notes.text()


def test_a_hidden_panel_fills_its_pickers_when_shown(project, provider_registered, qgis_iface):
    dock = make_dock(qgis_iface, "farmland")
    try:
        parcels = layer("补充耕地项目", [(rect_wkt(0, 0, 10, 10), {})],
                        {"XMBM": str, "SBMJ": float})
        project.addMapLayer(parcels)
        assert dock.role_combos["PROJECTS"].currentLayer() is None  # hidden: nothing yet
        dock.show()
        assert dock.role_combos["PROJECTS"].currentLayer() is parcels
        assert dock.field_combos["PROJECT_ID_FIELD"].currentField() == "XMBM"
        assert dock.field_combos["DECLARED_AREA_FIELD"].currentField() == "SBMJ"
    finally:
        dock.deleteLater()


def test_lists_in_detection_notes_use_the_chinese_enumeration_comma(project, farmland_dock):
    """#18 review: the Chinese panel read "“建设占用 JSZY”, “三旧改造 SJGZ”也符合" (an English
    comma between Chinese names)."""
    from sg_nr_plugin.i18n import install_translator, remove_translator

    square = [(rect_wkt(0, 0, 10, 10), {})]
    assert install_translator("zh_CN")
    try:
        project.addMapLayers([layer(n, square) for n in (
            "永久基本农田", "永久基本农田_2020", "永久基本农田_2019", "生态保护红线与自然保护地")])
        notes = farmland_dock.detection_notes.text()
    finally:
        remove_translator()
    assert "“永久基本农田_2020”、“永久基本农田_2019”" in notes, notes
    assert "生态保护红线、自然保护地" in notes, notes
    assert ", " not in notes, notes
