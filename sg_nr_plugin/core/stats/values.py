"""Reading one parcel's attributes against the DLTB value domains, for every statistic.

:class:`ValueChecker` reads areas and codes through :mod:`core.schema.domains`, counts each
violation per field with example BSMs and, once the layer is read, refuses the statistic (a
figure summed from a negative TBMJ or a KCXS of 1.5 would be wrong) or notes what it
normalised (a DLBM stored as a number, padded back to its 三调 code).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from ...i18n import tr
from ..errors import SgNrError
from ..schema import domains as d
from ..schema.dltb import DltbFields

EXAMPLES = 5
_ANY = (-math.inf, math.inf)


class DomainError(SgNrError):
    """Attribute values outside their domain: the message names layer, field, values, BSMs."""


@dataclass
class _Tally:
    count: int = 0
    examples: list = field(default_factory=list)  # (value, BSM or feature id)

    def add(self, value, label: str) -> None:
        self.count += 1
        if len(self.examples) < EXAMPLES:
            self.examples.append((value, label))


class ValueChecker:
    """Domain-checked reading of the DLTB attributes of one layer (see module doc)."""

    def __init__(self, layer_name: str, fields: DltbFields, check_region: bool = True,
                 domains: d.DltbDomains | None = None, second_survey: bool = False) -> None:
        self.layer_name, self.fields, self.check_region = layer_name, fields, check_region
        # 二调 (core/stats/landuse_second.py): TBDLMJ deducts XZDWMJ and LXDWMJ as well, and a
        # numeric DLBM below 100 is a 二调 code (011 → 11), padded there, not refused here.
        self.second_survey = second_survey
        self.domains = domains or d.dltb_domains()
        self.refused: dict[tuple[str, str], _Tally] = {}
        self.normalised: dict[tuple[str, str], _Tally] = {}
        # [low, high) per numeric attribute, for the fast path of number()
        self._bounds = {key: (-math.inf if b.minimum is None else b.minimum,
                              math.inf if b.maximum is None else b.maximum)
                        for key, b in self.domains.numbers.items()}

    def areas(self, label: str, tbmj, kcmj, kcxs, tbdlmj) -> tuple[float, float, float]:
        """(TBMJ, KCMJ, TBDLMJ) with the missing ones derived (see ``parcel_areas``)."""
        from .common import parcel_areas

        values = [self.number(key, label, raw) for key, raw in
                  (("tbmj", tbmj), ("kcmj", kcmj), ("kcxs", kcxs), ("tbdlmj", tbdlmj))]
        if not self.second_survey:
            try:
                self.domains.check_net(values[0], values[1], values[3])
            except d.DomainValueError as violation:
                self._tally(self.refused, "tbdlmj", violation.kind, violation.value, label)
        return parcel_areas(*values)

    def code(self, key: str, label: str, value) -> str:
        """A code attribute as text (trimmed; numbers read as their digits, DLBM padded)."""
        if type(value) is str:  # the usual case
            return value.strip()
        try:
            pad = 0 if self.second_survey and key == "dlbm" else self.domains.pad.get(key, 0)
            text, kind = d.read_code(value, pad)
        except d.DomainValueError as violation:
            self._tally(self.refused, key, violation.kind, value, label)
            return ""
        if kind:
            self._tally(self.normalised, key, kind, (value, text), label)
        return text

    def region(self, label: str, value) -> str:
        return self.code("zldwdm", label, value) if self.check_region else value

    def number(self, key: str, label: str, value) -> float | None:
        """A numeric attribute within its domain (None: NULL, blank or refused)."""
        if type(value) is float:  # the usual case, once per field and parcel: no calls
            low, high = self._bounds.get(key, _ANY)
            if low <= value < high:  # a bound itself, inf and NaN take the slow path
                return value
        try:
            result, was_text = self.domains.number(key, value)
        except d.DomainValueError as violation:
            self._tally(self.refused, key, violation.kind, value, label)
            return None
        if was_text and result is not None:
            self._tally(self.normalised, key, d.TEXT_NUMBER, value, label)
        return result

    def _tally(self, tallies: dict, key: str, kind: str, value, label: str) -> None:
        tallies.setdefault((key, kind), _Tally()).add(value, label)

    # -- after the pass -------------------------------------------------------------------
    def finish(self) -> None:
        """Raise :class:`DomainError` naming every refused field, its values and BSMs."""
        if not self.refused:
            return
        problems = "; ".join(self._problem(key, kind, tally)
                             for (key, kind), tally in sorted(self.refused.items()))
        raise DomainError(tr("Layer “{layer}”: {problems}. A statistic summed from these values "
                             "would be wrong, so none was computed: correct them in the source "
                             "data and run again.").format(layer=self.layer_name,
                                                           problems=problems))

    def notes(self) -> list[str]:
        """One note per normalised field: what was read how, how often, examples."""
        return [self._note(key, kind, tally)
                for (key, kind), tally in sorted(self.normalised.items())]

    def _name(self, key: str) -> str:
        return self.fields.get(key) or key.upper()

    def _problem(self, key: str, kind: str, tally: _Tally) -> str:
        examples = ", ".join(f"{_shown(value)} ({label})" for value, label in tally.examples)
        field_name, n = self._name(key), tally.count
        if kind == d.SEPARATORS:
            return tr("field {field} has {n} value(s) written with a thousands separator or a "
                      "decimal comma, e.g. {examples} — store plain numbers (1234.5)").format(
                field=field_name, n=n, examples=examples)
        if kind == d.NOT_NUMBER:
            return tr("field {field} has {n} value(s) that are not numbers, e.g. {examples}"
                      ).format(field=field_name, n=n, examples=examples)
        if kind == d.OUT_OF_RANGE:
            return tr("field {field} has {n} value(s) outside its domain {domain}, e.g. "
                      "{examples}").format(field=field_name, n=n, examples=examples,
                                           domain=self.domains.numbers[key].describe())
        if kind == d.NET_MISMATCH:
            return tr("{n} parcel(s) where {net} ≠ {gross} − {ridge} by more than {tol} m², e.g. "
                      "{examples} (TBMJ, KCMJ, TBDLMJ)").format(
                n=n, net=field_name, gross=self._name("tbmj"), ridge=self._name("kcmj"),
                tol=self.domains.net_tolerance_m2, examples=examples)
        if kind == d.SECOND_SURVEY:
            return tr("field {field} is stored as a number and holds 二调 (second-survey) codes, "
                      "e.g. {examples}: as numbers they lost their leading zero (011 → 11) and "
                      "cannot be told from 三调 codes — store {field} as text with its leading "
                      "zeros, or run the statistic with 二调 codes").format(
                field=field_name, examples=examples)
        return tr("code field {field} has {n} fractional number(s), e.g. {examples} — store "
                  "the code as text").format(field=field_name, n=n, examples=examples)

    def _note(self, key: str, kind: str, tally: _Tally) -> str:
        field_name, n = self._name(key), tally.count
        if kind == d.TEXT_NUMBER:
            examples = ", ".join(f"{_shown(value)} ({label})" for value, label in tally.examples)
            return tr("Field {field} of “{layer}” holds numbers stored as text: {n} value(s) "
                      "were read as numbers, e.g. {examples}.").format(
                field=field_name, layer=self.layer_name, n=n, examples=examples)
        examples = ", ".join(f"{_shown(raw)} → {text} ({label})"
                             for (raw, text), label in tally.examples)
        if kind == d.PADDED_CODE:
            return tr("Field {field} of “{layer}” is stored as a number: {n} code(s) were read "
                      "as zero-padded 三调 codes, e.g. {examples}. Store {field} as text to keep "
                      "the leading zero.").format(field=field_name, layer=self.layer_name, n=n,
                                                  examples=examples)
        return tr("Field {field} of “{layer}” is stored as a real number: {n} value(s) were read "
                  "as their digits, e.g. {examples}. Store {field} as text.").format(
            field=field_name, layer=self.layer_name, n=n, examples=examples)


def _shown(value) -> str:
    if isinstance(value, tuple):
        return "/".join("∅" if v is None else f"{v:g}" for v in value)
    return repr(value) if isinstance(value, str) else f"{value:g}" if isinstance(
        value, float) else str(value)


def label_of(bsm: str, fid: int) -> str:
    """How a parcel is named in a message: its BSM, else its feature id."""
    return f"BSM {bsm}" if bsm else tr("feature id {fid}").format(fid=fid)
