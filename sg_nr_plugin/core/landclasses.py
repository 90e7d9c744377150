"""三调 land classes, their first-level groups, the three major categories and named class sets.

Everything comes from ``resources/data/landclasses.json`` (editable data, ``id`` + ``version``),
validated on load. ``lookup`` never raises: an unknown or empty code is the ``UNRECOGNISED``
class, so statistics count such parcels in their own row instead of dropping them.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..i18n import tr
from ..paths import resource_path
from .errors import SgNrError

UNRECOGNISED = "UNRECOGNISED"
MAJOR_CATEGORIES = ("agricultural", "construction", "unused")
#: Sets every table must define (statistics and checks name them).
REQUIRED_SETS = ("cultivated", "paddy", "garden", "forest", "grassland", "wetland",
                 "wetland_protection", "forest_cover", "water", "transport")
#: Suffixes for 可调整 (K) and refined (A) codes, grouped with their base class.
SUFFIXES = ("K", "A")


@dataclass(frozen=True)
class LandClass:
    code: str
    name_zh: str
    name_en: str
    level1: str
    level1_name_zh: str
    major: str  # "agricultural" | "construction" | "unused" | "" (unrecognised)
    base: str = ""  # the class without its K/A suffix, "" when the code has none
    survey: str = "third"  # "third" (三调) or "second" (二调 codes)

    @property
    def recognised(self) -> bool:
        return self.code != UNRECOGNISED


@dataclass(frozen=True)
class ClassSet:
    name: str
    name_zh: str
    name_en: str
    codes: frozenset


class LandClassError(SgNrError):
    """The land-class data file is malformed; the message names the file and key."""


def normalise_code(value) -> str:
    """DLBM as text: NULL → "", whitespace trimmed, suffix upper-cased, 101.0 → "101"."""
    if value is None:
        return ""
    if hasattr(value, "isNull") and value.isNull():
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip().upper()


class LandClassTable:
    """Lookup of codes, sets and categories; build with :func:`land_classes`."""

    def __init__(self, data: Mapping, source: str = "landclasses.json") -> None:
        _validate(data, source)
        self.id: str = data["id"]
        self.version: str = data["version"]
        self.level1_names = {k: dict(v) for k, v in data["level1"].items()}
        self.major_names = {k: dict(v) for k, v in data["major_categories"].items()}
        unrec = data.get("unrecognised", {})
        self.unrecognised = LandClass(UNRECOGNISED, unrec.get("name_zh", "未识别地类"),
                                      unrec.get("name_en", "Unrecognised class"), "", "", "")
        self._classes: dict[str, LandClass] = {}
        for row in data["classes"]:
            self._classes[row["code"]] = LandClass(
                row["code"], row["name_zh"], row["name_en"], row["level1"],
                self.level1_names[row["level1"]]["name_zh"], row["major"],
                row.get("base", ""), row.get("survey", "third"))
        self.czcsxm: dict[str, str] = dict(data.get("czcsxm", {}))
        self._sets: dict[str, ClassSet] = {}
        for name, entry in data["sets"].items():
            self._sets[name] = ClassSet(name, entry["name_zh"], entry["name_en"],
                                        self._with_suffixed(entry["codes"]))
        for major in MAJOR_CATEGORIES:
            names = self.major_names[major]
            codes = frozenset(c.code for c in self._classes.values() if c.major == major)
            self._sets[major] = ClassSet(major, names["name_zh"], names["name_en"], codes)

    # -- lookup ----------------------------------------------------------------------------
    def lookup(self, code) -> LandClass:
        """The class of ``code``; unknown/empty → the ``UNRECOGNISED`` class (never raises).

        An unlisted code with a K/A suffix whose base is known gets the base's grouping, so new
        suffixed codes a supplier invents are still classified (and kept distinct by code).
        """
        if type(code) is str:  # fast path: a clean code as read from DLTB (once per parcel)
            found = self._classes.get(code)
            if found is not None:
                return found
        text = normalise_code(code)
        found = self._classes.get(text)
        if found is not None:
            return found
        base = _strip_suffix(text)
        if base and base in self._classes:
            parent = self._classes[base]
            suffix = text[-1]
            return LandClass(text, f"{parent.name_zh}（{suffix}）", f"{parent.name_en} ({suffix})",
                             parent.level1, parent.level1_name_zh, parent.major, base,
                             parent.survey)
        return self.unrecognised

    def is_known(self, code) -> bool:
        return self.lookup(code).recognised

    def codes(self) -> list[str]:
        """Every listed code, in file order."""
        return list(self._classes)

    def classes(self) -> list[LandClass]:
        return list(self._classes.values())

    # -- sets ------------------------------------------------------------------------------
    def set_names(self) -> list[str]:
        return list(self._sets)

    def class_set(self, name: str) -> frozenset:
        """Codes of a named set (suffixed K/A codes of its members included)."""
        return self.named_set(name).codes

    def named_set(self, name: str) -> ClassSet:
        try:
            return self._sets[name]
        except KeyError:
            raise LandClassError(
                tr("Unknown land-class set “{name}”; known sets: {known}").format(
                    name=name, known=", ".join(self._sets))) from None

    def in_set(self, code, name: str) -> bool:
        """Whether ``code`` belongs to the set; unlisted K/A codes follow their base code."""
        codes = self.class_set(name)
        if type(code) is str and code in codes:  # fast path, see lookup()
            return True
        text = normalise_code(code)
        return text in codes or (_strip_suffix(text) or None) in codes

    def major_of(self, code) -> str:
        """"agricultural" / "construction" / "unused", or "" when unrecognised."""
        return self.lookup(code).major

    def tally_unrecognised(self, codes: Iterable) -> Counter:
        """How many times each unrecognised code (as given, "" for empty) occurs."""
        return Counter(normalise_code(c) for c in codes if not self.is_known(c))

    def _with_suffixed(self, codes: Iterable[str]) -> frozenset:
        members = set(codes)
        members.update(c.code for c in self._classes.values() if c.base in members)
        return frozenset(members)


@lru_cache(maxsize=4)
def land_classes(path: str | None = None) -> LandClassTable:
    """The land-class table (cached); ``path`` overrides the bundled file."""
    file = Path(path) if path else resource_path("data", "landclasses.json")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise LandClassError(tr("Cannot read the land-class file {path}: {error}").format(
            path=file, error=error)) from error
    return LandClassTable(data, file.name)


def _strip_suffix(code: str) -> str:
    if len(code) > 2 and code[-1] in SUFFIXES:
        return code[:-1]
    return ""


def _validate(data: Mapping, source: str) -> None:
    """Refuse a malformed table with a message naming the file and the offending key."""
    def fail(key: str, problem: str) -> None:
        raise LandClassError(tr("Land-class file {file}: “{key}” {problem}").format(
            file=source, key=key, problem=problem))

    for key in ("id", "version", "level1", "major_categories", "classes", "sets"):
        if key not in data:
            fail(key, tr("is missing"))
    for major in MAJOR_CATEGORIES:
        if major not in data["major_categories"]:
            fail(f"major_categories.{major}", tr("is missing"))
    seen: set[str] = set()
    for index, row in enumerate(data["classes"]):
        for key in ("code", "name_zh", "name_en", "level1", "major"):
            if not isinstance(row.get(key), str) or (key != "major" and not row.get(key)):
                fail(f"classes[{index}].{key}", tr("is missing or not text"))
        code = row["code"]
        if code in seen:
            fail(f"classes[{index}].code", tr("repeats code {code}").format(code=code))
        seen.add(code)
        if row["level1"] not in data["level1"]:
            fail(f"classes[{index}].level1", tr("names an unknown first-level class"))
        if row["major"] not in MAJOR_CATEGORIES:
            fail(f"classes[{index}].major", tr("must be one of agricultural, construction, unused"))
        if row.get("base") and row["base"] not in {r.get("code") for r in data["classes"]}:
            fail(f"classes[{index}].base", tr("names an unknown code"))
    for name in REQUIRED_SETS:
        if name not in data["sets"]:
            fail(f"sets.{name}", tr("is missing"))
    for name, entry in data["sets"].items():
        for key in ("name_zh", "name_en", "codes"):
            if key not in entry:
                fail(f"sets.{name}.{key}", tr("is missing"))
        unknown = [c for c in entry["codes"] if c not in seen]
        if unknown:
            fail(f"sets.{name}.codes", tr("lists unknown codes: {codes}").format(
                codes=", ".join(unknown)))
