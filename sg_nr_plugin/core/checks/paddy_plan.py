"""Plan progress of paddy reclamation by county, from the check report's rows (the workbook
table: ``core/reports/paddy_progress.py``).

What counts is the new paddy of *accepted* projects (status vocabulary project_status.json plus
the user's accepted value); projects of unknown status are counted apart, never as “not
accepted”."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class CountyProgress:
    projects: int = 0
    accepted: int = 0
    accepted_m2: float = 0.0
    checked_m2: float = 0.0
    unknown: int = 0  # projects whose status is not in the vocabulary (or no status field)


def plan_progress(rows) -> dict[str, CountyProgress]:
    """Per county code (empty: unknown) from the report rows' quotas."""
    result: dict[str, CountyProgress] = {}
    for row in rows:
        quotas = row.quotas
        progress = result.setdefault(str(quotas.get("county") or ""), CountyProgress())
        new_paddy = float(quotas.get("new_paddy_m2") or 0.0)
        progress.projects += 1
        progress.checked_m2 += new_paddy
        if quotas.get("accepted") is None:
            progress.unknown += 1
        elif quotas.get("accepted"):
            progress.accepted += 1
            progress.accepted_m2 += new_paddy
    return result
