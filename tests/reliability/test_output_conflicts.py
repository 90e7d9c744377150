"""An output that would write into an input of the run, or two outputs on one file, are refused
before any work, whatever the spelling (issue #16 case 2). The inputs stay byte-identical and no
file is left behind. Rule: no output may go into a file that is an input, not even a new table
in the input's GeoPackage (that changes the delivery's bytes too)."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from osgeo import ogr
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from tests.conftest import ROOT, TINY, TINY_GPKG
from tests.reliability.helpers import files_under

REFUSED = "destroy the input"


@pytest.fixture
def ready(qgis_processing, provider_registered):
    return True


@pytest.fixture
def delivery(tmp_path) -> Path:
    """A copy of the tiny sample (never the committed fixture) in its own folder."""
    folder = tmp_path / "delivery"
    folder.mkdir()
    shutil.copy(TINY_GPKG, folder / "DLTB.gpkg")
    return folder / "DLTB.gpkg"


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def _refused(algorithm_id: str, parameters: dict, folder: Path, *expected: str) -> str:
    """Run, expect the refusal naming ``expected``; the folder is unchanged afterwards."""
    import processing

    before = _digests(folder)
    names = files_under(folder)
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(algorithm_id, parameters, feedback=QgsProcessingFeedback())
    message = str(raised.value)
    for text in expected:
        assert text in message, message
    assert "sgnr_partial_" not in message
    assert _digests(folder) == before
    assert files_under(folder) == names
    return message


def _overlay(dltb_uri: str, output) -> dict:
    return {"INPUT": dltb_uri, "OVERLAY": f"{TINY_GPKG}|layername=STBHHX", "REGION_LEVEL": 0,
            "OUTPUT": output}


@pytest.mark.parametrize("spelling", [
    "ogr:dbname='{path}' table=\"DLTB\"",  # replaces the input layer with the result
    "ogr:dbname='{path}' table=\"summary\"",  # a new table inside the input file
    "{path}|layername=DLTB",
    "{path}",  # the default layer name (the file's stem) is the input layer's name
])
def test_output_into_the_input_file_is_refused_in_every_spelling(ready, delivery, spelling):
    uri = f"{delivery}|layername=DLTB"
    _refused("sgnr:overlaystats", _overlay(uri, spelling.format(path=delivery)),
             delivery.parent, REFUSED, str(delivery), "OUTPUT", "INPUT")


def test_output_through_a_symbolic_link_or_a_relative_path_is_refused(ready, delivery,
                                                                      monkeypatch):
    link = delivery.parent / "link.gpkg"
    link.symlink_to(delivery)
    uri = f"{delivery}|layername=DLTB"
    _refused("sgnr:overlaystats", _overlay(uri, str(link)), delivery.parent, REFUSED)
    monkeypatch.chdir(delivery.parent)
    _refused("sgnr:overlaystats", _overlay(uri, "DLTB.gpkg"), delivery.parent, REFUSED)
    _refused("sgnr:overlaystats", _overlay("DLTB.gpkg|layername=DLTB", str(delivery)),
             delivery.parent, REFUSED)


def test_another_spelling_of_the_same_file_is_refused(ready, delivery):
    """On a case-insensitive disk (Windows, macOS) DLTB.GPKG is the input file. The test disk
    is case-sensitive (and a casefold ext4 cannot be mounted here): a hard link under the
    upper-case name is the same situation — another name, the same file."""
    other = delivery.parent / "DLTB.GPKG"
    os.link(delivery, other)
    _refused("sgnr:overlaystats", _overlay(f"{delivery}|layername=DLTB", str(other)),
             delivery.parent, REFUSED, str(other))


def test_output_onto_a_shapefile_sidecar_of_the_input_is_refused(ready, tmp_path):
    folder = tmp_path / "shp"
    folder.mkdir()
    source = ogr.Open(str(TINY_GPKG))
    ogr.GetDriverByName("ESRI Shapefile").CopyDataSource(source, str(folder))
    assert (folder / "DLTB.dbf").exists()
    uri = str(folder / "DLTB.shp")
    for target in ("DLTB.dbf", "DLTB.shp", "DLTB.prj"):
        _refused("sgnr:overlaystats", {
            "INPUT": uri, "OVERLAY": str(folder / "STBHHX.shp"), "REGION_LEVEL": 0,
            "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_XLSX": str(folder / target)},
            folder, REFUSED, "OUTPUT_XLSX")
    _refused("sgnr:overlaystats", {
        "INPUT": uri, "OVERLAY": str(folder / "STBHHX.shp"), "REGION_LEVEL": 0,
        "OUTPUT": str(folder / "DLTB.dbf")}, folder, REFUSED)


def test_workbook_onto_the_targets_file_is_refused(ready, tmp_path):
    targets = tmp_path / "indicators.json"
    shutil.copy(ROOT / "resources" / "data" / "indicators.json", targets)
    _refused("sgnr:planindicators", {
        "DLTB": f"{TINY_GPKG}|layername=DLTB", "TARGETS": str(targets), "REGION_LEVEL": 0,
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_XLSX": str(targets)},
        tmp_path, REFUSED, "TARGETS", "OUTPUT_XLSX", str(targets))


def test_check_outputs_onto_the_ruleset_or_the_dem_are_refused(ready, tmp_path):
    import json

    from sg_nr_plugin.core.checks.ruleset import builtin_ruleset, ruleset_to_dict

    ruleset = tmp_path / "rules.json"
    ruleset.write_text(json.dumps(ruleset_to_dict(builtin_ruleset("farmland")),
                                  ensure_ascii=False), encoding="utf-8")
    dem = tmp_path / "dem.tif"
    shutil.copy(TINY / "dem.tif", dem)
    base = {"PROJECTS": f"{TINY_GPKG}|layername=XM_BCGD", "DLTB": f"{TINY_GPKG}|layername=DLTB",
            "RULESET": str(ruleset), "DEM": str(dem), "OUTPUT_FINDINGS": "TEMPORARY_OUTPUT",
            "OUTPUT_PROJECTS": "TEMPORARY_OUTPUT"}
    _refused("sgnr:checkfarmland", {**base, "OUTPUT_XLSX": str(ruleset)}, tmp_path, REFUSED,
             "RULESET")
    _refused("sgnr:checkfarmland", {**base, "OUTPUT_PROJECTS": str(dem)}, tmp_path, REFUSED,
             "DEM")


def test_output_onto_a_coordinate_file_is_refused(ready, tmp_path):
    folder = tmp_path / "txt"
    folder.mkdir()
    for text in (ROOT / "tests" / "coordtxt" / "data").glob("*.txt"):
        shutil.copy(text, folder / text.name)
    first = sorted(folder.glob("*.txt"))[0]
    _refused("sgnr:importcoordtxt", {"INPUT": [str(first)], "OUTPUT": str(first)}, folder,
             REFUSED, first.name)
    _refused("sgnr:importcoordtxt", {"FOLDER": str(folder), "OUTPUT": str(first)}, folder,
             REFUSED, "FOLDER")


@pytest.mark.parametrize("algorithm_id, parameters, expected", [
    ("sgnr:checkfarmland", {"OUTPUT_FINDINGS": "{out}/result.gpkg",
                            "OUTPUT_PROJECTS": "{out}/result.gpkg"},
     ("OUTPUT_FINDINGS", "OUTPUT_PROJECTS")),
    ("sgnr:checkfarmland", {"OUTPUT_FINDINGS": "{out}/result.gpkg",
                            "OUTPUT_PROJECTS": "ogr:dbname='{out}/result.gpkg' table=\"p\""},
     ("OUTPUT_FINDINGS", "OUTPUT_PROJECTS")),
    ("sgnr:overlaystats", {"OUTPUT": "{out}/result.xlsx", "OUTPUT_XLSX": "{out}/result.xlsx"},
     ("OUTPUT", "OUTPUT_XLSX")),
])
def test_two_outputs_on_one_file_are_refused(ready, tmp_path, algorithm_id, parameters,
                                             expected):
    out = tmp_path / "out"
    out.mkdir()
    inputs = {"sgnr:checkfarmland": {"PROJECTS": f"{TINY_GPKG}|layername=XM_BCGD",
                                     "DLTB": f"{TINY_GPKG}|layername=DLTB"},
              "sgnr:overlaystats": {"INPUT": f"{TINY_GPKG}|layername=DLTB",
                                    "OVERLAY": f"{TINY_GPKG}|layername=STBHHX"}}[algorithm_id]
    values = {key: value.format(out=out) for key, value in parameters.items()}
    _refused(algorithm_id, {**inputs, **values}, out, "one would replace the other", *expected)


def test_a_new_file_beside_the_input_is_allowed(ready, delivery):
    import processing

    before = _digests(delivery.parent)
    processing.run("sgnr:overlaystats", _overlay(f"{delivery}|layername=DLTB",
                                                 str(delivery.parent / "result.gpkg")),
                   feedback=QgsProcessingFeedback())
    after = _digests(delivery.parent)
    assert after.pop("result.gpkg") and after == before


def test_a_layer_name_after_a_bar_is_refused_with_the_spelling_to_use(ready, tmp_path):
    """``new.gpkg|layername=X`` as an output made QGIS write a file literally named
    ``new.gpkg|layername=X.gpkg``: refused, saying how to name a layer."""
    out = tmp_path / "out"
    out.mkdir()
    message = _refused("sgnr:overlaystats", _overlay(
        f"{TINY_GPKG}|layername=DLTB", f"{out / 'new.gpkg'}|layername=summary"), out,
        f"ogr:dbname='{out / 'new.gpkg'}' table=\"summary\"")
    assert "OUTPUT" in message
