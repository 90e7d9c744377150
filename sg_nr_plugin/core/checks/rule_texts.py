"""What users read instead of rule ids and threshold keys, in the interface language.

Rule ids (``steep_slope``) and threshold keys (``min_finding_m2``) are a public contract of the
outputs and of rule-set files; users read their titles, labels and notes, which every shipped
rule set carries in English and Chinese (``{"en": …, "zh": …}``). A rule set written by hand may
leave them out: the built-in rule set of the same kind then supplies them, and the id is shown
only for a rule or threshold that no rule set describes.
"""

from __future__ import annotations

from functools import cache

from ...i18n import tr, ui_language
from .ruleset import BUILTIN, RuleSet, Threshold, builtin_ruleset


def _pick(pairs, fallback: str) -> str:
    """The first ``(en, zh)`` pair that has both texts, in the interface language; else the
    first text there is (a hand-written rule set may give English only); else ``fallback``."""
    pairs = [(en, zh) for en, zh in pairs if en or zh]
    if not pairs:
        return fallback
    en, zh = next(((en, zh) for en, zh in pairs if en and zh), pairs[0])
    return (zh or en) if ui_language() == "zh" else (en or zh)


@cache
def _builtin(kind: str) -> RuleSet | None:
    return builtin_ruleset(kind) if kind in BUILTIN else None


def _sources(ruleset: RuleSet | None, kind: str) -> list[RuleSet]:
    """The rule set, then the built-in one of its kind (which describes every shipped id)."""
    kind = kind or (ruleset.kind if ruleset is not None else "")
    return [r for r in (ruleset, _builtin(kind)) if r is not None]


def rule_title(rule_id: str, ruleset: RuleSet | None = None, kind: str = "") -> str:
    """The title of a rule (``steep_slope`` → 陡坡 / Steep slope)."""
    rules = [s.rule(rule_id) for s in _sources(ruleset, kind)]
    return _pick([(r.title_en, r.title_zh) for r in rules if r is not None], rule_id)


def rule_title_zh(rule_id: str, ruleset: RuleSet | None = None) -> str:
    """The Chinese title of a rule whatever the interface language (the PDF check sheets are
    Chinese): from ``ruleset``, else from the built-in rule set of any check that has the
    rule; its English title or the id when none has a Chinese one."""
    sources = [ruleset] if ruleset is not None else []
    sources += [r for r in map(_builtin, BUILTIN) if r is not None]
    rules = [r for r in (s.rule(rule_id) for s in sources) if r is not None]
    return next((r.title_zh for r in rules if r.title_zh),
                next((r.title_en for r in rules if r.title_en), rule_id))


def any_rule_title(rule_id: str) -> str:
    """The title of a rule of any shipped check (a findings layer does not say its check)."""
    for kind in BUILTIN:
        title = rule_title(rule_id, kind=kind)
        if title != rule_id:
            return title
    return rule_id


def rule_titles(rule_ids, ruleset: RuleSet | None = None, kind: str = "") -> str:
    """Several rule titles as one text, from ids in a list or in one text (``"a, b"``)."""
    if isinstance(rule_ids, str):
        rule_ids = [r.strip() for r in rule_ids.split(",") if r.strip()]
    return tr(", ").join(rule_title(r, ruleset, kind) for r in rule_ids)


def _thresholds(key: str, ruleset: RuleSet | None, kind: str) -> list[Threshold]:
    found = [s.thresholds.get(key) for s in _sources(ruleset, kind)]
    return [t for t in found if t is not None]


def threshold_label(key: str, ruleset: RuleSet | None = None, kind: str = "") -> str:
    """The label of a threshold, with its unit (``min_finding_m2`` → 最小问题面积（平方米）)."""
    return _pick([(t.label_en, t.label_zh) for t in _thresholds(key, ruleset, kind)], key)


def threshold_note(key: str, ruleset: RuleSet | None = None, kind: str = "") -> str:
    """What a threshold does, after "unconfirmed; " when the domain notes could not confirm
    the value of the rule set (``confirmed: false``)."""
    found = _thresholds(key, ruleset, kind)
    note = _pick([(t.note, t.note_zh) for t in found], "")
    if found and ruleset is not None and key in ruleset.thresholds \
            and not ruleset.thresholds[key].confirmed:
        return tr("unconfirmed; ") + note
    return note
