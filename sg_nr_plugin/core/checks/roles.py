"""Which project layer plays which role in a check (DLTB, red line, protected areas…).

Pure logic for the check panels' "detect" button: layers are described by name, geometry kind
and field names (no QgsProject here), and each layer gets at most one role. Fields decide first
(DLTB has DLBM and TBMJ; project layers have a project id field), then names in Chinese, pinyin
initials or English.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PROJECT_ID_FIELDS = ("项目编号", "xmbh", "xmmc", "项目名称", "project_id")


@dataclass(frozen=True)
class LayerInfo:
    layer_id: str
    name: str
    kind: str  # "polygon" | "line" | "point" | "raster" | "table"
    fields: tuple[str, ...] = ()

    def has_fields(self, *names: str) -> bool:
        lower = {f.lower() for f in self.fields}
        return all(n.lower() in lower for n in names)

    def has_any_field(self, names) -> bool:
        lower = {f.lower() for f in self.fields}
        return any(n.lower() in lower for n in names)

    def named(self, patterns) -> bool:
        """Whether the name contains a pattern (``=xx``: the whole name is ``xx``)."""
        name = self.name.lower()
        return any(name == p[1:] if p.startswith("=") else p in name for p in patterns)


# role → (geometry kind, name patterns), in the order roles are assigned.
NAME_PATTERNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "FILED_PROJECTS": ("polygon", ("已备案", "备案", "filed", "ybxm", "ybaxm")),
    "ECO_REDLINE": ("polygon", ("生态保护红线", "stbhhx", "红线", "redline", "red_line")),
    "PROTECTED_AREAS": ("polygon", ("自然保护地", "保护区", "zrbhd", "protected")),
    "PUBLIC_FOREST": ("polygon", ("公益林", "gyl", "public_forest", "publicforest")),
    "URBAN_BOUNDARY": ("polygon", ("城镇开发边界", "开发边界", "czkfbj", "kfbj", "urban")),
    "BASIC_FARMLAND": ("polygon", ("永久基本农田", "基本农田", "yjjbnt", "jbnt", "farmland_basic",
                                   "basic_farmland")),
    "STEEP_SLOPE": ("polygon", ("陡坡", "禁止开垦", "jzkkpd", "dpd", "steep")),
    "HAZARDS": ("point", ("地质灾害", "地灾", "隐患点", "dzzh", "hazard")),
    "DEM": ("raster", ("dem", "高程", "dsm", "elevation")),
    "LEGACY_MINES": ("polygon", ("历史遗留", "矿山图斑", "lsyl", "legacy")),
    "MINING_RIGHTS": ("polygon", ("采矿权", "矿权", "ckq", "mining_right")),
    "ROADS": ("line", ("道路", "公路", "road", "dl_", "=dl")),
    "RIVERS": ("line", ("河流", "水系", "river", "hl_", "=hl")),
    "WATER": ("line", ("河流", "水系", "水源", "沟渠", "river", "water", "hl_", "=hl")),
    "PROJECTS": ("polygon", ("项目", "xm", "project", "补充耕地", "垦造", "修复")),
}


# Project layers of each check kind (the standard layer codes first).
PROJECT_PATTERNS = {
    "farmland": ("xm_bcgd", "bcgd", "补充耕地"),
    "paddy": ("xm_kzst", "kzst", "垦造水田"),
    "mine": ("xm_ksxf", "ksxf", "矿山修复", "矿山地质环境"),
}


def detect_roles(layers: list[LayerInfo], roles: tuple[str, ...],
                 kind: str = "") -> dict[str, str]:
    """``{role: layer_id}`` for the wanted roles found among ``layers``.

    ``kind`` (farmland / paddy / mine) prefers that check's project layer over the others'.
    """
    found: dict[str, str] = {}
    used: set[str] = set()

    def take(role: str, layer: LayerInfo) -> None:
        found[role] = layer.layer_id
        used.add(layer.layer_id)

    if "PROJECTS" in roles and kind in PROJECT_PATTERNS:
        for layer in layers:
            if layer.kind == "polygon" and layer.named(PROJECT_PATTERNS[kind]):
                take("PROJECTS", layer)
                break

    if "DLTB" in roles:  # by name first: basic-farmland layers carry DLBM and TBMJ too
        other_names = [p for role, (_, patterns) in NAME_PATTERNS.items() for p in patterns]
        candidates = [layer for layer in layers if layer.kind == "polygon"]
        by_name = [layer for layer in candidates if layer.named(("dltb", "地类图斑"))]
        by_fields = [layer for layer in candidates if layer.has_fields("DLBM", "TBMJ")
                     and not layer.named(other_names)]
        if by_name or by_fields:
            take("DLTB", _current_vintage(by_name or by_fields))
    for role, (kind, patterns) in NAME_PATTERNS.items():
        if role not in roles or role in found:
            continue
        for layer in layers:
            if layer.layer_id not in used and layer.kind == kind and layer.named(patterns):
                take(role, layer)
                break
    if "PROJECTS" in roles and "PROJECTS" not in found:
        for layer in layers:  # no telling name: the polygon layer with a project id field
            if (layer.layer_id not in used and layer.kind == "polygon"
                    and layer.has_any_field(PROJECT_ID_FIELDS)):
                take("PROJECTS", layer)
                break
    return found


def _current_vintage(layers: list[LayerInfo]) -> LayerInfo:
    """The current DLTB among vintages: a name without a year (DLTB) before DLTB_2020,
    otherwise the latest year."""
    def key(layer: LayerInfo):
        years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", layer.name)]
        return (0, 0) if not years else (1, -max(years))

    return min(layers, key=key)
