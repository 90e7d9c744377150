"""The ready-made QGIS project of a generated data set: every layer styled, in groups."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsHillshadeRenderer,
    QgsProject,
    QgsRasterLayer,
    QgsReferencedRectangle,
    QgsVectorLayer,
)

from sg_nr_plugin.paths import resource_path

from .config import SCALES, WORK_CRS
from .styles import strip_project_fonts

# (group, [(layer, display name, visible)]) from the top of the legend down
GROUPS = [
    ("核查项目 Projects", [("XM_BCGD", "补充耕地项目 XM_BCGD", True),
                          ("XM_KZST", "垦造水田项目 XM_KZST", True),
                          ("XM_KSXF", "矿山修复项目 XM_KSXF", True)]),
    ("管控要素 Controls", [("DZZHD", "地质灾害点 DZZHD", True), ("DL", "道路 DL", True),
                         ("HL", "河流 HL", True), ("CKQ", "采矿权 CKQ", True),
                         ("LSYLKS", "历史遗留矿山 LSYLKS", True),
                         ("CZKFBJ", "城镇开发边界 CZKFBJ", True),
                         ("STBHHX", "生态保护红线 STBHHX", True),
                         ("ZRBHD", "自然保护地 ZRBHD", False), ("GYL", "公益林 GYL", False),
                         ("JZKKPD", "禁止开垦陡坡地 JZKKPD", False),
                         ("YJJBNT", "永久基本农田 YJJBNT", False),
                         ("SJGZ", "三旧改造 SJGZ", False), ("JSZY", "建设占用 JSZY", False)]),
    ("三调 Land survey", [("DLTB", "地类图斑 DLTB (2023)", True),
                          ("DLTB_2020", "地类图斑 DLTB_2020", False)]),
]


def write_project(out: Path, scale_name: str) -> Path:
    """Write ``out/<scale>.qgz`` next to the GeoPackage, with relative paths."""
    gpkg = out / SCALES[scale_name].gpkg
    project = QgsProject()
    project.setCrs(QgsCoordinateReferenceSystem(WORK_CRS))
    project.setTitle(f"韶关三调样例数据 ({scale_name}, synthetic)")
    project.writeEntryBool("Paths", "/Absolute", False)
    root = project.layerTreeRoot()
    extent = None
    for group_name, layers in GROUPS:
        group = root.addGroup(group_name)
        for name, title, visible in layers:
            layer = QgsVectorLayer(f"{gpkg}|layername={name}", title, "ogr")
            if not layer.isValid():
                continue
            style = resource_path("styles", ("DLTB" if name == "DLTB_2020" else name) + ".qml")
            if style.exists():
                layer.loadNamedStyle(str(style))
            project.addMapLayer(layer, False)
            group.addLayer(layer).setItemVisibilityChecked(visible)
            if name == "DLTB":
                extent = layer.extent()
    dem = QgsRasterLayer(str(out / "dem.tif"), "DEM 高程", "gdal")
    if dem.isValid():
        dem.setRenderer(QgsHillshadeRenderer(dem.dataProvider(), 1, 315.0, 45.0))
        dem.renderer().setOpacity(0.35)
        project.addMapLayer(dem, False)
        root.addGroup("底图 Base").addLayer(dem)
    if extent is not None:
        project.viewSettings().setDefaultViewExtent(
            QgsReferencedRectangle(extent, project.crs()))
    target = out / f"{scale_name}.qgz"
    partial = out / f"{scale_name}.part.qgz"
    if not project.write(str(partial)):
        raise RuntimeError(f"cannot write {partial}: {project.error()}")
    strip_project_fonts(partial)
    partial.replace(target)
    return target
