"""Project outlines of the sample and bench scales (sgnr_sample/shapes.py, issue #19): sizes
and part counts in the ranges data/README.md states, parcels that tile without overlaps, and
separate blocks. Checked with OGR on the polygons the generator returns."""

from __future__ import annotations

import numpy as np
import pytest
from osgeo import ogr

from sgnr_sample import shapes


def _blocks(parcels, gap=5.0) -> list:
    """Groups of parcels closer than ``gap`` (as the paddy contiguity rule counts blocks)."""
    grown = ogr.Geometry(ogr.wkbMultiPolygon)
    for parcel in parcels:
        grown = grown.Union(parcel.Buffer(gap / 2, 4))
    if grown.GetGeometryType() == ogr.wkbPolygon:
        return [grown]
    return [grown.GetGeometryRef(k).Clone() for k in range(grown.GetGeometryCount())]


@pytest.mark.parametrize("check", ["farmland", "paddy", "mine"])
def test_drawn_sizes_stay_in_the_stated_ranges(check):
    size = shapes.SIZES[check]
    rng = np.random.default_rng(3)
    draws = [shapes.draw_size(rng, check) for _ in range(400)]
    areas = np.array([d.area_m2 / 1e4 for d in draws])
    assert areas.min() >= size.min_ha and areas.max() <= size.max_ha
    assert 0.6 * size.median_ha < np.median(areas) < 1.4 * size.median_ha
    parts = np.array([d.parts for d in draws])
    assert parts.min() >= 1 and parts.max() <= size.max_parts
    assert all(1 <= d.blocks <= min(d.parts, 4) for d in draws)


@pytest.mark.parametrize("check", ["farmland", "paddy", "mine"])
def test_parcels_are_valid_disjoint_and_near_the_drawn_area(check):
    rng = np.random.default_rng(5)
    cx, cy = 500_000.0, 2_740_000.0
    centre = ogr.Geometry(ogr.wkbPoint)
    centre.AddPoint_2D(cx, cy)
    ratios, multipart = [], 0
    for _ in range(40):
        draw = shapes.draw_size(rng, check)
        parcels = shapes.project_parcels(rng, cx, cy, draw)
        assert 1 <= len(parcels) <= draw.parts
        assert all(p.IsValid() and p.GetGeometryType() == ogr.wkbPolygon for p in parcels)
        for i, a in enumerate(parcels):
            for b in parcels[i + 1:]:
                assert a.Intersection(b).GetArea() < 1e-6  # neighbours share edges only
        union = parcels[0]
        for p in parcels[1:]:
            union = union.Union(p)
        assert union.GetArea() == pytest.approx(sum(p.GetArea() for p in parcels), rel=1e-9)
        assert union.Distance(centre) == 0.0 or len(parcels) == 1  # the site is on it
        assert max(centre.Distance(ogr.CreateGeometryFromWkt(f"POINT({x} {y})"))
                   for p in parcels for x, y, *_ in p.GetGeometryRef(0).GetPoints()) \
            <= draw.reach
        blocks = _blocks(parcels)
        assert len(blocks) <= draw.blocks
        multipart += len(blocks) > 1
        ratios.append(union.GetArea() / draw.area_m2)
    # cuts by a line and blocks that could not grow fully lose some area, never most of it
    assert 0.8 < np.median(ratios) < 1.2 and min(ratios) > 0.25
    assert multipart > 0 or check == "mine"


@pytest.mark.parametrize("seed", range(25))
def test_contiguity_draw_gives_separate_blocks_under_fifty_mu(seed):
    """The planted paddy contiguity case, whatever the random state: separate blocks (more
    than 5 m apart), and blocks under the 50 mu minimum."""
    rng = np.random.default_rng(seed)
    draw = shapes.Draw(6.0 * shapes.HA, 4, 3, spread=8.0, cut_rate=0.0)
    parcels = shapes.project_parcels(rng, 500_000.0, 2_740_000.0, draw)
    blocks = _blocks(parcels)
    assert len(blocks) >= 2
    small = [b for b in blocks
             if sum(p.Intersection(b).GetArea() for p in parcels) * 15 / 10_000 < 50.0]
    assert len(small) >= len(blocks) - 1
