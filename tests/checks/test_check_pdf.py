"""``OUTPUT_PDF`` of the three checks: the check sheets, read back with poppler.

Expected project ids and clean projects come from ``data/tiny/ground_truth.json`` (the
generator's), the rule-set version from the rule-set file; the PDF is read with poppler's own
tools (pdfinfo, pdftotext, pdffonts, pdfimages), never with the plugin.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
)

from tests.checks.tiny import truth
from tests.conftest import ROOT, TINY

POPPLER = ("pdfinfo", "pdftotext", "pdffonts", "pdfimages")
pytestmark = pytest.mark.skipif(
    not all(shutil.which(tool) for tool in POPPLER),
    reason="poppler-utils is not installed (make setup installs it)")

ROLES = {
    "farmland": ("XM_BCGD", {"DLTB": "DLTB", "ECO_REDLINE": "STBHHX", "PROTECTED_AREAS": "ZRBHD",
                             "PUBLIC_FOREST": "GYL", "URBAN_BOUNDARY": "CZKFBJ",
                             "BASIC_FARMLAND": "YJJBNT", "STEEP_SLOPE": "JZKKPD"}),
    "paddy": ("XM_KZST", {"DLTB": "DLTB", "ECO_REDLINE": "STBHHX", "PROTECTED_AREAS": "ZRBHD",
                          "PUBLIC_FOREST": "GYL", "URBAN_BOUNDARY": "CZKFBJ",
                          "HAZARDS": "DZZHD"}),
    "mine": ("XM_KSXF", {"DLTB": "DLTB", "ECO_REDLINE": "STBHHX", "PROTECTED_AREAS": "ZRBHD",
                         "HAZARDS": "DZZHD", "LEGACY_MINES": "LSYLKS", "MINING_RIGHTS": "CKQ",
                         "ROADS": "DL", "RIVERS": "HL"}),
}
VERDICTS_ZH = ("不通过", "需整改", "通过")


def poppler(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def pages_text(pdf: Path) -> list[str]:
    return poppler("pdftotext", "-layout", str(pdf), "-").split("\f")


def page_count(pdf: Path) -> int:
    return int(re.search(r"^Pages:\s+(\d+)", poppler("pdfinfo", str(pdf)), re.M).group(1))


def tiny_copy(tmp_path: Path) -> Path:
    return Path(shutil.copy(TINY / "shaoguan_tiny.gpkg", tmp_path / "tiny.gpkg"))


def parameters(kind: str, gpkg: Path, pdf: Path | str) -> dict:
    projects, roles = ROLES[kind]
    params = {role: f"{gpkg}|layername={layer}" for role, layer in roles.items()}
    return {"PROJECTS": f"{gpkg}|layername={projects}", "PROJECT_ID_FIELD": "XMBH",
            "DECLARED_AREA_FIELD": "SBMJ", "DECLARED_AREA_UNIT": 2,
            "OUTPUT_FINDINGS": "memory:", "OUTPUT_PROJECTS": "memory:",
            "OUTPUT_PDF": str(pdf), **params}


def run(kind: str, params: dict, feedback=None):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(f"sgnr:check{kind}")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = feedback or QgsProcessingFeedback()
    results, ok = algorithm.run(params, context, feedback)
    return results, ok, context, feedback


def ruleset_version(kind: str) -> str:
    path = ROOT / "resources" / "data" / "rulesets" / f"gd_{kind}.json"
    return json.loads(path.read_text(encoding="utf-8"))["version"]


def sheet_pages(texts: list[str], project_id: str) -> list[str]:
    return [t for t in texts if f"· {project_id} ·" in t or f"项目编号：{project_id}" in t]


@pytest.mark.parametrize("kind", ["farmland", "paddy", "mine"])
def test_check_writes_one_sheet_per_project(provider_registered, tmp_path, kind):
    gpkg, pdf = tiny_copy(tmp_path), tmp_path / "out" / f"{kind}.pdf"
    results, ok, context, feedback = run(kind, parameters(kind, gpkg, pdf))
    assert ok, feedback.textLog()
    assert results["OUTPUT_PDF"] == str(pdf) and pdf.is_file()
    expected = truth(f"sgnr:check{kind}")
    checked = context.takeResultLayer(results["OUTPUT_PROJECTS"])
    verdicts = {f["project_id"]: f["verdict_zh"] for f in checked.getFeatures()}
    assert set(verdicts) == set(expected)
    assert page_count(pdf) >= 2 * len(expected)  # a map page and a findings page each
    texts = pages_text(pdf)
    version = ruleset_version(kind)
    for project_id, project in expected.items():
        pages = sheet_pages(texts, project_id)
        assert len(pages) >= 2, project_id
        first = pages[0]
        assert f"项目编号：{project_id}" in first
        shown = [v for v in VERDICTS_ZH if re.search(rf"(^|\s){v}(\s|$)", first, re.M)]
        assert verdicts[project_id] in shown, (project_id, shown)
        if not project["planted"]:  # the generator's clean projects pass
            assert verdicts[project_id] == "通过"
        assert version in "".join(pages), project_id
    images = [line for line in poppler("pdfimages", "-list", str(pdf)).splitlines()[2:]
              if line.split()[2] == "image"]
    pages_with_map = {int(line.split()[0]) for line in images}
    assert len(pages_with_map) >= len(expected)  # the map of every project, as an image
    fonts = poppler("pdffonts", str(pdf)).splitlines()[2:]
    cjk = [line for line in fonts if "WenQuanYi" in line or "Noto" in line]
    assert cjk and all(line.split()[-5] == "yes" for line in cjk), fonts  # embedded
    assert not list(pdf.parent.glob("sgnr_partial_*"))


def test_farmland_sheet_prints_findings_quotas_and_thresholds(provider_registered, tmp_path):
    gpkg, pdf = tiny_copy(tmp_path), tmp_path / "farmland.pdf"
    _, ok, _, feedback = run("farmland", parameters("farmland", gpkg, pdf))
    assert ok, feedback.textLog()
    text = "\n".join(pages_text(pdf))
    ruleset = json.loads((ROOT / "resources/data/rulesets/gd_farmland.json").read_text("utf-8"))
    assert ruleset["id"] in text
    for key in ruleset["thresholds"]:  # every threshold with its key
        assert key in text, key
    for label in ("新增耕地", "核查面积", "申报面积", "核查人", "审核人", "图例"):
        assert label in text, label
    # a planted red-line case, its rule named in Chinese as the rule set (and the panel) names it
    assert ruleset["rules"]["eco_redline"]["title"]["zh"] in text
    from osgeo import ogr  # the names and counties as GDAL reads them

    dataset = ogr.Open(str(gpkg))  # kept: its layer dies with it
    table = dataset.GetLayerByName("XM_BCGD")
    counties = {"440204": "浈江区", "440205": "曲江区"}
    for feature in table:
        assert f"项目名称：{feature.GetField('XMMC')}" in text
        county = feature.GetField("XZQDM")
        assert f"所在县（市、区）：{counties[county]}（{county}）" in text


def test_no_pdf_when_not_asked(provider_registered, tmp_path):
    gpkg = tiny_copy(tmp_path)
    params = parameters("farmland", gpkg, "")
    del params["OUTPUT_PDF"]
    results, ok, _, feedback = run("farmland", params)
    assert ok, feedback.textLog()
    assert not results.get("OUTPUT_PDF") and not list(tmp_path.rglob("*.pdf"))


class CancelWhileDrawing(QgsProcessingFeedback):
    """Cancels once the sheets are being drawn (after the check itself finished)."""

    def pushInfo(self, info):  # noqa: N802 - QGIS API name
        super().pushInfo(info)
        if "check sheets" in info or "核查单" in info:
            self.cancel()


def refused(kind: str, params: dict, feedback=None) -> str:
    import processing

    with pytest.raises(QgsProcessingException) as raised:
        processing.run(f"sgnr:check{kind}", params,
                       feedback=feedback or QgsProcessingFeedback())
    return str(raised.value)


def test_cancel_while_drawing_leaves_no_pdf(qgis_processing, provider_registered, tmp_path):
    gpkg, pdf = tiny_copy(tmp_path), tmp_path / "out" / "farmland.pdf"
    message = refused("farmland", parameters("farmland", gpkg, pdf), CancelWhileDrawing())
    assert "canceled" in message, message
    assert not pdf.exists()
    assert not [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert not list((tmp_path / "out").glob("sgnr_partial_*"))


@pytest.mark.parametrize("target, reason", [
    ("file/x.pdf", "a part of the path is a file"),
    ("folder", "it is a folder"),
])
def test_unwritable_pdf_path_is_refused_clearly(qgis_processing, provider_registered, tmp_path,
                                                target, reason):
    gpkg = tiny_copy(tmp_path)
    (tmp_path / "file").write_text("not a folder")
    (tmp_path / "folder").mkdir()
    path = tmp_path / target
    message = refused("farmland", parameters("farmland", gpkg, path))
    assert str(path) in message and reason in message, message
    assert not list(tmp_path.rglob("*.pdf"))


def test_sheets_drawn_in_a_worker_thread(provider_registered, tmp_path, qgis_app):
    """As a panel runs a check: QgsProcessingAlgRunnerTask, a thread of the task manager."""
    gpkg, pdf = tiny_copy(tmp_path), tmp_path / "worker.pdf"
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("sgnr:checkmine")
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    context.setProject(QgsProject.instance())
    task = QgsProcessingAlgRunnerTask(algorithm, parameters("mine", gpkg, pdf), context,
                                      feedback)
    done = {}
    task.executed.connect(lambda ok, results: done.update(ok=ok, results=results))
    QgsApplication.taskManager().addTask(task)
    deadline = time.time() + 300
    while "ok" not in done and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.02)
    assert done.get("ok"), feedback.textLog()
    assert page_count(pdf) >= 2 * len(truth("sgnr:checkmine"))
    assert "矿山生态修复项目核查单" in pages_text(pdf)[0]


def test_the_last_page_is_the_audit_trail(tmp_path, qgis_app, provider_registered):
    """#20: the PDF's last page says which algorithm, inputs and rule set made it."""
    pdf = tmp_path / "sheets.pdf"
    results, ok, _context, feedback = run("paddy", parameters("paddy", tiny_copy(tmp_path), pdf))
    assert ok, feedback.textLog()[-2000:]
    pages = [page for page in pages_text(pdf) if page.strip()]
    first = next(i for i, page in enumerate(pages) if "审计信息" in page)
    last = "\n".join(pages[first:])  # the trail's pages, at the end
    shipped = json.loads((ROOT / "resources" / "data" / "rulesets" / "gd_paddy.json")
                         .read_text("utf-8"))
    for expected in ("sgnr:checkpaddy", shipped["id"], shipped["version"], "tiny.gpkg"):
        assert expected in last, (expected, last[:1500])


def test_the_legend_of_the_results_is_chinese_in_any_interface_language(tmp_path, qgis_app,
                                                                       provider_registered):
    """The result styles carry keys the panel translates; the sheet (a Chinese document)
    printed them raw: "areas", "error", "fail" in the legend."""
    pdf = tmp_path / "sheets.pdf"
    _results, ok, _context, feedback = run("farmland",
                                           parameters("farmland", tiny_copy(tmp_path), pdf))
    assert ok, feedback.textLog()[-2000:]
    first = pages_text(pdf)[0]
    assert "错误" in first and "不通过" in first
    for key in ("areas", "error", "fail", "severity:", "verdict:", "scale:"):
        assert not re.search(rf"\b{re.escape(key)}", first), key
