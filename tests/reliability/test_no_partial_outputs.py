"""A canceled or failed run leaves no output file and returns no layer; a successful one moves
its staged files into place under their final names (processing/outputs.py, for every
algorithm through SgNrAlgorithm.processAlgorithm)."""

from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputLayerDefinition,
    QgsProject,
)

from tests.reliability.helpers import CancelAt, files_under, tiny

# Runs that write every kind of staged output: GeoPackage and shapefile sinks, a workbook, a
# folder. Inputs from the tiny sample; outputs below the test's ``out`` folder.
RUNS = {
    "sgnr:overlaystats": lambda out: {
        "INPUT": tiny("DLTB"), "OVERLAY": tiny("STBHHX"), "OUTPUT": str(out / "table.gpkg"),
        "OUTPUT_XLSX": str(out / "report.xlsx")},
    "sgnr:checkfarmland": lambda out: {
        "PROJECTS": tiny("XM_BCGD"), "DLTB": tiny("DLTB"), "ECO_REDLINE": tiny("STBHHX"),
        "OUTPUT_FINDINGS": str(out / "findings.gpkg"),
        "OUTPUT_PROJECTS": str(out / "projects.shp"), "OUTPUT_XLSX": str(out / "report.xlsx")},
    "sgnr:exportcoordtxt": lambda out: {
        "INPUT": tiny("XM_BCGD"), "OUTPUT": str(out / "txt")},
}


@pytest.fixture
def ready(qgis_processing, provider_registered):
    return True


@pytest.fixture
def out(tmp_path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.mark.parametrize("threshold", [10, 50, 90])
@pytest.mark.parametrize("algorithm_id", sorted(RUNS))
def test_cancel_leaves_no_output(ready, out, algorithm_id, threshold):
    import processing

    feedback = CancelAt(threshold)
    with pytest.raises(QgsProcessingException, match="canceled"):
        processing.run(algorithm_id, RUNS[algorithm_id](out), feedback=feedback)
    assert feedback.fired, f"{algorithm_id} never reported {threshold} % progress"
    assert files_under(out) == []


def test_cancel_keeps_the_previous_output_intact(ready, out):
    import processing

    old = out / "report.xlsx"
    old.write_bytes(b"last week's report")
    with pytest.raises(QgsProcessingException, match="canceled"):
        processing.run("sgnr:overlaystats", RUNS["sgnr:overlaystats"](out),
                       feedback=CancelAt(50))
    assert files_under(out) == ["report.xlsx"]
    assert old.read_bytes() == b"last week's report"


@pytest.mark.parametrize("error", ["user", "unexpected"])
def test_failure_after_the_sinks_were_written_leaves_no_file(ready, out, monkeypatch, error):
    """The check has filled both sinks when the report fails: neither may remain."""
    import processing

    from sg_nr_plugin.core.errors import SgNrError
    from sg_nr_plugin.processing import check_base

    def fail(*_arguments):
        raise SgNrError("report failed") if error == "user" else RuntimeError("bug")

    monkeypatch.setattr(check_base, "write_report", fail)
    expected = QgsProcessingException if error == "user" else Exception
    with pytest.raises(expected):
        processing.run("sgnr:checkfarmland", RUNS["sgnr:checkfarmland"](out),
                       feedback=QgsProcessingFeedback())
    assert files_under(out) == []


def test_missing_field_fails_cleanly_without_files(ready, out):
    import processing

    parameters = RUNS["sgnr:overlaystats"](out)
    parameters["INPUT"] = tiny("STBHHX")  # no ZLDWDM for the county level
    with pytest.raises(QgsProcessingException, match="ZLDWDM|zldwdm"):
        processing.run("sgnr:overlaystats", parameters, feedback=QgsProcessingFeedback())
    assert files_under(out) == []


def test_success_moves_outputs_into_place_with_their_final_names(ready, out):
    import processing

    results = processing.run("sgnr:checkfarmland", RUNS["sgnr:checkfarmland"](out),
                             feedback=QgsProcessingFeedback())
    names = files_under(out)
    assert {"findings.gpkg", "projects.shp", "projects.dbf", "projects.shx", "projects.prj",
            "report.xlsx"} <= set(names)
    assert not [n for n in names if "sgnr_partial_" in n], names
    assert results["OUTPUT_XLSX"] == str(out / "report.xlsx")
    assert results["OUTPUT_FINDINGS"].startswith(str(out / "findings.gpkg"))
    # QGIS names a GeoPackage sink's layer after its file: the final name, not the temporary
    dataset = ogr.Open(str(out / "findings.gpkg"))
    assert [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())] == [
        "findings"]


def test_layers_to_load_point_at_the_final_files(ready, out):
    """What the dialog does (a layer definition with a destination project): the layer QGIS
    loads after the run is the final file, with the output's name."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("sgnr:overlaystats")
    context = QgsProcessingContext()
    project = QgsProject()
    context.setProject(project)
    parameters = RUNS["sgnr:overlaystats"](out)
    parameters["OUTPUT"] = QgsProcessingOutputLayerDefinition(str(out / "table.gpkg"), project)
    results, ok = algorithm.run(parameters, context, QgsProcessingFeedback())
    assert ok
    loads = context.layersToLoadOnCompletion()
    assert list(loads) == [results["OUTPUT"]]
    assert results["OUTPUT"].startswith(str(out / "table.gpkg"))
    assert "sgnr_partial_" not in results["OUTPUT"]


def test_unwritable_output_is_a_clear_error_before_any_work(ready, out):
    import processing

    blocker = out / "not_a_folder"
    blocker.write_text("a file where a folder should be")  # root ignores chmod: use a file
    parameters = RUNS["sgnr:overlaystats"](out)
    parameters["OUTPUT"] = str(blocker / "table.gpkg")
    feedback = QgsProcessingFeedback()
    with pytest.raises(QgsProcessingException, match="Cannot write"):
        processing.run("sgnr:overlaystats", parameters, feedback=feedback)
    assert files_under(out) == ["not_a_folder"]


def test_open_workbook_is_reported_before_the_run_and_left_untouched(ready, out):
    import processing

    workbook = out / "report.xlsx"
    workbook.write_bytes(b"open in LibreOffice")
    (out / ".~lock.report.xlsx#").write_text("someone,host")
    with pytest.raises(QgsProcessingException, match="open in another program"):
        processing.run("sgnr:overlaystats", RUNS["sgnr:overlaystats"](out),
                       feedback=QgsProcessingFeedback())
    assert workbook.read_bytes() == b"open in LibreOffice"
    assert files_under(out) == [".~lock.report.xlsx#", "report.xlsx"]


def test_output_naming_an_input_file_is_refused(ready, tmp_path):
    """Sending the table to the GeoPackage the DLTB comes from would replace the whole file."""
    import hashlib
    import shutil

    import processing

    from tests.reliability.helpers import TINY_GPKG

    copy = tmp_path / "delivery.gpkg"
    shutil.copy(TINY_GPKG, copy)
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    with pytest.raises(QgsProcessingException, match="destroy the input"):
        processing.run("sgnr:overlaystats", {
            "INPUT": tiny("DLTB", copy), "OVERLAY": tiny("STBHHX", copy),
            "OUTPUT": str(copy)}, feedback=QgsProcessingFeedback())
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before
    assert files_under(tmp_path) == ["delivery.gpkg"]


@pytest.mark.parametrize("suffix", [".gpkg", ".xlsx"])
def test_table_sent_to_a_multi_layer_file_keeps_the_final_layer_name(ready, out, suffix):
    import processing

    from tests.reliability.helpers import tiny as tiny_uri

    target = out / f"土地利用{suffix}"
    processing.run("sgnr:landusesummary", {"INPUT": tiny_uri("DLTB"), "OUTPUT": str(target)},
                   feedback=QgsProcessingFeedback())
    dataset = ogr.Open(str(target))
    assert [dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())] == [
        "土地利用"]
    assert files_under(out) == [target.name]


def test_workbook_locked_during_the_run_leaves_no_output_at_all(ready, out):
    """Excel opens the old report while the check runs: the run fails at the end and none
    of its outputs appear (all or nothing), the open report is untouched."""
    import processing

    old = out / "report.xlsx"
    old.write_bytes(b"opened by a colleague")

    class LockAtHalf(QgsProcessingFeedback):
        def __init__(self) -> None:
            super().__init__()
            self.progressChanged.connect(self._lock)

        def _lock(self, progress: float) -> None:
            if progress >= 50:
                (out / ".~lock.report.xlsx#").write_text("colleague,host")

    with pytest.raises(QgsProcessingException, match="open in another program"):
        processing.run("sgnr:checkfarmland", RUNS["sgnr:checkfarmland"](out),
                       feedback=LockAtHalf())
    assert files_under(out) == [".~lock.report.xlsx#", "report.xlsx"]
    assert old.read_bytes() == b"opened by a colleague"
