"""The “导出核查单 PDF” button of a check panel: the check run again in the background, writing
the sheets only; the panel's memory layers are copied for the map (they cannot be reopened)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from tests.checks.test_paddy_panel import paddy_layers
from tests.gui.test_check_dock import wait_until


@pytest.fixture
def dock(project, provider_registered, qgis_iface):
    from sg_nr_plugin.gui.check_config import dock_configs
    from sg_nr_plugin.gui.check_dock import CheckDock
    from sg_nr_plugin.i18n import install_translator, remove_translator

    [config] = [c for c in dock_configs() if c.name == "paddy"]
    assert install_translator("zh_CN")
    try:
        widget = CheckDock(config, qgis_iface)
        yield widget
    finally:
        remove_translator()
    for runner in (widget.runner, widget.pdf_runner):
        runner.cancel()
        wait_until(lambda runner=runner: not runner.running, 30)
    widget.deleteLater()


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils is not installed")
def test_panel_exports_the_check_sheets(project, dock, tmp_path):
    assert dock.pdf_button.text() == "导出核查单 PDF…"
    assert not dock.pdf_button.isEnabled() and not dock.export_pdf(str(tmp_path / "x.pdf"))
    project.addMapLayers(list(paddy_layers().values()))
    dock.detect_roles()
    assert dock.run_check(False)
    assert wait_until(lambda: not dock.runner.running), "check did not finish"
    assert dock.pdf_button.isEnabled()
    target = tmp_path / "sheets"  # the suffix is added
    assert dock.export_pdf(str(target))
    assert wait_until(lambda: not dock.pdf_runner.running, 120), "sheets not written"
    pdf = tmp_path / "sheets.pdf"
    assert dock.pdf_path == str(pdf) and pdf.is_file(), dock.status.text()
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    for project_id in ("P1", "P2", "P3"):
        assert f"项目编号：{project_id}" in text
    assert "垦造水田项目核查单" in text and "不通过" in text
    images = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                            check=True).stdout.splitlines()[2:]
    assert len({line.split()[0] for line in images}) >= 3  # a map on each project's sheet


def test_cancel_stops_the_export_and_leaves_no_pdf(project, dock, tmp_path):
    project.addMapLayers(list(paddy_layers().values()))
    dock.detect_roles()
    assert dock.run_check(False)
    assert wait_until(lambda: not dock.runner.running), "check did not finish"
    assert dock.export_pdf(str(tmp_path / "sheets.pdf"))
    assert dock.cancel_button.isEnabled()
    # Canceled once running (a task canceled before it starts never runs processAlgorithm,
    # which is what deletes the staged outputs: a limitation of the staging, not of the PDF)
    assert wait_until(lambda: dock.pdf_runner.feedback.progress() > 0, 60)
    dock.cancel_button.click()
    assert wait_until(lambda: not dock.pdf_runner.running, 120), "export did not stop"
    assert dock.pdf_path is None and "核查单未生成" in dock.status.text()
    assert not dock.cancel_button.isEnabled() and dock.pdf_button.isEnabled()
    assert not list(tmp_path.rglob("*.pdf")) and not list(tmp_path.glob("sgnr_partial_*"))
