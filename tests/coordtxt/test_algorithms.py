"""sgnr:importcoordtxt as Processing runs it: folders, bad files among good ones, the report."""

from __future__ import annotations

import shutil

import pytest
from qgis.core import QgsProcessingException

from tests.coordtxt.helpers import DATA, run_algorithm


def _run(parameters):
    results, feedback = run_algorithm(
        "sgnr:importcoordtxt", {"OUTPUT": "TEMPORARY_OUTPUT", "REPORT": "TEMPORARY_OUTPUT",
                                **parameters})
    return results, results["OUTPUT"], results["REPORT"], feedback


def test_folder_with_a_broken_file(processing_ready, tmp_path):
    for path in DATA.glob("*.txt"):
        shutil.copy(path, tmp_path / path.name)
    text = (DATA / "single_square.txt").read_text(encoding="utf-8")
    broken = text.replace("J3,1,2745100.0000,38512100.0000", "J3,1,2745100.0000")
    (tmp_path / "broken.txt").write_text(broken.replace("方形地块", "坏地块"), encoding="utf-8")
    results, layer, report, feedback = _run({"INPUT": [""], "FOLDER": str(tmp_path)})
    assert layer.crs().authid() == "EPSG:4526"
    assert layer.featureCount() == 6  # the broken parcel is skipped, the rest imported
    assert (results["PARCELS"], results["SKIPPED"], results["ERRORS"]) == (6, 1, 1)
    assert "broken.txt:16: Parcel 1: cannot read the point line “J3,1,2745100.0000” " \
        "(expected name,ring,X,Y); the parcel is skipped." in feedback.errors
    rows = [(f["FILE"], f["LINE"], f["CODE"]) for f in report.getFeatures()
            if f["SEVERITY"] != "info"]
    assert rows == [("broken.txt", 16, "point-syntax")]
    # the CM-form file (EPSG:4547) was transformed into the first file's EPSG:4526
    multipart = next(f for f in layer.getFeatures() if f["DKBH"] == "M-7")
    assert multipart.geometry().boundingBox().xMinimum() == pytest.approx(38550000, abs=1e-6)
    assert {f["BM"] for f in layer.getFeatures()} == {"UTF-8", "UTF-8 (BOM)", "GBK"}


def test_no_files_is_a_clear_error(processing_ready, tmp_path):
    with pytest.raises(QgsProcessingException, match="No coordinate files given"):
        _run({"FOLDER": str(tmp_path)})


def test_nothing_importable_is_a_clear_error(processing_ready, tmp_path):
    (tmp_path / "notes.txt").write_text("hello\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="No parcel could be imported"):
        _run({"INPUT": [str(tmp_path / "notes.txt")]})


def test_help_and_messages_have_chinese_translations(processing_ready):
    from qgis.core import QgsApplication

    from sg_nr_plugin.i18n import install_translator, remove_translator

    registry = QgsApplication.processingRegistry()
    assert install_translator("zh_CN")
    try:
        for algorithm_id in ("sgnr:importcoordtxt", "sgnr:exportcoordtxt"):
            algorithm = registry.createAlgorithmById(algorithm_id)
            assert "报部坐标文件" in algorithm.displayName()
            assert "坐标" in algorithm.shortHelpString() and "The " not in \
                algorithm.shortHelpString()
        from sg_nr_plugin.core.coordtxt.parser import parse_text
        from sg_nr_plugin.core.coordtxt.reader import load_parsed

        parsed = parse_text("[地块坐标]\n", "a.txt")
        load_parsed(parsed, measure_factory=None)
        assert "缺少 [属性描述] 节。" in [issue.message for issue in parsed.issues]
    finally:
        remove_translator()
