"""The audit trail of a run: what produced an output, exactly enough to produce it again.

Every workbook gets it as its 审计信息 (About) sheet and every output layer as its layer
metadata: plugin, QGIS and GDAL versions, the algorithm and every parameter, each input's source
(passwords removed), its feature count and features read, a content fingerprint, the rule set's
id, version and sha256, and the time. :func:`audit_rows` returns the rows as ``(label, value)``
pairs (the PDF writer takes the same ``audit_rows``).

Fingerprints: a file input is the sha256 of its bytes (a shapefile: of its parts), so a copy
has the same fingerprint and any edit changes it; a database or memory table is the sha256 of
its rows (attributes and geometry as WKB) in primary-key order.

The trail of the running algorithm is held in a context variable (:func:`audit_scope`), so the
writers find it without every algorithm passing it along (``excel.save_workbook`` adds the sheet).
"""

from __future__ import annotations

import contextvars
import hashlib
import json
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

from ...i18n import tr
from ...paths import plugin_root

CHUNK = 1 << 20
SHAPEFILE_PARTS = (".shp", ".shx", ".dbf", ".prj", ".cpg", ".qix")
_PASSWORD = re.compile(r"""\b(password|pwd)\s*=\s*('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\S+)""",
                       re.IGNORECASE)
_URL_PASSWORD = re.compile(r"(://[^:/@\s]+):[^@/\s]*@")
_FINGERPRINTS: dict[tuple, str] = {}  # file state → sha256 (see file_fingerprint)
_CURRENT: contextvars.ContextVar[AuditTrail | None] = contextvars.ContextVar(
    "sgnr_audit_trail", default=None)


@dataclass
class InputRecord:
    """One input of a run as the trail names it."""

    parameter: str
    layer: str  # the name the reports use
    source: str  # the data source, passwords removed
    provider: str
    features: int | None = None  # the layer's feature count when the run started
    fingerprint: str = ""
    fingerprint_kind: str = ""  # "file" or "rows"
    uri: str = field(default="", repr=False)  # the source as given (may hold a password)


@dataclass
class AuditTrail:
    algorithm_id: str
    parameters: list[tuple[str, str]]
    inputs: list[InputRecord] = field(default_factory=list)
    started: datetime = field(default_factory=lambda: datetime.now().astimezone())
    ruleset: object | None = None
    read_counts: object | None = None  # core.reading.ReadCounts of the run, when kept
    data_files: list[tuple[str, str, str, str]] = field(default_factory=list)  # label,id,ver,sha
    # waits for fingerprints taken alongside the run (processing/audit_run.py), then None
    pending: object | None = field(default=None, repr=False, compare=False)

    def settle(self) -> None:
        """Wait until the inputs' fingerprints are taken (raising what taking them raised)."""
        pending, self.pending = self.pending, None
        if pending is not None:
            pending()


# ---- the trail of the running algorithm ------------------------------------------------------
@contextmanager
def audit_scope(trail: AuditTrail | None):
    """Make ``trail`` the one the writers see while the block runs."""
    token = _CURRENT.set(trail)
    try:
        yield trail
    finally:
        _CURRENT.reset(token)


def active_trail() -> AuditTrail | None:
    return _CURRENT.get()


def note_ruleset(ruleset) -> None:
    """Record the rule set the running check applies (called where the check loads it)."""
    trail = active_trail()
    if trail is not None:
        trail.ruleset = ruleset


def note_read_counts(read_counts) -> None:
    """Record the features read per input (core.reading.ReadCounts) of the running check."""
    trail = active_trail()
    if trail is not None:
        trail.read_counts = read_counts


# ---- sources and fingerprints ----------------------------------------------------------------
def without_password(text: str) -> str:
    """``text`` (a data source, a parameter value) with every password removed."""
    text = _PASSWORD.sub(lambda m: f"{m.group(1)}=***", str(text))
    return _URL_PASSWORD.sub(r"\1:***@", text)


def file_fingerprint(path: str | Path) -> str:
    """sha256 of the file's bytes; a shapefile: of its parts (name and bytes), in order.

    Remembered per file state (size, modification and change times in ns, inode), in this
    process and across processes (:func:`fingerprint_memory`: ``qgis_process`` and every
    Processing run of the desktop): a run on an unchanged file does not read it again (a 1 GB
    GeoPackage takes 0.6 s from the page cache, ~10 s from disk, for a check of one project
    that takes 0.1 s); any write changes the change time, which no tool can set back, so an
    edited file is always read again."""
    path = Path(path)
    parts = [path.with_suffix(s) for s in SHAPEFILE_PARTS] if path.suffix.lower() == ".shp" \
        else [path]
    parts = [part for part in parts if part.is_file()]
    state = tuple((str(part.resolve()), *_stat(part)) for part in parts)
    if state not in _FINGERPRINTS:
        key = json.dumps(state, ensure_ascii=False)
        remembered = _read_memory().get(key)
        if remembered is None:
            digest = hashlib.sha256()
            for part in parts:
                if len(parts) > 1:
                    digest.update(part.suffix.lower().encode())
                _update(digest, part)
            remembered = digest.hexdigest()
            _remember(key, remembered)
        _FINGERPRINTS[state] = remembered
    return _FINGERPRINTS[state]


#: Fingerprints kept in :func:`fingerprint_memory` (the most recent ones).
MEMORY_ENTRIES = 256


def fingerprint_memory() -> Path | None:
    """The file remembering fingerprints across processes: ``SGNR_FINGERPRINT_MEMORY`` if set
    (tests), else ``sg_nr_plugin/fingerprints.json`` in the QGIS profile; None without a
    profile folder (nothing remembered beyond this process)."""
    import os

    chosen = os.environ.get("SGNR_FINGERPRINT_MEMORY")
    if chosen:
        return Path(chosen)
    from qgis.core import QgsApplication

    profile = QgsApplication.qgisSettingsDirPath()
    return Path(profile) / "sg_nr_plugin" / "fingerprints.json" if profile else None


def _read_memory() -> dict[str, str]:
    path = fingerprint_memory()
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path else {}
    except (OSError, ValueError):  # none yet, or damaged: fingerprints are computed again
        return {}
    return data if isinstance(data, dict) else {}


def _remember(key: str, digest: str) -> None:
    """Add one fingerprint to the memory file, written whole under a temporary name and moved
    into place (two QGIS processes at once: the last writer wins, nothing is half-written)."""
    import os
    import tempfile

    path = fingerprint_memory()
    if path is None:
        return
    memory = _read_memory()
    memory.pop(key, None)
    memory[key] = digest
    kept = dict(list(memory.items())[-MEMORY_ENTRIES:])
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".fingerprints", dir=path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(kept, stream, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError:  # a read-only profile, a full disk: remembered in this process only
        if temporary is not None and os.path.exists(temporary):
            os.remove(temporary)


def _stat(path: Path) -> tuple[int, int, int, int]:
    info = path.stat()
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino


def _update(digest, path: Path) -> None:
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(CHUNK), b""):
            digest.update(block)


def rows_fingerprint(source, primary_key: list[int] | None = None) -> str:
    """sha256 of the rows of ``source`` (a QgsFeatureSource or layer): field names, then per
    row its attributes and its geometry as WKB, in primary-key order (else feature id)."""
    from qgis.core import QgsFeatureRequest

    digest = hashlib.sha256()
    fields = source.fields()
    digest.update(json.dumps([f.name() for f in fields], ensure_ascii=False).encode())
    request = QgsFeatureRequest()
    names = [fields.at(i).name() for i in (primary_key or [])]
    for name in names:
        request.addOrderBy(f'"{name}"', True)
    rows = []
    for feature in source.getFeatures(request):
        geometry = feature.geometry()
        wkb = bytes(geometry.asWkb()) if geometry is not None and not geometry.isNull() else b""
        row = json.dumps([_plain(v) for v in feature.attributes()], ensure_ascii=False)
        rows.append((0 if names else feature.id(), row.encode(), wkb))
    rows.sort(key=lambda r: r[0])  # stable: the key order stays; without a key, feature ids
    for _fid, row, wkb in rows:
        digest.update(row)
        digest.update(hashlib.sha256(wkb).digest())
    return digest.hexdigest()


def _plain(value):
    """An attribute value as JSON can hold it (NULL → None, dates → ISO text)."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (QDate, QDateTime, QTime)):
        return value.toString(Qt.ISODateWithMs)
    return str(value)


def ruleset_sha256(ruleset) -> str:
    """sha256 of the rule set as applied (canonical JSON, thresholds as edited)."""
    from ..checks.ruleset import ruleset_to_dict

    text = json.dumps(ruleset_to_dict(ruleset), ensure_ascii=False, sort_keys=True,
                      separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def plugin_version() -> str:
    """The version in metadata.txt."""
    try:
        for line in (plugin_root() / "metadata.txt").read_text("utf-8").splitlines():
            if line.startswith("version="):
                return line.split("=", 1)[1].strip()
    except OSError:
        pass
    return "?"


def software_versions() -> tuple[str, str]:
    from osgeo import gdal
    from qgis.core import Qgis

    return Qgis.version(), gdal.VersionInfo("RELEASE_NAME")


# ---- the rows --------------------------------------------------------------------------------
def audit_rows(trail: AuditTrail) -> list[tuple[str, str]]:
    """The trail as ``(label, value)`` rows, labels in the report's language."""
    trail.settle()
    qgis_version, gdal_version = software_versions()
    rows = [(tr("Plugin version"), f"sg_nr_plugin {plugin_version()}"),
            (tr("QGIS version"), qgis_version), (tr("GDAL version"), gdal_version),
            (tr("Algorithm"), f"sgnr:{trail.algorithm_id}"),
            (tr("Started"), trail.started.isoformat(timespec="seconds")),
            (tr("Written"), datetime.now().astimezone().isoformat(timespec="seconds"))]
    rows += [(tr("Parameter {name}").format(name=name), value)
             for name, value in trail.parameters]
    for record in trail.inputs:
        rows += _input_rows(record, trail.read_counts)
    if trail.ruleset is not None:
        ruleset = trail.ruleset
        rows += [(tr("Rule set"), f"{ruleset.id} ({ruleset.origin})"),
                 (tr("Rule set version"), ruleset.version),
                 (tr("Rule set file sha256"), ruleset.file_sha256 or "—"),
                 (tr("Rule set sha256 (as applied)"), ruleset_sha256(ruleset))]
    for label, data_id, version, digest in trail.data_files:
        rows.append((tr("Data file {name}").format(name=label),
                     tr("{id} version {version}, sha256 {sha}").format(
                         id=data_id, version=version, sha=digest)))
    return rows


def _input_rows(record: InputRecord, read_counts) -> list[tuple[str, str]]:
    name = record.parameter
    read = read_counts.read(record.layer) if read_counts is not None else None
    count = "—" if record.features is None or record.features < 0 else str(record.features)
    kind = tr("sha256 of the file") if record.fingerprint_kind == "file" else tr(
        "sha256 of the rows in primary-key order")
    rows = [(tr("Input {name}").format(name=name), f"{record.layer} — {record.source}"),
            (tr("Input {name}: features").format(name=name), count)]
    if read is not None and (read or record.layer in getattr(read_counts, "whole", {})):
        rows.append((tr("Input {name}: features read").format(name=name), str(read)))
    if record.fingerprint:
        rows.append((tr("Input {name}: fingerprint").format(name=name),
                     f"{record.fingerprint} ({kind})"))
    return rows


def metadata_text(trail: AuditTrail) -> str:
    """The rows as text, one "label: value" per line (layer metadata, logs)."""
    return "\n".join(f"{label}: {value}" for label, value in audit_rows(trail))
