"""Synthetic terrain: smooth noise, rivers, elevation, slope and the DEM GeoTIFF.

Everything is a deterministic function of the seed. Valleys follow the rivers and the county
seats sit on flat ground, so farmland (chosen on low, gentle ground) clusters in valleys the way
it does in Shaoguan's basins; the DEM written to disk is the same grid the slope grades
(GDPDJB) and the steep-slope layer are read from, so the three always agree.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from osgeo import gdal
from scipy import ndimage
from scipy.spatial import cKDTree

from .config import WORK_CRS
from .geo import srs, to_work

gdal.UseExceptions()

# Main rivers as lon/lat waypoints (real courses, roughly): name, class, channel width (m).
MAIN_RIVERS = [
    ("浈江", "干流", 150.0, [(114.311, 25.117), (114.20, 25.05), (114.061, 24.953),
                          (113.90, 24.90), (113.75, 24.85), (113.603, 24.800)]),
    ("武江", "干流", 150.0, [(113.05, 25.40), (113.347, 25.128), (113.45, 25.00),
                          (113.55, 24.88), (113.603, 24.800)]),
    ("北江", "干流", 200.0, [(113.603, 24.800), (113.595, 24.72), (113.585, 24.66),
                          (113.56, 24.55), (113.50, 24.42)]),
    ("锦江", "一级支流", 90.0, [(113.85, 25.35), (113.749, 25.085), (113.72, 24.95),
                            (113.70, 24.84)]),
    ("南水", "一级支流", 90.0, [(113.05, 24.95), (113.276, 24.776), (113.45, 24.72),
                            (113.585, 24.66)]),
    ("翁江", "一级支流", 90.0, [(114.30, 24.55), (114.130, 24.350), (113.95, 24.25),
                            (113.85, 24.15)]),
    ("新丰江", "一级支流", 80.0, [(114.05, 24.20), (114.207, 24.060), (114.40, 23.95)]),
    ("墨江", "一级支流", 80.0, [(114.20, 24.60), (114.10, 24.80), (114.061, 24.953)]),
]


class Noise:
    """Smooth random field: a random lattice interpolated by cubic splines (values ~N(0, 0.5))."""

    def __init__(self, rng: np.random.Generator, bounds, spacing: float) -> None:
        x0, y0, x1, y1 = bounds
        self.x0, self.y0, self.spacing = x0 - 2 * spacing, y0 - 2 * spacing, spacing
        nx = int((x1 - self.x0) / spacing) + 4
        ny = int((y1 - self.y0) / spacing) + 4
        self.lattice = ndimage.spline_filter(rng.standard_normal((ny, nx)), order=3)

    def __call__(self, x, y) -> np.ndarray:
        coords = np.array([(np.asarray(y) - self.y0) / self.spacing,
                           (np.asarray(x) - self.x0) / self.spacing])
        return ndimage.map_coordinates(self.lattice, coords.reshape(2, -1), order=3,
                                       prefilter=False, mode="nearest").reshape(np.shape(x))


@dataclass
class River:
    name: str
    kind: str        # 干流 / 一级支流 / 支流
    width: float     # channel width, metres
    xy: np.ndarray   # densified polyline, EPSG:4547


def meander(xy: np.ndarray, rng: np.random.Generator, step: float, amplitude: float) -> np.ndarray:
    """Densify a polyline to ``step`` metres and bend it sideways with smooth noise."""
    seg = np.hypot(*np.diff(xy, axis=0).T)
    dist = np.concatenate([[0.0], np.cumsum(seg)])
    s = np.arange(0.0, dist[-1] + step, step)
    s[-1] = min(s[-1], dist[-1])
    px, py = np.interp(s, dist, xy[:, 0]), np.interp(s, dist, xy[:, 1])
    tx, ty = np.gradient(px), np.gradient(py)
    norm = np.hypot(tx, ty) + 1e-9
    lattice = rng.standard_normal(int(dist[-1] / (amplitude * 6)) + 4)
    wobble = ndimage.map_coordinates(ndimage.spline_filter1d(lattice, order=3),
                                     [s / (amplitude * 6)], order=3, prefilter=False)
    taper = np.minimum(1.0, np.minimum(s, dist[-1] - s) / (amplitude * 3))  # keep the ends
    offset = amplitude * wobble * taper
    return np.column_stack([px - ty / norm * offset, py + tx / norm * offset])


def make_rivers(rng: np.random.Generator, bounds, step: float) -> list[River]:
    """The main rivers (real courses, meandering) that come near the bounds."""
    x0, y0, x1, y1 = bounds
    margin = 20_000.0
    rivers = []
    for name, kind, width, waypoints in MAIN_RIVERS:
        lon, lat = np.array(waypoints).T
        xy = np.column_stack(to_work(lon, lat))
        bent = meander(xy, rng, step, 400.0)
        inside = ((bent[:, 0] > x0 - margin) & (bent[:, 0] < x1 + margin)
                  & (bent[:, 1] > y0 - margin) & (bent[:, 1] < y1 + margin))
        if inside.any():
            rivers.append(River(name, kind, width, bent))
    return rivers


def add_tributaries(rivers: list[River], rng: np.random.Generator, bounds, count: int,
                    step: float, names: list[str]) -> None:
    """Short streams from random hill points down to the nearest main river."""
    x0, y0, x1, y1 = bounds
    main = np.vstack([r.xy for r in rivers]) if rivers else None
    for i in range(count):
        start = np.array([rng.uniform(x0, x1), rng.uniform(y0, y1)])
        if main is not None:
            end = main[np.argmin(np.hypot(*(main - start).T))]
            length = np.hypot(*(end - start))
            if length > 12_000:  # a long way from any river: a shorter stream heading there
                end = start + (end - start) * 12_000 / length
        else:
            end = start + rng.normal(0, 3000, 2)
        xy = meander(np.array([start, end]), rng, step, 150.0)
        rivers.append(River(names[i % len(names)], "支流", 25.0, xy))


@dataclass
class Terrain:
    rivers: list[River]
    seats: np.ndarray          # (n, 2) county and township seats that sit on flat ground
    bounds: tuple[float, float, float, float]
    relief: Noise
    texture: Noise
    basin: Noise
    _main_tree: cKDTree
    _trib_tree: cKDTree
    _seat_tree: cKDTree

    @classmethod
    def build(cls, rng, bounds, rivers, seats) -> Terrain:
        main = np.vstack([r.xy for r in rivers if r.kind != "支流"] or [np.array([[1e9, 1e9]])])
        trib = np.vstack([r.xy for r in rivers if r.kind == "支流"] or [np.array([[1e9, 1e9]])])
        return cls(rivers, np.asarray(seats), bounds, Noise(rng, bounds, 12_000.0),
                   Noise(rng, bounds, 600.0), Noise(rng, bounds, 5_000.0),
                   cKDTree(main), cKDTree(trib), cKDTree(np.asarray(seats)))

    def river_distance(self, x, y, main_only: bool = False) -> np.ndarray:
        pts = np.column_stack([np.ravel(x), np.ravel(y)])
        d_main = self._main_tree.query(pts)[0]
        if main_only:
            return d_main.reshape(np.shape(x))
        return np.minimum(d_main, self._trib_tree.query(pts)[0]).reshape(np.shape(x))

    def lowland(self, x, y) -> np.ndarray:
        """0 on valley floors, basins and around seats, rising to 1 in the mountains."""
        pts = np.column_stack([np.ravel(x), np.ravel(y)])
        # beyond these distances the terms below are 1 to float precision: bounded queries
        # (inf past the bound) are several times faster on the DEM's millions of cells
        d_main = self._main_tree.query(pts, distance_upper_bound=12_000.0)[0]
        d_trib = self._trib_tree.query(pts, distance_upper_bound=2_500.0)[0]
        d_seat = self._seat_tree.query(pts, distance_upper_bound=15_000.0)[0]
        basin = 1.0 / (1.0 + np.exp(-4.0 * (self.basin(pts[:, 0], pts[:, 1]) + 0.35)))
        v = ((1 - np.exp(-(d_main / 1800.0) ** 2)) * (1 - 0.7 * np.exp(-(d_trib / 350.0) ** 2))
             * (1 - np.exp(-(d_seat / 2200.0) ** 2)) * basin)
        return v.reshape(np.shape(x))

    def elevation(self, x, y) -> np.ndarray:
        v = self.lowland(x, y)
        relief = 350.0 + 650.0 / (1.0 + np.exp(-3.0 * self.relief(x, y)))
        return 55.0 + relief * v ** 1.4 + 45.0 * self.texture(x, y) * v


@dataclass
class Dem:
    x0: float
    y1: float
    res: float
    z: np.ndarray       # (rows, cols), row 0 at the top (north)
    slope: np.ndarray   # degrees

    def sample(self, grid: np.ndarray, x, y) -> np.ndarray:
        col = np.clip(((np.asarray(x) - self.x0) / self.res).astype(int), 0, grid.shape[1] - 1)
        row = np.clip(((self.y1 - np.asarray(y)) / self.res).astype(int), 0, grid.shape[0] - 1)
        return grid[row, col]

    def write(self, path: str) -> None:
        """GeoTIFF (Float32, DEFLATE) in EPSG:4547; nodata -9999."""
        driver = gdal.GetDriverByName("GTiff")
        rows, cols = self.z.shape
        ds = driver.Create(path, cols, rows, 1, gdal.GDT_Float32,
                           ["COMPRESS=DEFLATE", "PREDICTOR=3", "TILED=YES"])
        ds.SetGeoTransform((self.x0, self.res, 0.0, self.y1, 0.0, -self.res))
        ds.SetProjection(srs(WORK_CRS).ExportToWkt())
        band = ds.GetRasterBand(1)
        band.SetNoDataValue(-9999.0)
        # decimetre precision, like survey DEMs, and it compresses far better
        band.WriteArray(np.round(self.z, 1).astype(np.float32))
        ds.FlushCache()
        ds = None


def make_dem(terrain: Terrain, bounds, res: float, extra=None) -> Dem:
    """Rasterise the elevation (plus planted features ``extra(x, y)``) and derive slope."""
    x0, y0, x1, y1 = bounds
    x0, y0 = np.floor(x0 / res) * res - res, np.floor(y0 / res) * res - res
    x1, y1 = np.ceil(x1 / res) * res + res, np.ceil(y1 / res) * res + res
    cols, rows = int(round((x1 - x0) / res)), int(round((y1 - y0) / res))
    xs = x0 + (np.arange(cols) + 0.5) * res
    z = np.empty((rows, cols), dtype=np.float32)
    for r0 in range(0, rows, 256):  # by bands: bench DEMs have tens of millions of cells
        ys = y1 - (np.arange(r0, min(rows, r0 + 256)) + 0.5) * res
        gx, gy = np.meshgrid(xs, ys)
        band = terrain.elevation(gx, gy)
        if extra is not None:
            band = band + extra(gx, gy)
        z[r0:r0 + len(ys)] = band
    dzdy, dzdx = np.gradient(z.astype(np.float64), res)
    slope = np.degrees(np.arctan(np.hypot(dzdx, dzdy))).astype(np.float32)
    return Dem(x0, y1, res, z, slope)


def slope_grade(slope_deg: np.ndarray) -> np.ndarray:
    """GDPDJB: 1 ≤2°, 2 (2°,6°], 3 (6°,15°], 4 (15°,25°], 5 >25°."""
    return 1 + np.searchsorted(np.array([2.0, 6.0, 15.0, 25.0]), slope_deg, side="left")
