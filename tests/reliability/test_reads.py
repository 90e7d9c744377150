"""Complete reads or a clear failure (core/reading.py): a damaged GeoPackage, a cut Shapefile,
a PostGIS connection dropped mid-run and a truncated DEM never give a success over part of the
data. Each damaged input is first shown to fool a plain QGIS read (fewer features, no error)."""

from __future__ import annotations

import random
import shutil
import sqlite3
import subprocess
import uuid

import pytest
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsDataSourceUri,
    QgsFeatureRequest,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsRasterLayer,
    QgsVectorLayer,
)

from sg_nr_plugin.core.checks.paddy import PADDY
from sg_nr_plugin.core.errors import IncompleteReadError, RasterReadError
from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.landuse import landuse_summary
from tests.conftest import TINY, TINY_GPKG, postgis_conninfo, postgis_sql

TINY_PARCELS = 752  # DLTB of data/tiny (its README: "about 750"; sqlite count(*) says 752)
PAGE = 4096


@pytest.fixture
def ready(qgis_processing, provider_registered):
    return True


def run(algorithm_id: str, parameters: dict, feedback=None) -> dict:
    import processing

    return processing.run(algorithm_id, parameters, feedback=feedback or QgsProcessingFeedback())


def plain_count(uri: str, provider: str = "ogr") -> int:
    """What QGIS itself reads, without the plugin's checks."""
    layer = QgsVectorLayer(uri, "plain", provider)
    return sum(1 for _ in layer.getFeatures(QgsFeatureRequest()))


def damage_pages(path, table: str, how_many: int = 2) -> None:
    """Overwrite leaf pages in the middle of ``table``'s b-tree with garbage (sqlite dbstat
    names the pages; the file header and the schema stay intact, so the file still opens)."""
    connection = sqlite3.connect(path)
    leaves = [row[0] for row in connection.execute(
        "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
        (table,))]
    connection.close()
    middle = len(leaves) // 2
    garbage = random.Random(16)
    with open(path, "r+b") as file:
        for page in leaves[middle:middle + how_many]:
            file.seek((page - 1) * PAGE)
            file.write(bytes(garbage.randrange(256) for _ in range(PAGE)))


@pytest.fixture
def damaged_gpkg(tmp_path, qgis_app):
    path = tmp_path / "DLTB.gpkg"  # Processing names a layer given by path after its file
    shutil.copy(TINY_GPKG, path)
    damage_pages(path, "DLTB")
    uri = f"{path}|layername=DLTB"
    layer = QgsVectorLayer(uri, "DLTB", "ogr")
    assert layer.isValid() and layer.featureCount() == TINY_PARCELS
    assert 0 < plain_count(uri) < TINY_PARCELS  # QGIS alone: fewer parcels, no error
    return uri


def assert_names_layer_and_counts(error, layer: str = "DLTB") -> None:
    text = str(error)
    assert f"“{layer}" in text and "could not be read completely" in text, text
    assert str(TINY_PARCELS) in text, text


# ---- GeoPackage with damaged pages -----------------------------------------------------------
def test_landusesummary_on_damaged_gpkg_fails(ready, damaged_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException) as error:
        run("sgnr:landusesummary", {"INPUT": damaged_gpkg, "OUTPUT": str(tmp_path / "o.gpkg")})
    assert_names_layer_and_counts(error.value)
    assert "malformed" in str(error.value)


def test_landuse_streaming_on_damaged_gpkg_names_both_counts(damaged_gpkg):
    layer = QgsVectorLayer(damaged_gpkg, "DLTB", "ogr")
    with pytest.raises(IncompleteReadError) as error:
        landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY), "DLTB", allow_sql=False)
    assert error.value.expected == TINY_PARCELS
    assert error.value.read == plain_count(damaged_gpkg)
    assert_names_layer_and_counts(error.value)


def test_filtered_read_of_damaged_gpkg_fails_on_the_provider_error(damaged_gpkg):
    """With an expression the expected count is unknown: GDAL's error decides."""
    layer = QgsVectorLayer(damaged_gpkg, "DLTB", "ogr")
    with pytest.raises(IncompleteReadError, match="DLTB.*before the error.*malformed"):
        landuse_summary(layer, RegionSpec(level=RegionLevel.WHOLE), "DLTB",
                        expression="\"DLBM\" LIKE '01%'")


def test_overlaystats_on_damaged_gpkg_fails(ready, damaged_gpkg, tmp_path):
    overlay = f"{TINY_GPKG}|layername=YJJBNT"
    with pytest.raises(QgsProcessingException) as error:
        run("sgnr:overlaystats", {"INPUT": damaged_gpkg, "OVERLAY": overlay,
                                  "OUTPUT": str(tmp_path / "o.gpkg")})
    assert_names_layer_and_counts(error.value)


def test_planindicators_on_damaged_gpkg_fails(ready, damaged_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException) as error:
        run("sgnr:planindicators", {"DLTB": damaged_gpkg, "REGION_LEVEL": 1,
                                    "OUTPUT": str(tmp_path / "o.gpkg")})
    assert_names_layer_and_counts(error.value)


def test_checkfarmland_on_damaged_gpkg_fails(ready, tmp_path):
    """The projects layer damaged: the check must not run on part of the projects."""
    path = tmp_path / "damaged.gpkg"
    shutil.copy(TINY_GPKG, path)
    damage_pages(path, "XM_BCGD", 1)  # its only page: the file opens, the rows are garbage
    projects = QgsVectorLayer(f"{path}|layername=XM_BCGD", "XM_BCGD", "ogr")
    assert plain_count(projects.source()) < projects.featureCount() == 16
    with pytest.raises(QgsProcessingException, match="read completely: 0 of 16 feature"):
        run("sgnr:checkfarmland", {"PROJECTS": projects, "DLTB": f"{TINY_GPKG}|layername=DLTB",
                                   "OUTPUT_FINDINGS": "memory:", "OUTPUT_PROJECTS": "memory:"})


def test_exportcoordtxt_of_damaged_projects_fails(ready, tmp_path):
    """Coordinate files for part of the projects would look like a complete delivery."""
    path = tmp_path / "damaged.gpkg"
    shutil.copy(TINY_GPKG, path)
    damage_pages(path, "XM_KZST", 1)  # the second of its two leaf pages: 4 of 20 projects
    projects = QgsVectorLayer(f"{path}|layername=XM_KZST", "XM_KZST", "ogr")
    assert plain_count(projects.source()) == 16 and projects.featureCount() == 20
    with pytest.raises(QgsProcessingException, match="XM_KZST.*read completely: 16 of 20"):
        run("sgnr:exportcoordtxt", {"INPUT": projects, "OUTPUT": str(tmp_path / "txt")})
    assert not (tmp_path / "txt").exists() or not any((tmp_path / "txt").iterdir())


def test_checkfarmland_with_damaged_dltb_fails(ready, damaged_gpkg, tmp_path):
    """DLTB is read under each project (a rectangle filter): the provider's error decides."""
    dltb = QgsVectorLayer(damaged_gpkg, "DLTB", "ogr")
    with pytest.raises(QgsProcessingException, match="DLTB.*could not be read completely"):
        run("sgnr:checkfarmland", {"PROJECTS": f"{TINY_GPKG}|layername=XM_BCGD",
                                   "DLTB": dltb, "OUTPUT_FINDINGS": "memory:",
                                   "OUTPUT_PROJECTS": "memory:"})


def test_subset_string_on_damaged_gpkg_fails_both_paths(damaged_gpkg):
    """A subset string (Filter… in QGIS) goes into the push-down's WHERE and the provider's
    count: both paths still fail."""
    layer = QgsVectorLayer(damaged_gpkg, "DLTB", "ogr")
    layer.setSubsetString("\"TBMJ\" >= 0")
    for allow_sql in (True, False):
        with pytest.raises(IncompleteReadError, match="“DLTB” could not be read completely"):
            landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY), "DLTB",
                            allow_sql=allow_sql)


def test_only_selected_on_damaged_gpkg_fails(ready, damaged_gpkg, tmp_path):
    """Every parcel selected (ONLY_SELECTED: Processing reads them by feature id)."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject

    layer = QgsVectorLayer(damaged_gpkg, "DLTB", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        layer.selectByIds(list(range(1, TINY_PARCELS + 1)))
        assert layer.selectedFeatureCount() == TINY_PARCELS
        selected = QgsProcessingFeatureSourceDefinition(layer.id(), selectedFeaturesOnly=True)
        # read by feature id, the damaged rows are silently missing (730-odd of 752, no GDAL
        # error): the count decides. (The algorithm names a selection by its parameter.)
        with pytest.raises(QgsProcessingException,
                           match=r"could not be read completely: \d+ of 752 feature"):
            run("sgnr:overlaystats", {"INPUT": selected,
                                      "OVERLAY": f"{TINY_GPKG}|layername=YJJBNT",
                                      "OUTPUT": str(tmp_path / "o.gpkg")})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


# ---- Shapefile cut short ---------------------------------------------------------------------
@pytest.fixture
def dltb_shapefile(tmp_path, qgis_app):
    folder = tmp_path / "shp"
    folder.mkdir()
    subprocess.run(["ogr2ogr", "-f", "ESRI Shapefile", str(folder / "dltb.shp"), str(TINY_GPKG),
                    "DLTB", "-lco", "ENCODING=UTF-8"], check=True, capture_output=True)
    return folder / "dltb.shp"


@pytest.mark.parametrize("part", ["dbf", "shp"])
def test_overlaystats_on_truncated_shapefile_fails(ready, dltb_shapefile, tmp_path, part):
    """(landusesummary reads no geometry, so a cut .shp does not touch its figures.)"""
    cut = dltb_shapefile.with_suffix("." + part)
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])
    layer = QgsVectorLayer(str(dltb_shapefile), "dltb", "ogr")
    assert layer.isValid() and layer.featureCount() == TINY_PARCELS
    # a cut .dbf ends the read early; a cut .shp still gives 752 records, half without geometry
    with pytest.raises(QgsProcessingException) as error:
        run("sgnr:overlaystats", {"INPUT": str(dltb_shapefile),
                                  "OVERLAY": f"{TINY_GPKG}|layername=YJJBNT",
                                  "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "“dltb”" in str(error.value) and str(TINY_PARCELS) in str(error.value)
    assert "fread" in str(error.value)


def test_landusesummary_on_truncated_filegdb_fails(ready, tmp_path):
    """A File Geodatabase (OpenFileGDB) whose DLTB table file is cut: QGIS alone reads 426
    of 752 parcels; GDAL reports "Error occurred in …/filegdbtable.cpp"."""
    gdb = tmp_path / "delivery.gdb"
    subprocess.run(["ogr2ogr", "-f", "OpenFileGDB", str(gdb), str(TINY_GPKG), "DLTB"],
                   check=True, capture_output=True)
    table = max(gdb.glob("*.gdbtable"), key=lambda path: path.stat().st_size)
    table.write_bytes(table.read_bytes()[: table.stat().st_size * 9 // 16])
    uri = f"{gdb}|layername=DLTB"
    assert 0 < plain_count(uri) < TINY_PARCELS
    with pytest.raises(QgsProcessingException) as error:
        run("sgnr:landusesummary", {"INPUT": QgsVectorLayer(uri, "DLTB", "ogr"),
                                    "OUTPUT": str(tmp_path / "o.gpkg")})
    assert_names_layer_and_counts(error.value)


# ---- PostGIS connection dropped mid-run -------------------------------------------------------
class KillAfter(QgsProcessingFeedback):
    """Terminates the backend reading ``table`` (found by its lock, so that no other session of
    the shared test server is touched) once the run reports ``percent`` progress."""

    def __init__(self, settings, schema: str, table: str, percent: float) -> None:
        super().__init__()
        self.settings, self.schema, self.table, self.percent = settings, schema, table, percent
        self.killed = False
        self.progressChanged.connect(self._on_progress)

    def _on_progress(self, progress: float) -> None:
        if progress >= self.percent and not self.killed:
            self.killed = True
            postgis_sql(self.settings, (
                "SELECT pg_terminate_backend(l.pid) FROM pg_locks l "
                "JOIN pg_class c ON c.oid = l.relation "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                f"WHERE n.nspname = '{self.schema}' AND c.relname = '{self.table}' "
                "AND l.pid <> pg_backend_pid()"))


@pytest.fixture
def postgis_parcels(postgis, qgis_app):
    """Six copies of the tiny DLTB (4512 parcels) under a unique table name; dropped after."""
    schema, table = "sgnr_reads", f"dltb_{uuid.uuid4().hex[:8]}"
    conninfo = postgis_conninfo(postgis)
    postgis_sql(postgis, f'CREATE SCHEMA IF NOT EXISTS "{schema}"')
    subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{conninfo}", str(TINY_GPKG), "DLTB",
                    "-nln", f"{schema}.{table}", "-lco", "GEOMETRY_NAME=geom",
                    "-lco", "LAUNDER=NO", "-lco", "FID=fid"], check=True, capture_output=True)
    postgis_sql(postgis, f'INSERT INTO "{schema}"."{table}" ("DLBM", "ZLDWDM", "TBMJ", "KCXS", '
                         f'"KCMJ", "TBDLMJ", geom) SELECT "DLBM", "ZLDWDM", "TBMJ", "KCXS", '
                         f'"KCMJ", "TBDLMJ", geom FROM "{schema}"."{table}", '
                         f'generate_series(1, 5)')
    uri = QgsDataSourceUri(conninfo)
    uri.setDataSource(schema, table, "geom", "", "fid")
    layer = QgsVectorLayer(uri.uri(False), "DLTB_PG", "postgres")
    assert layer.isValid(), layer.error().summary()
    assert layer.featureCount() == 6 * TINY_PARCELS
    yield postgis, schema, table, layer
    postgis_sql(postgis, f'DROP TABLE IF EXISTS "{schema}"."{table}"')


def test_postgis_connection_dropped_mid_run_fails(ready, postgis_parcels, tmp_path):
    settings, schema, table, layer = postgis_parcels
    feedback = KillAfter(settings, schema, table, 20.0)
    with pytest.raises(QgsProcessingException, match="DLTB_PG.*could not be read completely"):
        # a filter expression: the streaming path, and no expected count (errors decide)
        run("sgnr:overlaystats", {"INPUT": layer, "OVERLAY": f"{TINY_GPKG}|layername=YJJBNT",
                                  "INPUT_FILTER": "\"TBMJ\" >= 0",
                                  "OUTPUT": str(tmp_path / "o.gpkg")}, feedback)
    assert feedback.killed


def test_postgis_connection_dropped_during_pushdown_gives_whole_figures(postgis_parcels):
    """The GROUP BY runs inside PostgreSQL: a subset string with pg_sleep makes it last ~1 s,
    and the backend running it is terminated meanwhile. QGIS's connection resets and runs the
    query again (measured: "retry after reset succeeded"), so the figures are whole; were the
    retry to fail too, the push-down raises IncompleteReadError instead of streaming."""
    import threading

    settings, schema, table, layer = postgis_parcels
    layer.setSubsetString("pg_sleep(0.0002) IS NOT NULL")
    layer.featureCount()  # counted now (pg_sleep too), not while the killer waits
    kill = ("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE state = "
            f"'active' AND query LIKE '%{table}%GROUP BY%' AND pid <> pg_backend_pid()")
    done, killed = threading.Event(), []

    def killer() -> None:  # polls until the GROUP BY runs, then terminates its backend
        while not done.is_set() and not killed:
            answer = subprocess.run(["psql", "-tA", postgis_conninfo(settings), "-c", kill],
                                    capture_output=True, text=True).stdout.strip()
            if answer not in ("", "0"):
                killed.append(answer)
            done.wait(0.1)

    thread = threading.Thread(target=killer)
    thread.start()
    try:
        frame = landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY), "DLTB_PG")
    finally:
        done.set()
        thread.join()
    assert killed and frame.attrs["pushed_down"]
    assert frame["count"].sum() == 6 * TINY_PARCELS


def test_postgis_estimated_count_is_not_an_incomplete_read(ready, postgis_parcels, tmp_path):
    """"Use estimated table metadata": featureCount() is the planner's guess (stale after a
    delete), so it is not an expected count: the run succeeds (errors still fail it)."""
    settings, schema, table, layer = postgis_parcels
    postgis_sql(settings, f'ANALYZE "{schema}"."{table}"; '
                          f'DELETE FROM "{schema}"."{table}" WHERE fid % 2 = 0')
    uri = QgsDataSourceUri(layer.source())
    uri.setUseEstimatedMetadata(True)
    estimated = QgsVectorLayer(uri.uri(False), "DLTB_PG", "postgres")
    real = plain_count(estimated.source(), "postgres")
    assert estimated.featureCount() == 6 * TINY_PARCELS and real == 3 * TINY_PARCELS
    result = run("sgnr:overlaystats", {"INPUT": estimated,
                                       "OVERLAY": f"{TINY_GPKG}|layername=YJJBNT",
                                       "OUTPUT": str(tmp_path / "o.gpkg")})
    assert result["OUTPUT"]


# ---- truncated DEM ---------------------------------------------------------------------------
def test_paddy_slope_on_truncated_dem_is_never_a_pass(qgis_app, tmp_path):
    from sg_nr_plugin.core.checks.context import CheckInputs
    from sg_nr_plugin.core.checks.engine import create_run
    from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
    from tests.checks.tiny import tiny_layer

    dem = tmp_path / "dem.tif"
    dem.write_bytes((TINY / "dem.tif").read_bytes()[:20_000])  # of 33 447 bytes: one tile cut
    projects = tiny_layer("XM_KZST")
    inputs = CheckInputs(projects, "XMBH", projects.crs(), QgsCoordinateTransformContext())
    inputs.layers = {"DLTB": tiny_layer("DLTB")}
    inputs.options = {"county_field": "XZQDM", "status_field": "ZT"}
    inputs.dem = QgsRasterLayer(str(dem), "DEM 高程")
    assert inputs.dem.isValid()  # the header is intact: the damage shows only when read
    run_ = create_run(inputs, PADDY, builtin_ruleset("paddy"))
    with pytest.raises(RasterReadError, match="DEM 高程.*could not be read"):
        list(run_.results())


def test_checkpaddy_with_truncated_dem_fails_with_the_message(ready, tmp_path):
    dem = tmp_path / "dem.tif"
    dem.write_bytes((TINY / "dem.tif").read_bytes()[:20_000])
    with pytest.raises(QgsProcessingException, match="Raster “dem” could not be read over"):
        run("sgnr:checkpaddy", {"PROJECTS": f"{TINY_GPKG}|layername=XM_KZST",
                                "DLTB": f"{TINY_GPKG}|layername=DLTB", "DEM": str(dem),
                                "OUTPUT_FINDINGS": "memory:", "OUTPUT_PROJECTS": "memory:"})


def test_overlay_source_count_is_the_features_read(qgis_app):
    """The workbook says “OVERLAY (n features)”: every feature read, the one without a
    geometry too (before: only the polygons used, 2)."""
    from sg_nr_plugin.core.stats.overlaystats import overlay_stats
    from tests.stats.helpers import X0, Y0, dltb_layer, memory_layer, square_wkt

    overlay = memory_layer("红线", "NAME:string", [
        (square_wkt(X0, Y0, 10.0), ["a"]), (square_wkt(X0 + 20, Y0, 10.0), ["b"]), ("", ["c"])])
    assert overlay.featureCount() == 3
    frame = overlay_stats(dltb_layer(), overlay, RegionSpec(level=RegionLevel.WHOLE),
                          layer_name="DLTB", overlay_name="红线")
    counts = {source.role: source.count for source in frame.attrs["meta"].sources}
    assert counts["OVERLAY"] == 3 and counts["INPUT"] == dltb_layer().featureCount()


def test_check_run_keeps_the_counts_read_per_layer(qgis_app):
    """For the report: the projects read whole (16 of 16), DLTB read under the projects."""
    from sg_nr_plugin.core.checks.context import CheckInputs
    from sg_nr_plugin.core.checks.engine import create_run
    from sg_nr_plugin.core.checks.farmland import FARMLAND
    from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
    from tests.checks.tiny import tiny_layer

    projects = tiny_layer("XM_BCGD")
    inputs = CheckInputs(projects, "XMBH", projects.crs(), QgsCoordinateTransformContext())
    inputs.layers = {"DLTB": tiny_layer("DLTB"), "ECO_REDLINE": tiny_layer("STBHHX")}
    inputs.layer_names = {"PROJECTS": "XM_BCGD", "DLTB": "DLTB", "ECO_REDLINE": "STBHHX"}
    results = list(create_run(inputs, FARMLAND, builtin_ruleset("farmland")).results())
    assert len(results) == 15  # 16 parcels, 15 projects (ground_truth.json)
    counts = inputs.read_counts
    assert counts.whole["XM_BCGD"] == (16, 16)
    assert counts.read("DLTB") > 0 and "DLTB" not in counts.whole  # rectangles only
