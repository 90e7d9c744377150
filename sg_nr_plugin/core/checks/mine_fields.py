"""Field mapping and value parsing for the mine layers (legacy mines, mining rights, roads…).

The national legacy-mine check schema (历史遗留矿山核查) is delivered with lower-case names
(``tbbh``, ``zlzt``…), provinces re-deliver it in upper case or with Chinese names, and mining-
right registers differ again. So names are looked up through alias lists (case-insensitive,
:func:`core.fields.find_field`), never hard-coded, and coded values (``zlzt`` A/B, ``xffs``
1–4, dates written four ways) are parsed here in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from ..errors import MissingFieldsError
from ..fields import find_field
from ..schema.roles import role_table

# key → aliases, first match wins (find_field is case-insensitive: tbbh finds TBBH too).
LEGACY_ALIASES: dict[str, tuple[str, ...]] = {
    "tbbh": ("tbbh", "图斑编号", "TBBM", "BH"),
    "xzqdm": ("xzqdm", "行政区代码", "XZQHDM", "XZDM", "ZLDWDM"),
    "ksmc": ("ksmc", "矿山名称", "KSMC1"),
    "tbdl": ("tbdl", "图斑大类", "TBLX"),
    "tbxl": ("tbxl", "图斑小类"),
    "bhqlx": ("bhqlx", "保护区类型"),
    "bhqjb": ("bhqjb", "保护区级别"),
    "kcfs": ("kcfs", "开采方式"),
    "hsmj": ("hsmj", "核实面积", "TBMJ"),
    "zlmj": ("zlmj", "治理面积", "YZLMJ"),
    "zlzt": ("zlzt", "治理状态", "ZLQK"),
    "tbbw": ("tbbw", "图斑部位"),
    "xffs": ("xffs", "修复方式", "XFMS"),
    "xfsq": ("xfsq", "修复时期"),
}
RIGHTS_ALIASES: dict[str, tuple[str, ...]] = {
    "xkzh": ("XKZH", "许可证号", "CKXKZH", "KQBH"),
    "ksmc": ("KSMC", "矿山名称"),
    "yxqq": ("YXQQ", "有效期起", "YXQSRQ", "QSRQ", "YXQ_Q"),
    "yxqz": ("YXQZ", "有效期止", "YXQJZRQ", "JZRQ", "YXQ_Z"),
    "sczt": ("SCZT", "生产状态", "KSZT"),
    "lsks": ("SFLSKS", "LSKS", "是否绿色矿山", "绿色矿山", "GREEN_MINE"),
    "xzqdm": ("XZQDM", "行政区代码", "XZQHDM"),
}
ROAD_ALIASES: dict[str, tuple[str, ...]] = {
    "class": ("DLDJ", "道路等级", "GLDJ", "JSDJ", "LXDJ", "CLASS"),
    "name": ("DLMC", "LXMC", "名称", "NAME"),
    "code": ("LXBM", "LXDM", "路线编码"),
}
RIVER_ALIASES: dict[str, tuple[str, ...]] = {
    "class": ("HLDJ", "河流等级", "DJ", "CLASS"),
    "name": ("HLMC", "名称", "NAME"),
}
PROTECTED_ALIASES: dict[str, tuple[str, ...]] = {
    "zone": role_table().aliases("PROTECTED_ZONE_FIELD"),  # ZRBHDFQ, GNFQ, 功能分区…
    "level": ("JB", "级别", "BHDJB", "bhqjb"),
    "name": ("BHDMC", "名称", "MC"),
}
HAZARD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("ZHDBH", "编号", "BH", "TYBH"),
    "kind": ("ZHLX", "灾害类型"),
}
DECLARED_MODE_ALIASES = role_table().aliases("DECLARED_MODE_FIELD")

# Restoration modes of the national schema (xffs 1–4) and the plan's wording.
MODES = {"1": "自然恢复", "2": "辅助再生", "3": "生态重建", "4": "转型利用"}
MODE_NATURAL = "自然恢复"
MODE_ENGINEERING = "工程治理"
_MODE_WORDS = {"natural": "1", "assisted": "2", "reconstruction": "3", "conversion": "4"}
_TRUE = {"是", "Y", "YES", "TRUE", "T", "1", "达标", "已达标", "绿色矿山"}
_TREATED = {"B", "已治理", "治理", "2"}
_PRODUCING = ("生产", "在采", "正常生产", "在产")


@dataclass(frozen=True)
class FieldMap:
    """Actual field names by key (None when the layer lacks the field)."""

    names: dict[str, str | None]

    def get(self, key: str) -> str | None:
        return self.names.get(key)

    def present(self) -> list[str]:
        return [name for name in self.names.values() if name]

    def require(self, keys, layer_name: str) -> FieldMap:
        missing = [key for key in keys if not self.names.get(key)]
        if missing:
            raise MissingFieldsError(layer_name, missing)
        return self


def map_fields(fields, aliases: dict[str, tuple[str, ...]]) -> FieldMap:
    """Map ``aliases`` keys onto the names of ``fields`` (a QgsFields or an iterable of names).

    The key itself is tried first, so the national lower-case name and its upper-case provincial
    spelling both work without listing each.
    """
    names = list(fields.names()) if hasattr(fields, "names") else list(fields)
    return FieldMap({key: find_field(names, key, *options) for key, options in aliases.items()})


# ---- values ----------------------------------------------------------------------------------
def text(value) -> str:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value).strip()


def parse_date(value) -> date | None:
    """A date from a QDate/QDateTime, a Python date or text (2024-06-30, 2024/6/30, 20240630,
    2024年6月30日); None when empty or unreadable."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toPyDate"):
        return value.toPyDate() if value.isValid() else None
    if hasattr(value, "toPyDateTime"):
        return value.toPyDateTime().date() if value.isValid() else None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    numbers = re.findall(r"\d+", str(value))
    if len(numbers) == 1 and len(numbers[0]) == 8:
        numbers = [numbers[0][:4], numbers[0][4:6], numbers[0][6:]]
    if len(numbers) < 3:
        return None
    try:
        return date(int(numbers[0]), int(numbers[1]), int(numbers[2]))
    except ValueError:
        return None


def normalise_mode(value) -> str:
    """The Chinese restoration mode of a declared value (1–4, Chinese or English; '' unknown)."""
    raw = text(value)
    if not raw:
        return ""
    if raw in MODES:
        return MODES[raw]
    for name in MODES.values():
        if name in raw:
            return name
    for word, code in _MODE_WORDS.items():
        if word in raw.lower():
            return MODES[code]
    return raw


def is_true(value) -> bool:
    """A yes flag (是, Y, 1, 达标…)."""
    return text(value).upper() in _TRUE


def is_treated(value) -> bool:
    """Treatment status zlzt: B (or 已治理) is treated, A untreated."""
    return text(value).upper() in _TREATED


def is_producing(value) -> bool:
    """Production status of a mining right (生产/在采…); 关闭/停产 are not producing."""
    raw = text(value)
    return any(word in raw for word in _PRODUCING) and "停" not in raw


def number(value) -> float | None:
    try:
        result = float(text(value))
    except ValueError:
        return None
    return result if result == result else None
