"""Write ``resources/styles/check_findings.qml`` and ``check_projects.qml`` (run once after a
change here: ``python -m tools.result_styles``; the .qml files are committed).

Both styles are rule-based: polygons, labelled, when zoomed in to 1:50,000 or closer, and a
marker on a point inside each polygon (point on surface) when zoomed out, so that a finding of
a few hundred m² is still seen on a city-wide map. Rule descriptions (``severity:error``,
``scale:in``…) are keys: the legend labels are set from translated strings when a layer is
loaded (processing/presentation.py), never written here.
"""

from __future__ import annotations

import sys
from pathlib import Path

SCALE = 50000  # 1:50,000: polygons and labels closer than this, markers beyond
ROOT = Path(__file__).resolve().parent.parent
STYLES = ROOT / "resources" / "styles"
SEVERITIES = (("error", "227,26,28"), ("warning", "255,127,0"), ("info", "31,120,180"))
VERDICTS = (("fail", "227,26,28"), ("needs_fixing", "255,127,0"), ("pass", "51,160,44"))


def _fill(rgb: str, alpha: int, width: float):
    from qgis.core import QgsFillSymbol

    return QgsFillSymbol.createSimple({"color": f"{rgb},{alpha}", "outline_color": f"{rgb},255",
                                       "outline_width": str(width), "outline_width_unit": "MM"})


def _marker(rgb: str, size: float, shape: str):
    from qgis.core import QgsCentroidFillSymbolLayer, QgsFillSymbol, QgsMarkerSymbol

    marker = QgsMarkerSymbol.createSimple({"name": shape, "color": f"{rgb},255",
                                           "outline_color": "255,255,255,255",
                                           "outline_width": "0.4", "size": str(size)})
    layer = QgsCentroidFillSymbolLayer()
    layer.setPointOnSurface(True)  # inside the polygon, even a U-shaped one
    layer.setPointOnAllParts(False)
    layer.setSubSymbol(marker)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, layer)  # takes ownership (a list constructor would not)
    return symbol


def _renderer(field: str, values, alpha: int, width: float, size: float, shape: str):
    from qgis.core import QgsRuleBasedRenderer

    root = QgsRuleBasedRenderer.Rule(None)
    near = QgsRuleBasedRenderer.Rule(None, 0, 0, "", "areas", "scale:in")
    near.setMinimumScale(SCALE)  # active from 1:SCALE inwards
    far = QgsRuleBasedRenderer.Rule(None, 0, 0, "", "points", "scale:out")
    far.setMaximumScale(SCALE)  # active from 1:SCALE outwards
    for value, rgb in values:
        expression = f"\"{field}\" = '{value}'"
        near.appendChild(QgsRuleBasedRenderer.Rule(_fill(rgb, alpha, width), 0, 0, expression,
                                                   value, f"{field}:{value}"))
        far.appendChild(QgsRuleBasedRenderer.Rule(_marker(rgb, size, shape), 0, 0, expression,
                                                  value, f"{field}:{value}"))
    root.appendChild(near)
    root.appendChild(far)
    return QgsRuleBasedRenderer(root)


def _labeling(expression: str, priority: int, size: float):
    from qgis.core import (
        QgsLabelObstacleSettings,
        QgsPalLayerSettings,
        QgsTextBufferSettings,
        QgsTextFormat,
        QgsVectorLayerSimpleLabeling,
    )

    text = QgsTextFormat()
    text.setSize(size)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    text.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.setFormat(text)
    settings.fieldName = expression
    settings.isExpression = True
    settings.placement = QgsPalLayerSettings.Horizontal  # inside the polygon when it fits
    settings.priority = priority
    settings.displayAll = False  # a label that would overlap another is left out
    settings.scaleVisibility = True
    settings.minimumScale = SCALE
    obstacle = settings.obstacleSettings()
    obstacle.setIsObstacle(True)
    obstacle.setType(QgsLabelObstacleSettings.PolygonBoundary)
    return QgsVectorLayerSimpleLabeling(settings)


def write_style(path: Path, field: str, values, labeling, alpha, width, size, shape) -> None:
    from qgis.core import QgsVectorLayer

    from sgnr_sample.styles import save_style

    layer = QgsVectorLayer(f"MultiPolygon?field={field}:string&field=project_id:string"
                           "&field=rule_id:string&field=area_m2:double", "style", "memory")
    layer.setRenderer(_renderer(field, values, alpha, width, size, shape))
    layer.setLabeling(labeling)
    layer.setLabelsEnabled(True)
    save_style(layer, path)


def main() -> int:
    from qgis.testing import start_app

    start_app()
    write_style(STYLES / "check_findings.qml", "severity", SEVERITIES,
                _labeling("\"rule_id\" || '\\n' || format_number(\"area_m2\", 1) || ' m²'",
                          7, 8.5), 110, 0.6, 3.2, "circle")
    write_style(STYLES / "check_projects.qml", "verdict", VERDICTS,
                _labeling("\"project_id\" || '\\n' || \"verdict\"", 9, 9.5), 40, 0.8, 4.0,
                "square")
    return 0


if __name__ == "__main__":
    sys.exit(main())
