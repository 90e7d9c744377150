"""Which project layer plays which role in a check (DLTB, red line, protected areas…).

Pure logic for the check panels: layers are described by name, geometry kind and field names
(no QgsProject here). Names, fields and geometry are read together against the one role table
(:mod:`sg_nr_plugin.core.schema.roles`): a role's name patterns must fit, its negative patterns
must not (永久基本农田保护红线 holds 红线 but is basic farmland), the geometry must be the role's,
and signature fields settle a name that fits two roles. A layer whose name still fits two roles
is never given to one: it is returned in :attr:`Detection.ambiguous` for the user to choose.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..schema.roles import RoleTable, role_table


@dataclass(frozen=True)
class LayerInfo:
    layer_id: str
    name: str
    kind: str  # "polygon" | "line" | "point" | "raster" | "table"
    fields: tuple[str, ...] = ()

    def has_fields(self, *names: str) -> bool:
        lower = {f.lower() for f in self.fields}
        return all(n.lower() in lower for n in names)

    def has_any_field(self, names) -> bool:
        lower = {f.lower() for f in self.fields}
        return any(n.lower() in lower for n in names)

    def named(self, patterns) -> bool:
        """Whether the name contains a pattern (``=xx``: the whole name is ``xx``)."""
        return _best_span(self.name, patterns) is not None


@dataclass
class Detection:
    """What detection found: ``roles`` {role: layer id}; ``ambiguous`` {layer id: the roles
    its name fits} — those layers were given to none of them; ``passed_over`` {role: the other
    layers that fit it, less well (DLTB_2020 beside DLTB)}."""

    roles: dict[str, str] = field(default_factory=dict)
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    passed_over: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass(frozen=True)
class _Fit:
    role: str
    span: tuple[int, int]  # where the pattern matched in the name
    kind_specific: bool = False  # matched the check kind's own project-layer names
    signature: bool = False  # the layer has the role's signature fields

    @property
    def length(self) -> int:
        return self.span[1] - self.span[0]


def _best_span(name: str, patterns) -> tuple[int, int] | None:
    """The longest match of any pattern in ``name`` (case-insensitive), or None."""
    name = name.lower()
    best = None
    for pattern in patterns:
        pattern = pattern.lower()
        if pattern.startswith("="):
            span = (0, len(name)) if name == pattern[1:] else None
        else:
            start = name.find(pattern)
            span = (start, start + len(pattern)) if start >= 0 else None
        if span is not None and (best is None or span[1] - span[0] > best[1] - best[0]):
            best = span
    return best


def _has_signature(layer: LayerInfo, role, table: RoleTable) -> bool:
    spec = table.layer(role)
    if not spec.signature_fields:
        return False
    if spec.signature_all:
        return layer.has_fields(*spec.signature_fields)
    return layer.has_any_field(spec.signature_fields)


def _name_fits(layer: LayerInfo, roles, kind: str, table: RoleTable) -> list[_Fit]:
    """The wanted roles the layer's name and geometry fit, exclusions applied."""
    fits = []
    own = table.project_kinds.get(kind, ())
    others = [p for k, patterns in table.project_kinds.items() if k != kind for p in patterns]
    for role in roles:
        spec = table.layer_roles.get(role)
        if spec is None or layer.kind not in spec.geometry:
            continue
        if _best_span(layer.name, spec.exclude) is not None:
            continue
        span = _best_span(layer.name, spec.names)
        kind_span = _best_span(layer.name, own) if role == "PROJECTS" and own else None
        if role == "PROJECTS" and kind and kind_span is None and _best_span(layer.name, others):
            continue  # another check's project layer (垦造水田 in the farmland check)
        span = kind_span or span
        if span is not None:
            fits.append(_Fit(role, span, kind_span is not None,
                             _has_signature(layer, role, table)))
    return fits


def _settle(fits: list[_Fit]) -> list[_Fit]:
    """Drop fits that a more specific one explains; then let signature fields decide."""
    def covered(fit: _Fit) -> bool:  # "ybxm" (filed) covers "xm" (projects)
        return any(o is not fit and o.span[0] <= fit.span[0] and o.span[1] >= fit.span[1]
                   and o.length > fit.length for o in fits)

    fits = [f for f in fits if not covered(f)]
    if len(fits) > 1 and any(f.kind_specific for f in fits):
        fits = [f for f in fits if f.kind_specific]
    if len(fits) > 1:
        signed = [f for f in fits if f.signature]
        if len(signed) == 1:
            fits = signed
    return fits


def _vintage_key(layer: LayerInfo) -> tuple[int, int]:
    """The current layer among vintages: a name without a year (DLTB) before DLTB_2020,
    otherwise the latest year."""
    years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", layer.name)]
    return (0, 0) if not years else (1, -max(years))


def detect(layers: list[LayerInfo], roles: tuple[str, ...], kind: str = "",
           table: RoleTable | None = None) -> Detection:
    """Roles for ``layers`` (only the wanted ``roles``); ``kind`` (farmland / paddy / mine)
    prefers that check's project layer over the others'."""
    table = table or role_table()
    result = Detection()
    fitting: dict[str, list[tuple[tuple, LayerInfo]]] = {}
    every_role = tuple(table.layer_roles)
    for order, layer in enumerate(layers):
        fits = _settle(_name_fits(layer, roles, kind, table))
        if not fits and not _name_fits(layer, every_role, "", table):
            # No telling name: DLTB by DLBM+TBMJ, project parcels by a project id field.
            fits = [_Fit(r, (0, 0), signature=True) for r in roles
                    if r in table.layer_roles and table.layer(r).detect_by_fields
                    and layer.kind in table.layer(r).geometry
                    and _has_signature(layer, r, table)]
        if len(fits) > 1:
            result.ambiguous[layer.layer_id] = tuple(f.role for f in fits)
            continue
        for fit in fits:
            key = (not fit.kind_specific, -fit.length, not fit.signature,
                   _vintage_key(layer), order)
            fitting.setdefault(fit.role, []).append((key, layer))
    for role, candidates in fitting.items():
        ranked = [layer.layer_id for _, layer in sorted(candidates, key=lambda c: c[0])]
        result.roles[role] = ranked[0]
        if len(ranked) > 1:
            result.passed_over[role] = tuple(ranked[1:])
    return result


def detect_roles(layers: list[LayerInfo], roles: tuple[str, ...],
                 kind: str = "") -> dict[str, str]:
    """``{role: layer_id}`` for the wanted roles found among ``layers`` (ambiguous layers,
    whose names fit two roles, are left out: see :func:`detect`)."""
    return detect(layers, roles, kind).roles


def detect_fields(field_names, layer_role: str, wanted: tuple[str, ...] | None = None,
                  table: RoleTable | None = None) -> dict[str, str]:
    """``{field role: field name}`` of a layer playing ``layer_role`` (e.g. SBMJ for
    ``DECLARED_AREA_FIELD`` on the project parcels), for the wanted field roles."""
    table = table or role_table()
    found = {}
    for role_id in table.fields_of(layer_role):
        if wanted is not None and role_id not in wanted:
            continue
        name = table.field(role_id).find(field_names)
        if name:
            found[role_id] = name
    return found
