"""The DLTB (地类图斑) schema and the attribute rows of one county's parcels."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import classes as lc
from .landuse import AdminUnits, cultivated_attributes

FIELDS = [
    ("BSM", "str", 18, 0, "标识码"), ("YSDM", "str", 10, 0, "要素代码"),
    ("TBYBH", "str", 8, 0, "图斑预编号"), ("TBBH", "str", 8, 0, "图斑编号"),
    ("DLBM", "str", 5, 0, "地类编码"), ("DLMC", "str", 60, 0, "地类名称"),
    ("QSXZ", "str", 2, 0, "权属性质"), ("QSDWDM", "str", 19, 0, "权属单位代码"),
    ("QSDWMC", "str", 60, 0, "权属单位名称"), ("ZLDWDM", "str", 19, 0, "坐落单位代码"),
    ("ZLDWMC", "str", 60, 0, "坐落单位名称"), ("TBMJ", "real", 15, 2, "图斑面积"),
    ("KCDLBM", "str", 5, 0, "扣除地类编码"), ("KCXS", "real", 6, 4, "扣除地类系数"),
    ("KCMJ", "real", 15, 2, "扣除地类面积"), ("TBDLMJ", "real", 15, 2, "图斑地类面积"),
    ("GDLX", "str", 2, 0, "耕地类型"), ("GDPDJB", "str", 2, 0, "耕地坡度级别"),
    ("XZDWKD", "real", 5, 1, "线状地物宽度"), ("TBXHDM", "str", 6, 0, "图斑细化代码"),
    ("TBXHMC", "str", 20, 0, "图斑细化名称"), ("ZZSXDM", "str", 6, 0, "种植属性代码"),
    ("ZZSXMC", "str", 20, 0, "种植属性名称"), ("GDDB", "int", 2, 0, "耕地等别"),
    ("FRDBS", "str", 1, 0, "飞入地标识"), ("CZCSXM", "str", 4, 0, "城镇村属性码"),
    ("SJNF", "int", 4, 0, "数据年份"), ("MSSM", "str", 2, 0, "描述说明"),
    ("HDMC", "str", 100, 0, "海岛名称"), ("BZ", "str", 254, 0, "备注"),
]
NAMES = [f[0] for f in FIELDS]


@dataclass
class Parcels:
    """Column arrays of one county's parcels (kept for the control layers and projects)."""
    county: str
    dlbm: np.ndarray
    czcs: np.ndarray
    zldwdm: np.ndarray
    village: np.ndarray
    tbmj: np.ndarray
    slope: np.ndarray
    x: np.ndarray
    y: np.ndarray


def attribute_rows(rng, county: str, units: AdminUnits, village: np.ndarray, dlbm, czcs,
                   tbmj: np.ndarray, slope: np.ndarray, d_river: np.ndarray, year: int,
                   serial0: int = 0) -> list[list]:
    """One list of values (in ``FIELDS`` order) per parcel."""
    rows = []
    counters: dict[int, int] = {}
    for i in range(len(dlbm)):
        v = int(village[i])
        counters[v] = counters.get(v, 0) + 1
        tbbh = str(counters[v])
        code = str(dlbm[i])
        zl = units.village_codes[v] + "0000000"
        state = code in ("1101", "1103", "1001", "1003") or czcs[i] == "201"
        qsdm = zl[:9] + "0" * 10 if state else zl
        qsmc = (units.town_names[units.village_town[v]] + "国有") if state else \
            units.village_names[v] + "农民集体"
        cult = cultivated_attributes(rng, code, float(slope[i]))
        area = round(float(tbmj[i]), 2)
        kcmj = round(area * cult["KCXS"], 2)
        tbxh = ""
        if code in lc.GROUPS["cultivated"] and d_river[i] < 120:
            tbxh = "HDGD"
        rows.append([
            f"{county}2110{serial0 + i + 1:08d}", "2001010100", tbbh, tbbh, code, lc.NAMES[code],
            "10" if state else "30", qsdm, qsmc, zl, units.village_names[v], area,
            "1203" if cult["KCXS"] > 0 else "", cult["KCXS"], kcmj, round(area - kcmj, 2),
            cult["GDLX"], cult["GDPDJB"], None, tbxh, "河道耕地" if tbxh else "",
            cult["ZZSXDM"], cult["ZZSXMC"], cult["GDDB"], "", str(czcs[i]), year, "", "", "",
        ])
    return rows


def recompute(row: list, code: str, rng, slope: float, year: int) -> list:
    """A copy of ``row`` describing the same parcel as class ``code`` (base-year vintages)."""
    out = list(row)
    cult = cultivated_attributes(rng, code, slope)
    area = out[NAMES.index("TBMJ")]
    kcmj = round(area * cult["KCXS"], 2)
    for name, value in (("DLBM", code), ("DLMC", lc.NAMES[code]),
                        ("KCDLBM", "1203" if cult["KCXS"] > 0 else ""), ("KCXS", cult["KCXS"]),
                        ("KCMJ", kcmj), ("TBDLMJ", round(area - kcmj, 2)), ("GDLX", cult["GDLX"]),
                        ("GDPDJB", cult["GDPDJB"]), ("GDDB", cult["GDDB"]),
                        ("ZZSXDM", cult["ZZSXDM"]), ("ZZSXMC", cult["ZZSXMC"]),
                        ("TBXHDM", ""), ("TBXHMC", ""), ("SJNF", year)):
        out[NAMES.index(name)] = value
    if lc.GROUP_OF.get(code) != "construction":
        out[NAMES.index("CZCSXM")] = ""
    return out
