"""The paddy-field reclamation (垦造水田) check: its rules and its quotas.

Two kinds of work, mixed freely in one project: 提质改造 (upgrade) turns dry or irrigated land
(0103/0102) into paddy and yields new paddy only; 垦造 (reclamation) turns garden, other forest,
grass and other allowed land into paddy and yields new cultivated land *and* new paddy. Land
that is already paddy gives nothing. Quotas are measured on unions after removing the conflicts
the rule set deducts, so no piece is counted twice; all areas are gross (the field ridges of
the new paddy are part of it) and ellipsoidal.
"""

from __future__ import annotations

from dataclasses import replace

from qgis.core import QgsGeometry
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from . import rules_common  # noqa: F401 - registers the common rules
from .context import ProjectContext, clip, difference, union
from .engine import CheckSpec, deductions, make_finding, rule
from .findings import MU_PER_M2, class_name
from .paddy_blocks import project_blocks, project_distance
from .ruleset import RuleSet

CATEGORIES = ("paddy", "upgrade", "reclaim", "forbidden")
KIND_ZH = {"upgrade": "提质改造", "reclamation": "垦造", "mixed": "混合", "none": ""}
GRADES = ("1", "2", "3", "4", "5")


# ---- classification of the land under a project ---------------------------------------------
def classify(ctx: ProjectContext, ruleset: RuleSet) -> list[tuple[object, str]]:
    """``(piece, category)`` for every DLTB piece under the project (cached per project)."""
    if "paddy_classes" not in ctx.cache:
        by_code = ctx.run.cache.setdefault("paddy_category", {})  # same codes every project
        for piece in ctx.dltb_pieces():
            if piece.code not in by_code:
                by_code[piece.code] = _category(piece.code, ctx.run.table, ruleset)
        ctx.cache["paddy_classes"] = [(p, by_code[p.code]) for p in ctx.dltb_pieces()]
    return ctx.cache["paddy_classes"]


def _category(code: str, table, ruleset: RuleSet) -> str:
    if not table.lookup(code).recognised:
        return "forbidden"
    for category, key in (("paddy", "paddy"), ("upgrade", "upgrade_source"),
                          ("reclaim", "reclaim_source")):
        if ruleset.class_set(key).contains(code, table):
            return category
    return "forbidden"


def _pieces(ctx, ruleset, category: str) -> list:
    return [p for p, c in classify(ctx, ruleset) if c == category]


# ---- rules ------------------------------------------------------------------------------------
@rule("existing_paddy", needs_any=("DLTB",), kind="paddy")
def check_existing_paddy(ctx, cfg, ruleset) -> list:
    pieces = _pieces(ctx, ruleset, "paddy")
    if _gross(pieces) < ruleset.threshold("min_finding_m2"):
        return []
    # DLTB pieces do not overlap: their gross areas add up without a dissolve.
    return [make_finding(
        ctx, cfg, ruleset, QgsGeometry.collectGeometry([p.geometry for p in pieces]),
        QT_TRANSLATE_NOOP("@default", "{area_m2} m² ({area_mu} mu) of project {project} are "
                          "already paddy (0101): no new paddy there"),
        area_m2=_gross(pieces))]


def _gross(pieces) -> float:
    return sum(p.area_m2 for p in pieces)


@rule("source_class", needs_any=("DLTB",), kind="paddy")
def check_source_class(ctx, cfg, ruleset) -> list:
    """One error per land class the rule set does not allow as a source, with its area."""
    by_code: dict[str, list] = {}
    for piece in _pieces(ctx, ruleset, "forbidden"):
        by_code.setdefault(piece.code, []).append(piece)
    findings = []
    for code, pieces in sorted(by_code.items()):
        if _gross(pieces) < ruleset.threshold("min_finding_m2"):
            continue  # a sliver of a neighbouring parcel along the outline
        findings.append(make_finding(
            ctx, cfg, ruleset, QgsGeometry.collectGeometry([p.geometry for p in pieces]),
            QT_TRANSLATE_NOOP("@default", "{area_m2} m² ({area_mu} mu) of project {project} "
                              "lie on land class {code} {name}, which cannot become paddy"),
            area_m2=_gross(pieces), code=code or "-",
            name=class_name(ctx.run.table.lookup(code))))
    return findings


@rule("slope", needs_any=("STEEP_SLOPE", "DEM", "DLTB"), partial_without=("STEEP_SLOPE", "DEM"),
      kind="paddy")
def check_slope(ctx, cfg, ruleset) -> list:
    hard, soft = slope_zones(ctx, ruleset)
    soft_cfg = replace(cfg, severity="warning" if cfg.severity == "error" else cfg.severity)
    gaps = []
    if ctx.run.inputs.dem is not None:
        from .slope import dem_coverage_finding

        gaps.append(dem_coverage_finding(ctx, cfg, ruleset, ("STEEP_SLOPE", "DLTB")))
    return [
        *gaps,
        make_finding(ctx, cfg, ruleset, hard, QT_TRANSLATE_NOOP(
            "@default", "{area_m2} m² ({area_mu} mu) of project {project} are steeper than "
            "{degrees}° (slope grade {grade}): no paddy allowed"),
            degrees=f"{ruleset.threshold('slope_hard_deg'):g}",
            grade=f"{ruleset.threshold('slope_hard_gdpdjb'):g}"),
        make_finding(ctx, soft_cfg, ruleset, soft, QT_TRANSLATE_NOOP(
            "@default", "{area_m2} m² ({area_mu} mu) of project {project} are steeper than "
            "{degrees}° (slope grade {grade}): terraces only, check the design"),
            degrees=f"{ruleset.threshold('slope_soft_deg'):g}",
            grade=f"{ruleset.threshold('slope_soft_gdpdjb'):g}"),
    ]


def slope_zones(ctx, ruleset) -> tuple[QgsGeometry, QgsGeometry]:
    """The parts above the hard and (only) above the soft slope limit.

    Cultivated source land carries its surveyed slope grade (GDPDJB), which is used as it is;
    elsewhere the steep-slope layer (above the hard limit) and the DEM decide.
    """
    cultivated = ruleset.class_set("cultivated")
    # Cultivated land without a grade (a supplier's gap) is judged by the terrain instead.
    graded = [(p, _grade(p.gdpdjb)) for p in ctx.dltb_pieces()
              if cultivated.contains(p.code, ctx.run.table) and _grade(p.gdpdjb) > 0]
    hard_grade = ruleset.threshold("slope_hard_gdpdjb")
    soft_grade = ruleset.threshold("slope_soft_gdpdjb")
    hard = [p.geometry for p, g in graded if g >= hard_grade]
    soft = [p.geometry for p, g in graded if soft_grade <= g < hard_grade]
    steep_layer = ctx.control("STEEP_SLOPE")
    dem = ctx.run.inputs.dem is not None
    if dem or (steep_layer is not None and not steep_layer.isEmpty()):
        rest = difference(ctx.geometry, union([p.geometry for p, _ in graded]))
        terrain_hard = [steep_layer]
        if dem:
            from .slope import steep_under  # numpy/GDAL work only when a DEM is given

            terrain_hard.append(steep_under(ctx, ruleset.threshold("slope_hard_deg")))
            soft.append(clip(rest, steep_under(ctx, ruleset.threshold("slope_soft_deg"))))
        hard.append(clip(rest, union(terrain_hard)))
    hard_union = union(hard)
    return hard_union, difference(union(soft), hard_union)


def _grade(text: str) -> float:
    try:
        return float(text)
    except (TypeError, ValueError):
        return 0.0


@rule("contiguity", kind="paddy")
def check_contiguity(ctx, cfg, ruleset) -> list:
    """One warning per contiguous block under the minimum size."""
    minimum_mu = ruleset.threshold("min_block_mu")
    gap = ruleset.threshold("block_gap_m")
    blocks = project_blocks(ctx, gap)
    return [make_finding(
        ctx, cfg, ruleset, geometry,
        QT_TRANSLATE_NOOP("@default", "A contiguous block of {area_m2} m² ({area_mu} mu) of "
                          "project {project} is smaller than {minimum} mu (parcels up to "
                          "{gap} m apart count as one block; {count} block(s) in all)"),
        area_m2=area, minimum=f"{minimum_mu:g}", gap=f"{gap:g}", count=len(blocks))
        for geometry, area in blocks if area * MU_PER_M2 < minimum_mu]


@rule("water_source", needs_any=("DLTB", "WATER"), kind="paddy")
def check_water_source(ctx, cfg, ruleset) -> list:
    if ctx.engine is None or _has_water(ctx, ruleset):
        return []
    return [make_finding(
        ctx, cfg, ruleset, ctx.geometry,
        QT_TRANSLATE_NOOP("@default", "No irrigation water source (river, reservoir, pond, "
                          "ditch or water layer) within {distance} m of project {project} "
                          "({area_m2} m², {area_mu} mu)"),
        area_m2=ctx.area_m2, distance=f"{ruleset.threshold('water_distance_m'):g}")]


def _has_water(ctx, ruleset) -> bool:
    water = ruleset.class_set("irrigation_water")
    table = ctx.run.table
    # Fetching DLTB around the project is the costly part: look under the project first.
    if any(water.contains(p.code, table) for p in ctx.dltb_pieces()):
        return True
    distance = project_distance(ctx, ruleset.threshold("water_distance_m"))
    if ctx.features_under("WATER", [], distance):
        return True
    fields = ctx.run.dltb_fields
    if fields is None:
        return False
    # The DLTB fetcher was made by dltb_pieces() with DLBM among its attributes.
    fetcher = ctx.run.fetcher("DLTB", [fields.dlbm])
    return any(water.contains(_code(feature, fields.dlbm), table)
               for feature, _ in fetcher.under(ctx.geometry, ctx.engine, distance))


def _code(feature, name: str) -> str:
    value = feature[name]
    return "" if value is None else str(value).strip()


@rule("hazard", needs_any=("HAZARDS",), kind="paddy")
def check_hazard(ctx, cfg, ruleset) -> list:
    metres = ruleset.threshold("hazard_distance_m")
    distance = project_distance(ctx, metres)
    near = ctx.features_under("HAZARDS", [], distance)
    if not near:
        return []
    reach = union([geom.buffer(distance, 16) for _, geom in near])
    nearest = min(ctx.geometry.distance(geom) for _, geom in near) * metres / distance
    return [make_finding(
        ctx, cfg, ruleset, clip(ctx.geometry, reach),
        QT_TRANSLATE_NOOP("@default", "{count} geological hazard point(s) within {distance} m "
                          "of project {project} (nearest {nearest} m); {area_m2} m² "
                          "({area_mu} mu) of the project lie within that distance"),
        count=len(near), distance=f"{metres:g}", nearest=f"{nearest:.1f}")]


# ---- quotas -----------------------------------------------------------------------------------
def paddy_quotas(ctx: ProjectContext, result, ruleset: RuleSet) -> dict:
    values: dict[str, object] = {}
    if ctx.run.dltb_fields is not None:
        deduct = _deductions(result, ruleset)
        upgrade = ctx.area(difference(
            union([p.geometry for p in _pieces(ctx, ruleset, "upgrade")]), deduct))
        reclaim = ctx.area(difference(
            union([p.geometry for p in _pieces(ctx, ruleset, "reclaim")]), deduct))
        values.update(new_paddy_m2=upgrade + reclaim, new_cultivated_m2=reclaim,
                      upgrade_m2=upgrade)
        kind = _kind(upgrade, reclaim)
        values.update(kind=kind, kind_zh=KIND_ZH[kind])
        values.update(_slope_distribution(ctx, ruleset))
    blocks = project_blocks(ctx, ruleset.threshold("block_gap_m"))
    values["blocks"] = len(blocks)
    values["block_min_m2"] = min((a for _, a in blocks), default=None)
    values["block_max_m2"] = max((a for _, a in blocks), default=None)
    for key in [k for k in values if k.endswith("_m2")]:
        m2 = values[key]
        values[key[:-3] + "_mu"] = None if m2 is None else m2 * MU_PER_M2
    values.update(_plan_attributes(ctx))
    return values


def _deductions(result, ruleset) -> QgsGeometry:
    """The engine's deductions, except slope warnings: terraces below the hard limit count."""
    kept = [f for f in result.findings if not (f.rule_id == "slope" and f.severity != "error")]
    return deductions(replace(result, findings=kept), ruleset)


def _kind(upgrade_m2: float, reclaim_m2: float) -> str:
    if upgrade_m2 > 0 and reclaim_m2 > 0:
        return "mixed"
    if upgrade_m2 > 0:
        return "upgrade"
    return "reclamation" if reclaim_m2 > 0 else "none"


def _slope_distribution(ctx, ruleset) -> dict:
    """Gross area by surveyed slope grade (GDPDJB) of the cultivated land under the project;
    ``slope_na`` is the rest (land without a grade)."""
    cultivated = ruleset.class_set("cultivated")
    totals = dict.fromkeys(GRADES, 0.0)
    for piece in ctx.dltb_pieces():
        grade = piece.gdpdjb.split(".")[0]
        if grade in totals and cultivated.contains(piece.code, ctx.run.table):
            totals[grade] += piece.area_m2
    values = {f"slope_g{g}_m2": area for g, area in totals.items()}
    values["slope_na_m2"] = max(ctx.area_m2 - sum(totals.values()), 0.0)
    return values


def _plan_attributes(ctx) -> dict:
    """County and acceptance of the project, for the plan-progress table of the report.

    ``accepted`` is 1 or 0 when the status value is in the status vocabulary
    (project_status.json, plus the user's ACCEPTED_VALUE), NULL when it is not or when the
    projects have no status field: unknown, never silently “not accepted”."""
    from ..schema.mine import county_code, status_vocabulary

    options = ctx.run.inputs.options
    county_field, status_field = options.get("county_field"), options.get("status_field")
    if "status_vocabulary" not in ctx.run.cache:
        ctx.run.cache["status_vocabulary"] = status_vocabulary(options.get("accepted_value"))
    county = status = ""
    for part in ctx.parts:  # the first parcel that says
        county = county or county_code(_attribute(part.attributes, county_field))[:6]
        status = status or _attribute(part.attributes, status_field)
    kind = ctx.run.cache["status_vocabulary"].classify(status) if status_field else None
    return {"county": county, "status": status,
            "accepted": None if kind is None else int(kind == "accepted")}


def _attribute(attributes: dict, name: str | None) -> str:
    if not name:
        return ""
    value = attributes.get(name)
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value).strip()


def _quota_fields() -> tuple[tuple[str, str], ...]:
    areas = ["new_paddy", "new_cultivated", "upgrade", "block_min", "block_max",
             *(f"slope_g{g}" for g in GRADES), "slope_na"]
    fields = [("kind", "string"), ("kind_zh", "string"), ("blocks", "int")]
    fields += [(f"{name}_{unit}", "double") for name in areas for unit in ("m2", "mu")]
    return tuple(fields) + (("county", "string"), ("status", "string"), ("accepted", "int"))


def _report_hook(workbook, report) -> None:
    # openpyxl work only when writing a report
    from ..reports.paddy_progress import add_plan_progress

    add_plan_progress(workbook, report)


PADDY = CheckSpec(
    kind="paddy",
    rule_ids=("geometry", "outside_survey", "duplicate_project", "area_mismatch",
              "eco_redline", "protected_area", "public_forest", "urban_boundary",
              "existing_paddy", "source_class", "slope", "contiguity", "water_source",
              "hazard"),
    quota_fields=_quota_fields(),
    quotas=paddy_quotas,
    threshold_keys=("min_finding_m2", "min_part_m2", "sliver_thinness", "area_tolerance_rel",
                    "area_tolerance_m2", "slope_hard_deg", "slope_soft_deg",
                    "slope_hard_gdpdjb", "slope_soft_gdpdjb", "block_gap_m", "min_block_mu",
                    "water_distance_m", "hazard_distance_m", "plan_target_mu"),
    class_set_keys=("cultivated", "paddy", "upgrade_source", "reclaim_source",
                    "irrigation_water"),
    report_hook=_report_hook,
)
