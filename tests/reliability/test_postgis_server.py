"""The PostGIS server started by ``make postgis`` serves layers with Chinese, mixed-case names."""

from __future__ import annotations

import subprocess

from osgeo import ogr, osr
from qgis.core import QgsDataSourceUri, QgsVectorLayer

from tests.conftest import postgis_conninfo, postgis_sql

SCHEMA = "三调数据_连接测试"
TABLE = "DLTB_测试Mixed"


def _write_gpkg(path) -> None:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    layer = dataset.CreateLayer("dltb", srs, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("DLMC", ogr.OFTString))
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("DLMC", "水田")
    feature.SetGeometry(ogr.CreateGeometryFromWkt(
        "POLYGON((500000 2750000,500100 2750000,500100 2750100,500000 2750100,500000 2750000))"))
    layer.CreateFeature(feature)
    dataset = None


def test_layer_with_chinese_schema_and_table_loads_in_qgis(postgis, tmp_path):
    source = tmp_path / "in.gpkg"
    _write_gpkg(source)
    conninfo = postgis_conninfo(postgis)
    # The cluster outlives test runs: start from an empty schema every time.
    postgis_sql(postgis, f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE; CREATE SCHEMA "{SCHEMA}"')
    subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{conninfo}", str(source), "dltb",
                    "-nln", TABLE, "-lco", f"SCHEMA={SCHEMA}", "-lco", "LAUNDER=NO",
                    "-lco", "GEOMETRY_NAME=geom", "-overwrite"], check=True)
    uri = QgsDataSourceUri(conninfo)
    uri.setDataSource(SCHEMA, TABLE, "geom")
    layer = QgsVectorLayer(uri.uri(False), "dltb", "postgres")
    assert layer.isValid(), layer.error().summary()
    assert layer.featureCount() == 1
    assert next(layer.getFeatures())["DLMC"] == "水田"
    assert layer.crs().authid() == "EPSG:4547"
