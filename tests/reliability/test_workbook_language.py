"""A zh_CN workbook is Chinese: no English word outside the columns that are also field names
(issue #20). Before: headers "Region code", "Produced … area method", English status texts,
sheet tabs such as cultivated_land, and check workbooks headed "项目编号 project_id"."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback, QgsVectorLayer

from sg_nr_plugin.i18n import install_translator, remove_translator, tr
from tests.conftest import TINY
from tests.reliability.test_inputs_untouched import fill_parameter
from tests.reliability.test_workbook_text import WORKBOOK_ALGORITHMS

# A word: two or more Latin letters. Not counted: identifiers (an underscore, hyphen or digit
# inside: field names, rule-set ids, codes), upper-case names (roles, DLTB fields), field names
# of the inputs and outputs, and the values of the data itself.
WORD = re.compile(r"[A-Za-z][A-Za-z0-9_.\-]*[A-Za-z0-9_]")
UNITS = ("km²", "m²")
ALLOWED = {"CGCS2000", "GDAL", "QGIS", "PostGIS", "sha256", "GeoPackage"}
XLSX_ALGORITHMS = [*WORKBOOK_ALGORITHMS, "sgnr:dltbquality"]


@pytest.fixture
def chinese(qgis_processing, provider_registered):
    assert install_translator("zh_CN")
    yield
    remove_translator()


def english_words(text: str, data: set[str], fields: set[str]) -> list[str]:
    """The English words of ``text`` that are neither identifiers nor data values."""
    for value in sorted(data, key=len, reverse=True):  # whole values only
        text = re.sub(r"(?<!\w)" + re.escape(value) + r"(?!\w)", " ", text)
    for unit in UNITS:
        text = text.replace(unit, " ")
    words = []
    for word in WORD.findall(text):
        if any(c in "_-." or c.isdigit() for c in word) or word in ALLOWED:
            continue
        if word.isupper() or word.lower() in fields:
            continue
        words.append(word)
    return words


def _field_names(values) -> set[str]:
    """Lower-case field names of every layer among ``values`` (layers, paths, GeoPackages)."""
    from osgeo import ogr

    names = set()
    for value in values:
        if isinstance(value, QgsVectorLayer):
            names |= {f.name().lower() for f in value.fields()}
            continue
        path = str(value).split("|")[0]
        if not path.endswith(".gpkg") or not Path(path).exists():
            continue
        dataset = ogr.Open(path)
        for index in range(dataset.GetLayerCount()):
            definition = dataset.GetLayer(index).GetLayerDefn()
            names |= {definition.GetFieldDefn(i).GetName().lower()
                      for i in range(definition.GetFieldCount())}
    return names


def _vocabulary() -> set[str]:
    """The status and treatment vocabularies: data the workbooks quote."""
    from sg_nr_plugin.core.schema.mine import profile

    values = set()
    for name in ("status", "legacy", "rights", "controls"):
        for vocabulary in profile(name).vocabularies.values():
            for items in vocabulary.classes.values():
                values |= set(items)
    return {v for v in values if isinstance(v, str)}


@pytest.mark.parametrize("algorithm_id", XLSX_ALGORITHMS)
def test_zh_cn_workbook_has_no_english_words(chinese, tmp_path, algorithm_id):
    import openpyxl
    import processing

    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    parameters = {}
    data = {str(TINY), str(tmp_path), "shaoguan_tiny.gpkg", "shaoguan_tiny", "dem"}
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination():
            if definition.type() == "sink":
                parameters[definition.name()] = "TEMPORARY_OUTPUT"
            continue
        value = fill_parameter(algorithm_id, definition, TINY, tmp_path)
        if value is not None:
            parameters[definition.name()] = value
            data.add(str(value))
    workbook = tmp_path / "report.xlsx"
    parameters["OUTPUT_XLSX"] = str(workbook)
    results = processing.run(algorithm_id, parameters, feedback=QgsProcessingFeedback())
    fields = _field_names([*parameters.values(), *results.values()])
    data |= _vocabulary()
    found = []
    for sheet in openpyxl.load_workbook(workbook).worksheets:
        found += [(sheet.title, "title", w) for w in english_words(sheet.title, data, fields)]
        field_columns = set()  # below a "label field" header: the field's values, data
        audit = False  # the audit trail's values: versions, ids, parameters as given
        for row in sheet.iter_rows():
            for cell in row:
                if not isinstance(cell.value, str) or cell.column in field_columns or (
                        audit and cell.column > 1):
                    continue
                audit = audit or cell.value == tr("Audit trail: how to reproduce this result")
                if cell.value.split(" ")[-1].lower() in fields:
                    field_columns.add(cell.column)
                found += [(sheet.title, cell.coordinate, cell.value)
                          for _ in english_words(cell.value, data, fields)[:1]]
    assert not found, f"{algorithm_id}: English in the zh_CN workbook: {found[:40]}"
