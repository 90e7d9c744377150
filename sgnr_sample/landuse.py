"""Land classes and 三调 attributes of the parcels of one county.

Classes are handed out by area quotas over ranked suitability scores, so the class shares hit
the targets while staying spatially coherent: settlements around seats and villages, farmland
on low gentle ground near water, gardens on foothills, forest everywhere else.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

from . import classes as lc
from .terrain import Dem, Terrain, slope_grade

SYLLABLES = list("龙华新安平东西南北坪田塘岭坑溪江口头水石马黄白沙竹林桥湾坝联和丰乐兴仁"
                 "富民长青横岗洞陂寨围冲背")


@dataclass
class AdminUnits:
    """Townships and villages of one county, as seed points and codes."""
    town_xy: np.ndarray
    town_codes: list[str]
    town_names: list[str]
    village_xy: np.ndarray
    village_town: np.ndarray
    village_codes: list[str]     # 12 chars
    village_names: list[str]


def _name(rng: np.random.Generator, used: set[str], suffix: str) -> str:
    while True:
        name = "".join(rng.choice(SYLLABLES, 2)) + suffix
        if name not in used:
            used.add(name)
            return name


def admin_units(rng, county: str, seat, sample_xy: np.ndarray, n_towns: int,
                n_villages: int) -> AdminUnits:
    """Township seats (the county seat is 街道 001) and village seeds drawn from ``sample_xy``."""
    picks = rng.choice(len(sample_xy), size=min(len(sample_xy), n_towns - 1), replace=False)
    town_xy = np.vstack([np.asarray(seat)[None, :], sample_xy[picks]])
    used: set[str] = set()
    town_codes = ["001"] + [f"{100 + k:03d}" for k in range(1, len(town_xy))]
    town_names = [_name(rng, used, "街道")] + [_name(rng, used, "镇") for _ in town_xy[1:]]
    vpicks = rng.choice(len(sample_xy), size=min(len(sample_xy), n_towns * n_villages),
                        replace=False)
    village_xy = sample_xy[vpicks]
    village_town = cKDTree(town_xy).query(village_xy)[1]
    counters = np.zeros(len(town_xy), dtype=int)
    codes, names = [], []
    for t in village_town:
        counters[t] += 1
        codes.append(f"{county}{town_codes[t]}{200 + counters[t]:03d}")
        names.append(town_names[t] + _name(rng, used, "村"))
    return AdminUnits(town_xy, town_codes, town_names, village_xy, village_town, codes, names)


def _take(assigned: np.ndarray, area: np.ndarray, score: np.ndarray, quota: float,
          label: str, mask=None) -> np.ndarray:
    """Give ``label`` to the best-scoring unassigned parcels until ``quota`` m² is reached."""
    free = (assigned == "") if mask is None else (assigned == "") & mask
    idx = np.flatnonzero(free)
    order = idx[np.argsort(-score[idx], kind="stable")]
    cum = np.cumsum(area[order])
    chosen = order[: int(np.searchsorted(cum, quota)) + 1] if quota > 0 else order[:0]
    assigned[chosen] = label
    return chosen


def _mix(rng, mix: dict, n: int) -> np.ndarray:
    keys = list(mix)
    weights = np.array([mix[k] for k in keys], dtype=float)
    return np.array(keys, dtype=object)[rng.choice(len(keys), size=n, p=weights / weights.sum())]


def assign_classes(rng, terrain: Terrain, dem: Dem, units: AdminUnits, seat, x, y, area,
                   river, targets: dict[str, float], fixed: np.ndarray
                   ) -> tuple[np.ndarray, np.ndarray]:
    """DLBM and CZCSXM per parcel. ``river`` ≥ 0 marks river-channel parcels; ``fixed``
    holds classes imposed by project sites (their area counts towards the quotas)."""
    n = len(x)
    total = float(area.sum())
    quota = {k: v / 100.0 * total for k, v in targets.items()}
    group = np.full(n, "", dtype=object)
    dlbm = np.full(n, "", dtype=object)
    czcs = np.full(n, "", dtype=object)
    low = terrain.lowland(x, y)
    slope = dem.sample(dem.slope, x, y)
    noise = terrain.texture(x, y)
    pts = np.column_stack([x, y])
    d_seat = np.hypot(x - seat[0], y - seat[1])
    d_town = cKDTree(units.town_xy[1:]).query(pts)[0] if len(units.town_xy) > 1 else d_seat * 9
    d_vil = cKDTree(units.village_xy).query(pts)[0]
    d_river = terrain.river_distance(x, y)

    channel = river >= 0
    group[channel], dlbm[channel] = "water", "1101"
    quota["water"] -= area[channel].sum()
    for i in np.flatnonzero(fixed != ""):
        dlbm[i], group[i] = fixed[i], lc.GROUP_OF[fixed[i]]
        czcs[i] = "204" if fixed[i] == "0602" else ""
        quota[group[i]] -= area[i]

    # Settlements: city around the seat, towns, villages; each parcel keeps its kind (201–203).
    terms = np.vstack([np.exp(-(d_seat / 2500.0) ** 2), 0.7 * np.exp(-(d_town / 700.0) ** 2),
                       0.45 * np.exp(-(d_vil / 260.0) ** 2)])
    kind = np.where(terms[0] >= terms[1], 201, 202)  # city or town
    settle = terms[:2].max(axis=0) + 0.08 * noise - 0.3 * low
    mine_centres = pts[rng.choice(n, size=max(1, n // 4000), replace=False)]
    d_mine = cKDTree(mine_centres).query(pts)[0]
    mining = _take(group, area, np.exp(-(d_mine / 300.0) ** 2) + 0.2 * low,
                   0.06 * quota["construction"], "construction", low > 0.3)
    dlbm[mining], czcs[mining] = "0602", "204"
    # a third of the settlement land is village homesteads scattered around village centres
    village = _take(group, area, terms[2] + 0.05 * noise - 0.3 * low,
                    (quota["construction"] - area[mining].sum()) / 3, "construction")
    kind[village] = 203
    built = np.concatenate([village, _take(group, area, settle, quota["construction"]
                                           - area[mining].sum() - area[village].sum(),
                                           "construction")])
    for k in (201, 202, 203):
        sel = built[kind[built] == k]
        dlbm[sel] = _mix(rng, lc.SETTLEMENT_MIX[k], len(sel))
        czcs[sel] = str(k)
    czcs[built[(kind[built] == 203) & (dlbm[built] == "0601")]] = "203A"

    flat = np.exp(-slope / 6.0)
    farm = -1.3 * low + 0.6 * flat + 0.25 * noise - d_river / 8000.0
    wet = _take(group, area, -d_river / 100.0 + 0.2 * noise, quota["wetland"], "wetland",
                (d_river < 400) & (low < 0.4))
    dlbm[wet] = "1106"
    pond = _take(group, area, farm + 0.3 * rng.random(n), quota["water"] * 0.6, "water",
                 low < 0.5)
    dlbm[pond] = np.where(rng.random(len(pond)) < 0.15, "1104K",
                          np.where(rng.random(len(pond)) < 0.25, "1107", "1104"))
    res_centre = pts[rng.choice(n, size=1)][0]
    reservoir = _take(group, area, -np.hypot(*(pts - res_centre).T), quota["water"] * 0.4
                      - 0.0, "water", low > 0.2)
    dlbm[reservoir] = "1103"

    cult = _take(group, area, farm, quota["cultivated"], "cultivated")
    paddy_ok = (slope[cult] < 8) & (d_river[cult] < 2500)
    dlbm[cult] = np.where(paddy_ok, "0101", "0103")
    dlbm[cult[rng.random(len(cult)) < 0.04]] = "0102"

    gard = _take(group, area, -np.abs(low - 0.4) + 0.3 * noise, quota["garden"], "garden")
    dlbm[gard] = _mix(rng, lc.GARDEN_MIX, len(gard))
    grass = _take(group, area, 0.5 * noise + rng.random(n) * 0.5, quota["grassland"], "grassland")
    dlbm[grass] = "0404"
    other = _take(group, area, farm + 0.5 * rng.random(n), quota["other"], "other")
    dlbm[other] = _mix(rng, lc.OTHER_MIX, len(other))
    dlbm[other[(dlbm[other] == "1207") & (slope[other] < 10)]] = "1206"

    rest = np.flatnonzero(group == "")
    group[rest] = "forest"
    dlbm[rest] = _mix(rng, lc.FOREST_MIX, len(rest))
    return dlbm, czcs


def cultivated_attributes(rng, code: str, slope: float) -> dict:
    """GDLX, GDPDJB, KCXS, GDDB, ZZSXDM for a cultivated parcel of the given slope."""
    grade = int(slope_grade(np.array([slope]))[0])
    if code not in lc.GROUPS["cultivated"]:
        return {"GDLX": "", "GDPDJB": "", "KCXS": 0.0, "GDDB": None, "ZZSXDM": "",
                "ZZSXMC": ""}
    gdlx = "" if grade == 1 else ("TT" if (code == "0101" or rng.random() < 0.3) else "PD")
    kcxs = lc.KCXS[gdlx or "PD"][grade]
    gddb = int(np.clip(round(4 + 1.6 * grade + rng.normal(0, 1.2)), 1, 15))
    zz = str(_mix(rng, lc.PLANTING, 1)[0])
    return {"GDLX": gdlx, "GDPDJB": str(grade), "KCXS": kcxs, "GDDB": gddb, "ZZSXDM": zz,
            "ZZSXMC": lc.PLANTING_NAMES[zz]}
