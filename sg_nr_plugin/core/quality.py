"""数据体检: the health check of a DLTB layer before any statistic is made from it.

One finding per problem (check id, severity, BSM, feature id, field, value, message): the
profile recognised (三调 / 二调 / 变更, which field was taken for what), the code domain
(unrecognised codes with their count and area), area consistency (TBDLMJ, KCMJ and TBMJ against
each other and the measured ellipsoidal area, through core/consistency.py; 二调's TBDLMJ =
TBMJ − TKMJ − XZDWMJ − LXDWMJ), duplicated identifiers, parcels that overlap or repeat another
one under a different BSM (found tile by tile with a spatial index, as the change matrix reads
its vintages), and invalid or missing geometries.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace

from qgis.core import QgsFeatureRequest, QgsGeometry, QgsSpatialIndex

from ..i18n import tr
from .area import EllipsoidalArea
from .consistency import check_consistency
from .fields import DltbFields, detect_dltb_fields, find_field
from .landclasses import land_classes
from .overlay import polygon_parts
from .stats.changematrix import _cell, _tiles
from .stats.common import number, text
from .survey2 import SECOND, THIRD, crosswalk, second_code, source_profile

ERROR, WARNING, INFO = "error", "warning", "info"
#: Overlap of two parcels reported above this area (m²): below it, digitising noise.
OVERLAP_TOLERANCE_M2 = 0.1
#: TBMJ off the measured area by more than this share is an error (less: a warning).
MEASURED_ERROR_REL = 0.01
#: 二调 TBDLMJ = TBMJ − TKMJ − XZDWMJ − LXDWMJ, four values stored to 0.01 m².
SECOND_NET_TOLERANCE_M2 = 0.025
CHANGE_FIELDS = ("BGHDLBM", "BGQDLBM", "BGXW", "变更后地类编码", "变更前地类编码")
COLUMNS = ("check", "severity", "bsm", "feature_id", "field", "value", "message")


@dataclass(frozen=True)
class Finding:
    check: str
    severity: str
    bsm: str
    fid: int | None
    field: str
    value: str
    message: str

    def row(self) -> list:
        return [self.check, self.severity, self.bsm, self.fid, self.field, self.value,
                self.message]


@dataclass
class QualityReport:
    layer_name: str
    features: int = 0
    profile: str = THIRD  # THIRD, SECOND or "change"
    reason: str = ""
    field_map: dict = field(default_factory=dict)  # standard name → the layer's field
    findings: list = field(default_factory=list)

    def add(self, check: str, severity: str, message: str, bsm: str = "",
            fid: int | None = None, field_name: str = "", value="") -> None:
        self.findings.append(Finding(check, severity, bsm, fid, field_name or "",
                                     "" if value is None else str(value), message))

    def counts(self) -> dict[tuple[str, str], int]:
        return dict(Counter((f.check, f.severity) for f in self.findings))

    @property
    def errors(self) -> int:
        return sum(f.severity == ERROR for f in self.findings)

    def profile_label(self) -> str:
        return {THIRD: tr("三调 DLTB"), SECOND: tr("二调 DLTB (GB/T 21010-2007)"),
                "change": tr("变更 (annual change) DLTB")}[self.profile]


def check_dltb_quality(source, layer_name: str = "DLTB", transform_context=None,
                       feedback=None) -> QualityReport:
    """Every check over ``source`` (a layer or QgsFeatureSource); findings in layer order
    within each check."""
    fields = detect_dltb_fields(source.fields())
    report = QualityReport(layer_name)
    code_field = fields.dlbm or find_field(source.fields(), *CHANGE_FIELDS[:1])
    numeric = _profile(source, fields, code_field, report)
    _field_map(source, fields, report)
    steps = [lambda: _attributes(source, fields, code_field, numeric, report, feedback),
             lambda: _consistency(source, fields, report, transform_context, feedback),
             lambda: _overlaps(source, fields, report, transform_context, feedback)]
    for step in steps:
        if feedback is not None and feedback.isCanceled():
            break
        step()
    return report


def _profile(source, fields: DltbFields, code_field, report: QualityReport) -> bool:
    index = source.fields().lookupField(code_field) if code_field else -1
    profile = source_profile(source, code_field)
    report.profile, report.reason = profile.survey, profile.reason
    change = find_field(source.fields(), *CHANGE_FIELDS)
    if change:
        report.profile = "change"
        report.reason = tr("field {field}").format(field=change)
    message = tr("Layer “{layer}” read as {profile}").format(
        layer=report.layer_name, profile=report.profile_label())
    if report.reason:
        message += tr(" (recognised by {reason})").format(reason=report.reason)
    report.add("profile", INFO, message, value=profile.survey)
    return index >= 0 and source.fields().at(index).isNumeric()


def _field_map(source, fields: DltbFields, report: QualityReport) -> None:
    found = fields.present()
    table = crosswalk()
    for row in (table.linear, table.scattered):
        name = find_field(source.fields(), *row.aliases)
        if name:
            found[row.aliases[0].lower()] = name
    for key, name in found.items():
        report.field_map[key.upper()] = name
        report.add("field_map", INFO, tr("Field “{field}” is read as {standard}").format(
            field=name, standard=key.upper()), field_name=name, value=key.upper())
    for key, severity in (("dlbm", ERROR), ("tbmj", ERROR), ("bsm", WARNING)):
        if not fields.get(key) and not (key == "dlbm" and report.profile == "change"):
            report.add("missing_field", severity, tr(
                "Layer “{layer}” has no field {field}: the checks that need it were skipped; "
                "add the field or rename the one holding it.").format(
                layer=report.layer_name, field=key.upper()), value=key.upper())


def _code(value, survey: str, numeric: bool) -> str:
    """The code as the land-class table spells it: numbers lose leading zeros (011 → 11,
    0101 → 101), so they are padded back by survey."""
    if survey == SECOND:
        return second_code(value)
    code = text(value).upper()
    as_number = number(value) if numeric else None
    if as_number is not None and as_number.is_integer() and as_number >= 0:
        code = str(int(as_number))
        return code.zfill(4) if len(code) == 3 else code.zfill(2) if len(code) == 1 else code
    return code


def _attributes(source, fields: DltbFields, code_field, numeric: bool, report: QualityReport,
                feedback) -> None:
    """One pass: code domain, duplicated BSM, geometry validity, 二调 net area."""
    table, survey = land_classes(), SECOND if report.profile == SECOND else THIRD
    linear = find_field(source.fields(), *crosswalk().linear.aliases)
    scattered = find_field(source.fields(), *crosswalk().scattered.aliases)
    codes: dict[str, list] = defaultdict(lambda: [0, 0.0, ""])  # count, TBMJ, example BSM
    first_fid: dict[str, int] = {}
    total = max(source.featureCount(), 1)
    for i, feature in enumerate(source.getFeatures()):
        if feedback is not None and i % 5000 == 0:
            if feedback.isCanceled():
                return
            feedback.setProgress(30.0 * i / total)
        report.features += 1
        fid = feature.id()
        bsm = text(feature[fields.bsm]) if fields.bsm else ""
        tbmj = number(feature[fields.tbmj]) if fields.tbmj else None
        if code_field:
            code = _code(feature[code_field], survey, numeric)
            found = table.lookup(code)
            if not found.recognised or found.survey != survey:
                entry = codes[code]
                entry[0] += 1
                entry[1] += tbmj or 0.0
                entry[2] = entry[2] or bsm
        if bsm:
            if bsm in first_fid:
                report.add("duplicate_bsm", ERROR, tr(
                    "BSM {bsm} of feature {fid} is also the BSM of feature {first}: give each "
                    "parcel its own identifier, or delete the copy.").format(
                    bsm=bsm, fid=fid, first=first_fid[bsm]), bsm, fid, fields.bsm, bsm)
            else:
                first_fid[bsm] = fid
        _geometry(feature, bsm, report)
        if survey == SECOND and tbmj is not None and fields.tbdlmj:
            _second_net(feature, fields, linear, scattered, tbmj, bsm, report)
    for code, (count, area, example) in sorted(codes.items()):
        report.add("code_domain", ERROR, tr(
            "{field} “{code}” is not a {survey} land class: {n} parcel(s), ΣTBMJ {m2:.2f} m² "
            "(e.g. BSM {bsm}); correct the codes, they are counted as unrecognised.").format(
            field=code_field, code=code or "∅", survey="二调" if survey == SECOND else "三调",
            n=count, m2=area, bsm=example or "?"), example, None, code_field, code)


def _geometry(feature, bsm: str, report: QualityReport) -> None:
    geometry = feature.geometry()
    if geometry.isNull() or geometry.isEmpty():
        report.add("no_geometry", ERROR, tr("Feature {fid} has no geometry: its area cannot be "
                                            "measured; digitise it or delete it.").format(
            fid=feature.id()), bsm, feature.id())
    elif not geometry.isGeosValid():
        errors = geometry.validateGeometry(QgsGeometry.ValidatorGeos)
        reason = "; ".join(e.what() for e in errors[:3]) or tr("invalid")
        report.add("invalid_geometry", ERROR, tr(
            "Feature {fid} has an invalid polygon ({reason}): statistics repair it for "
            "measuring; fix it in the source data (Fix geometries).").format(
            fid=feature.id(), reason=reason), bsm, feature.id(), value=reason)


def _second_net(feature, fields, linear, scattered, tbmj, bsm, report) -> None:
    parts = [number(feature[name]) or 0.0 if name else 0.0
             for name in (fields.kcmj, linear, scattered)]
    if not fields.kcmj and fields.kcxs:
        parts[0] = tbmj * (number(feature[fields.kcxs]) or 0.0)
    stored = number(feature[fields.tbdlmj])
    expected = tbmj - sum(parts)
    if stored is not None and abs(stored - expected) > SECOND_NET_TOLERANCE_M2:
        report.add("area_net", ERROR, tr(
            "Feature {fid}: TBDLMJ {actual:.2f} but TBMJ − TKMJ − XZDWMJ − LXDWMJ = "
            "{expected:.2f} (二调); correct the area fields.").format(
            fid=feature.id(), actual=stored, expected=expected), bsm, feature.id(),
            fields.tbdlmj, f"{stored:.2f}")


def _consistency(source, fields: DltbFields, report: QualityReport, transform_context,
                 feedback) -> None:
    """TBDLMJ vs TBMJ − KCMJ (三调), KCMJ vs TBMJ × KCXS, TBMJ vs the measured area."""
    checked = fields if report.profile != SECOND else replace(fields, tbdlmj=None)
    consistency = check_consistency(source, report.layer_name, checked, measure=bool(
        fields.tbmj), transform_context=transform_context, keep=max(source.featureCount(), 1))
    for item in consistency.net.worst:
        report.add("area_net", ERROR, tr(
            "Feature {fid}: TBDLMJ {actual:.2f} but TBMJ − KCMJ = {expected:.2f}; correct the "
            "area fields.").format(fid=item.fid, actual=item.actual, expected=item.expected),
            item.label, item.fid, fields.tbdlmj, f"{item.actual:.2f}")
    for item in consistency.deduction.worst:
        report.add("area_deduction", ERROR, tr(
            "Feature {fid}: KCMJ {actual:.2f} but TBMJ × KCXS = {expected:.2f}; correct KCMJ or "
            "KCXS.").format(fid=item.fid, actual=item.actual, expected=item.expected),
            item.label, item.fid, fields.kcmj, f"{item.actual:.2f}")
    for item in consistency.measured.worst:
        share = abs(item.difference) / item.expected if item.expected else 1.0
        report.add("area_measured", ERROR if share > MEASURED_ERROR_REL else WARNING, tr(
            "Feature {fid}: TBMJ {actual:.2f} m² but the parcel measures {expected:.2f} m² "
            "(CGCS2000 ellipsoidal, difference {diff:+.2f} m²); recompute TBMJ or check the "
            "geometry and CRS.").format(fid=item.fid, actual=item.actual,
                                        expected=item.expected, diff=item.difference),
            item.label, item.fid, fields.tbmj, f"{item.actual:.2f}")


def _overlaps(source, fields: DltbFields, report: QualityReport, transform_context,
              feedback) -> None:
    """Parcels overlapping (or repeating) another under a different BSM. Tile by tile: a pair
    belongs to the tile holding the lower-left corner of its common bounding box."""
    extent = source.sourceExtent()
    measurer = EllipsoidalArea(source.sourceCrs(), transform_context)
    attributes = [fields.bsm] if fields.bsm else []
    tiles = list(_tiles(extent, source.featureCount()))
    for done, (side, row, col, tile) in enumerate(tiles):
        if feedback is not None:
            if feedback.isCanceled():
                return
            feedback.setProgress(70.0 + 30.0 * done / len(tiles))
        request = QgsFeatureRequest().setFilterRect(tile)
        request.setSubsetOfAttributes(attributes, source.fields())
        parcels, index = [], QgsSpatialIndex()
        for feature in source.getFeatures(request):
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                continue
            if not geometry.isGeosValid():
                geometry = polygon_parts(geometry.makeValid())
                if geometry is None:
                    continue
            engine = QgsGeometry.createGeometryEngine(geometry.constGet())
            engine.prepareGeometry()
            index.addFeature(len(parcels), geometry.boundingBox())
            parcels.append((feature.id(), text(feature[fields.bsm]) if fields.bsm else "",
                            geometry, engine))
        pairs, pieces = [], []
        for i, (_fid, bsm, geometry, engine) in enumerate(parcels):
            box = geometry.boundingBox()
            for j in index.intersects(box):
                other_fid, other_bsm, other, _engine = parcels[j]
                if j <= i or (bsm and bsm == other_bsm):
                    continue  # each pair once; a repeated BSM is reported as duplicate_bsm
                common = box.intersect(other.boundingBox())
                if common.width() <= 0 or common.height() <= 0:
                    continue
                if (_cell(common.xMinimum(), extent.xMinimum(), extent.width(), side) != col
                        or _cell(common.yMinimum(), extent.yMinimum(), extent.height(),
                                 side) != row):
                    continue
                if engine.intersects(other.constGet()) and not engine.touches(other.constGet()):
                    pairs.append((i, j))
                    pieces.append(polygon_parts(geometry.intersection(other)) or QgsGeometry())
        _report_overlaps(parcels, pairs, measurer.measure_many(pieces).tolist(), fields,
                         report)


def _report_overlaps(parcels, pairs, areas, fields, report: QualityReport) -> None:
    for (i, j), area in zip(pairs, areas):
        if area <= OVERLAP_TOLERANCE_M2:
            continue
        fid, bsm, geometry, _engine = parcels[i]
        other_fid, other_bsm, other, _other_engine = parcels[j]
        same = geometry.isGeosEqual(other)
        check = "duplicate_geometry" if same else "overlap"
        template = (tr("Feature {fid} (BSM {bsm}) has the same geometry as feature {other} (BSM "
                       "{other_bsm}): {m2:.2f} m² counted twice; delete the copy.") if same else
                    tr("Feature {fid} (BSM {bsm}) overlaps feature {other} (BSM {other_bsm}) by "
                       "{m2:.2f} m²: that land is counted twice; correct the boundaries."))
        report.add(check, ERROR, template.format(fid=fid, bsm=bsm or "?", other=other_fid,
                                                 other_bsm=other_bsm or "?", m2=area),
                   bsm, fid, fields.bsm or "", other_bsm or str(other_fid))
