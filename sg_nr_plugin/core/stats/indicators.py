"""规划主要指标统计 (表1): the plan's indicators per region from DLTB and the optional layers.

Three passes at most, each only when needed: the land-use totals (SQL inside the database when
possible) for the class-set indicators; one streamed pass over DLTB with geometry for every
overlay layer at once; the change matrix for new construction land. An indicator whose input is
missing is reported "未计算" with the reason — never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsExpression,
    QgsFeatureRequest,
    QgsFeatureSource,
)

from ...i18n import tr
from ..area import EllipsoidalArea
from ..fields import find_field
from ..landclasses import land_classes
from ..overlay import OverlayLayer
from ..reading import read_features
from ..regions import WHOLE_CODE, RegionLevel
from ..reports.language import pick
from ..survey2 import SECOND, THIRD, crosswalk
from ..units import to_unit
from .changematrix import ClassLevel, change_matrix, new_construction_m2
from .common import (
    GeometryRepairs,
    RegionAssigner,
    RegionSpec,
    SourceInfo,
    StatsMeta,
    dltb_fields,
    iter_parcels,
    text,
)
from .indicator_defs import PERCENT, Indicator, IndicatorSet, load_indicators
from .landuse import landuse_summary
from .overlaystats import AreaMode, OverlayAccumulator

COLUMNS = ["region_code", "region_name", "indicator_id", "indicator", "unit", "value",
           "baseline_2020", "target_2025", "kind", "status", "reason", "definition"]
MET, NOT_MET, NO_TARGET, NOT_COMPUTED = "达标", "未达标", "无目标", "未计算"


@dataclass
class IndicatorInputs:
    """The layers of one run; ``layers`` maps a parameter name (BASIC_FARMLAND, ECO_REDLINE,
    PROTECTED_AREAS, RESTORATION, URBAN_RENEWAL, MINING_RIGHTS) to (source, display name)."""

    dltb: QgsFeatureSource
    dltb_name: str = "DLTB"
    dltb_layer: object = None  # the layer behind dltb, for SQL push-down
    allow_sql: bool = True  # False streams DLTB even from a database (the identity tests)
    allow_unrecognised: bool = False  # report unrecognised codes over 0.5 % instead of failing
    base: QgsFeatureSource | None = None
    base_name: str = "DLTB_BASE"
    layers: dict = field(default_factory=dict)


@dataclass
class _Results:
    regions: list[str]
    class_m2: dict  # region → {class code: m²}
    control_m2: dict  # region → ΣTBMJ
    overlay_m2: dict = field(default_factory=dict)  # layer → region → m²
    new_construction: dict | None = None
    green: tuple[float | None, str] = (None, "")
    survey: str = THIRD  # SECOND: DLTB is 二调, class sets go through the crosswalk

    def in_set(self, code: str, set_name: str) -> bool:
        if self.survey == SECOND:
            return crosswalk().membership(code, set_name)[0]
        return land_classes().in_set(code, set_name)


def plan_indicators(inputs: IndicatorInputs, spec: RegionSpec | None = None,
                    definitions: IndicatorSet | None = None,
                    transform_context: QgsCoordinateTransformContext | None = None,
                    feedback=None):
    """The indicator table as a DataFrame (values in each indicator's own 表1 unit);
    ``frame.attrs``: ``meta`` and ``pushed_down`` (DLTB aggregated by SQL in its database)."""
    from . import require_pandas

    spec = spec or RegionSpec()
    definitions = definitions or load_indicators()
    context = transform_context or QgsCoordinateTransformContext()
    meta = StatsMeta()
    # The class-set indicators need only ΣTBDLMJ/ΣTBMJ by region and DLBM: from a GeoPackage
    # or PostGIS layer that is one GROUP BY in the database, no parcel read into Python. It is
    # the first work done, and it says so at once when pandas is missing.
    landuse = landuse_summary(inputs.dltb, spec, inputs.dltb_name, feedback=feedback,
                              allow_sql=inputs.allow_sql, sql_layer=inputs.dltb_layer,
                              allow_unrecognised=inputs.allow_unrecognised)
    meta.sources.append(landuse.attrs["meta"].sources[0])
    meta.notes.extend(landuse.attrs["meta"].notes)  # codes, values read, duplicates
    results = _Results(*_class_areas(landuse), survey=landuse.attrs.get("survey", THIRD))
    wanted = {i.layer for i in definitions.indicators}
    _overlay_pass(inputs, spec, definitions, context, results, meta, feedback)
    if inputs.base is not None and "DLTB_BASE" in wanted:
        matrix = change_matrix(inputs.base, inputs.dltb, spec, ClassLevel.CATEGORY, context,
                               inputs.base_name, inputs.dltb_name, feedback,
                               inputs.allow_unrecognised)
        results.new_construction = new_construction_m2(matrix)
        base = matrix.attrs["meta"].sources[0]
        meta.sources.append(SourceInfo("DLTB_BASE", base.name, base.count))
    if "MINING_RIGHTS" in inputs.layers:
        green = definitions.by_id("green_mines") if "MINING_RIGHTS" in wanted else None
        results.green = _green_share(*inputs.layers["MINING_RIGHTS"], green, meta)
    namer = RegionAssigner(RegionSpec(level=spec.level)).name if not spec.spatial else str
    rows = []
    for indicator in sorted(definitions.indicators, key=lambda i: i.seq):
        meta.class_sets.update(_definition_sets(indicator))
        for region in _report_regions(results.regions, spec):
            rows.append(_row(indicator, region, namer, results, inputs, spec))
    frame = require_pandas().DataFrame(rows, columns=COLUMNS)
    meta.notes.append(tr("Indicators: {id} version {version}").format(
        id=definitions.id, version=definitions.version))
    if results.survey == SECOND:
        meta.notes.extend(_second_notes(definitions, results, inputs.dltb_name))
    frame.attrs.update(meta=meta, pushed_down=landuse.attrs["pushed_down"])
    return frame


def _class_areas(landuse):
    class_m2: dict = {}
    for row in landuse.itertuples():
        class_m2.setdefault(row.region_code, {})[row.dlbm] = row.area_m2
    control = dict(landuse.attrs["control_m2"])
    return sorted(class_m2), class_m2, control


def _report_regions(regions: list[str], spec: RegionSpec) -> list[str]:
    """Every region, then the whole-area total (the row 表1 and the targets refer to)."""
    if not spec.spatial and spec.level == RegionLevel.WHOLE:
        return [WHOLE_CODE]
    return [*regions, WHOLE_CODE]


def _overlay_pass(inputs, spec, definitions, context, results, meta, feedback) -> None:
    """One streamed pass over DLTB with geometry, every overlay layer queried per parcel."""
    accumulators = {}
    crs = inputs.dltb.sourceCrs()
    measurer = EllipsoidalArea(crs, context)
    for indicator in definitions.indicators:
        if indicator.method not in ("overlay_net", "overlay_gross"):
            continue
        if indicator.layer not in inputs.layers or indicator.layer in accumulators:
            continue
        source, name = inputs.layers[indicator.layer]
        expression = _only_expression(source, name, indicator, meta)
        overlay = OverlayLayer(source, crs, context, expression, feedback, name)
        meta.sources.append(SourceInfo(indicator.layer, name, overlay.read_count))
        mode = AreaMode.NET if indicator.method == "overlay_net" else AreaMode.GROSS
        accumulators[indicator.layer] = OverlayAccumulator(overlay, measurer, mode)
    if not accumulators:
        return
    fields = dltb_fields(inputs.dltb, inputs.dltb_name, spec)
    assigner = RegionAssigner(spec, crs, context)
    repairs = GeometryRepairs(inputs.dltb_name)
    for parcel in iter_parcels(inputs.dltb, fields, assigner, with_geometry=True,
                               feedback=feedback, repairs=repairs):
        for accumulator in accumulators.values():
            accumulator.add(parcel.region, parcel.geometry, parcel.net)
    repairs.report(meta, feedback)
    results.overlay_m2 = {layer: dict(acc.inside) for layer, acc in accumulators.items()}


def _only_expression(source, name: str, indicator: Indicator, meta) -> str | None:
    """Filter keeping the features the indicator counts (e.g. 三旧改造 with ZT = 已完成), or
    None (all features) when the layer has none of the status fields — said in the notes."""
    if not indicator.only_fields:
        return None
    status = find_field(source.fields(), *indicator.only_fields)
    if status is None:
        meta.notes.append(tr("{layer}: none of the fields {fields}; every feature counted for "
                             "{indicator}").format(layer=name, fields=", ".join(
                                 indicator.only_fields), indicator=indicator.name_zh))
        return None
    values = ", ".join(QgsExpression.quotedString(v) for v in indicator.only_values)
    meta.notes.append(tr("{indicator}: only {layer} features with {field} in ({values})").format(
        indicator=indicator.name_zh, layer=name, field=status, values=values))
    return f"{QgsExpression.quotedColumnRef(status)} IN ({values})"


def _green_share(source, name, indicator: Indicator | None, meta) -> tuple[float | None, str]:
    """Share of mining-right features flagged as green mines among those counted (licensed
    producing mines when a production-status field exists; whole area only)."""
    candidates = indicator.green_fields if indicator else ()
    green_field = find_field(source.fields(), *candidates) if candidates else None
    count, green = 0, 0
    if green_field:
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
        expression = _only_expression(source, name, indicator, meta)
        if expression:
            request.setFilterExpression(expression)
        else:
            request.setSubsetOfAttributes([green_field], source.fields())
        for feature in read_features(source, request, name):
            count += 1
            green += text(feature[green_field]).upper() in indicator.green_values
    meta.sources.append(SourceInfo("MINING_RIGHTS", name, count))
    if not green_field:
        return None, tr("layer “{layer}” has none of the fields {fields}").format(
            layer=name, fields=", ".join(candidates))
    if count == 0:
        return None, tr("layer “{layer}” has no features").format(layer=name)
    return 100.0 * green / count, ""


def _definition_sets(indicator: Indicator) -> dict[str, str]:
    if indicator.method not in ("class_area", "class_share", "change_to"):
        return {}
    codes = sorted(land_classes().class_set(indicator.class_set))
    return {_set_label(indicator.class_set): ", ".join(codes)}


def _set_label(name: str) -> str:
    """A class set as the report names it: 耕地 / cultivated land (its id in the data file when
    it has no name)."""
    named = land_classes().named_set(name)
    return pick(named.name_zh or name, named.name_en or name)


def _definition(indicator: Indicator) -> str:
    if indicator.method == "class_area":
        return tr("ΣTBDLMJ of class set {set}").format(set=_set_label(indicator.class_set))
    if indicator.method == "class_share":
        return tr("ΣTBDLMJ of class set {set} / ΣTBMJ × 100").format(
            set=_set_label(indicator.class_set))
    if indicator.method == "overlay_net":
        return tr("TBDLMJ of DLTB under {layer} (dissolved, net of ridges)").format(
            layer=indicator.layer)
    if indicator.method == "overlay_gross":
        return tr("Ellipsoidal area of {layer} (dissolved) within DLTB").format(
            layer=indicator.layer)
    if indicator.method == "change_to":
        return tr("Area not {set} in {layer} and {set} in DLTB").format(
            set=_set_label(indicator.class_set), layer=indicator.layer)
    return tr("Share of {layer} features flagged green (fields {fields})").format(
        layer=indicator.layer, fields=", ".join(indicator.green_fields))


def _value(indicator: Indicator, region: str, results: _Results,
           inputs: IndicatorInputs) -> tuple[float | None, str]:
    """(value in the indicator's unit, reason when not computed)."""
    regions = results.regions if region == WHOLE_CODE else [region]
    method = indicator.method
    if method in ("class_area", "class_share"):
        m2 = sum(area for r in regions for code, area in results.class_m2.get(r, {}).items()
                 if code != "UNRECOGNISED" and results.in_set(code, indicator.class_set))
        if method == "class_area":
            return _convert(indicator, m2), ""
        control = sum(results.control_m2.get(r, 0.0) for r in regions)
        return (100.0 * m2 / control, "") if control > 0 else (None, tr("DLTB has no area"))
    if method in ("overlay_net", "overlay_gross"):
        if indicator.layer not in results.overlay_m2:
            return None, tr("input {layer} not given").format(layer=indicator.layer)
        by_region = results.overlay_m2[indicator.layer]
        return _convert(indicator, sum(by_region.get(r, 0.0) for r in regions)), ""
    if method == "change_to":
        if results.new_construction is None:
            return None, tr("input {layer} not given").format(layer=indicator.layer)
        return _convert(indicator, sum(results.new_construction.get(r, 0.0)
                                       for r in regions)), ""
    if region != WHOLE_CODE:
        return None, tr("reported for the whole area only")
    if indicator.layer not in inputs.layers:
        return None, tr("input {layer} not given").format(layer=indicator.layer)
    return results.green


def _second_notes(definitions: IndicatorSet, results: _Results, layer: str) -> list[str]:
    """二调 basis: which crosswalk, and which class-set indicators are approximate and why."""
    table = crosswalk()
    codes = sorted({code for by_code in results.class_m2.values() for code, m2 in
                    by_code.items() if m2 > 0})
    notes = [tr("“{layer}” is second-survey (二调) data: the class-set indicators are on a 二调 "
                "basis, each 二调 class counted through the crosswalk {id} version {version}; "
                "linear and scattered features (XZDWMJ, LXDWMJ) belong to no class set.").format(
        layer=layer, id=table.id, version=table.version)]
    for indicator in sorted(definitions.indicators, key=lambda i: i.seq):
        if indicator.method not in ("class_area", "class_share"):
            continue
        approximate = [table.entry(code) for code in codes
                       if table.membership(code, indicator.class_set)[1]]
        if approximate:
            notes.append(tr("{indicator} (二调 basis) is approximate: {why}").format(
                indicator=indicator.name_zh, why="; ".join(
                    f"{e.code} {land_classes().lookup(e.code).name_zh}: {e.note_zh}"
                    for e in approximate)))
    return notes


def _convert(indicator: Indicator, m2: float) -> float:
    return m2 if indicator.unit == PERCENT else to_unit(m2, indicator.area_unit)


def _row(indicator: Indicator, region: str, namer, results, inputs, spec) -> list:
    value, reason = _value(indicator, region, results, inputs)
    whole = region == WHOLE_CODE
    target = indicator.target_2025 if whole else None
    if value is None:
        status = NOT_COMPUTED
    elif target is None:
        status = NO_TARGET
        reason = indicator.target_note if whole else tr("targets are set for the whole area")
    else:
        met = value >= target if indicator.direction == "min" else value <= target
        status = MET if met else NOT_MET
    name = tr("Total") if whole else namer(region)
    return [region, name, indicator.id, indicator.name_zh, indicator.unit, value,
            indicator.baseline_2020 if whole else None, target, indicator.kind, status, reason,
            _definition(indicator)]
