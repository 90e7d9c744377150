"""Every ``processing.run`` of the test suite leaves its input files byte for byte as they were.

#16 asks that no algorithm ever changes an input "over the whole adversarial suite". Each test
builds its own (often damaged or hostile) inputs, so a guard per test file would be easy to
forget: this wrapper around ``processing.run`` hashes every file named by a non-destination
parameter (a path, ``path|layername=…``, ``ogr:dbname=…``, or the file of a layer object) right
before the run and again after it, whether the run succeeded or raised, and fails the test
naming the parameter and the file when one changed. GeoPackage sidecars (-wal, -shm) and the
files of folders are not inputs of their own.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

CHECKED = {"runs": 0, "files": 0, "changed": 0}


def _paths(value) -> list[Path]:
    """The local files a parameter value names (empty for databases, memory layers…)."""
    if hasattr(value, "source") and callable(value.source):  # a layer object
        value = value.source()
    elif hasattr(value, "source") and hasattr(value.source, "staticValue"):
        value = value.source.staticValue()  # QgsProcessingFeatureSourceDefinition
    if isinstance(value, (list, tuple)):
        return [p for item in value for p in _paths(item)]
    if not isinstance(value, str) or not value:
        return []
    match = re.match(r"^ogr:dbname='?([^' ]+)'?", value)
    text = match.group(1) if match else value.split("|", 1)[0]
    path = Path(text)
    try:
        return [path] if path.is_file() else []
    except OSError:  # a name too long for the system, given on purpose by a test
        return []


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _inputs(algorithm_id, parameters: dict) -> dict[str, Path]:
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().algorithmById(str(algorithm_id))
    if algorithm is None or not isinstance(parameters, dict):
        return {}
    found = {}
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination() or definition.name() not in parameters:
            continue
        for path in _paths(parameters[definition.name()]):
            found[f"{definition.name()}: {path}"] = path
    return found


def guarded(run):
    """``processing.run`` that fails when the run changed one of its input files."""

    def run_and_compare(algorithm_id, parameters, *arguments, **options):
        inputs = _inputs(algorithm_id, parameters)
        before = {key: _digest(path) for key, path in inputs.items()}
        try:
            return run(algorithm_id, parameters, *arguments, **options)
        finally:
            changed = [key for key, path in inputs.items() if _digest(path) != before[key]]
            CHECKED["runs"] += 1
            CHECKED["files"] += len(inputs)
            CHECKED["changed"] += len(changed)
            assert not changed, f"{algorithm_id} changed its input file(s): {changed}"

    run_and_compare.__wrapped__ = run
    return run_and_compare
