"""Value domains of the DLTB attributes the statistics read, as data, and the one reading of a
raw attribute value that both statistics paths share.

``resources/data/schema/dltb_domains.json`` states each numeric field's range (TBMJ, KCMJ,
TBDLMJ ≥ 0; 0 ≤ KCXS < 1), the tolerance of TBDLMJ = TBMJ − KCMJ and how code fields are read
(text; DLBM zero-padded when a number). The readers here raise :class:`DomainValueError` for a
value that would make a figure wrong; :class:`~core.stats.common.ValueChecker` counts them per
field with example BSMs and refuses the statistic, or notes what it normalised.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...i18n import tr
from . import load_schema, schema_fail

DOMAINS_FILE = "dltb_domains.json"

# What a violation is (the key of its message).
NOT_NUMBER = "not_number"
SEPARATORS = "separators"
OUT_OF_RANGE = "out_of_range"
NET_MISMATCH = "net_mismatch"
FRACTIONAL_CODE = "fractional_code"
SECOND_SURVEY = "second_survey"
# What a normalisation is (the key of its note).
TEXT_NUMBER = "text_number"
PADDED_CODE = "padded_code"
REAL_CODE = "real_code"

# A plain decimal number, as typed: no thousands separators, no inf/nan, no hex.
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")


class DomainValueError(ValueError):
    """A value outside its field's domain: ``kind`` says how, ``value`` is the raw value."""

    def __init__(self, kind: str, value) -> None:
        super().__init__(kind)
        self.kind, self.value = kind, value


@dataclass(frozen=True)
class NumberDomain:
    minimum: float | None = None
    maximum: float | None = None
    max_exclusive: bool = False

    def contains(self, value: float) -> bool:
        if self.minimum is not None and value < self.minimum:
            return False
        if self.maximum is not None:
            return value < self.maximum if self.max_exclusive else value <= self.maximum
        return True

    def describe(self) -> str:
        low = "" if self.minimum is None else f"{self.minimum:g} ≤ "
        high = "" if self.maximum is None else (
            f" {'<' if self.max_exclusive else '≤'} {self.maximum:g}")
        return f"{low}x{high}"


@dataclass(frozen=True)
class DltbDomains:
    id: str
    version: str
    numbers: dict  # attribute → NumberDomain
    pad: dict  # code attribute → width a numeric code is zero-padded to (0: not padded)
    net_tolerance_m2: float
    unrecognised_max_share: float

    def number(self, key: str, value) -> tuple[float | None, bool]:
        """(the value of a numeric attribute, whether it was text); None for NULL or blank.
        Raises :class:`DomainValueError` for text that is not a plain number, a non-finite
        number or a value outside the attribute's domain."""
        result, was_text = read_number(value)
        if result is None:
            return None, was_text
        domain = self.numbers.get(key)
        if not math.isfinite(result) or (domain is not None and not domain.contains(result)):
            raise DomainValueError(OUT_OF_RANGE, value)
        return result, was_text

    def check_net(self, tbmj: float | None, kcmj: float | None, tbdlmj: float | None) -> None:
        """TBDLMJ = TBMJ − KCMJ within tolerance, when KCMJ and TBDLMJ are both stored."""
        if kcmj is None or tbdlmj is None:
            return
        if abs(tbdlmj - ((tbmj or 0.0) - kcmj)) > self.net_tolerance_m2:
            raise DomainValueError(NET_MISMATCH, (tbmj, kcmj, tbdlmj))


def is_null(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value.isNull())  # QVariant NULL
    except AttributeError:
        return False


def read_number(value) -> tuple[float | None, bool]:
    """(float, was text) of a raw attribute value; (None, …) for NULL, blank text or NaN.
    Text must be a plain decimal number: '1,234.5' (a thousands or a decimal comma?) and
    'abc' raise :class:`DomainValueError`."""
    if is_null(value):
        return None, False
    if isinstance(value, bool):
        raise DomainValueError(NOT_NUMBER, value)
    if isinstance(value, (int, float)):
        result = float(value)
        return (None if result != result else result), False
    stripped = str(value).strip()
    if not stripped:
        return None, True
    if _PLAIN.fullmatch(stripped):
        return float(stripped), True
    if _GROUPED.fullmatch(stripped):
        raise DomainValueError(SEPARATORS, value)
    raise DomainValueError(NOT_NUMBER, value)


def read_code(value, pad: int = 0) -> tuple[str, str]:
    """(code text, normalisation kind or "") of a code attribute (DLBM, ZLDWDM, BSM…).

    Text is trimmed. An integer-valued number becomes its digits — zero-padded to ``pad`` for
    DLBM, whose 三调 codes lost their leading zero in an Excel/DBF export (0101 → 101); a
    number below 100 there is a 二调 code (011 → 11) and raises, as does a fractional number.
    """
    if is_null(value):
        return "", ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value).strip(), ""
    if isinstance(value, float) and not value.is_integer():
        raise DomainValueError(FRACTIONAL_CODE, value)
    digits = str(int(value))
    if not pad:
        return digits, (REAL_CODE if isinstance(value, float) else "")
    if int(value) < 100:
        raise DomainValueError(SECOND_SURVEY, value)
    return digits.zfill(pad), PADDED_CODE


def _domains(data: dict, source: str) -> DltbDomains:
    numbers = {}
    for key, entry in (data.get("numbers") or {}).items():
        for bound in ("min", "max"):
            if bound in entry and not isinstance(entry[bound], (int, float)):
                schema_fail(source, f"numbers.{key}.{bound}", tr("must be a number"))
        numbers[key] = NumberDomain(entry.get("min"), entry.get("max"),
                                    bool(entry.get("max_exclusive", False)))
    if not numbers:
        schema_fail(source, "numbers", tr("is missing"))
    pad = {}
    for key, entry in (data.get("codes") or {}).items():
        width = entry.get("pad_numeric", 0)
        if not isinstance(width, int) or width < 0:
            schema_fail(source, f"codes.{key}.pad_numeric", tr("must be a whole number ≥ 0"))
        pad[key] = width
    values = {}
    for key in ("net_tolerance_m2", "unrecognised_max_share"):
        if not isinstance(data.get(key), (int, float)) or data[key] < 0:
            schema_fail(source, key, tr("must be a number ≥ 0"))
        values[key] = float(data[key])
    return DltbDomains(data["id"], data["version"], numbers, pad, **values)


@lru_cache(maxsize=4)
def dltb_domains(path: str | None = None) -> DltbDomains:
    """The DLTB value domains (cached); ``path`` overrides the bundled file."""
    data = load_schema(DOMAINS_FILE, path)
    return _domains(data, Path(path).name if path else DOMAINS_FILE)
