"""The land-use summary of a second-survey (二调) DLTB: it closes on ΣTBMJ.

A 二调 parcel's TBMJ = TBDLMJ + TKMJ (田坎) + XZDWMJ (linear features: roads, ditches, rivers
narrower than the mapping threshold, digitised in the XZDW layer) + LXDWMJ (scattered
features). The class rows hold TBDLMJ; 田坎 is row 123; the linear and scattered areas are rows
of their own, because without the XZDW layer they cannot be put under their own class. A
parcel whose area fields do not add up puts the difference in a row of its own, named in the
notes, so the table still closes and the technician sees where.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsFeatureSource

from ...i18n import tr
from ..fields import find_field
from ..regions import RegionLevel
from ..survey2 import SECOND, SurveyProfile, crosswalk, second_code
from .common import RegionAssigner, RegionSpec, dltb_fields, iter_parcels
from .totals import LanduseTotals
from .values import ValueChecker

#: TBDLMJ + TKMJ + XZDWMJ + LXDWMJ against TBMJ, each stored to 0.01 m²: four roundings.
GAP_TOLERANCE_M2 = 0.025
GAP_EXAMPLES = 10


@dataclass
class SecondTotals(LanduseTotals):
    """Land-use totals of 二调 data, with what the notes need to say."""

    linear_field: str | None = None
    scattered_field: str | None = None
    gap_parcels: int = 0
    gap_m2: float = 0.0
    gap_examples: list = field(default_factory=list)


def second_parts(parcel, tbdlmj_field: str | None, linear: str | None,
                 scattered: str | None) -> tuple[float, float, float, float]:
    """(class area, linear, scattered, unexplained) of one parcel; TBDLMJ, when empty, is
    TBMJ − TKMJ − XZDWMJ − LXDWMJ (domain.md §9), so only a filled TBDLMJ can disagree."""
    xz = (parcel.extra.get(linear) if linear else None) or 0.0
    lx = (parcel.extra.get(scattered) if scattered else None) or 0.0
    stored = parcel.extra.get(tbdlmj_field) if tbdlmj_field else None
    net = parcel.tbmj - parcel.kcmj - xz - lx if stored is None else stored
    return net, xz, lx, parcel.tbmj - net - parcel.kcmj - xz - lx


def summarise_second(source: QgsFeatureSource, spec: RegionSpec, layer_name: str = "DLTB",
                     split_k: bool = False, expression: str | None = None,
                     feedback=None) -> SecondTotals:
    """Stream a 二调 DLTB once into totals (no SQL push-down: 二调 deliveries are few and
    the linear and scattered areas need their own sums)."""
    fields = dltb_fields(source, layer_name, spec)
    table = crosswalk()
    totals = SecondTotals(split_k=split_k, survey=SECOND, ridge_code=table.ridge_code,
                          extra_rows=table.extra_rows())
    totals.linear_field = find_field(source.fields(), *table.linear.aliases)
    totals.scattered_field = find_field(source.fields(), *table.scattered.aliases)
    extra = (fields.tbdlmj, totals.linear_field, totals.scattered_field)
    assigner = RegionAssigner(spec, source.sourceCrs())
    village = spec.level == RegionLevel.VILLAGE
    checker = ValueChecker(layer_name, fields, check_region=not spec.spatial
                           and spec.level != RegionLevel.WHOLE, second_survey=True)
    for parcel in iter_parcels(source, fields, assigner, expression=expression,
                               dest_crs=source.sourceCrs(), feedback=feedback,
                               extra_fields=extra, layer_name=layer_name, checker=checker):
        net, xz, lx, gap = second_parts(parcel, fields.tbdlmj, totals.linear_field,
                                        totals.scattered_field)
        totals.add(parcel.region, second_code(parcel.dlbm), net, parcel.kcmj, parcel.tbmj,
                   name=parcel.zldwmc if village else "")
        for code, m2 in ((table.linear.code, xz), (table.scattered.code, lx)):
            if m2:
                totals.add_row(parcel.region, code, m2)
        if abs(gap) > GAP_TOLERANCE_M2:
            totals.add_row(parcel.region, table.gap.code, gap)
            totals.gap_parcels += 1
            totals.gap_m2 += gap
            if len(totals.gap_examples) < GAP_EXAMPLES:
                totals.gap_examples.append(parcel.bsm or "?")
        totals.duplicates.see(parcel.bsm)
    totals.notes.extend(checker.notes())
    return totals


def second_notes(totals: SecondTotals, layer_name: str, profile: SurveyProfile) -> list[str]:
    """What a reader of a 二调 summary must know (translated)."""
    table = crosswalk()
    notes = [tr("“{layer}” is second-survey data (二调, GB/T 21010-2007; recognised by {reason}): "
                "the rows are 二调 classes; 田坎 (TKMJ) is row {ridge}; the linear features "
                "(XZDWMJ) and scattered features (LXDWMJ) are rows of their own ({linear}, "
                "{scattered}), because without the linear-feature layer XZDW they cannot be put "
                "under their own class.").format(
        layer=layer_name, reason=profile.reason, ridge=table.ridge_code,
        linear=table.linear.name_zh, scattered=table.scattered.name_zh)]
    missing = [name for name, found in (("XZDWMJ", totals.linear_field),
                                        ("LXDWMJ", totals.scattered_field)) if not found]
    if missing:
        notes.append(tr("“{layer}” has no field {fields}: any such area left out of TBDLMJ "
                        "shows in the row {gap}.").format(
            layer=layer_name, fields="/".join(missing), gap=table.gap.name_zh))
    if totals.gap_parcels:
        notes.append(tr("{n} parcel(s) of “{layer}”: TBDLMJ + TKMJ + XZDWMJ + LXDWMJ differs "
                        "from TBMJ by {m2:.2f} m² in total; the difference is the row {gap}, "
                        "so that the table closes on ΣTBMJ. Check the area fields of BSM: "
                        "{ids}").format(
            n=totals.gap_parcels, layer=layer_name, m2=totals.gap_m2, gap=table.gap.name_zh,
            ids=", ".join(totals.gap_examples)))
    return notes


def second_survey_notes(matrix, names: tuple[str, str]) -> list[str]:
    """Notes of a change matrix with a 二调 vintage: how its classes were compared, which
    mappings are approximate. ``matrix`` has ``surveys``, ``base_classify``, ``classify`` and
    ``level`` (changematrix._Matrix)."""
    table = crosswalk()
    mixed = matrix.surveys[0].survey != matrix.surveys[1].survey
    notes = []
    for profile, classify, name in zip(matrix.surveys, (matrix.base_classify, matrix.classify),
                                       names):
        if not profile.second:
            continue
        if not mixed:
            notes.append(tr("“{layer}” is second-survey (二调) data ({reason}), as is the other "
                            "vintage: 二调 classes are compared as they are.").format(
                layer=name, reason=profile.reason))
            continue
        notes.append(tr("“{layer}” is second-survey (二调) data ({reason}): its classes are "
                        "mapped through the crosswalk {id} version {version} to the 三调 grouping "
                        "of the chosen level; a 二调 class whose 三调 split is unknown keeps the "
                        "group it is reported under (e.g. 031 有林地 → 03 林地, 201–203 → 20 "
                        "城镇村及工矿用地).").format(
            layer=name, reason=profile.reason, id=table.id, version=table.version))
        approximate = [table.entry(code) for code in sorted(classify.seen)
                       if table.entry(code) is not None and table.entry(code).approximate]
        if approximate and matrix.level != 2:  # 三大类 are the same in both surveys
            notes.append(tr("Approximate mappings in “{layer}”: {why}").format(
                layer=name, why="; ".join(f"{e.code} → {e.third}: {e.note_zh}"
                                         for e in approximate)))
    return notes
