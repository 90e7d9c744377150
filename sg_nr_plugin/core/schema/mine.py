"""Field profiles and value vocabularies of the mine layers and of project status, as data.

Legacy-mine parcels come in the national 历史遗留矿山核查 schema (lower-case pinyin: ``hfzlqk``,
``tbhdmj``, ``sdzlmj``, ``nxffs``…), re-delivered by provinces in upper case, with Chinese names
or older keys; mining-right registers differ again (``YXQZ`` or one ``有效期限`` range). The
names, the value codes and their meaning live in ``resources/data/schema/*.json`` (``id`` +
``version``, validated on load). A value outside a vocabulary is *unrecognised*: callers count
it apart and report it (:class:`UnknownValues`), never fold it silently into another class.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from ...i18n import tr
from ..errors import MissingFieldsError
from ..fields import find_field
from ..regions import SHAOGUAN_COUNTIES
from . import SchemaError, load_schema, schema_fail
from .roles import role_table

PROFILE_FILES = {"legacy": "mine_legacy.json", "rights": "mine_rights.json",
                 "controls": "mine_controls.json", "status": "project_status.json"}
MAX_LISTED = 8  # unknown values named in one message
_PART_SEPARATORS = re.compile(r"[\s\-_:;,、，；：()（）\[\]【】/|.·]+")
_CODE_THEN_LABEL = re.compile(r"^([a-z0-9]+)([^a-z0-9].*)$")


# ---- values ----------------------------------------------------------------------------------
def text(value) -> str:
    """An attribute value as trimmed text ('' for NULL)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def normalise_value(value) -> str:
    """The comparison form of a value: full-width to half-width, no blanks, case-folded."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text(value))).casefold()


def dates_in(value) -> list[date]:
    """Every full date in a value, in order: a QDate/QDateTime, a Python date, or text
    (2024-06-30, 2024/6/30, 2024.06.30, 20240630, 2024年6月30日, and ranges of two such dates
    joined by 至, 到, - or ~). An impossible date makes the whole value unreadable ([])."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return []
    if hasattr(value, "toPyDate"):
        return [value.toPyDate()] if value.isValid() else []
    if hasattr(value, "toPyDateTime"):
        return [value.toPyDateTime().date()] if value.isValid() else []
    if isinstance(value, datetime):
        return [value.date()]
    if isinstance(value, date):
        return [value]
    tokens = re.findall(r"\d+", text(value))
    found, i = [], 0
    try:
        while i < len(tokens):
            token = tokens[i]
            if len(token) == 8:
                found.append(date(int(token[:4]), int(token[4:6]), int(token[6:])))
                i += 1
            elif len(token) == 4 and i + 2 < len(tokens) and len(tokens[i + 2]) <= 2:
                found.append(date(int(token), int(tokens[i + 1]), int(tokens[i + 2])))
                i += 3
            elif len(token) == 4 and i + 1 < len(tokens) and len(tokens[i + 1]) <= 2:
                # month precision (2015年1月至2028年12月): the month's first day, or its last
                # when it closes a range
                found.append(_month(int(token), int(tokens[i + 1]), last=bool(found)))
                i += 2
            else:  # a time of day after the date, or a stray number
                i += 1
    except ValueError:
        return []
    return found


def _month(year: int, month: int, last: bool) -> date:
    if not last:
        return date(year, month, 1)
    following = date(year + month // 12, month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def start_date(value) -> date | None:
    """The first date of a value (the start of a range)."""
    found = dates_in(value)
    return found[0] if found else None


def end_date(value) -> date | None:
    """The last date of a value: the end of a range such as 2015-01-01至2028-12-31."""
    found = dates_in(value)
    return found[-1] if found else None


def county_code(value) -> str:
    """A county code from a code or a Shaoguan county name (曲江区, 曲江 → 440205)."""
    raw = text(value)
    if not raw or raw[:6].isdigit():
        return raw
    for code, name in SHAOGUAN_COUNTIES.items():
        if raw == name or (len(raw) >= 2 and name.startswith(raw)):
            return code
    return raw


# ---- vocabularies ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Vocabulary:
    """Values of one coded field and the class each stands for."""

    name: str
    field: str
    classes: dict  # class → values as written in the file
    lookup: dict  # normalised value → class
    contains: tuple = ()  # (normalised term, class): a value holding the term
    empty: str | None = None  # class of an empty value (None: unrecognised)
    source: str = ""

    def classify(self, value) -> str | None:
        """The class of ``value``, or None when the vocabulary does not know it.

        A code written with its label (“B 已恢复治理”, “B-已恢复治理”, “B已恢复治理”) is known
        when every part is known and all parts agree; parts that disagree make it unknown.
        """
        key = normalise_value(value)
        if not key:
            return self.empty
        found = self.lookup.get(key)
        if found is None:
            found = self._by_parts(value, key)
        if found is None:
            found = next((cls for term, cls in self.contains if term in key), None)
        return found

    def _by_parts(self, value, key: str) -> str | None:
        parts = [normalise_value(p) for p in _PART_SEPARATORS.split(unicodedata.normalize(
            "NFKC", text(value)))]
        parts = [p for p in parts if p]
        if len(parts) < 2:
            match = _CODE_THEN_LABEL.match(key)
            parts = list(match.groups()) if match else []
        classes = {self.lookup.get(p) for p in parts}
        return classes.pop() if len(classes) == 1 and None not in classes else None

    def with_values(self, cls: str, values) -> Vocabulary:
        """A copy where ``values`` belong to ``cls`` (taken out of any other class)."""
        lookup = dict(self.lookup)
        classes = {name: list(items) for name, items in self.classes.items()}
        for value in values:
            key = normalise_value(value)
            if key:
                lookup[key] = cls
                classes.setdefault(cls, []).append(text(value))
        return Vocabulary(self.name, self.field, classes, lookup, self.contains, self.empty,
                          self.source)

    def listed(self, *classes: str, limit: int = 0) -> str:
        """The values of ``classes`` (all when none given), for a message; with ``limit``, at
        most that many per class."""
        names = classes or tuple(self.classes)
        parts = []
        for name in names:
            values = list(self.classes.get(name, ()))
            shown = values[:limit] if limit else values
            parts.append(", ".join(shown) + (", …" if len(values) > len(shown) else ""))
        return "; ".join(parts)


@dataclass(frozen=True)
class FieldSpec:
    key: str
    name_zh: str
    aliases: tuple
    alternatives: tuple = ()  # keys of fields that can stand in for this one


class AliasTable(dict):
    """``key → aliases`` (a plain dict for callers) that also knows each field's label and
    stand-ins, so a refusal names the field names a user can deliver."""

    def __init__(self, items, labels: dict, alternatives: dict) -> None:
        super().__init__(items)
        self.labels = labels
        self.alternatives = alternatives


@dataclass(frozen=True)
class FieldMap:
    """Actual field names by key (None when the layer lacks the field)."""

    names: dict
    labels: dict | None = None
    alternatives: dict | None = None

    def get(self, key: str) -> str | None:
        return self.names.get(key)

    def present(self) -> list[str]:
        return list(dict.fromkeys(name for name in self.names.values() if name))

    def has(self, key: str) -> bool:
        """The field or one of its stand-ins is there."""
        stand_ins = (self.alternatives or {}).get(key, ())
        return bool(self.names.get(key)) or any(self.names.get(k) for k in stand_ins)

    def require(self, keys, layer_name: str) -> FieldMap:
        missing = [(self.labels or {}).get(key, key) for key in keys if not self.has(key)]
        if missing:
            raise MissingFieldsError(layer_name, missing)
        return self


def map_fields(fields, aliases: dict) -> FieldMap:
    """Map each key of ``aliases`` onto a name of ``fields`` (a QgsFields or names), trying the
    key itself and then its aliases, case-insensitively."""
    names = list(fields.names()) if hasattr(fields, "names") else [str(n) for n in fields]
    found = {key: find_field(names, key, *options) for key, options in aliases.items()}
    return FieldMap(found, getattr(aliases, "labels", None),
                    getattr(aliases, "alternatives", None))


@dataclass(frozen=True)
class Profile:
    """One schema file: its fields and vocabularies."""

    id: str
    version: str
    source: str
    fields: dict  # key → FieldSpec
    vocabularies: dict  # name → Vocabulary

    def aliases(self, prefix: str = "") -> AliasTable:
        """The fields whose key starts with ``prefix`` (prefix removed) as an alias table."""
        specs = {k[len(prefix):]: s for k, s in self.fields.items() if k.startswith(prefix)}
        return AliasTable({k: s.aliases for k, s in specs.items()},
                          {k: self.label(s.key) for k, s in specs.items()},
                          {k: s.alternatives for k, s in specs.items()})

    def label(self, key: str) -> str:
        """The accepted names of a field for a message: 有效期止 / YXQZ / 有效期限."""
        spec = self.fields[key]
        latin = next((a for a in spec.aliases if a.isascii()), "")
        parts = [spec.name_zh, latin] + [self.fields[k].name_zh for k in spec.alternatives]
        return " / ".join(dict.fromkeys(p for p in parts if p))

    def vocabulary(self, name: str) -> Vocabulary:
        try:
            return self.vocabularies[name]
        except KeyError:
            raise SchemaError(tr("Schema file {file}: no vocabulary “{name}”").format(
                file=self.source, name=name)) from None


@lru_cache(maxsize=8)
def profile(name: str) -> Profile:
    """The schema ``name`` (legacy, rights, controls, status), read and validated once."""
    return parse_profile(load_schema(PROFILE_FILES[name]), PROFILE_FILES[name])


def parse_profile(data, source: str) -> Profile:
    """Validate and build a profile; errors name the file and the key."""
    def fail(key: str, problem: str):
        schema_fail(source, key, problem)

    if not isinstance(data, dict):
        fail("/", tr("must be a JSON object"))
    for key in ("id", "version", "fields", "vocabularies"):
        if key not in data:
            fail(key, tr("is missing"))
    fields = {}
    for key, entry in data["fields"].items():
        if isinstance(entry, dict) and "role" in entry:
            aliases = _role_aliases(entry["role"], f"fields.{key}.role", fail)
        else:
            aliases = entry.get("aliases") if isinstance(entry, dict) else None
        if not aliases or not all(isinstance(a, str) and a.strip() for a in aliases):
            fail(f"fields.{key}.aliases", tr("must be a non-empty list of names"))
        fields[key] = FieldSpec(key, str(entry.get("name_zh") or key), tuple(aliases),
                                tuple(entry.get("or", ())))
    for key, spec in fields.items():
        for other in spec.alternatives:
            if other not in fields:
                fail(f"fields.{key}.or", tr("names an unknown field “{name}”").format(
                    name=other))
    vocabularies = {name: _vocabulary(name, entry, fields, fail, source)
                    for name, entry in data["vocabularies"].items()}
    return Profile(str(data["id"]), str(data["version"]), source, fields, vocabularies)


def _role_aliases(role, key: str, fail) -> tuple:
    """The names of a field role of the role table (roles.json): a field that also has a role
    there (county, status, protected-area zone, declared mode) is named in one place only."""
    table = role_table()
    if not isinstance(role, str) or role not in table.field_roles:
        fail(key, tr("names an unknown field role {id}").format(id=role))
    return table.aliases(role)


def _vocabulary(name, entry, fields, fail, source) -> Vocabulary:
    where = f"vocabularies.{name}"
    if not isinstance(entry, dict) or not isinstance(entry.get("classes"), dict):
        fail(f"{where}.classes", tr("is missing"))
    if entry.get("field") not in fields:
        fail(f"{where}.field", tr("names an unknown field “{name}”").format(
            name=entry.get("field")))
    lookup: dict[str, str] = {}
    for cls, values in entry["classes"].items():
        for value in values:
            key = normalise_value(value)
            if not key:
                fail(f"{where}.classes.{cls}", tr("holds an empty value"))
            if lookup.get(key, cls) != cls:
                fail(f"{where}.classes.{cls}", tr("repeats “{value}”, already in “{other}”")
                     .format(value=value, other=lookup[key]))
            lookup[key] = cls
    contains = tuple((normalise_value(term), cls)
                     for cls, terms in entry.get("contains", {}).items() for term in terms)
    empty = entry.get("empty")
    if empty is not None and empty not in entry["classes"]:
        fail(f"{where}.empty", tr("names an unknown class “{name}”").format(name=empty))
    return Vocabulary(name, entry["field"], dict(entry["classes"]), lookup, contains, empty,
                      source)


# ---- reporting values a vocabulary does not know ---------------------------------------------
class UnknownValues:
    """Values of one field that its vocabulary does not know: how many features, how much area."""

    def __init__(self, vocabulary: Vocabulary, field_name: str | None) -> None:
        self.vocabulary = vocabulary
        self.field_name = field_name or ""
        self.counts: Counter = Counter()
        self.areas: Counter = Counter()

    def add(self, value, area_m2: float = 0.0) -> None:
        raw = text(value)
        self.counts[raw] += 1
        self.areas[raw] += area_m2

    def __bool__(self) -> bool:
        return bool(self.counts)

    def listed(self) -> str:
        items = [f"“{value or '∅'}” ×{n}" for value, n in self.counts.most_common(MAX_LISTED)]
        if len(self.counts) > MAX_LISTED:
            items.append("…")
        return ", ".join(items)

    def message(self, layer: str, what: str, counted_as: str) -> str:
        """The warning: layer, field, each value with its count, and the fix."""
        return tr("Layer “{layer}”, field “{field}”: {n} feature(s) hold a {what} value that is "
                  "not in the vocabulary ({values}; ∅ = empty). They are {counted}. Correct "
                  "the values to one of: {known} (vocabulary {file}).").format(
            layer=layer, field=self.field_name, n=sum(self.counts.values()), what=what,
            values=self.listed(), counted=counted_as, known=self.vocabulary.listed(limit=6),
            file=self.vocabulary.source)


# ---- project status: one meaning of “accepted” ------------------------------------------------
def split_values(value) -> list[str]:
    """Values a user typed in one parameter: 已验收, 竣工；通过 → three values."""
    return [part.strip() for part in re.split(r"[,，;；、|]", text(value)) if part.strip()]


def status_vocabulary(accepted_value=None) -> Vocabulary:
    """project_status.json; values typed by the user (ACCEPTED_VALUE) count as accepted too,
    and win over the file's “not accepted” list."""
    vocabulary = profile("status").vocabulary("status")
    extra = split_values(accepted_value)
    return vocabulary.with_values("accepted", extra) if extra else vocabulary


def status_aliases() -> tuple:
    return profile("status").fields["status"].aliases


def county_aliases() -> tuple:
    return profile("status").fields["county"].aliases
