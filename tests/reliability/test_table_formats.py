"""A table output sent to .xlsx, .ods or .csv holds the whole table: every column and row of the
GeoPackage written by the same run (issue #16 case 1: .xlsx came out as an empty sheet and
.ods failed with the temporary file's name).

The workbook is read back with openpyxl, .ods and .csv with GDAL/OGR; the reference is the
GeoPackage of the same parameters, read with OGR."""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsApplication, QgsProcessingFeedback

from tests.conftest import TINY
from tests.reliability.helpers import files_under
from tests.reliability.test_inputs_untouched import fill_parameter

# Algorithm → the table sink tested (checkfarmland's projects are polygons: the spreadsheet
# keeps their attributes).
TABLE_SINKS = {"sgnr:landusesummary": "OUTPUT", "sgnr:overlaystats": "OUTPUT",
               "sgnr:changematrix": "OUTPUT", "sgnr:minestats": "OUTPUT",
               "sgnr:planindicators": "OUTPUT", "sgnr:balanceledger": "OUTPUT",
               "sgnr:checkfarmland": "OUTPUT_PROJECTS"}


@pytest.fixture
def ready(qgis_processing, provider_registered):
    return True


def _run(algorithm_id: str, sink: str, target: Path) -> None:
    import processing

    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    parameters = {}
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination():  # only the tested sink is written to a file
            if definition.type() == "sink" and not definition.flags() & definition.FlagOptional:
                parameters[definition.name()] = "TEMPORARY_OUTPUT"
            continue
        value = fill_parameter(algorithm_id, definition, TINY, target.parent)
        if value is not None:
            parameters[definition.name()] = value
    parameters[sink] = str(target)
    processing.run(algorithm_id, parameters, feedback=QgsProcessingFeedback())


def _ogr_table(path: Path) -> tuple[list[str], list[list]]:
    dataset = ogr.Open(str(path))
    assert dataset is not None, path
    layer = dataset.GetLayer(0)
    definition = layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    rows = [[feature.GetField(i) for i in range(len(names))] for feature in layer]
    return names, rows


def _xlsx_table(path: Path) -> tuple[list[str], list[list]]:
    import openpyxl

    sheet = openpyxl.load_workbook(path, read_only=True).worksheets[0]
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows, f"{path.name}: empty sheet"
    return [str(name) for name in rows[0]], rows[1:]


def _same_value(expected, actual) -> bool:
    if expected is None or expected == "":
        return actual in (None, "")
    if isinstance(expected, (int, float)):
        return actual not in (None, "") and float(actual) == pytest.approx(float(expected),
                                                                            rel=1e-9, abs=1e-9)
    return str(actual) == str(expected)


@pytest.mark.parametrize("suffix", [".xlsx", ".ods", ".csv"])
@pytest.mark.parametrize("algorithm_id", sorted(TABLE_SINKS))
def test_table_sink_to_a_spreadsheet_holds_the_whole_table(ready, tmp_path, algorithm_id,
                                                           suffix):
    sink = TABLE_SINKS[algorithm_id]
    reference = tmp_path / "reference" / "table.gpkg"
    reference.parent.mkdir()
    _run(algorithm_id, sink, reference)
    names, rows = _ogr_table(reference)
    names = [n for n in names if n.lower() != "fid"]
    rows = [row[-len(names):] for row in rows]
    assert rows, f"{algorithm_id}: the reference table is empty"

    target = tmp_path / "sheet" / f"table{suffix}"
    target.parent.mkdir()
    _run(algorithm_id, sink, target)
    assert files_under(target.parent) == [target.name]
    got_names, got_rows = (_xlsx_table if suffix == ".xlsx" else _ogr_table)(target)
    assert got_names == names, f"{algorithm_id} {suffix}: columns"
    assert len(got_rows) == len(rows), f"{algorithm_id} {suffix}: row count"
    for expected, actual in zip(rows, got_rows):
        assert all(_same_value(e, a) for e, a in zip(expected, actual)), (expected, actual)
