"""SQL push-down into PostGIS gives the same land-use summary as streaming the layer."""

from __future__ import annotations

import subprocess
from functools import partial

import pytest
from qgis.core import QgsDataSourceUri, QgsVectorLayer

from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.landuse import landuse_summary
from tests.conftest import postgis_conninfo, postgis_sql
from tests.stats.helpers import EXPECTED_BY_COUNTY, dltb_layer, write_gpkg
from tests.stats.test_landuse import assert_same, by_region
from tests.stats.test_pushdown import LEVELS, awkward_layer

# The hand-made fixtures hold stray codes (9999, empty) on purpose, above the 0.5 % of the
# area at which a statistic refuses them: these tests are about other things.
landuse_summary = partial(landuse_summary, allow_unrecognised=True)

SCHEMA, TABLE = "sgnr_stats", "DLTB_统计"


@pytest.fixture
def postgis_dltb(postgis, tmp_path, qgis_app):
    return to_postgis(postgis, dltb_layer(), tmp_path)


def to_postgis(postgis, layer: QgsVectorLayer, tmp_path) -> QgsVectorLayer:
    gpkg = write_gpkg(layer, tmp_path / "dltb.gpkg")
    conninfo = postgis_conninfo(postgis)
    postgis_sql(postgis, f'CREATE SCHEMA IF NOT EXISTS "{SCHEMA}"')
    postgis_sql(postgis, f'DROP TABLE IF EXISTS "{SCHEMA}"."{TABLE}"')
    subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{conninfo}", gpkg.source().split("|")[0],
                    "dltb", "-nln", TABLE, "-lco", f"SCHEMA={SCHEMA}", "-lco", "LAUNDER=NO",
                    "-lco", "GEOMETRY_NAME=geom"], check=True, capture_output=True)
    uri = QgsDataSourceUri(conninfo)
    uri.setDataSource(SCHEMA, TABLE, "geom")
    layer = QgsVectorLayer(uri.uri(False), "DLTB", "postgres")
    assert layer.isValid(), layer.error().summary()
    return layer


@pytest.mark.parametrize("level", [RegionLevel.WHOLE, RegionLevel.COUNTY, RegionLevel.TOWNSHIP])
def test_postgis_pushdown_equals_streaming(postgis_dltb, level):
    pushed = landuse_summary(postgis_dltb, RegionSpec(level=level))
    streamed = landuse_summary(postgis_dltb, RegionSpec(level=level), allow_sql=False)
    assert pushed.attrs["pushed_down"] and not streamed.attrs["pushed_down"]
    assert_same(pushed, streamed)
    if level == RegionLevel.COUNTY:
        assert by_region(pushed) == {c: pytest.approx(v) for c, v in EXPECTED_BY_COUNTY.items()}


def test_postgis_awkward_region_codes_equal_streaming(postgis, tmp_path, qgis_app):
    layer = to_postgis(postgis, awkward_layer(), tmp_path)
    for level in LEVELS:
        pushed = landuse_summary(layer, RegionSpec(level=level))
        streamed = landuse_summary(layer, RegionSpec(level=level), allow_sql=False)
        assert pushed.attrs["pushed_down"] and not streamed.attrs["pushed_down"]
        assert_same(pushed, streamed)
        assert pushed.attrs["meta"].notes == streamed.attrs["meta"].notes
        assert any("BSM: B0, B1, B2, B3" in note for note in pushed.attrs["meta"].notes)


def test_postgis_values_outside_their_domain_refused_like_streaming(postgis, tmp_path, qgis_app):
    """A negative TBMJ and a KCXS of 1.5 in PostGIS: push-down gives
    way to streaming, so both paths refuse with the same message (main summed them)."""
    from sg_nr_plugin.core.errors import SgNrError
    from tests.stats.test_domains import AREAS, VILLAGE, layer_of

    layer = to_postgis(postgis, layer_of(AREAS, [
        ["A1", VILLAGE, "0101", 1000.0, 0.1, 100.0, 900.0],
        ["B7", VILLAGE, "0101", -500.0, 1.5, None, None]]), tmp_path)
    messages = []
    for allow_sql in (True, False):
        with pytest.raises(SgNrError) as info:
            landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY), allow_sql=allow_sql)
        messages.append(str(info.value))
    assert messages[0] == messages[1]
    assert "-500 (BSM B7)" in messages[0] and "1.5 (BSM B7)" in messages[0]


def test_postgis_padded_identifiers_and_nan_equal_streaming(postgis, tmp_path, qgis_app):
    from tests.stats.test_domains import AREAS, VILLAGE, layer_of

    layer = to_postgis(postgis, layer_of(AREAS, [
        [" A2", VILLAGE, "0101", 10.0, 0.0, 0.0, 10.0],
        ["A2", VILLAGE, "0101", 10.0, 0.0, 0.0, 10.0],
        ["A3", VILLAGE, "0101", 10.0, 0.0, 0.0, 10.0]]), tmp_path)
    pushed = landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY))
    streamed = landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY), allow_sql=False)
    assert pushed.attrs["pushed_down"]
    assert pushed.attrs["meta"].notes == streamed.attrs["meta"].notes
    assert any(note.endswith("BSM: A2") for note in pushed.attrs["meta"].notes)
    postgis_sql(postgis, f'UPDATE "{SCHEMA}"."{TABLE}" SET "KCXS" = \'NaN\' WHERE "BSM" = \'A3\'')
    pushed = landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY))
    streamed = landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY), allow_sql=False)
    assert not pushed.attrs["pushed_down"]  # NaN sorts above every number: MAX finds it
    assert_same(pushed, streamed)
    assert pushed.attrs["control_m2"] == pytest.approx(streamed.attrs["control_m2"])
