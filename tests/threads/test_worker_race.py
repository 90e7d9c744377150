"""Issue #18: the desktop crashed while a check ran in the background (SIGSEGV in
QgsExpressionContextScope::addVariable under QgsProject::createExpressionContextScope).

Cause: a layer lookup in the worker thread (QgsProcessingUtils::mapLayerFromString, behind
parameterAsSource & co.) calls QgsProject::layerStore(), which clears the project's cached
expression scope while the main thread rebuilds it (processing/prepared.py). The script runs
the three checks and two statistics through QgsProcessingAlgRunnerTask with a project-bound
context while the main thread rebuilds that scope without pause; before the fix it crashed in
about one run of ten tasks in three, so 40 tasks fail it almost always (see the module).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, TINY_GPKG

SCRIPT = Path(__file__).with_name("worker_race.py")
ROUNDS = 8  # × 5 algorithms


@pytest.mark.timeout(900)
def test_background_runs_leave_the_projects_expression_scope_alone(tmp_path):
    gpkg = tmp_path / "tiny.gpkg"
    gpkg.write_bytes(TINY_GPKG.read_bytes())
    out = tmp_path / "summary.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    run = subprocess.run([sys.executable, str(SCRIPT), str(gpkg), str(out), str(ROUNDS)],
                         env=env, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, (
        f"exit status {run.returncode} (-11/139: SIGSEGV, the crash of #18)\n{run.stderr[-3000:]}")
    summary = json.loads(out.read_text())
    assert summary["started"] == ROUNDS * 5
    assert summary["failed"] == [] and summary["ok"] == ROUNDS * 5, summary
    assert summary["rebuilds"] > 1000  # the main thread really raced the tasks
