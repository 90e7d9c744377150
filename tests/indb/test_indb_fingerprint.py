"""The audit fingerprint of a PostGIS input is computed inside the database (rows do not
travel); the expected value is hashed here in Python from the rows psql prints."""

from __future__ import annotations

import hashlib
import json
import subprocess
import uuid

import pytest
from qgis.core import QgsDataSourceUri, QgsVectorLayer

from sg_nr_plugin.core.indb import fingerprint as fp
from sg_nr_plugin.core.reports.audit import AuditTrail, InputRecord
from sg_nr_plugin.processing.audit_run import fingerprint_inputs
from tests.conftest import postgis_conninfo, postgis_sql

FIELDS = ["id", "DLBM", "ZLDWDM", "TBMJ"]


@pytest.fixture
def schema(postgis, qgis_app):
    name = f"sgnr_fp_{uuid.uuid4().hex[:8]}"
    postgis_sql(postgis, f'CREATE SCHEMA "{name}"')
    for table, order in (("a", "ASC"), ("b", "DESC")):
        postgis_sql(postgis, (
            f'CREATE TABLE "{name}".{table} (id int PRIMARY KEY, "DLBM" text, "ZLDWDM" text, '
            f'"TBMJ" float, geom geometry(Polygon, 4526)); INSERT INTO "{name}".{table} '
            "SELECT i, CASE WHEN i = 2 THEN '水田' ELSE '0101' END, '4402040010010000000', "
            "10000.5 * i, CASE WHEN i = 4 THEN NULL ELSE ST_MakeEnvelope(38500000 + i * 100, "
            f"2700000, 38500100 + i * 100, 2700100, 4526) END FROM generate_series(1, 70) i "
            f"ORDER BY i {order}"))
    yield name
    postgis_sql(postgis, f'DROP SCHEMA IF EXISTS "{name}" CASCADE')


def layer(postgis, schema: str, table: str, subset: str = "") -> QgsVectorLayer:
    uri = QgsDataSourceUri(postgis_conninfo(postgis))
    uri.setDataSource(schema, table, "geom", subset, "id")
    result = QgsVectorLayer(uri.uri(False), table, "postgres")
    assert result.isValid()
    return result


def expected(postgis, schema: str, table: str, chunk: int, where: str = "") -> str:
    """The definition (core/indb/fingerprint.py) evaluated in Python on psql's output."""
    query = (f'SELECT ROW(id, "DLBM", "ZLDWDM", "TBMJ")::text, '
             f"encode(ST_AsBinary(geom), 'hex') FROM \"{schema}\".{table} {where} ORDER BY id")
    out = subprocess.run(["psql", "-qAt", "-F", "\t", postgis_conninfo(postgis), "-c", query],
                         check=True, capture_output=True, text=True).stdout
    rows = [line.split("\t") for line in out.splitlines()]
    chunks = b""
    for start in range(0, len(rows), chunk):
        part = b"".join(hashlib.sha256(text.encode() + bytes.fromhex(wkb)).digest()
                        for text, wkb in rows[start:start + chunk])
        chunks += hashlib.sha256(part).digest()
    return hashlib.sha256(json.dumps(FIELDS).encode() + chunks).hexdigest()


def test_fingerprint_computed_in_the_database(postgis, schema, monkeypatch):
    monkeypatch.setattr(fp, "CHUNK_ROWS", 16)  # 70 rows: five chunks
    want = expected(postgis, schema, "a", 16)
    assert fp.table_fingerprint(layer(postgis, schema, "a")) == want
    # the same rows stored in another order: the same print
    assert fp.table_fingerprint(layer(postgis, schema, "b")) == want
    # the subset string is honoured
    subset = fp.table_fingerprint(layer(postgis, schema, "a", '"DLBM" = \'0101\''))
    assert subset == expected(postgis, schema, "a", 16, "WHERE \"DLBM\" = '0101'") != want


def test_audit_trail_takes_the_database_fingerprint(postgis, schema):
    source = layer(postgis, schema, "a").source()
    record = InputRecord("INPUT", "a", source, "postgres", 70, uri=source)
    fingerprint_inputs(AuditTrail("overlaystats", [], [record]))
    assert record.fingerprint == expected(postgis, schema, "a", fp.CHUNK_ROWS)
    assert record.fingerprint_kind == "rows"
