"""The farmland replenishment (补充耕地) check: its rules and its quotas.

New cultivated land can only come from non-cultivated land that is allowed as a source, and
only the part free of every conflict the rule set deducts (red line, protected areas, public
forest, steep slope, urban boundary, duplicates). Already-cultivated parts are an upgrade
(提质改造), counted net of field ridges (田坎). Quotas are measured on unions, so no piece is
counted twice.
"""

from __future__ import annotations

from qgis.core import QgsGeometry
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from .context import ProjectContext, clip, difference, union
from .engine import CheckSpec, deductions, make_finding, rule
from .findings import MU_PER_M2, class_name
from .rules_common import dltb_tiles_project  # also registers the common rules
from .ruleset import RuleSet

SOURCE_CATEGORIES = ("garden", "forest", "grassland", "construction", "other", "forbidden")
_SET_OF_CATEGORY = {"garden": "source_garden", "forest": "source_forest",
                    "grassland": "source_grassland", "construction": "source_construction"}


def classify(ctx: ProjectContext, ruleset: RuleSet) -> list[tuple[object, str]]:
    """``(piece, category)`` for every DLTB piece under the project (cached per project)."""
    if "farmland_classes" not in ctx.cache:
        table = ctx.run.table
        by_code = ctx.run.cache.setdefault("farmland_category", {})  # same codes every project
        for piece in ctx.dltb_pieces():
            if piece.code not in by_code:
                by_code[piece.code] = _category(piece.code, table, ruleset)
        ctx.cache["farmland_classes"] = [(p, by_code[p.code]) for p in ctx.dltb_pieces()]
    return ctx.cache["farmland_classes"]


def _category(code: str, table, ruleset: RuleSet) -> str:
    if ruleset.class_set("cultivated").contains(code, table):
        return "cultivated"
    if table.lookup(code).code == "UNRECOGNISED":
        return "unrecognised"
    if ruleset.class_set("forbidden_source").contains(code, table):
        return "forbidden"
    if ruleset.class_set("not_new_land").contains(code, table):
        return "not_new_land"
    for category, set_key in _SET_OF_CATEGORY.items():
        if ruleset.class_set(set_key).contains(code, table):
            return category
    return "other"


@rule("existing_cultivated", needs_any=("DLTB",))
def check_existing_cultivated(ctx, cfg, ruleset) -> list:
    pieces = [p for p, c in classify(ctx, ruleset) if c == "cultivated"]
    if not pieces:
        return []
    net = sum(p.net_m2 for p in pieces)
    gross = sum(p.area_m2 for p in pieces)
    # The area is the sum of net areas, so the geometry needs no dissolve, only collecting.
    geometry = QgsGeometry.collectGeometry([p.geometry for p in pieces])
    return [make_finding(
        ctx, cfg, ruleset, geometry,
        QT_TRANSLATE_NOOP("@default", "{area_m2} m² ({area_mu} mu, net of field ridges; "
                          "gross {gross} m²) of project {project} are already cultivated land: "
                          "no new cultivated land there"),
        area_m2=net, gross=f"{gross:.2f}")]


@rule("source_class", needs_any=("DLTB",))
def check_source_class(ctx, cfg, ruleset) -> list:
    """One error per forbidden or unrecognised source class, with its area under the project."""
    by_code: dict[str, list] = {}
    for piece, category in classify(ctx, ruleset):
        if category in ("forbidden", "unrecognised"):
            by_code.setdefault(piece.code, []).append(piece)
    findings = []
    for code, pieces in sorted(by_code.items()):
        land_class = ctx.run.table.lookup(code)
        findings.append(make_finding(
            ctx, cfg, ruleset, union([p.geometry for p in pieces]),
            QT_TRANSLATE_NOOP("@default", "{area_m2} m² ({area_mu} mu) of project {project} "
                              "lie on land class {code} {name}, which cannot become new "
                              "cultivated land"),
            code=code or "-", name=class_name(land_class)))
    return findings


@rule("steep_slope", needs_any=("STEEP_SLOPE", "DEM", "DLTB"),
      partial_without=("STEEP_SLOPE", "DEM"))
def check_steep_slope(ctx, cfg, ruleset) -> list:
    steep = [ctx.control("STEEP_SLOPE")]
    grade = ruleset.threshold("steep_gdpdjb")
    for piece, category in classify(ctx, ruleset):
        if category == "cultivated" and _grade(piece.gdpdjb) >= grade:
            steep.append(piece.geometry)
    findings = []
    if ctx.run.inputs.dem is not None:
        from .slope import dem_coverage_finding, steep_under  # numpy/GDAL only with a DEM

        steep.append(steep_under(ctx, ruleset.threshold("steep_slope_deg")))
        findings.append(dem_coverage_finding(ctx, cfg, ruleset, ("STEEP_SLOPE", "DLTB")))
    return [make_finding(
        ctx, cfg, ruleset, union(steep),
        QT_TRANSLATE_NOOP("@default", "{area_m2} m² ({area_mu} mu) of project {project} are "
                          "steeper than {degrees}° (no cultivation allowed)"),
        degrees=f"{ruleset.threshold('steep_slope_deg'):g}"), *findings]


def _grade(text: str) -> float:
    try:
        return float(text)
    except (TypeError, ValueError):
        return 0.0


def farmland_quotas(ctx: ProjectContext, result, ruleset: RuleSet) -> dict:
    classified = classify(ctx, ruleset)
    deduct = deductions(result, ruleset)
    sources = {c: [p for p, cat in classified if cat == c] for c in SOURCE_CATEGORIES}
    new_land, new_m2 = _new_land(ctx, [p for c in SOURCE_CATEGORIES[:-1] for p in sources[c]],
                                 deduct)
    cultivated = [p for p, c in classified if c == "cultivated"]
    values = {
        "new_cultivated_m2": new_m2,
        "new_paddy_m2": _new_paddy(ctx, ruleset, new_land, cultivated, deduct),
        "upgrade_m2": sum(p.net_m2 for p in cultivated),
    }
    for category in SOURCE_CATEGORIES:
        values[f"src_{category}_m2"] = sum(p.area_m2 for p in sources[category])
    values["grade"] = _mean_grade(ctx)
    for key in [k for k in values if k.endswith("_m2")]:
        m2 = values[key]
        values[key[:-3] + "_mu"] = None if m2 is None else m2 * MU_PER_M2
    # The project's location (for county ledgers): the DLTB parcel holding most of it.
    largest = max(ctx.dltb_pieces(), key=lambda p: p.area_m2, default=None)
    values["zldwdm"] = largest.zldwdm if largest is not None else None
    return values


def _new_land(ctx, eligible: list, deduct: QgsGeometry) -> tuple[QgsGeometry | None, float]:
    """The eligible land free of deductions, and its area.

    Shortcut (most projects): nothing to deduct, DLTB pieces that tile the project and no new
    paddy to compute — the area is the sum of the pieces' areas, measured already; the union
    and its measuring are skipped and the geometry is None.
    """
    tiles = dltb_tiles_project(ctx)
    if (deduct.isEmpty() and not ctx.run.inputs.options.get("planned_class_field")
            and tiles):
        return None, sum(p.area_m2 for p in eligible)
    # Every piece eligible and the pieces tiling the project: their union is the project.
    whole = tiles and len(eligible) == len(ctx.dltb_pieces())
    eligible_land = ctx.geometry if whole else union([p.geometry for p in eligible])
    new_land = difference(eligible_land, deduct)
    return new_land, ctx.area(new_land)


def _new_paddy(ctx, ruleset, new_land: QgsGeometry, cultivated, deduct) -> float | None:
    """New paddy: planned-0101 parts of the new land, plus upgraded non-paddy cultivated land."""
    name = ctx.run.inputs.options.get("planned_class_field")
    if not name:
        return None
    planned = union([p.geometry for p in ctx.parts
                     if str(p.attributes.get(name) or "").strip().startswith("0101")])
    if planned.isEmpty():
        return 0.0
    total = ctx.area(clip(new_land, planned)) if not new_land.isEmpty() else 0.0
    paddy = ruleset.class_set("paddy")
    for piece in cultivated:
        if not paddy.contains(piece.code, ctx.run.table):
            part = difference(clip(piece.geometry, planned) or QgsGeometry(), deduct)
            total += ctx.area(part) * (1.0 - piece.kcxs)
    return total


def _mean_grade(ctx) -> float | None:
    """Area-weighted mean of the planned quality grade over the project's parcels."""
    name = ctx.run.inputs.options.get("grade_field")
    if not name:
        return None
    weighted = weights = 0.0
    for index, part in enumerate(ctx.parts):
        try:
            grade = float(part.attributes.get(name))
        except (TypeError, ValueError):
            continue
        area = ctx.part_area(index)
        weighted += grade * area
        weights += area
    return weighted / weights if weights > 0 else None


def _quota_fields() -> tuple[tuple[str, str], ...]:
    names = ["new_cultivated", "new_paddy", "upgrade"] + [f"src_{c}" for c in SOURCE_CATEGORIES]
    fields = [(f"{n}_{u}", "double") for n in names for u in ("m2", "mu")]
    return tuple(fields) + (("grade", "double"), ("zldwdm", "string"))


FARMLAND = CheckSpec(
    kind="farmland",
    rule_ids=("geometry", "outside_survey", "duplicate_project", "area_mismatch",
              "eco_redline", "protected_area", "public_forest", "urban_boundary",
              "existing_cultivated", "source_class", "steep_slope"),
    quota_fields=_quota_fields(),
    quotas=farmland_quotas,
    threshold_keys=("min_finding_m2", "min_part_m2", "sliver_thinness", "area_tolerance_rel",
                    "area_tolerance_m2", "steep_slope_deg", "steep_gdpdjb"),
    class_set_keys=("cultivated", "paddy", "forbidden_source", "not_new_land",
                    *(_SET_OF_CATEGORY.values())),
)
