"""The Chinese labels printed on the PDF check sheets, read from
``resources/data/report_labels.json`` (data, so that a bureau can reword them without code)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ...i18n import tr
from ...paths import resource_path
from ..errors import SgNrError

LABELS_FILE = "report_labels.json"
_MAPPINGS = ("kinds", "rules", "quotas", "thresholds", "units")
_LISTS = ("hidden_quotas", "name_fields", "county_fields")


class LabelsError(SgNrError):
    """The labels file is malformed; the message names the file and the key."""


@dataclass(frozen=True)
class SheetLabels:
    id: str
    version: str
    kinds: dict
    rules: dict
    quotas: dict
    thresholds: dict
    units: dict
    hidden_quotas: tuple
    name_fields: tuple
    county_fields: tuple

    def rule(self, rule_id: str) -> str:
        return self.rules.get(rule_id, rule_id)

    def kind(self, kind: str) -> str:
        return self.kinds.get(kind, kind)

    def threshold(self, key: str) -> str:
        return self.thresholds.get(key, key)

    def unit(self, unit: str) -> str:
        return self.units.get(unit, unit)


@cache
def sheet_labels() -> SheetLabels:
    return load_labels(resource_path("data", LABELS_FILE))


def load_labels(path: str | Path) -> SheetLabels:
    file = Path(path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise LabelsError(tr("Cannot read the labels file {path}: {error}").format(
            path=file, error=error)) from error
    if not isinstance(data, dict):
        _fail(file, "", tr("must be a JSON object"))
    for key in ("id", "version"):
        if not isinstance(data.get(key), str) or not data[key]:
            _fail(file, key, tr("is missing or not text"))
    for key in _MAPPINGS:
        value = data.get(key)
        if not isinstance(value, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
            _fail(file, key, tr("must be an object of texts"))
    for key in _LISTS:
        value = data.get(key)
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            _fail(file, key, tr("must be a list of texts"))
    return SheetLabels(data["id"], data["version"], *(dict(data[k]) for k in _MAPPINGS),
                       *(tuple(data[k]) for k in _LISTS))


def _fail(file: Path, key: str, problem: str):
    raise LabelsError(tr("Labels file {file}: “{key}” {problem}").format(
        file=file.name, key=key, problem=problem))
