"""Orchestration: regions → terrain → parcels → control layers → projects → files."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
from qgis.core import QgsGeometry
from scipy.spatial import cKDTree

from . import cases, control, dltb, truth
from . import classes as lc
from .config import SCALES, Scale
from .geo import Region, load_regions
from .landuse import admin_units, assign_classes
from .measure import ENGINE, measure_areas
from .terrain import Terrain, add_tributaries, make_dem, make_rivers
from .tessellate import seed_points, voronoi_cells
from .writer import GeoPackage

BASE_YEAR, CURRENT_YEAR = 2020, 2023


def _rng(seed: int, *keys: int) -> np.random.Generator:
    """Independent deterministic streams per purpose, so one change does not shift the rest."""
    return np.random.default_rng([seed, *keys])


def _qgs(geom) -> QgsGeometry:
    out = QgsGeometry()
    out.fromWkb(bytes(geom.ExportToWkb()))
    return out


def _inside_points(rng, region: Region, n: int) -> np.ndarray:
    """``n`` uniform random points inside a region."""
    qg = _qgs(region.geom)
    engine = QgsGeometry.createGeometryEngine(qg.constGet())
    engine.prepareGeometry()
    x0, x1, y0, y1 = region.geom.GetEnvelope()
    out = []
    while len(out) < n:
        cand = np.column_stack([rng.uniform(x0, x1, 4 * n), rng.uniform(y0, y1, 4 * n)])
        for x, y in cand:
            point = QgsGeometry.fromWkt(f"POINT({x} {y})")  # keep it alive while tested
            if engine.contains(point.constGet()):
                out.append((x, y))
                if len(out) == n:
                    break
    return np.array(out)


def generate(scale_name: str, seed: int, out: Path, log=print) -> dict:
    scale: Scale = SCALES[scale_name]
    out.mkdir(parents=True, exist_ok=True)
    t0 = time.time()
    regions = load_regions(scale.counties, scale.window)
    envs = np.array([r.geom.GetEnvelope() for r in regions])
    bounds = (envs[:, 0].min(), envs[:, 2].min(), envs[:, 1].max(), envs[:, 3].max())
    total_area = sum(r.geom.GetArea() for r in regions)
    step = 20.0 if scale.name == "tiny" else 60.0

    units, seats = {}, []
    for k, region in enumerate(regions):
        pts = _inside_points(_rng(seed, 1, k), region, 400)
        units[region.code] = admin_units(_rng(seed, 2, k), region.code, region.seat, pts,
                                         scale.townships_per_county, scale.villages_per_township)
        seats.extend(units[region.code].town_xy)
    rivers = make_rivers(_rng(seed, 3), bounds, step)
    add_tributaries(rivers, _rng(seed, 4), bounds, max(2, int(total_area / 60e6)), step,
                    [n + "水" for n in ("横", "大", "小", "长", "深", "清", "黄", "石")])
    terrain = Terrain.build(_rng(seed, 5), bounds, rivers, seats)
    base_dem = make_dem(terrain, bounds, scale.dem_res)
    log(f"terrain and base DEM: {time.time() - t0:.1f} s")

    plan = cases.plan_projects(_rng(seed, 6), scale, regions, terrain, base_dem, units)
    dem = make_dem(terrain, bounds, scale.dem_res, extra=plan.terrain_extra)
    dem.write(str(out / "dem.tif"))
    natural = control.natural_layers(_rng(seed, 7), scale, regions, terrain, dem, plan)
    log(f"DEM, control layers, project plan: {time.time() - t0:.1f} s")

    tiny = scale.name == "tiny"
    gpkg = GeoPackage(out / scale.gpkg, set() if tiny else None, 4096)
    layers = control.open_parcel_layers(gpkg)
    stats = {"parcels": 0, "area_by_group": {}, "engine": ENGINE}
    for k, region in enumerate(regions):
        rng = _rng(seed, 10, k)
        target = max(50, int(scale.parcels * region.geom.GetArea() / total_area))
        x0, x1, y0, y1 = region.geom.GetEnvelope()
        margin = 2000.0
        box = (x0 - margin, y0 - margin, x1 + margin, y1 + margin)
        pts, kinds = seed_points(rng, terrain, box, region.geom.GetArea(), target)
        cells = voronoi_cells(pts, kinds, box, _qgs(region.geom))
        plan.cut_to_projects(cells)
        planar = np.array([g.area() for g in cells.geoms])
        u = units[region.code]
        fixed = plan.fixed_classes(cells)
        dlbm, czcs = assign_classes(rng, terrain, dem, u, region.seat, cells.x, cells.y, planar,
                                    cells.river, scale.targets, fixed)
        plan.dry_out(cells, dlbm, fixed)
        tbmj = measure_areas(cells.geoms)
        village = cKDTree(u.village_xy).query(np.column_stack([cells.x, cells.y]))[1]
        slope = dem.sample(dem.slope, cells.x, cells.y)
        d_river = terrain.river_distance(cells.x, cells.y)
        rows = dltb.attribute_rows(rng, region.code, u, village, dlbm, czcs, tbmj, slope,
                                   d_river, CURRENT_YEAR, stats["parcels"])
        wkbs = [bytes(g.asWkb()) for g in cells.geoms]
        gpkg.append(layers["DLTB"], zip(wkbs, rows))
        plan.measure_under(region.code, cells, rows)
        base_rows = control.base_vintage(_rng(seed, 11, k), rows, slope, plan.protected_bsm,
                                         BASE_YEAR, scale.new_construction_rate)
        gpkg.append(layers["DLTB_2020"], zip(wkbs, base_rows))
        control.collect_parcels(natural, region, cells, rows, wkbs, base_rows)
        stats["parcels"] += len(rows)
        for code, area in zip(dlbm, tbmj):
            group = lc.GROUP_OF[code]
            stats["area_by_group"][group] = stats["area_by_group"].get(group, 0.0) + area
        log(f"{region.code} {region.name}: {len(rows)} parcels, {time.time() - t0:.1f} s")

    control.write_layers(gpkg, natural, plan)
    truth.write_projects(gpkg, plan)
    gpkg.close()
    expected = truth.ground_truth(plan, natural, regions, scale, seed, ENGINE, dem)
    with open(out / "ground_truth.json", "w", encoding="utf-8") as handle:
        json.dump(expected, handle, ensure_ascii=False, indent=0, sort_keys=True)
    stats["seconds"] = round(time.time() - t0, 1)
    log(f"done: {stats['parcels']} parcels in {stats['seconds']} s → {out}")
    return stats
