"""The one table of layer roles and field roles (``resources/data/schema/roles.json``).

Which layer plays which part in a check (project parcels, DLTB, red line…), the names it goes
by, the geometry it must have, and the fields that belong to it (project id, declared area,
protected-area zone…) are data: the detection (core.checks.roles), the algorithms' parameters
(processing.check_base) and the panels (gui) all read them from here. The file is validated on
load; an error names the file and the key.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ...i18n import tr, ui_language
from ..fields import find_field
from . import load_schema, schema_fail

GEOMETRIES = ("polygon", "line", "point", "raster")
FIELD_TYPES = ("any", "numeric")
ROLES_FILE = "roles.json"


@dataclass(frozen=True)
class LayerRole:
    id: str
    label_zh: str
    label_en: str
    geometry: tuple[str, ...]
    names: tuple[str, ...]
    exclude: tuple[str, ...] = ()
    signature_fields: tuple[str, ...] = ()
    signature_all: bool = False  # every signature field needed (DLTB: DLBM and TBMJ)
    detect_by_fields: bool = False  # found by its fields alone when no name fits
    field_roles: tuple[str, ...] = ()

    def label(self) -> str:
        return self.label_zh if ui_language() == "zh" else self.label_en


@dataclass(frozen=True)
class FieldRole:
    id: str
    layer_role: str
    label_zh: str
    label_en: str
    type: str
    aliases: tuple[str, ...]
    weak_aliases: tuple[str, ...] = ()  # used only with a warning (a name, not an id)

    def label(self) -> str:
        return self.label_zh if ui_language() == "zh" else self.label_en

    def find(self, field_names, weak: bool = True) -> str | None:
        """The layer's field for this role: the first alias present (case-insensitive)."""
        found = find_field(field_names, *self.aliases)
        if found is None and weak:
            found = find_field(field_names, *self.weak_aliases)
        return found


@dataclass(frozen=True)
class RoleTable:
    id: str
    version: str
    layer_roles: dict[str, LayerRole]
    field_roles: dict[str, FieldRole]
    project_kinds: dict[str, tuple[str, ...]]

    def layer(self, role_id: str) -> LayerRole:
        return self.layer_roles[role_id]

    def field(self, role_id: str) -> FieldRole:
        return self.field_roles[role_id]

    def label(self, role_id: str) -> str:
        """Translated label of a layer or field role (the id itself when unknown)."""
        role = self.layer_roles.get(role_id) or self.field_roles.get(role_id)
        return role.label() if role is not None else role_id

    def aliases(self, field_role: str, weak: bool = True) -> tuple[str, ...]:
        role = self.field_roles[field_role]
        return role.aliases + (role.weak_aliases if weak else ())

    def fields_of(self, layer_role: str) -> tuple[str, ...]:
        return self.layer_roles[layer_role].field_roles


@lru_cache(maxsize=4)
def role_table(path: str | None = None) -> RoleTable:
    """The role table (cached); ``path`` overrides the bundled file."""
    data = load_schema(ROLES_FILE, path)
    return parse_role_table(data, Path(path).name if path else ROLES_FILE)


def parse_role_table(data, origin: str = "<memory>") -> RoleTable:
    if not isinstance(data, dict):
        schema_fail(origin, "", tr("must be a JSON object"))
    check = _Checker(origin)
    layer_roles = {}
    for index, entry in enumerate(check.value(data, "layer_roles", list)):
        role = check.layer_role(entry, f"layer_roles[{index}]")
        if role.id in layer_roles:
            schema_fail(origin, f"layer_roles[{index}].id",
                        tr("repeats the id {id}").format(id=role.id))
        layer_roles[role.id] = role
    field_roles = {}
    for index, entry in enumerate(check.value(data, "field_roles", list)):
        role = check.field_role(entry, f"field_roles[{index}]", layer_roles)
        if role.id in field_roles:
            schema_fail(origin, f"field_roles[{index}].id",
                        tr("repeats the id {id}").format(id=role.id))
        field_roles[role.id] = role
    for role in layer_roles.values():
        for name in role.field_roles:
            if name not in field_roles:
                schema_fail(origin, f"layer_roles.{role.id}.field_roles",
                            tr("names an unknown field role {id}").format(id=name))
    kinds = {kind: check.texts(patterns, f"project_kinds.{kind}")
             for kind, patterns in check.value(data, "project_kinds", dict).items()}
    return RoleTable(check.text(data, "id"), check.text(data, "version"), layer_roles,
                     field_roles, kinds)


class _Checker:
    """Typed reads of the JSON with messages naming the key."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, key: str, problem: str):
        schema_fail(self.origin, key, problem)

    def value(self, data: dict, key: str, kind: type, prefix: str = "", default=None):
        if key not in data:
            if default is not None:
                return default
            self.fail(prefix + key, tr("missing"))
        if not isinstance(data[key], kind):
            self.fail(prefix + key, tr("has the wrong type ({kind} expected)").format(
                kind=kind.__name__))
        return data[key]

    def text(self, data: dict, key: str, prefix: str = "") -> str:
        value = self.value(data, key, str, prefix)
        if not value.strip():
            self.fail(prefix + key, tr("must not be empty"))
        return value

    def texts(self, values, key: str) -> tuple[str, ...]:
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip()
                                                   for v in values):
            self.fail(key, tr("must be a list of non-empty texts"))
        return tuple(values)

    def layer_role(self, entry, key: str) -> LayerRole:
        if not isinstance(entry, dict):
            self.fail(key, tr("must be a JSON object"))
        prefix = key + "."
        geometry = self.texts(self.value(entry, "geometry", list, prefix), prefix + "geometry")
        if not geometry or any(g not in GEOMETRIES for g in geometry):
            self.fail(prefix + "geometry", tr("must list some of: {values}").format(
                values=", ".join(GEOMETRIES)))
        return LayerRole(
            self.text(entry, "id", prefix), self.text(entry, "label_zh", prefix),
            self.text(entry, "label_en", prefix), geometry,
            self.texts(self.value(entry, "names", list, prefix), prefix + "names"),
            *(self.texts(self.value(entry, k, list, prefix, []), prefix + k)
              for k in ("exclude", "signature_fields")),
            bool(self.value(entry, "signature_all", bool, prefix, False)),
            bool(self.value(entry, "detect_by_fields", bool, prefix, False)),
            self.texts(self.value(entry, "field_roles", list, prefix, []),
                       prefix + "field_roles"))

    def field_role(self, entry, key: str, layer_roles: dict) -> FieldRole:
        if not isinstance(entry, dict):
            self.fail(key, tr("must be a JSON object"))
        prefix = key + "."
        layer_role = self.text(entry, "layer_role", prefix)
        if layer_role not in layer_roles:
            self.fail(prefix + "layer_role", tr("names an unknown layer role {id}").format(
                id=layer_role))
        kind = self.text(entry, "type", prefix)
        if kind not in FIELD_TYPES:
            self.fail(prefix + "type", tr("must be one of: {values}").format(
                values=", ".join(FIELD_TYPES)))
        aliases = self.texts(self.value(entry, "aliases", list, prefix), prefix + "aliases")
        if not aliases:
            self.fail(prefix + "aliases", tr("must not be empty"))
        return FieldRole(self.text(entry, "id", prefix), layer_role,
                         self.text(entry, "label_zh", prefix),
                         self.text(entry, "label_en", prefix), kind, aliases,
                         self.texts(self.value(entry, "weak_aliases", list, prefix, []),
                                    prefix + "weak_aliases"))
