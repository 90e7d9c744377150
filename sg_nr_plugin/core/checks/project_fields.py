"""The fields of a project layer that decide what a project is and what it declares.

Two traps of real deliveries, both turning a right check into a wrong figure:

- the project id. Parcels are grouped into projects by one field. A code (XMBH, 项目编号, XMBM,
  项目编码…) is unique per project; a name (XMMC) is not: two projects of one name merge, and a
  re-filed project's duplicate disappears. The code is always preferred; a name is used only
  with a warning, and a field that groups parcels another code field tells apart is named.
- the declared area. Multi-parcel projects often carry the project's total on every parcel;
  summing it gives a false mismatch. A value repeated on every parcel of a project is read as
  the project's total, and the run says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.core import QgsFeatureRequest

from ...i18n import tr
from ..fields import find_field
from ..schema.roles import role_table

_LISTED = 5  # projects named in one message


@dataclass(frozen=True)
class DeclaredArea:
    m2: float | None
    repeated: bool = False  # the same value on every parcel: the project's total


def choose_id_field(field_names, layer_name: str) -> tuple[str, list[str]]:
    """``(field, warnings)``: the project id field of a layer without a chosen one."""
    role = role_table().field("PROJECT_ID_FIELD")
    strong = role.find(field_names, weak=False)
    if strong:
        return strong, []
    weak = find_field(field_names, *role.weak_aliases)
    codes = "/".join(role.aliases[:4])
    if weak:
        return weak, [tr("Layer “{layer}” has no project code field ({codes}…): its parcels are "
                         "grouped into projects by the name field “{field}”, so two projects "
                         "of the same name become one. Choose a field unique per project in "
                         "“Project id field”.").format(layer=layer_name, codes=codes,
                                                       field=weak)]
    return "", [tr("Layer “{layer}” has no project id field ({codes}…): each parcel is checked "
                   "as a project of its own. Choose the field in “Project id field”.").format(
                       layer=layer_name, codes=codes)]


def _value(value) -> str:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value).strip()


def _number(value) -> float | None:
    try:
        return float(value) if _value(value) else None
    except (TypeError, ValueError):
        return None


def declared_area(attributes: list[dict], name: str | None, factor: float) -> DeclaredArea:
    """The declared area of one project from its parcels' attributes, in m².

    One value repeated on every parcel (two or more) is the project's total, not summed."""
    if not name:
        return DeclaredArea(None)
    values = [v for v in (_number(a.get(name)) for a in attributes) if v is not None]
    if not values:
        return DeclaredArea(None)
    if len(attributes) > 1 and len(values) == len(attributes) and _all_equal(values):
        return DeclaredArea(values[0] * factor, True)
    return DeclaredArea(sum(values) * factor)


def _all_equal(values: list[float]) -> bool:
    first = values[0]
    return all(abs(v - first) <= 1e-9 * max(1.0, abs(first)) for v in values)


def review_projects(source, id_field: str, declared_field: str | None,
                    layer_name: str) -> list[str]:
    """Warnings on the project id field and the declared area of a project layer.

    Reads only attributes (no geometry). The id field is named when parcels it groups into
    one project carry different values of another code field (XMBM…), or when it is a name
    field; the projects whose declared area repeats on every parcel are listed."""
    names = source.fields().names()
    if id_field not in names:  # no id field: every parcel is a project of its own
        return []
    role = role_table().field("PROJECT_ID_FIELD")
    codes = [n for n in names if find_field([n], *role.aliases) and n != id_field]
    wanted = [n for n in [id_field, declared_field, *codes] if n in names]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(wanted, source.fields())
    groups: dict[str, list[dict]] = {}
    for feature in source.getFeatures(request):
        row = {n: feature[n] for n in wanted}
        groups.setdefault(_value(row[id_field]) or f"#{feature.id()}", []).append(row)
    messages = []
    for code in codes:
        merged = {pid: sorted({_value(r.get(code)) for r in rows} - {""})
                  for pid, rows in groups.items()}
        merged = {pid: values for pid, values in merged.items() if len(values) > 1}
        if merged:
            messages.append(tr("The project id field “{field}” of “{layer}” is not unique per "
                               "project: {count} project(s) hold parcels with different "
                               "“{code}” values ({projects}). Choose “{code}” as the project id "
                               "field if it is the project code.").format(
                field=id_field, layer=layer_name, count=len(merged), code=code,
                projects=_listing({p: ", ".join(v) for p, v in merged.items()})))
    repeated = {pid: len(rows) for pid, rows in groups.items()
                if declared_area(rows, declared_field, 1.0).repeated}
    if repeated:
        messages.append(tr("Declared area field “{field}” of “{layer}”: {count} project(s) carry "
                           "the same value on every parcel ({projects}); it is read as the "
                           "project's total, not summed over the parcels. If each parcel "
                           "declares its own area, give each parcel its own value.").format(
            field=declared_field, layer=layer_name, count=len(repeated),
            projects=_listing({p: tr("{n} parcels").format(n=n) for p, n in repeated.items()})))
    return messages


def _listing(items: dict[str, str]) -> str:
    shown = [f"{key}: {value}" for key, value in list(items.items())[:_LISTED]]
    if len(items) > _LISTED:
        shown.append(tr("{n} more").format(n=len(items) - _LISTED))
    return "; ".join(shown)
