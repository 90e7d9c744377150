"""Layer styles and the generated QGIS project, on the tiny fixture."""

from __future__ import annotations

import shutil

from .helpers import ROOT, TINY, TINY_GPKG, rows

STYLES = ROOT / "resources" / "styles"


def test_every_sample_layer_has_a_style_that_loads(qgis_app):
    from qgis.core import QgsVectorLayer

    from sgnr_sample.control import LAYER_FIELDS

    for name in ["DLTB", *LAYER_FIELDS, "XM_BCGD", "XM_KZST", "XM_KSXF"]:
        layer = QgsVectorLayer(f"{TINY_GPKG}|layername={name}", name, "ogr")
        assert layer.isValid(), name
        message, ok = layer.loadNamedStyle(str(STYLES / f"{name}.qml"))
        assert ok, (name, message)


def test_dltb_style_colours_every_class_of_the_fixture(qgis_app):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(f"{TINY_GPKG}|layername=DLTB", "DLTB", "ogr")
    layer.loadNamedStyle(str(STYLES / "DLTB.qml"))
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "DLBM"
    styled = {c.value() for c in renderer.categories()}
    present = {attrs["DLBM"] for attrs, _ in rows(TINY_GPKG, "DLTB")}
    assert present <= styled


def test_project_opens_with_every_layer_valid(qgis_app, tmp_path):
    from qgis.core import QgsProject

    from sgnr_sample.qgsproject import write_project

    for item in TINY.iterdir():
        if item.suffix in (".gpkg", ".tif", ".json"):
            shutil.copy(item, tmp_path / item.name)
    path = write_project(tmp_path, "tiny")
    project = QgsProject()
    assert project.read(str(path))
    layers = list(project.mapLayers().values())
    assert len(layers) == 19                     # 18 vector layers + the DEM
    assert all(layer.isValid() for layer in layers)
    dltb = project.mapLayersByName("地类图斑 DLTB (2023)")[0]
    assert dltb.renderer().type() == "categorizedSymbol"


def test_project_paths_are_relative(qgis_app, tmp_path):
    import zipfile

    from qgis.core import QgsProject

    from sgnr_sample.qgsproject import write_project

    for item in TINY.iterdir():
        if item.suffix in (".gpkg", ".tif"):
            shutil.copy(item, tmp_path / item.name)
    path = write_project(tmp_path, "tiny")
    with zipfile.ZipFile(path) as archive:
        qgs = next(n for n in archive.namelist() if n.endswith(".qgs"))
        text = archive.read(qgs).decode("utf-8")
    assert "./shaoguan_tiny.gpkg" in text and str(tmp_path) not in text
    # #18 review: the offscreen writer's default font ("DejaVu LGC Sans") was written into
    # each label style; the desktop lacks it and warned on opening the project
    assert "fontFamily=" not in text
    project = QgsProject()
    assert project.read(str(path))
    labelled = [layer for layer in project.mapLayers().values()
                if getattr(layer, "labelsEnabled", lambda: False)()]
    assert labelled, "the project layers are labelled"
