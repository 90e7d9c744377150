"""Hand-built check fixtures: axis-aligned rectangles in EPSG:4547 near Shaoguan, with
expected ellipsoidal areas from pyproj.Geod (independent of the plugin's area code)."""

from __future__ import annotations

from pyproj import Geod, Transformer
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QVariant

CRS = "EPSG:4547"
X0, Y0 = 500_000.0, 2_745_000.0  # CM 114°E, about 24.8°N
GEOD = Geod(a=6378137.0, rf=298.257222101)
_TO_GEOGRAPHIC = Transformer.from_crs("EPSG:4547", "EPSG:4490", always_xy=True)
_TYPES = {str: QVariant.String, float: QVariant.Double, int: QVariant.Int}


def rect_wkt(x1: float, y1: float, x2: float, y2: float) -> str:
    """Rectangle given by offsets (m) from (X0, Y0)."""
    a, b, c, d = X0 + x1, Y0 + y1, X0 + x2, Y0 + y2
    return f"POLYGON(({a} {b},{c} {b},{c} {d},{a} {d},{a} {b}))"


def rect_area(x1: float, y1: float, x2: float, y2: float, steps: int = 200) -> float:
    """Ellipsoidal area of the rectangle: its ring densified, to geographic, geodesic area."""
    corners = [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]
    xs, ys = [], []
    for (ax, ay), (bx, by) in zip(corners, corners[1:]):
        for i in range(steps):
            t = i / steps
            xs.append(X0 + ax + (bx - ax) * t)
            ys.append(Y0 + ay + (by - ay) * t)
    lons, lats = _TO_GEOGRAPHIC.transform(xs, ys)
    area, _ = GEOD.polygon_area_perimeter(lons, lats)
    return abs(area)


def layer(name: str, rows: list[tuple[str, dict]], fields: dict[str, type] | None = None,
          geometry: str = "Polygon") -> QgsVectorLayer:
    """Memory layer in EPSG:4547 from ``(wkt, attributes)`` rows."""
    result = QgsVectorLayer(f"{geometry}?crs={CRS}", name, "memory")
    fields = fields or {}
    provider = result.dataProvider()
    provider.addAttributes([QgsField(n, _TYPES[t]) for n, t in fields.items()])
    result.updateFields()
    features = []
    for wkt, attributes in rows:
        feature = QgsFeature(result.fields())
        feature.setGeometry(QgsGeometry.fromWkt(wkt))
        for key, value in attributes.items():
            feature[key] = value
        features.append(feature)
    provider.addFeatures(features)
    result.updateExtents()
    return result


def projects(rows: list[tuple[str, str, dict]], extra: dict[str, type] | None = None):
    """Project parcels: ``(project_id, wkt, attributes)``; field XMBH holds the id."""
    fields = {"XMBH": str, **(extra or {})}
    return layer("projects", [(wkt, {"XMBH": pid, **attrs}) for pid, wkt, attrs in rows],
                 fields)


def dltb(rows: list[tuple[str, str, float]]) -> QgsVectorLayer:
    """DLTB parcels ``(wkt, DLBM, KCXS)`` with the 三调 field names."""
    fields = {"BSM": str, "DLBM": str, "DLMC": str, "TBMJ": float, "KCXS": float,
              "GDPDJB": str}
    return layer("DLTB", [(wkt, {"BSM": str(i), "DLBM": code, "KCXS": kcxs})
                          for i, (wkt, code, kcxs) in enumerate(rows)], fields)


def dltb_graded(rows: list[tuple[str, str, float, str]]) -> QgsVectorLayer:
    fields = {"BSM": str, "DLBM": str, "TBMJ": float, "KCXS": float, "GDPDJB": str}
    return layer("DLTB", [(wkt, {"BSM": str(i), "DLBM": code, "KCXS": kcxs, "GDPDJB": grade})
                          for i, (wkt, code, kcxs, grade) in enumerate(rows)], fields)


def inputs_for(project_layer: QgsVectorLayer, **layers):
    """CheckInputs over memory layers (the layers are their own feature sources)."""
    from sg_nr_plugin.core.checks.context import CheckInputs

    result = CheckInputs(project_layer, "XMBH", QgsCoordinateReferenceSystem(CRS),
                         QgsCoordinateTransformContext())
    result.layers = {role: lyr for role, lyr in layers.items()}
    result.layer_names = {role: role for role in layers}
    return result


def close(actual: float, expected: float, rel: float = 1e-6) -> bool:
    return abs(actual - expected) <= rel * max(abs(expected), 1e-9)


def run_check(algorithm_id: str, parameters: dict):
    """Run a check algorithm with memory outputs: ``(results, findings, checked, feedback)``."""
    algorithm = QgsApplication.processingRegistry().createAlgorithmById(algorithm_id)
    assert algorithm is not None
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = QgsProcessingFeedback()
    parameters = {"OUTPUT_FINDINGS": "memory:", "OUTPUT_PROJECTS": "memory:", **parameters}
    results, ok = algorithm.run(parameters, context, feedback)
    assert ok, feedback.textLog()
    findings = context.takeResultLayer(results["OUTPUT_FINDINGS"])
    checked = context.takeResultLayer(results["OUTPUT_PROJECTS"])
    return results, findings, checked, feedback
