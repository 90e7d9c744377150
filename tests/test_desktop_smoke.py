"""Real QGIS desktop under Xvfb, with the plugin installed from the zip into a new profile."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tools.build_zip import build
from tools.deploy import install

HERE = Path(__file__).resolve().parent / "desktop"


@pytest.mark.desktop
def test_desktop_loads_plugin_without_python_errors(tmp_path, artifacts_dir):
    if not shutil.which("xvfb-run") or not shutil.which("qgis"):
        pytest.skip("xvfb-run or qgis not installed: cannot start QGIS desktop")
    zip_path = build(tmp_path / "sg_nr_plugin.zip")
    profiles = tmp_path / "profiles"
    install(zip_path, profiles / "profiles" / "smoke")
    log = tmp_path / "qgis.log"
    report = tmp_path / "report.json"
    png = artifacts_dir / "desktop_smoke.png"
    png.unlink(missing_ok=True)
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH")}
    sample = tmp_path / "shaoguan_tiny.gpkg"  # a copy: the fixture itself stays untouched
    shutil.copy(ROOT / "data" / "tiny" / "shaoguan_tiny.gpkg", sample)
    env.update(SGNR_SMOKE_LOG=str(log), SGNR_SMOKE_REPORT=str(report), SGNR_SMOKE_PNG=str(png),
               SGNR_SMOKE_SAMPLE=str(sample), PYQGIS_STARTUP=str(HERE / "log_capture.py"),
               HOME=str(tmp_path),
               PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT / "tests"),
                                                       env.get("PYTHONPATH")])))  # panel_texts
    command = ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "qgis", "--nologo",
               "--noversioncheck", "--lang", "zh_CN", "--profiles-path", str(profiles),
               "--profile", "smoke",
               "--code", str(HERE / "smoke_code.py")]
    result = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True,
                            timeout=300)
    assert report.exists(), f"QGIS did not finish the smoke script:\n{result.stderr[-3000:]}"
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["loaded"] and data["provider"] and data["menu"], data
    assert data["menu_title"] == "韶关自然资源", "the interface is not in Chinese"
    assert set(data["docks"]) == {"farmland", "paddy", "mine"}, data
    assert data.get("started") and data.get("check_ok"), data
    assert data["check_layers"], "the check added no result layers"
    assert data.get("english") == [], "\n".join(data.get("english") or ["(not run)"])  # #18
    assert not data["errors"], data["errors"]
    assert data["screenshot"] and png.stat().st_size > 10_000
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    assert any("log capture installed" in line for line in lines), "log hook did not run"
    python_errors = [line for line in lines if line.lower().startswith("python error")]
    assert not python_errors, "\n".join(python_errors)
