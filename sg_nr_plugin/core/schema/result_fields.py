"""Aliases and display precision of the result layers' fields, from one data file
(``resources/data/schema/result_fields.json``): the attribute table shows 项目编号 for
``project_id`` under zh_CN, "Project id" in English, and areas rounded (m² to 2 places, 亩 to 4)
while the stored values stay exact."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ...i18n import tr
from . import load_schema, schema_fail
from .roles import ui_language

FILE = "result_fields.json"


@dataclass(frozen=True)
class ResultFields:
    labels: dict[str, tuple[str, str]]  # field → (zh, en)
    decimals: dict[str, int]  # name suffix → places shown

    def alias(self, name: str) -> str | None:
        """The field's alias in the interface language, or None for a field not listed."""
        pair = self.labels.get(name)
        if pair is None:
            return None
        return pair[0] if ui_language() == "zh" else pair[1]

    def places(self, name: str) -> int | None:
        """Decimal places to show for a numeric field, by its name's suffix; None: as stored."""
        for suffix, places in self.decimals.items():
            if name.endswith(suffix):
                return places
        return None


@lru_cache(maxsize=2)
def result_fields(path: str | None = None) -> ResultFields:
    data = load_schema(FILE, path)
    fields, decimals = data.get("fields"), data.get("decimals", {})
    if not isinstance(fields, dict) or not fields:
        schema_fail(FILE, "fields", tr("must be a non-empty JSON object"))
    labels = {}
    for name, entry in fields.items():
        texts = [entry.get(k) if isinstance(entry, dict) else None
                 for k in ("label_zh", "label_en")]
        if not all(isinstance(t, str) and t.strip() for t in texts):
            schema_fail(FILE, f"fields.{name}", tr("needs label_zh and label_en texts"))
        labels[name] = (texts[0], texts[1])
    if not isinstance(decimals, dict) or not all(
            isinstance(v, int) and 0 <= v <= 10 for v in decimals.values()):
        schema_fail(FILE, "decimals", tr("must map name suffixes to 0–10 decimal places"))
    return ResultFields(labels, dict(decimals))
