"""A big overlay read tile by tile through the provider's spatial index, never whole.

:class:`WindowedOverlay` answers the same queries as :class:`~sg_nr_plugin.core.overlay.
OverlayLayer` (``under``, ``dissolved_under``, ``inside_fraction``). Space is cut into square
tiles; a query reads the tiles its box meets (``setFilterRect`` through
:func:`~sg_nr_plugin.core.reading.read_features`: the GeoPackage/PostGIS/shapefile index
answers), and keeps them in a cache bounded by vertices, least recently used first out. A
feature crossing tile borders is read by each tile but turned into pieces once (by feature
id), and the pieces of a query are unioned in feature-id order, so a query gives exactly the
geometry the whole-layer overlay gives: overlaps between control features are dissolved within
the window as they are over the whole layer.

What the filtered reads cannot check: a provider that silently returns fewer features for a
rectangle (the count check of core.reading applies to whole reads only). Provider errors are
still caught.
"""

from __future__ import annotations

import math
from collections import OrderedDict

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsCsException,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsRectangle,
    QgsSpatialIndex,
)

from .overlay import PieceQueries
from .pieces import Piece, PieceMaker, overlay_request
from .reading import read_features

#: Vertices of pieces one overlay's tile cache holds at most (≈ 100 bytes each with their
#: prepared GEOS engines: ~100 MB; a check holds at most six control layers); least recently
#: used tiles go first.
CACHE_MAX_VERTICES = 1_000_000
#: Tile side when the caller gives none: a tile holds about this many features on average.
TILE_FEATURES = 256
#: A tile's filter rectangle is grown by this share of its side: rounding, and the box of a
#: reprojected rectangle, must never leave out a feature whose box meets the tile.
TILE_MARGIN = 1e-3


class _Tile:
    __slots__ = ("fids", "index")

    def __init__(self) -> None:
        self.fids: list[int] = []
        self.index = QgsSpatialIndex()


class TileGrid:
    """Square tiles of side ``side`` anchored at ``origin`` (any point; tiles cover the
    plane, so an extent that is out of date never hides a feature)."""

    def __init__(self, origin: tuple[float, float], side: float) -> None:
        self.x0, self.y0 = origin
        self.side = side

    def tiles(self, rect: QgsRectangle) -> list[tuple[int, int]]:
        s = self.side
        c0, c1 = (math.floor((v - self.x0) / s) for v in (rect.xMinimum(), rect.xMaximum()))
        r0, r1 = (math.floor((v - self.y0) / s) for v in (rect.yMinimum(), rect.yMaximum()))
        return [(c, r) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]

    def rect(self, tile: tuple[int, int], margin: float = 0.0) -> QgsRectangle:
        c, r = tile
        s, m = self.side, self.side * margin
        return QgsRectangle(self.x0 + c * s - m, self.y0 + r * s - m,
                            self.x0 + (c + 1) * s + m, self.y0 + (r + 1) * s + m)


def dest_extent(source: QgsFeatureSource, dest_crs, transform_context) -> QgsRectangle | None:
    """The source's extent in ``dest_crs``, or None when it is unknown or cannot be moved."""
    extent = source.sourceExtent()
    if extent is None or extent.isNull() or extent.isEmpty() or not all(
            map(math.isfinite, (extent.xMinimum(), extent.yMinimum(), extent.xMaximum(),
                                extent.yMaximum()))):
        return None
    crs = source.sourceCrs()
    if crs.isValid() and dest_crs.isValid() and crs != dest_crs:
        try:
            extent = QgsCoordinateTransform(crs, dest_crs, transform_context)\
                .transformBoundingBox(extent)
        except QgsCsException:
            return None
    return extent


def density_side(extent: QgsRectangle | None, features: int,
                 per_tile: int = TILE_FEATURES) -> float | None:
    """Side of a square holding ``per_tile`` features at the layer's mean density."""
    if extent is None or features <= 0:
        return None
    area = max(extent.width(), 1e-12) * max(extent.height(), 1e-12)
    return math.sqrt(area * per_tile / features)


class WindowedOverlay(PieceQueries):
    """The overlay under each query, read by tiles (see the module docstring).

    ``tile_side`` in ``dest_crs`` units (None: :data:`TILE_FEATURES` features per tile at the
    layer's mean density); ``max_vertices`` bounds the cache. ``read_count`` counts the
    distinct features read, ``tiles_read`` the tile reads (a tile read again after eviction
    counts again).
    """

    strategy = "windowed"

    def __init__(
        self,
        source: QgsFeatureSource,
        dest_crs: QgsCoordinateReferenceSystem,
        transform_context: QgsCoordinateTransformContext,
        expression: str | None = None,
        feedback=None,
        layer_name: str = "",
        counts=None,
        tile_side: float | None = None,
        max_vertices: int = CACHE_MAX_VERTICES,
    ) -> None:
        self.source = source
        self.dest_crs = dest_crs
        self._request = overlay_request(dest_crs, transform_context, expression)
        self._maker = PieceMaker(dest_crs, source.sourceName())
        self._name, self._counts, self._feedback = layer_name, counts, feedback
        extent = dest_extent(source, dest_crs, transform_context)
        side = tile_side or density_side(extent, source.featureCount()) or 1000.0
        origin = (extent.xMinimum(), extent.yMinimum()) if extent is not None else (0.0, 0.0)
        self.grid = TileGrid(origin, side)
        self.max_vertices = max_vertices
        self._tiles: OrderedDict[tuple[int, int], _Tile] = OrderedDict()
        self._pieces: dict[int, Piece] = {}
        self._piece_ids: dict[int, list[int]] = {}  # feature id → its pieces
        self._refs: dict[int, int] = {}  # feature id → tiles holding it
        self._next_id = 0
        self.vertices = 0
        self.tiles_read = 0

    def may_meet(self, xmin, ymin, xmax, ymax) -> np.ndarray:
        """Every box may meet the overlay: nothing is known before its tiles are read."""
        return np.ones(len(xmin), dtype=bool)

    def _near(self, rect: QgsRectangle) -> list[Piece]:
        keys = self.grid.tiles(rect)
        tiles = [self._tile(key) for key in keys]
        ids: set[int] = set()
        for tile in tiles:
            ids.update(tile.index.intersects(rect))
        near = sorted((self._pieces[i] for i in ids), key=_piece_key)
        self._evict(keep=set(keys))
        return near

    def _tile(self, key: tuple[int, int]) -> _Tile:
        tile = self._tiles.get(key)
        if tile is not None:
            self._tiles.move_to_end(key)
            return tile
        tile = _Tile()
        request = QgsFeatureRequest(self._request)
        request.setFilterRect(self.grid.rect(key, TILE_MARGIN))
        features = read_features(self.source, request, self._name, self._counts)
        new = []
        for feature in features:
            fid = feature.id()
            if fid in self._refs:
                self._refs[fid] += 1
                tile.fids.append(fid)
            else:
                new.append(feature)
        for piece in self._maker.pieces(new, self._feedback):
            fid = piece.key[0]
            if fid not in self._refs:
                self._refs[fid] = 1
                self._piece_ids[fid] = []
                tile.fids.append(fid)
            self._pieces[self._next_id] = piece
            self._piece_ids[fid].append(self._next_id)
            self._next_id += 1
            self.vertices += piece.vertices
        for fid in tile.fids:
            for piece_id in self._piece_ids[fid]:
                tile.index.addFeature(piece_id, self._pieces[piece_id].rect())
        self._tiles[key] = tile
        self.tiles_read += 1
        return tile

    def _evict(self, keep: set) -> None:
        """Drop least recently used tiles (never those of the current query) while the cache
        holds more than ``max_vertices``; a feature goes with the last tile holding it."""
        while self.vertices > self.max_vertices:
            key = next((k for k in self._tiles if k not in keep), None)
            if key is None:
                return
            for fid in self._tiles.pop(key).fids:
                self._refs[fid] -= 1
                if self._refs[fid] == 0:
                    del self._refs[fid]
                    for piece_id in self._piece_ids.pop(fid):
                        self.vertices -= self._pieces.pop(piece_id).vertices


def _piece_key(piece: Piece) -> tuple[int, int]:
    return piece.key
