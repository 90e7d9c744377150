"""The plan's indicator definitions (表1) as editable data: resources/data/indicators.json.

Each indicator names how it is computed (``method``), from which class set or input layer, its
unit, kind (约束性/预期性), the 2020 baseline and the 2025 target. The file is validated on load;
errors name the file and the key, so a user editing targets knows what to fix.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ...i18n import tr
from ...paths import resource_path
from ..errors import SgNrError
from ..units import AreaUnit

METHODS = ("class_area", "class_share", "overlay_net", "overlay_gross", "change_to",
           "green_mines")
LAYER_METHODS = ("overlay_net", "overlay_gross", "change_to", "green_mines")
CLASS_METHODS = ("class_area", "class_share", "change_to")
PERCENT = "%"
UNITS = {"m²": AreaUnit.M2, "公顷": AreaUnit.HA, "亩": AreaUnit.MU, "万亩": AreaUnit.WAN_MU,
         "km²": AreaUnit.KM2, PERCENT: None}
KINDS = ("约束性", "预期性")
INDICATOR_IDS = ("cultivated_land", "basic_farmland", "forest_coverage", "wetland",
                 "eco_redline", "protected_areas", "restoration_new", "construction_new",
                 "construction_total", "urban_renewal", "green_mines")


class IndicatorFileError(SgNrError):
    """The indicator file is malformed; the message names the file and key."""


@dataclass(frozen=True)
class Indicator:
    id: str
    seq: int
    name_zh: str
    name_en: str
    unit: str
    kind: str
    method: str
    baseline_2020: float | None = None
    target_2025: float | None = None
    target_note: str = ""
    direction: str = "min"
    class_set: str = ""
    layer: str = ""
    note: str = ""
    green_fields: tuple = ()
    green_values: tuple = ()
    only_fields: tuple = ()  # count only features whose first present field of these…
    only_values: tuple = ()  # …holds one of these values (e.g. ZT = 已完成)

    @property
    def area_unit(self) -> AreaUnit | None:
        return UNITS[self.unit]


@dataclass
class IndicatorSet:
    id: str
    version: str
    source: str
    indicators: list[Indicator] = field(default_factory=list)

    def by_id(self, indicator_id: str) -> Indicator:
        return next(i for i in self.indicators if i.id == indicator_id)


def load_indicators(path: str | Path | None = None) -> IndicatorSet:
    """Read and validate an indicator file (default: the bundled plan's 表1)."""
    path = Path(path) if path else resource_path("data", "indicators.json")
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise IndicatorFileError(tr("Cannot read the indicator file {path}: {error}").format(
            path=path, error=error)) from error
    return parse_indicators(data, Path(path).name)


def parse_indicators(data, source: str) -> IndicatorSet:
    def fail(key: str, problem: str):
        raise IndicatorFileError(tr("Indicator file {file}: “{key}” {problem}").format(
            file=source, key=key, problem=problem))

    if not isinstance(data, dict):
        fail("/", tr("must be a JSON object"))
    for key in ("id", "version", "indicators"):
        if key not in data:
            fail(key, tr("is missing"))
    if not isinstance(data["indicators"], list):
        fail("indicators", tr("must be a list"))
    indicators = [_indicator(entry, i, fail) for i, entry in enumerate(data["indicators"])]
    seen = [i.id for i in indicators]
    for indicator_id in seen:
        if seen.count(indicator_id) > 1:
            fail(indicator_id, tr("is defined twice"))
    return IndicatorSet(str(data["id"]), str(data["version"]), str(data.get("source", "")),
                        indicators)


def _indicator(entry, position: int, fail) -> Indicator:
    key = f"indicators[{position}]"
    if not isinstance(entry, dict):
        fail(key, tr("must be an object"))
    key = f"indicators[{position}] ({entry.get('id', '?')})"
    for name in ("id", "seq", "name_zh", "unit", "kind", "method"):
        if name not in entry:
            fail(f"{key}.{name}", tr("is missing"))
    if entry["id"] not in INDICATOR_IDS:
        fail(f"{key}.id", tr("must be one of {values}").format(values=", ".join(INDICATOR_IDS)))
    if entry["method"] not in METHODS:
        fail(f"{key}.method", tr("must be one of {values}").format(values=", ".join(METHODS)))
    if entry["unit"] not in UNITS:
        fail(f"{key}.unit", tr("must be one of {values}").format(values=", ".join(UNITS)))
    if entry["kind"] not in KINDS:
        fail(f"{key}.kind", tr("must be one of {values}").format(values=", ".join(KINDS)))
    if entry["method"] in LAYER_METHODS and not entry.get("layer"):
        fail(f"{key}.layer", tr("is required by method {method}").format(method=entry["method"]))
    if entry["method"] in CLASS_METHODS and not entry.get("class_set"):
        fail(f"{key}.class_set", tr("is required by method {method}").format(
            method=entry["method"]))
    for name in ("baseline_2020", "target_2025"):
        value = entry.get(name)
        if value is not None and not isinstance(value, (int, float)):
            fail(f"{key}.{name}", tr("must be a number or null"))
    if bool(entry.get("only_fields")) != bool(entry.get("only_values")):
        fail(f"{key}.only_fields", tr("and only_values go together"))
    if entry.get("direction", "min") not in ("min", "max"):
        fail(f"{key}.direction", tr("must be “min” (at least the target) or “max” (at most)"))
    return Indicator(
        id=entry["id"], seq=int(entry["seq"]), name_zh=entry["name_zh"],
        name_en=entry.get("name_en", entry["id"]), unit=entry["unit"], kind=entry["kind"],
        method=entry["method"], baseline_2020=entry.get("baseline_2020"),
        target_2025=entry.get("target_2025"), target_note=entry.get("target_note", ""),
        direction=entry.get("direction", "min"), class_set=entry.get("class_set", ""),
        layer=entry.get("layer", ""), note=entry.get("note", ""),
        green_fields=tuple(entry.get("green_fields", ())),
        green_values=tuple(str(v).upper() for v in entry.get("green_values", ())),
        only_fields=tuple(entry.get("only_fields", ())),
        only_values=tuple(str(v) for v in entry.get("only_values", ())))
