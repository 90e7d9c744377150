"""A failure to write names the real cause and the final path, never a temporary name (issue
#16 case 4): permission denied, file name too long, disk full, file open in another program.
Before, every OSError was reported as "the file is open in another program".

The conditions are real where this machine can make them: a read-only folder and file (the
test runs as root, which ignores permissions: helpers.without_root_file_powers drops that power
for the thread), a 300-byte file name, a full 256 KiB tmpfs (mounted when the test may mount;
otherwise the workbook case is simulated by making the save raise ENOSPC, and the GeoPackage
case, which needs the real condition, is skipped saying why)."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProcessingFeedback

from tests.conftest import TINY_GPKG
from tests.reliability.helpers import files_under, without_root_file_powers

LOCKED = "open in another program"


@pytest.fixture
def ready(qgis_processing, provider_registered):
    return True


def _overlay(**outputs) -> dict:
    return {"INPUT": f"{TINY_GPKG}|layername=DLTB", "OVERLAY": f"{TINY_GPKG}|layername=STBHHX",
            "REGION_LEVEL": 0, "OUTPUT": "TEMPORARY_OUTPUT", **outputs}


def _failure(parameters: dict) -> str:
    import processing

    with pytest.raises(QgsProcessingException) as raised:
        processing.run("sgnr:overlaystats", parameters, feedback=QgsProcessingFeedback())
    message = str(raised.value)
    assert "sgnr_partial_" not in message and ".part" not in message, message
    assert "Traceback" not in message
    return message


@pytest.mark.parametrize("output", ["OUTPUT", "OUTPUT_XLSX"])
def test_read_only_folder_is_permission_denied(ready, tmp_path, output):
    folder = tmp_path / "read_only"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR | stat.S_IRGRP | stat.S_IXGRP)
    target = folder / ("table.gpkg" if output == "OUTPUT" else "report.xlsx")
    try:
        with without_root_file_powers():
            message = _failure(_overlay(**{output: str(target)}))
    finally:
        folder.chmod(0o755)
    assert f"Cannot write “{target}”: permission denied" in message, message
    assert LOCKED not in message
    assert files_under(folder) == []


def test_read_only_workbook_is_permission_denied_and_kept(ready, tmp_path):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"last week's report")
    target.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        with without_root_file_powers():
            message = _failure(_overlay(OUTPUT_XLSX=str(target)))
    finally:
        target.chmod(0o644)
    assert f"Cannot write “{target}”: permission denied" in message, message
    assert target.read_bytes() == b"last week's report"
    assert files_under(tmp_path) == ["report.xlsx"]


@pytest.mark.parametrize("output, suffix", [("OUTPUT_XLSX", ".xlsx"), ("OUTPUT", ".gpkg")])
def test_file_name_too_long_says_so(ready, tmp_path, output, suffix):
    target = tmp_path / ("统计" * 50 + suffix)  # 300 bytes of UTF-8 before the suffix
    message = _failure(_overlay(**{output: str(target)}))
    assert "file name is too long" in message and "bytes" in message, message
    assert LOCKED not in message
    assert files_under(tmp_path) == []


@pytest.fixture
def full_disk(tmp_path):
    """A folder on a full 256 KiB tmpfs, or None when this process may not mount one."""
    folder = tmp_path / "full"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
                             capture_output=True).returncode == 0
    if not mounted:
        yield None
        return
    try:
        handle = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while True:
                os.write(handle, b"\0" * 4096)
        except OSError as error:
            assert error.errno == errno.ENOSPC
        finally:
            os.close(handle)
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_full_disk_workbook_says_the_disk_is_full(ready, full_disk, tmp_path, monkeypatch):
    folder = full_disk
    if folder is None:  # no mount here: the same OSError, raised by the save itself
        import openpyxl

        def full(*_arguments, **_options):
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "x.part")

        monkeypatch.setattr(openpyxl.Workbook, "save", full)
        folder = tmp_path
    target = folder / "out" / "report.xlsx"
    message = _failure(_overlay(OUTPUT_XLSX=str(target)))
    assert f"Cannot write “{target}”: the disk is full" in message, message
    assert LOCKED not in message
    assert files_under(folder / "out") == []


def test_full_disk_geopackage_says_the_disk_is_full(ready, full_disk):
    if full_disk is None:
        pytest.skip("cannot mount a tmpfs here (not root?): a full disk needs the real thing")
    target = full_disk / "out" / "table.gpkg"
    message = _failure(_overlay(OUTPUT=str(target)))
    assert message.startswith(f"Cannot write “{target}”: the disk is full"), message[:300]
    assert files_under(full_disk / "out") == []


@pytest.mark.parametrize("code, expected", [
    (errno.ENOSPC, "the disk is full"), (errno.ENAMETOOLONG, "file name is too long"),
    (errno.EACCES, "permission denied"), (errno.EROFS, "read-only"),
    (errno.ENOTDIR, "not a folder"), (errno.EIO, os.strerror(errno.EIO))])
def test_each_cause_has_its_own_words(code, expected):
    from sg_nr_plugin.core.files import write_error

    message = str(write_error(Path("/final/report.xlsx"),
                              OSError(code, os.strerror(code), "/final/.sgnr.x.xlsx.part")))
    assert message.startswith("Cannot write “/final/report.xlsx”: ") and expected in message
    assert ".part" not in message and LOCKED not in message


def test_windows_sharing_violation_is_open_in_another_program():
    from sg_nr_plugin.core.files import write_error

    error = OSError(errno.EACCES, "The process cannot access the file")
    error.winerror = 32  # what Windows reports for a workbook Excel holds open
    assert LOCKED in str(write_error(Path("C:/out/report.xlsx"), error))
