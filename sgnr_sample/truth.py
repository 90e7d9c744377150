"""Project layers on disk and the ground truth: planted rule ids and expected areas.

Expected areas are measured here, independently of the plugin: OGR (GEOS) overlays of the
construction geometry with the layers as written, and pyproj's geodesic area on the CGCS2000
ellipsoid. Overlapping control pieces are dissolved first, so nothing counts twice.
"""

from __future__ import annotations

from osgeo import ogr

from . import classes as lc
from .config import CHECK_DATE, Scale
from .geo import geodesic_area, union_all

MU_M2 = 10000.0 / 15.0
PROJECT_FIELDS = [
    ("XMBH", "str", 30, 0, "项目编号"), ("XMMC", "str", 80, 0, "项目名称"),
    ("DKBH", "str", 40, 0, "地块编号"), ("XZQDM", "str", 6, 0, "行政区代码"),
    ("SBMJ", "real", 15, 4, "申报面积（亩）"), ("GHDL", "str", 5, 0, "规划地类"),
    ("XFMS", "str", 10, 0, "修复方式"), ("LXNF", "int", 4, 0, "立项年份"),
    ("ZT", "str", 10, 0, "状态"),
]
LAYER_OF_RULE = {"eco_redline": "STBHHX", "protected_area": "ZRBHD", "core_zone": "ZRBHD",
                 "public_forest": "GYL", "urban_boundary": "CZKFBJ", "steep_slope": "JZKKPD",
                 "slope": "JZKKPD", "mining_right_valid": "CKQ"}
FORBIDDEN = {"farmland": set(lc.GROUPS["water"]) | set(lc.GROUPS["wetland"])
             | {"1001", "1003", "1004", "1006"},
             "paddy": None}
PADDY_ALLOWED = {"0102", "0103", "0201", "0202", "0204", "0201K", "0307", "0404", "1202", "1206"}
GROUP_TITLE = {"farmland": "sgnr:checkfarmland", "paddy": "sgnr:checkpaddy",
               "mine": "sgnr:checkmine"}


def write_projects(gpkg, plan) -> None:
    for check, layer in (("farmland", "XM_BCGD"), ("paddy", "XM_KZST"), ("mine", "XM_KSXF")):
        rows = []
        for project in (p for p in plan.projects if p.check == check):
            for k, parcel in enumerate(project.parcels):
                declared = geodesic_area(parcel.MakeValid()) * project.declared_factor / MU_M2
                rows.append((parcel, [project.xmbh, project.name, f"{project.xmbh}-{k + 1}",
                                      project.county, round(declared, 4),
                                      "" if check == "mine" else project.planned,
                                      project.mode, project.year, project.status]))
        gpkg.write(layer, "polygon", PROJECT_FIELDS, rows)


def _overlaps(a: tuple, b: tuple) -> bool:
    return a[0] <= b[1] and b[0] <= a[1] and a[2] <= b[3] and b[2] <= a[3]


def _dissolved(features, keep=None, near: ogr.Geometry | None = None) -> ogr.Geometry:
    """Union of the features (those passing ``keep``; only those whose envelope meets
    ``near`` when given — the overlay is then the same, and much cheaper)."""
    box = near.GetEnvelope() if near is not None else None
    return union_all([g for g, values in features if (keep is None or keep(values))
                      and (box is None or _overlaps(g.GetEnvelope(), box))])


def ground_truth(plan, natural, regions, scale: Scale, seed: int, engine: str, dem) -> dict:
    layers = {name: natural.features.get(name, []) + plan.pieces.get(name, [])
              for name in set(natural.features) | set(plan.pieces)}
    covered = union_all([r.geom for r in regions])
    twins = {p.xmbh: p for p in plan.projects}
    out = []
    for project in plan.projects:
        geom = project.geometry()
        under = plan.under.get(project.xmbh, {})
        entry = {"layer": project.layer, "check": GROUP_TITLE[project.check],
                 "project_id": project.xmbh, "name": project.name, "county": project.county,
                 "area_m2": round(geodesic_area(geom), 4),
                 "declared_mu": round(sum(geodesic_area(p.MakeValid()) for p in project.parcels)
                                      * project.declared_factor / MU_M2, 4),
                 "source_classes_m2": {k: round(v[0], 4) for k, v in sorted(under.items())},
                 "clean": not project.planted, "planted": []}
        if project.mode:
            entry["declared_mode"] = project.mode
        planted = {(c["rule_id"], c["severity"]) for c in project.planted}
        found = _detect(project, geom, layers, covered, under)
        if project.check == "paddy":
            _paddy_slope(found, plan.grades.get(project.xmbh, 0), _max_slope(dem, geom))
        for rule, severity in sorted(planted | set(found), key=str):
            if (rule, severity) in found:   # None: a rule without an area (DEM slope, hazard)
                area = found[(rule, severity)]
            else:
                area = _area(rule, severity, project, geom, layers, covered, twins, under)
            entry["planted"].append({"rule_id": rule, "severity": severity,
                                     "area_m2": None if area is None else round(area, 4),
                                     "incidental": (rule, severity) not in planted})
        entry["clean"] = not entry["planted"]
        if entry["clean"]:
            entry["expected_verdict"] = "通过"
        out.append(entry)
    rule_ids = sorted({c["rule_id"] for e in out for c in e["planted"]})
    return {"scale": scale.name, "seed": seed, "crs": "EPSG:4547", "check_date": CHECK_DATE,
            "slope_limits_deg": {"paddy_warning": 15.0, "paddy_error": 25.0,
                                 "farmland_error": 25.0},
            "area_engine_for_TBMJ": engine,
            "area_method": "OGR/GEOS overlay of the construction geometry, pyproj Geod "
                           "(CGCS2000 ellipsoid) area; overlapping control pieces dissolved",
            "rule_ids": rule_ids, "projects": out}


AUTO = {
    "farmland": [("eco_redline", "error"), ("protected_area", "error"), ("public_forest", "error"),
                 ("urban_boundary", "warning"), ("steep_slope", "error"),
                 ("existing_cultivated", "warning"), ("source_class", "error"),
                 ("outside_survey", None)],
    "paddy": [("eco_redline", "error"), ("protected_area", "error"), ("public_forest", "error"),
              ("urban_boundary", "warning"), ("slope", "error"), ("existing_paddy", "warning"),
              ("source_class", "error"), ("outside_survey", None), ("hazard", "error"),
              ("contiguity", "warning")],
    "mine": [("eco_redline", "info"), ("core_zone", "error"), ("mining_right_valid", "error"),
             ("mining_right_valid", "warning"), ("not_legacy_mine", "warning"),
             ("outside_survey", None), ("hazard", "warning")],
}
HAZARD_BUFFER_M = 200.0
# paddy contiguity (gd_paddy.json): parcels up to 5 m apart are one block; blocks under 50 mu
BLOCK_GAP_M, MIN_BLOCK_MU = 5.0, 50.0


def _detect(project, geom, layers, covered, under) -> dict:
    """Every rule the data make true for this project, planted or not (areas > 0.01 m²)."""
    found = {}
    for rule, severity in AUTO[project.check]:
        if rule == "hazard":
            near = [g for g, _ in layers.get("DZZHD", []) if g.Distance(geom) <= HAZARD_BUFFER_M]
            if near:
                found[(rule, severity)] = None
            continue
        area = _area(rule, severity, project, geom, layers, covered, {}, under)
        if area is not None and area > 0.01:
            found[(rule, severity)] = area
    return found


def _max_slope(dem, geom: ogr.Geometry) -> float:
    """Steepest DEM cell whose centre lies in the project (its centroid's cell if none)."""
    x0, x1, y0, y1 = geom.GetEnvelope()
    c0, c1 = int((x0 - dem.x0) / dem.res), int((x1 - dem.x0) / dem.res) + 1
    r0, r1 = int((dem.y1 - y1) / dem.res), int((dem.y1 - y0) / dem.res) + 1
    best = float(dem.sample(dem.slope, *geom.Centroid().GetPoint()[:2]))
    for r in range(max(r0, 0), min(r1, dem.slope.shape[0])):
        for c in range(max(c0, 0), min(c1, dem.slope.shape[1])):
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(dem.x0 + (c + 0.5) * dem.res, dem.y1 - (r + 0.5) * dem.res)
            if geom.Contains(point):
                best = max(best, float(dem.slope[r, c]))
    return best


def _paddy_slope(found: dict, grade: int, max_slope: float) -> None:
    """Paddy ``slope``: GDPDJB 5 or DEM > 25° is an error, GDPDJB 4 or DEM > 15° a warning."""
    if grade >= 5 or max_slope > 25.0:
        found.setdefault(("slope", "error"), None)
    elif grade == 4 or max_slope > 15.0:
        found.setdefault(("slope", "warning"), None)


def _area(rule, severity, project, geom, layers, covered, twins, under):
    if rule in LAYER_OF_RULE:
        features = layers.get(LAYER_OF_RULE[rule], [])
        keep = None
        if rule == "core_zone":
            keep = lambda v: v[4] == "核心保护区"  # noqa: E731
        elif rule == "mining_right_valid":
            valid = severity == "error"
            keep = lambda v: (str(v[4]) >= CHECK_DATE) == valid  # noqa: E731
        return geodesic_area(geom.Intersection(_dissolved(features, keep, geom)))
    if rule == "existing_cultivated":
        return sum(v[1] for k, v in under.items() if k in lc.GROUPS["cultivated"])
    if rule == "existing_paddy":
        return sum(v[0] for k, v in under.items() if k == "0101")
    if rule == "source_class":
        if project.check == "farmland":
            return sum(v[0] for k, v in under.items() if k in FORBIDDEN["farmland"])
        return sum(v[0] for k, v in under.items() if k not in PADDY_ALLOWED | {"0101"})
    if rule == "outside_survey":
        return geodesic_area(geom.Difference(geom.Intersection(covered)))
    if rule == "not_legacy_mine":
        return geodesic_area(geom.Difference(_dissolved(layers.get("LSYLKS", []), None, geom)))
    if rule == "duplicate_project":
        other = twins.get(project.xmbh + "B") or twins.get(project.xmbh[:-1])
        return geodesic_area(geom.Intersection(other.geometry())) if other else None
    if rule == "contiguity":
        return _small_blocks_area(project, geom)
    return None


def _small_blocks_area(project, geom: ogr.Geometry) -> float | None:
    """Area of the project's blocks under the minimum (None when every block is large
    enough); the whole project when every block is small."""
    grown = union_all([p.MakeValid().Buffer(BLOCK_GAP_M / 2, 4) for p in project.parcels])
    parts = [grown.GetGeometryRef(k) for k in range(grown.GetGeometryCount())] \
        if grown.GetGeometryType() == ogr.wkbMultiPolygon else [grown]
    blocks = [geom.Intersection(part) for part in parts]
    small = [b for b in blocks if geodesic_area(b) / MU_M2 < MIN_BLOCK_MU]
    if not small:
        return None
    if len(small) == len(blocks):
        return geodesic_area(geom)
    return geodesic_area(union_all(small))
