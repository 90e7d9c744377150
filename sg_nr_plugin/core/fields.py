"""Field detection for DLTB-like layers: case-insensitive names and known aliases.

Suppliers spell 三调 field names in upper, lower or mixed case, second-survey (二调) files use
TKXS/TKMJ for KCXS/KCMJ, and some deliver Chinese field names. Everything that reads DLTB
attributes goes through :func:`detect_dltb_fields` and never hard-codes a spelling.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields

from .errors import MissingFieldsError

#: attribute → accepted names, in order of preference (matched case-insensitively).
DLTB_ALIASES: dict[str, tuple[str, ...]] = {
    "bsm": ("BSM", "标识码"),
    "tbbh": ("TBBH", "图斑编号"),
    "tbybh": ("TBYBH", "图斑预编号"),
    "dlbm": ("DLBM", "DLDM", "地类编码", "地类代码"),
    "dlmc": ("DLMC", "地类名称"),
    "qsxz": ("QSXZ", "权属性质"),
    "qsdwdm": ("QSDWDM", "权属单位代码"),
    "qsdwmc": ("QSDWMC", "权属单位名称"),
    "zldwdm": ("ZLDWDM", "坐落单位代码"),
    "zldwmc": ("ZLDWMC", "坐落单位名称"),
    "tbmj": ("TBMJ", "图斑面积"),
    "kcdlbm": ("KCDLBM", "扣除地类编码"),
    "kcxs": ("KCXS", "TKXS", "扣除地类系数", "田坎系数"),
    "kcmj": ("KCMJ", "TKMJ", "扣除地类面积", "田坎面积"),
    "tbdlmj": ("TBDLMJ", "图斑地类面积"),
    "gdlx": ("GDLX", "耕地类型"),
    "gdpdjb": ("GDPDJB", "GDPDJ", "PDJB", "耕地坡度级别", "耕地坡度级"),
    "gddb": ("GDDB", "GDDJ", "耕地等别", "耕地等级"),
    "czcsxm": ("CZCSXM", "城镇村属性码"),
    "zzsxdm": ("ZZSXDM", "种植属性代码"),
    "tbxhdm": ("TBXHDM", "图斑细化代码"),
}


def find_field(field_names, *aliases: str) -> str | None:
    """The actual name of the first alias present (case-insensitive, trimmed), or None.

    ``field_names`` is a ``QgsFields`` or any iterable of names.
    """
    names = _names(field_names)
    by_key = {}
    for name in names:
        by_key.setdefault(name.strip().casefold(), name)
    for alias in aliases:
        found = by_key.get(alias.strip().casefold())
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class DltbFields:
    """Actual field names of a DLTB-like layer (None when absent)."""

    bsm: str | None = None
    tbbh: str | None = None
    tbybh: str | None = None
    dlbm: str | None = None
    dlmc: str | None = None
    qsxz: str | None = None
    qsdwdm: str | None = None
    qsdwmc: str | None = None
    zldwdm: str | None = None
    zldwmc: str | None = None
    tbmj: str | None = None
    kcdlbm: str | None = None
    kcxs: str | None = None
    kcmj: str | None = None
    tbdlmj: str | None = None
    gdlx: str | None = None
    gdpdjb: str | None = None
    gddb: str | None = None
    czcsxm: str | None = None
    zzsxdm: str | None = None
    tbxhdm: str | None = None

    def get(self, key: str) -> str | None:
        return getattr(self, key)

    def as_dict(self) -> dict[str, str | None]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def present(self) -> dict[str, str]:
        return {k: v for k, v in self.as_dict().items() if v}

    def missing(self, names: Iterable[str]) -> list[str]:
        """The standard names (with aliases, e.g. "KCXS/TKXS") of the absent ``names``."""
        return ["/".join(DLTB_ALIASES[key][:2]) if _has_latin_alias(key) else DLTB_ALIASES[key][0]
                for key in names if not self.get(key)]

    def require(self, names: Iterable[str], layer_name: str) -> DltbFields:
        """Raise :class:`MissingFieldsError` listing every absent field of ``names``."""
        missing = self.missing(names)
        if missing:
            raise MissingFieldsError(layer_name, missing)
        return self


def detect_dltb_fields(field_names) -> DltbFields:
    """Map each DLTB attribute to the layer's actual field name (see :data:`DLTB_ALIASES`)."""
    names = _names(field_names)
    return DltbFields(**{key: find_field(names, *aliases) for key, aliases in DLTB_ALIASES.items()})


def _has_latin_alias(key: str) -> bool:
    aliases = DLTB_ALIASES[key]
    return len(aliases) > 1 and aliases[1].isascii()


def _names(field_names) -> list[str]:
    if hasattr(field_names, "names"):  # QgsFields
        return list(field_names.names())
    return [str(name) for name in field_names]
