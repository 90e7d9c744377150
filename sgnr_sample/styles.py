"""Layer styles (QML) of the sample data: DLTB in 三调 class colours, planning styles for the
control layers. ``python -m sgnr_sample.styles`` rewrites ``resources/styles/*.qml``.

The 三调 colours follow the land-use map legend of the survey's technical rules as far as we
could reconstruct it: every RGB value is **unconfirmed** (see data/README.md); fix them here.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeatureRenderer,
    QgsField,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QVariant

from . import classes as lc

# 三调 class colours (R, G, B) — unconfirmed reconstruction of the survey legend.
DLTB_COLOURS = {
    "0101": (255, 255, 100), "0102": (255, 255, 150), "0103": (255, 255, 200),
    "0201": (255, 205, 60), "0202": (230, 190, 90), "0204": (250, 220, 130),
    "0201K": (255, 205, 60),
    "0301": (50, 160, 80), "0302": (100, 190, 110), "0305": (150, 205, 120),
    "0307": (185, 225, 150), "0301K": (50, 160, 80),
    "0404": (205, 235, 140),
    "05H1": (255, 120, 120), "0508": (240, 140, 140),
    "0601": (200, 130, 100), "0602": (170, 110, 80),
    "0701": (255, 150, 130), "0702": (255, 180, 160),
    "08H1": (255, 130, 170), "08H2": (255, 150, 190), "0810": (170, 215, 120),
    "09": (200, 100, 140),
    "1001": (140, 140, 140), "1003": (170, 170, 170), "1004": (195, 195, 195),
    "1006": (215, 205, 185),
    "1101": (120, 190, 240), "1103": (95, 165, 230), "1104": (145, 205, 245),
    "1104K": (145, 205, 245), "1106": (175, 230, 230), "1107": (160, 215, 250),
    "1201": (230, 215, 205), "1202": (225, 225, 175), "1206": (220, 205, 185),
    "1207": (200, 200, 200),
}


def _fill(colour: str, outline: str = "128,128,128,255", width: float = 0.1,
          style: str = "solid") -> QgsFillSymbol:
    return QgsFillSymbol.createSimple({"color": colour, "outline_color": outline,
                                       "outline_width": str(width), "style": style})


def _categorized(field: str, items: list[tuple[str, str, object]]) -> QgsFeatureRenderer:
    cats = [QgsRendererCategory(value, symbol, label) for value, label, symbol in items]
    return QgsCategorizedSymbolRenderer(field, cats)


def dltb_renderer() -> QgsFeatureRenderer:
    items = []
    for code, (r, g, b) in DLTB_COLOURS.items():
        # K codes (可调整) get a hatch over their base colour
        style = "b_diagonal" if code.endswith("K") else "solid"
        items.append((code, f"{code} {lc.NAMES[code]}",
                      _fill(f"{r},{g},{b},255", "150,150,150,255", 0.06, style)))
    return _categorized("DLBM", items)


def _line(colour: str, width: float, style: str = "solid") -> QgsLineSymbol:
    return QgsLineSymbol.createSimple({"line_color": colour, "line_width": str(width),
                                       "line_style": style})


STYLES = {
    "DLTB": (["DLBM"], dltb_renderer),
    "STBHHX": (["HXMC"], lambda: QgsSingleSymbolRenderer(
        _fill("60,170,90,70", "0,120,40,255", 0.5))),
    "YJJBNT": (["DLBM"], lambda: QgsSingleSymbolRenderer(
        _fill("230,200,60,90", "170,120,0,255", 0.3, "f_diagonal"))),
    "ZRBHD": (["GNFQ"], lambda: _categorized("GNFQ", [
        ("核心保护区", "核心保护区", _fill("0,110,60,110", "0,90,40,255", 0.6)),
        ("一般控制区", "一般控制区", _fill("120,200,120,70", "0,120,60,255", 0.4))])),
    "CZKFBJ": (["XZQMC"], lambda: QgsSingleSymbolRenderer(
        _fill("0,0,0,0", "200,0,120,255", 0.8))),
    "GYL": (["SQDJ"], lambda: QgsSingleSymbolRenderer(
        _fill("30,120,50,120", "30,120,50,200", 0.2, "b_diagonal"))),
    "JZKKPD": (["PDJB"], lambda: QgsSingleSymbolRenderer(
        _fill("160,90,40,90", "160,90,40,0", 0.0))),
    "DZZHD": (["ZHLX"], lambda: QgsSingleSymbolRenderer(QgsMarkerSymbol.createSimple(
        {"name": "triangle", "color": "230,30,30,255", "size": "3"}))),
    "CKQ": (["SCZT"], lambda: _categorized("SCZT", [
        ("生产", "生产", _fill("255,150,0,60", "230,100,0,255", 0.6)),
        ("关闭", "关闭", _fill("150,150,150,60", "110,110,110,255", 0.6, "solid"))])),
    "LSYLKS": (["tbdl"], lambda: QgsSingleSymbolRenderer(
        _fill("150,90,50,150", "100,50,20,255", 0.4))),
    "DL": (["DLDJ"], lambda: _categorized("DLDJ", [
        ("高速公路", "高速公路", _line("230,90,0,255", 1.2)),
        ("高速铁路", "高速铁路", _line("40,40,40,255", 0.9, "dash")),
        ("国道", "国道", _line("220,30,30,255", 0.9)),
        ("省道", "省道", _line("250,160,0,255", 0.7)),
        ("县道", "县道", _line("140,140,140,255", 0.4))])),
    "HL": (["HLDJ"], lambda: _categorized("HLDJ", [
        ("干流", "干流", _line("40,120,220,255", 1.2)),
        ("一级支流", "一级支流", _line("60,140,230,255", 0.8)),
        ("支流", "支流", _line("90,160,240,255", 0.4))])),
    "SJGZ": (["ZT"], lambda: _categorized("ZT", [
        ("已完成", "已完成", _fill("120,80,200,90", "90,50,170,255", 0.4)),
        ("实施中", "实施中", _fill("180,120,230,90", "120,80,200,255", 0.4)),
        ("已批未建", "已批未建", _fill("220,200,240,90", "150,120,200,255", 0.4))])),
    "JSZY": (["PZNF"], lambda: QgsSingleSymbolRenderer(
        _fill("255,80,80,80", "200,0,0,255", 0.4))),
    "XM_BCGD": (["XMBH"], lambda: QgsSingleSymbolRenderer(
        _fill("255,0,255,40", "200,0,200,255", 0.7))),
    "XM_KZST": (["XMBH"], lambda: QgsSingleSymbolRenderer(
        _fill("0,200,255,40", "0,140,220,255", 0.7))),
    "XM_KSXF": (["XMBH"], lambda: QgsSingleSymbolRenderer(
        _fill("140,80,20,50", "120,60,0,255", 0.7))),
}
LABELLED = {"XM_BCGD": "XMBH", "XM_KZST": "XMBH", "XM_KSXF": "XMBH"}


LABEL_SCALE = 100000  # project ids from 1:100,000 inwards: a city-wide map would be a heap


def project_labeling(field: str) -> QgsVectorLayerSimpleLabeling:
    """Project ids: one label per project (its first parcel, not one per parcel), inside the
    polygon, with a halo, never over another label or a project boundary (the engine leaves
    a label out rather than overlap)."""
    from qgis.core import QgsProperty, QgsTextBufferSettings, QgsTextFormat

    text = QgsTextFormat()
    text.setSize(9)
    halo = QgsTextBufferSettings()
    halo.setEnabled(True)
    halo.setSize(0.8)
    text.setBuffer(halo)
    settings = QgsPalLayerSettings()
    settings.setFormat(text)
    settings.fieldName = field
    settings.placement = QgsPalLayerSettings.Horizontal
    settings.priority = 6
    settings.displayAll = False
    settings.scaleVisibility = True
    settings.minimumScale = LABEL_SCALE
    settings.obstacleSettings().setIsObstacle(True)
    settings.dataDefinedProperties().setProperty(
        QgsPalLayerSettings.Show,
        QgsProperty.fromExpression(f'$id = minimum($id, group_by:="{field}")'))
    return QgsVectorLayerSimpleLabeling(settings)


def write_styles(dest: Path) -> list[Path]:
    """One QML per layer name in ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (fields, renderer) in STYLES.items():
        kind = {"DZZHD": "Point", "DL": "MultiLineString", "HL": "MultiLineString"}.get(
            name, "MultiPolygon")
        layer = QgsVectorLayer(f"{kind}?crs=EPSG:4547", name, "memory")
        layer.dataProvider().addAttributes([QgsField(f, QVariant.String) for f in fields])
        layer.updateFields()
        layer.setRenderer(renderer())
        if name in LABELLED:
            layer.setLabeling(project_labeling(LABELLED[name]))
            layer.setLabelsEnabled(True)
        path = dest / f"{name}.qml"
        save_style(layer, path)
        written.append(path)
    return written


def save_style(layer: QgsVectorLayer, path: Path) -> None:
    """Write ``layer``'s style to ``path`` without the label font's family: QGIS warns "Font
    … not available on system" on loading a style that names a font the machine lacks (the
    family of the machine that wrote it); without one, labels use the application's font,
    which also draws Chinese."""
    message, ok = layer.saveNamedStyle(str(path))
    if not ok:
        raise RuntimeError(f"{path}: {message}")
    text = path.read_text(encoding="utf-8")
    path.write_text(without_font_family(text), encoding="utf-8")


def without_font_family(text: str) -> str:
    """A style or project text whose label fonts name no family (see :func:`save_style`)."""
    return re.sub(r' fontFamily="[^"]*"', "", text)


def strip_project_fonts(qgz: Path) -> None:
    """The same for a .qgz: QGIS writes the family of the writing machine's default font
    (offscreen: one a desktop may lack) into each label style of the project."""
    import zipfile

    with zipfile.ZipFile(qgz) as archive:
        members = [(info, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(qgz, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            if info.filename.endswith(".qgs"):
                data = without_font_family(data.decode("utf-8")).encode("utf-8")
            archive.writestr(info, data)


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from sg_nr_plugin.paths import resource_path

    for p in write_styles(Path(sys.argv[1]) if len(sys.argv) > 1 else resource_path("styles")):
        print(p)
    app.exitQgis()
