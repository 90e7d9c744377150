"""overlaystats inside PostGIS gives the desktop's table (same rows, areas within 1e-9)."""

from __future__ import annotations

import threading
import time
import uuid

import pytest
from qgis.core import QgsFeedback, QgsProcessingFeedback

from sg_nr_plugin.core.errors import SgNrError
from sg_nr_plugin.core.indb.overlaystats import indb_overlay_stats
from sg_nr_plugin.core.indb.session import InDatabaseError
from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.overlaystats import overlay_stats
from tests.indb.helpers import PrivateSchema, load_fixture
from tests.stats.helpers import (
    DLTB_FIELDS,
    VILLAGE_B,
    X0,
    Y0,
    geodesic_area_rect,
    memory_layer,
)


class Messages(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.infos: list[str] = []

    def pushInfo(self, info: str) -> None:  # noqa: N802 - QGIS API name
        self.infos.append(info)


@pytest.fixture
def schema(postgis, tmp_path, qgis_app):
    private = PrivateSchema(postgis, tmp_path)
    yield private
    private.drop()


@pytest.fixture
def layers(schema):
    return load_fixture(schema)


def assert_same_table(indb, desktop) -> None:
    assert indb.attrs.get("in_database") and not desktop.attrs.get("in_database")
    assert list(indb.columns) == list(desktop.columns)
    assert list(indb.region_code) == list(desktop.region_code)
    assert list(indb.region_name) == list(desktop.region_name)
    assert list(indb.parcels) == list(desktop.parcels)
    for column in ("area_input", "area_inside", "share_pct"):
        for got, want in zip(indb[column], desktop[column]):
            assert got == pytest.approx(want, rel=1e-9, abs=1e-9), column


@pytest.mark.parametrize("level", [RegionLevel.WHOLE, RegionLevel.COUNTY, RegionLevel.VILLAGE])
def test_in_database_equals_desktop(layers, level):
    dltb, redline = layers
    spec = RegionSpec(level=level)
    indb = indb_overlay_stats(dltb, redline, spec, layer_name="DLTB", overlay_name="redline")
    desktop = overlay_stats(dltb, redline, spec, layer_name="DLTB", overlay_name="redline")
    assert indb is not None
    assert_same_table(indb, desktop)
    assert indb.attrs["meta"].sources[0].count == desktop.attrs["meta"].sources[0].count == 8
    assert indb.attrs["meta"].sources[1].count == desktop.attrs["meta"].sources[1].count == 6


def test_in_database_areas_of_many_shapes_equal_desktop(schema):
    """400 parcels of 5 m to 2 km across the zone, 40 villages, a random overlay: every
    village's input and inside areas within 1e-9 of the desktop's."""
    from tests.indb.helpers import random_parcels

    rows = random_parcels(400)
    schema.load(memory_layer("DLTB", DLTB_FIELDS, rows), "many")
    schema.load(memory_layer("cover", "kind:string", [
        (wkt, ["c"]) for wkt, _attributes in random_parcels(150, seed=11)]), "cover")
    dltb, cover = schema.layer("many"), schema.layer("cover")
    spec = RegionSpec(level=RegionLevel.VILLAGE)
    indb = indb_overlay_stats(dltb, cover, spec)
    desktop = overlay_stats(dltb, cover, spec)
    assert_same_table(indb, desktop)
    assert len(indb) == 40 and indb.area_inside.sum() > 0


def test_in_database_areas_against_an_independent_reference(layers):
    """County B's inside area: the parcel covered whole (300..400), half of one part of the
    two-part parcel and 400 m × 300 m of the 700 m parcel, from pyproj's geodesic area of the
    densified rectangles."""
    dltb, redline = layers
    frame = indb_overlay_stats(dltb, redline, RegionSpec(level=RegionLevel.COUNTY))
    county_b = frame.set_index("region_code").loc["440204"]
    expected = (geodesic_area_rect(X0 + 300, Y0, X0 + 400, Y0 + 100)
                + geodesic_area_rect(X0 + 2500, Y0, X0 + 2525, Y0 + 50)
                + geodesic_area_rect(X0 + 4300, Y0, X0 + 4700, Y0 + 300))
    assert county_b.area_inside == pytest.approx(expected, abs=0.01)


def test_subset_strings_are_honoured(layers):
    dltb, redline = layers
    dltb.setSubsetString("\"DLBM\" = '0101'")
    redline.setSubsetString("\"kind\" <> 'x'")
    spec = RegionSpec(level=RegionLevel.COUNTY)
    indb = indb_overlay_stats(dltb, redline, spec)
    assert_same_table(indb, overlay_stats(dltb, redline, spec))
    assert indb.attrs["meta"].sources[0].count == 4
    county_b = indb.set_index("region_code").loc["440204"]
    assert county_b.area_inside == 0.0  # the overlay covering it is filtered out


def test_filters_and_invalid_geometries_leave_it_to_the_desktop(layers, schema):
    dltb, redline = layers
    feedback = Messages()
    spec = RegionSpec(level=RegionLevel.COUNTY)
    assert indb_overlay_stats(dltb, redline, spec, input_filter="\"DLBM\" = '0101'",
                              feedback=feedback) is None
    assert "filter expression" in feedback.infos[-1]
    schema.sql(f'UPDATE "{schema.name}".redline SET geom = ST_Multi(ST_GeomFromText('
               f"'POLYGON(({X0} {Y0},{X0 + 10} {Y0 + 10},{X0 + 10} {Y0},{X0} {Y0 + 10},"
               f"{X0} {Y0}))', 4547)) WHERE kind = 'half'")
    assert indb_overlay_stats(dltb, redline, spec, overlay_name="redline",
                              feedback=feedback) is None
    assert "1 invalid geometries in “redline”" in feedback.infos[-1]


def test_read_only_role(layers, schema, postgis):
    """A role that may only SELECT (and has default_transaction_read_only) gets the table."""
    role = f"sgnr_reader_{uuid.uuid4().hex[:8]}"
    schema.sql(f"CREATE ROLE {role} LOGIN PASSWORD 'reader'; "
               f'GRANT USAGE ON SCHEMA "{schema.name}" TO {role}; '
               f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema.name}" TO {role}; '
               f"ALTER ROLE {role} SET default_transaction_read_only = on")
    try:
        conninfo = (f"host={postgis['SGNR_PG_HOST']} port={postgis['SGNR_PG_PORT']} "
                    f"dbname={postgis['SGNR_PG_DB']} user={role} password=reader")
        dltb, redline = schema.layer("dltb", conninfo), schema.layer("redline", conninfo)
        spec = RegionSpec(level=RegionLevel.COUNTY)
        indb = indb_overlay_stats(dltb, redline, spec)
        assert_same_table(indb, overlay_stats(*layers, spec))
        # the administrator takes SELECT on the overlay away: a message naming the fix
        schema.sql(f'REVOKE SELECT ON "{schema.name}".redline FROM {role}')
        with pytest.raises(InDatabaseError) as info:
            indb_overlay_stats(dltb, redline, spec)
        assert "permission denied" in str(info.value) and "untick IN_DATABASE" in str(info.value)
    finally:
        schema.drop()  # the role's privileges go with the schema
        schema.sql(f"DROP ROLE IF EXISTS {role}")


def slow(layers):
    """The parcels through a subset string that sleeps 0.5 s per row (4 s a query)."""
    dltb, redline = layers
    assert dltb.setSubsetString("pg_sleep(0.5) IS NOT NULL")
    assert dltb.featureCount() == 8  # counted (and kept by the provider) before timing
    return dltb, redline


def test_statement_timeout_names_the_layer_and_the_fix(layers):
    dltb, redline = slow(layers)
    started = time.monotonic()
    with pytest.raises(InDatabaseError) as info:
        indb_overlay_stats(dltb, redline, RegionSpec(level=RegionLevel.COUNTY),
                           layer_name="DLTB", timeout_s=1)
    assert time.monotonic() - started < 3.0  # not the 4 s the query would take
    message = str(info.value)
    assert "“DLTB”" in message and "1 s" in message and "IN_DATABASE_TIMEOUT" in message


def test_cancel_stops_the_server_query(layers, postgis):
    dltb, redline = slow(layers)
    feedback = QgsFeedback()
    timer = threading.Timer(0.5, feedback.cancel)
    timer.start()
    started = time.monotonic()
    with pytest.raises(SgNrError, match="canceled"):
        indb_overlay_stats(dltb, redline, RegionSpec(level=RegionLevel.COUNTY),
                           feedback=feedback)
    assert time.monotonic() - started < 3.0  # the query alone sleeps 4 s


def test_algorithm_in_database_and_on_the_desktop_write_the_same_table(
        layers, qgis_processing, provider_registered, tmp_path):
    import processing

    from tests.stats.test_algorithms import table

    dltb, redline = layers
    tables, logs = [], []
    for in_database in (True, False):
        feedback = Messages()
        result = processing.run("sgnr:overlaystats", {
            "INPUT": dltb, "OVERLAY": redline, "REGION_LEVEL": 3, "UNIT": 0,
            "IN_DATABASE": in_database, "IN_DATABASE_TIMEOUT": 60,
            "OUTPUT": str(tmp_path / f"ov_{in_database}.gpkg")}, feedback=feedback)
        tables.append(table(result["OUTPUT"]))
        logs.append(feedback.infos)
    indb, desktop = tables
    assert [row["region_code"] for row in indb] == [row["region_code"] for row in desktop]
    for got, want in zip(indb, desktop):
        assert got["parcels"] == want["parcels"]
        for column in ("area_input", "area_inside", "share_pct"):
            assert got[column] == pytest.approx(want[column], rel=1e-9, abs=1e-12)
    assert any("computed inside the PostGIS database" in line for line in logs[0])
    assert not any("computed inside the PostGIS database" in line for line in logs[1])


def test_an_invalid_parcel_leaves_it_to_the_desktop(layers, schema):
    """The parcels' validity is surveyed in the statistics query itself: a bow-tie parcel
    sends the run to the desktop (which repairs and lists it), saying why."""
    dltb, redline = layers
    schema.sql(f'UPDATE "{schema.name}".dltb SET geom = ST_Multi(ST_GeomFromText('
               f"'POLYGON(({X0 + 300} {Y0},{X0 + 400} {Y0 + 100},{X0 + 400} {Y0},"
               f"{X0 + 300} {Y0 + 100},{X0 + 300} {Y0}))', 4547)) WHERE \"DLBM\" = '0101' "
               f"AND \"ZLDWDM\" = '{VILLAGE_B}'")
    feedback = Messages()
    assert indb_overlay_stats(dltb, redline, RegionSpec(level=RegionLevel.COUNTY),
                              layer_name="DLTB", feedback=feedback) is None
    assert "1 invalid geometries in “DLTB”" in feedback.infos[-1]
    desktop = overlay_stats(dltb, redline, RegionSpec(level=RegionLevel.COUNTY),
                            layer_name="DLTB")
    assert any("repaired" in note for note in desktop.attrs["meta"].notes)
