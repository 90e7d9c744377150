"""The layer vocabulary in one place: which fields a layer carries under which names (profiles)
and which values each field may hold (domains). The vocabularies themselves are data under
``resources/data/schema/`` (``id`` + ``version``, validated on load); these modules read them.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path

from ...i18n import tr
from ...paths import resource_path
from ..errors import SgNrError


class SchemaError(SgNrError):
    """A schema data file is malformed; the message names the file and the key."""


def load_schema(name: str, path: str | Path | None = None) -> dict:
    """The JSON object of ``resources/data/schema/<name>`` (or ``path``), with id and version."""
    file = Path(path) if path else resource_path("data", "schema", name)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise SchemaError(tr("Cannot read the schema file {path}: {error}").format(
            path=file, error=error)) from error
    if not isinstance(data, Mapping):
        schema_fail(file.name, "", tr("must be a JSON object"))
    for key in ("id", "version"):
        if not isinstance(data.get(key), str) or not data[key]:
            schema_fail(file.name, key, tr("is missing or not text"))
    return dict(data)


def schema_fail(source: str, key: str, problem: str):
    raise SchemaError(tr("Schema file {file}: “{key}” {problem}").format(
        file=source, key=key, problem=problem))
