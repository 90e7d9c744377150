"""The mine-restoration (矿山地质环境恢复治理 / 历史遗留矿山) check: its rules and figures.

Public money restores legacy mines (谁治理、谁受益); land under a mining right that is still
valid is the company's to restore (谁破坏、谁治理). Sites in sight of roads, rivers, towns and
protected areas (三区两线) need engineering works, not natural recovery; a protected area's
core zone allows no engineering works; hazard points must be treated. Distances are rule-set
thresholds (unconfirmed: no official buffer was found), measured in metres — in a local
transverse Mercator when the working CRS is geographic. A DEM viewshed is not implemented:
the buffers are the whole test.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ...i18n import tr
from . import rules_common  # noqa: F401 - registers the common rules
from .context import ProjectContext, clip, difference, union
from .engine import CheckSpec, deductions, make_finding, rule
from .findings import MU_PER_M2
from .mine_fields import (
    HAZARD_ALIASES,
    LEGACY_ALIASES,
    MODE_ENGINEERING,
    MODE_NATURAL,
    PROTECTED_ALIASES,
    RIGHTS_ALIASES,
    RIVER_ALIASES,
    ROAD_ALIASES,
    FieldMap,
    end_date,
    map_fields,
    normalise_mode,
    text,
)
from .ruleset import RuleSet

# Degrees per metre used only to widen the bounding-box query in a geographic CRS: generous
# (1° ≥ 50 km below 63° latitude); the exact distance is then measured in metres.
_DEGREES_PER_M = 1.0 / 50_000.0


@dataclass(frozen=True)
class Near:
    """A feature of a control layer within some distance of the project."""

    feature: object
    geometry: QgsGeometry
    distance_m: float


# ---- helpers shared by the rules -------------------------------------------------------------
def layer_fields(ctx: ProjectContext, role: str, aliases) -> FieldMap:
    """The field mapping of a role's layer, made once per run."""
    key = f"mine_fields_{role}"
    if key not in ctx.run.cache:
        source = ctx.run.inputs.layers.get(role)
        ctx.run.cache[key] = map_fields(source.fields() if source is not None else [], aliases)
    return ctx.run.cache[key]


def _metric(ctx: ProjectContext) -> QgsCoordinateTransform | None:
    """Transform to a local metric CRS when the working CRS is geographic (else None)."""
    run = ctx.run
    if "mine_metric" not in run.cache:
        transform = None
        crs = run.inputs.crs
        if crs.isGeographic():
            centre = run.inputs.projects.sourceExtent().center()
            local = QgsCoordinateReferenceSystem.fromProj(
                f"+proj=tmerc +lat_0=0 +lon_0={centre.x():.6f} +k=1 +x_0=500000 +y_0=0 "
                "+ellps=GRS80 +units=m +no_defs")
            transform = QgsCoordinateTransform(crs, local, run.inputs.transform_context)
        run.cache["mine_metric"] = transform
    return run.cache["mine_metric"]


def near(ctx: ProjectContext, role: str, attributes: list[str], metres: float) -> list[Near]:
    """Features of ``role`` within ``metres`` of the project (0 m: touching or inside)."""
    transform = _metric(ctx)
    if transform is None:
        return [Near(f, g, ctx.geometry.distance(g))
                for f, g in ctx.features_under(role, attributes, max(metres, 1e-9))]
    project = QgsGeometry(ctx.geometry)
    project.transform(transform)
    found = []
    for feature, geom in ctx.features_under(role, attributes, metres * _DEGREES_PER_M):
        metric = QgsGeometry(geom)
        metric.transform(transform)
        distance = project.distance(metric)
        if distance <= metres:
            found.append(Near(feature, geom, distance))
    return found


def declared_modes(ctx: ProjectContext) -> list[str]:
    """The declared restoration mode of each parcel ('' when not given)."""
    name = ctx.run.inputs.options.get("DECLARED_MODE")
    return [normalise_mode(part.attributes.get(name)) if name else "" for part in ctx.parts]


def attributes(ctx: ProjectContext, role: str, fields: FieldMap) -> list[str]:
    """Every mapped field of a role (the engine's fetcher keeps the first call's list)."""
    extra = [ctx.run.inputs.protected_zone_field] if role == "PROTECTED_AREAS" else []
    return list(dict.fromkeys(fields.present() + [n for n in extra if n]))


def _label(feature, fields: FieldMap, *keys: str) -> str:
    values = [text(feature[fields.get(k)]) for k in keys if fields.get(k)]
    values = [v for v in values if v]
    if not values:
        return f"#{feature.id()}"
    return values[0] + (f" ({', '.join(values[1:])})" if len(values) > 1 else "")


def _in_set(ruleset: RuleSet, key: str, value: str) -> bool:
    """Whether an attribute value falls in a rule-set value list (prefixes, case-insensitive)."""
    value = value.strip().lower()
    return bool(value) and any(value.startswith(p.lower())
                               for p in ruleset.class_set(key).codes)


# ---- 三区两线 and hazards: why engineering works are needed ------------------------------------
def visibility_reasons(ctx: ProjectContext, ruleset: RuleSet) -> list[str]:
    """Which 三区两线 features see the project, as ``name (class) distance`` texts (cached)."""
    if "mine_visibility" in ctx.cache:
        return ctx.cache["mine_visibility"]
    reasons = []
    reasons += _visible(ctx, ruleset, "ROADS", ROAD_ALIASES, "visibility_road_m",
                        "visible_road_classes", ("name", "class"))
    if ctx.run.inputs.has("RIVERS"):
        reasons += _visible(ctx, ruleset, "RIVERS", RIVER_ALIASES, "visibility_river_m",
                            "main_river_classes", ("name", "class"))
    else:  # rivers from the survey: 1101 river surface (the class set visible_water)
        reasons += _visible_water(ctx, ruleset)
    reasons += _visible(ctx, ruleset, "URBAN_BOUNDARY", {}, "visibility_urban_m", None, ())
    reasons += _visible(ctx, ruleset, "PROTECTED_AREAS", PROTECTED_ALIASES,
                        "visibility_protected_m", "visible_protected_levels", ("name", "level"))
    ctx.cache["mine_visibility"] = reasons
    return reasons


def _visible(ctx, ruleset, role, aliases, threshold, class_key, label_keys) -> list[str]:
    if not ctx.run.inputs.has(role):
        return []
    fields = layer_fields(ctx, role, aliases)
    class_field = fields.get("class") or fields.get("level")
    metres = ruleset.threshold(threshold)
    nearest: dict[str, float] = {}  # one entry per named feature (zones share a name)
    # 两线 (roads, rivers): with a DEM, only what is in the direct line of sight counts.
    sight = ctx.run.inputs.dem is not None and role in ("ROADS", "RIVERS")
    for hit in near(ctx, role, attributes(ctx, role, fields), metres):
        # Without a class field every feature counts: a county road may then be reported.
        if class_key and class_field and not _in_set(ruleset, class_key,
                                                     text(hit.feature[class_field])):
            continue
        if sight and not _seen(ctx, hit.geometry, metres, ruleset):
            continue
        name = (_label(hit.feature, fields, *label_keys) if label_keys
                else ctx.run.inputs.layer_names.get(role, role))
        nearest[name] = min(hit.distance_m, nearest.get(name, hit.distance_m))
    return [f"{name} {distance:.0f} m" for name, distance in sorted(nearest.items())]


def _seen(ctx, line: QgsGeometry, metres: float, ruleset: RuleSet) -> bool:
    from .mine_viewshed import seen_from  # numpy/DEM work only when a DEM is given

    try:
        return seen_from(ctx, line, metres, ruleset.threshold("viewer_height_m"))
    except ValueError:  # a geometry GEOS/QGIS cannot sample: the buffer alone decides
        return True


def _visible_water(ctx, ruleset) -> list[str]:
    fields = ctx.run.dltb_fields
    if fields is None or not fields.dlbm:
        return []
    metres = ruleset.threshold("visibility_river_m")
    water = ruleset.class_set("visible_water")
    best = None
    for hit in near(ctx, "DLTB", [fields.dlbm], metres):
        code = text(hit.feature[fields.dlbm])
        if water.contains(code, ctx.run.table) and (best is None or hit.distance_m < best[1]):
            best = (code, hit.distance_m)
    return [f"DLTB {best[0]} {best[1]:.0f} m"] if best else []


def hazards_near(ctx: ProjectContext, ruleset: RuleSet) -> list[str]:
    """Hazard points inside the project or within ``hazard_m`` (cached)."""
    if "mine_hazards" not in ctx.cache:
        found = []
        if ctx.run.inputs.has("HAZARDS"):
            fields = layer_fields(ctx, "HAZARDS", HAZARD_ALIASES)
            for hit in near(ctx, "HAZARDS", fields.present(), ruleset.threshold("hazard_m")):
                found.append(f"{_label(hit.feature, fields, 'id', 'kind')} "
                             f"{hit.distance_m:.0f} m")
        ctx.cache["mine_hazards"] = sorted(found)
    return ctx.cache["mine_hazards"]


def core_zone(ctx: ProjectContext, ruleset: RuleSet) -> tuple[QgsGeometry, list[str]]:
    """The dissolved core-zone pieces under the project and their names (cached)."""
    if "mine_core" not in ctx.cache:
        pieces, names = [], set()
        if ctx.run.inputs.has("PROTECTED_AREAS"):
            fields = layer_fields(ctx, "PROTECTED_AREAS", PROTECTED_ALIASES)
            zone = ctx.run.inputs.protected_zone_field or fields.get("zone")
            wanted = attributes(ctx, "PROTECTED_AREAS", fields)
            for feature, geom in (ctx.features_under("PROTECTED_AREAS", wanted) if zone else []):
                if _in_set(ruleset, "core_zone_values", text(feature[zone])):
                    pieces.append(clip(ctx.geometry, geom))
                    names.add(_label(feature, fields, "name"))
        ctx.cache["mine_core"] = (union(pieces), sorted(names))
    return ctx.cache["mine_core"]


def suggestion(ctx: ProjectContext, ruleset: RuleSet) -> tuple[str, str]:
    """``(suggested mode, why)``: core zone → natural recovery; in sight or near a hazard →
    engineering works (工程治理); otherwise natural recovery will do (domain.md §1)."""
    core, names = core_zone(ctx, ruleset)
    if not core.isEmpty():
        return MODE_NATURAL, tr("core zone of {names}: no engineering works").format(
            names="; ".join(names))
    reasons = visibility_reasons(ctx, ruleset) + hazards_near(ctx, ruleset)
    if reasons:
        return MODE_ENGINEERING, tr("in sight or near hazards: {reasons}").format(
            reasons="; ".join(reasons))
    return MODE_NATURAL, tr("out of sight of roads, rivers, towns and protected areas; no "
                            "hazard point nearby")


# ---- rules -----------------------------------------------------------------------------------
@rule("mining_right_valid", needs_any=("MINING_RIGHTS",))
def check_mining_right(ctx, cfg, ruleset) -> list:
    """Valid rights (at the check date): error; expired rights: the expired severity."""
    fields = layer_fields(ctx, "MINING_RIGHTS", RIGHTS_ALIASES).require(
        ["yxqz"], ctx.run.inputs.layer_names.get("MINING_RIGHTS", "MINING_RIGHTS"))
    when = ctx.run.inputs.check_date or date.today()
    valid, expired = ([], []), ([], [])
    for feature, geom in ctx.features_under("MINING_RIGHTS", fields.present()):
        piece = clip(ctx.geometry, geom)
        if piece is None or piece.isEmpty():
            continue
        end = _right_end(feature, fields)
        # A cancelled (注销) right no longer binds its holder, whatever its end date says.
        status = text(feature[fields.get("sczt")]) if fields.get("sczt") else ""
        cancelled = "注销" in status
        target = expired if cancelled or (end is not None and end < when) else valid
        target[0].append(piece)
        target[1].append(f"{_label(feature, fields, 'xkzh')} → {end or '-'}"
                         + (f" {status}" if cancelled else ""))
    valid_geom = union(valid[0])
    findings = [make_finding(
        ctx, cfg, ruleset, valid_geom,
        QT_TRANSLATE_NOOP("@default", "{area_m2} m² ({area_mu} mu) of project {project} lie on "
                          "mining rights valid on {date} ({rights}): the right holder restores "
                          "them, not public money"),
        date=when.isoformat(), rights="; ".join(sorted(valid[1])))]
    expired_rule = ruleset.rule("mining_right_expired")
    expired_cfg = replace(cfg, severity=expired_rule.severity if expired_rule else "warning")
    findings.append(make_finding(
        ctx, expired_cfg, ruleset, difference(union(expired[0]), valid_geom),
        QT_TRANSLATE_NOOP("@default", "{area_m2} m² ({area_mu} mu) of project {project} lie on "
                          "mining rights expired before {date} or cancelled ({rights}): check "
                          "that they were cancelled and who must restore the land"),
        date=when.isoformat(), rights="; ".join(sorted(expired[1]))))
    return findings


def _right_end(feature, fields: FieldMap):
    """The end of validity: 有效期止 (the end when it holds a range), else the end of the
    有效期限 range (2015-01-01至2028-12-31)."""
    name = fields.get("yxqz") or fields.get("yxqx")
    return end_date(feature[name]) if name else None


def legacy_under(ctx: ProjectContext) -> tuple[QgsGeometry, list[str]]:
    """The legacy-mine parcels under the project (dissolved, clipped) and their numbers."""
    if "mine_legacy" not in ctx.cache:
        fields = layer_fields(ctx, "LEGACY_MINES", LEGACY_ALIASES)
        pieces, ids = [], []
        for feature, geom in ctx.features_under("LEGACY_MINES", fields.present()):
            piece = clip(ctx.geometry, geom)
            if piece is not None and not piece.isEmpty() and piece.area() > 0:
                pieces.append(piece)
                ids.append(_label(feature, fields, "tbbh"))
        ctx.cache["mine_legacy"] = (union(pieces), sorted(set(ids)))
    return ctx.cache["mine_legacy"]


@rule("not_legacy_mine", needs_any=("LEGACY_MINES",))
def check_not_legacy(ctx, cfg, ruleset) -> list:
    legacy, _ = legacy_under(ctx)
    return [make_finding(
        ctx, cfg, ruleset, difference(ctx.geometry, legacy),
        QT_TRANSLATE_NOOP("@default", "{area_m2} m² ({area_mu} mu) of project {project} lie on "
                          "no legacy-mine parcel"))]


@rule("mode_visibility", needs_any=("DECLARED_MODE",), partial_without=("ROADS",))
def check_mode_visibility(ctx, cfg, ruleset) -> list:
    """Parcels declared natural recovery although the site is in 三区两线 sight."""
    natural = [part.geometry for part, mode in zip(ctx.parts, declared_modes(ctx))
               if mode == MODE_NATURAL]
    reasons = visibility_reasons(ctx, ruleset)
    if not natural or not reasons:
        return []
    return [make_finding(
        ctx, cfg, ruleset, union(natural),
        QT_TRANSLATE_NOOP("@default", "{area_m2} m² ({area_mu} mu) of project {project} are "
                          "declared natural recovery but lie in sight of {reasons} (the “three "
                          "zones and two lines”): suggested mode engineering works"),
        reasons="; ".join(reasons))]


@rule("core_zone", needs_any=("PROTECTED_AREAS",))
def check_core_zone(ctx, cfg, ruleset) -> list:
    """Engineering works (every declared mode but natural recovery) inside a core zone."""
    core, names = core_zone(ctx, ruleset)
    if core.isEmpty():
        return []
    # An undeclared mode counts as works: the safe side.
    works = [part.geometry for part, mode in zip(ctx.parts, declared_modes(ctx))
             if not mode or _in_set(ruleset, "engineering_modes", mode)]
    return [make_finding(
        ctx, cfg, ruleset, clip(union(works), core) if works else None,
        QT_TRANSLATE_NOOP("@default", "{area_m2} m² ({area_mu} mu) of engineering works of "
                          "project {project} lie in the core zone of {names}: only natural "
                          "recovery is allowed there"),
        names="; ".join(names))]


@rule("hazard", needs_any=("HAZARDS",), kind="mine")  # the paddy check has its own
def check_hazard(ctx, cfg, ruleset) -> list:
    hazards = hazards_near(ctx, ruleset)
    if not hazards:
        return []
    return [make_finding(
        ctx, cfg, ruleset, ctx.geometry,
        QT_TRANSLATE_NOOP("@default", "Geological hazard points inside project {project} or "
                          "within {metres} m ({hazards}): hazard treatment must be included"),
        area_m2=ctx.area_m2, metres=f"{ruleset.threshold('hazard_m'):g}",
        hazards="; ".join(hazards))]


# ---- per-project figures ---------------------------------------------------------------------
def mine_quotas(ctx: ProjectContext, result, ruleset: RuleSet) -> dict:
    """restored_mine_m2: the project's area on legacy-mine parcels, minus what the rule set
    deducts (valid mining rights, duplicates), each piece counted once."""
    legacy, ids = legacy_under(ctx) if ctx.run.inputs.has("LEGACY_MINES") else (None, [])
    restored = None
    if legacy is not None:
        restored = ctx.area(difference(legacy, deductions(result, ruleset)))
    mode, why = suggestion(ctx, ruleset)
    modes = sorted({m for m in declared_modes(ctx) if m})
    return {
        "restored_mine_m2": restored,
        "restored_mine_mu": None if restored is None else restored * MU_PER_M2,
        "legacy_parcels": len(ids) if legacy is not None else None,
        "legacy_ids": ", ".join(ids),
        "suggested_mode": mode,
        "suggested_why": why,
        "declared_mode": "/".join(modes),
    }


MINE = CheckSpec(
    kind="mine",
    rule_ids=("geometry", "outside_survey", "duplicate_project", "area_mismatch",
              "eco_redline", "mining_right_valid", "not_legacy_mine", "mode_visibility",
              "core_zone", "hazard"),
    quota_fields=(("restored_mine_m2", "double"), ("restored_mine_mu", "double"),
                  ("legacy_parcels", "int"), ("legacy_ids", "string"),
                  ("suggested_mode", "string"), ("suggested_why", "string"),
                  ("declared_mode", "string")),
    quotas=mine_quotas,
    threshold_keys=("min_finding_m2", "min_part_m2", "sliver_thinness", "area_tolerance_rel",
                    "area_tolerance_m2", "visibility_road_m", "visibility_river_m",
                    "visibility_urban_m", "visibility_protected_m", "hazard_m",
                    "viewer_height_m"),
    class_set_keys=("visible_road_classes", "main_river_classes", "visible_water",
                    "visible_protected_levels", "core_zone_values", "engineering_modes"),
)
