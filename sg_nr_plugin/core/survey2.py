"""Second-survey (二调, GB/T 21010-2007) DLTB data: recognising it, reporting it on a 三调 basis.

The 二调 classes (name, first-level class, 三大类) are the ``"survey": "second"`` rows of
``landclasses.json``; ``crosswalk_second_third.json`` says for each of them which 三调 class,
first-level group or major category it is reported under, every 三调 class its land may have
gone to, and whether the mapping is approximate (both files editable, validated on load).

A numeric DLBM column turns 二调's 011 into 11 and 三调's 0101 into 101 — which is 二调's 101
铁路用地 — so the survey is told from the field type, the set of codes and the area fields
(XZDWMJ/LXDWMJ exist only in 二调), never from one value (domain.md §9).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from qgis.core import QgsFeatureRequest
from qgis.PyQt.QtCore import QVariant

from ..i18n import tr
from ..paths import resource_path
from .errors import SgNrError
from .fields import find_field
from .landclasses import MAJOR_CATEGORIES, land_classes, normalise_code

THIRD, SECOND = "third", "second"
#: Parcels whose DLBM is read to recognise the survey.
SAMPLE_PARCELS = 2000
_NUMERIC = (QVariant.Int, QVariant.UInt, QVariant.LongLong, QVariant.ULongLong, QVariant.Double)


class CrosswalkError(SgNrError):
    """The crosswalk file is malformed; the message names the file and key."""


@dataclass(frozen=True)
class CrosswalkEntry:
    code: str
    third: str  # a 三调 class code, a first-level group ("03") or a major category
    candidates: frozenset
    approximate: bool = False
    note_zh: str = ""
    note_en: str = ""


@dataclass(frozen=True)
class ExtraRow:
    """A 二调 summary row that is no class: linear / scattered features, the residual."""

    code: str
    name_zh: str
    name_en: str
    aliases: tuple = ()


class Crosswalk:
    """二调 → 三调 lookup; build with :func:`crosswalk`."""

    def __init__(self, data: dict, source: str = "crosswalk_second_third.json") -> None:
        _validate(data, source)
        self.id, self.version = data["id"], data["version"]
        self.detection = {k: tuple(v) for k, v in data["detection"].items()}
        rows = data["rows"]
        self.linear, self.scattered, self.gap = (
            ExtraRow(rows[k]["code"], rows[k]["name_zh"], rows[k]["name_en"],
                     tuple(rows[k].get("aliases", ()))) for k in ("linear", "scattered", "gap"))
        self.ridge_code = rows["ridge"]["code"]
        self.entries = {row["code"]: CrosswalkEntry(
            row["code"], row["third"], frozenset(row["candidates"]),
            bool(row.get("approximate", False)), row.get("note_zh", ""), row.get("note_en", ""))
            for row in data["classes"]}

    def entry(self, code: str) -> CrosswalkEntry | None:
        return self.entries.get(code)

    def extra_rows(self) -> dict[str, ExtraRow]:
        return {row.code: row for row in (self.linear, self.scattered, self.gap)}

    def membership(self, code: str, set_name: str) -> tuple[bool, bool]:
        """(counted, approximate) of a 二调 class in a 三调 class set: counted when every 三调
        class it may have become is in the set; when only some are, it follows the class or
        group it is reported under, and the answer is approximate."""
        entry = self.entries.get(code)
        if entry is None:
            return False, False
        table = land_classes()
        members = [table.in_set(c, set_name) for c in sorted(entry.candidates)]
        if all(members):
            return True, False
        if not any(members):
            return False, False
        return self._reported_in(entry.third, set_name), True

    def _reported_in(self, third: str, set_name: str) -> bool:
        table = land_classes()
        if table.is_known(third):
            return table.in_set(third, set_name)
        codes = [c.code for c in table.classes() if c.survey == THIRD and (
            c.level1 == third or c.major == third)]
        return bool(codes) and all(table.in_set(c, set_name) for c in codes)

    def key(self, code: str, level: str) -> tuple[str, str] | None:
        """(key, Chinese name) of a 二调 code on the 三调 side of a change matrix, at
        ``level`` "class" or "level1"; None for a code the crosswalk does not list. A code
        reported under a group or category keeps that coarser key (said in the notes)."""
        entry = self.entries.get(code)
        if entry is None:
            return None
        table = land_classes()
        if entry.third in MAJOR_CATEGORIES:
            own = table.lookup(code)  # 201–203: the 二调 group 20, split unknown
            return own.level1, own.level1_name_zh
        if table.is_known(entry.third):
            third = table.lookup(entry.third)
            if level == "class":
                return third.code, third.name_zh
            return third.level1, third.level1_name_zh
        return entry.third, table.level1_names[entry.third]["name_zh"]


@lru_cache(maxsize=4)
def crosswalk(path: str | None = None) -> Crosswalk:
    """The 二调 → 三调 crosswalk (cached); ``path`` overrides the bundled file."""
    file = Path(path) if path else resource_path("data", "crosswalk_second_third.json")
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise CrosswalkError(tr("Cannot read the crosswalk file {path}: {error}").format(
            path=file, error=error)) from error
    return Crosswalk(data, file.name)


def second_code(value) -> str:
    """A 二调 DLBM as text: a number loses its leading zero (011 → 11), so 1–2 digit codes are
    padded back to three."""
    text = normalise_code(value)
    whole, dot, zeros = text.partition(".")
    if dot and whole.isdigit() and zeros.strip("0") == "":
        text = whole  # "11.0": a real-typed column read as text
    if text.isdigit() and len(text) < 3:
        return text.zfill(3)
    return text


def _numeric_codes(survey: str) -> set[int]:
    """The integers the codes of one survey become in a numeric column."""
    return {int(c.code) for c in land_classes().classes()
            if c.survey == survey and c.code.isdigit()}


def code_survey(value, numeric: bool) -> str:
    """THIRD, SECOND, or "" when ``value`` is a code of both (or of neither)."""
    if numeric or isinstance(value, (int, float)):
        try:
            number = float(value)
        except (TypeError, ValueError):
            return ""
        if not number.is_integer():
            return ""
        second, third = (int(number) in _numeric_codes(s) for s in (SECOND, THIRD))
        return SECOND if second and not third else THIRD if third and not second else ""
    found = land_classes().lookup(value)
    if found.recognised:
        return found.survey
    text = normalise_code(value)
    return code_survey(text, True) if text.isdigit() else ""  # "11": a number stored as text


@dataclass(frozen=True)
class SurveyProfile:
    survey: str
    reason: str = ""

    @property
    def second(self) -> bool:
        return self.survey == SECOND


def detect_survey(fields, sample_codes, dlbm_field: str | None = None) -> str:
    """'third' or 'second' for a DLTB layer with ``fields`` (QgsFields or names) whose DLBM
    column holds ``sample_codes`` (distinct values as read)."""
    return detect_profile(fields, sample_codes, dlbm_field).survey


def detect_profile(fields, sample_codes, dlbm_field: str | None = None) -> SurveyProfile:
    numeric = _numeric_field(fields, dlbm_field)
    votes = {SECOND: 0, THIRD: 0}
    for value in sample_codes:
        kind = code_survey(value, numeric)
        if kind:
            votes[kind] += 1
    detection = crosswalk().detection
    linear = find_field(fields, *detection["second_only_fields"])
    if votes[SECOND] != votes[THIRD]:
        survey = SECOND if votes[SECOND] > votes[THIRD] else THIRD
        reason = tr("{second} DLBM value(s) of 二调, {third} of 三调").format(
            second=votes[SECOND], third=votes[THIRD])
        if linear and survey == SECOND:
            reason += tr("; field {field}").format(field=linear)
        return SurveyProfile(survey, reason)
    if linear:
        return SurveyProfile(SECOND, tr("field {field}").format(field=linear))
    ridge2 = find_field(fields, *detection["second_ridge_fields"])
    if ridge2 and not find_field(fields, *detection["third_ridge_fields"]):
        return SurveyProfile(SECOND, tr("field {field}").format(field=ridge2))
    return SurveyProfile(THIRD)


def source_profile(source, dlbm_field: str | None) -> SurveyProfile:
    """The survey of a DLTB source, from its fields and the distinct DLBM values of its first
    SAMPLE_PARCELS parcels (a DISTINCT over a million rows would cost more than the statistic
    pushed down to SQL; a survey's codes are everywhere in its layer)."""
    fields = source.fields()
    index = fields.lookupField(dlbm_field) if dlbm_field else -1
    sample: dict = {}
    if index >= 0:
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        request.setSubsetOfAttributes([index]).setLimit(SAMPLE_PARCELS)
        for feature in source.getFeatures(request):
            value = feature.attributes()[index]
            sample.setdefault((type(value), str(value)), value)
    return detect_profile(fields, list(sample.values()), dlbm_field)


def _numeric_field(fields, name: str | None) -> bool:
    if not name or not hasattr(fields, "lookupField"):
        return False
    index = fields.lookupField(name)
    return index >= 0 and fields.at(index).type() in _NUMERIC


def _validate(data: dict, source: str) -> None:
    def fail(key: str, problem: str) -> None:
        raise CrosswalkError(tr("Crosswalk file {file}: “{key}” {problem}").format(
            file=source, key=key, problem=problem))

    for key in ("id", "version", "detection", "rows", "classes"):
        if key not in data:
            fail(key, tr("is missing"))
    for key in ("second_only_fields", "second_ridge_fields", "third_ridge_fields"):
        if not isinstance(data["detection"].get(key), list):
            fail(f"detection.{key}", tr("is missing or not a list"))
    for key in ("linear", "scattered", "gap", "ridge"):
        if not data["rows"].get(key, {}).get("code"):
            fail(f"rows.{key}.code", tr("is missing"))
    table = land_classes()
    second = {c.code for c in table.classes() if c.survey == SECOND}
    third = {c.code for c in table.classes() if c.survey == THIRD}
    targets = third | set(table.level1_names) | set(MAJOR_CATEGORIES)
    seen = set()
    for index, row in enumerate(data["classes"]):
        key = f"classes[{index}]"
        if row.get("code") not in second:
            fail(f"{key}.code", tr("is not a second-survey code of the land-class table"))
        if row["code"] in seen:
            fail(f"{key}.code", tr("repeats code {code}").format(code=row["code"]))
        seen.add(row["code"])
        if row.get("third") not in targets:
            fail(f"{key}.third", tr("must be a 三调 class, a first-level group or a major "
                                    "category"))
        if not row.get("candidates") or not set(row["candidates"]) <= third:
            fail(f"{key}.candidates", tr("must list 三调 class codes"))
        if row.get("approximate") and not row.get("note_zh"):
            fail(f"{key}.note_zh", tr("must say why the mapping is approximate"))
    missing = sorted(second - seen)
    if missing:
        fail("classes", tr("lacks second-survey code(s) {codes}").format(
            codes=", ".join(missing)))
