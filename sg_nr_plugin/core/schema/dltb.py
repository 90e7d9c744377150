"""DLTB field profiles: which attribute a layer's field holds, whatever its spelling.

Suppliers spell 三调 field names in upper, lower or mixed case, second-survey (二调) files use
TKXS/TKMJ for KCXS/KCMJ, 变更调查 (annual change) layers add GDZZSXDM, XXTBKD and XZQDM, and
some deliver Chinese field names (坐落 and 座落 both occur). The names are data
(``resources/data/schema/dltb_fields.json``); everything that reads DLTB attributes goes
through :func:`detect_dltb_fields` and never hard-codes a spelling.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields, replace

from ...i18n import tr
from ..errors import MissingFieldsError
from . import load_schema, schema_fail

FIELDS_FILE = "dltb_fields.json"


@dataclass(frozen=True)
class DltbFields:
    """Actual field names of a DLTB-like layer (None when absent)."""

    bsm: str | None = None
    tbbh: str | None = None
    tbybh: str | None = None
    dlbm: str | None = None
    dlmc: str | None = None
    qsxz: str | None = None
    qsdwdm: str | None = None
    qsdwmc: str | None = None
    zldwdm: str | None = None
    zldwmc: str | None = None
    xzqdm: str | None = None
    tbmj: str | None = None
    kcdlbm: str | None = None
    kcxs: str | None = None
    kcmj: str | None = None
    tbdlmj: str | None = None
    gdlx: str | None = None
    gdpdjb: str | None = None
    gddb: str | None = None
    czcsxm: str | None = None
    zzsxdm: str | None = None
    gdzzsxdm: str | None = None
    tbxhdm: str | None = None
    xxtbkd: str | None = None

    def get(self, key: str) -> str | None:
        return getattr(self, key)

    def as_dict(self) -> dict[str, str | None]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    def present(self) -> dict[str, str]:
        return {k: v for k, v in self.as_dict().items() if v}

    def missing(self, names: Iterable[str]) -> list[str]:
        """The standard names (with aliases, e.g. "KCXS/TKXS") of the absent ``names``."""
        return ["/".join(DLTB_ALIASES[key][:2]) if _has_latin_alias(key) else DLTB_ALIASES[key][0]
                for key in names if not self.get(key)]

    def require(self, names: Iterable[str], layer_name: str) -> DltbFields:
        """Raise :class:`MissingFieldsError` listing every absent field of ``names``."""
        missing = self.missing(names)
        if missing:
            raise MissingFieldsError(layer_name, missing)
        return self


def _load_aliases(data: Mapping, source: str = FIELDS_FILE) -> dict[str, tuple[str, ...]]:
    """Validate the ``fields`` and ``region_fields`` of the profile file."""
    known = {f.name for f in fields(DltbFields)}
    entries = data.get("fields")
    if not isinstance(entries, Mapping):
        schema_fail(source, "fields", tr("is missing"))
    for key in known - set(entries):
        schema_fail(source, f"fields.{key}", tr("is missing"))
    for key, names in entries.items():
        if key not in known:
            schema_fail(source, f"fields.{key}", tr("is not a DLTB attribute"))
        if not names or not all(isinstance(n, str) and n.strip() for n in names):
            schema_fail(source, f"fields.{key}", tr("must be a list of field names"))
    for index, key in enumerate(data.get("region_fields", [])):
        if key not in known:
            schema_fail(source, f"region_fields[{index}]", tr("is not a DLTB attribute"))
    for name, keys in data.get("profiles", {}).items():
        unknown = [k for k in keys if k not in known]
        if unknown:
            schema_fail(source, f"profiles.{name}", tr("lists unknown attributes: {keys}").format(
                keys=", ".join(unknown)))
    return {key: tuple(names) for key, names in entries.items()}


_DATA = load_schema(FIELDS_FILE)
#: attribute → accepted names, in order of preference (matched case-insensitively).
DLTB_ALIASES: dict[str, tuple[str, ...]] = _load_aliases(_DATA)
#: Where a parcel's region code is read from, in order: ZLDWDM, else XZQDM, else QSDWDM.
REGION_FIELDS: tuple[str, ...] = tuple(_DATA.get("region_fields", ("zldwdm",)))
#: profile name → the attributes such a delivery carries (三调, 变更调查).
PROFILES: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in _DATA.get("profiles", {}).items()}


def find_field(field_names, *aliases: str) -> str | None:
    """The actual name of the first alias present (case-insensitive, trimmed), or None.

    ``field_names`` is a ``QgsFields`` or any iterable of names.
    """
    names = _names(field_names)
    by_key = {}
    for name in names:
        by_key.setdefault(name.strip().casefold(), name)
    for alias in aliases:
        found = by_key.get(alias.strip().casefold())
        if found is not None:
            return found
    return None


def detect_dltb_fields(field_names) -> DltbFields:
    """Map each DLTB attribute to the layer's actual field name (see :data:`DLTB_ALIASES`)."""
    names = _names(field_names)
    return DltbFields(**{key: find_field(names, *aliases) for key, aliases in DLTB_ALIASES.items()})


def region_field(detected: DltbFields) -> str | None:
    """The attribute (``zldwdm``, ``xzqdm`` or ``qsdwdm``) regions are read from, or None."""
    return next((key for key in REGION_FIELDS if detected.get(key)), None)


def with_region_field(detected: DltbFields) -> tuple[DltbFields, str | None]:
    """``detected`` with ``zldwdm`` naming the field regions are read from (ZLDWDM, else the
    first fallback present) and that attribute's key, or None when the layer has none."""
    key = region_field(detected)
    if key is None or key == "zldwdm":
        return detected, key
    return replace(detected, zldwdm=detected.get(key)), key


def detect_profile(detected: DltbFields) -> str:
    """The profile whose attributes the layer carries most of (ties: file order)."""
    present = set(detected.present())
    return max(PROFILES, key=lambda name: len(present & set(PROFILES[name])), default="")


def _has_latin_alias(key: str) -> bool:
    aliases = DLTB_ALIASES[key]
    return len(aliases) > 1 and aliases[1].isascii()


def _names(field_names) -> list[str]:
    if hasattr(field_names, "names"):  # QgsFields
        return list(field_names.names())
    return [str(name) for name in field_names]
