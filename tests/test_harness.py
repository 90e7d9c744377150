"""The test run itself: failures are reported in full, never cut short by a crash.

Regression: several failing tests holding QGIS layers made the run end in a segmentation
fault after QGIS had exited, before pytest printed its summary (tests/conftest.py frees them
before the last teardown).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FAILING = '''
import pytest
from tests.stats.helpers import dltb_layer, write_gpkg
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.landuse import landuse_summary


@pytest.mark.parametrize("level", [0, 1, 2, 3])
def test_fails_holding_layers(qgis_app, tmp_path, level):
    layer = write_gpkg(dltb_layer(), tmp_path / "x.gpkg")
    frame = landuse_summary(layer, RegionSpec(level=level))
    assert frame.area_m2.tolist() == []
'''


def test_failures_end_in_a_summary_not_a_crash(tmp_path):
    # inside tests/ so that tests/conftest.py applies, as it does to every real test
    module = ROOT / "tests" / f"test_zz_harness_{os.getpid()}.py"
    module.write_text(FAILING, encoding="utf-8")
    try:
        run = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", str(module)],
            cwd=ROOT, capture_output=True, text=True, timeout=300,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    finally:
        module.unlink()
    output = run.stdout + run.stderr
    assert "Segmentation fault" not in output and "Fatal Python error" not in output, output
    assert "4 failed" in output, output
    assert run.returncode == 1, output
