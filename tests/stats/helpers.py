"""Hand-built layers with analytically known areas for the statistics tests."""

from __future__ import annotations

from pyproj import Geod, Transformer
from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

# CGCS2000 ellipsoid (domain.md §4): the independent reference for ellipsoidal areas.
GEOD = Geod(a=6378137.0, rf=298.257222101)
TO_GEOGRAPHIC = Transformer.from_crs("EPSG:4547", "EPSG:4490", always_xy=True)
# A point inside Shaoguan in EPSG:4547 (CM 114°E, false easting 500 000).
X0, Y0 = 500_000.0, 2_750_000.0


def square_wkt(x: float, y: float, size: float) -> str:
    return (f"POLYGON(({x} {y},{x + size} {y},{x + size} {y + size},"
            f"{x} {y + size},{x} {y}))")


def rect_wkt(x1: float, y1: float, x2: float, y2: float) -> str:
    return f"POLYGON(({x1} {y1},{x2} {y1},{x2} {y2},{x1} {y2},{x1} {y1}))"


def geodesic_area_rect(x1: float, y1: float, x2: float, y2: float, steps: int = 50) -> float:
    """Ellipsoidal area of an EPSG:4547 rectangle: densify, project to lon/lat, Karney."""
    ring = []
    for i in range(steps):
        ring.append((x1 + (x2 - x1) * i / steps, y1))
    for i in range(steps):
        ring.append((x2, y1 + (y2 - y1) * i / steps))
    for i in range(steps):
        ring.append((x2 - (x2 - x1) * i / steps, y2))
    for i in range(steps):
        ring.append((x1, y2 - (y2 - y1) * i / steps))
    lons, lats = TO_GEOGRAPHIC.transform([p[0] for p in ring], [p[1] for p in ring])
    area, _ = GEOD.polygon_area_perimeter(lons, lats)
    return abs(area)


def memory_layer(name: str, fields: str, rows: list[tuple[str, list]],
                 crs: str = "EPSG:4547") -> QgsVectorLayer:
    """A memory polygon layer; ``fields`` like ``"DLBM:string&field=TBMJ:double"``."""
    uri = f"MultiPolygon?crs={crs}" + (f"&field={fields}" if fields else "")
    layer = QgsVectorLayer(uri, name, "memory")
    assert layer.isValid()
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        feature.setAttributes(list(attributes))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


DLTB_FIELDS = ("ZLDWDM:string(19)&field=DLBM:string(8)&field=DLMC:string(20)"
               "&field=TBMJ:double&field=KCXS:double&field=KCMJ:double&field=TBDLMJ:double")
COUNTY_A, COUNTY_B = "440203", "440204"
VILLAGE_A = COUNTY_A + "001001" + "0000000"
VILLAGE_B = COUNTY_B + "002003" + "0000000"

# Hand-made parcels: (column, ZLDWDM, DLBM, TBMJ, KCXS, KCMJ, TBDLMJ). Row 7 lacks KCMJ and
# TBDLMJ (derived: 800 × 0.2 = 160, 800 − 160 = 640). Geometry: a 10 m square per column, county
# A at x < 100, county B at x ≥ 100 (for the spatial-region tests).
PARCELS = [
    (0, VILLAGE_A, "0101", 1000.0, 0.1, 100.0, 900.0),
    (1, VILLAGE_A, "0103", 500.0, 0.05, 25.0, 475.0),
    (2, VILLAGE_A, "0201K", 300.0, 0.0, 0.0, 300.0),
    (3, VILLAGE_A, "", 50.0, None, None, 50.0),
    (10, VILLAGE_B, "0301", 2000.0, 0.0, 0.0, 2000.0),
    (11, VILLAGE_B, "9999", 10.0, 0.0, 0.0, 10.0),
    (12, VILLAGE_B, "0101", 800.0, 0.2, None, None),
    (13, VILLAGE_B, "0201", 100.0, 0.0, 0.0, 100.0),
]

# The summary worked out by hand from PARCELS (m²): K codes with their base, ridges as 1203.
EXPECTED_BY_COUNTY = {
    COUNTY_A: {"0101": 900.0, "0103": 475.0, "0201": 300.0, "1203": 125.0,
               "UNRECOGNISED": 50.0},
    COUNTY_B: {"0301": 2000.0, "0101": 640.0, "0201": 100.0, "1203": 160.0,
               "UNRECOGNISED": 10.0},
}
CONTROL_BY_COUNTY = {COUNTY_A: 1850.0, COUNTY_B: 2910.0}


def dltb_layer(name: str = "DLTB") -> QgsVectorLayer:
    rows = []
    for column, zldwdm, dlbm, tbmj, kcxs, kcmj, tbdlmj in PARCELS:
        x = X0 + column * 10.0
        rows.append((square_wkt(x, Y0, 10.0), [zldwdm, dlbm, "", tbmj, kcxs, kcmj, tbdlmj]))
    return memory_layer(name, DLTB_FIELDS, rows)


def regions_layer() -> QgsVectorLayer:
    """Two region polygons: 'West' holds county A's parcels, 'East' county B's."""
    return memory_layer("regions", "name:string", [
        (rect_wkt(X0 - 50, Y0 - 50, X0 + 95, Y0 + 50), ["West"]),
        (rect_wkt(X0 + 95, Y0 - 50, X0 + 300, Y0 + 50), ["East"]),
    ])


def write_gpkg(layer: QgsVectorLayer, path, layer_name: str = "dltb") -> QgsVectorLayer:
    """Copy ``layer`` into a GeoPackage and open it as a QGIS layer."""
    from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = layer_name
    error = QgsVectorFileWriter.writeAsVectorFormatV3(layer, str(path),
                                                      QgsCoordinateTransformContext(), options)
    assert error[0] == QgsVectorFileWriter.NoError, error
    opened = QgsVectorLayer(f"{path}|layername={layer_name}", layer_name, "ogr")
    assert opened.isValid()
    return opened
