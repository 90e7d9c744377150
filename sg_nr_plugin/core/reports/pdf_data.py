"""What a PDF check sheet says, computed from a check run (no layout, no drawing here).

:class:`SheetRun` holds what every sheet of a run shares (check kind, rule set id/version,
every threshold, check date, rules not checked); :class:`ProjectSheet` one project's header,
verdict, findings and quotas, all as the text printed. Areas: m² with 2 decimals, 亩 with 4
(half away from zero, as the workbooks).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from qgis.core import QgsFeatureRequest

from ..checks.engine import _project_id as project_id
from ..checks.findings import SEVERITY_ZH, VERDICT_ZH
from ..fields import find_field
from ..reading import read_features
from ..regions import SHAOGUAN_COUNTIES
from ..units import AreaUnit, format_area
from .pdf_labels import SheetLabels, sheet_labels

AREA_SUFFIXES = ("_m2", "_mu")


@dataclass
class SheetRun:
    """What every sheet of one run shares."""

    kind: str
    title: str
    ruleset_id: str
    ruleset_version: str
    ruleset_title: str
    thresholds: list[tuple[str, str, str, str]]  # label, key, value, unit (+ unconfirmed)
    check_date: str
    not_checked: dict[str, str] = field(default_factory=dict)  # rule label → reason
    partial: dict[str, str] = field(default_factory=dict)


@dataclass
class ProjectSheet:
    project_id: str
    name: str
    county: str
    verdict: str
    verdict_zh: str
    area: tuple[str, str]  # m², 亩
    declared: tuple[str, str] | None
    parcels: int
    findings: list[tuple[str, str, str, str, str]]  # rule, severity, m², 亩, message
    quotas: list[tuple[str, str]]  # label, value (an area: “m²（亩）”)


def sheet_run(kind: str, ruleset, check_date: date | None, not_checked: dict,
              partial: dict, labels: SheetLabels | None = None) -> SheetRun:
    labels = labels or sheet_labels()
    thresholds = []
    for t in ruleset.thresholds.values():
        unit = labels.unit(t.unit) + ("" if t.confirmed else "（未确认）")
        thresholds.append((labels.threshold(t.key), t.key, f"{t.value:g}", unit))
    return SheetRun(kind, labels.kind(kind), ruleset.id, ruleset.version, ruleset.title_zh,
                    thresholds, (check_date or date.today()).isoformat(),
                    {labels.rule(k, ruleset): v for k, v in not_checked.items()},
                    {labels.rule(k, ruleset): v for k, v in partial.items()})


def project_sheet(result, header: tuple[str, str] | None,
                  labels: SheetLabels | None = None) -> ProjectSheet:
    """The sheet of one ``ProjectResult``; ``header`` = (name, county) read from the layer."""
    labels = labels or sheet_labels()
    name, county = header or ("", "")
    county = county or _county_from_quotas(result.quotas)
    findings = [(labels.rule(f.rule_id), SEVERITY_ZH.get(f.severity, f.severity),
                 *_areas(f.area_m2), f.message_zh) for f in _ordered(result.findings)]
    findings = findings or [("—", "", "", "", "未发现问题")]
    declared = _areas(result.declared_m2) if result.declared_m2 is not None else None
    return ProjectSheet(str(result.project_id), name, county, result.verdict,
                        VERDICT_ZH[result.verdict], _areas(result.area_m2), declared,
                        result.parcel_count, findings, quota_rows(result.quotas, labels))


def quota_rows(quotas: dict, labels: SheetLabels) -> list[tuple[str, str]]:
    """One row per quota: an ``x_m2``/``x_mu`` pair is one row with both figures."""
    rows, done = [], set()
    for key, value in quotas.items():
        if key in done or key in labels.hidden_quotas:
            continue
        base = key[:-3] if key.endswith(AREA_SUFFIXES) else None
        if base and f"{base}_m2" in quotas:
            done.update((f"{base}_m2", f"{base}_mu"))
            m2 = quotas[f"{base}_m2"]
            rows.append((labels.quotas.get(base, base), area_text(m2)))
            continue
        rows.append((labels.quotas.get(key, key), _text(value)))
    return rows


def project_headers(source, id_field: str, labels: SheetLabels | None = None,
                    layer_name: str = "") -> dict[str, tuple[str, str]]:
    """Project id → (name, county) from the projects layer's name and county fields (the
    first parcel of a project that has them)."""
    labels = labels or sheet_labels()
    fields = source.fields()
    name_field = find_field(fields, *labels.name_fields)
    county_field = find_field(fields, *labels.county_fields)
    wanted = [f for f in (id_field, name_field, county_field) if f]
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(wanted, fields)
    headers: dict[str, tuple[str, str]] = {}
    for feature in read_features(source, request, layer_name=layer_name):
        key = project_id(feature[id_field], feature.id())  # as the check names projects
        name, county = headers.get(key, ("", ""))
        name = name or (_text(feature[name_field]) if name_field else "")
        county = county or (county_name(_text(feature[county_field])) if county_field else "")
        headers[key] = (name, county)
    return headers


def county_name(value: str) -> str:
    """``曲江区（440205）`` for a county or lower code (ZLDWDM), else the text itself."""
    code = value[:6] if value[:6].isdigit() and len(value) >= 6 else ""
    if code in SHAOGUAN_COUNTIES:
        return f"{SHAOGUAN_COUNTIES[code]}（{code}）"
    return code or value


def _county_from_quotas(quotas: dict) -> str:
    for key in ("county", "zldwdm"):
        if quotas.get(key):
            return county_name(_text(quotas[key]))
    return ""


def _ordered(findings) -> list:
    rank = {"error": 0, "warning": 1, "info": 2}
    return sorted(findings, key=lambda f: (rank.get(f.severity, 3), f.rule_id))


def area_text(m2: float | None) -> str:
    """``28,798.82 m²（43.1983 亩）``; ``—`` when there is no figure."""
    if m2 is None:
        return "—"
    m2_text, mu_text = _areas(m2)
    return f"{m2_text} m²（{mu_text} 亩）"


def _areas(m2: float) -> tuple[str, str]:
    return (format_area(m2, AreaUnit.M2, 2, grouping=True),
            format_area(m2, AreaUnit.MU, 4, grouping=True))


def _text(value) -> str:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
