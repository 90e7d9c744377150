"""Checks with PostGIS inputs: control layers read in the database only under the projects
give the same findings and verdicts as reading them whole."""

from __future__ import annotations

import shutil

import pytest

from sg_nr_plugin.core.indb.checks import restricted_controls
from tests.indb.helpers import PrivateSchema
from tests.indb.test_indb_overlaystats import Messages
from tests.reliability.helpers import TINY_GPKG

LAYERS = {"PROJECTS": "XM_BCGD", "DLTB": "DLTB", "ECO_REDLINE": "STBHHX",
          "PROTECTED_AREAS": "ZRBHD", "PUBLIC_FOREST": "GYL", "URBAN_BOUNDARY": "CZKFBJ",
          "BASIC_FARMLAND": "YJJBNT", "STEEP_SLOPE": "JZKKPD"}


@pytest.fixture
def tiny_in_postgis(postgis, tmp_path, qgis_app):
    import subprocess

    schema = PrivateSchema(postgis, tmp_path)
    gpkg = tmp_path / "tiny.gpkg"
    shutil.copy(TINY_GPKG, gpkg)
    for layer in LAYERS.values():
        subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{schema.conninfo}", str(gpkg),
                        layer, "-nln", layer.lower(), "-lco", f"SCHEMA={schema.name}",
                        "-lco", "LAUNDER=NO", "-lco", "GEOMETRY_NAME=geom"],
                       check=True, capture_output=True)
    yield schema
    schema.drop()


def rows(layer, fields):
    return sorted(tuple(f[name] for name in fields) for f in layer.getFeatures())


def test_checkfarmland_with_controls_restricted_in_the_database(
        tiny_in_postgis, qgis_processing, provider_registered):
    import processing

    schema = tiny_in_postgis
    outputs, logs = [], []
    for in_database in (True, False):
        parameters = {role: schema.layer(table.lower(), name=table)
                      for role, table in LAYERS.items()}
        feedback = Messages()
        result = processing.run("sgnr:checkfarmland", {
            **parameters, "IN_DATABASE": in_database, "OUTPUT_FINDINGS": "memory:",
            "OUTPUT_PROJECTS": "memory:"}, feedback=feedback)
        outputs.append(result)
        logs.append(feedback.infos)
    (indb, desktop) = outputs
    assert any("read inside the database only under the projects" in line for line in logs[0])
    assert not any("only under the projects" in line for line in logs[1])
    project_fields = ["project_id", "verdict", "parcels", "n_error", "n_warning"]
    assert rows(indb["OUTPUT_PROJECTS"], project_fields) == rows(
        desktop["OUTPUT_PROJECTS"], project_fields)
    for got, want in zip(rows(indb["OUTPUT_PROJECTS"], ["project_id", "area_m2"]),
                         rows(desktop["OUTPUT_PROJECTS"], ["project_id", "area_m2"])):
        assert got == want
    finding_fields = ["project_id", "rule_id", "severity", "area_m2"]
    assert rows(indb["OUTPUT_FINDINGS"], finding_fields) == rows(
        desktop["OUTPUT_FINDINGS"], finding_fields)
    assert indb["OUTPUT_FINDINGS"].featureCount() > 0


def test_restriction_keeps_features_under_projects_and_those_the_desktop_must_see(
        tiny_in_postgis):
    schema = tiny_in_postgis
    projects, redline = schema.layer("xm_bcgd"), schema.layer("stbhhx", name="STBHHX")
    # a bow-tie (invalid) far from every project: the desktop repairs it, so it is kept
    schema.sql(f'INSERT INTO "{schema.name}".stbhhx (geom) SELECT ST_Multi(ST_GeomFromText('
               "'POLYGON((400000 2600000,400010 2600010,400010 2600000,400000 2600010,"
               "400000 2600000))', 4547))")
    full = schema.layer("stbhhx")
    restricted = restricted_controls({"ECO_REDLINE": full}, projects,
                                     {"ECO_REDLINE": "STBHHX"})["ECO_REDLINE"]
    kept = {f.id() for f in restricted.getFeatures()}
    under = set()
    for project in projects.getFeatures():
        for feature in full.getFeatures(project.geometry().boundingBox()):
            if feature.geometry().intersects(project.geometry()):
                under.add(feature.id())
    invalid = {f.id() for f in full.getFeatures() if not f.geometry().isGeosValid()}
    assert invalid and under and kept == under | invalid
    assert restricted.featureCount() < full.featureCount()
    del redline
