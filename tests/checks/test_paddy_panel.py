"""The 垦造水田核查 panel, in Chinese, runs ``sgnr:checkpaddy`` and shows what the algorithm
outputs with the same layers."""

from __future__ import annotations

import pytest

from tests.checks.helpers import X0, Y0, dltb, layer, projects, rect_wkt
from tests.checks.test_paddy_alg import run_alg
from tests.gui.test_check_dock import wait_until


@pytest.fixture
def dock(project, provider_registered, qgis_iface):
    """The paddy panel built with the Chinese interface."""
    from sg_nr_plugin.gui.check_config import dock_configs
    from sg_nr_plugin.gui.check_dock import CheckDock
    from sg_nr_plugin.i18n import install_translator, remove_translator

    [config] = [c for c in dock_configs() if c.name == "paddy"]
    assert install_translator("zh_CN")
    try:
        widget = CheckDock(config, qgis_iface)
        yield widget
    finally:
        remove_translator()
    widget.runner.cancel()
    wait_until(lambda: not widget.runner.running, 30)
    widget.deleteLater()


def paddy_layers():
    parcels = projects([("P1", rect_wkt(0, 0, 300, 300), {"XZQDM": "440205"}),
                        ("P2", rect_wkt(500, 0, 600, 100), {"XZQDM": "440205"}),
                        ("P3", rect_wkt(900, 0, 1200, 300), {"XZQDM": "440204"})],
                       {"XZQDM": str})
    parcels.setName("垦造水田项目")
    survey = dltb([(rect_wkt(-100, -100, 150, 400), "0103", 0.0),
                   (rect_wkt(150, -100, 1300, 400), "0204", 0.0)])
    survey.setName("DLTB")
    river = layer("HL", [(f"LINESTRING({X0 - 100} {Y0 + 700}, {X0 + 700} {Y0 + 700})", {})],
                  geometry="LineString")
    hazards = layer("地质灾害隐患点", [(f"POINT({X0 + 1250} {Y0 + 150})", {})],
                    geometry="Point")
    return {"PROJECTS": parcels, "DLTB": survey, "WATER": river, "HAZARDS": hazards}


def test_panel_in_chinese_gives_the_algorithms_results(project, dock):
    assert dock.windowTitle() == "垦造水田核查"
    layers = paddy_layers()
    project.addMapLayers(list(layers.values()))
    dock.detect_roles()
    for role, expected in layers.items():
        assert dock.role_combos[role].currentLayer() is expected, role
    assert dock.run_check(False)
    assert wait_until(lambda: not dock.runner.running), "task did not finish"
    panel_projects = dock.result_layers["OUTPUT_PROJECTS"]
    panel_findings = dock.result_layers["OUTPUT_FINDINGS"]
    _, findings, checked, _ = run_alg(dict(layers))

    def summary(projects_layer, findings_layer):
        return ({f["project_id"]: (f["verdict"], round(f["new_paddy_m2"], 6), f["blocks"])
                 for f in projects_layer.getFeatures()},
                sorted((f["project_id"], f["rule_id"], f["severity"], round(f["area_m2"], 6))
                       for f in findings_layer.getFeatures()))

    assert summary(panel_projects, panel_findings) == summary(checked, findings)
    verdicts = {f["project_id"]: f["verdict"] for f in checked.getFeatures()}
    # P2 is a 15 mu block and 600 m from the river; P3 has a hazard point 50 m off.
    assert verdicts == {"P1": "pass", "P2": "needs_fixing", "P3": "fail"}
    assert dock.tree.model().rowCount() == 3
    messages = {f["rule_id"]: f["message"] for f in panel_findings.getFeatures()}
    assert "连片地块" in messages["contiguity"] and "地质灾害隐患点" in messages["hazard"]
