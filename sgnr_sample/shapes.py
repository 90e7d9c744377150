"""Project outlines as real projects have them (sample and bench scales; issue #19).

A real farmland-replenishment (补充耕地), paddy-reclamation (垦造水田) or mine-restoration
project is a set of neighbouring survey parcels of suitable classes: 5–300 ha in 1–40 irregular
parcels, often in several separate blocks (multipart), sometimes cut straight by a road or a
plan limit. Here a small Voronoi field pattern is drawn around the site, whole cells are grown
into one or more blocks, and the DLTB parcels are later cut along every project parcel
(``Plan.cut_to_projects``), so each project parcel is one or more DLTB parcels.

The ranges and where they come from are stated in data/README.md ("Project sizes").
The ``tiny`` fixture keeps its planted rectangles (it is committed byte for byte).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from osgeo import ogr
from scipy.spatial import Voronoi

from .geo import polygon

HA = 10_000.0


@dataclass(frozen=True)
class ProjectSize:
    median_ha: float      # median project area (log-normal)
    sigma: float          # standard deviation of ln(area)
    min_ha: float
    max_ha: float
    parcel_ha: float      # mean parcel area: parts = area / parcel_ha (± 40 %)
    max_parts: int
    blocks_rate: float    # mean number of extra separate blocks (Poisson)


SIZES = {
    # scattered dry-land, garden and grass plots: small parcels, several blocks
    "farmland": ProjectSize(15.0, 0.8, 5.0, 120.0, 1.5, 40, 1.0),
    # 垦造水田: concentrated, contiguous blocks tied to irrigation (Shaoguan plan)
    "paddy": ProjectSize(45.0, 0.8, 5.0, 300.0, 6.0, 40, 0.4),
    # abandoned quarries and pits: few large patches
    "mine": ProjectSize(20.0, 0.9, 5.0, 150.0, 5.0, 12, 0.3),
}


@dataclass(frozen=True)
class Draw:
    area_m2: float
    parts: int
    blocks: int
    spread: float = 3.0      # the blocks are spread over this many times the project's area
    cut_rate: float = 0.35   # chance of a cut by a straight line (road, plan limit)

    @property
    def reach(self) -> float:
        """Radius (m) around the site that holds every parcel (see :func:`project_parcels`)."""
        return float(np.sqrt(self.spread * self.area_m2 / np.pi) + _MARGIN * self.spacing)

    @property
    def spacing(self) -> float:
        """Side (m) of a mean parcel."""
        return float(np.sqrt(self.area_m2 / self.parts))


_MARGIN = 1.5          # parcels (in mean parcel sides) between a seed taken and ``reach``


def draw_size(rng: np.random.Generator, check: str) -> Draw:
    size = SIZES[check]
    area = float(np.clip(size.median_ha * np.exp(rng.normal(0.0, size.sigma)),
                         size.min_ha, size.max_ha))
    parts = int(np.clip(round(area / size.parcel_ha * rng.uniform(0.6, 1.4)), 1,
                        size.max_parts))
    blocks = int(min(parts, 1 + rng.poisson(size.blocks_rate), 4))
    return Draw(area * HA, parts, blocks)


def project_parcels(rng: np.random.Generator, cx: float, cy: float, draw: Draw
                    ) -> list[ogr.Geometry]:
    """``draw.parts`` parcels (OGR polygons) of about ``draw.area_m2`` in all, in
    ``draw.blocks`` separate blocks; the first block holds the site (cx, cy)."""
    reach, spacing = draw.reach, draw.spacing
    mean = spacing * spacing
    seeds = _field_seeds(rng, cx, cy, reach, spacing)
    guard = [(cx + 4 * reach * np.cos(a), cy + 4 * reach * np.sin(a))
             for a in np.linspace(0, 2 * np.pi, 16, endpoint=False)]
    vor = Voronoi(np.vstack([seeds, guard]))
    n = len(seeds)
    neighbours: list[set[int]] = [set() for _ in range(n)]
    for a, b in vor.ridge_points:
        if a < n and b < n:
            neighbours[a].add(b)
            neighbours[b].add(a)
    dist = np.hypot(seeds[:, 0] - cx, seeds[:, 1] - cy)
    allowed = dist < reach - _MARGIN * spacing     # cells stay within ``reach``
    taken: dict[int, int] = {}                       # cell → block
    sizes = _block_sizes(rng, draw.parts, draw.blocks)
    for block, count in enumerate(sizes):
        start = int(np.argmin(dist)) if block == 0 else _free_start(rng, dist, allowed,
                                                                    neighbours, taken)
        if start < 0:
            break
        _grow(rng, start, count, block, seeds, allowed, neighbours, taken)
    cells = [_cell(vor, i) for i in sorted(taken)]
    if rng.uniform() < draw.cut_rate and len(cells) > 2:
        cells = _cut(rng, cells, cx, cy, reach, mean)
    return cells


def _field_seeds(rng, cx, cy, reach, spacing) -> np.ndarray:
    """A jittered, rotated and stretched grid: fields of similar size, longer than wide."""
    stretch = rng.uniform(1.0, 1.8)
    sx, sy = spacing * np.sqrt(stretch), spacing / np.sqrt(stretch)
    u = np.arange(-reach * 1.3, reach * 1.3 + sx, sx)
    v = np.arange(-reach * 1.3, reach * 1.3 + sy, sy)
    gu, gv = np.meshgrid(u, v)
    gu = gu + (np.arange(gu.shape[0])[:, None] % 2) * sx / 2    # staggered rows
    gu = gu + rng.uniform(-0.3, 0.3, gu.shape) * sx
    gv = gv + rng.uniform(-0.3, 0.3, gv.shape) * sy
    angle = rng.uniform(0, np.pi)
    x = cx + gu * np.cos(angle) - gv * np.sin(angle)
    y = cy + gu * np.sin(angle) + gv * np.cos(angle)
    return np.column_stack([x.ravel(), y.ravel()])


def _block_sizes(rng, parts: int, blocks: int) -> list[int]:
    """Parcels per block, the first block the largest."""
    if blocks <= 1:
        return [parts]
    share = np.sort(rng.dirichlet(np.ones(blocks) * 2.0))[::-1]
    counts = np.maximum(1, np.floor(share * parts).astype(int))
    counts[0] += parts - counts.sum()
    return [int(c) for c in counts if c > 0]


def _free_start(rng, dist, allowed, neighbours, taken) -> int:
    """A cell for a new block: inside the pattern, apart from every block so far (no shared
    edge with a taken cell, nor with a cell touching one: blocks stay a field apart)."""
    near = set(taken)
    for i in list(taken):
        near |= neighbours[i]
    ring = set(near)
    for i in near:
        ring |= neighbours[i]
    outer = np.flatnonzero(allowed & (dist > 0.3 * dist[allowed].max()))
    options = [i for i in outer if i not in ring]
    return int(rng.choice(options)) if options else -1


def _grow(rng, start, count, block, seeds, allowed, neighbours, taken) -> None:
    """Grow a block from ``start`` over neighbouring cells, compact but irregular; cells next
    to another block are skipped, so blocks never touch."""
    members = [start]
    taken[start] = block
    origin = seeds[start]
    while len(members) < count:
        frontier = {j for i in members for j in neighbours[i] if allowed[j] and j not in taken
                    and all(taken.get(k, block) == block for k in neighbours[j])}
        if not frontier:
            return
        options = sorted(frontier)
        d = np.hypot(*(seeds[options] - origin).T)
        pick = options[int(np.argmin(d * rng.uniform(0.6, 1.4, len(options))))]
        members.append(pick)
        taken[pick] = block


def _cell(vor: Voronoi, i: int) -> ogr.Geometry:
    region = vor.regions[vor.point_region[i]]
    return polygon([tuple(vor.vertices[k]) for k in region])


def _cut(rng, cells, cx, cy, reach, mean) -> list[ogr.Geometry]:
    """Cut the project by a straight line beside the site (a road or a plan limit): the parts
    on the far side go, and slivers under a fifth of a mean parcel are dropped."""
    angle = rng.uniform(0, 2 * np.pi)
    offset = rng.uniform(0.25, 0.5) * reach
    nx, ny = np.cos(angle), np.sin(angle)
    # the half-plane n·(p − c) <= offset as a big polygon
    px, py = cx + nx * offset, cy + ny * offset
    far = 4 * reach
    half = polygon([(px - ny * far, py + nx * far), (px + ny * far, py - nx * far),
                    (px + ny * far - nx * far, py - nx * far - ny * far),
                    (px - ny * far - nx * far, py + nx * far - ny * far)])
    out = []
    for cell in cells:
        part = cell.Intersection(half)
        if part is not None and part.GetGeometryType() == ogr.wkbPolygon \
                and part.GetArea() > 0.2 * mean:
            out.append(part)
    # a cut that would leave less than 70 % of the project is not made
    kept, whole = sum(p.GetArea() for p in out), sum(c.GetArea() for c in cells)
    return out if kept >= 0.7 * whole else cells


def envelope(parcels: list[ogr.Geometry]) -> tuple[float, float, float, float]:
    """(xmin, xmax, ymin, ymax) of the parcels, as OGR's GetEnvelope."""
    envs = np.array([p.GetEnvelope() for p in parcels])
    return envs[:, 0].min(), envs[:, 1].max(), envs[:, 2].min(), envs[:, 3].max()


def extreme_point(parcels: list[ogr.Geometry], side: str) -> tuple[float, float]:
    """The easternmost (``"east"``) or southernmost (``"south"``) vertex of the parcels."""
    pts = np.vstack([np.array(p.GetGeometryRef(0).GetPoints())[:, :2] for p in parcels
                     if p.GetGeometryType() == ogr.wkbPolygon])
    i = int(np.argmax(pts[:, 0])) if side == "east" else int(np.argmin(pts[:, 1]))
    return float(pts[i, 0]), float(pts[i, 1])

