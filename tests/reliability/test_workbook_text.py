"""Workbooks never crash on the text of the data (issue #16 case 3).

A control character (\\x01…\\x1f other than tab and newline) in a name, an id or a code made
openpyxl raise IllegalCharacterError in every workbook writer; characters Excel refuses in a
sheet title (/ \\ [ ] : * ?) crashed the change matrix, which names a sheet after each region.
Text now goes through core/reports/excel.safe_text and sheet titles through
core/reports/excel.sheet_title."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsApplication, QgsProcessingFeedback

from tests.conftest import TINY
from tests.reliability.test_inputs_untouched import GPKG, fill_parameter
from tests.stats.helpers import X0, Y0, dltb_layer, memory_layer, rect_wkt

ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
WORKBOOK_ALGORITHMS = ["sgnr:balanceledger", "sgnr:changematrix", "sgnr:checkfarmland",
                       "sgnr:checkmine", "sgnr:checkpaddy", "sgnr:landusesummary",
                       "sgnr:minestats", "sgnr:overlaystats", "sgnr:planindicators"]


@pytest.fixture
def ready(qgis_processing, provider_registered):
    return True


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory) -> Path:
    """The tiny sample with \\x01 and \\x1f inside every text value of every layer."""
    folder = tmp_path_factory.mktemp("poisoned")
    shutil.copy(TINY / GPKG, folder / GPKG)
    shutil.copy(TINY / "dem.tif", folder / "dem.tif")
    dataset = ogr.Open(str(folder / GPKG), update=1)
    for index in range(dataset.GetLayerCount()):
        layer = dataset.GetLayer(index)
        definition = layer.GetLayerDefn()
        for i in range(definition.GetFieldCount()):
            field = definition.GetFieldDefn(i)
            if field.GetType() != ogr.OFTString or field.GetName().upper() in ("ZLDWDM", "DLBM"):
                continue  # codes stay usable: names, ids and titles carry the characters
            name = field.GetName()
            dataset.ExecuteSQL(f'UPDATE "{layer.GetName()}" SET "{name}" = '
                               f'substr("{name}", 1, 2) || char(1) || substr("{name}", 3) '
                               f'|| char(31) WHERE "{name}" IS NOT NULL AND "{name}" <> \'\'')
    # the village part of the location codes (run at village level, every region code holds
    # the character) and one parcel's class code (listed in the notes as unrecognised)
    dataset.ExecuteSQL("UPDATE DLTB SET ZLDWDM = substr(ZLDWDM, 1, 10) || char(1) || "
                       "substr(ZLDWDM, 11)")
    dataset.ExecuteSQL("UPDATE DLTB SET DLBM = '01' || char(2) || '01' "
                       "WHERE fid = (SELECT max(fid) FROM DLTB)")
    dataset = None
    return folder


def _text_cells(path: Path) -> list[str]:
    import openpyxl

    book = openpyxl.load_workbook(path)
    return [cell.value for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
            if isinstance(cell.value, str)]


@pytest.mark.parametrize("algorithm_id", WORKBOOK_ALGORITHMS)
def test_control_characters_in_the_data_never_crash_a_workbook(ready, poisoned, tmp_path,
                                                               algorithm_id):
    import processing

    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    parameters = {}
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination():
            if definition.type() == "sink":
                parameters[definition.name()] = "TEMPORARY_OUTPUT"
            continue
        value = fill_parameter(algorithm_id, definition, poisoned, tmp_path)
        if value is not None:
            parameters[definition.name()] = value
    if algorithm.parameterDefinition("REGION_LEVEL") is not None:
        parameters["REGION_LEVEL"] = 3  # village
    workbook = tmp_path / "report.xlsx"
    parameters["OUTPUT_XLSX"] = str(workbook)
    processing.run(algorithm_id, parameters, feedback=QgsProcessingFeedback())
    cells = _text_cells(workbook)
    assert cells and not [c for c in cells if ILLEGAL.search(c)]


def test_project_ids_and_region_names_keep_their_readable_text(ready, tmp_path):
    """The characters go, the rest of the text stays (and the formula guard still applies)."""
    import processing

    regions = memory_layer("regions", "name:string", [
        (rect_wkt(X0 - 50, Y0 - 50, X0 + 95, Y0 + 50), ["西\x01区"]),
        (rect_wkt(X0 + 95, Y0 - 50, X0 + 300, Y0 + 50), ["=东\x1f区"])])
    workbook = tmp_path / "landuse.xlsx"
    processing.run("sgnr:landusesummary", {
        "INPUT": dltb_layer(), "REGIONS": regions, "REGION_FIELD": "name",
        "ALLOW_UNRECOGNISED": True,  # the fixture holds empty and unknown codes on purpose
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_XLSX": str(workbook)},
        feedback=QgsProcessingFeedback())
    cells = _text_cells(workbook)
    assert "西区" in cells and "'=东区" in cells


def test_region_names_make_legal_unique_sheet_titles(ready, tmp_path):
    """changematrix names a sheet per region: names with / \\ [ ] : * ? and two names alike in
    their first 31 characters."""
    import openpyxl
    import processing

    long = "韶关/浈江:区*?[甲]\\" + "很长的名字" * 6
    regions = memory_layer("regions", "name:string", [
        (rect_wkt(X0 - 50, Y0 - 50, X0 + 95, Y0 + 50), [long + "一"]),
        (rect_wkt(X0 + 95, Y0 - 50, X0 + 300, Y0 + 50), [long + "二"])])
    workbook = tmp_path / "change.xlsx"
    processing.run("sgnr:changematrix", {
        "CURRENT": dltb_layer(), "BASE": dltb_layer("BASE"), "REGIONS": regions,
        "REGION_FIELD": "name", "ALLOW_UNRECOGNISED": True,  # unknown codes on purpose
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_XLSX": str(workbook)},
        feedback=QgsProcessingFeedback())
    titles = openpyxl.load_workbook(workbook).sheetnames
    assert len({t.lower() for t in titles}) == len(titles)
    assert all(len(t) <= 31 and not re.search(r"[/\\\[\]:*?]", t) for t in titles), titles
    assert sum(t.startswith("韶关_浈江_区__") for t in titles) == 2, titles


@pytest.mark.parametrize("text, expected", [
    ("镇\x01名", "镇名"), ("a\tb\nc", "a\tb\nc"), ("\x02=1+1", "'=1+1"), (12, 12),
    ("x\ud800y", "xy")])
def test_safe_text_removes_what_a_workbook_cannot_hold(text, expected):
    from sg_nr_plugin.core.reports.excel import safe_text

    assert safe_text(text) == expected


def test_sheet_titles_are_legal_short_and_unique():
    import openpyxl

    from sg_nr_plugin.core.reports.excel import new_sheet

    book = openpyxl.Workbook()
    titles = [new_sheet(book, name).title for name in
              ["a/b", "A/B", "x" * 40, "x" * 40, "[]:*?\\/", "", "'quoted'", "\x01"]]
    assert titles[:2] == ["a_b", "A_B (2)"]
    assert titles[2] == "x" * 31 and titles[3] == "x" * 27 + " (2)"
    assert titles[4] == "_______" and titles[5] == "Sheet (2)" and titles[6] == "quoted"
    assert len({t.lower() for t in book.sheetnames}) == len(book.sheetnames)
