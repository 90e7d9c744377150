"""Shared fixtures: the real plugin loaded through ``classFactory`` on pytest-qgis's iface."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Input fingerprints remembered across processes go to a file of this session, not the
# user's QGIS profile (core/reports/audit.py); qgis_process children inherit it.
os.environ.setdefault("SGNR_FINGERPRINT_MEMORY", os.path.join(
    __import__("tempfile").gettempdir(), f"sgnr_fingerprints_{os.getpid()}.json"))

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
# The committed test fixture (python -m sgnr_sample --scale tiny).
TINY = ROOT / "data" / "tiny"
TINY_GPKG = TINY / "shaoguan_tiny.gpkg"


def qgis_process_command() -> list[str]:
    """Debian 12's ``qgis_process`` wrapper passes a flag 3.22 rejects: prefer the binary."""
    binary = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"
    if Path(binary).exists():
        return [binary]
    return [shutil.which("qgis_process") or "qgis_process"]


@pytest.fixture
def plugin(qgis_iface):
    """The plugin as QGIS desktop creates it, with ``initGui()`` done; unloaded afterwards."""
    from sg_nr_plugin import classFactory

    instance = classFactory(qgis_iface)
    instance.initGui()
    yield instance
    instance.unload()


@pytest.fixture
def project(qgis_app):
    """QGIS's project, emptied before and after the test (the panels read and write it)."""
    from qgis.core import QgsProject

    instance = QgsProject.instance()
    instance.clear()
    yield instance
    instance.clear()


@pytest.fixture
def provider_registered(qgis_app):
    """The ``sgnr`` provider registered for one test (as ``initProcessing`` does), then removed.

    Function scope keeps tests independent: the plugin lifecycle tests need a registry without
    it, the algorithm tests with it.
    """
    from qgis.core import QgsApplication

    from sg_nr_plugin.processing.provider import SgNrProvider

    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("sgnr")
    if existing is not None:
        yield existing
        return
    provider = SgNrProvider()
    registry.addProvider(provider)
    yield provider
    registry.removeProvider("sgnr")


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


def _postgis_settings() -> dict[str, str] | None:
    """Connection settings written by tools/postgis.sh (``make postgis``), or None."""
    env_file = ROOT / ".cache" / "postgis.env"
    if not env_file.exists():
        return None
    pairs = (line.split("=", 1) for line in env_file.read_text().splitlines() if "=" in line)
    return {key: value for key, value in pairs}


@pytest.fixture(scope="session")
def postgis():
    """The test PostGIS database; skipped LOUDLY when ``make postgis`` has not run."""
    settings = _postgis_settings()
    if settings is None:
        import warnings

        message = ("POSTGIS TESTS SKIPPED: no PostGIS server (run 'make postgis'; "
                   "make test does this unless PostgreSQL cannot be installed)")
        warnings.warn(message, stacklevel=1)
        pytest.skip(message)
    return settings


def postgis_conninfo(settings: dict[str, str]) -> str:
    """QGIS / OGR connection string for the test database (no table part)."""
    return (f"host={settings['SGNR_PG_HOST']} port={settings['SGNR_PG_PORT']} "
            f"dbname={settings['SGNR_PG_DB']} user={settings['SGNR_PG_USER']} "
            f"password={settings['SGNR_PG_PASSWORD']}")


def postgis_sql(settings: dict[str, str], sql: str) -> None:
    """Run SQL in the test database as the test role (psql over loopback)."""
    import subprocess

    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", postgis_conninfo(settings), "-c", sql],
                   check=True, capture_output=True)


# ---- no run changes an input file (tests/input_guard.py) -----------------------------------
@pytest.fixture(scope="session", autouse=True)
def inputs_untouched_by_any_run(qgis_app):
    """Every ``processing.run`` of the session is wrapped by the input guard."""
    import processing

    from tests.input_guard import CHECKED, guarded

    original = processing.run
    processing.run = guarded(original)
    yield CHECKED
    processing.run = original


def pytest_terminal_summary(terminalreporter):
    from tests.input_guard import CHECKED

    if CHECKED["runs"]:
        terminalreporter.write_line(
            f"input guard: {CHECKED['runs']} processing.run call(s), {CHECKED['files']} input "
            f"file(s) hashed before and after, {CHECKED['changed']} changed")


# ---- the committed fixture is an input too: no test may change a byte of it -----------------
def _fixture_digests() -> dict[str, str]:
    import hashlib

    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(TINY.glob("*")) if p.is_file()}


_FIXTURE_BEFORE = _fixture_digests()


def pytest_sessionfinish(session, exitstatus):
    changed = [name for name, digest in _fixture_digests().items()
               if _FIXTURE_BEFORE.get(name) != digest]
    if changed:
        session.config.get_terminal_writer().line(
            f"ERROR: tests modified the committed fixture data/tiny: {changed} "
            "(open copies, never the fixture, in anything that can write)", red=True)
        session.exitstatus = 1


# ---- QGIS objects are freed before QGIS exits, not after ------------------------------------
@pytest.hookimpl(tryfirst=True)
def pytest_runtest_teardown(item, nextitem):
    """Before the last test's teardown (where pytest-qgis calls exitQgis), drop the last
    failure's traceback, which pytest keeps in ``sys.last_traceback``, and collect the garbage.

    The frames of failed tests hold layers and sources; left to Python's own timing, the
    collector freed them during pytest's final report, after exitQgis, and the run ended in a
    segmentation fault that hid the summary (seen whenever several tests failed)."""
    if nextitem is None:
        import gc
        import sys

        from sg_nr_plugin.core.reading import stop_listening

        stop_listening()
        sys.last_type = sys.last_value = sys.last_traceback = None
        gc.collect()
        _delete_leaked_layers()


def _delete_leaked_layers() -> None:
    """Delete the layers Python still owns before QGIS exits.

    A run refused for an incomplete read (tests/reliability/test_reads.py) leaves its
    QgsProcessingException referenced from C (sip / GDAL's handler; not found yet), so its
    traceback keeps the test's frames and their layers alive; destroyed by Python after
    exitQgis, such a layer crashed the interpreter's exit (exit code 139 after a green
    summary)."""
    import gc

    from qgis.core import QgsMapLayer
    from qgis.PyQt import sip

    for layer in [o for o in gc.get_objects() if isinstance(o, QgsMapLayer)]:
        if not sip.isdeleted(layer) and sip.ispyowned(layer):
            sip.delete(layer)
