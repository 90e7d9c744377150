"""土地利用现状分类面积汇总: class areas per region from TBDLMJ, a 1203 田坎 row from ΣKCMJ.

The result closes by construction: per region Σ classes + 田坎 = ΣTBMJ (the control area),
because every parcel's TBMJ is split into its net class area and its deduction. Unknown or empty
codes go to one ``UNRECOGNISED`` row per region, with their parcel count, never dropped.
"""

from __future__ import annotations

from qgis.core import QgsFeatureSource

from ...i18n import tr
from ..errors import IncompleteReadError
from ..fields import detect_dltb_fields
from ..landclasses import land_classes
from ..regions import RegionLevel
from ..survey2 import source_profile
from .common import (
    OUTSIDE_CODE,
    RegionAssigner,
    RegionSpec,
    SourceInfo,
    StatsMeta,
    dltb_fields,
    iter_parcels,
    region_source_note,
)
from .pushdown import refuse_text_in_number_columns, sql_landuse_totals
from .totals import RIDGE_CODE, UNRECOGNISED, LanduseTotals, check_codes, class_key
from .values import ValueChecker

__all__ = ["COLUMNS", "RIDGE_CODE", "UNRECOGNISED", "LanduseTotals", "class_key",
           "landuse_summary", "summarise", "totals_frame"]

COLUMNS = ["region_code", "region_name", "dlbm", "dlmc", "level1", "level1_name", "area_m2",
           "count"]


def summarise(source: QgsFeatureSource, spec: RegionSpec, layer_name: str = "DLTB",
              split_k: bool = False, expression: str | None = None,
              feedback=None) -> LanduseTotals:
    """Stream ``source`` once (attributes only unless regions are spatial) into totals."""
    fields = dltb_fields(source, layer_name, spec)
    assigner = RegionAssigner(spec, source.sourceCrs())
    totals = LanduseTotals(split_k=split_k)
    checker = ValueChecker(layer_name, fields, not spec.spatial and spec.level != RegionLevel.WHOLE)
    for parcel in iter_parcels(source, fields, assigner, expression=expression,
                               dest_crs=source.sourceCrs(), feedback=feedback,
                               layer_name=layer_name, checker=checker):
        totals.add(parcel.region, parcel.dlbm, parcel.net, parcel.kcmj, parcel.tbmj,
                   name=parcel.zldwmc if spec.level == RegionLevel.VILLAGE else "")
        totals.duplicates.see(parcel.bsm)
    totals.notes.extend(checker.notes())
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
                    sql_layer=None, allow_unrecognised: bool = False):
    """Land-use summary of a DLTB source as a DataFrame (``area_m2`` in m², ``count`` parcels).

    ``frame.attrs``: ``control_m2`` (ΣTBMJ per region), ``meta`` (:class:`StatsMeta`),
    ``pushed_down`` (True when the aggregation ran as SQL inside the database). SQL is tried
    on ``sql_layer`` (or ``source`` when it is a layer) when no expression or spatial regions
    are involved; ``allow_sql=False`` forces streaming. Values outside their domain refuse
    the summary (:class:`~.values.DomainError`), so do unrecognised codes over 0.5 % of the area
    unless ``allow_unrecognised`` (:func:`~.totals.check_codes`).
    """
    from . import check_pandas
    from .landuse_second import second_notes, summarise_second

    check_pandas()  # before the parcels are read, not after
    spec = spec or RegionSpec()
    profile = source_profile(source, detect_dltb_fields(source.fields()).dlbm)
    totals = None
    layer = sql_layer if sql_layer is not None else source
    if allow_sql and expression is None and not spec.spatial and not profile.second:
        totals = sql_landuse_totals(layer, spec, layer_name, split_k)
    pushed_down = totals is not None
    if totals is None and profile.second:
        totals = summarise_second(source, spec, layer_name, split_k, expression, feedback)
    elif totals is None:  # the push-down found no such text when it ran to the end
        unreadable = None
        try:
            refuse_text_in_number_columns(layer, dltb_fields(source, layer_name, spec),
                                          layer_name)
        except IncompleteReadError as error:  # a damaged file: reading it says how much
            unreadable = error
        totals = summarise(source, spec, layer_name, split_k, expression, feedback)
        if unreadable is not None:  # read whole, yet the check could not run: no figure
            raise unreadable
    if spec.spatial:
        namer = _spatial_name
    else:  # village names come from ZLDWMC (a village's own name); others are built in
        builtin = RegionAssigner(RegionSpec(level=spec.level)).name
        namer = lambda code: totals.names.get(code) or builtin(code)  # noqa: E731
    warning = check_codes(totals, layer_name, allow_unrecognised)
    frame = totals_frame(totals, namer)
    meta = StatsMeta(sources=[SourceInfo("DLTB", layer_name, totals.parcels)])
    region_note = region_source_note(source, layer_name, spec)
    for note in [region_note, warning, *totals.notes, totals.duplicates.note(layer_name)]:
        if note:
            meta.notes.append(note)
            if feedback is not None:
                feedback.pushWarning(note)
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
