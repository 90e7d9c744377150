"""Building the planted cases: sites, project parcels, zones, planted features."""

from __future__ import annotations

import numpy as np
from osgeo import ogr

from .geo import box, geodesic_area, polygon, to_work
from .projects import CASES, CLEAN, CLEAN_SOURCE, MODES, PREFIX, SIZE, Plan, Project
from .sites import SitePicker

SITE_RADIUS = 280.0  # planted polygons stay inside this disk around their site

# National roads and railways near Shaoguan (lon/lat waypoints, roughly).
ROADS = [
    ("G4", "京港澳高速", "高速公路", [(113.35, 25.45), (113.58, 24.95), (113.625, 24.80),
                                  (113.625, 24.65), (113.55, 24.30)]),
    ("JGGT", "京广高铁", "高速铁路", [(113.40, 25.45), (113.60, 24.95), (113.60, 24.80),
                                 (113.60, 24.68), (113.52, 24.30)]),
    ("G323", "国道323线", "国道", [(114.311, 25.117), (114.061, 24.953), (113.62, 24.81),
                                (113.276, 24.776), (112.95, 24.70)]),
    ("G106", "国道106线", "国道", [(114.55, 25.30), (114.311, 25.117), (114.13, 24.35),
                                (114.207, 24.06), (114.25, 23.85)]),
    ("S248", "省道248线", "省道", [(113.749, 25.085), (113.62, 24.81), (113.604, 24.682),
                                (113.75, 24.50), (114.13, 24.35)]),
]


def _base_roads(units: dict, seats: dict):
    for code, name, kind, pts in ROADS:
        lon, lat = np.array(pts).T
        yield np.column_stack(to_work(lon, lat)), [code, name, kind]
    for county, u in units.items():  # county roads from the seat to each township seat
        for k, xy in enumerate(u.town_xy[1:]):
            yield np.array([seats[county], xy]), [f"X{county[-3:]}{k + 1:02d}",
                                                  f"{u.town_names[k + 1]}公路", "县道"]


def plan_projects(rng, scale, regions, terrain, dem, units) -> Plan:
    picker = SitePicker(rng, regions, terrain, dem)
    plan = Plan(picker, units)
    plan._base_roads = list(_base_roads(units, {r.code: r.seat for r in regions}))
    sigma = max(3 * dem.res, 60.0)
    counters = {"farmland": 0, "paddy": 0, "mine": 0}
    cases = list(CASES) + [(c, "clean", None) for c, n in CLEAN.items() for _ in range(n)]
    # the most demanding sites first
    order = {"water_source": 0, "steep_slope": 1, "slope": 1, "outside_survey": 2, "hazard": 3}
    cases.sort(key=lambda c: order.get(c[1], 9))
    for check, rule, severity in cases:
        counters[check] += 1
        n = counters[check]
        w, h = SIZE[check]
        if rule == "outside_survey":
            cx, cy = picker.take_on_boundary(450.0)
            if check == "paddy":
                w, h = 360.0, 360.0
        elif rule in ("steep_slope", "slope"):
            cx, cy = picker.take(clearance=3.5 * sigma + 350.0)
        elif rule == "water_source":
            cx, cy = picker.take(clearance=750.0, min_river=1000.0)
        elif rule == "hazard":
            cx, cy = picker.take(clearance=500.0)
        else:
            cx, cy = picker.take()
        county = picker.region_of(cx, cy).code
        plan.sites.append((cx, cy, 330.0 if rule != "water_source" else 600.0))
        _build(plan, rng, check, rule, severity, n, county, cx, cy, w, h, sigma)
    return plan


def _rect(cx, cy, w, h):
    return box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


def _build(plan: Plan, rng, check, rule, severity, n, county, cx, cy, w, h, sigma) -> None:
    xmbh = f"{PREFIX[check]}-{county}-{n:03d}"
    names = {"farmland": "补充耕地项目", "paddy": "垦造水田项目", "mine": "矿山修复项目"}
    town = plan.units[county].town_names[min(n % len(plan.units[county].town_names), 99)]
    project = Project(check, xmbh, f"{town}{n}号{names[check]}", county, [_rect(cx, cy, w, h)],
                      [] if rule == "clean" else [{"rule_id": rule, "severity": severity}])
    project.planned = "0101" if check == "paddy" or n % 2 else "0103"
    project.mode = MODES[n % 3] if check == "mine" else ""
    project.year = 2019 + n % 4
    project.status = ["已验收", "已验收", "在建", "已立项"][n % 4]
    x0, x1, y0, y1 = cx - w / 2, cx + w / 2, cy - h / 2, cy + h / 2
    centre = ogr.Geometry(ogr.wkbPoint)
    centre.AddPoint_2D(cx, cy)
    disk = centre.Buffer(SITE_RADIUS, 16)

    def piece(layer, geom, values):
        plan.piece(layer, geom, values, clip=disk)

    default = CLEAN_SOURCE[check][n % 3]
    zones = []
    left = box(x0 - 500, y0 - 500, cx, y1 + 500)
    if rule == "existing_cultivated":
        zones = [(left, "0103")]
    elif rule == "existing_paddy":
        zones = [(left, "0101")]
    elif rule == "source_class":
        zones = [(left, "1104" if check == "farmland" else "0301")]
    elif rule in ("steep_slope", "slope"):
        plan.ridges.append((cx, cy, 0.0, sigma, 1.5 * sigma, max(4 * sigma, 250.0)))
        default = "0307"
    elif rule == "eco_redline":
        piece("STBHHX", box(x0 - 300, cy - 40, cx + w * 0.1, y1 + 300),
                   [f"HX{county}P{n:03d}", "规划红线片区", "水土保持", county])
        piece("STBHHX", box(x0 - 300, y0 - 300, cx - w * 0.15, cy + 60),
                   [f"HX{county}Q{n:03d}", "规划红线片区", "水源涵养", county])
    elif rule == "protected_area":
        piece("ZRBHD", box(x0 - 400, y0 - 400, x1 + 400, cy - h * 0.2),
                   [f"ZRBHD{county}P{n}", "小坑省级森林公园", "森林公园", "省级", "一般控制区",
                    county])
    elif rule == "core_zone":
        core = box(x0 - 300, y0 - 300, cx, y1 + 300)
        piece("ZRBHD", core, [f"ZRBHD{county}C{n}", "大岭市级自然保护区", "自然保护区",
                                   "市级", "核心保护区", county])
        piece("ZRBHD", box(x0 - 700, y0 - 700, x1 + 700, y1 + 700).Difference(core),
                   [f"ZRBHD{county}C{n}", "大岭市级自然保护区", "自然保护区", "市级",
                    "一般控制区", county])
        project.mode = "生态重建"
    elif rule == "public_forest":
        piece("GYL", box(cx + w * 0.1, y0 - 300, x1 + 300, y1 + 300),
                   [f"GYL{county}P{n:03d}", "省级", "2", county])
    elif rule == "urban_boundary":
        piece("CZKFBJ", box(x0 - 400, cy + h * 0.2, x1 + 400, y1 + 400),
                   [county, "", "城镇开发边界"])
    elif rule == "duplicate_project":
        twin = Project(check, f"{xmbh}B", project.name + "（二期）", county,
                       [_rect(cx + w * 0.5, cy, w, h)], list(project.planted))
        twin.planned, twin.mode = project.planned, project.mode
        plan.projects.append(twin)
        plan.zones.append((twin.parcels[0].Clone(), [], default))
    elif rule == "area_mismatch":
        project.declared_factor = 1.10
    elif rule == "geometry":
        project.parcels.append(polygon([(x1, y0), (x1 + 100, y1), (x1 + 100, y0), (x1, y1)]))
    elif rule == "contiguity":
        project.parcels = [box(cx - 130, cy - 60, cx - 30, cy + 60),
                           box(cx + 30, cy - 60, cx + 130, cy + 60)]
    elif rule == "water_source":
        plan.dry.append((cx, cy, 900.0))
    elif rule == "hazard":
        hx = x1 + 120 if check == "paddy" else cx + w / 4
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(hx, cy)
        piece("DZZHD", point, [f"ZH{county}P{n:03d}", "滑坡", "小型", county])
    elif rule == "mining_right_valid":
        valid = severity == "error"
        piece("CKQ", box(x0 - 200, y0 - 200, cx, y1 + 200),
                   [f"C4400002{county}{n:04d}", f"{county[-2:]}{n}号石场", "建筑用花岗岩",
                    "2015-01-01", "2028-12-31" if valid else "2022-12-31",
                    "生产" if valid else "关闭", "否", county])
    elif rule == "mode_visibility":
        project.mode = "自然恢复"
        ry = y0 - 500.0
        plan.extra_roads.append((np.array([[cx - 4000, ry], [cx + 4000, ry]]),
                                 ["S521", "省道521线", "省道"]))
    if rule == "eco_redline" and check == "mine":
        project.planted[0]["severity"] = "info"
    if check == "mine":
        cover = box(x0 - 20, y0 - 20, cx + w * 0.1, y1 + 20) if rule == "not_legacy_mine" else \
            box(x0 - 20, y0 - 20, x1 + 20 + (110 if rule == "geometry" else 0), y1 + 20)
        if rule == "duplicate_project":
            cover = box(x0 - 20, y0 - 20, x1 + w * 0.5 + 20, y1 + 20)
        piece("LSYLKS", cover, [f"LS{county}P{n:03d}", county, f"{n}号废弃石场", "10", "11",
                                "", "", "A", round(geodesic_area(cover), 2), 0.0, "A", "1", "3",
                                "A"])
    if check == "paddy" and rule != "water_source":
        # an irrigation pond 70 m south of the project, cut into the parcels like a project
        plan.zones.append((box(cx - 40, y0 - 110, cx + 40, y0 - 70), [], "1104"))
    footprint = union_geom(project.parcels)
    plan.zones.append((footprint, [], default))
    # each zone's part of the project is cut out as parcels of its own (later entries win),
    # so the planted class covers exactly that part whatever the parcel size
    for poly, code in zones:
        part = footprint.Intersection(poly)
        if not part.IsEmpty() and part.GetArea() > 0:
            plan.zones.append((part, [], code))
    plan.projects.append(project)


def union_geom(geoms):
    from .geo import union_all
    return union_all([g.MakeValid() for g in geoms])
