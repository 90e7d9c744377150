"""Contiguous blocks of a paddy project, and distances given in metres.

Paddy reclamation wants concentrated, contiguous fields: the polygons of a project's parcels
are grouped into blocks, two polygons belonging to the same block when they are at most the
gap tolerance apart (a field road or a ditch a few metres wide does not split a block).
"""

from __future__ import annotations

import math

from qgis.core import QgsGeometry, QgsSpatialIndex

from .context import union

# Metres per degree of latitude on the CGCS2000 ellipsoid near Shaoguan (24–26°N).
_METRES_PER_DEGREE = 110_800.0


def crs_distance(crs, metres: float, latitude: float = 0.0) -> float:
    """``metres`` in the units of ``crs``.

    Projected CRSs (Gauss-Kruger: metres) are used as they are. For a geographic CRS the
    distance is turned into degrees with the metres of a degree of *longitude* at the latitude,
    the smaller of the two, so a search by that distance never misses anything (it may reach
    up to 1/cos(latitude) too far north-south, about 10% at Shaoguan's latitude).
    """
    if crs is None or not crs.isGeographic():
        return metres
    return metres / (_METRES_PER_DEGREE * max(math.cos(math.radians(latitude)), 0.01))


def connected_groups(geoms: list[QgsGeometry], gap: float) -> list[list[int]]:
    """Indexes of ``geoms`` grouped by chains of neighbours at most ``gap`` apart.

    Union-find over candidate pairs from a spatial index of bounding boxes grown by the gap,
    so a project of thousands of parcels is not compared pair by pair.
    """
    parent = list(range(len(geoms)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index = QgsSpatialIndex()
    for i, geom in enumerate(geoms):
        index.addFeature(i, geom.boundingBox())
    for i, geom in enumerate(geoms):
        for j in index.intersects(geom.boundingBox().buffered(gap)):
            if j <= i or root(i) == root(j):
                continue
            if geom.distance(geoms[j]) <= gap:
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(geoms)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def project_blocks(ctx, gap_m: float) -> list[tuple[QgsGeometry, float]]:
    """``(block geometry, ellipsoidal area m²)`` of the project, largest first (cached)."""
    key = ("paddy_blocks", gap_m)
    if key not in ctx.cache:
        polygons = [piece for pieces in ctx.part_pieces for piece, _ in pieces
                    if not piece.isEmpty()]
        gap = project_distance(ctx, gap_m)
        geoms = [union([polygons[i] for i in group])
                 for group in connected_groups(polygons, gap)]
        areas = ctx.run.areas.measure_many(geoms) if geoms else []
        blocks = [(geom, float(area)) for geom, area in zip(geoms, areas)]
        ctx.cache[key] = sorted(blocks, key=lambda block: -block[1])
    return ctx.cache[key]


def _latitude(ctx) -> float:
    return ctx.geometry.boundingBox().center().y() if not ctx.geometry.isEmpty() else 0.0


def project_distance(ctx, metres: float) -> float:
    """A distance in metres in the units of the project's CRS, at the project's latitude."""
    return crs_distance(ctx.run.inputs.crs, metres, _latitude(ctx))
