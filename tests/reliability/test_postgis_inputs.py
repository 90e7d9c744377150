"""PostGIS inputs give the same results as the GeoPackage they were loaded from.

The tiny sample is loaded with ogr2ogr into a schema and tables with Chinese and mixed-case
names, plus a DLTB copy whose table name holds a double quote and a semicolon (SQL push-down
must quote it, never run it). Needs the server of ``make postgis`` (skipped loudly without).
"""

from __future__ import annotations

import os
import subprocess

import pytest
from qgis.core import QgsDataSourceUri, QgsProcessingFeedback, QgsVectorLayer

from tests.conftest import postgis_conninfo, postgis_sql
from tests.reliability.helpers import TINY_GPKG, tiny

# One schema per test process: several checkouts share the server, and one run's DROP SCHEMA
# must not pull the tables from under another's.
SCHEMA = f"三调_Reliability测试_{os.getpid()}"
TABLES = {"DLTB": "DLTB_现状Mixed", "DLTB_2020": "DLTB_基期2020", "STBHHX": "生态保护红线_HX",
          "YJJBNT": "永久基本农田", "ZRBHD": "ZrBhd自然保护地", "GYL": "GYL_公益林",
          "CZKFBJ": "CzKfBj", "JZKKPD": "JZKKPD", "SJGZ": "SJGZ三旧", "CKQ": "CKQ",
          "XM_BCGD": "补充耕地_Projects"}
HOSTILE = 'DLTB"; DROP TABLE sentinel; --'  # a table name that is also an SQL injection
# Parameter → sample layer (as in test_inputs_untouched), per algorithm.
RUNS = {
    "sgnr:landusesummary": {"INPUT": "DLTB"},
    "sgnr:planindicators": {"DLTB": "DLTB", "DLTB_BASE": "DLTB_2020",
                            "BASIC_FARMLAND": "YJJBNT", "ECO_REDLINE": "STBHHX",
                            "PROTECTED_AREAS": "ZRBHD", "URBAN_RENEWAL": "SJGZ",
                            "MINING_RIGHTS": "CKQ"},
    "sgnr:overlaystats": {"INPUT": "DLTB", "OVERLAY": "STBHHX"},
    "sgnr:changematrix": {"CURRENT": "DLTB", "BASE": "DLTB_2020"},
    "sgnr:checkfarmland": {"PROJECTS": "XM_BCGD", "DLTB": "DLTB", "ECO_REDLINE": "STBHHX",
                           "PROTECTED_AREAS": "ZRBHD", "PUBLIC_FOREST": "GYL",
                           "URBAN_BOUNDARY": "CZKFBJ", "BASIC_FARMLAND": "YJJBNT",
                           "STEEP_SLOPE": "JZKKPD"},
}


def _load(conninfo: str, layer: str, table: str) -> None:
    subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{conninfo}", str(TINY_GPKG), layer,
                    "-nln", table, "-lco", f"SCHEMA={SCHEMA}", "-lco", "LAUNDER=NO",
                    "-lco", "GEOMETRY_NAME=geom", "-preserve_fid", "-overwrite"],
                   check=True, capture_output=True)


@pytest.fixture(scope="module")
def pg_tiny(postgis):
    """Every layer the runs need, in PostGIS; returns a function role → QgsVectorLayer."""
    conninfo = postgis_conninfo(postgis)
    postgis_sql(postgis, f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE; CREATE SCHEMA "{SCHEMA}"; '
                         f'CREATE TABLE "{SCHEMA}".sentinel (id int)')
    for layer, table in {**TABLES, "DLTB#hostile": HOSTILE}.items():
        _load(conninfo, layer.split("#")[0], table)

    def open_layer(table: str) -> QgsVectorLayer:
        uri = QgsDataSourceUri(conninfo)
        uri.setDataSource(SCHEMA, table, "geom")
        result = QgsVectorLayer(uri.uri(False), table, "postgres")
        assert result.isValid(), f"{table} did not load"  # error() of an invalid layer crashes
        return result

    yield open_layer
    postgis_sql(postgis, f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE')


def _run(algorithm_id: str, inputs: dict) -> dict:
    import processing

    parameters = dict(inputs)
    parameters.update({"OUTPUT": "memory:", "OUTPUT_FINDINGS": "memory:",
                       "OUTPUT_PROJECTS": "memory:"} if algorithm_id == "sgnr:checkfarmland"
                      else {"OUTPUT": "memory:"})
    if algorithm_id == "sgnr:checkfarmland":
        del parameters["OUTPUT"]
    return processing.run(algorithm_id, parameters, feedback=QgsProcessingFeedback())


def _rows(layer, skip=("region_name", "message", "message_en")) -> list[tuple]:
    """The output table as sorted rows of (name, value) pairs; names of inputs left out."""
    names = [n for n in layer.fields().names() if n not in skip]
    rows = [tuple((n, _rounded(f[n])) for n in names) for f in layer.getFeatures()]
    return sorted(rows, key=repr)


def _rounded(value):
    # sums over the same parcels in another order differ in the last bits only
    return round(value, 6) if isinstance(value, float) else value


@pytest.mark.parametrize("algorithm_id", sorted(RUNS))
def test_postgis_inputs_give_the_geopackage_results(qgis_processing, provider_registered,
                                                    pg_tiny, algorithm_id):
    from_gpkg = _run(algorithm_id, {p: tiny(layer) for p, layer in RUNS[algorithm_id].items()})
    from_pg = _run(algorithm_id, {p: pg_tiny(TABLES[layer])
                                  for p, layer in RUNS[algorithm_id].items()})
    outputs = [k for k in from_gpkg if k.startswith("OUTPUT") and k != "OUTPUT_XLSX"]
    assert outputs
    for key in outputs:
        expected = _rows(from_gpkg[key])
        assert expected, f"{algorithm_id} {key}: empty output proves nothing"
        assert _rows(from_pg[key]) == expected, f"{algorithm_id} {key}"


def test_hostile_table_name_is_quoted_in_sql_pushdown(qgis_app, postgis, pg_tiny):
    """The table name carries a quote and a semicolon: the push-down query still reads it (so
    it quoted it) and the statement hidden in the name never ran."""
    from sg_nr_plugin.core.stats.common import RegionSpec
    from sg_nr_plugin.core.stats.landuse import landuse_summary

    layer = pg_tiny(HOSTILE)
    pushed = landuse_summary(layer, RegionSpec(level=1))
    assert pushed.attrs["pushed_down"]
    expected = landuse_summary(QgsVectorLayer(tiny("DLTB"), "DLTB", "ogr"), RegionSpec(level=1),
                               allow_sql=False)
    assert sorted(map(tuple, pushed[["region_code", "dlbm", "area_m2"]].round(6).values)) == \
        sorted(map(tuple, expected[["region_code", "dlbm", "area_m2"]].round(6).values))
    check = subprocess.run(["psql", "-tA", postgis_conninfo(postgis), "-c",
                            f"SELECT count(*) FROM pg_tables WHERE schemaname = '{SCHEMA}' "
                            "AND tablename = 'sentinel'"], check=True, capture_output=True,
                           text=True)
    assert check.stdout.strip() == "1"
