"""土地利用现状分类面积汇总: class areas per region from TBDLMJ, a 1203 田坎 row from ΣKCMJ.

The result closes by construction: per region Σ classes + 田坎 = ΣTBMJ (the control area),
because every parcel's TBMJ is split into its net class area and its deduction. Unknown or empty
codes go to one ``UNRECOGNISED`` row per region, with their parcel count, never dropped.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from qgis.core import QgsFeatureSource

from ...i18n import tr
from ..fields import detect_dltb_fields
from ..landclasses import land_classes
from ..regions import RegionLevel
from ..survey2 import source_profile
from .common import (
    OUTSIDE_CODE,
    DuplicateIds,
    RegionAssigner,
    RegionSpec,
    SourceInfo,
    StatsMeta,
    dltb_fields,
    iter_parcels,
)

RIDGE_CODE = "1203"
UNRECOGNISED = "UNRECOGNISED"

COLUMNS = ["region_code", "region_name", "dlbm", "dlmc", "level1", "level1_name", "area_m2",
           "count"]


@dataclass
class LanduseTotals:
    """Accumulated sums, filled from streamed parcels or from SQL rows (same arithmetic)."""

    split_k: bool = False
    area: dict = field(default_factory=lambda: defaultdict(float))   # (region, code) → m²
    count: dict = field(default_factory=lambda: defaultdict(int))    # (region, code) → parcels
    control: dict = field(default_factory=lambda: defaultdict(float))  # region → ΣTBMJ
    unrecognised_codes: set = field(default_factory=set)
    names: dict = field(default_factory=dict)  # village code → ZLDWMC
    parcels: int = 0
    duplicates: DuplicateIds = field(default_factory=DuplicateIds)
    survey: str = "third"  # "second": 二调 codes only (core/survey2.py)
    ridge_code: str = RIDGE_CODE
    extra_rows: dict = field(default_factory=dict)  # row code → survey2.ExtraRow (二调 rows)

    def add(self, region: str, dlbm: str, net: float, kcmj: float, tbmj: float,
            count: int = 1, name: str = "") -> None:
        if name and (region not in self.names or name < self.names[region]):
            self.names[region] = name  # the smallest, as SQL's MIN() in the push-down
        code = class_key(dlbm, self.split_k)
        if self.survey == "second" and land_classes().lookup(code).survey != "second":
            code = UNRECOGNISED  # a 三调 code in 二调 data
        if code == UNRECOGNISED:
            self.unrecognised_codes.add(dlbm)
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


def summarise(source: QgsFeatureSource, spec: RegionSpec, layer_name: str = "DLTB",
              split_k: bool = False, expression: str | None = None,
              feedback=None) -> LanduseTotals:
    """Stream ``source`` once (attributes only unless regions are spatial) into totals."""
    fields = dltb_fields(source, layer_name, spec)
    assigner = RegionAssigner(spec, source.sourceCrs())
    totals = LanduseTotals(split_k=split_k)
    for parcel in iter_parcels(source, fields, assigner, expression=expression,
                               dest_crs=source.sourceCrs(), feedback=feedback,
                               layer_name=layer_name):
        totals.add(parcel.region, parcel.dlbm, parcel.net, parcel.kcmj, parcel.tbmj,
                   name=parcel.zldwmc if spec.level == RegionLevel.VILLAGE else "")
        totals.duplicates.see(parcel.bsm)
    return totals


def totals_frame(totals: LanduseTotals, namer):
    """The long table (one row per region and class) as a DataFrame, areas in m²."""
    from . import require_pandas

    pd = require_pandas()
    table = land_classes()
    rows = []
    for (region, code), area in sorted(totals.area.items(), key=_row_order):
        if code == UNRECOGNISED:
            name = tr("Unrecognised land class ({codes})").format(
                codes=", ".join(sorted(c or "∅" for c in totals.unrecognised_codes)))
            level1, level1_name = UNRECOGNISED, tr("Unrecognised")
        elif code in totals.extra_rows:
            name = level1_name = totals.extra_rows[code].name_zh
            level1 = code
        else:
            land_class = table.lookup(code)
            name, level1, level1_name = (land_class.name_zh, land_class.level1,
                                         land_class.level1_name_zh)
        rows.append([region, namer(region), code, name, level1, level1_name, area,
                     totals.count.get((region, code), 0)])
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame.attrs["control_m2"] = dict(totals.control)
    return frame


def _spatial_name(code: str) -> str:
    return tr("(outside the region layer)") if code == OUTSIDE_CODE else code


def _row_order(item):
    (region, code), _area = item
    return region, code == UNRECOGNISED, code


def landuse_summary(source: QgsFeatureSource, spec: RegionSpec | None = None,
                    layer_name: str = "DLTB", split_k: bool = False,
                    expression: str | None = None, feedback=None, allow_sql: bool = True,
                    sql_layer=None):
    """Land-use summary of a DLTB source as a DataFrame (``area_m2`` in m², ``count`` parcels).

    ``frame.attrs``: ``control_m2`` (ΣTBMJ per region), ``meta`` (:class:`StatsMeta`),
    ``pushed_down`` (True when the aggregation ran as SQL inside the database). SQL is tried
    on ``sql_layer`` (or ``source`` when it is a layer) when no expression or spatial regions
    are involved; ``allow_sql=False`` forces streaming.
    """
    from . import check_pandas
    from .landuse_second import second_notes, summarise_second
    from .sql import sql_landuse_totals

    check_pandas()  # before the parcels are read, not after
    spec = spec or RegionSpec()
    profile = source_profile(source, detect_dltb_fields(source.fields()).dlbm)
    totals = None
    if allow_sql and expression is None and not spec.spatial and not profile.second:
        layer = sql_layer if sql_layer is not None else source
        totals = sql_landuse_totals(layer, spec, layer_name, split_k)
    pushed_down = totals is not None
    if totals is None and profile.second:
        totals = summarise_second(source, spec, layer_name, split_k, expression, feedback)
    elif totals is None:
        totals = summarise(source, spec, layer_name, split_k, expression, feedback)
    if spec.spatial:
        namer = _spatial_name
    else:  # village names come from ZLDWMC (a village's own name); others are built in
        builtin = RegionAssigner(RegionSpec(level=spec.level)).name
        namer = lambda code: totals.names.get(code) or builtin(code)  # noqa: E731
    frame = totals_frame(totals, namer)
    meta = StatsMeta(sources=[SourceInfo("DLTB", layer_name, totals.parcels)])
    duplicated = totals.duplicates.note(layer_name)
    if duplicated:
        meta.notes.append(duplicated)
        if feedback is not None:
            feedback.pushWarning(duplicated)
    if totals.unrecognised_codes:
        meta.notes.append(tr("Unrecognised land-class codes: {codes}").format(
            codes=", ".join(sorted(c or "∅" for c in totals.unrecognised_codes))))
    if profile.second:
        for note in second_notes(totals, layer_name, profile):
            meta.notes.append(note)
            if feedback is not None:
                feedback.pushWarning(note)
    frame.attrs.update(meta=meta, pushed_down=pushed_down, survey=profile.survey)
    return frame
