"""A run that does not commit leaves the output folder exactly as it was: not only a run that
fails or is canceled while it computes, but also one QGIS prepares and never runs.

QgsProcessingAlgRunnerTask prepares its algorithm in its constructor (main thread); a task
canceled before it starts (Cancel pressed while it waits in the queue), one whose prepare
fails, or an algorithm prepared and then deleted (a dialog closed, a model child skipped) never
reaches processAlgorithm. Before, the staging folders ``sgnr_partial_*`` made in prepare (and a
missing parent folder of the target) stayed beside the user's files in all these cases, and a
failed run into a new folder left that folder, empty.

Every test lists the output folder before and after (helpers.files_under) and expects the same
list. The tasks run on QGIS's real task manager; a task is held in the queue by blocking every
thread of the pool with a task that waits for an event.
"""

from __future__ import annotations

import gc
import shutil
import stat
import threading
import time
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsTask,
)
from qgis.PyQt.QtCore import QCoreApplication, QThreadPool

from sg_nr_plugin.processing.algorithms.checkfarmland import CheckFarmlandAlgorithm
from tests.conftest import TINY_GPKG
from tests.reliability.helpers import CancelAt, files_under, tiny, without_root_file_powers


@pytest.fixture
def ready(qgis_processing, provider_registered):
    return True


@pytest.fixture
def out(tmp_path) -> Path:
    """The user's output folder, already holding a file of theirs."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.txt").write_text("kept")
    return folder


def _overlay(out: Path, refused: bool = False) -> dict:
    """overlaystats writing a GeoPackage and a workbook, the workbook into a folder that does
    not exist yet. ``refused``: the GeoPackage is the input, a copy in ``out`` (refused in
    prepare, after the outputs were staged)."""
    parameters = {"INPUT": tiny("DLTB"), "OVERLAY": tiny("STBHHX"), "REGION_LEVEL": 0,
                  "OUTPUT": str(out / "table.gpkg"),
                  "OUTPUT_XLSX": str(out / "new" / "sub" / "report.xlsx")}
    if refused:
        copy = out / "input.gpkg"
        shutil.copyfile(TINY_GPKG, copy)
        parameters.update(INPUT=tiny("DLTB", copy), OUTPUT=str(copy))
    return parameters


def _wait(condition, timeout: float = 60.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


def _task(algorithm_id: str, parameters: dict, feedback=None, algorithm=None):
    algorithm = algorithm or QgsApplication.processingRegistry().algorithmById(algorithm_id)
    context, feedback = QgsProcessingContext(), feedback or QgsProcessingFeedback()
    task = QgsProcessingAlgRunnerTask(algorithm, parameters, context, feedback)
    task._keep = (context, feedback)  # alive as long as the task
    return task


def _settle() -> None:
    """Let the task manager delete finished tasks (and with them their algorithms)."""
    for _ in range(20):
        QCoreApplication.processEvents()
        gc.collect()
        time.sleep(0.01)


@pytest.mark.parametrize("refused", [False, True], ids=["valid", "refused"])
def test_task_canceled_before_it_is_queued(ready, out, refused):
    parameters = _overlay(out, refused)
    before = files_under(out)
    task = _task("sgnr:overlaystats", parameters)
    task.cancel()
    assert task.status() == QgsTask.Terminated
    del task
    _settle()
    assert files_under(out) == before


class _Blocker(QgsTask):
    """Holds one thread of the pool until ``release`` is set."""

    def __init__(self, release: threading.Event, done: list) -> None:
        super().__init__("blocker", QgsTask.CanCancel)
        self.release, self.done = release, done

    def run(self) -> bool:
        self.release.wait(60)
        self.done.append(True)  # the manager deletes the task once it is complete
        return True


def test_task_canceled_while_queued(ready, out):
    """The user presses Cancel while the run waits for a free thread."""
    before = files_under(out)
    manager = QgsApplication.taskManager()
    release, done = threading.Event(), []
    blockers = [_Blocker(release, done) for _ in range(QThreadPool.globalInstance()
                                                       .maxThreadCount())]
    try:
        for blocker in blockers:
            manager.addTask(blocker)
        assert _wait(lambda: all(b.status() == QgsTask.Running for b in blockers))
        task = _task("sgnr:overlaystats", _overlay(out))
        terminated = []
        task.taskTerminated.connect(lambda: terminated.append(True))
        manager.addTask(task)
        _settle()
        assert task.status() == QgsTask.Queued  # waiting: every thread is held
        task.cancel()
        assert _wait(lambda: terminated)
    finally:
        release.set()
        assert _wait(lambda: len(done) == len(blockers))
    del task
    _settle()
    assert files_under(out) == before


def test_task_canceled_while_running(ready, out):
    before = files_under(out)
    feedback = CancelAt(50)
    task = _task("sgnr:overlaystats", _overlay(out), feedback)
    outcome = []
    task.executed.connect(lambda ok, _results: outcome.append(ok))
    QgsApplication.taskManager().addTask(task)
    assert _wait(lambda: outcome)
    assert outcome == [False] and feedback.fired
    del task
    _settle()
    assert files_under(out) == before


def test_task_that_runs_still_writes_its_outputs(ready, out):
    """The staging made at the start of the run: a task that runs commits as before."""
    task = _task("sgnr:overlaystats", _overlay(out))
    outcome = []
    task.executed.connect(lambda ok, results: outcome.append((ok, results)))
    QgsApplication.taskManager().addTask(task)
    assert _wait(lambda: outcome)
    ok, results = outcome[0]
    assert ok, results
    assert results["OUTPUT_XLSX"] == str(out / "new" / "sub" / "report.xlsx")
    del task
    _settle()
    assert files_under(out) == ["new", "new/sub", "new/sub/report.xlsx", "notes.txt",
                                "table.gpkg"]


class _PrepareFails(CheckFarmlandAlgorithm):
    """A check whose prepare fails after the base class staged the outputs (as a failure in
    check_base.prepareAlgorithm reading the layers' names, selection or DEM would)."""

    def _layer_name(self, *arguments):
        raise RuntimeError("layer name unreadable")


def test_task_whose_prepare_raises(ready, out):
    before = files_under(out)
    parameters = {"PROJECTS": tiny("XM_BCGD"), "DLTB": tiny("DLTB"),
                  "ECO_REDLINE": tiny("STBHHX"), "OUTPUT_FINDINGS": str(out / "findings.gpkg"),
                  "OUTPUT_PROJECTS": str(out / "new" / "projects.shp"),
                  "OUTPUT_XLSX": str(out / "report.xlsx")}
    algorithm = _PrepareFails()
    algorithm.initAlgorithm()
    task = _task("", parameters, algorithm=algorithm)
    assert task.status() == QgsTask.Terminated  # prepare failed: the task never starts
    del task, algorithm
    _settle()
    assert files_under(out) == before


@pytest.mark.parametrize("refused", [False, True], ids=["valid", "refused"])
def test_algorithm_prepared_then_deleted(ready, out, refused):
    """A dialog or a model prepares and drops the algorithm without running it."""
    parameters = _overlay(out, refused)
    before = files_under(out)
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("sgnr:overlaystats")
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    assert algorithm.prepare(parameters, context, feedback)
    del algorithm
    gc.collect()
    assert files_under(out) == before


@pytest.mark.parametrize("how", ["canceled", "refused"])
def test_failed_run_removes_the_folder_it_made(ready, out, how):
    """A run into a folder that did not exist fails: the folder does not stay behind, empty."""
    import processing

    parameters = _overlay(out, how == "refused")
    before = files_under(out)
    feedback = CancelAt(50) if how == "canceled" else QgsProcessingFeedback()
    expected = "canceled" if how == "canceled" else "destroy the input"
    with pytest.raises(QgsProcessingException, match=expected):
        processing.run("sgnr:overlaystats", parameters, feedback=feedback)
    assert files_under(out) == before


def test_folder_made_read_only_after_prepare_is_refused_at_the_start(ready, out):
    """The folder was writable when the run was prepared (probe passed), not when it starts:
    the write error names the final path, and nothing is left."""
    folder = out / "reports"
    folder.mkdir()
    target = folder / "report.xlsx"
    parameters = {**_overlay(out), "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_XLSX": str(target)}
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("sgnr:overlaystats")
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    before = files_under(out)
    assert algorithm.prepare(parameters, context, feedback)
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    try:
        with without_root_file_powers(), pytest.raises(QgsProcessingException) as raised:
            algorithm.runPrepared(parameters, context, feedback)
    finally:
        folder.chmod(0o755)
    message = str(raised.value)
    assert f"Cannot write “{target}”: permission denied" in message, message
    assert "sgnr_partial_" not in message
    assert files_under(out) == before
