"""Same data, other CRS, same verdicts and figures (issue #16 part 3).

Every check runs through Processing on the tiny sample in three CRS mixes: (a) as delivered
(EPSG:4547), (b) every layer reprojected to EPSG:4490 (三区三线 deliveries are geographic), (c) the
projects in EPSG:4526 (zone-prefixed) over the rest in EPSG:4547 — all with the DEM in
EPSG:4547. Verdicts per project must be equal; quota areas within 0.01 m², finding areas per
project and rule within 0.1 %. The reference is mix (a), whose figures the sample tests hold to
the generator's ground truth; the copies are made with ogr2ogr, independent of the plugin.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

from tests.checks.tiny import dem_copy
from tests.conftest import TINY_GPKG as GPKG

pytestmark = pytest.mark.skipif(not GPKG.is_file() or shutil.which("ogr2ogr") is None,
                                reason="data/tiny or ogr2ogr missing")

CONTROLS = {"DLTB": "DLTB", "ECO_REDLINE": "STBHHX", "PROTECTED_AREAS": "ZRBHD",
            "URBAN_BOUNDARY": "CZKFBJ"}
CHECKS = {
    "sgnr:checkfarmland": ({"PROJECTS": "XM_BCGD", **CONTROLS, "PUBLIC_FOREST": "GYL",
                            "STEEP_SLOPE": "JZKKPD"},
                           {"PROTECTED_ZONE_FIELD": "GNFQ", "PLANNED_CLASS_FIELD": "GHDL"}),
    "sgnr:checkpaddy": ({"PROJECTS": "XM_KZST", **CONTROLS, "PUBLIC_FOREST": "GYL",
                         "STEEP_SLOPE": "JZKKPD", "HAZARDS": "DZZHD"},
                        {"PROTECTED_ZONE_FIELD": "GNFQ", "COUNTY_FIELD": "XZQDM",
                         "STATUS_FIELD": "ZT"}),
    "sgnr:checkmine": ({"PROJECTS": "XM_KSXF", **CONTROLS, "HAZARDS": "DZZHD",
                        "LEGACY_MINES": "LSYLKS", "MINING_RIGHTS": "CKQ", "ROADS": "DL",
                        "RIVERS": "HL"}, {}),
}
PROJECT_LAYERS = {"XM_BCGD", "XM_KZST", "XM_KSXF"}
MIXES = ("delivered", "all-4490", "projects-4526")
#: Fields of the checked-projects output that are not areas (compared exactly or not at all).
NOT_AREAS = {"project_id", "verdict", "verdict_zh", "not_checked", "partly_checked", "parcels",
             "n_error", "n_warning", "n_info"}


def _layers() -> list[str]:
    return sorted({name for roles, _ in CHECKS.values() for name in roles.values()})


def make_mix(mix: str, folder: Path) -> Path:
    """The sample's layers in ``mix``, written by ogr2ogr into a GeoPackage under ``folder``."""
    target = folder / f"{mix}.gpkg"
    for name in _layers():
        srs = {"all-4490": "EPSG:4490",
               "projects-4526": "EPSG:4526" if name in PROJECT_LAYERS else None}.get(mix)
        command = ["ogr2ogr", "-f", "GPKG", "-update", "-append", "-nln", name, str(target),
                   str(GPKG), name]
        if srs:
            command[1:1] = ["-t_srs", srs]
        subprocess.run(command, check=True, capture_output=True)
    return target


def run_check(check: str, gpkg: Path, tmp: Path) -> dict:
    import processing

    roles, extra = CHECKS[check]
    parameters = {role: QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
                  for role, name in roles.items()}
    parameters.update(extra)
    parameters.update({"DECLARED_AREA_FIELD": "SBMJ", "DECLARED_AREA_UNIT": 2,
                       "DEM": dem_copy(), "CHECK_DATE": "2024-06-30",
                       "OUTPUT_FINDINGS": "memory:", "OUTPUT_PROJECTS": "memory:"})
    results = processing.run(check, parameters)
    projects = {f["project_id"]: {k: f[k] for k in f.fields().names()}
                for f in results["OUTPUT_PROJECTS"].getFeatures()}
    findings: dict[tuple[str, str], float] = {}
    for feature in results["OUTPUT_FINDINGS"].getFeatures():
        key = (feature["project_id"], feature["rule_id"])
        findings[key] = findings.get(key, 0.0) + feature["area_m2"]
    return {"projects": projects, "findings": findings}


@pytest.fixture(scope="module")
def outcomes(qgis_processing, tmp_path_factory):
    from qgis.core import QgsApplication

    from sg_nr_plugin.processing.provider import SgNrProvider

    registry = QgsApplication.processingRegistry()
    provider = None
    if registry.providerById("sgnr") is None:
        provider = SgNrProvider()
        registry.addProvider(provider)
    folder = tmp_path_factory.mktemp("crs-mixes")
    data = {mix: make_mix(mix, folder) for mix in MIXES}
    try:
        yield {(check, mix): run_check(check, data[mix], folder)
               for check in CHECKS for mix in MIXES}
    finally:
        if provider is not None:
            registry.removeProvider("sgnr")


def _differences(reference: dict, other: dict) -> list:
    problems = []
    for pid, row in reference["projects"].items():
        got = other["projects"].get(pid)
        if got is None:
            problems.append((pid, "missing"))
            continue
        if got["verdict"] != row["verdict"]:
            problems.append((pid, "verdict", row["verdict"], got["verdict"]))
        for key, value in row.items():
            if key in NOT_AREAS or not isinstance(value, float):
                continue
            tolerance = 0.01 if key.endswith("_m2") else 1e-5 * max(abs(value), 1.0)
            if abs((got[key] or 0.0) - value) > tolerance:
                problems.append((pid, key, value, got[key]))
    for key in sorted(set(reference["findings"]) | set(other["findings"])):
        expected, actual = reference["findings"].get(key), other["findings"].get(key)
        if expected is None or actual is None or abs(actual - expected) > 1e-3 * expected:
            problems.append((key, "finding area", expected, actual))
    return problems


@pytest.mark.parametrize("mix", MIXES[1:])
@pytest.mark.parametrize("check", list(CHECKS))
def test_same_verdicts_and_figures_in_every_crs_mix(outcomes, check, mix):
    reference = outcomes[(check, "delivered")]
    assert reference["projects"]
    assert _differences(reference, outcomes[(check, mix)]) == []


def test_checkmine_with_a_dem_reads_a_filegdb(outcomes, tmp_path):
    """A FileGDB delivery (OpenFileGDB writes since GDAL 3.6) with the DEM: checkmine raised a
    raw ValueError from the line-of-sight sampling; now the same results as the GeoPackage."""
    from osgeo import gdal

    if gdal.GetDriverByName("OpenFileGDB") is None or int(gdal.VersionInfo()) < 3060000:
        pytest.skip("GDAL cannot write FileGDB here")
    gdb = tmp_path / "tiny.gdb"
    roles, _ = CHECKS["sgnr:checkmine"]
    for name in roles.values():
        subprocess.run(["ogr2ogr", "-f", "OpenFileGDB", "-update", "-append", "-nln", name,
                        str(gdb), str(GPKG), name], check=True, capture_output=True)
    result = run_check("sgnr:checkmine", gdb, tmp_path)
    assert _differences(outcomes[("sgnr:checkmine", "delivered")], result) == []
