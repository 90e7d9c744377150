"""Land-use totals: the sums both statistics paths fill (streamed parcels in ``landuse``, SQL
rows in ``sql``), with the same arithmetic, so that both give the same table. Both modules
import this one; neither imports the other."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ...i18n import tr
from ..errors import SgNrError
from ..landclasses import land_classes
from ..schema.domains import dltb_domains
from .common import DuplicateIds

RIDGE_CODE = "1203"
UNRECOGNISED = "UNRECOGNISED"


@dataclass
class LanduseTotals:
    """Accumulated sums, filled from streamed parcels or from SQL rows (same arithmetic)."""

    split_k: bool = False
    area: dict = field(default_factory=lambda: defaultdict(float))   # (region, code) → m²
    count: dict = field(default_factory=lambda: defaultdict(int))    # (region, code) → parcels
    control: dict = field(default_factory=lambda: defaultdict(float))  # region → ΣTBMJ
    # unrecognised code → [parcels, ΣTBMJ m²]
    unrecognised: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0.0]))
    names: dict = field(default_factory=dict)  # village code → ZLDWMC
    parcels: int = 0
    duplicates: DuplicateIds = field(default_factory=DuplicateIds)
    notes: list = field(default_factory=list)  # what reading the values normalised
    survey: str = "third"  # "second": 二调 codes only (core/survey2.py)
    ridge_code: str = RIDGE_CODE
    extra_rows: dict = field(default_factory=dict)  # row code → survey2.ExtraRow (二调 rows)

    @property
    def unrecognised_codes(self) -> set:
        return set(self.unrecognised)

    def add(self, region: str, dlbm: str, net: float, kcmj: float, tbmj: float,
            count: int = 1, name: str = "") -> None:
        if name and (region not in self.names or name < self.names[region]):
            self.names[region] = name  # the smallest, as SQL's MIN() in the push-down
        code = class_key(dlbm, self.split_k)
        if self.survey == "second" and land_classes().lookup(code).survey != "second":
            code = UNRECOGNISED  # a 三调 code in 二调 data
        if code == UNRECOGNISED:
            tally = self.unrecognised[dlbm]
            tally[0] += count
            tally[1] += tbmj
        self.area[region, code] += net
        self.count[region, code] += count
        if kcmj:
            self.area[region, self.ridge_code] += kcmj
        self.control[region] += tbmj
        self.parcels += count

    def add_row(self, region: str, code: str, m2: float) -> None:
        """Area of a row that is no class (二调 linear and scattered features)."""
        self.area[region, code] += m2
        self.count[region, code] += 1


def class_key(dlbm, split_k: bool = False) -> str:
    """The row a parcel's code goes to: its class, the base class of a K (可调整) code unless
    ``split_k``, or UNRECOGNISED. Refined A codes (0810A 广场…) keep their own row."""
    land_class = land_classes().lookup(dlbm)
    if not land_class.recognised:
        return UNRECOGNISED
    if not split_k and land_class.base and land_class.code.endswith("K"):
        return land_class.base
    return land_class.code


class UnrecognisedCodesError(SgNrError):
    """Too much of the area has codes outside the land-class table (see :func:`check_codes`)."""


TOP_CODES = 10


def check_codes(totals: LanduseTotals, layer_name: str, allow: bool) -> str | None:
    """:func:`check_unrecognised` of a land-use summary (areas: ΣTBMJ)."""
    return check_unrecognised(totals.unrecognised, sum(totals.control.values()), layer_name,
                              allow)


def check_unrecognised(tally: dict, total_m2: float, layer_name: str,
                       allow: bool) -> str | None:
    """Refuse when unrecognised codes (``tally``: code → [parcels, m²]) cover more than the
    allowed share of ``total_m2`` (data: ``unrecognised_max_share``), unless ``allow``: then a
    warning for every output's notes. A few stray codes below the share give None (the plain
    note lists them)."""
    if not tally:
        return None
    area = sum(m2 for _n, m2 in tally.values())
    parcels = sum(n for n, _m2 in tally.values())
    share = area / total_m2 if total_m2 > 0 else (1.0 if parcels else 0.0)
    limit = dltb_domains().unrecognised_max_share
    if share <= limit:
        return None
    ranked = sorted(tally.items(), key=lambda item: (-item[1][1], item[0]))
    codes = "; ".join(f"{code or '∅'} ({n}, {m2:.2f} m²)" for code, (n, m2) in ranked[:TOP_CODES])
    if len(ranked) > TOP_CODES:
        codes += "; …"
    values = dict(layer=layer_name, share=f"{100 * share:.2f}", area=f"{area:.2f}", n=parcels,
                  codes=codes, limit=f"{100 * limit:g}")
    if not allow:
        message = tr(
            "Layer “{layer}”: {share} % of the area ({area} m² in {n} parcel(s)) has land-class "
            "codes (DLBM) that are not 三调 codes, more than the {limit} % a statistic may leave "
            "unclassified. Top codes (code, parcels, m²): {codes}. Correct the codes in the "
            "source data, or set “Allow unrecognised land-class codes” (ALLOW_UNRECOGNISED) to "
            "report them in their own row.").format(**values)
        unpadded = [code for code, _tally in ranked[:TOP_CODES] if _lost_zero(code)]
        if unpadded:
            message += " " + tr("Codes such as {code} look like 三调 codes that lost their "
                                "leading zero ({padded}): store DLBM as text with it.").format(
                code=unpadded[0], padded=unpadded[0].zfill(4))
        raise UnrecognisedCodesError(message)
    return tr("WARNING: {share} % of the area of “{layer}” ({area} m² in {n} parcel(s)) has "
              "unrecognised land-class codes, reported in their own “Unrecognised” row and in "
              "no class: {codes}.").format(**values)


def _lost_zero(code: str) -> bool:
    """A 3-digit text code whose zero-padded form is a 三调 class (Excel made 0101 into 101)."""
    return len(code) == 3 and code.isdigit() and land_classes().is_known(code.zfill(4))
