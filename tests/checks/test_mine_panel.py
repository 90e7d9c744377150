"""The mine panel (矿山修复核查) on the tiny sample, in Chinese: roles detected, and the tree
identical to ``sgnr:checkmine`` run directly with the same layers."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from tests.conftest import TINY_GPKG as GPKG
from tests.gui.test_check_dock import wait_until

EXPECTED_ROLES = {"PROJECTS": "XM_KSXF", "DLTB": "DLTB", "ECO_REDLINE": "STBHHX",
                  "PROTECTED_AREAS": "ZRBHD", "URBAN_BOUNDARY": "CZKFBJ", "HAZARDS": "DZZHD",
                  "LEGACY_MINES": "LSYLKS", "MINING_RIGHTS": "CKQ", "ROADS": "DL", "RIVERS": "HL"}


@pytest.mark.skipif(not GPKG.is_file(), reason="data/tiny missing")
def test_mine_panel_in_chinese_matches_the_algorithm(qgis_app, provider_registered, qgis_iface):
    from sg_nr_plugin.gui.check_config import dock_configs
    from sg_nr_plugin.gui.check_dock import CheckDock
    from sg_nr_plugin.i18n import install_translator, remove_translator

    project = QgsProject.instance()
    project.clear()
    names = list(EXPECTED_ROLES.values()) + ["GYL", "YJJBNT", "JZKKPD", "XM_BCGD"]
    layers = {n: QgsVectorLayer(f"{GPKG}|layername={n}", n, "ogr") for n in names}
    project.addMapLayers(list(layers.values()))
    assert install_translator("zh_CN")
    config = next(c for c in dock_configs() if c.name == "mine")
    dock = CheckDock(config, qgis_iface)
    try:
        assert dock.windowTitle() == "矿山修复核查"
        found = {role: project.mapLayer(i).name() for role, i in dock.detect_roles().items()}
        assert {r: found.get(r) for r in EXPECTED_ROLES} == EXPECTED_ROLES
        dock.field_combos["DECLARED_AREA_FIELD"].setField("SBMJ")
        assert dock.run_check(False)
        assert wait_until(lambda: not dock.runner.running), "task did not finish"
        model = dock.tree.model()
        panel = {model.item(r, 0).text(): model.item(r, 0).rowCount()
                 for r in range(model.rowCount())}
        verdicts = {f["project_id"]: f["verdict"]
                    for f in dock.result_layers["OUTPUT_PROJECTS"].getFeatures()}
    finally:
        remove_translator()
        dock.runner.cancel()
        dock.deleteLater()
    direct, direct_verdicts = _run_directly(project, layers, found)
    assert panel == direct and verdicts == direct_verdicts
    assert verdicts["KSXF-440205-003"] == "fail"  # the valid mining right
    project.clear()


def _run_directly(project, layers, roles) -> tuple[dict, dict]:
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("sgnr:checkmine")
    context = QgsProcessingContext()
    context.setProject(project)
    params = {role: layers[name] for role, name in roles.items()}
    params.update(DECLARED_AREA_FIELD="SBMJ", DECLARED_AREA_UNIT=2,
                  OUTPUT_FINDINGS="memory:", OUTPUT_PROJECTS="memory:")
    results, ok = algorithm.run(params, context, QgsProcessingFeedback())
    assert ok
    counts: dict[str, int] = {}
    for feature in context.takeResultLayer(results["OUTPUT_FINDINGS"]).getFeatures():
        counts[feature["project_id"]] = counts.get(feature["project_id"], 0) + 1
    checked = context.takeResultLayer(results["OUTPUT_PROJECTS"])
    return ({f["project_id"]: counts.get(f["project_id"], 0) for f in checked.getFeatures()},
            {f["project_id"]: f["verdict"] for f in checked.getFeatures()})
