"""Shared fixtures: the real plugin loaded through ``classFactory`` on pytest-qgis's iface."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"


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


@pytest.fixture(scope="session")
def provider_registered(qgis_app):
    """Register the ``sgnr`` provider once for algorithm tests (as ``initProcessing`` does)."""
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
    registry.removeProvider(provider)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
