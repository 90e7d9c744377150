"""Mine restoration and green-mine statistics (矿山修复与绿色矿山统计) by region.

Two tallies per region:
- legacy mines (历史遗留矿山 parcels of the national check schema): parcel count, area, treated
  (治理状态 zlzt = B), untreated, under a restoration project (the dissolved project parcels
  over each legacy parcel, so overlapping projects count once), restoration rate = treated ÷
  total × 100;
- licensed producing mines (mining rights whose production status says 生产/在采): how many,
  how many green (绿色矿山 flag), the share — the plan's indicator 13.

Areas are measured (CGCS2000 ellipsoidal), not read from ``hsmj``: the declared verified area
is listed beside it so a technician sees any gap. The lists behind every figure are returned
with the table, for the workbook.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from qgis.core import QgsCoordinateTransformContext, QgsFeatureRequest, QgsFeatureSource

from ...i18n import tr
from ..area import EllipsoidalArea
from ..checks.mine_fields import (
    LEGACY_ALIASES,
    RIGHTS_ALIASES,
    is_producing,
    is_treated,
    is_true,
    map_fields,
    number,
    parse_date,
    text,
)
from ..overlay import OverlayLayer
from ..reading import read_features
from ..regions import RegionLevel
from .common import RegionAssigner, RegionSpec, SourceInfo, StatsMeta, require_features

COLUMNS = ("region_code", "region_name", "legacy_parcels", "legacy_m2", "treated_m2",
           "untreated_m2", "in_project_m2", "restoration_rate_pct", "producing_mines",
           "green_mines", "green_share_pct")
AREA_COLUMNS = ("legacy_m2", "treated_m2", "untreated_m2", "in_project_m2")


@dataclass
class LegacyRow:
    """One legacy-mine parcel as the workbook lists it."""

    region: str
    tbbh: str
    name: str
    area_m2: float
    declared_m2: float | None
    treated: bool
    in_project_m2: float


@dataclass
class RightRow:
    """One producing mining right."""

    region: str
    licence: str
    name: str
    status: str
    green: bool
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
                                 assigner, crs, context, meta)
    if projects is not None:
        meta.sources.append(SourceInfo("PROJECTS", names.get("PROJECTS", "PROJECTS"),
                                       projects.featureCount()))
    meta.notes.append(tr("Treated: legacy parcels whose treatment status (zlzt) is B; "
                         "restoration rate = treated area ÷ legacy-mine area × 100."))
    return MineStats(_frame(legacy_rows, right_rows, assigner), legacy_rows, right_rows, meta)


def _needs_code(spec: RegionSpec) -> bool:
    return not spec.spatial and spec.level != RegionLevel.WHOLE


def _legacy_rows(source, layer_name, spec, assigner, projects, context, meta,
                 feedback) -> list[LegacyRow]:
    require_features(source, layer_name)
    fields = map_fields(source.fields(), LEGACY_ALIASES)
    if _needs_code(spec):
        fields.require(["xzqdm"], layer_name)
    overlay = (OverlayLayer(projects, source.sourceCrs(), context, feedback=feedback)
               if projects is not None else None)
    request = QgsFeatureRequest().setSubsetOfAttributes(fields.present(), source.fields())
    features = [(f, f.geometry()) for f in read_features(source, request, layer_name)]
    areas = EllipsoidalArea(source.sourceCrs(), context)
    measured = areas.measure_many([geom for _, geom in features]) if features else []
    rows = []
    for (feature, geom), area in zip(features, measured):
        under = overlay.dissolved_under(_valid(geom)) if overlay is not None else None
        rows.append(LegacyRow(
            region=assigner.code(_value(feature, fields.get("xzqdm")), geom),
            tbbh=text(_value(feature, fields.get("tbbh"))),
            name=text(_value(feature, fields.get("ksmc"))),
            area_m2=float(area),
            declared_m2=number(_value(feature, fields.get("hsmj"))),
            treated=is_treated(_value(feature, fields.get("zlzt"))),
            in_project_m2=areas.measure(under) if under is not None else 0.0))
    meta.sources.append(SourceInfo("LEGACY_MINES", layer_name, len(rows)))
    return rows


def _right_rows(source, layer_name, spec, assigner, crs, context, meta) -> list[RightRow]:
    fields = map_fields(source.fields(), RIGHTS_ALIASES)
    fields.require(["sczt", "lsks"] + (["xzqdm"] if _needs_code(spec) else []), layer_name)
    request = QgsFeatureRequest().setSubsetOfAttributes(fields.present(), source.fields())
    request.setDestinationCrs(crs, context)
    rows, count = [], 0
    for feature in read_features(source, request, layer_name):
        count += 1
        status = text(_value(feature, fields.get("sczt")))
        if not is_producing(status):
            continue
        rows.append(RightRow(
            region=assigner.code(_value(feature, fields.get("xzqdm")), feature.geometry()),
            licence=text(_value(feature, fields.get("xkzh"))),
            name=text(_value(feature, fields.get("ksmc"))),
            status=status, green=is_true(_value(feature, fields.get("lsks"))),
            valid_to=str(parse_date(_value(feature, fields.get("yxqz"))) or "")))
    meta.sources.append(SourceInfo("MINING_RIGHTS", layer_name, count))
    meta.notes.append(tr("Licensed producing mines: mining rights whose status ({field}) says "
                         "producing; green: the flag {flag}.").format(
        field=fields.get("sczt"), flag=fields.get("lsks")))
    return rows


def _frame(legacy: list[LegacyRow], rights: list[RightRow], assigner: RegionAssigner):
    from . import require_pandas

    pd = require_pandas()

    regions = sorted({r.region for r in legacy} | {r.region for r in rights})
    records = []
    for code in regions:
        mine = [r for r in legacy if r.region == code]
        total = sum(r.area_m2 for r in mine)
        treated = sum(r.area_m2 for r in mine if r.treated)
        producing = [r for r in rights if r.region == code]
        green = sum(1 for r in producing if r.green)
        records.append((code, assigner.name(code), len(mine), total, treated, total - treated,
                        sum(r.in_project_m2 for r in mine),
                        100.0 * treated / total if total > 0 else None,
                        len(producing), green,
                        100.0 * green / len(producing) if producing else None))
    return pd.DataFrame.from_records(records, columns=list(COLUMNS))


def _value(feature, name: str | None):
    return feature[name] if name else None


def _valid(geom):
    return geom if geom.isGeosValid() else geom.makeValid()


# ---- workbook ----------------------------------------------------------------------------------
def write_minestats_xlsx(stats: MineStats, path, unit: int) -> None:
    """Summary by region, then the legacy parcels and the producing mines behind each figure."""
    from ..units import unit_label
    from .xlsx import Book

    book = Book()
    label = unit_label(unit)
    sheet = book.sheet(tr("Mine restoration"))
    headers = [tr("Region code"), tr("Region name"), tr("Legacy parcels"),
               tr("Legacy-mine area ({unit})").format(unit=label),
               tr("Treated ({unit})").format(unit=label),
               tr("Untreated ({unit})").format(unit=label),
               tr("Under a restoration project ({unit})").format(unit=label),
               tr("Restoration rate (%)"), tr("Licensed producing mines"), tr("Green mines"),
               tr("Green-mine share (%)")]
    book.title(sheet, tr("Mine restoration and green mines (unit: {unit})").format(unit=label),
               len(headers))
    _table(book, sheet, headers, [_summary_cells(r) for r in stats.frame.itertuples()], unit)
    sheet = book.sheet(tr("Legacy mine parcels"))
    book.title(sheet, tr("Legacy mine parcels"), 7)
    _table(book, sheet, [tr("Region code"), tr("Parcel number"), tr("Mine name"),
                         tr("Area ({unit})").format(unit=label),
                         tr("Verified area hsmj (m²)"), tr("Treated"),
                         tr("Under a restoration project ({unit})").format(unit=label)],
           [[("t", r.region), ("t", r.tbbh), ("t", r.name), ("a", r.area_m2),
             ("d", r.declared_m2), ("t", tr("Yes") if r.treated else tr("No")),
             ("a", r.in_project_m2)] for r in stats.legacy], unit)
    sheet = book.sheet(tr("Producing mines"))
    book.title(sheet, tr("Licensed producing mines"), 6)
    _table(book, sheet, [tr("Region code"), tr("Licence number"), tr("Mine name"),
                         tr("Production status"), tr("Green mine"), tr("Valid to")],
           [[("t", r.region), ("t", r.licence), ("t", r.name), ("t", r.status),
             ("t", tr("Yes") if r.green else tr("No")), ("t", r.valid_to)]
            for r in stats.rights], unit)
    book.provenance(stats.meta, unit)
    book.save(path)


def _summary_cells(record) -> list[tuple[str, object]]:
    return [("t", record.region_code), ("t", record.region_name),
            ("n", record.legacy_parcels), ("a", record.legacy_m2), ("a", record.treated_m2),
            ("a", record.untreated_m2), ("a", record.in_project_m2),
            ("d", record.restoration_rate_pct), ("n", record.producing_mines),
            ("n", record.green_mines), ("d", record.green_share_pct)]


def _table(book, sheet, headers: list[str], rows: list[list[tuple[str, object]]],
           unit: int) -> None:
    """Header on row 4, then one row per record: t text, a area (m² → unit), d two decimals
    (percentages, m²), n a count."""
    for column, header in enumerate(headers, start=1):
        book.header(sheet, 4, column, header)
    for row, cells in enumerate(rows, start=5):
        for column, (kind, value) in enumerate(cells, start=1):
            if kind == "t" or value is None or value != value:  # NaN: an empty cell
                book.text(sheet, row, column, "" if kind != "t" else value)
            elif kind == "a":
                book.area(sheet, row, column, value, unit)
            else:
                book.number(sheet, row, column, value, 2 if kind == "d" else 0)
