"""Fixtures of the coordinate-file tests."""

from __future__ import annotations

import pytest


@pytest.fixture
def processing_ready(qgis_processing, provider_registered):
    """QGIS Processing initialised (``import processing`` works) with the sgnr provider."""
    return provider_registered
