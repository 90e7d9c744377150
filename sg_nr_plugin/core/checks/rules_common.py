"""Rules every project check uses: geometry, survey coverage, duplicates, declared area, and
the control layers (red line, protected areas, public-welfare forest, urban boundary).

Each conflict is measured on the dissolved geometry under the project, so overlapping pieces
of a control layer (or overlapping parcels of the project) never count twice.
"""

from __future__ import annotations

import math
from dataclasses import replace

from qgis.core import QgsGeometry
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from .context import ProjectContext, clip, declared_m2, difference, union
from .engine import make_finding, rule
from .ruleset import RuleConfig, RuleSet


@rule("geometry")
def check_geometry(ctx: ProjectContext, cfg: RuleConfig, ruleset: RuleSet) -> list:
    findings = [_invalid_part(ctx, cfg, ruleset, part, index)
                for index, part in enumerate(ctx.parts) if part.invalid_reason]
    findings += _small_parts(ctx, cfg, ruleset)
    overlap = _self_overlap(ctx)
    findings.append(make_finding(
        ctx, cfg, ruleset, overlap,
        QT_TRANSLATE_NOOP("@default", "Parcels of project {project} overlap each other on "
                          "{area_m2} m² ({area_mu} mu); the overlap is counted once")))
    return findings


def _invalid_part(ctx, cfg, ruleset, part, index: int):
    if part.damaged:  # never measured, never written: an error whatever the rule set says
        return make_finding(
            ctx, replace(cfg, severity="error"), ruleset, None,
            QT_TRANSLATE_NOOP("@default", "Parcel (feature {fid}) of project {project} has "
                              "coordinates that cannot be real ({reason}); it was left out of "
                              "the check and its figures: repair its geometry and check again"),
            area_m2=0.0, fid=part.fid, reason=part.invalid_reason)
    geometry = part.geometry if not part.geometry.isEmpty() else None
    return make_finding(
        ctx, cfg, ruleset, geometry,
        QT_TRANSLATE_NOOP("@default", "Parcel (feature {fid}) of project {project} has an "
                          "invalid geometry ({reason}); it was repaired for measuring"),
        area_m2=ctx.part_area(index), fid=part.fid, reason=part.invalid_reason)


def _small_parts(ctx, cfg, ruleset) -> list:
    """Parts under the minimum area, and slivers (thinness 4πA/P² under the threshold)."""
    min_area = ruleset.threshold("min_part_m2")
    min_thinness = ruleset.threshold("sliver_thinness")
    findings = []
    for part, pieces in zip(ctx.parts, ctx.part_pieces):
        for piece, area in pieces:
            perimeter = piece.length()
            thinness = 4 * math.pi * piece.area() / perimeter ** 2 if perimeter > 0 else 0.0
            if area < min_area or thinness < min_thinness:
                findings.append(make_finding(
                    ctx, cfg, ruleset, piece,
                    QT_TRANSLATE_NOOP("@default", "Parcel (feature {fid}) of project {project} "
                                      "has a sliver or tiny part of {area_m2} m²"),
                    area_m2=area, fid=part.fid))
    return findings


def _self_overlap(ctx: ProjectContext) -> QgsGeometry:
    """Union of the pairwise overlaps between the project's own parcels."""
    overlaps = []
    parts = [p for p in ctx.parts if not p.geometry.isEmpty()]
    for i, first in enumerate(parts):
        box = first.geometry.boundingBox()
        for second in parts[i + 1:]:
            if box.intersects(second.geometry.boundingBox()):
                overlaps.append(clip(first.geometry, second.geometry))
    return union(overlaps)


def dltb_tiles_project(ctx: ProjectContext) -> bool:
    """Whether the DLTB pieces fill the project exactly without overlapping (a clean DLTB).

    The pieces lie inside the project, so when their planar areas add up to the project's the
    union is the project and overlaps have no area: sums of piece areas are then areas of
    unions, and no union needs computing (cached per project).
    """
    if "dltb_tiles" not in ctx.cache:
        planar = sum(piece.geometry.area() for piece in ctx.dltb_pieces())
        ctx.cache["dltb_tiles"] = (ctx.engine is not None
                                   and abs(planar - ctx.geometry.area()) <= 1e-9 * planar)
    return ctx.cache["dltb_tiles"]


@rule("outside_survey", needs_any=("DLTB",))
def check_outside_survey(ctx, cfg, ruleset) -> list:
    pieces = ctx.dltb_pieces()
    if dltb_tiles_project(ctx):
        return []
    covered = union([piece.geometry for piece in pieces])
    outside = difference(ctx.geometry, covered)
    return [make_finding(
        ctx, cfg, ruleset, outside,
        QT_TRANSLATE_NOOP("@default", "{area_m2} m² ({area_mu} mu) of project {project} lie "
                          "outside the land-survey (DLTB) parcels"))]


@rule("duplicate_project", partial_without=("FILED_PROJECTS",))
def check_duplicate_project(ctx, cfg, ruleset) -> list:
    findings = []
    if ctx.check_run is not None and ctx.engine is not None:
        for other_id, other in ctx.check_run.neighbours(ctx.project_id, ctx.geometry):
            findings.append(make_finding(
                ctx, cfg, ruleset, clip(ctx.geometry, other),
                QT_TRANSLATE_NOOP("@default", "Project {project} overlaps project {other} of "
                                  "the same layer on {area_m2} m² ({area_mu} mu)"),
                other=other_id))
    id_field = ctx.run.inputs.filed_id_field
    by_id: dict[str, list] = {}
    for feature, geom in ctx.features_under("FILED_PROJECTS", [id_field] if id_field else []):
        other_id = str(feature[id_field]).strip() if id_field else str(feature.id())
        if id_field and other_id == ctx.project_id:
            continue  # the project itself, filed earlier: not a duplicate
        by_id.setdefault(other_id, []).append(clip(ctx.geometry, geom))
    for other_id, pieces in by_id.items():
        findings.append(make_finding(
            ctx, cfg, ruleset, union(pieces),
            QT_TRANSLATE_NOOP("@default", "Project {project} overlaps the filed project {other} "
                              "on {area_m2} m² ({area_mu} mu)"),
            other=other_id))
    return findings


@rule("area_mismatch", needs_any=("DECLARED_AREA",))
def check_area_mismatch(ctx, cfg, ruleset) -> list:
    declared = declared_m2(ctx.parts, ctx.run.inputs)
    measured = ctx.area_m2
    if declared is None:
        return [make_finding(
            ctx, cfg, ruleset, ctx.geometry,
            QT_TRANSLATE_NOOP("@default", "Project {project} has no declared area"),
            area_m2=0.0)]
    tolerance = max(ruleset.threshold("area_tolerance_rel") * measured,
                    ruleset.threshold("area_tolerance_m2"))
    gap = abs(declared - measured)
    if gap <= tolerance:
        return []
    return [make_finding(
        ctx, cfg, ruleset, ctx.geometry,
        QT_TRANSLATE_NOOP("@default", "Project {project}: declared area {declared} m² differs "
                          "from the measured {measured} m² by {area_m2} m² (tolerance "
                          "{tolerance} m²)"),
        area_m2=gap, declared=f"{declared:.2f}", measured=f"{measured:.2f}",
        tolerance=f"{tolerance:.2f}")]


def _control_finding(ctx, cfg, ruleset, role: str, template: str, **values) -> list:
    return [make_finding(ctx, cfg, ruleset, ctx.control(role), template, **values)]


@rule("eco_redline", needs_any=("ECO_REDLINE",))
def check_eco_redline(ctx, cfg, ruleset) -> list:
    return _control_finding(ctx, cfg, ruleset, "ECO_REDLINE", QT_TRANSLATE_NOOP(
        "@default", "{area_m2} m² ({area_mu} mu) of project {project} lie inside the "
        "ecological protection red line"))


@rule("protected_area", needs_any=("PROTECTED_AREAS",))
def check_protected_area(ctx, cfg, ruleset) -> list:
    zone_field = ctx.run.inputs.protected_zone_field
    zones = set()
    if zone_field:
        for feature, _geom in ctx.features_under("PROTECTED_AREAS", [zone_field]):
            value = feature[zone_field]
            if value is not None and str(value).strip() and str(value) != "NULL":
                zones.add(str(value).strip())
    return _control_finding(ctx, cfg, ruleset, "PROTECTED_AREAS", QT_TRANSLATE_NOOP(
        "@default", "{area_m2} m² ({area_mu} mu) of project {project} lie inside protected "
        "areas (zones: {zones})"), zones=", ".join(sorted(zones)) or "-")


@rule("public_forest", needs_any=("PUBLIC_FOREST",))
def check_public_forest(ctx, cfg, ruleset) -> list:
    return _control_finding(ctx, cfg, ruleset, "PUBLIC_FOREST", QT_TRANSLATE_NOOP(
        "@default", "{area_m2} m² ({area_mu} mu) of project {project} lie in public-welfare "
        "forest"))


@rule("urban_boundary", needs_any=("URBAN_BOUNDARY",))
def check_urban_boundary(ctx, cfg, ruleset) -> list:
    return _control_finding(ctx, cfg, ruleset, "URBAN_BOUNDARY", QT_TRANSLATE_NOOP(
        "@default", "{area_m2} m² ({area_mu} mu) of project {project} lie inside the urban "
        "development boundary (unstable land)"))
