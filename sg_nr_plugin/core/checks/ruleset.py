"""Rule sets: versioned JSON files with thresholds, class sets and a severity per rule.

A rule set is data, not code: a county can tighten a threshold or switch a rule from warning
to error without a new plugin release. Every file is validated on load and errors name the key
(``rules.eco_redline.severity``), so a typing mistake in a hand-edited file is found at once.
Thresholds that the domain notes could not confirm carry ``"confirmed": false`` and the reports
say so.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ...i18n import tr
from ...paths import resource_path
from ..errors import SgNrError

SEVERITIES = ("error", "warning", "info")

# The named class sets of core.landclasses (architecture.md); a rule set may also list code
# prefixes ("11", "0101") directly.
KNOWN_CLASS_SETS = frozenset({
    "cultivated", "paddy", "garden", "forest", "grassland", "wetland", "wetland_protection",
    "agricultural", "construction", "unused", "forest_cover", "water", "transport",
})

BUILTIN = {
    "farmland": "gd_farmland.json",
    "paddy": "gd_paddy.json",
    "mine": "gd_mine.json",
}


class RuleSetError(SgNrError):
    """A rule-set file that cannot be used; the message names the file and the key."""

    def __init__(self, origin: str, key: str, problem: str) -> None:
        self.origin, self.key = origin, key
        super().__init__(tr("Rule set “{origin}”, key “{key}”: {problem}").format(
            origin=origin, key=key, problem=problem))


@dataclass(frozen=True)
class Threshold:
    key: str
    value: float
    unit: str = ""
    confirmed: bool = True
    note: str = ""  # English (the source language); the texts below: rule_texts.py
    note_zh: str = ""
    label_en: str = ""
    label_zh: str = ""


@dataclass(frozen=True)
class ClassSpec:
    """Land classes by named set (core.landclasses) and by code prefix."""

    sets: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()

    def contains(self, code: str, table) -> bool:
        code = (code or "").strip()
        if not code:
            return False
        if any(code.startswith(prefix) for prefix in self.codes):
            return True
        return any(table.in_set(code, name) for name in self.sets)


@dataclass(frozen=True)
class RuleConfig:
    rule_id: str
    severity: str
    enabled: bool = True
    deduct: bool = False  # conflict area is removed from the project's quotas
    title_en: str = ""  # what users read instead of the id (rule_texts.rule_title)
    title_zh: str = ""


@dataclass(frozen=True)
class RuleSet:
    id: str
    version: str
    kind: str
    title_zh: str
    title_en: str
    thresholds: dict[str, Threshold] = field(default_factory=dict)
    class_sets: dict[str, ClassSpec] = field(default_factory=dict)
    rules: dict[str, RuleConfig] = field(default_factory=dict)
    origin: str = ""
    file_sha256: str = ""  # of the file as read (the audit trail; edited thresholds keep it)

    def threshold(self, key: str) -> float:
        if key not in self.thresholds:
            raise RuleSetError(self.origin, f"thresholds.{key}", tr("missing"))
        return self.thresholds[key].value

    def class_set(self, key: str) -> ClassSpec:
        if key not in self.class_sets:
            raise RuleSetError(self.origin, f"class_sets.{key}", tr("missing"))
        return self.class_sets[key]

    def rule(self, rule_id: str) -> RuleConfig | None:
        return self.rules.get(rule_id)

    def unconfirmed(self) -> list[Threshold]:
        return [t for t in self.thresholds.values() if not t.confirmed]

    def with_thresholds(self, values: dict[str, float]) -> RuleSet:
        """A copy with some threshold values replaced (the panel's threshold editor)."""
        merged = dict(self.thresholds)
        for key, value in values.items():
            if key not in merged:
                raise RuleSetError(self.origin, f"thresholds.{key}", tr("unknown threshold"))
            merged[key] = replace(merged[key], value=float(value))
        return replace(self, thresholds=merged)

    def require(self, rule_ids, threshold_keys=(), class_set_keys=()) -> None:
        """Fail early, naming the key, when a check needs something this rule set lacks."""
        for rule_id in rule_ids:
            if rule_id not in self.rules:
                raise RuleSetError(self.origin, f"rules.{rule_id}", tr("missing"))
        for key in threshold_keys:
            self.threshold(key)
        for key in class_set_keys:
            self.class_set(key)


# ---- loading -------------------------------------------------------------------------------
def builtin_ruleset(kind: str) -> RuleSet:
    """The Guangdong default rule set shipped for a check kind (``farmland``…)."""
    if kind not in BUILTIN:
        raise SgNrError(tr("No built-in rule set for the check “{kind}”.").format(kind=kind))
    return load_ruleset(resource_path("data", "rulesets", BUILTIN[kind]))


def load_ruleset(path: str | Path) -> RuleSet:
    origin = Path(path).name
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise RuleSetError(origin, "", tr("cannot be read ({error})").format(error=error)) \
            from error
    try:
        data = json.loads(text)
    except ValueError as error:
        raise RuleSetError(origin, "", tr("not valid JSON ({error})").format(error=error)) \
            from error
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    return replace(parse_ruleset(data, origin), file_sha256=digest)


def parse_ruleset(data: Any, origin: str = "<memory>") -> RuleSet:
    if not isinstance(data, dict):
        raise RuleSetError(origin, "", tr("must be a JSON object"))
    title = _get(data, "title", dict, origin)
    return RuleSet(
        id=_text(data, "id", origin),
        version=_text(data, "version", origin),
        kind=_text(data, "kind", origin),
        title_zh=_text(title, "zh", origin, "title."),
        title_en=_text(title, "en", origin, "title."),
        thresholds=_thresholds(_get(data, "thresholds", dict, origin), origin),
        class_sets=_class_sets(_get(data, "class_sets", dict, origin), origin),
        rules=_rules(_get(data, "rules", dict, origin), origin),
        origin=origin,
    )


def _get(data: dict, key: str, kind: type, origin: str, prefix: str = ""):
    if key not in data:
        raise RuleSetError(origin, prefix + key, tr("missing"))
    value = data[key]
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise RuleSetError(origin, prefix + key, tr("must be a number"))
        return float(value)
    if not isinstance(value, kind):
        raise RuleSetError(origin, prefix + key, tr("has the wrong type ({kind} expected)")
                           .format(kind=kind.__name__))
    return value


def _text(data: dict, key: str, origin: str, prefix: str = "") -> str:
    value = _get(data, key, str, origin, prefix)
    if not value.strip():
        raise RuleSetError(origin, prefix + key, tr("must not be empty"))
    return value


def _thresholds(data: dict, origin: str) -> dict[str, Threshold]:
    result = {}
    for key, spec in data.items():
        prefix = f"thresholds.{key}."
        if not isinstance(spec, dict):
            raise RuleSetError(origin, f"thresholds.{key}", tr("must be a JSON object"))
        confirmed = spec.get("confirmed", True)
        if not isinstance(confirmed, bool):
            raise RuleSetError(origin, prefix + "confirmed", tr("must be true or false"))
        label = _bilingual(spec, "label", origin, prefix)
        note = _bilingual(spec, "note", origin, prefix)
        result[key] = Threshold(key, _get(spec, "value", float, origin, prefix),
                                str(spec.get("unit", "")), confirmed, note[0], note[1],
                                label[0], label[1])
    return result


def _bilingual(spec: dict, key: str, origin: str, prefix: str) -> tuple[str, str]:
    """``(en, zh)`` of an optional ``{"en": …, "zh": …}`` text; both are required when it is
    given. A plain text is English only (rule-set files written before version 2023.2)."""
    value = spec.get(key)
    if value is None:
        return "", ""
    if isinstance(value, str):
        return value, ""
    if not isinstance(value, dict):
        raise RuleSetError(origin, prefix + key, tr("must be a JSON object"))
    return (_text(value, "en", origin, f"{prefix}{key}."),
            _text(value, "zh", origin, f"{prefix}{key}."))


def _class_sets(data: dict, origin: str) -> dict[str, ClassSpec]:
    result = {}
    for key, spec in data.items():
        prefix = f"class_sets.{key}."
        if not isinstance(spec, dict):
            raise RuleSetError(origin, f"class_sets.{key}", tr("must be a JSON object"))
        sets = spec.get("sets", [])
        codes = spec.get("codes", [])
        for name, values in (("sets", sets), ("codes", codes)):
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise RuleSetError(origin, prefix + name, tr("must be a list of texts"))
        unknown = [name for name in sets if name not in KNOWN_CLASS_SETS]
        if unknown:
            raise RuleSetError(origin, prefix + "sets", tr("unknown class set(s): {names}")
                               .format(names=", ".join(unknown)))
        result[key] = ClassSpec(tuple(sets), tuple(c.strip() for c in codes))
    return result


def _rules(data: dict, origin: str) -> dict[str, RuleConfig]:
    result = {}
    for rule_id, spec in data.items():
        prefix = f"rules.{rule_id}."
        if not isinstance(spec, dict):
            raise RuleSetError(origin, f"rules.{rule_id}", tr("must be a JSON object"))
        severity = _get(spec, "severity", str, origin, prefix)
        if severity not in SEVERITIES:
            raise RuleSetError(origin, prefix + "severity", tr("must be one of {values}")
                               .format(values=", ".join(SEVERITIES)))
        flags = {}
        for flag, default in (("enabled", True), ("deduct", False)):
            flags[flag] = spec.get(flag, default)
            if not isinstance(flags[flag], bool):
                raise RuleSetError(origin, prefix + flag, tr("must be true or false"))
        title = _bilingual(spec, "title", origin, prefix)
        result[rule_id] = RuleConfig(rule_id, severity, flags["enabled"], flags["deduct"],
                                     *title)
    return result


def ruleset_to_dict(ruleset: RuleSet) -> dict:
    """The JSON form of a rule set (the panel saves edited thresholds this way)."""
    return {
        "id": ruleset.id,
        "version": ruleset.version,
        "kind": ruleset.kind,
        "title": {"zh": ruleset.title_zh, "en": ruleset.title_en},
        "thresholds": {t.key: {"value": t.value, "unit": t.unit, "confirmed": t.confirmed,
                               **_texts(label=(t.label_en, t.label_zh),
                                        note=(t.note, t.note_zh))}
                       for t in ruleset.thresholds.values()},
        "class_sets": {k: {"sets": list(v.sets), "codes": list(v.codes)}
                       for k, v in ruleset.class_sets.items()},
        "rules": {r.rule_id: {"severity": r.severity, "enabled": r.enabled, "deduct": r.deduct,
                              **_texts(title=(r.title_en, r.title_zh))}
                  for r in ruleset.rules.values()},
    }


def _texts(**pairs: tuple[str, str]) -> dict:
    """The JSON form of ``(en, zh)`` texts, as :func:`_bilingual` reads them back."""
    result: dict = {}
    for key, (en, zh) in pairs.items():
        if en and zh:
            result[key] = {"en": en, "zh": zh}
        elif en:
            result[key] = en
    return result
