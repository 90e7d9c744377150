"""A PostGIS table the role may not read is named as such (issue #16 case 5), not as a layer
that "holds Unknown geometry features". A login role without privileges is created on the test
server (``make postgis``; skipped loudly without), with the tiny DLTB in a schema of its own;
both are dropped afterwards."""

from __future__ import annotations

import os
import subprocess

import pytest
from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
    QgsWkbTypes,
)

from tests.conftest import postgis_conninfo, postgis_sql
from tests.reliability.helpers import TINY_GPKG

SCHEMA = f"outputs_access_{os.getpid()}"  # checkouts share the server: one schema per run
ROLE = f"sgnr_reader_{os.getpid()}"
PASSWORD = "reader-not-secret"


@pytest.fixture(scope="module")
def reader(postgis):
    """A connection string for a role that may connect, and nothing more."""
    postgis_sql(postgis, f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; CREATE SCHEMA {SCHEMA}; "
                         f"DROP ROLE IF EXISTS {ROLE}; "
                         f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}'")
    subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{postgis_conninfo(postgis)}",
                    str(TINY_GPKG), "DLTB", "-nln", "dltb", "-lco", f"SCHEMA={SCHEMA}",
                    "-lco", "GEOMETRY_NAME=geom"], check=True, capture_output=True)
    yield (f"host={postgis['SGNR_PG_HOST']} port={postgis['SGNR_PG_PORT']} "
           f"dbname={postgis['SGNR_PG_DB']} user={ROLE} password={PASSWORD}")
    postgis_sql(postgis, f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; DROP ROLE IF EXISTS {ROLE}")


def _layer(conninfo: str, table: str = "dltb") -> QgsVectorLayer:
    """The layer as a project stores it (type, SRID and key known): QGIS keeps such a layer
    in the project, invalid, when the role may not read the table."""
    uri = QgsDataSourceUri(conninfo)
    uri.setDataSource(SCHEMA, table, "geom", "", "fid")
    uri.setWkbType(QgsWkbTypes.MultiPolygon)
    uri.setSrid("4547")
    return QgsVectorLayer(uri.uri(False), table, "postgres")


def _message(layer) -> str:
    import processing

    with pytest.raises(QgsProcessingException) as raised:
        processing.run("sgnr:landusesummary", {"INPUT": layer, "OUTPUT": "TEMPORARY_OUTPUT"},
                       feedback=QgsProcessingFeedback())
    message = str(raised.value)
    assert "Unknown" not in message, message
    return message


def test_table_without_select_privilege_says_so(qgis_processing, provider_registered, reader,
                                                postgis):
    postgis_sql(postgis, f"GRANT USAGE ON SCHEMA {SCHEMA} TO {ROLE}")
    message = _message(_layer(reader))
    assert f"role “{ROLE}” lacks permission to read table {SCHEMA}.dltb (SELECT)" in message
    assert f"GRANT SELECT ON {SCHEMA}.dltb TO {ROLE}" in message


def test_table_given_as_text_without_select_privilege_says_so(qgis_processing,
                                                               provider_registered, reader,
                                                               postgis):
    """As qgis_process and batch files give it: Processing itself said "… not found" (and
    printed the connection's password)."""
    postgis_sql(postgis, f"GRANT USAGE ON SCHEMA {SCHEMA} TO {ROLE}")
    message = _message("postgres://" + _layer(reader).source())
    assert f"lacks permission to read table {SCHEMA}.dltb (SELECT)" in message, message
    assert PASSWORD not in message


def test_schema_without_usage_privilege_says_so(qgis_processing, provider_registered, reader,
                                                postgis):
    postgis_sql(postgis, f"REVOKE USAGE ON SCHEMA {SCHEMA} FROM {ROLE}")
    message = _message(_layer(reader))
    assert f"lacks permission to use schema “{SCHEMA}” (USAGE)" in message


def test_missing_table_says_so(qgis_processing, provider_registered, reader, postgis):
    postgis_sql(postgis, f"GRANT USAGE ON SCHEMA {SCHEMA} TO {ROLE}")
    message = _message(_layer(reader, "no_such_table"))
    assert f"table {SCHEMA}.no_such_table does not exist" in message


def test_with_the_privilege_the_run_succeeds(qgis_processing, provider_registered, reader,
                                             postgis):
    import processing

    postgis_sql(postgis, f"GRANT USAGE ON SCHEMA {SCHEMA} TO {ROLE}; "
                         f"GRANT SELECT ON {SCHEMA}.dltb TO {ROLE}")
    try:
        result = processing.run("sgnr:landusesummary", {
            "INPUT": _layer(reader), "OUTPUT": "TEMPORARY_OUTPUT"},
            feedback=QgsProcessingFeedback())
        assert result["OUTPUT"].featureCount() > 0
    finally:
        postgis_sql(postgis, f"REVOKE SELECT ON {SCHEMA}.dltb FROM {ROLE}")


def test_a_layer_whose_file_is_gone_says_so(qgis_processing, provider_registered, tmp_path):
    """The same for a file: a project layer whose GeoPackage was moved away."""
    missing = tmp_path / "moved_away.gpkg"
    message = _message(QgsVectorLayer(f"{missing}|layername=DLTB", "DLTB", "ogr"))
    assert "Layer “DLTB” could not be opened" in message and str(missing) in message
    message = _message(f"{missing}|layername=DLTB")  # as text: QGIS said "not found" only
    assert "could not be opened" in message and str(missing) in message


def test_output_into_the_input_table_is_refused(qgis_processing, provider_registered, reader,
                                                postgis):
    """``postgres:`` destinations are compared with PostGIS inputs by server, database,
    schema and table: the result may not replace the DLTB table it is computed from."""
    import processing

    owner = QgsDataSourceUri(postgis_conninfo(postgis))
    owner.setDataSource(SCHEMA, "dltb", "geom", "", "fid")
    layer = QgsVectorLayer(owner.uri(False), "dltb", "postgres")
    assert layer.isValid()
    with pytest.raises(QgsProcessingException, match="destroy the input"):
        processing.run("sgnr:landusesummary", {
            "INPUT": layer, "OUTPUT": "postgres:" + owner.uri(False)},
            feedback=QgsProcessingFeedback())
    assert layer.featureCount() == 752

