"""Input fingerprints remembered across processes (core/reports/audit.py): a run on an
unchanged 1 GB GeoPackage must not read it again (0.6–10 s for a check of 0.1 s), and an edited
file must always be read again, even when its size and modification time were put back.
Expected digests are computed here with hashlib."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from sg_nr_plugin.core.reports import audit
from sg_nr_plugin.i18n import tr


@pytest.fixture
def memory(tmp_path, monkeypatch):
    path = tmp_path / "profile" / "sg_nr_plugin" / "fingerprints.json"
    monkeypatch.setenv("SGNR_FINGERPRINT_MEMORY", str(path))
    monkeypatch.setattr(audit, "_FINGERPRINTS", {})  # a new process
    return path


def _new_process(monkeypatch, reads: list) -> None:
    """Forget this process's fingerprints and count the files read from now on."""
    monkeypatch.setattr(audit, "_FINGERPRINTS", {})
    real = audit._update
    monkeypatch.setattr(audit, "_update", lambda digest, path: (reads.append(path),
                                                                real(digest, path)))


def test_a_second_process_does_not_read_an_unchanged_file(memory, tmp_path, monkeypatch):
    data = tmp_path / "dltb.gpkg"
    data.write_bytes(b"SQLite format 3\0" + bytes(range(256)) * 64)
    expected = hashlib.sha256(data.read_bytes()).hexdigest()
    assert audit.file_fingerprint(data) == expected
    assert memory.exists() and expected in json.loads(memory.read_text("utf-8")).values()
    reads: list = []
    _new_process(monkeypatch, reads)
    assert audit.file_fingerprint(data) == expected
    assert reads == []


def test_an_edit_with_size_and_time_put_back_is_read_again(memory, tmp_path, monkeypatch):
    data = tmp_path / "dltb.gpkg"
    data.write_bytes(b"A" * 4096)
    audit.file_fingerprint(data)
    before = data.stat()
    data.write_bytes(b"B" * 4096)  # same size
    os.utime(data, ns=(before.st_atime_ns, before.st_mtime_ns))  # same modification time
    reads: list = []
    _new_process(monkeypatch, reads)
    assert audit.file_fingerprint(data) == hashlib.sha256(b"B" * 4096).hexdigest()
    assert len(reads) == 1


def test_a_damaged_or_unwritable_memory_costs_only_time(memory, tmp_path, monkeypatch):
    data = tmp_path / "dltb.gpkg"
    data.write_bytes(b"C" * 100)
    memory.parent.mkdir(parents=True)
    memory.write_text("{not json", encoding="utf-8")
    expected = hashlib.sha256(b"C" * 100).hexdigest()
    assert audit.file_fingerprint(data) == expected
    blocked = tmp_path / "file_not_folder"
    blocked.write_text("x")
    monkeypatch.setenv("SGNR_FINGERPRINT_MEMORY", str(blocked / "fingerprints.json"))
    monkeypatch.setattr(audit, "_FINGERPRINTS", {})
    assert audit.file_fingerprint(data) == expected
    assert not [p for p in tmp_path.rglob(".fingerprints*")]  # no temporary file left


def test_the_memory_keeps_the_most_recent_entries(memory, tmp_path, monkeypatch):
    monkeypatch.setattr(audit, "MEMORY_ENTRIES", 3)
    files = []
    for i in range(5):
        files.append(tmp_path / f"f{i}.gpkg")
        files[-1].write_bytes(bytes([i]) * 10)
        audit.file_fingerprint(files[-1])
    kept = json.loads(memory.read_text("utf-8"))
    assert len(kept) == 3
    assert all(str(files[i].resolve()) in " ".join(kept) for i in (2, 3, 4))


def test_fingerprints_are_taken_alongside_the_run_and_still_printed(
        qgis_processing, provider_registered, memory, tmp_path, monkeypatch):
    """The hashing runs in a thread of its own while the algorithm computes; the workbook,
    written inside the run, waits for it and prints the file's sha256."""
    import shutil
    import threading
    import time

    from sg_nr_plugin.processing import audit_run
    from tests.conftest import TINY_GPKG
    from tests.reliability.test_audit_trail import landuse

    threads = []
    real = audit_run.fingerprint_inputs

    def slow(trail):
        threads.append(threading.current_thread().name)
        time.sleep(0.5)  # longer than nothing: the workbook writer must wait for it
        real(trail)

    monkeypatch.setattr(audit_run, "fingerprint_inputs", slow)
    data = shutil.copy(TINY_GPKG, tmp_path / "a.gpkg")
    (tmp_path / "out").mkdir()
    rows = landuse(data, tmp_path / "out")
    assert threads == ["sgnr-fingerprints"]
    label = tr("Input {name}: fingerprint").format(name="INPUT")
    assert rows[label].startswith(hashlib.sha256(Path(data).read_bytes()).hexdigest())


def test_a_failing_fingerprint_fails_the_run_with_its_message(
        qgis_processing, provider_registered, memory, tmp_path, monkeypatch):
    import shutil

    from qgis.core import QgsProcessingException

    from sg_nr_plugin.core.errors import SgNrError
    from sg_nr_plugin.processing import audit_run
    from tests.conftest import TINY_GPKG
    from tests.reliability.test_audit_trail import landuse

    def refused(trail):
        raise SgNrError("the input could not be fingerprinted")

    monkeypatch.setattr(audit_run, "fingerprint_inputs", refused)
    data = shutil.copy(TINY_GPKG, tmp_path / "a.gpkg")
    (tmp_path / "out").mkdir()
    with pytest.raises(QgsProcessingException, match="could not be fingerprinted"):
        landuse(data, tmp_path / "out")
    assert not (tmp_path / "out" / "landuse.xlsx").exists()
