"""The mine-restoration check's own rules and figures on hand-built layers (areas from
pyproj.Geod, distances from the construction)."""

from __future__ import annotations

from datetime import date

import pytest

from sg_nr_plugin.core.checks.engine import create_run
from sg_nr_plugin.core.checks.mine import MINE
from sg_nr_plugin.core.checks.mine_fields import (
    LEGACY_ALIASES,
    RIGHTS_ALIASES,
    map_fields,
    normalise_mode,
    parse_date,
)
from sg_nr_plugin.core.checks.ruleset import builtin_ruleset
from tests.checks.helpers import (
    X0,
    Y0,
    close,
    dltb,
    inputs_for,
    layer,
    projects,
    rect_area,
    rect_wkt,
)

CHECK_DATE = date(2024, 6, 30)
SQUARE = (0, 0, 100, 100)


def line_wkt(x1: float, y1: float, x2: float, y2: float) -> str:
    return f"LINESTRING({X0 + x1} {Y0 + y1},{X0 + x2} {Y0 + y2})"


def point_wkt(x: float, y: float) -> str:
    return f"POINT({X0 + x} {Y0 + y})"


def mine_projects(rows):
    """``(project_id, rect, declared mode)`` rows with the sample's XFMS field."""
    return projects([(pid, rect_wkt(*rect), {"XFMS": mode}) for pid, rect, mode in rows],
                    {"XFMS": str})


def check(project_layer, mode_field="XFMS", **layers):
    inputs = inputs_for(project_layer, **layers)
    inputs.check_date = CHECK_DATE
    inputs.options = {"DECLARED_MODE": mode_field}
    run = create_run(inputs, MINE, builtin_ruleset("mine"))
    return run, {r.project_id: r for r in run.results()}


def by_rule(result, rule_id):
    return [f for f in result.findings if f.rule_id == rule_id]


def roads(rows):
    return layer("DL", [(wkt, {"DLMC": name, "DLDJ": grade}) for wkt, name, grade in rows],
                 {"DLMC": str, "DLDJ": str}, geometry="LineString")


def test_natural_recovery_900_m_from_an_expressway_is_flagged_1100_m_not(qgis_app):
    parcels = mine_projects([("NEAR", SQUARE, "自然恢复"),
                             ("FAR", (3000, 0, 3100, 100), "自然恢复"),
                             ("WORKS", (6000, 0, 6100, 100), "生态重建")])
    # The expressway runs 900 m north of NEAR and WORKS, 1100 m north of FAR; a county road
    # passes 50 m from FAR (county roads are not in the sight classes).
    road_layer = roads([(line_wkt(-500, 1000, 2500, 1000), "G4", "高速公路"),
                        (line_wkt(2500, 1200, 6500, 1200), "G4", "高速公路"),
                        (line_wkt(2900, -1000, 2900, 1000), "X1", "县道"),
                        (line_wkt(5900, 1000, 6500, 1000), "G4", "高速公路")])
    _, results = check(parcels, ROADS=road_layer)
    [flag] = by_rule(results["NEAR"], "mode_visibility")
    assert flag.severity == "warning" and close(flag.area_m2, rect_area(*SQUARE))
    assert "G4 (高速公路) 900 m" in flag.message_en and "engineering works" in flag.message_en
    assert "工程治理" in flag.message_zh
    assert results["NEAR"].quotas["suggested_mode"] == "工程治理"
    assert results["NEAR"].quotas["declared_mode"] == "自然恢复"
    assert not by_rule(results["FAR"], "mode_visibility")
    assert results["FAR"].quotas["suggested_mode"] == "自然恢复"
    assert results["FAR"].verdict == "pass"
    assert not by_rule(results["WORKS"], "mode_visibility")  # engineering works declared


def test_rivers_urban_boundary_and_provincial_protected_areas_are_in_sight(qgis_app):
    parcels = mine_projects([("RIVER", SQUARE, "1"), ("TOWN", (3000, 0, 3100, 100), "自然恢复"),
                             ("PARK", (6000, 0, 6100, 100), "自然恢复"),
                             ("CITYPARK", (9000, 0, 9100, 100), "自然恢复")])
    rivers = layer("HL", [(line_wkt(-500, 550, 500, 550), {"HLMC": "北江", "HLDJ": "干流"}),
                          (line_wkt(8500, 150, 9500, 150), {"HLMC": "小溪", "HLDJ": "支流"})],
                   {"HLMC": str, "HLDJ": str}, geometry="LineString")
    urban = layer("CZKFBJ", [(rect_wkt(3000, 1050, 3500, 1500), {})])
    protected = layer("ZRBHD", [
        (rect_wkt(6000, 1080, 6500, 1500), {"BHDMC": "A省级自然保护区", "JB": "省级",
                                            "GNFQ": "一般控制区"}),
        (rect_wkt(9000, 300, 9500, 500), {"BHDMC": "B市级自然保护区", "JB": "市级",
                                          "GNFQ": "一般控制区"})],
        {"BHDMC": str, "JB": str, "GNFQ": str})
    _, results = check(parcels, RIVERS=rivers, URBAN_BOUNDARY=urban, PROTECTED_AREAS=protected)
    assert "北江 (干流) 450 m" in by_rule(results["RIVER"], "mode_visibility")[0].message_en
    assert "URBAN_BOUNDARY 950 m" in by_rule(results["TOWN"], "mode_visibility")[0].message_en
    assert "A省级自然保护区 (省级) 980 m" in by_rule(results["PARK"],
                                                 "mode_visibility")[0].message_en
    # A tributary 50 m off and a city-level reserve 200 m off are not 三区两线.
    assert not by_rule(results["CITYPARK"], "mode_visibility")


def test_mining_right_expiring_the_day_before_is_a_warning_the_day_after_an_error(qgis_app):
    parcels = mine_projects([("BEFORE", SQUARE, "生态重建"),
                             ("AFTER", (300, 0, 400, 100), "生态重建"),
                             ("LAST", (600, 0, 700, 100), "生态重建"),
                             ("GONE", (900, 0, 1000, 100), "生态重建")])
    rights = layer("CKQ", [(rect_wkt(-50, 0, 50, 200), {"XKZH": "C1", "YXQZ": "2024/06/29"}),
                           (rect_wkt(350, 0, 450, 200), {"XKZH": "C2", "YXQZ": "20240701"}),
                           (rect_wkt(650, 0, 750, 200), {"XKZH": "C3", "YXQZ": "2024-06-30"}),
                           (rect_wkt(950, 0, 1050, 200), {"XKZH": "C4", "YXQZ": "2030-01-01",
                                                          "SCZT": "已注销"})],
                   {"XKZH": str, "YXQZ": str, "SCZT": str})
    _, results = check(parcels, MINING_RIGHTS=rights)
    [before] = by_rule(results["BEFORE"], "mining_right_valid")
    assert before.severity == "warning" and close(before.area_m2, rect_area(0, 0, 50, 100))
    assert "C1" in before.message_en and results["BEFORE"].verdict == "needs_fixing"
    [after] = by_rule(results["AFTER"], "mining_right_valid")
    assert after.severity == "error" and close(after.area_m2, rect_area(350, 0, 400, 100))
    assert results["AFTER"].verdict == "fail"
    [last] = by_rule(results["LAST"], "mining_right_valid")  # valid on its last day
    assert last.severity == "error"
    assert "仍有效的采矿权" in after.message_zh and "已过期或已注销的采矿权" in before.message_zh
    [gone] = by_rule(results["GONE"], "mining_right_valid")  # cancelled: not valid any more
    assert gone.severity == "warning"


@pytest.mark.parametrize("names", [
    {"tbbh": "tbbh", "zlzt": "zlzt", "xkzh": "XKZH", "yxqz": "YXQZ"},  # national, lower case
    {"tbbh": "TBBH", "zlzt": "ZLZT", "xkzh": "xkzh", "yxqz": "yxqz"},  # provincial, upper case
    {"tbbh": "图斑编号", "zlzt": "治理状态", "xkzh": "许可证号", "yxqz": "有效期止"},
])
def test_field_mapping_national_lower_and_provincial_upper_case(qgis_app, names):
    parcels = mine_projects([("P", (0, 0, 200, 100), "生态重建")])
    legacy = layer("LSYLKS", [(rect_wkt(-10, -10, 150, 110), {names["tbbh"]: "LS001",
                                                               names["zlzt"]: "A"})],
                   {names["tbbh"]: str, names["zlzt"]: str})
    rights = layer("CKQ", [(rect_wkt(0, 0, 50, 100), {names["xkzh"]: "C9",
                                                      names["yxqz"]: "2030-01-01"})],
                   {names["xkzh"]: str, names["yxqz"]: str})
    _, results = check(parcels, LEGACY_MINES=legacy, MINING_RIGHTS=rights)
    result = results["P"]
    [outside] = by_rule(result, "not_legacy_mine")
    assert outside.severity == "warning" and close(outside.area_m2, rect_area(150, 0, 200, 100))
    [valid] = by_rule(result, "mining_right_valid")
    assert "C9" in valid.message_en and "2030-01-01" in valid.message_en
    assert result.quotas["legacy_ids"] == "LS001" and result.quotas["legacy_parcels"] == 1
    # restored: on the legacy parcel, minus the part the valid right's holder restores
    assert close(result.quotas["restored_mine_m2"], rect_area(50, 0, 150, 100))
    mapped = map_fields(list(names.values()), {**LEGACY_ALIASES, **RIGHTS_ALIASES})
    assert mapped.get("tbbh") == names["tbbh"] and mapped.get("yxqz") == names["yxqz"]


def test_engineering_works_in_a_core_zone_and_hazards(qgis_app):
    parcels = mine_projects([("WORKS", SQUARE, "生态重建"),
                             ("NATURE", (300, 0, 400, 100), "自然恢复"),
                             ("HAZ150", (600, 0, 700, 100), "辅助再生"),
                             ("HAZ250", (900, 0, 1000, 100), "辅助再生")])
    protected = layer("ZRBHD", [(rect_wkt(-100, 60, 500, 300), {"GNFQ": "核心保护区",
                                                               "BHDMC": "X保护区"})],
                      {"GNFQ": str, "BHDMC": str})
    hazards = layer("DZZHD", [(point_wkt(650, -150), {"ZHDBH": "H1"}),
                              (point_wkt(950, -250), {"ZHDBH": "H2"})],
                    {"ZHDBH": str}, geometry="Point")
    _, results = check(parcels, PROTECTED_AREAS=protected, HAZARDS=hazards)
    [core] = by_rule(results["WORKS"], "core_zone")
    assert core.severity == "error" and close(core.area_m2, rect_area(0, 60, 100, 100))
    assert not by_rule(results["NATURE"], "core_zone")
    assert results["NATURE"].quotas["suggested_mode"] == "自然恢复"
    [hazard] = by_rule(results["HAZ150"], "hazard")
    assert hazard.severity == "warning" and "H1" in hazard.message_en
    assert results["HAZ150"].quotas["suggested_mode"] == "工程治理"
    assert not by_rule(results["HAZ250"], "hazard")


def test_missing_inputs_are_not_checked(qgis_app):
    parcels = mine_projects([("P", SQUARE, "自然恢复")])
    run, results = check(parcels, mode_field=None)
    assert {"mining_right_valid", "not_legacy_mine", "mode_visibility", "core_zone",
            "hazard"} <= set(run.not_checked)
    assert results["P"].quotas["restored_mine_m2"] is None


def test_values_parsed():
    assert parse_date("2024年6月30日") == date(2024, 6, 30) == parse_date("20240630")
    assert parse_date("") is None and parse_date("2024-02-30") is None
    assert normalise_mode("1") == "自然恢复" and normalise_mode("4 转型利用") == "转型利用"


def _geographic(source):
    """A copy of a hand-built EPSG:4547 memory layer in EPSG:4490 (degrees)."""
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsCoordinateTransform,
        QgsProject,
        QgsVectorLayer,
    )

    kind = {0: "Point", 1: "LineString", 2: "Polygon"}[source.geometryType()]
    target = QgsVectorLayer(f"{kind}?crs=EPSG:4490", source.name(), "memory")
    target.dataProvider().addAttributes(source.fields().toList())
    target.updateFields()
    transform = QgsCoordinateTransform(source.crs(), QgsCoordinateReferenceSystem("EPSG:4490"),
                                       QgsProject.instance())
    features = []
    for feature in source.getFeatures():
        geometry = feature.geometry()
        geometry.transform(transform)
        feature.setGeometry(geometry)
        features.append(feature)
    target.dataProvider().addFeatures(features)
    return target


def test_distances_in_metres_when_the_layers_are_geographic(qgis_app):
    from qgis.core import QgsCoordinateReferenceSystem

    parcels = _geographic(mine_projects([("NEAR", SQUARE, "自然恢复"),
                                         ("FAR", (3000, 0, 3100, 100), "自然恢复")]))
    road_layer = _geographic(roads([(line_wkt(-500, 1000, 2500, 1000), "G4", "高速公路"),
                                    (line_wkt(2500, 1200, 6500, 1200), "G4", "高速公路")]))
    inputs = inputs_for(parcels, ROADS=road_layer)
    inputs.crs = QgsCoordinateReferenceSystem("EPSG:4490")
    inputs.options = {"DECLARED_MODE": "XFMS"}
    results = {r.project_id: r for r in create_run(inputs, MINE, builtin_ruleset("mine")).results()}
    [flag] = by_rule(results["NEAR"], "mode_visibility")
    assert "G4 (高速公路) 900 m" in flag.message_en
    assert close(flag.area_m2, rect_area(*SQUARE), rel=1e-6)
    assert not by_rule(results["FAR"], "mode_visibility")


def test_survey_river_surface_stands_in_for_a_missing_river_layer(qgis_app):
    parcels = mine_projects([("RIVER", SQUARE, "自然恢复"),
                             ("DRY", (3000, 0, 3100, 100), "自然恢复")])
    survey = dltb([(rect_wkt(-100, -100, 200, 200), "0602", 0.0),
                   (rect_wkt(-100, 600, 200, 700), "1101", 0.0),  # 500 m north of RIVER
                   (rect_wkt(2900, -100, 3200, 200), "0602", 0.0),
                   (rect_wkt(2900, 620, 3200, 700), "1101", 0.0)])  # 520 m north of DRY
    _, results = check(parcels, DLTB=survey)
    [flag] = by_rule(results["RIVER"], "mode_visibility")
    assert "DLTB 1101 500 m" in flag.message_en
    assert not by_rule(results["DRY"], "mode_visibility")


def _dem(path, ridge: tuple[float, float, float, float] | None):
    """A 10 m GeoTIFF DEM (EPSG:4547) at 100 m, with a 100 m high ridge over ``ridge``."""
    import numpy as np
    from osgeo import gdal, osr
    from qgis.core import QgsRasterLayer

    x_min, y_max, cell, cols, rows = X0 - 1000, Y0 + 2000, 10.0, 600, 300
    z = np.full((rows, cols), 100.0, dtype=np.float32)
    if ridge:
        x1, y1, x2, y2 = ridge
        z[int((2000 - y2) / cell):int((2000 - y1) / cell),
          int((x1 + 1000) / cell):int((x2 + 1000) / cell)] = 200.0
    dataset = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal.GDT_Float32)
    dataset.SetGeoTransform((x_min, cell, 0, y_max, 0, -cell))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    dataset.SetProjection(srs.ExportToWkt())
    dataset.GetRasterBand(1).WriteArray(z)
    dataset = None
    return QgsRasterLayer(str(path), "dem")


@pytest.mark.parametrize("ridge", [True, False])
def test_with_a_dem_a_ridge_hides_the_site_from_the_road(qgis_app, tmp_path, ridge):
    parcels = mine_projects([("OPEN", SQUARE, "自然恢复"),
                             ("HIDDEN", (3000, 0, 3100, 100), "自然恢复")])
    road_layer = roads([(line_wkt(-500, 1000, 4000, 1000), "S1", "省道")])
    dem = _dem(tmp_path / "dem.tif", ridge=(2400, 500, 3700, 540) if ridge else None)
    inputs = inputs_for(parcels, ROADS=road_layer)
    inputs.dem, inputs.options = dem, {"DECLARED_MODE": "XFMS"}
    results = {r.project_id: r for r in create_run(inputs, MINE, builtin_ruleset("mine")).results()}
    assert by_rule(results["OPEN"], "mode_visibility")
    assert bool(by_rule(results["HIDDEN"], "mode_visibility")) is not ridge
    assert results["HIDDEN"].quotas["suggested_mode"] == ("自然恢复" if ridge else "工程治理")
