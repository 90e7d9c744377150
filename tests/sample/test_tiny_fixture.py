"""Acceptance of the committed ``data/tiny`` fixture (issue 4), checked without the generator's
own measuring code: OGR/GEOS overlays, pyproj geodesic areas, the DEM read back from disk."""

from __future__ import annotations

import json
from collections import defaultdict

import numpy as np
import pytest
from osgeo import ogr

from .helpers import RULES, TINY, TINY_GPKG, geodesic_area, rows, slope_grid

LAYERS = ["DLTB", "DLTB_2020", "STBHHX", "YJJBNT", "ZRBHD", "CZKFBJ", "GYL", "JZKKPD", "DZZHD",
          "CKQ", "LSYLKS", "DL", "HL", "SJGZ", "JSZY", "XM_BCGD", "XM_KZST", "XM_KSXF"]


@pytest.fixture(scope="module")
def dltb():
    return rows(TINY_GPKG, "DLTB")


@pytest.fixture(scope="module")
def truth():
    with open(TINY / "ground_truth.json", encoding="utf-8") as handle:
        return json.load(handle)


def test_fixture_is_small_and_complete():
    total = sum(p.stat().st_size for p in TINY.iterdir())
    assert total < 1_000_000
    ds = ogr.Open(str(TINY_GPKG))
    names = {ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())}
    assert set(LAYERS) <= names
    for name in LAYERS:
        assert ds.GetLayerByName(name).GetFeatureCount() > 0, name
        assert ds.GetLayerByName(name).GetSpatialRef().GetAuthorityCode(None) == "4547"


def test_tessellation_has_no_gaps_or_overlaps(qgis_app, dltb):
    """Per county: union area = county area = sum of parcel areas, within 1 m²."""
    from sgnr_sample.config import SCALES
    from sgnr_sample.geo import load_regions

    scale = SCALES["tiny"]
    regions = {r.code: r.geom for r in load_regions(scale.counties, scale.window)}
    by_county = defaultdict(list)
    for attrs, geom in dltb:
        by_county[attrs["ZLDWDM"][:6]].append(geom)
    assert set(by_county) == set(regions)
    for code, geoms in by_county.items():
        multi = ogr.Geometry(ogr.wkbMultiPolygon)
        for g in geoms:
            for i in range(g.GetGeometryCount()):
                multi.AddGeometry(g.GetGeometryRef(i))
        union = multi.UnionCascaded()
        county = regions[code].GetArea()
        assert abs(union.GetArea() - county) < 1.0, code                       # no gap
        assert abs(sum(g.GetArea() for g in geoms) - county) < 1.0, code      # no overlap
        assert union.SymDifference(regions[code]).GetArea() < 1.0, code


def test_every_dltb_row_is_consistent(dltb):
    for attrs, geom in dltb:
        tbmj, kcxs, kcmj, tbdlmj = attrs["TBMJ"], attrs["KCXS"], attrs["KCMJ"], attrs["TBDLMJ"]
        label = attrs["BSM"]
        # 2 decimals, plus the engine's straight-in-projection edges vs pyproj's geodesic edges
        # (about 1e-7 relative on parcels of 10+ ha)
        assert abs(tbmj - geodesic_area(geom)) < 0.005 + 2e-7 * tbmj, label
        assert kcmj == pytest.approx(round(tbmj * kcxs, 2), abs=1e-9), label
        assert tbdlmj == pytest.approx(round(tbmj - kcmj, 2), abs=1e-9), label
        assert len(attrs["ZLDWDM"]) == 19 and attrs["ZLDWDM"].endswith("0000000"), label
        assert attrs["ZLDWDM"][:6] in ("440204", "440205"), label
        cultivated = attrs["DLBM"] in ("0101", "0102", "0103")
        assert (attrs["GDPDJB"] in ("1", "2", "3", "4", "5")) == cultivated, label
        assert (attrs["KCDLBM"] == "1203") == (kcxs > 0), label
        if kcxs > 0:
            assert cultivated and attrs["GDLX"] in ("TT", "PD"), label
        assert attrs["SJNF"] == 2023


def test_core_detects_the_dltb_fields(qgis_app):
    from qgis.core import QgsVectorLayer

    from sg_nr_plugin.core.fields import detect_dltb_fields

    layer = QgsVectorLayer(f"{TINY_GPKG}|layername=DLTB", "DLTB", "ogr")
    fields = detect_dltb_fields(layer.fields())
    for name in ("bsm", "dlbm", "zldwdm", "tbmj", "kcxs", "kcmj", "tbdlmj", "gdpdjb", "czcsxm"):
        assert getattr(fields, name) == name.upper()


def test_slope_grades_agree_with_the_dem(dltb):
    """GDPDJB of each cultivated parcel is the grade of a DEM cell inside it."""
    slope, gt = slope_grid(TINY / "dem.tif")
    grades = 1 + np.searchsorted([2.0, 6.0, 15.0, 25.0], slope, side="left")
    checked = 0
    for attrs, geom in dltb:
        if not attrs["GDPDJB"]:
            continue
        x0, x1, y0, y1 = geom.GetEnvelope()
        cols = np.arange(int((x0 - gt[0]) / gt[1]), int((x1 - gt[0]) / gt[1]) + 1)
        rws = np.arange(int((gt[3] - y1) / gt[1]), int((gt[3] - y0) / gt[1]) + 1)
        inside = set()
        for r in rws:
            for c in cols:
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(gt[0] + (c + 0.5) * gt[1], gt[3] - (r + 0.5) * gt[1])
                if geom.Contains(point):
                    inside.add(int(grades[r, c]))
        if inside:
            checked += 1
            assert min(inside) <= int(attrs["GDPDJB"]) <= max(inside), attrs["BSM"]
    assert checked > 20


def _group(code: str) -> str:
    base = code.rstrip("K")
    if base.startswith("01"):
        return "cultivated"
    if base.startswith("02"):
        return "garden"
    if base in ("0301", "0302", "0305", "0307"):
        return "forest"
    if base in ("0401", "0403", "0404"):
        return "grassland"
    if base in ("1101", "1102", "1103", "1104", "1107"):
        return "water"
    if base in ("0303", "0304", "0306", "0402", "1105", "1106", "1108"):
        return "wetland"
    if base[:2] in ("05", "06", "07", "08", "09") or base in ("1001", "1003", "1004", "1201"):
        return "construction"
    return "other"


def test_class_shares_hit_the_stated_targets(dltb):
    from sgnr_sample.config import TINY_TARGETS

    area = defaultdict(float)
    for attrs, _ in dltb:
        area[_group(attrs["DLBM"])] += attrs["TBMJ"]
    total = sum(area.values())
    for group, target in TINY_TARGETS.items():
        assert abs(100 * area[group] / total - target) <= 3.0, group
    codes = {attrs["DLBM"] for attrs, _ in dltb}
    assert {"0602", "1203"} - codes == {"1203"}           # mining land present; 1203 only as KCDLBM
    assert any(c.endswith("K") for c in codes)
    czcs = {attrs["CZCSXM"] for attrs, _ in dltb}
    assert {"201", "202", "203", "204"} <= czcs, czcs


def test_ground_truth_covers_every_rule_of_the_check_issues(truth):
    planted = defaultdict(set)
    for project in truth["projects"]:
        check = project["check"].split(":")[1].replace("check", "")
        planted[check] |= {c["rule_id"] for c in project["planted"] if not c["incidental"]}
    assert planted["farmland"] >= RULES["farmland"]
    assert planted["paddy"] >= RULES["paddy"]
    assert planted["mine"] >= RULES["mine"]
    assert set(truth["rule_ids"]) >= set().union(*RULES.values())
    for layer in ("XM_BCGD", "XM_KZST", "XM_KSXF"):
        clean = [p for p in truth["projects"] if p["layer"] == layer and p["clean"]]
        assert len(clean) >= 2, layer


def test_ground_truth_matches_the_project_layers(truth):
    mu = 10000.0 / 15.0
    for layer in ("XM_BCGD", "XM_KZST", "XM_KSXF"):
        declared = defaultdict(float)
        for attrs, _geom in rows(TINY_GPKG, layer):
            declared[attrs["XMBH"]] += attrs["SBMJ"]
        expected = {p["project_id"]: p for p in truth["projects"] if p["layer"] == layer}
        assert set(declared) == set(expected)
        for xmbh, value in declared.items():
            assert value == pytest.approx(expected[xmbh]["declared_mu"], abs=1e-3)
            mismatch = any(c["rule_id"] == "area_mismatch" for c in expected[xmbh]["planted"])
            ratio = value * mu / expected[xmbh]["area_m2"]
            if mismatch:
                assert ratio == pytest.approx(1.10, rel=1e-3), xmbh
            elif not any(c["rule_id"] == "geometry" for c in expected[xmbh]["planted"]):
                assert ratio == pytest.approx(1.0, rel=1e-5), xmbh


def test_ground_truth_areas_agree_with_the_plugin_area_engine(qgis_app, truth):
    """Redline / protected / forest / boundary areas re-measured with QGIS geometry and the
    plugin's own engine agree with the truth (pyproj) to 1e-6 relative."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

    from sg_nr_plugin.core.area import EllipsoidalArea

    engine = EllipsoidalArea(QgsCoordinateReferenceSystem("EPSG:4547"))

    def qgs(geom):
        g = QgsGeometry()
        g.fromWkb(bytes(geom.ExportToWkb()))
        return g

    layer_of = {"eco_redline": "STBHHX", "protected_area": "ZRBHD", "public_forest": "GYL",
                "urban_boundary": "CZKFBJ"}
    overlays = {name: QgsGeometry.unaryUnion([qgs(g) for _, g in rows(TINY_GPKG, name)])
                for name in layer_of.values()}
    checked = 0
    for project in truth["projects"]:
        parcels = [qgs(g) for a, g in rows(TINY_GPKG, project["layer"])
                   if a["XMBH"] == project["project_id"]]
        geom = QgsGeometry.unaryUnion([p.makeValid() for p in parcels])
        for case in project["planted"]:
            if case["rule_id"] in layer_of and case["area_m2"]:
                area = engine.measure(geom.intersection(overlays[layer_of[case["rule_id"]]]))
                assert area == pytest.approx(case["area_m2"], rel=1e-6), project["project_id"]
                checked += 1
    assert checked >= 6


def test_planted_ridge_is_steep_in_the_dem(truth):
    slope, gt = slope_grid(TINY / "dem.tif")
    for project in truth["projects"]:
        if not any(c["rule_id"] in ("steep_slope", "slope") for c in project["planted"]):
            continue
        geom = [g for a, g in rows(TINY_GPKG, project["layer"])
                if a["XMBH"] == project["project_id"]][0]
        x0, x1, y0, y1 = geom.GetEnvelope()
        window = slope[int((gt[3] - y1) / gt[1]):int((gt[3] - y0) / gt[1]) + 1,
                       int((x0 - gt[0]) / gt[1]):int((x1 - gt[0]) / gt[1]) + 1]
        assert window.max() > 25.0, project["project_id"]


def test_every_ground_truth_area_is_remeasured_by_qgis(qgis_app, truth):
    """Each area of the truth, rebuilt from the layers on disk with QGIS geometry and the
    plugin's area engine (not the generator's GEOS + pyproj path), to 1e-6 relative."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

    from sg_nr_plugin.core.area import EllipsoidalArea

    engine = EllipsoidalArea(QgsCoordinateReferenceSystem("EPSG:4547"))
    date = truth["check_date"].replace("-", "/")

    def qgs(geom):
        g = QgsGeometry()
        g.fromWkb(bytes(geom.ExportToWkb()))
        return g

    def union(layer, keep=lambda a: True):
        return QgsGeometry.unaryUnion([qgs(g) for a, g in rows(TINY_GPKG, layer) if keep(a)])

    dltb = [(a, qgs(g)) for a, g in rows(TINY_GPKG, "DLTB")]
    survey = QgsGeometry.unaryUnion([g for _, g in dltb])
    projects = {}
    for layer in ("XM_BCGD", "XM_KZST", "XM_KSXF"):
        for a, g in rows(TINY_GPKG, layer):
            projects.setdefault(a["XMBH"], []).append(qgs(g).makeValid())
    projects = {k: QgsGeometry.unaryUnion(v) for k, v in projects.items()}

    def under(geom, codes, net=False):
        total = 0.0
        for a, g in dltb:
            if a["DLBM"] in codes and g.intersects(geom):
                total += engine.measure(g.intersection(geom)) * ((1 - a["KCXS"]) if net else 1)
        return total

    water = {"1101", "1103", "1104", "1104K", "1107", "1106", "1001", "1003", "1004", "1006"}
    paddy_ok = {"0101", "0102", "0103", "0201", "0202", "0204", "0201K", "0307", "0404", "1202",
                "1206"}
    all_codes = {a["DLBM"] for a, _ in dltb}
    measure = {
        "eco_redline": lambda p, g, s: engine.measure(g.intersection(union("STBHHX"))),
        "protected_area": lambda p, g, s: engine.measure(g.intersection(union("ZRBHD"))),
        "public_forest": lambda p, g, s: engine.measure(g.intersection(union("GYL"))),
        "urban_boundary": lambda p, g, s: engine.measure(g.intersection(union("CZKFBJ"))),
        "core_zone": lambda p, g, s: engine.measure(g.intersection(
            union("ZRBHD", lambda a: a["GNFQ"] == "核心保护区"))),
        "steep_slope": lambda p, g, s: engine.measure(g.intersection(union("JZKKPD"))),
        "slope": lambda p, g, s: engine.measure(g.intersection(union("JZKKPD"))),
        "mining_right_valid": lambda p, g, s: engine.measure(g.intersection(union(
            "CKQ", lambda a: (a["YXQZ"] >= date) == (s == "error")))),
        "not_legacy_mine": lambda p, g, s: engine.measure(g.difference(union("LSYLKS"))),
        "outside_survey": lambda p, g, s: engine.measure(g.difference(survey)),
        "duplicate_project": lambda p, g, s: engine.measure(g.intersection(
            projects[p + "B"] if p + "B" in projects else projects[p[:-1]])),
        "existing_cultivated": lambda p, g, s: under(g, {"0101", "0102", "0103"}, net=True),
        "existing_paddy": lambda p, g, s: under(g, {"0101"}),
        "source_class": lambda p, g, s: under(
            g, water if p.startswith("BCGD") else all_codes - paddy_ok),
        "contiguity": lambda p, g, s: engine.measure(g),
    }
    checked = set()
    for project in truth["projects"]:
        geom = projects[project["project_id"]]
        for case in project["planted"]:
            rule = case["rule_id"]
            if case["area_m2"] is None or rule not in measure:
                continue
            expected = measure[rule](project["project_id"], geom, case["severity"])
            assert expected == pytest.approx(case["area_m2"], rel=1e-6), (project["project_id"],
                                                                         rule)
            checked.add(rule)
    assert checked == set(measure)          # every kind of area was re-measured at least once


def test_paddy_projects_have_water_nearby_unless_planted_otherwise(truth):
    """Irrigation water (DLTB 1101/1103/1104/1107 or a river line) within 500 m of every paddy
    project, except the one planted for ``water_source``, which has none."""
    water = [g for a, g in rows(TINY_GPKG, "DLTB")
             if a["DLBM"].rstrip("K") in ("1101", "1103", "1104", "1107")]
    water += [g for _, g in rows(TINY_GPKG, "HL")]
    parcels = rows(TINY_GPKG, "XM_KZST")
    for project in truth["projects"]:
        if project["layer"] != "XM_KZST":
            continue
        geoms = [g for a, g in parcels if a["XMBH"] == project["project_id"]]
        nearest = min(w.Distance(g) for w in water for g in geoms)
        planted = {c["rule_id"] for c in project["planted"]}
        assert (nearest > 500.0) == ("water_source" in planted), project["project_id"]
