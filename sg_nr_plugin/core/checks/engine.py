"""The rule engine: a registry of rules, and a run that streams over projects.

Rules are small functions ``rule(ctx, cfg, ruleset) -> list`` (of :func:`make_finding`
results) registered with
:func:`rule`. A rule declares the layer roles it needs: when none of them is given, the rule is
reported "not checked" for every project — never silently passed. A check kind is a
:class:`CheckSpec`: the rules it runs and a function computing its quotas.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from qgis.core import (
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeatureRequest,
    QgsGeometry,
    QgsSpatialIndex,
)

from ...i18n import tr
from ..coordinates import Domain, coordinate_problem
from ..geos_texts import geos_reason
from ..overlay import polygon_parts
from ..reading import read_features
from .context import (
    CheckInputs,
    ProjectContext,
    ProjectPart,
    RunContext,
    declared_m2,
    drop_slivers,
    union,
)
from .findings import MU_PER_M2, Finding, ProjectResult, bilingual
from .prefetch import CHUNK_PROJECTS, AreaMemo, measure_chunk
from .ruleset import RuleConfig, RuleSet

RuleFunc = Callable[[ProjectContext, RuleConfig, RuleSet], list]


@dataclass(frozen=True)
class RuleDef:
    rule_id: str
    func: RuleFunc
    needs_any: tuple[str, ...] = ()  # not checked unless one of these roles is given
    partial_without: tuple[str, ...] = ()  # checked, but only partly, when none is given


RULES: dict[str, RuleDef] = {}


def rule(rule_id: str, needs_any: tuple[str, ...] = (), partial_without: tuple[str, ...] = (),
         kind: str = ""):
    """Register a rule function under its public id.

    ``kind`` registers it for one check kind only: two checks may share a public id with
    different logic (``hazard`` in paddy and mine); the kind's own rule wins over a plain one.
    """

    def register(func: RuleFunc) -> RuleFunc:
        RULES[f"{kind}:{rule_id}" if kind else rule_id] = RuleDef(
            rule_id, func, needs_any, partial_without)
        return func

    return register


def rule_def(kind: str, rule_id: str) -> RuleDef:
    """The rule a check kind runs under ``rule_id`` (its own registration first)."""
    return RULES.get(f"{kind}:{rule_id}") or RULES[rule_id]


@dataclass(frozen=True)
class CheckSpec:
    kind: str
    rule_ids: tuple[str, ...]
    quota_fields: tuple[tuple[str, str], ...] = ()  # (name, "double" | "string" | "int")
    quotas: Callable[[ProjectContext, ProjectResult, RuleSet], dict] | None = None
    threshold_keys: tuple[str, ...] = ("min_finding_m2",)
    class_set_keys: tuple[str, ...] = ()
    # Kind-specific additions to the .xlsx report: ``hook(workbook, report)`` after the sheets.
    report_hook: Callable[[object, object], None] | None = None


@dataclass
class PendingFinding:
    """A finding whose area is measured later, in one batch with the project's others."""

    rule: RuleConfig
    geometry: QgsGeometry | None
    template: str
    values: dict
    area_m2: float | None  # None: measure the geometry; a value: given by the rule


def make_finding(ctx: ProjectContext, cfg: RuleConfig, ruleset: RuleSet, geometry,
                 template: str, area_m2: float | None = None, **values) -> PendingFinding | None:
    """A finding of ``cfg``'s rule; its area is the ellipsoidal area of ``geometry`` unless given.

    ``template`` is a ``QT_TRANSLATE_NOOP`` literal; ``{area_mu}``/``{area_m2}`` and
    ``{project}`` are filled in for it. Measured findings below ``min_finding_m2`` (numerical
    noise of the overlay) are dropped when the project is finished.
    """
    geometry = polygon_parts(geometry) if geometry is not None else None
    if area_m2 is None and (geometry is None or geometry.isEmpty()):
        return None
    return PendingFinding(cfg, geometry, template, values, area_m2)


def finish_findings(ctx: ProjectContext, pending: list, ruleset: RuleSet) -> list[Finding]:
    """Measure the pending findings in one batch, drop noise, write the two-language messages."""
    pending = [p for p in pending if p is not None]
    for p in pending:  # reprojection strips along shared edges are not conflicts
        if p.area_m2 is None:
            p.geometry = drop_slivers(p.geometry, ctx.run.sliver_width_m)
    pending = [p for p in pending if p.area_m2 is not None or p.geometry is not None]
    to_measure = [p for p in pending if p.area_m2 is None]
    measured = {}
    if to_measure:
        areas = ctx.run.areas.measure_many([p.geometry for p in to_measure])
        measured = {id(p): float(a) for p, a in zip(to_measure, areas)}
    floor = ruleset.threshold("min_finding_m2")
    findings = []
    for p in pending:
        area = measured.get(id(p), p.area_m2)
        if p.area_m2 is None and area < floor:
            continue
        zh, en = bilingual(p.template, project=ctx.project_id, area_m2=f"{area:.2f}",
                           area_mu=f"{area * MU_PER_M2:.4f}", **p.values)
        findings.append(Finding(ctx.project_id, p.rule.rule_id, p.rule.severity, area,
                                p.geometry, zh, en))
    return findings


def deductions(result: ProjectResult, ruleset: RuleSet) -> QgsGeometry:
    """Union of the conflicts that the rule set removes from quotas (each area counted once)."""
    geoms = []
    for finding in result.findings:
        cfg = ruleset.rule(finding.rule_id)
        if cfg is not None and cfg.deduct and finding.geometry is not None:
            geoms.append(finding.geometry)
    return union(geoms)


class CheckRun:
    """One run of a check over the projects layer; iterate :meth:`results` to stream."""

    def __init__(self, inputs: CheckInputs, spec: CheckSpec, ruleset: RuleSet, areas, table,
                 dltb_fields=None, feedback=None) -> None:
        ruleset.require(spec.rule_ids, spec.threshold_keys, spec.class_set_keys)
        self.inputs, self.spec, self.ruleset, self.feedback = inputs, spec, ruleset, feedback
        self.run = RunContext(inputs, AreaMemo(areas), table, dltb_fields, feedback)
        if "sliver_width_m" in ruleset.thresholds:
            self.run.sliver_width_m = ruleset.threshold("sliver_width_m")
        self.canceled = False
        self.rules = [rule_def(spec.kind, r) for r in spec.rule_ids if ruleset.rule(r).enabled]
        self.disabled = [r for r in spec.rule_ids if not ruleset.rule(r).enabled]
        self.not_checked = {d.rule_id: self._missing(d.needs_any) for d in self.rules
                            if d.needs_any and not any(inputs.has(n) for n in d.needs_any)}
        self.partial = {d.rule_id: self._missing(d.partial_without) for d in self.rules
                        if d.rule_id not in self.not_checked and d.partial_without
                        and not any(inputs.has(n) for n in d.partial_without)}
        self.projects = read_projects(inputs)
        self.unions = {pid: union([p.geometry for p in parts])
                       for pid, parts in self.projects.items()}
        self._index = QgsSpatialIndex()
        self._index_ids: list[str] = []
        for pid, geom in self.unions.items():
            if not geom.isEmpty():
                box = geom.boundingBox()
                self._index.addFeature(len(self._index_ids), box)
                self._index_ids.append(pid)
                self.run.project_sides.append(max(box.width(), box.height()))

    def _missing(self, roles) -> str:
        names = [self.inputs.layer_names.get(r, r) for r in roles if not self.inputs.has(r)]
        return tr("not given: {layers}").format(layers=", ".join(names))

    def neighbours(self, project_id: str, geom: QgsGeometry) -> list[tuple[str, QgsGeometry]]:
        """Other projects of the same layer whose bounding box meets ``geom``."""
        found = (self._index_ids[i] for i in self._index.intersects(geom.boundingBox()))
        return [(pid, self.unions[pid]) for pid in found if pid != project_id]

    def checked_projects(self) -> dict[str, list[ProjectPart]]:
        """The projects to check: all, or those with a selected parcel (ONLY_SELECTED)."""
        selected = self.inputs.selected_ids
        if selected is None:
            return self.projects
        return {pid: parts for pid, parts in self.projects.items()
                if any(part.fid in selected for part in parts)}

    def results(self) -> Iterator[ProjectResult]:
        """One result per project, in input order; stops early when canceled. Projects go
        by chunks whose areas are measured in one batch (core/checks/prefetch.py)."""
        projects = list(self.checked_projects().items())
        total, done = max(len(projects), 1), 0
        for start in range(0, len(projects), CHUNK_PROJECTS):
            if self._canceled():
                return
            self.run.areas.forget()
            contexts = [self.context(pid, parts)
                        for pid, parts in projects[start:start + CHUNK_PROJECTS]]
            measure_chunk(contexts, self.run.asked, self.run.sliver_width_m)
            for ctx in contexts:
                if self._canceled():
                    return
                yield self.check(ctx)
                done += 1
                if self.feedback is not None:
                    self.feedback.setProgress(100.0 * done / total)
        self.run.areas.forget()

    def _canceled(self) -> bool:
        if self.feedback is not None and self.feedback.isCanceled():
            self.canceled = True
        return self.canceled

    def context(self, project_id: str, parts: list[ProjectPart]) -> ProjectContext:
        """The project's context, with its union computed once for the run."""
        ctx = ProjectContext(self.run, project_id, parts, self.unions.get(project_id))
        ctx.check_run = self
        return ctx

    def check_project(self, project_id: str, parts: list[ProjectPart]) -> ProjectResult:
        return self.check(self.context(project_id, parts))

    def check(self, ctx: ProjectContext) -> ProjectResult:
        project_id, parts = ctx.project_id, ctx.parts
        result = ProjectResult(project_id, ctx.geometry, ctx.area_m2, parcel_count=len(parts))
        result.declared_m2 = declared_m2(parts, self.inputs)
        result.not_checked = sorted(self.not_checked)
        result.partly_checked = sorted(self.partial)
        pending = []
        for definition in self.rules:
            if definition.rule_id in self.not_checked:
                continue
            pending.extend(definition.func(ctx, self.ruleset.rule(definition.rule_id),
                                           self.ruleset))
        result.findings = finish_findings(ctx, pending, self.ruleset)
        # A rule may find that it could judge this project only in part (a DEM with holes).
        result.not_checked = sorted({*result.not_checked, *ctx.cache.get("not_checked", ())})
        result.partly_checked = sorted({*result.partly_checked,
                                        *ctx.cache.get("partly_checked", ())} - {
                                           *result.not_checked})
        ctx.result = result
        if self.spec.quotas is not None:
            result.quotas = self.spec.quotas(ctx, result, self.ruleset)
        return result


def read_projects(inputs: CheckInputs) -> dict[str, list[ProjectPart]]:
    """The project parcels grouped by project id, in layer order, repaired when invalid, in the
    working CRS; parcels with impossible coordinates are kept as empty parts with the reason.

    Every project is read, selected or not: duplicates are looked for in the whole layer.
    """
    request = QgsFeatureRequest()
    projects: dict[str, list[ProjectPart]] = {}
    names = inputs.projects.fields().names()
    reader = _PartReader(inputs)
    for feature in _unchecked_features(inputs.projects, request,
                                       inputs.layer_names.get("PROJECTS", ""), inputs.read_counts):
        attributes = dict(zip(names, feature.attributes()))
        project_id = _project_id(attributes.get(inputs.project_id_field), feature.id())
        projects.setdefault(project_id, []).append(reader.part(feature, attributes))
    return projects


def _unchecked_features(source, request, name: str = "", counts=None):
    """Invalid project geometries are the ``geometry`` rule's business: Processing's "invalid
    geometry" setting must neither abort the run nor drop them (processing.run aborts)."""
    from qgis.core import Qgis, QgsProcessingFeatureSource

    if not isinstance(source, QgsProcessingFeatureSource):
        return read_features(source, request, name, counts)
    skip = getattr(QgsProcessingFeatureSource, "FlagSkipGeometryValidityChecks", None)
    if skip is None:  # spelled on Qgis in later QGIS versions
        skip = Qgis.ProcessingFeatureSourceFlag.SkipGeometryValidityChecks
    return read_features(source, request, name, counts, skip)


def _project_id(value, fid: int) -> str:
    if value is None or (hasattr(value, "isNull") and value.isNull()) or not str(value).strip():
        return tr("(no id) #{fid}").format(fid=fid)
    return str(value).strip()


class _PartReader:
    """Project parcels as :class:`ProjectPart`: screened for impossible coordinates in their
    own CRS, moved into the working CRS, repaired when invalid."""

    def __init__(self, inputs: CheckInputs) -> None:
        self.source_crs = inputs.projects.sourceCrs()
        self.domain = Domain.of(self.source_crs)
        self.transform = None
        if self.source_crs.isValid() and self.source_crs != inputs.crs:
            self.transform = QgsCoordinateTransform(self.source_crs, inputs.crs,
                                                    inputs.transform_context)

    def part(self, feature, attributes: dict) -> ProjectPart:
        geom = QgsGeometry(feature.geometry())
        if geom.isNull() or geom.isEmpty():
            return ProjectPart(feature.id(), QgsGeometry(), attributes, tr("empty geometry"))
        damaged = coordinate_problem(geom, self.source_crs, self.domain)
        if not damaged and self.transform is not None:
            try:
                geom.transform(self.transform)
            except QgsCsException as error:
                damaged = str(error)
        if damaged:
            return ProjectPart(feature.id(), QgsGeometry(), attributes, damaged, damaged=True)
        if geom.isGeosValid():
            return ProjectPart(feature.id(), geom, attributes)
        errors = geom.validateGeometry(QgsGeometry.ValidatorGeos)
        reason = geos_reason(errors[0].what()) if errors else tr("invalid geometry")
        repaired = polygon_parts(geom.makeValid()) or QgsGeometry()
        return ProjectPart(feature.id(), repaired, attributes, reason)


def create_run(inputs: CheckInputs, spec: CheckSpec, ruleset: RuleSet, feedback=None) -> CheckRun:
    """A :class:`CheckRun` with the ellipsoidal area, land classes and DLTB fields of core."""
    from ..area import EllipsoidalArea
    from ..crs import metric_crs
    from ..landclasses import land_classes

    # Geographic projects (三区三线 data come in EPSG:4490): the run works in the Gauss-Kruger
    # zone of the projects, so distances, buffers and sliver widths are metres and edges are
    # straight in the plane the survey was drawn in (the outputs are written in that CRS).
    inputs.crs = metric_crs(inputs.crs, inputs.projects.sourceExtent(), inputs.transform_context)
    areas = EllipsoidalArea(inputs.crs, inputs.transform_context)
    dltb_fields = None
    dltb = inputs.layers.get("DLTB")
    if dltb is not None:
        dltb_fields = _dltb_fields(dltb.fields(), inputs.layer_names.get("DLTB", "DLTB"))
    return CheckRun(inputs, spec, ruleset, areas, land_classes(), dltb_fields, feedback)


def _dltb_fields(fields, layer_name: str):
    """DLTB field names through core.fields (DLBM is required)."""
    from ..fields import detect_dltb_fields

    return detect_dltb_fields(fields).require(["dlbm"], layer_name)
