"""The check report: collected while the run streams, written at the end (``check_xlsx``).

Only attributes are kept, never geometry, so a run over thousands of projects stays small in
memory.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from ...i18n import tr
from ..checks.findings import VERDICT_ZH


@dataclass
class ReportRow:
    project_id: str
    verdict: str
    area_m2: float
    declared_m2: float | None
    counts: tuple[int, int, int]
    not_checked: str
    quotas: dict


@dataclass
class CheckReport:
    title: str
    ruleset: object
    not_checked: dict[str, str]
    partial: dict[str, str]
    disabled: list[str]
    inputs: list[tuple[str, str, object]]  # (role, layer name, feature count or raster size)
    check_date: date | None
    quota_names: list[str]
    rows: list[ReportRow] = field(default_factory=list)
    findings: list[tuple] = field(default_factory=list)
    hook: Callable | None = None  # CheckSpec.report_hook of the check kind
    read_counts: object | None = None  # core.reading.ReadCounts, filled while the check runs

    @classmethod
    def start(cls, title: str, ruleset, check, inputs) -> CheckReport:
        listed = [("PROJECTS", inputs.projects)] + [
            (role, source) for role, source in inputs.layers.items() if source is not None]
        described = [(role, inputs.layer_names.get(role, role), source.featureCount())
                     for role, source in listed]
        if inputs.dem is not None:  # a raster: its size, not a feature count of 0
            described.append(("DEM", inputs.dem.name(),
                              tr("{width} × {height} cells").format(
                                  width=inputs.dem.width(), height=inputs.dem.height())))
        return cls(title, ruleset, dict(check.not_checked), dict(check.partial),
                   list(check.disabled), described, inputs.check_date,
                   [name for name, _ in check.spec.quota_fields],
                   hook=getattr(check.spec, "report_hook", None),
                   read_counts=getattr(inputs, "read_counts", None))

    def add(self, result) -> None:
        counts = (result.count("error"), result.count("warning"), result.count("info"))
        self.rows.append(ReportRow(result.project_id, result.verdict, result.area_m2,
                                   result.declared_m2, counts, ", ".join(result.not_checked),
                                   dict(result.quotas)))
        for f in result.findings:
            self.findings.append((f.project_id, f.rule_id, f.severity, f.area_m2, f.area_mu,
                                  f.message_zh, f.message_en))

    def verdict_counts(self) -> dict[str, int]:
        counts = dict.fromkeys(VERDICT_ZH, 0)
        for row in self.rows:
            counts[row.verdict] += 1
        return counts

    def summary_line(self) -> str:
        counts = self.verdict_counts()
        return tr("{n} projects checked: {fail} fail, {fix} need fixing, {ok} pass").format(
            n=len(self.rows), fail=counts["fail"], fix=counts["needs_fixing"],
            ok=counts["pass"])
