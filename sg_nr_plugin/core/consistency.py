"""Area consistency of a DLTB layer: TBDLMJ ≈ TBMJ − KCMJ, KCMJ ≈ TBMJ × KCXS, TBMJ ≈ measured.

Technicians reconcile our totals against these fields, so a layer whose fields disagree with
each other or with its geometry is reported before any statistic: how many parcels fail each
check and the worst of them (feature id, BSM/TBBH, expected, actual).
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field

from qgis.core import QgsFeatureRequest

from ..i18n import tr
from .area import EDGES_PLANE, EllipsoidalArea
from .fields import DltbFields, detect_dltb_fields
from .reading import read_features

#: TBDLMJ = TBMJ − KCMJ, all three stored to 0.01 m²: two roundings of ≤ 0.005 each.
NET_TOLERANCE_M2 = 0.015
#: KCMJ = TBMJ × KCXS rounded to 0.01 m² (KCXS stored with 4 decimals, exact).
DEDUCTION_TOLERANCE_M2 = 0.015
#: TBMJ vs the engine's ellipsoidal area: 0.5 m² or 1e-5 of the area, whichever is larger —
#: room for the official software's edge interpretation and 2-decimal rounding.
MEASURED_TOLERANCE_M2 = 0.5
MEASURED_TOLERANCE_REL = 1e-5
#: How many of the worst features each check keeps.
WORST_KEPT = 10
_BATCH = 4096


@dataclass(frozen=True)
class Discrepancy:
    fid: int
    label: str  # BSM or TBBH, "" when the layer has neither
    expected: float
    actual: float

    @property
    def difference(self) -> float:
        return self.actual - self.expected


@dataclass
class CheckResult:
    """One check over the layer: parcels checked, parcels outside tolerance, the worst."""

    name: str  # "net", "deduction", "measured"
    checked: int = 0
    failed: int = 0
    _heap: list = field(default_factory=list, repr=False)
    keep: int = WORST_KEPT

    def add(self, fid: int, label: str, expected: float, actual: float, tolerance: float) -> None:
        self.checked += 1
        gap = abs(actual - expected)
        if gap <= tolerance:
            return
        self.failed += 1
        item = (gap, -fid, Discrepancy(fid, label, expected, actual))
        if len(self._heap) < self.keep:
            heapq.heappush(self._heap, item)
        else:
            heapq.heappushpop(self._heap, item)

    @property
    def worst(self) -> list[Discrepancy]:
        """The kept failures, largest absolute difference first."""
        return [item[2] for item in sorted(self._heap, key=lambda i: (-i[0], -i[1]))]

    def title(self) -> str:
        titles = {
            "net": tr("TBDLMJ = TBMJ − KCMJ"),
            "deduction": tr("KCMJ = TBMJ × KCXS"),
            "measured": tr("TBMJ = measured ellipsoidal area"),
        }
        return titles[self.name]


@dataclass
class ConsistencyReport:
    layer_name: str
    features: int = 0
    net: CheckResult = field(default_factory=lambda: CheckResult("net"))
    deduction: CheckResult = field(default_factory=lambda: CheckResult("deduction"))
    measured: CheckResult = field(default_factory=lambda: CheckResult("measured"))
    empty_geometries: int = 0

    @property
    def checks(self) -> list[CheckResult]:
        return [self.net, self.deduction, self.measured]

    @property
    def ok(self) -> bool:
        return all(check.failed == 0 for check in self.checks)

    def summary(self) -> list[str]:
        """One translated line per check that ran, e.g. for the Processing log."""
        lines = []
        for check in self.checks:
            if not check.checked:
                continue
            lines.append(tr("Layer “{layer}”, {check}: {failed} of {checked} parcels outside "
                            "tolerance").format(layer=self.layer_name, check=check.title(),
                                                failed=check.failed, checked=check.checked))
            for item in check.worst[:3]:
                lines.append(tr("  feature {fid} {label}: expected {expected:.2f}, found "
                                "{actual:.2f} (difference {diff:+.2f} m²)").format(
                    fid=item.fid, label=item.label, expected=item.expected,
                    actual=item.actual, diff=item.difference))
        if self.empty_geometries:
            lines.append(tr("Layer “{layer}”: {count} parcels have no geometry (area 0).")
                         .format(layer=self.layer_name, count=self.empty_geometries))
        return lines


def check_consistency(source, layer_name: str | None = None, fields: DltbFields | None = None,
                      measure: bool = True, transform_context=None, feedback=None,
                      keep: int = WORST_KEPT, edges: str = EDGES_PLANE) -> ConsistencyReport:
    """Run the three checks over ``source`` (a layer or QgsFeatureSource).

    Checks whose fields are absent are skipped (their ``checked`` stays 0); the second-survey
    names TKXS/TKMJ are accepted. ``measure=False`` skips the geometry check (no CRS needed).
    TBMJ is compared with the engine's area (edges straight in the map plane, as everywhere in
    the plugin); ``edges=EDGES_OFFICIAL`` reads long edges the way the official trapezoid
    method does — on the bundled sample it moves two large parcels by ~0.7 m².
    """
    fields = fields or detect_dltb_fields(source.fields())
    name = layer_name or (source.name() if hasattr(source, "name") else source.sourceName())
    report = ConsistencyReport(name)
    for check in report.checks:
        check.keep = keep
    wanted = [n for n in (fields.bsm, fields.tbbh, fields.tbmj, fields.kcxs, fields.kcmj,
                          fields.tbdlmj) if n]
    request = QgsFeatureRequest().setSubsetOfAttributes(wanted, source.fields())
    measure = measure and bool(fields.tbmj)
    if not measure:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    engine = EllipsoidalArea(source.sourceCrs() if hasattr(source, "sourceCrs")
                             else source.crs(), transform_context, edges) if measure else None
    total = max(source.featureCount(), 1)
    pending: list = []
    for feature in read_features(source, request, name):
        report.features += 1
        values = _values(feature, fields)
        _check_fields(report, feature.id(), values)
        if engine is not None and values["tbmj"] is not None:
            pending.append((feature.id(), values["label"], values["tbmj"],
                            engine.wkb_of(feature.geometry())))
        if len(pending) >= _BATCH:
            _check_measured(report, engine, pending)
            pending = []
            if feedback is not None:
                if feedback.isCanceled():
                    break
                feedback.setProgress(100.0 * report.features / total)
    if pending:
        _check_measured(report, engine, pending)
    if engine is not None:
        report.empty_geometries = engine.empty_count
    return report


def _values(feature, fields: DltbFields) -> dict:
    def number(name):
        if not name:
            return None
        value = feature[name]
        try:
            result = float(value)
        except (TypeError, ValueError):
            return None
        return result if result == result else None

    label = ""
    for name in (fields.bsm, fields.tbbh):
        if name and feature[name] not in (None, "") and str(feature[name]) != "NULL":
            label = str(feature[name])
            break
    return {"label": label, "tbmj": number(fields.tbmj), "kcxs": number(fields.kcxs),
            "kcmj": number(fields.kcmj), "tbdlmj": number(fields.tbdlmj)}


def _check_fields(report: ConsistencyReport, fid: int, v: dict) -> None:
    tbmj, kcmj = v["tbmj"], v["kcmj"]
    if tbmj is not None and kcmj is not None and v["tbdlmj"] is not None:
        report.net.add(fid, v["label"], tbmj - kcmj, v["tbdlmj"], NET_TOLERANCE_M2)
    if tbmj is not None and kcmj is not None and v["kcxs"] is not None:
        report.deduction.add(fid, v["label"], tbmj * v["kcxs"], kcmj, DEDUCTION_TOLERANCE_M2)


def _check_measured(report: ConsistencyReport, engine: EllipsoidalArea, pending: list) -> None:
    areas = engine.measure_wkbs([item[3] for item in pending])
    for (fid, label, tbmj, wkb), area in zip(pending, areas.tolist()):
        if not wkb:
            continue
        tolerance = max(MEASURED_TOLERANCE_M2, MEASURED_TOLERANCE_REL * area)
        report.measured.add(fid, label, area, tbmj, tolerance)
