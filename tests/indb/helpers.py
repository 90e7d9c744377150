"""Hand-made fixtures for the in-database tests, loaded into a private PostGIS schema."""

from __future__ import annotations

import math
import subprocess
import uuid

from qgis.core import QgsDataSourceUri, QgsVectorLayer

from tests.conftest import postgis_conninfo, postgis_sql
from tests.stats.helpers import DLTB_FIELDS, VILLAGE_A, VILLAGE_B, X0, Y0, memory_layer, write_gpkg

VILLAGE_A2 = VILLAGE_A[:6] + "001002" + "0000000"  # another village of county A


def r(x1, x2, y1=0.0, y2=100.0) -> str:
    return (f"POLYGON(({X0 + x1} {Y0 + y1},{X0 + x2} {Y0 + y1},{X0 + x2} {Y0 + y2},"
            f"{X0 + x1} {Y0 + y2},{X0 + x1} {Y0 + y1}))")


def ring(cx: float, cy: float, radius: float, vertices: int) -> str:
    points = [(X0 + cx + radius * math.cos(2 * math.pi * k / vertices),
               Y0 + cy + radius * math.sin(2 * math.pi * k / vertices))
              for k in range(vertices)]
    points.append(points[0])
    return "(" + ",".join(f"{x} {y}" for x, y in points) + ")"


def parcel_rows() -> list:
    """Rectangles, a 1.2 km parcel with a hole and a 700 m one without (second-moment term
    of the area), a parcel of two parts, one without ZLDWDM and one without geometry."""
    wide = (f"POLYGON(({X0 + 1000} {Y0},{X0 + 2200} {Y0},{X0 + 2200} {Y0 + 800},"
            f"{X0 + 1000} {Y0 + 800},{X0 + 1000} {Y0}),({X0 + 1200} {Y0 + 100},"
            f"{X0 + 1200} {Y0 + 300},{X0 + 1400} {Y0 + 300},{X0 + 1400} {Y0 + 100},"
            f"{X0 + 1200} {Y0 + 100}))")
    two = (f"MULTIPOLYGON((({X0 + 2500} {Y0},{X0 + 2550} {Y0},{X0 + 2550} {Y0 + 50},"
           f"{X0 + 2500} {Y0 + 50},{X0 + 2500} {Y0})),(({X0 + 2600} {Y0},{X0 + 2650} {Y0},"
           f"{X0 + 2650} {Y0 + 50},{X0 + 2600} {Y0 + 50},{X0 + 2600} {Y0})))")
    return [
        (r(0, 100), [VILLAGE_A, "0101", "", 10000.0, 0.1, 1000.0, 9000.0]),
        (r(100, 200), [VILLAGE_A, "0301", "", 10000.0, 0.0, 0.0, 10000.0]),
        (r(300, 400), [VILLAGE_B, "0101", "", 10000.0, 0.0, 0.0, 10000.0]),
        (wide, [VILLAGE_A2, "0301", "", 920000.0, 0.0, 0.0, 920000.0]),
        (two, [VILLAGE_B, "0201", "", 5000.0, 0.0, 0.0, 5000.0]),
        (r(3000, 3100), [None, "0101", "", 10000.0, 0.0, 0.0, 10000.0]),
        (r(4000, 4700, 0, 600), [VILLAGE_B, "0301", "", 420000.0, 0.0, 0.0, 420000.0]),
        ("", [VILLAGE_A, "0101", "", 0.0, 0.0, 0.0, 0.0]),
    ]


def overlay_rows() -> list:
    """Two overlapping rectangles (counted once), one covering a parcel whole, a 600-vertex
    disc over the wide parcel (cut into pieces on both paths), half of one part of the
    two-part parcel."""
    return [
        (r(50, 150, -10, 110), ["a"]), (r(120, 180, -10, 110), ["a"]),
        (r(290, 410, -20, 120), ["x"]),
        (f"POLYGON({ring(1500, 400, 500, 600)})", ["disc"]),
        (r(2500, 2525, -5, 60), ["half"]),
        (r(4300, 5000, -50, 300), ["wide"]),
    ]


class PrivateSchema:
    """A schema of its own in the test PostGIS (unique name), dropped by :meth:`drop`."""

    def __init__(self, settings: dict, tmp_path) -> None:
        self.settings, self.tmp_path = settings, tmp_path
        self.name = f"sgnr_indb_{uuid.uuid4().hex[:10]}"
        self.conninfo = postgis_conninfo(settings)
        self.sql(f'CREATE SCHEMA "{self.name}"')

    def sql(self, statement: str) -> None:
        postgis_sql(self.settings, statement)

    def load(self, layer: QgsVectorLayer, table: str) -> None:
        gpkg = write_gpkg(layer, self.tmp_path / f"{table}.gpkg", table)
        subprocess.run(["ogr2ogr", "-f", "PostgreSQL", f"PG:{self.conninfo}",
                        gpkg.source().split("|")[0], table, "-nln", table, "-lco",
                        f"SCHEMA={self.name}", "-lco", "LAUNDER=NO", "-lco",
                        "GEOMETRY_NAME=geom"], check=True, capture_output=True)

    def layer(self, table: str, conninfo: str | None = None, name: str = "") -> QgsVectorLayer:
        uri = QgsDataSourceUri(conninfo or self.conninfo)
        uri.setDataSource(self.name, table, "geom")
        layer = QgsVectorLayer(uri.uri(False), name or table, "postgres")
        assert layer.isValid(), layer.error().summary()
        return layer

    def drop(self) -> None:
        self.sql(f'DROP SCHEMA IF EXISTS "{self.name}" CASCADE')


def load_fixture(schema: PrivateSchema) -> tuple[QgsVectorLayer, QgsVectorLayer]:
    schema.load(memory_layer("DLTB", DLTB_FIELDS, parcel_rows()), "dltb")
    schema.load(memory_layer("redline", "kind:string", overlay_rows()), "redline")
    return schema.layer("dltb", name="DLTB"), schema.layer("redline", name="redline")


def random_parcels(count: int, seed: int = 7) -> list:
    """``count`` star-shaped parcels of 5 m to 2 km in 40 villages over 200 km × 150 km of
    zone 38 (areas, centroids and second moments all over the place)."""
    import random

    rng = random.Random(seed)
    rows = []
    for index in range(count):
        cx, cy = rng.uniform(-100_000, 100_000), rng.uniform(-50_000, 100_000)
        radius, vertices = rng.choice([5, 40, 150, 400, 1000]), rng.choice([4, 7, 20, 60])
        points = []
        for k in range(vertices):
            angle, reach = 2 * math.pi * k / vertices, radius * rng.uniform(0.5, 1.0)
            points.append((X0 + cx + reach * math.cos(angle), Y0 + cy + reach * math.sin(angle)))
        points.append(points[0])
        wkt = "POLYGON((" + ",".join(f"{x:.3f} {y:.3f}" for x, y in points) + "))"
        village = VILLAGE_A[:9] + f"{index % 40:03d}" + "0000000"
        rows.append((wkt, [village, "0101", "", 1.0, 0.0, 0.0, 1.0]))
    return rows
