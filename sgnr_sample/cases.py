"""Building the planted cases: sites, project parcels, zones, planted features."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from osgeo import ogr

from . import shapes
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
    # sample and bench: projects shaped as real ones (shapes.py); the committed tiny fixture
    # keeps its rectangles byte for byte
    shaping = None if scale.name == "tiny" else np.random.default_rng(rng.integers(2 ** 63))
    for check, rule, severity in cases:
        counters[check] += 1
        n = counters[check]
        w, h = SIZE[check]
        draw = None if shaping is None else _draw(shaping, check, rule)
        reach = 0.0 if draw is None else draw.reach
        room = 1.25 * reach  # added to every clearance: the project and its planted features
        if rule == "outside_survey":
            cx, cy = picker.take_on_boundary(450.0 + room)
            if check == "paddy":
                w, h = 360.0, 360.0
        elif rule in ("steep_slope", "slope"):
            cx, cy = picker.take(clearance=3.5 * sigma + 350.0 + room,
                                 min_river=350.0 + reach, reach=reach)
        elif rule == "water_source":
            cx, cy = picker.take(clearance=750.0 + room, min_river=1000.0 + reach, reach=reach)
        elif rule == "hazard":
            cx, cy = picker.take(clearance=500.0 + room, min_river=350.0 + reach, reach=reach)
        else:
            cx, cy = picker.take(clearance=280.0 + room, min_river=350.0 + reach, reach=reach)
        county = picker.region_of(cx, cy).code
        if draw is None:
            site = Site(cx, cy, [_rect(cx, cy, w, h)], w, h, cx - w / 2, cx + w / 2,
                        cy - h / 2, cy + h / 2, SITE_RADIUS, 0.0)
        else:
            site = _shaped_site(shaping, cx, cy, draw)
        plan.sites.append((cx, cy, site.radius + (50.0 if rule != "water_source" else 320.0)))
        _build(plan, check, rule, severity, n, county, site, sigma)
    return plan


def _rect(cx, cy, w, h):
    return box(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)


@dataclass
class Site:
    """Where a project goes: its parcels, their envelope and the disk its features stay in."""
    cx: float
    cy: float
    parcels: list
    w: float
    h: float
    x0: float
    x1: float
    y0: float
    y1: float
    radius: float          # planted polygons stay inside this disk around (cx, cy)
    reach: float           # 0 for the tiny rectangles; else the radius holding every parcel


def _draw(rng, check: str, rule: str) -> shapes.Draw:
    if rule == "contiguity":  # three small blocks, each under the 50 mu minimum
        return shapes.Draw(6.0 * shapes.HA, 4, 3, spread=8.0, cut_rate=0.0)
    return shapes.draw_size(rng, check)


def _shaped_site(rng, cx: float, cy: float, draw: shapes.Draw) -> Site:
    parcels = shapes.project_parcels(rng, cx, cy, draw)
    x0, x1, y0, y1 = shapes.envelope(parcels)
    radius = max(draw.reach, float(np.hypot(max(x1 - cx, cx - x0), max(y1 - cy, cy - y0))))
    # planted features reach SITE_RADIUS beyond the parcels; a duplicate's twin 20 % of the
    # width further east (see _twin_parcels)
    return Site(cx, cy, parcels, x1 - x0, y1 - y0, x0, x1, y0, y1,
                radius + SITE_RADIUS + 0.2 * (x1 - x0), draw.reach)


def _build(plan: Plan, check, rule, severity, n, county, site: Site, sigma) -> None:
    cx, cy, w, h = site.cx, site.cy, site.w, site.h
    x0, x1, y0, y1 = site.x0, site.x1, site.y0, site.y1
    shaped = site.reach > 0
    xmbh = f"{PREFIX[check]}-{county}-{n:03d}"
    names = {"farmland": "补充耕地项目", "paddy": "垦造水田项目", "mine": "矿山修复项目"}
    town = plan.units[county].town_names[min(n % len(plan.units[county].town_names), 99)]
    project = Project(check, xmbh, f"{town}{n}号{names[check]}", county, list(site.parcels),
                      [] if rule == "clean" else [{"rule_id": rule, "severity": severity}])
    project.planned = "0101" if check == "paddy" or n % 2 else "0103"
    project.mode = MODES[n % 3] if check == "mine" else ""
    project.year = 2019 + n % 4
    project.status = ["已验收", "已验收", "在建", "已立项"][n % 4]
    centre = ogr.Geometry(ogr.wkbPoint)
    centre.AddPoint_2D(cx, cy)
    disk = centre.Buffer(site.radius, 16)

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
                       _twin_parcels(site) if shaped else [_rect(cx + w * 0.5, cy, w, h)],
                       list(project.planted))
        twin.planned, twin.mode = project.planned, project.mode
        plan.projects.append(twin)
        for parcel in twin.parcels:
            plan.zones.append((parcel.Clone(), [], default))
    elif rule == "area_mismatch":
        project.declared_factor = 1.10
    elif rule == "geometry":  # a bow-tie parcel east of the project
        if shaped:
            xe, ye = shapes.extreme_point(site.parcels, "east")
            half = min(h / 2, 120.0)
            project.parcels.append(polygon([(xe, ye - half), (xe + 100, ye + half),
                                            (xe + 100, ye - half), (xe, ye + half)]))
        else:
            project.parcels.append(polygon([(x1, y0), (x1 + 100, y1), (x1 + 100, y0), (x1, y1)]))
    elif rule == "contiguity" and not shaped:  # shaped: drawn as three small blocks
        project.parcels = [box(cx - 130, cy - 60, cx - 30, cy + 60),
                           box(cx + 30, cy - 60, cx + 130, cy + 60)]
    elif rule == "water_source":
        plan.dry.append((cx, cy, 900.0 + site.reach))
    elif rule == "hazard":
        point = ogr.Geometry(ogr.wkbPoint)
        if not shaped:
            point.AddPoint_2D(x1 + 120 if check == "paddy" else cx + w / 4, cy)
        elif check == "paddy":  # 120 m east of the project: within the 200 m of the rule
            xe, ye = shapes.extreme_point(site.parcels, "east")
            point.AddPoint_2D(xe + 120, ye)
        else:  # on the mine's largest parcel
            point = max(site.parcels, key=lambda p: p.GetArea()).PointOnSurface()
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
            cover = box(x0 - 20, y0 - 20, x1 + w * (0.2 if shaped else 0.5) + 20, y1 + 20)
        elif rule == "geometry" and shaped:  # the bow-tie may reach above or below the rest
            ex0, ex1, ey0, ey1 = shapes.envelope(project.parcels)
            cover = box(ex0 - 20, ey0 - 20, ex1 + 20, ey1 + 20)
        piece("LSYLKS", cover, [f"LS{county}P{n:03d}", county, f"{n}号废弃石场", "10", "11",
                                "", "", "A", round(geodesic_area(cover), 2), 0.0, "A", "1", "3",
                                "A"])
    if check == "paddy" and rule != "water_source":
        # an irrigation pond 70 m south of the project, cut into the parcels like a project
        xs, ys = shapes.extreme_point(site.parcels, "south") if shaped else (cx, y0)
        plan.zones.append((box(xs - 40, ys - 110, xs + 40, ys - 70), [], "1104"))
    footprint = union_geom(project.parcels)
    if shaped:  # the DLTB parcels are cut along every project parcel, not only the outline
        for parcel in project.parcels:
            plan.zones.append((parcel.MakeValid(), [], default))
    else:
        plan.zones.append((footprint, [], default))
    # each zone's part of the project is cut out as parcels of its own (later entries win),
    # so the planted class covers exactly that part whatever the parcel size
    for poly, code in zones:
        part = footprint.Intersection(poly)
        if not part.IsEmpty() and part.GetArea() > 0:
            plan.zones.append((part, [], code))
    plan.projects.append(project)


def _twin_parcels(site: Site) -> list:
    """The duplicate filing: the parcels east of the site drawn again 20 % of the project's
    width further east (a re-filed part that overlaps the first project)."""
    east = [p for p in site.parcels if p.Centroid().GetX() >= site.cx] or site.parcels[:1]
    shift = 0.2 * site.w
    out = []
    for parcel in east:
        ring = parcel.GetGeometryRef(0).GetPoints()[:-1]  # polygon() closes the ring
        out.append(polygon([(x + shift, y) for x, y, *_ in ring]))
    return out


def union_geom(geoms):
    from .geo import union_all
    return union_all([g.MakeValid() for g in geoms])
