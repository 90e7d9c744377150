"""Every algorithm of the provider leaves its input files byte-identical.

The algorithms are discovered from the registry and their parameters filled by name from the
tiny sample, so a new algorithm is covered without editing this test; a required parameter no
rule below can fill fails the test, naming it (extend LAYER_FOR or fill_parameter then).
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback

from tests.conftest import ROOT

TINY = ROOT / "data" / "tiny"
GPKG = "shaoguan_tiny.gpkg"
# Parameter name → layer of the sample; the check algorithms' PROJECTS depend on the check.
LAYER_FOR = {
    "INPUT": "DLTB", "DLTB": "DLTB", "CURRENT": "DLTB", "BASE": "DLTB_2020",
    "DLTB_BASE": "DLTB_2020", "OVERLAY": "STBHHX", "ECO_REDLINE": "STBHHX",
    "BASIC_FARMLAND": "YJJBNT", "PROTECTED_AREAS": "ZRBHD", "PUBLIC_FOREST": "GYL",
    "URBAN_BOUNDARY": "CZKFBJ", "STEEP_SLOPE": "JZKKPD", "HAZARDS": "DZZHD",
    "MINING_RIGHTS": "CKQ", "LEGACY_MINES": "LSYLKS", "ROADS": "DL", "RIVERS": "HL",
    "URBAN_RENEWAL": "SJGZ", "OCCUPATION": "JSZY", "REPLENISHMENT": "XM_BCGD",
}
# Required field parameters without a default: the sample's field of that meaning.
FIELD_FOR = {"OCCUPATION_YEAR_FIELD": "PZNF", "REPLENISHMENT_YEAR_FIELD": "LXNF"}
PROJECTS_FOR = {"sgnr:checkfarmland": "XM_BCGD", "sgnr:checkpaddy": "XM_KZST",
                "sgnr:checkmine": "XM_KSXF", "sgnr:exportcoordtxt": "XM_BCGD"}
DESTINATION_SUFFIX = {"sink": ".gpkg", "vectorDestination": ".gpkg",
                      "rasterDestination": ".tif", "fileDestination": ".xlsx"}


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def _algorithms() -> list[str]:
    """The ids the provider registers (what QGIS's registry will list)."""
    from sg_nr_plugin.processing.provider import SgNrProvider

    provider = SgNrProvider()
    provider.loadAlgorithms()
    return sorted(f"sgnr:{algorithm.name()}" for algorithm in provider.algorithms())


def test_every_registered_algorithm_is_covered(provider_registered):
    """The parametrisation below and the live registry agree: nothing escapes the test."""
    registered = {a.id() for a in provider_registered.algorithms()}
    assert registered == set(_algorithms()) and len(registered) >= 8


def fill_parameter(algorithm_id: str, definition, inputs: Path, out: Path):
    """A value for one parameter, or None to leave it at its default."""
    name, kind = definition.name(), definition.type()
    if kind in DESTINATION_SUFFIX:
        return str(out / f"{name.lower()}{DESTINATION_SUFFIX[kind]}")
    if kind == "folderDestination":
        return str(out / name.lower())
    if kind in ("source", "vector"):
        layer = (PROJECTS_FOR.get(algorithm_id) if name in ("PROJECTS", "INPUT") else None) \
            or LAYER_FOR.get(name)
        return f"{inputs / GPKG}|layername={layer}" if layer else None
    if kind == "field" and name in FIELD_FOR:
        return FIELD_FOR[name]
    if kind == "raster" and name == "DEM":
        return str(inputs / "dem.tif")
    if kind == "multilayer" and algorithm_id == "sgnr:importcoordtxt":
        return sorted(str(p) for p in inputs.glob("*.txt"))
    return None


@pytest.fixture
def inputs(tmp_path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    for name in (GPKG, "dem.tif"):
        shutil.copy(TINY / name, folder / name)
    for text in (ROOT / "tests" / "coordtxt" / "data").glob("*.txt"):
        shutil.copy(text, folder / text.name)
    return folder


@pytest.mark.parametrize("algorithm_id", _algorithms())
def test_algorithm_leaves_inputs_byte_identical(algorithm_id, inputs, tmp_path,
                                                qgis_processing, provider_registered):
    import processing

    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    out = tmp_path / "out"
    out.mkdir()
    parameters, unfilled = {}, []
    for definition in algorithm.parameterDefinitions():
        value = fill_parameter(algorithm_id, definition, inputs, out)
        if value is not None:
            parameters[definition.name()] = value
        elif not definition.flags() & definition.FlagOptional and \
                definition.defaultValue() is None:
            unfilled.append(definition.name())
    assert not unfilled, f"{algorithm_id}: no sample input for {unfilled}"
    before = _digest(inputs)
    processing.run(algorithm_id, parameters, feedback=QgsProcessingFeedback())
    assert _digest(inputs) == before, f"{algorithm_id} modified an input file"
    written = [p.name for p in out.rglob("*")]
    assert written, f"{algorithm_id} wrote no output"
    # the staged outputs (processing/outputs.py) were all moved into place
    assert not [n for n in written if n.startswith("sgnr_partial_")], written
