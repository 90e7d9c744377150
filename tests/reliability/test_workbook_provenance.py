"""Every workbook names each input of the run with the count read from it (issue #16 case 6).

Before: the balance ledger's workbook named no input at all; the check reports named every
layer of one GeoPackage after the file ("shaoguan_tiny") and the projects after the parameter
("Project parcels"), and gave the DEM "0 features". Whether the counts are exact is the
reading code's business (core/reading.py); here: each writer prints what it is given."""

from __future__ import annotations

import re

import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback

from sg_nr_plugin.i18n import tr
from tests.conftest import TINY
from tests.reliability.test_inputs_untouched import GPKG, fill_parameter
from tests.reliability.test_workbook_text import WORKBOOK_ALGORITHMS

COUNT_IN_TEXT = re.compile(r"\((\d+) features\)")


@pytest.fixture
def ready(qgis_processing, provider_registered):
    return True


def _about_rows(path) -> list[list]:
    import openpyxl

    book = openpyxl.load_workbook(path)
    titles = (tr("About"), tr("Rules and inputs"), tr("Inputs"))
    sheets = [sheet for sheet in book.worksheets if sheet.title in titles]
    assert sheets, f"{path.name}: no About sheet in {book.sheetnames}"
    return [[cell for cell in row if cell is not None]
            for row in sheets[0].iter_rows(values_only=True)]


def _count_of(rows: list[list], name: str):
    """The count on the row naming layer ``name`` (a number cell, or "(N features)")."""
    for row in rows:
        texts = [str(cell) for cell in row]
        if not any(name in text for text in texts):
            continue
        numbers = [cell for cell in row if isinstance(cell, int)]
        numbers += [int(m.group(1)) for text in texts for m in COUNT_IN_TEXT.finditer(text)]
        if numbers:
            return numbers[0]
    return None


@pytest.mark.parametrize("algorithm_id", WORKBOOK_ALGORITHMS)
def test_workbook_names_every_input_with_its_count(ready, tmp_path, algorithm_id):
    import processing

    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    parameters, layers = {}, []
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination():
            if definition.type() == "sink":
                parameters[definition.name()] = "TEMPORARY_OUTPUT"
            continue
        value = fill_parameter(algorithm_id, definition, TINY, tmp_path)
        if value is None:
            continue
        parameters[definition.name()] = value
        if isinstance(value, str) and "|layername=" in value:
            layers.append(value.split("|layername=")[1])
    workbook = tmp_path / "report.xlsx"
    parameters["OUTPUT_XLSX"] = str(workbook)
    processing.run(algorithm_id, parameters, feedback=QgsProcessingFeedback())
    rows = _about_rows(workbook)
    missing = [layer for layer in layers
               if _count_of(rows, f"{layer} ({GPKG})") is None]
    assert not missing, f"{algorithm_id}: no count for {missing} in {rows}"
    if "DEM" in parameters:
        dem = [row for row in rows if row and row[0] == "DEM"]
        assert dem and "cells" in str(dem[0][-1]), dem


def test_check_report_states_the_features_read_of_each_input(ready, tmp_path):
    """A check reads the DLTB only under the projects: the report says how many features of
    each input it read, beside the layer's size (before: only the size)."""
    import shutil

    import openpyxl
    import processing
    from qgis.core import QgsVectorLayer

    sample = shutil.copy(TINY / GPKG, tmp_path / GPKG)  # a copy: the fixture stays untouched
    layers = {name: QgsVectorLayer(f"{sample}|layername={name}", name, "ogr")
              for name in ("XM_BCGD", "DLTB")}
    workbook = tmp_path / "check.xlsx"
    processing.run("sgnr:checkfarmland", {
        "PROJECTS": layers["XM_BCGD"], "DLTB": layers["DLTB"],
        "OUTPUT_FINDINGS": "TEMPORARY_OUTPUT", "OUTPUT_PROJECTS": "TEMPORARY_OUTPUT",
        "OUTPUT_XLSX": str(workbook)}, feedback=QgsProcessingFeedback())
    rows = [list(row) for sheet in openpyxl.load_workbook(workbook).worksheets
            for row in sheet.iter_rows(values_only=True)]
    header = next(row for row in rows if tr("Features read") in row)
    read_column = header.index(tr("Features read"))
    by_role = {row[0]: row for row in rows if row and row[0] in ("PROJECTS", "DLTB")}
    projects_total = layers["XM_BCGD"].featureCount()
    dltb_total = layers["DLTB"].featureCount()
    assert by_role["PROJECTS"][read_column] == projects_total  # read whole
    assert 0 < by_role["DLTB"][read_column] < dltb_total  # only the parcels under the projects
