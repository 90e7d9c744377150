"""The Chinese labels printed on the PDF check sheets, read from
``resources/data/report_labels.json`` (data, so that a bureau can reword them without code)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ...i18n import tr
from ...paths import resource_path
from ..checks.rule_texts import rule_title_zh
from ..errors import SgNrError
from ..schema import SchemaError, load_schema

LABELS_FILE = "report_labels.json"
_MAPPINGS = ("kinds", "quotas", "thresholds", "units")
_LISTS = ("hidden_quotas", "name_fields", "county_fields")


class LabelsError(SgNrError):
    """The labels file is malformed; the message names the file and the key."""


@dataclass(frozen=True)
class SheetLabels:
    id: str
    version: str
    kinds: dict
    quotas: dict
    thresholds: dict
    units: dict
    hidden_quotas: tuple
    name_fields: tuple
    county_fields: tuple

    @staticmethod
    def rule(rule_id: str, ruleset=None) -> str:
        """The rule's Chinese title from the rule sets, as the panels show it (one source:
        renaming a rule in its rule set renames it on the sheets too)."""
        return rule_title_zh(rule_id, ruleset)

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
    """The labels file, read and checked as the schema files are (id, version), then its own
    keys."""
    file = Path(path)
    try:
        data = load_schema(file.name, file)
    except SchemaError as error:
        raise LabelsError(str(error)) from error
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
