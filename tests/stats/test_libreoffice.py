"""A statistics workbook opens in LibreOffice: converting it to PDF proves the file is valid."""

from __future__ import annotations

import shutil
import subprocess
import warnings

import pytest

from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.reports.indicators_xlsx import write_indicators_xlsx
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.indicators import IndicatorInputs, plan_indicators


@pytest.mark.slow
def test_indicator_workbook_converts_to_pdf(qgis_app, tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        message = ("LIBREOFFICE TEST SKIPPED: soffice not found "
                   "(make setup installs libreoffice-calc-nogui)")
        warnings.warn(message, stacklevel=1)
        pytest.skip(message)
    from tests.stats.test_indicators import dltb, redline

    inputs = IndicatorInputs(dltb(), layers={"ECO_REDLINE": (redline(), "STBHHX")})
    workbook = tmp_path / "indicators.xlsx"
    write_indicators_xlsx(plan_indicators(inputs, RegionSpec(RegionLevel.COUNTY)), workbook)
    profile = tmp_path / "lo-profile"  # a private profile: parallel runs do not lock each other
    result = subprocess.run(
        [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(workbook)],
        capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "indicators.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stdout + result.stderr
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 1000
