"""Scales of the generated data and the land-class targets they aim at."""

from __future__ import annotations

from dataclasses import dataclass, field

# Working projection of every generated vector layer and of the DEM: CGCS2000 / 3-degree
# Gauss-Kruger CM 114E, the most common delivery of Shaoguan 三调 data (false easting 500 km).
WORK_CRS = "EPSG:4547"
SOURCE_CRS = "EPSG:4490"  # the county outlines (GCJ-02 coordinates treated as CGCS2000)

# Share of the region's area per group, in percent (gross TBMJ of the parcels). Shaoguan's
# 三调 figures: forest about 72 %, cultivated land about 12 %; the rest is our estimate.
CITY_TARGETS = {
    "forest": 72.0, "cultivated": 12.0, "garden": 3.5, "grassland": 1.5, "water": 2.5,
    "wetland": 0.5, "construction": 5.0, "other": 3.0,
}
# The tiny fixture is a window around a county seat: more settlement and farmland.
# The 48 project sites planted in its 25 km² fix the class of about a tenth of its area (grass,
# other forest, bare and mining land: the sources the checks look at), and the 北江 channel
# crosses it: hence less forest, more water, grass and other land than the city as a whole.
TINY_TARGETS = {
    "forest": 50.0, "cultivated": 16.0, "garden": 5.0, "grassland": 6.0, "water": 7.0,
    "wetland": 0.5, "construction": 10.5, "other": 5.0,
}


@dataclass(frozen=True)
class Scale:
    name: str
    parcels: int                       # target number of DLTB parcels over the whole region
    counties: tuple[str, ...]          # county codes covered
    window: tuple[float, float, float, float] | None = None  # lon/lat box clipping the counties
    dem_res: float = 50.0              # DEM cell size, metres
    targets: dict[str, float] = field(default_factory=lambda: dict(CITY_TARGETS))
    gpkg: str = "shaoguan.gpkg"
    townships_per_county: int = 12
    villages_per_township: int = 12
    # share of today's settlement parcels that were cultivated land in the base year
    new_construction_rate: float = 0.012


ALL_COUNTIES = ("440203", "440204", "440205", "440222", "440224", "440229", "440232",
                "440233", "440281", "440282")

SCALES = {
    # About 5 km x 5 km where 曲江区 meets 浈江区 and 武江区, around the 曲江 seat (马坝).
    "tiny": Scale("tiny", 330, ("440204", "440205"),
                  window=(113.582, 24.678, 113.634, 24.724), dem_res=30.0,
                  targets=dict(TINY_TARGETS), gpkg="shaoguan_tiny.gpkg",
                  townships_per_county=3, villages_per_township=5, new_construction_rate=0.08),
    "sample": Scale("sample", 38_000, ALL_COUNTIES, dem_res=100.0, gpkg="shaoguan_sample.gpkg"),
    # make bench QUICK=1: about 100k parcels, for measuring during work.
    "quick": Scale("quick", 87_000, ALL_COUNTIES, dem_res=100.0, gpkg="shaoguan_quick.gpkg"),
    "bench": Scale("bench", 870_000, ALL_COUNTIES, dem_res=50.0, gpkg="shaoguan_bench.gpkg",
                   townships_per_county=16, villages_per_township=18),
}

# Date the ground truth's mining-right rules are computed at (valid vs expired rights).
CHECK_DATE = "2024-06-30"
