"""The Processing dialogs' layer pickers start on the layer that fits the parameter's role
(issue #18: the dialogs started DLTB on 三旧改造 SJGZ, the first polygon layer, and failed)."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsProcessingContext
from qgis.gui import QgsGui, QgsProcessingGui, QgsProcessingParameterWidgetContext

from tests.checks.helpers import dltb, layer, projects, rect_wkt

# algorithm → its parameter that reads DLTB
DLTB_PARAMETERS = {"sgnr:checkfarmland": "DLTB", "sgnr:checkpaddy": "DLTB",
                   "sgnr:checkmine": "DLTB", "sgnr:balanceledger": "DLTB",
                   "sgnr:planindicators": "DLTB", "sgnr:dltbquality": "INPUT",
                   "sgnr:landusesummary": "INPUT", "sgnr:overlaystats": "INPUT"}


def dialog_value(project, algorithm_id: str, name: str, active=None):
    """What the algorithm dialog's picker for ``name`` starts on (as ParametersPanel builds
    it: a fresh algorithm, the standard widget wrapper, the active layer in the context)."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    definition = algorithm.parameterDefinition(name)
    context = QgsProcessingContext()
    context.setProject(project)
    widget_context = QgsProcessingParameterWidgetContext()
    widget_context.setProject(project)
    if active is not None:
        widget_context.setActiveLayer(active)
    wrapper = QgsGui.processingGuiRegistry().createParameterWidgetWrapper(
        definition, QgsProcessingGui.Standard)
    wrapper.setWidgetContext(widget_context)
    widget = wrapper.createWrappedWidget(context)
    value = wrapper.parameterValue()
    widget.deleteLater()
    return value, definition.defaultValue()


@pytest.fixture
def sjgz_then_dltb(project):
    sjgz = layer("三旧改造 SJGZ", [(rect_wkt(0, 0, 10, 10), {})])
    survey = dltb([(rect_wkt(0, 0, 10, 10), "0101", 0.0)])
    survey.setName("地类图斑 DLTB")
    parcels = projects([("P1", rect_wkt(0, 0, 5, 5), {})])
    parcels.setName("补充耕地项目 XM_BCGD")
    project.addMapLayers([sjgz, survey, parcels])
    return {"SJGZ": sjgz, "DLTB": survey, "PROJECTS": parcels}


@pytest.mark.parametrize("algorithm_id", sorted(DLTB_PARAMETERS))
def test_dltb_picker_starts_on_the_dltb_layer_not_the_first_polygon_layer(
        provider_registered, project, sjgz_then_dltb, algorithm_id):
    name = DLTB_PARAMETERS[algorithm_id]
    value, default = dialog_value(project, algorithm_id, name, sjgz_then_dltb["SJGZ"])
    assert value == sjgz_then_dltb["DLTB"].id(), project.mapLayer(str(value))
    assert default is None  # processing.run and qgis_process unchanged


def test_project_pickers_start_on_the_check_kind_project_layer(provider_registered, project,
                                                               sjgz_then_dltb):
    value, _ = dialog_value(project, "sgnr:checkfarmland", "PROJECTS", sjgz_then_dltb["SJGZ"])
    assert value == sjgz_then_dltb["PROJECTS"].id()
    value, _ = dialog_value(project, "sgnr:balanceledger", "REPLENISHMENT")
    assert value == sjgz_then_dltb["PROJECTS"].id()


def test_no_fitting_layer_leaves_an_optional_picker_empty(provider_registered, project):
    project.addMapLayer(layer("三旧改造 SJGZ", [(rect_wkt(0, 0, 10, 10), {})]))
    value, _ = dialog_value(project, "sgnr:checkfarmland", "DLTB")
    assert value is None


def test_ledger_occupation_picker_starts_on_the_occupation_layer(provider_registered, project,
                                                                 sjgz_then_dltb):
    """#18 review: the ledger's "construction projects occupying land" started on the active
    layer, 补充耕地项目 XM_BCGD (the replenishment projects). It starts on 建设占用 JSZY now,
    which stays out of the check panels' project-layer role."""
    occupation = layer("建设占用 JSZY", [(rect_wkt(0, 0, 3, 3), {})], {"XMBH": str, "PZNF": int})
    project.addMapLayer(occupation)
    active = sjgz_then_dltb["PROJECTS"]
    value, default = dialog_value(project, "sgnr:balanceledger", "OCCUPATION", active)
    assert value == occupation.id(), project.mapLayer(str(value))
    assert default is None
    value, _ = dialog_value(project, "sgnr:balanceledger", "REPLENISHMENT", occupation)
    assert value == active.id()
    value, _ = dialog_value(project, "sgnr:checkfarmland", "PROJECTS", occupation)
    assert value == active.id()
