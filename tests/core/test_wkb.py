"""Bulk WKB ring reader against WKB built by hand with struct (both byte orders, Z/M, EWKB)."""

from __future__ import annotations

import struct

import numpy as np
import pytest

from sg_nr_plugin.core.wkb import SMALL_BATCH, polygon_rings

SQUARE = [(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0), (0.0, 0.0)]
HOLE = [(2.0, 2.0), (2.0, 4.0), (4.0, 4.0), (4.0, 2.0), (2.0, 2.0)]


def ring(points, order, dims):
    extra = [7.5, -1.25][: dims - 2]
    body = b"".join(struct.pack(order + "d" * dims, x, y, *extra) for x, y in points)
    return struct.pack(order + "I", len(points)) + body


def polygon(rings, order="<", dims=2, code=None):
    code = code if code is not None else 3 + {2: 0, 3: 1000, 4: 3000}[dims]
    head = struct.pack("B", 1 if order == "<" else 0) + struct.pack(order + "I", code)
    return head + struct.pack(order + "I", len(rings)) + b"".join(
        ring(r, order, dims) for r in rings)


def multi(parts, order="<", dims=2):
    code = 6 + {2: 0, 3: 1000, 4: 3000}[dims]
    head = struct.pack("B", 1 if order == "<" else 0) + struct.pack(order + "I", code)
    return head + struct.pack(order + "I", len(parts)) + b"".join(parts)


def shifted(points, dx):
    return [(x + dx, y) for x, y in points]


CASES = {
    "polygon": polygon([SQUARE]),
    "polygon_z": polygon([shifted(SQUARE, 1)], dims=3),
    "polygon_zm": polygon([shifted(SQUARE, 2)], dims=4),
    "polygon_m": polygon([shifted(SQUARE, 3)], code=2003, dims=3),
    "multi_one": multi([polygon([shifted(SQUARE, 4)])]),
    "multi_one_z": multi([polygon([shifted(SQUARE, 5)], dims=3)], dims=3),
    "holed": polygon([SQUARE, HOLE]),
    "multi_two": multi([polygon([SQUARE]), polygon([shifted(SQUARE, 20)])]),
    "big_endian": polygon([shifted(SQUARE, 6)], order=">"),
    "ewkb_z": polygon([shifted(SQUARE, 7)], dims=3, code=0x80000003),
}


def test_every_layout_decodes_to_the_same_rings():
    names = list(CASES)
    wkbs = [CASES[n] for n in names]
    # pad with a null and an odd-length geometry so later ones sit at unaligned offsets
    wkbs = [b"", polygon([SQUARE[:-1] + [(0.0, 0.0)]], dims=3)] + wkbs
    wkbs += [polygon([SQUARE])] * SMALL_BATCH  # large enough for the bulk decoder
    x, y, starts, signs, owner = polygon_rings(wkbs).arrays()
    rings = {}
    for r, start in enumerate(starts):
        end = starts[r + 1] if r + 1 < len(starts) else len(x)
        rings.setdefault(int(owner[r]), []).append(
            (signs[r], list(zip(x[start:end], y[start:end]))))
    for index, name in enumerate(names, start=2):
        got = sorted(rings[index], key=lambda item: (-item[0], item[1]))
        dx = {"polygon_z": 1, "polygon_zm": 2, "polygon_m": 3, "multi_one": 4, "multi_one_z": 5,
              "big_endian": 6, "ewkb_z": 7}.get(name, 0)
        expected = [(1.0, shifted(SQUARE, dx))]
        if name == "holed":
            expected.append((-1.0, HOLE))
        if name == "multi_two":
            expected.append((1.0, shifted(SQUARE, 20)))
        assert got == sorted(expected, key=lambda item: (-item[0], item[1])), name
    assert 0 not in rings


@pytest.mark.parametrize("padding", [0, SMALL_BATCH])
def test_nulls_empties_and_lines_are_counted(padding):
    line = struct.pack("<BII", 1, 2, 2) + struct.pack("<4d", 0, 0, 1, 1)
    empty_polygon = struct.pack("<BII", 1, 3, 0)
    empty_multi = struct.pack("<BII", 1, 6, 0)
    extra = [polygon([SQUARE])] * padding  # with padding the bulk decoder runs
    result = polygon_rings([b"", empty_polygon, line, empty_multi, polygon([SQUARE])] + extra)
    assert (result.empty, result.non_polygon) == (3, 1)
    assert sorted(result.arrays()[4].tolist()) == [4] + list(range(5, 5 + padding))


def test_curves_are_reported_unsupported():
    curve_polygon = struct.pack("<BII", 1, 10, 1) + struct.pack("<BII", 1, 8, 3) + \
        struct.pack("<6d", 0, 0, 1, 1, 0, 0)
    result = polygon_rings([polygon([SQUARE]), curve_polygon])
    assert result.unsupported == [1]


@pytest.mark.parametrize("count", [1, 7, 1000])
def test_many_random_rings_keep_their_coordinates(count):
    rng = np.random.default_rng(count)
    rings = [rng.uniform(-1e6, 1e6, size=(int(rng.integers(4, 30)), 2)) for _ in range(count)]
    wkbs = [polygon([[tuple(p) for p in r]], dims=int(rng.integers(2, 5))) for r in rings]
    x, y, starts, _signs, owner = polygon_rings(wkbs).arrays()
    assert sorted(owner.tolist()) == list(range(count))
    ends = np.append(starts[1:], len(x))
    for ring_index, feature in enumerate(owner):
        got = np.column_stack([x, y])[starts[ring_index]:ends[ring_index]]
        assert np.array_equal(got, rings[feature])
