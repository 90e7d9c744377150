"""Control layers: red line, protected areas, urban boundary, public forest, steep slope, roads,
rivers, hazards, mining rights, legacy mines, 三旧, construction occupation, basic farmland,
and the base-year DLTB vintage.

Natural features come from the terrain (red line and public forest in the mountains, the urban
boundary around seats, steep slope from the DEM). Around every project site they are cut away
(``Plan.sterile``), so the only features a project meets are the ones planted for it.
"""

from __future__ import annotations

import numpy as np
from osgeo import gdal, ogr

from . import classes as lc
from .config import Scale
from .dltb import FIELDS as DLTB_FIELDS
from .dltb import NAMES, recompute
from .geo import Region, geodesic_area, polygon, polygons_only, srs, union_all
from .terrain import Dem, Terrain

LAYER_FIELDS = {
    "STBHHX": [("HXBH", "str", 20, 0, "红线编号"), ("HXMC", "str", 60, 0, "红线名称"),
               ("HXLX", "str", 20, 0, "红线类型"), ("XZQDM", "str", 6, 0, "行政区代码")],
    "ZRBHD": [("BHDBH", "str", 20, 0, "保护地编号"), ("BHDMC", "str", 60, 0, "保护地名称"),
              ("BHDLX", "str", 20, 0, "保护地类型"), ("JB", "str", 10, 0, "级别"),
              ("GNFQ", "str", 10, 0, "功能分区"), ("XZQDM", "str", 6, 0, "行政区代码")],
    "CZKFBJ": [("XZQDM", "str", 6, 0, "行政区代码"), ("XZQMC", "str", 30, 0, "行政区名称"),
               ("BJLX", "str", 20, 0, "边界类型")],
    "GYL": [("GYLBH", "str", 20, 0, "公益林编号"), ("SQDJ", "str", 10, 0, "事权等级"),
            ("BHDJ", "str", 4, 0, "保护等级"), ("XZQDM", "str", 6, 0, "行政区代码")],
    "JZKKPD": [("XZQDM", "str", 6, 0, "行政区代码"), ("PDJB", "str", 20, 0, "坡度级别")],
    "DZZHD": [("ZHDBH", "str", 20, 0, "灾害点编号"), ("ZHLX", "str", 10, 0, "灾害类型"),
              ("XQDJ", "str", 6, 0, "险情等级"), ("XZQDM", "str", 6, 0, "行政区代码")],
    "CKQ": [("XKZH", "str", 30, 0, "许可证号"), ("KSMC", "str", 60, 0, "矿山名称"),
            ("KZ", "str", 20, 0, "矿种"), ("YXQQ", "date", 0, 0, "有效期起"),
            ("YXQZ", "date", 0, 0, "有效期止"), ("SCZT", "str", 10, 0, "生产状态"),
            ("LSKS", "str", 2, 0, "绿色矿山"), ("XZQDM", "str", 6, 0, "行政区代码")],
    "LSYLKS": [("tbbh", "str", 20, 0, "图斑编号"), ("xzqdm", "str", 6, 0, "行政区代码"),
               ("ksmc", "str", 60, 0, "矿山名称"), ("tbdl", "str", 2, 0, "图斑大类"),
               ("tbxl", "str", 2, 0, "图斑小类"), ("bhqlx", "str", 20, 0, "保护区类型"),
               ("bhqjb", "str", 10, 0, "保护区级别"), ("kcfs", "str", 1, 0, "开采方式"),
               ("hsmj", "real", 15, 2, "核实面积"), ("zlmj", "real", 15, 2, "已治理面积"),
               ("zlzt", "str", 1, 0, "治理状态"), ("tbbw", "str", 1, 0, "图斑部位"),
               ("xffs", "str", 1, 0, "修复方式"), ("xfsq", "str", 1, 0, "修复时期")],
    "DL": [("LXBM", "str", 10, 0, "路线编码"), ("DLMC", "str", 60, 0, "道路名称"),
           ("DLDJ", "str", 10, 0, "道路等级")],
    "HL": [("HLMC", "str", 30, 0, "河流名称"), ("HLDJ", "str", 10, 0, "河流等级"),
           ("KD", "real", 8, 1, "宽度")],
    "SJGZ": [("XMBH", "str", 20, 0, "项目编号"), ("XMMC", "str", 60, 0, "项目名称"),
             ("GZLX", "str", 10, 0, "改造类型"), ("ZT", "str", 10, 0, "状态"),
             ("WCNF", "int", 4, 0, "完成年份"), ("XZQDM", "str", 6, 0, "行政区代码")],
    "JSZY": [("XMBH", "str", 20, 0, "项目编号"), ("XMMC", "str", 60, 0, "项目名称"),
             ("PZWH", "str", 40, 0, "批准文号"), ("PZNF", "int", 4, 0, "批准年份"),
             ("XZQDM", "str", 6, 0, "行政区代码")],
    "YJJBNT": [("JBNTTBBH", "str", 20, 0, "基本农田图斑编号"), ("DLBM", "str", 5, 0, "地类编码"),
               ("ZLDWDM", "str", 19, 0, "坐落单位代码"), ("TBMJ", "real", 15, 2, "图斑面积"),
               ("XZQDM", "str", 6, 0, "行政区代码")],
}
GEOMETRY = {"DZZHD": "point", "DL": "line", "HL": "line"}


class Natural:
    """Natural features per layer: lists of (OGR geometry, attribute list)."""

    def __init__(self) -> None:
        self.features: dict[str, list] = {name: [] for name in LAYER_FIELDS}
        self.mining_cells: list = []

    def add(self, layer: str, geom, values: list) -> None:
        self.features[layer].append((geom, values))


def _mask_polygons(mask: np.ndarray, x0: float, y1: float, res: float) -> list[ogr.Geometry]:
    """Polygons of the True cells of ``mask`` (GDAL polygonize, 8-connected)."""
    rows, cols = mask.shape
    mem = gdal.GetDriverByName("MEM").Create("", cols, rows, 1, gdal.GDT_Byte)
    mem.SetGeoTransform((x0, res, 0, y1, 0, -res))
    band = mem.GetRasterBand(1)
    band.WriteArray(mask.astype(np.uint8))
    vec = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = vec.CreateLayer("p", srs("EPSG:4547"), ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("v", ogr.OFTInteger))
    gdal.Polygonize(band, band, layer, 0, [])
    return [f.GetGeometryRef().Clone() for f in layer]


def _field_grid(terrain: Terrain, bounds, res: float, fn):
    x0, y0, x1, y1 = bounds
    xs = np.arange(x0, x1, res) + res / 2
    ys = np.arange(y1, y0, -res) - res / 2
    gx, gy = np.meshgrid(xs, ys)
    return fn(gx, gy), x0, y1


def _blob(rng, cx: float, cy: float, radius: float, n: int = 48) -> ogr.Geometry:
    t = np.linspace(0, 2 * np.pi, n, endpoint=False)
    k = rng.standard_normal(4) * 0.12
    r = radius * (1 + k[0] * np.sin(t + k[1] * 9) + k[2] * np.cos(2 * t) + k[3] * np.sin(3 * t))
    return polygon(zip(cx + r * np.cos(t), cy + r * np.sin(t)))


def natural_layers(rng, scale: Scale, regions: list[Region], terrain: Terrain, dem: Dem,
                   plan) -> Natural:
    nat = Natural()
    union = union_all([r.geom for r in regions])
    x0, x1, y0, y1 = union.GetEnvelope()
    bounds = (x0, y0, x1, y1)
    tiny = scale.name == "tiny"
    res = 100.0 if tiny else 500.0
    mountain, gx0, gy1 = _field_grid(terrain, bounds, res, lambda x, y: terrain.lowland(x, y)
                                     + 0.25 * terrain.texture(x, y))
    other, _, _ = _field_grid(terrain, bounds, res, lambda x, y: terrain.basin(x * 1.7, y * 1.3))
    sterile = plan.sterile_geometry()
    # red line on the most mountainous third, public forest on another mountain mix
    for layer, score, share in (("STBHHX", mountain, 0.66), ("GYL", mountain - 0.5 * other, 0.6)):
        threshold = np.quantile(score, share)
        tile = 2000.0 if tiny else 15000.0
        for poly in _mask_polygons(score > threshold, gx0, gy1, res):
            poly = poly.Intersection(union).Difference(sterile)
            for piece in _tiles(poly, tile, 40.0 if layer == "STBHHX" else 0.0):
                region = _region_at(regions, piece)
                n = len(nat.features[layer]) + 1
                if layer == "STBHHX":
                    kind = ["水源涵养", "生物多样性维护", "水土保持"][n % 3]
                    nat.add(layer, piece, [f"HX{region.code}{n:04d}",
                                           f"{region.name}{kind}生态保护红线", kind, region.code])
                else:
                    nat.add(layer, piece, [f"GYL{region.code}{n:05d}", ["省级", "国家级"][n % 2],
                                           str(1 + n % 3), region.code])
    for region in regions:
        seat_r = 1400.0 if tiny else 3500.0
        blobs = [_blob(rng, *region.seat, seat_r)]
        blobs += [_blob(rng, *xy, 450.0 if tiny else 900.0) for xy in plan.town_seats(region.code)]
        city = union_all(blobs).Intersection(region.geom).Difference(sterile)
        if not city.IsEmpty():
            nat.add("CZKFBJ", polygons_only(city), [region.code, region.name, "城镇开发边界"])
        # one reserve per county, on its most mountainous ground
        if tiny:
            cx, cy = region.geom.Buffer(-300.0).Centroid().GetPoint()[:2]
        else:
            cx, cy = _highest(terrain, region, rng)
        core = _blob(rng, cx, cy, 500.0 if tiny else 4000.0)
        general = _blob(rng, cx, cy, 1000.0 if tiny else 9000.0).Difference(core)
        name = region.name[:2] + ("山" if tiny else "岭") + "省级自然保护区"
        for zone, geom in (("核心保护区", core), ("一般控制区", general)):
            geom = geom.Intersection(region.geom).Difference(sterile)
            if not geom.IsEmpty():
                nat.add("ZRBHD", polygons_only(geom), [f"ZRBHD{region.code}01", name, "自然保护区",
                                                       "省级", zone, region.code])
    steep = dem.slope > 25.0
    for poly in _mask_polygons(steep, dem.x0, dem.y1, dem.res):
        for region in regions:
            piece = poly.Intersection(region.geom)
            if not piece.IsEmpty() and piece.GetArea() > 1.0:
                nat.add("JZKKPD", polygons_only(piece), [region.code, "25度以上"])
    _hazards(rng, nat, regions, terrain, plan, scale)
    _lines(nat, terrain, union, plan)
    return nat


def _highest(terrain: Terrain, region: Region, rng) -> tuple[float, float]:
    x0, x1, y0, y1 = region.geom.Buffer(-3000.0).GetEnvelope()
    pts = np.column_stack([rng.uniform(x0, x1, 400), rng.uniform(y0, y1, 400)])
    score = terrain.lowland(pts[:, 0], pts[:, 1])
    return tuple(pts[int(np.argmax(score))])


def _region_at(regions: list[Region], geom: ogr.Geometry) -> Region:
    centre = geom.PointOnSurface() if not geom.IsEmpty() else None
    for region in regions:
        if centre is not None and region.geom.Contains(centre):
            return region
    return regions[0]


def _tiles(geom: ogr.Geometry, size: float, overlap: float) -> list[ogr.Geometry]:
    """Cut a polygon into square tiles; with ``overlap`` > 0 the tiles overlap their neighbours,
    as real red-line deliveries do."""
    if geom.IsEmpty():
        return []
    x0, x1, y0, y1 = geom.GetEnvelope()
    out = []
    for tx in np.arange(np.floor(x0 / size) * size, x1, size):
        for ty in np.arange(np.floor(y0 / size) * size, y1, size):
            cell = polygon([(tx - overlap, ty - overlap), (tx + size + overlap, ty - overlap),
                            (tx + size + overlap, ty + size + overlap),
                            (tx - overlap, ty + size + overlap)])
            piece = polygons_only(geom.Intersection(cell))
            if not piece.IsEmpty() and piece.GetArea() > 1.0:
                out.append(piece)
    return out


def _hazards(rng, nat: Natural, regions, terrain, plan, scale) -> None:
    kinds = ["滑坡", "崩塌", "泥石流", "地面塌陷"]
    for region in regions:
        n = max(3, int(region.geom.GetArea() / (6e6 if scale.name == "tiny" else 25e6)))
        x0, x1, y0, y1 = region.geom.GetEnvelope()
        k = 0
        for x, y in np.column_stack([rng.uniform(x0, x1, n * 6), rng.uniform(y0, y1, n * 6)]):
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(float(x), float(y))
            if k >= n or not region.geom.Contains(point) or plan.near_site(x, y, 450.0):
                continue
            if terrain.lowland(np.array([x]), np.array([y]))[0] < 0.35:
                continue
            k += 1
            nat.add("DZZHD", point, [f"ZH{region.code}{k:04d}", kinds[k % 4],
                                     ["小型", "中型", "大型"][k % 3], region.code])


def _lines(nat: Natural, terrain: Terrain, union: ogr.Geometry, plan) -> None:
    area = union.Buffer(2000.0)
    for river in terrain.rivers:
        line = ogr.Geometry(ogr.wkbLineString)
        for x, y in river.xy:
            line.AddPoint_2D(float(x), float(y))
        piece = line.Intersection(area)
        if not piece.IsEmpty():
            nat.add("HL", piece, [river.name, river.kind, river.width])
    for xy, values in plan.roads():
        line = ogr.Geometry(ogr.wkbLineString)
        for x, y in xy:
            line.AddPoint_2D(float(x), float(y))
        piece = line.Intersection(area)
        if not piece.IsEmpty():
            nat.add("DL", piece, values)


def collect_parcels(nat: Natural, region: Region, cells, rows: list[list], wkbs,
                    base_rows: list[list]) -> None:
    """Parcel-derived layers: basic farmland, mining, 三旧, construction occupation."""
    i_dlbm, i_czcs = NAMES.index("DLBM"), NAMES.index("CZCSXM")
    i_bsm, i_zl, i_mj = NAMES.index("BSM"), NAMES.index("ZLDWDM"), NAMES.index("TBMJ")
    for i, row in enumerate(rows):
        code, bsm = row[i_dlbm], row[i_bsm]
        h = int(bsm[-6:]) * 2654435761 % 1000  # stable per-parcel pseudo-random draw
        if lc.GROUP_OF[code] == "cultivated" and row[NAMES.index("GDPDJB")] in ("1", "2", "3") \
                and h < 880:
            nat.add("YJJBNT", ogr.CreateGeometryFromWkb(wkbs[i]),
                    [f"JB{bsm[-10:]}", code, row[i_zl], row[i_mj], region.code])
        if code == "0602":
            nat.mining_cells.append((region.code, cells.x[i], cells.y[i], wkbs[i]))
        if row[i_czcs] in ("201", "202") and h < 25:
            status = ["已完成", "实施中", "已批未建"][h % 3]
            nat.add("SJGZ", ogr.CreateGeometryFromWkb(wkbs[i]),
                    [f"SJ{bsm[-8:]}", f"{row[NAMES.index('ZLDWMC')]}三旧改造",
                     ["旧城镇", "旧厂房", "旧村庄"][h % 3], status,
                     2019 + h % 5 if status == "已完成" else None, region.code])
        if base_rows[i][i_dlbm] != code and lc.GROUP_OF[code] == "construction" \
                and lc.GROUP_OF[base_rows[i][i_dlbm]] == "cultivated":
            year = 2020 + h % 4
            nat.add("JSZY", ogr.CreateGeometryFromWkb(wkbs[i]),
                    [f"ZY{bsm[-8:]}", f"{row[NAMES.index('ZLDWMC')]}建设项目",
                     f"粤府土审〔{year}〕{h % 90 + 1}号", year, region.code])


def base_vintage(rng, rows: list[list], slope: np.ndarray, keep: set, year: int,
                 rate: float = 0.08) -> list[list]:
    """DLTB_2020: the same parcels three years earlier, with plausible changes; ``rate`` of
    today's settlement parcels were cultivated land then (new construction land)."""
    i_dlbm, i_bsm = NAMES.index("DLBM"), NAMES.index("BSM")
    draws = rng.random(len(rows))
    out = []
    for i, row in enumerate(rows):
        code = row[i_dlbm]
        before = code
        if row[i_bsm] not in keep:
            if code in ("0701", "0702", "0601", "05H1") and draws[i] < rate:
                before = "0101" if draws[i] < rate * 0.4 else "0103"
            elif code == "0201K" or code == "0301K":
                before = "0101"
            elif code in ("0101", "0103") and draws[i] < 0.02:
                before = "0404"
            elif code == "0301" and draws[i] < 0.01:
                before = "0305"
        out.append(recompute(row, before, rng, float(slope[i]), year) if before != code
                   else [*row[:NAMES.index("SJNF")], year, *row[NAMES.index("SJNF") + 1:]])
    return out


def open_parcel_layers(gpkg) -> dict:
    return {name: gpkg.layer(name, "polygon", DLTB_FIELDS, desc) for name, desc in
            (("DLTB", "地类图斑 2023"), ("DLTB_2020", "地类图斑 2020 (基期)"))}


def write_layers(gpkg, nat: Natural, plan) -> None:
    nat_mines(nat, plan)
    for name, fields in LAYER_FIELDS.items():
        rows = nat.features[name] + plan.pieces.get(name, [])
        gpkg.write(name, GEOMETRY.get(name, "polygon"), fields, rows)


def nat_mines(nat: Natural, plan) -> None:
    """Mining rights over clusters of mining parcels; some clusters are legacy mines."""
    clusters: dict = {}
    for code, x, y, wkb in nat.mining_cells:
        clusters.setdefault((code, int(x // 1500), int(y // 1500)), []).append(wkb)
    for n, (key, wkbs) in enumerate(sorted(clusters.items())):
        geom = union_all([ogr.CreateGeometryFromWkb(w) for w in wkbs])
        x0, x1, y0, y1 = geom.GetEnvelope()
        if plan.near_site((x0 + x1) / 2, (y0 + y1) / 2, 700.0 + max(x1 - x0, y1 - y0)):
            continue
        code = key[0]
        if n % 3 == 2:  # legacy mine, no right; every other one already treated
            area = round(geodesic_area(geom), 2)
            treated = n % 2 == 0
            nat.add("LSYLKS", polygons_only(geom),
                    [f"LS{code}{n:04d}", code, f"{n}号历史遗留矿山", "10", ["11", "12"][n % 2],
                     "", "", "AB"[n % 2], area, area if treated else 0.0,
                     "B" if treated else "A", "1", "13"[n % 2], "A" if treated else "B"])
            continue
        rect = polygon([(x0 - 80, y0 - 80), (x1 + 80, y0 - 80), (x1 + 80, y1 + 80),
                        (x0 - 80, y1 + 80)])
        valid = n % 3 == 0
        nat.add("CKQ", rect, [f"C44{code}{2010 + n % 10}{n:07d}", f"{n}号矿", ["石灰岩", "钨",
                              "稀土", "铅锌"][n % 4], f"{2010 + n % 8}-01-01",
                              "2028-12-31" if valid else "2021-06-30",
                              "生产" if valid else "关闭", "是" if n % 2 == 0 else "否", code])
