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
