"""The audit trail (issue #20): every workbook has an About (审计信息) sheet and every output layer
its metadata naming the versions, the algorithm and every parameter, each input's source
(without password), its feature count and a content fingerprint, the rule set's id, version and
sha256. Before: a workbook named its sources by layer name and count only; no layer metadata.

Expected fingerprints are computed here with hashlib over the files, not by the plugin."""

from __future__ import annotations

import hashlib
import json
import os
import shutil

import pytest
from osgeo import ogr
from qgis.core import QgsApplication, QgsDataSourceUri, QgsProcessingFeedback, QgsVectorLayer

from sg_nr_plugin.i18n import tr
from sg_nr_plugin.paths import resource_path
from tests.conftest import TINY, postgis_conninfo, postgis_sql
from tests.reliability.test_inputs_untouched import GPKG, fill_parameter


@pytest.fixture
def ready(qgis_processing, provider_registered):
    return True


def about(path) -> dict[str, str]:
    """The audit rows of a workbook's About sheet: label → value."""
    import openpyxl

    sheet = openpyxl.load_workbook(path)[tr("About")]
    rows = [r for r in sheet.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows)
                 if r[0] == tr("Audit trail: how to reproduce this result"))
    return {r[0]: r[1] for r in rows[start + 1:] if r[0]}


def sha256(path) -> str:
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


def landuse(gpkg, out) -> dict[str, str]:
    import processing

    workbook = out / "landuse.xlsx"
    processing.run("sgnr:landusesummary", {
        "INPUT": f"{gpkg}|layername=DLTB", "REGION_LEVEL": 1, "UNIT": 2,
        "OUTPUT": str(out / "landuse.gpkg"), "OUTPUT_XLSX": str(workbook)},
        feedback=QgsProcessingFeedback())
    return about(workbook)


def test_fingerprint_follows_the_content_not_the_file(ready, tmp_path):
    original = shutil.copy(TINY / GPKG, tmp_path / "a.gpkg")
    (tmp_path / "1").mkdir(), (tmp_path / "2").mkdir(), (tmp_path / "3").mkdir()
    label = tr("Input {name}: fingerprint").format(name="INPUT")
    first = landuse(original, tmp_path / "1")[label]
    assert first.startswith(sha256(original))
    copy = shutil.copy(original, tmp_path / "b.gpkg")  # only copied: the same content
    assert landuse(copy, tmp_path / "2")[label] == first
    dataset = ogr.Open(str(copy), update=1)  # one attribute of one parcel
    dataset.ExecuteSQL("UPDATE DLTB SET ZLDWMC = ZLDWMC || '村' WHERE fid = (SELECT min(fid) "
                       "FROM DLTB)")
    dataset = None
    changed = landuse(copy, tmp_path / "3")[label]
    assert changed != first and changed.startswith(sha256(copy))


def test_about_sheet_lists_every_parameter_and_the_rule_set(ready, tmp_path):
    import processing

    algorithm = QgsApplication.processingRegistry().algorithmById("sgnr:checkfarmland")
    parameters = {}
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination():
            continue
        value = fill_parameter("sgnr:checkfarmland", definition, TINY, tmp_path)
        if value is not None:
            parameters[definition.name()] = value
    workbook = tmp_path / "check.xlsx"
    processing.run("sgnr:checkfarmland", {
        **parameters, "OUTPUT_FINDINGS": str(tmp_path / "findings.gpkg"),
        "OUTPUT_PROJECTS": str(tmp_path / "projects.gpkg"), "OUTPUT_XLSX": str(workbook)},
        feedback=QgsProcessingFeedback())
    rows = about(workbook)
    missing = [d.name() for d in algorithm.parameterDefinitions()
               if tr("Parameter {name}").format(name=d.name()) not in rows]
    assert not missing, f"parameters not in the About sheet: {missing}"
    assert rows[tr("Parameter {name}").format(name="OUTPUT_XLSX")] == str(workbook)
    ruleset_file = resource_path("data", "rulesets", "gd_farmland.json")
    assert rows[tr("Rule set file sha256")] == sha256(ruleset_file)
    shipped = json.loads(ruleset_file.read_text("utf-8"))
    assert rows[tr("Rule set version")] == shipped["version"]
    assert len(rows[tr("Rule set sha256 (as applied)")]) == 64
    assert rows[tr("Algorithm")] == "sgnr:checkfarmland"
    assert rows[tr("Input {name}: fingerprint").format(name="DLTB")].startswith(
        sha256(TINY / GPKG))
    assert rows[tr("Input {name}: features").format(name="DLTB")] == str(
        QgsVectorLayer(f"{TINY / GPKG}|layername=DLTB", "d", "ogr").featureCount())
    assert rows[tr("Input {name}: features read").format(name="PROJECTS")].isdigit()
    # the output layers carry the same trail, read back as QGIS reads it
    for name in ("findings.gpkg", "projects.gpkg"):
        metadata = QgsVectorLayer(str(tmp_path / name), "out", "ogr").metadata()
        assert metadata.identifier().startswith("sgnr:checkfarmland:"), name
        assert sha256(ruleset_file) in metadata.abstract()
        assert sha256(TINY / GPKG) in metadata.abstract()
        assert f"OUTPUT_XLSX: {workbook}" in metadata.abstract()


def test_statistics_output_layer_metadata_read_back(ready, tmp_path):
    original = shutil.copy(TINY / GPKG, tmp_path / "a.gpkg")
    landuse(original, tmp_path)
    layer = QgsVectorLayer(str(tmp_path / "landuse.gpkg"), "out", "ogr")
    metadata = layer.metadata()
    assert metadata.identifier().startswith("sgnr:landusesummary:")
    assert sha256(original) in metadata.abstract()
    assert any(line.startswith(tr("QGIS version")) for line in metadata.history())


def test_postgis_rows_fingerprint_in_key_order_and_no_password(ready, postgis, tmp_path):
    """A table's fingerprint: its rows in primary-key order (the same rows inserted in another
    order give the same print; one changed attribute another); the source shown has no
    password."""
    import processing

    schema = f"audit_{os.getpid()}"
    conninfo = postgis_conninfo(postgis)
    postgis_sql(postgis, f'DROP SCHEMA IF EXISTS "{schema}" CASCADE; CREATE SCHEMA "{schema}"')
    try:
        prints = []
        for table, order in (("a", "ASC"), ("b", "DESC")):
            postgis_sql(postgis, (
                f'CREATE TABLE "{schema}".{table} (id int PRIMARY KEY, "DLBM" text, '
                f'"ZLDWDM" text, "TBMJ" float, geom geometry(Polygon, 4526)); '
                f'INSERT INTO "{schema}".{table} SELECT i, \'0101\', \'4402040010010000000\', '
                f"10000, ST_MakeEnvelope(38500000 + i * 100, 2700000, 38500100 + i * 100, "
                f"2700100, 4526) FROM generate_series(1, 5) i ORDER BY i {order}"))
            prints.append(_pg_fingerprint(processing, conninfo, schema, table, tmp_path))
        postgis_sql(postgis, f'UPDATE "{schema}".b SET "TBMJ" = 10001 WHERE id = 3')
        prints.append(_pg_fingerprint(processing, conninfo, schema, "b", tmp_path))
    finally:
        postgis_sql(postgis, f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    (print_a, source_a), (print_b, _source_b), (changed, _) = prints
    assert print_a.split()[0] == print_b.split()[0] != changed.split()[0]
    assert tr("sha256 of the rows in primary-key order") in print_a
    password = postgis["SGNR_PG_PASSWORD"]
    assert "password=***" in source_a
    assert f"password={password}" not in source_a and f"password='{password}'" not in source_a


def _pg_fingerprint(processing, conninfo, schema, table, tmp_path) -> tuple[str, str]:
    uri = QgsDataSourceUri(conninfo)
    uri.setDataSource(schema, table, "geom", "", "id")
    layer = QgsVectorLayer(uri.uri(False), table, "postgres")
    assert layer.isValid()
    workbook = tmp_path / f"{table}.xlsx"
    processing.run("sgnr:landusesummary", {
        "INPUT": layer, "REGION_LEVEL": 1, "UNIT": 0, "ALLOW_UNRECOGNISED": True,
        "OUTPUT": "memory:", "OUTPUT_XLSX": str(workbook)}, feedback=QgsProcessingFeedback())
    rows = about(workbook)
    return (rows[tr("Input {name}: fingerprint").format(name="INPUT")],
            rows[tr("Input {name}").format(name="INPUT")])


def test_two_outputs_in_one_geopackage_keep_their_own_trail(ready, tmp_path):
    """The panel writes findings and projects into one GeoPackage: both got the identifier
    sgnr:<algorithm>, which gpkg_contents allows once (GDAL: UNIQUE constraint failed)."""
    import processing

    gpkg = shutil.copy(TINY / GPKG, tmp_path / "in.gpkg")
    out = tmp_path / "results.gpkg"
    processing.run("sgnr:checkfarmland", {
        "PROJECTS": f"{gpkg}|layername=XM_BCGD", "DLTB": f"{gpkg}|layername=DLTB",
        "ECO_REDLINE": f"{gpkg}|layername=STBHHX",
        "OUTPUT_FINDINGS": f"ogr:dbname='{out}' table=\"findings\" (geom)",
        "OUTPUT_PROJECTS": f"ogr:dbname='{out}' table=\"projects\" (geom)"})
    identifiers = {}
    for table in ("findings", "projects"):
        metadata = QgsVectorLayer(f"{out}|layername={table}", table, "ogr").metadata()
        identifiers[table] = metadata.identifier()
        assert sha256(TINY / GPKG) in metadata.abstract(), table
    assert identifiers == {"findings": "sgnr:checkfarmland:findings",
                           "projects": "sgnr:checkfarmland:projects"}
