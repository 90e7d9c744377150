"""Polygon rings from WKB, in bulk: the vertex coordinates of many geometries as numpy arrays.

Reading vertices through the QGIS geometry API costs microseconds per vertex in Python; the
WKB of a geometry is one call. The common 三调 parcel (a Polygon, or a MultiPolygon of one
part, with one ring, little-endian, 2D/Z/M/ZM) is decoded for a whole batch with numpy;
anything else (holes, several parts, big-endian, collections) takes a small Python reader.
Curves are refused (``unsupported``) so the caller can segmentize them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from struct import unpack_from

import numpy as np

#: WKB base types whose geometries have an area (Polygon, MultiPolygon, CurvePolygon,
#: MultiSurface, PolyhedralSurface, TIN, Triangle): with no ring they count as empty.
POLYGONAL_TYPES = frozenset({3, 6, 10, 12, 15, 16, 17})


#: Batches smaller than this are read geometry by geometry with the Python reader.
SMALL_BATCH = 32


class UnsupportedWkbError(Exception):
    """A WKB type this reader does not decode (curves): segmentize, then read again."""


def _header(buf: bytes, pos: int) -> tuple[str, int, int, int, int]:
    """(byte order, type code, base type, dimensions, position after the header) of the
    geometry at ``pos`` (ISO and EWKB codes; an EWKB SRID is skipped)."""
    order = "<" if buf[pos] == 1 else ">"
    (code,) = unpack_from(order + "I", buf, pos + 1)
    pos += 5
    if code & 0x20000000:  # EWKB SRID
        pos += 4
    return order, code, base_type(code), dimensions(code), pos


def read_rings(buf: bytes, pos: int, rings: list) -> int:
    """Append ``(offset, n_points, dims, exterior, byteorder)`` for every polygon ring.

    Handles Polygon/MultiPolygon/Triangle/collections in 2D, Z, M and ZM (ISO and EWKB codes);
    points and lines inside collections are skipped. Returns the position after the geometry.
    """
    order, code, base, dims, pos = _header(buf, pos)
    if base in (3, 17):  # Polygon, Triangle
        (n_rings,) = unpack_from(order + "I", buf, pos)
        pos += 4
        for index in range(n_rings):
            (n_points,) = unpack_from(order + "I", buf, pos)
            rings.append((pos + 4, n_points, dims, index == 0, order))
            pos += 4 + 8 * dims * n_points
        return pos
    if base in (4, 5, 6, 7, 15, 16):  # multi-geometries, collections, surfaces, TIN
        (n_parts,) = unpack_from(order + "I", buf, pos)
        pos += 4
        for _ in range(n_parts):
            pos = read_rings(buf, pos, rings)
        return pos
    if base == 1:
        return pos + 8 * dims
    if base == 2:
        (n_points,) = unpack_from(order + "I", buf, pos)
        return pos + 4 + 8 * dims * n_points
    raise UnsupportedWkbError(code)


def vertex_xy(buf: bytes) -> tuple[np.ndarray, np.ndarray]:
    """x and y of every vertex of any geometry (points, lines, polygons, curves, collections;
    2D/Z/M/ZM, either byte order): for screening coordinates, not for speed."""
    runs: list = []
    if buf:
        _vertex_runs(buf, 0, runs)
    if not runs:
        empty = np.zeros(0)
        return empty, empty
    xs, ys = [], []
    for offset, n_points, dims, order in runs:
        values = np.frombuffer(buf, dtype=order + "f8", count=n_points * dims, offset=offset)
        xs.append(values[0::dims])
        ys.append(values[1::dims])
    return np.concatenate(xs), np.concatenate(ys)


def _vertex_runs(buf: bytes, pos: int, runs: list) -> int:
    """Append ``(offset, n_points, dims, byteorder)`` per point sequence; position after."""
    order, _code, base, dims, pos = _header(buf, pos)
    if base == 1:
        runs.append((pos, 1, dims, order))
        return pos + 8 * dims
    if base in (2, 8):  # LineString, CircularString
        (n_points,) = unpack_from(order + "I", buf, pos)
        runs.append((pos + 4, n_points, dims, order))
        return pos + 4 + 8 * dims * n_points
    if base in (3, 17):  # Polygon, Triangle: rings without headers
        (n_rings,) = unpack_from(order + "I", buf, pos)
        pos += 4
        for _ in range(n_rings):
            (n_points,) = unpack_from(order + "I", buf, pos)
            runs.append((pos + 4, n_points, dims, order))
            pos += 4 + 8 * dims * n_points
        return pos
    (n_parts,) = unpack_from(order + "I", buf, pos)  # multi-geometries, curves, collections
    pos += 4
    for _ in range(n_parts):
        pos = _vertex_runs(buf, pos, runs)
    return pos


def base_type(code: int) -> int:
    return (code & 0x0FFFFFFF) % 1000


def dimensions(code: int) -> int:
    iso = (code & 0x0FFFFFFF) // 1000
    has_z = bool(code & 0x80000000) or iso in (1, 3)
    has_m = bool(code & 0x40000000) or iso in (2, 3)
    return 2 + has_z + has_m


@dataclass
class RingSet:
    """Rings of a batch: flat ``x``/``y``, ``starts`` of each ring, +1/−1 ``signs`` (exterior/
    hole), ``owner`` (index of the geometry in the batch)."""

    count: int
    xs: list = field(default_factory=list)
    ys: list = field(default_factory=list)
    counts: list = field(default_factory=list)
    signs: list = field(default_factory=list)
    owners: list = field(default_factory=list)
    empty: int = 0
    non_polygon: int = 0
    unsupported: list = field(default_factory=list)

    def add_wkb(self, index: int, buf: bytes) -> None:
        """Decode one geometry with the Python reader (curves → ``unsupported``)."""
        if not buf:
            self.empty += 1
            return
        rings: list = []
        try:
            read_rings(buf, 0, rings)
        except UnsupportedWkbError:
            self.unsupported.append(index)
            return
        kept = [ring for ring in rings if ring[1] >= 3]
        if not rings:
            order = "<" if buf[0] == 1 else ">"
            polygonal = base_type(unpack_from(order + "I", buf, 1)[0]) in POLYGONAL_TYPES
            self.empty += polygonal
            self.non_polygon += not polygonal
        for offset, n_points, dims, exterior, order in kept:
            values = np.frombuffer(buf, dtype=order + "f8", count=n_points * dims, offset=offset)
            self._append(values[0::dims], values[1::dims], np.array([n_points]),
                         np.array([1.0 if exterior else -1.0]), np.array([index]))

    def _append(self, x, y, counts, signs, owners) -> None:
        self.xs.append(x)
        self.ys.append(y)
        self.counts.append(counts)
        self.signs.append(signs)
        self.owners.append(owners)

    def arrays(self):
        """``x, y, starts, signs, owner`` as numpy arrays."""
        if not self.counts:
            empty = np.zeros(0)
            return empty, empty, np.zeros(0, np.int64), empty, np.zeros(0, np.int64)
        counts = np.concatenate(self.counts).astype(np.int64)
        starts = np.zeros(len(counts), dtype=np.int64)
        np.cumsum(counts[:-1], out=starts[1:])
        return (np.concatenate(self.xs), np.concatenate(self.ys), starts,
                np.concatenate(self.signs), np.concatenate(self.owners).astype(np.int64))


def polygon_rings(wkbs: Sequence[bytes]) -> RingSet:
    """Rings of every geometry in ``wkbs`` (``b""`` = null geometry)."""
    result = RingSet(len(wkbs))
    if len(wkbs) < SMALL_BATCH:  # the bulk decoder's fixed cost exceeds the Python reader's
        for index, wkb in enumerate(wkbs):
            result.add_wkb(index, wkb)
        return result
    lengths = np.fromiter(map(len, wkbs), dtype=np.int64, count=len(wkbs))
    buf = b"".join(wkbs)
    offsets = np.zeros(len(wkbs), dtype=np.int64)
    np.cumsum(lengths[:-1], out=offsets[1:])
    simple, empty, coords, n_points, dims = _classify(buf, offsets, lengths)
    result.empty += int(np.count_nonzero(empty))
    rings = np.flatnonzero(simple & (n_points >= 3))
    if len(rings):
        x, y, order = _gather_xy(buf, coords[rings], n_points[rings], dims[rings])
        rings = rings[order]
        result._append(x, y, n_points[rings], np.ones(len(rings)), rings)
    for index in np.flatnonzero(~simple & ~empty):
        result.add_wkb(int(index), wkbs[index])
    return result


def _classify(buf: bytes, offsets: np.ndarray, lengths: np.ndarray):
    """Which geometries are single-ring little-endian (Multi)Polygons, where their coordinates
    start, how many points and dimensions; and which are null or empty.

    Each header field is read for the whole batch with one fancy index into an unaligned
    uint32 view of the buffer (1-byte stride, no copy). Positions are clipped to the buffer:
    a field past a short geometry's end reads the next one's bytes, and every field read is
    masked by a length check.
    """
    size = len(buf)
    if size < 9:  # nothing but null geometries
        none = np.zeros(len(offsets), dtype=bool)
        zeros = np.zeros(len(offsets), dtype=np.int64)
        return none, lengths == 0, zeros, zeros, zeros + 2
    u8 = np.frombuffer(buf, dtype=np.uint8)
    words = np.ndarray((size - 3,), dtype="<u4", buffer=buf, strides=(1,))

    def u32(at: int) -> np.ndarray:
        return words[np.minimum(offsets + at, size - 4)].astype(np.int64)

    little = (lengths >= 9) & (u8[np.minimum(offsets, size - 1)] == 1)
    code = np.where(little, u32(1), -1)
    iso, base = code // 1000, code % 1000
    plain = little & (iso >= 0) & (iso <= 3)  # ISO codes, no EWKB flags
    dims = 2 + ((iso == 1) | (iso == 3)) + ((iso == 2) | (iso == 3))
    polygon, multi = plain & (base == 3), plain & (base == 6)
    count = u32(5)
    empty = (lengths == 0) | ((polygon | multi) & (count == 0))
    polygon &= (count == 1) & (lengths >= 13)
    multi &= (count == 1) & (lengths >= 22) & (u8[np.minimum(offsets + 9, size - 1)] == 1)
    multi &= (u32(10) == code - 3) & (u32(14) == 1)
    coords = np.where(multi, offsets + 22, offsets + 13)
    n_points = np.where(polygon, u32(9), np.where(multi, u32(18), 0))
    simple = (polygon | multi) & (lengths == coords - offsets + 8 * dims * n_points)
    return simple, empty, coords, np.where(simple, n_points, 0), dims


def _gather_xy(buf: bytes, coords: np.ndarray, n_points: np.ndarray, dims: np.ndarray):
    """x and y of every vertex of the rings starting at byte ``coords``, and the ring order.

    WKB doubles are not 8-byte aligned, so the buffer is viewed as an (unaligned) float64 at
    every byte offset — a view with a 1-byte stride, no copy — and x and y are read with one
    fancy index each by byte position. Rings are grouped by dimensions only (nearly always a
    single 2D group, so ``order`` is the identity); ``order`` gives the rings in output order.
    """
    doubles = np.ndarray((len(buf) - 7,), dtype="<f8", buffer=buf, strides=(1,))
    widths = np.unique(dims)
    order = np.argsort(dims, kind="stable") if len(widths) > 1 else np.arange(len(coords))
    xs, ys = [], []
    for width in widths.tolist():
        rings = order if len(widths) == 1 else order[dims[order] == width]
        at = _runs(coords[rings], n_points[rings], 8 * width)
        xs.append(doubles[at])
        at += 8
        ys.append(doubles[at])
    if len(xs) == 1:
        return xs[0], ys[0], order
    return np.concatenate(xs), np.concatenate(ys), order


def _runs(begins: np.ndarray, counts: np.ndarray, step: int = 1) -> np.ndarray:
    """Concatenated progressions ``begins[i] + step·k`` for ``k < counts[i]`` (counts ≥ 1).

    A cumulative sum of steps: ``step`` inside a run, a jump at each run's start — several
    times faster than ``np.repeat`` + ``np.arange`` for many short runs.
    """
    steps = np.full(int(counts.sum()), step, dtype=np.int64)
    steps[0] = begins[0]
    first = np.cumsum(counts[:-1])
    steps[first] = begins[1:] - (begins[:-1] + step * (counts[:-1] - 1))
    return np.cumsum(steps, out=steps)
