"""Mine restoration and green-mine statistics (矿山修复与绿色矿山统计) by region.

Two tallies per region:
- legacy mines (历史遗留矿山 parcels of the national check schema): parcel count, area, treated
  (恢复治理情况 hfzlqk / zlzt = B, 已恢复治理, 完全修复…; a partly treated parcel counts its
  treated share sdzlmj ÷ tbhdmj), untreated, under a restoration project (the dissolved project
  parcels over each legacy parcel, so overlapping projects count once), and restoration rate =
  treated ÷ total × 100. A status the vocabulary does not know is counted apart
  (``unknown_status_m2``) and reported; the region's rate is then left empty, never guessed;
- licensed producing mines (mining rights whose production status is producing): how many,
  how many green (绿色矿山 flag), the share — the plan's indicator 13.

Areas are measured (CGCS2000 ellipsoidal), not read from ``tbhdmj``: the declared verified
area is listed beside it so a technician sees any gap. Field names and value codes come from
``resources/data/schema/mine_*.json`` (core.schema.mine). The lists behind every figure are
returned with the table, for the workbook.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsCoordinateTransformContext, QgsFeatureRequest, QgsFeatureSource

from ...i18n import tr
from ..area import EllipsoidalArea
from ..checks.mine_fields import (
    LEGACY_ALIASES,
    RIGHTS_ALIASES,
    UnknownValues,
    end_date,
    green_vocabulary,
    map_fields,
    number,
    production_vocabulary,
    text,
    treatment_vocabulary,
)
from ..overlay import OverlayLayer
from ..reading import read_features
from ..regions import RegionLevel
from ..schema.mine import county_code, profile
from .common import RegionAssigner, RegionSpec, SourceInfo, StatsMeta, require_features

COLUMNS = ("region_code", "region_name", "legacy_parcels", "legacy_m2", "treated_m2",
           "untreated_m2", "in_project_m2", "restoration_rate_pct", "producing_mines",
           "green_mines", "green_share_pct", "unknown_status_m2")
AREA_COLUMNS = ("legacy_m2", "treated_m2", "untreated_m2", "in_project_m2", "unknown_status_m2")


@dataclass
class LegacyRow:
    """One legacy-mine parcel as the workbook lists it."""

    region: str
    tbbh: str
    name: str
    area_m2: float
    declared_m2: float | None
    treated: bool  # wholly treated
    in_project_m2: float
    status: str | None = None  # treated / untreated / partial; None: unknown
    treated_m2: float = 0.0  # the treated share of the measured area
    unknown_m2: float = 0.0  # area whose treatment is unknown


@dataclass
class RightRow:
    """One producing mining right."""

    region: str
    licence: str
    name: str
    status: str
    green: bool | None  # None: the flag's value is not in the vocabulary
    valid_to: str


@dataclass
class MineStats:
    frame: object  # pandas DataFrame with COLUMNS (areas in m²)
    legacy: list[LegacyRow] = field(default_factory=list)
    rights: list[RightRow] = field(default_factory=list)
    meta: StatsMeta = field(default_factory=StatsMeta)


def mine_stats(legacy: QgsFeatureSource, spec: RegionSpec,
               projects: QgsFeatureSource | None = None,
               rights: QgsFeatureSource | None = None, names: dict[str, str] | None = None,
               transform_context: QgsCoordinateTransformContext | None = None,
               feedback=None) -> MineStats:
    """Legacy-mine and green-mine figures by region; ``names`` are the layer names shown."""
    from . import check_pandas

    check_pandas()  # before the layers are read, not after
    names = names or {}
    context = transform_context or QgsCoordinateTransformContext()
    crs = legacy.sourceCrs()
    assigner = RegionAssigner(spec, crs, context)
    meta = StatsMeta()
    legacy_rows = _legacy_rows(legacy, names.get("LEGACY_MINES", "LEGACY_MINES"), spec,
                               assigner, projects, context, meta, feedback)
    right_rows = []
    if rights is not None:
        right_rows = _right_rows(rights, names.get("MINING_RIGHTS", "MINING_RIGHTS"), spec,
                                 assigner, crs, context, meta, feedback)
    if projects is not None:
        meta.sources.append(SourceInfo("PROJECTS", names.get("PROJECTS", "PROJECTS"),
                                       projects.featureCount()))
    return MineStats(_frame(legacy_rows, right_rows, assigner), legacy_rows, right_rows, meta)


def _needs_code(spec: RegionSpec) -> bool:
    return not spec.spatial and spec.level != RegionLevel.WHOLE


def _warn(meta: StatsMeta, feedback, message: str) -> None:
    meta.notes.append(message)
    if feedback is not None:
        feedback.pushWarning(message)


def _legacy_rows(source, layer_name, spec, assigner, projects, context, meta,
                 feedback) -> list[LegacyRow]:
    require_features(source, layer_name)
    fields = map_fields(source.fields(), LEGACY_ALIASES)
    # Without the status every parcel would look untreated: a 0 % rate that is not true.
    fields.require(["zlzt"] + (["xzqdm"] if _needs_code(spec) else []), layer_name)
    overlay = (OverlayLayer(projects, source.sourceCrs(), context, feedback=feedback)
               if projects is not None else None)
    request = QgsFeatureRequest().setSubsetOfAttributes(fields.present(), source.fields())
    features = [(f, f.geometry()) for f in read_features(source, request, layer_name)]
    areas = EllipsoidalArea(source.sourceCrs(), context)
    measured = areas.measure_many([geom for _, geom in features]) if features else []
    status = _StatusReader(fields, layer_name)
    rows = []
    for (feature, geom), area in zip(features, measured):
        under = overlay.dissolved_under(_valid(geom)) if overlay is not None else None
        row = LegacyRow(
            region=assigner.code(county_code(_value(feature, fields.get("xzqdm"))), geom),
            tbbh=text(_value(feature, fields.get("tbbh"))),
            name=text(_value(feature, fields.get("ksmc"))),
            area_m2=float(area),
            declared_m2=number(_value(feature, fields.get("hsmj"))),
            treated=False,
            in_project_m2=areas.measure(under) if under is not None else 0.0)
        status.read(feature, row)
        rows.append(row)
    meta.sources.append(SourceInfo("LEGACY_MINES", layer_name, len(rows)))
    meta.notes.append(tr("Treated: legacy parcels whose treatment status ({field}) is treated "
                         "({treated}); a partly treated parcel ({partial}) counts its treated "
                         "share {share} ÷ {verified}; restoration rate = treated area ÷ "
                         "legacy-mine area × 100.").format(
        field=fields.get("zlzt"), treated=status.vocabulary.listed("treated"),
        partial=status.vocabulary.listed("partial"), share=fields.get("zlmj") or "sdzlmj",
        verified=fields.get("hsmj") or "tbhdmj"))
    for message in status.messages():
        _warn(meta, feedback, message)
    _note_major_classes(source, fields, rows, features, layer_name, meta, feedback)
    return rows


class _StatusReader:
    """Treatment status of each parcel through the vocabulary; unknown values are kept apart."""

    def __init__(self, fields, layer_name: str) -> None:
        self.fields = fields
        self.layer_name = layer_name
        self.vocabulary = treatment_vocabulary()
        self.unknown = UnknownValues(self.vocabulary, fields.get("zlzt"))
        self.partial_unmeasured: list[str] = []

    def read(self, feature, row: LegacyRow) -> None:
        value = _value(feature, self.fields.get("zlzt"))
        row.status = self.vocabulary.classify(value)
        row.treated = row.status == "treated"
        if row.status == "treated":
            row.treated_m2 = row.area_m2
        elif row.status == "partial":
            share = self._share(feature, row)
            if share is None:
                self.partial_unmeasured.append(row.tbbh or f"#{feature.id()}")
                row.unknown_m2 = row.area_m2
            else:
                row.treated_m2 = share * row.area_m2
        elif row.status is None:
            self.unknown.add(value, row.area_m2)
            row.unknown_m2 = row.area_m2

    def _share(self, feature, row: LegacyRow) -> float | None:
        """Treated area ÷ verified area (or ÷ the measured area without one), within 0–1."""
        done = number(_value(feature, self.fields.get("zlmj")))
        if done is None or done < 0:
            return None
        total = row.declared_m2 if row.declared_m2 and row.declared_m2 > 0 else row.area_m2
        return min(done / total, 1.0) if total > 0 else None

    def messages(self) -> list[str]:
        found = []
        if self.unknown:
            found.append(self.unknown.message(
                self.layer_name, tr("treatment status"),
                tr("counted as unknown (column unknown_status_m2), neither treated nor "
                   "untreated, and the restoration rate of their region is left empty")))
        if self.partial_unmeasured:
            listed = ", ".join(self.partial_unmeasured[:8]) + (
                ", …" if len(self.partial_unmeasured) > 8 else "")
            found.append(tr("Layer “{layer}”: {n} partly treated parcel(s) have no treated "
                            "area in {field} ({parcels}); their area is counted as unknown and "
                            "the restoration rate of their region is left empty. Fill in the "
                            "treated area.").format(
                layer=self.layer_name, n=len(self.partial_unmeasured),
                field=self.fields.get("zlmj") or profile("legacy").label("zlmj"),
                parcels=listed))
        return found


def _note_major_classes(source, fields, rows, features, layer_name, meta, feedback) -> None:
    """Parcels of the check that are not legacy mines (tbdl 20/30/40) are counted: say so."""
    name = fields.get("tbdl")
    if not name:
        return
    vocabulary = profile("legacy").vocabulary("major_class")
    other = [row for row, (feature, _) in zip(rows, features)
             if vocabulary.classify(feature[name]) != "legacy"]
    if other:
        _warn(meta, feedback, tr(
            "Layer “{layer}”: {n} parcel(s) ({area:.1f} m²) are not of major class 10 "
            "(legacy mine) in field {field}; they are counted with the legacy mines. Filter "
            "the layer ({field} = '10') to count legacy mines only.").format(
            layer=layer_name, n=len(other), area=sum(r.area_m2 for r in other), field=name))


def _right_rows(source, layer_name, spec, assigner, crs, context, meta,
                feedback) -> list[RightRow]:
    fields = map_fields(source.fields(), RIGHTS_ALIASES)
    fields.require(["sczt", "lsks"] + (["xzqdm"] if _needs_code(spec) else []), layer_name)
    request = QgsFeatureRequest().setSubsetOfAttributes(fields.present(), source.fields())
    request.setDestinationCrs(crs, context)
    production, green = production_vocabulary(), green_vocabulary()
    unknown_status = UnknownValues(production, fields.get("sczt"))
    unknown_green = UnknownValues(green, fields.get("lsks"))
    rows, count = [], 0
    for feature in read_features(source, request, layer_name):
        count += 1
        status = text(_value(feature, fields.get("sczt")))
        kind = production.classify(status)
        if kind is None:
            unknown_status.add(status)
        if kind != "producing":
            continue
        flag = _value(feature, fields.get("lsks"))
        is_green = green.classify(flag)
        if is_green is None:
            unknown_green.add(flag)
        rows.append(RightRow(
            region=assigner.code(county_code(_value(feature, fields.get("xzqdm"))),
                                 feature.geometry()),
            licence=text(_value(feature, fields.get("xkzh"))),
            name=text(_value(feature, fields.get("ksmc"))),
            status=status, green=None if is_green is None else is_green == "yes",
            valid_to=str(_valid_to(feature, fields) or "")))
    meta.sources.append(SourceInfo("MINING_RIGHTS", layer_name, count))
    meta.notes.append(tr("Licensed producing mines: mining rights whose status ({field}) says "
                         "producing; green: the flag {flag}.").format(
        field=fields.get("sczt"), flag=fields.get("lsks")))
    if unknown_status:
        _warn(meta, feedback, unknown_status.message(
            layer_name, tr("production status"),
            tr("not counted as licensed producing mines")))
    if unknown_green:
        _warn(meta, feedback, unknown_green.message(
            layer_name, tr("green-mine flag"),
            tr("counted as producing mines of unknown green status, and the green-mine share "
               "of their region is left empty")))
    return rows


def _valid_to(feature, fields):
    """The end of validity: 有效期止, else the end of the 有效期限 range."""
    name = fields.get("yxqz") or fields.get("yxqx")
    return end_date(feature[name]) if name else None


def _frame(legacy: list[LegacyRow], rights: list[RightRow], assigner: RegionAssigner):
    from . import require_pandas

    pd = require_pandas()

    regions = sorted({r.region for r in legacy} | {r.region for r in rights})
    records = []
    for code in regions:
        mine = [r for r in legacy if r.region == code]
        total = sum(r.area_m2 for r in mine)
        treated = sum(r.treated_m2 for r in mine)
        unknown = sum(r.unknown_m2 for r in mine)
        producing = [r for r in rights if r.region == code]
        green = sum(1 for r in producing if r.green)
        green_known = all(r.green is not None for r in producing)
        records.append((code, assigner.name(code), len(mine), total, treated,
                        total - treated - unknown, sum(r.in_project_m2 for r in mine),
                        100.0 * treated / total if total > 0 and unknown == 0 else None,
                        len(producing), green,
                        100.0 * green / len(producing) if producing and green_known else None,
                        unknown))
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def _value(feature, name: str | None):
    return feature[name] if name else None


def _valid(geom):
    return geom if geom.isGeosValid() else geom.makeValid()
