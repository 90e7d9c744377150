"""Each statistics algorithm has a complete English help and a Chinese one (zh_CN .qm)."""

from __future__ import annotations

import re

import pytest

from sg_nr_plugin.i18n import install_translator, remove_translator
from sg_nr_plugin.processing.algorithms.changematrix import ChangeMatrix
from sg_nr_plugin.processing.algorithms.landusesummary import LandUseSummary
from sg_nr_plugin.processing.algorithms.overlaystats import OverlayStats
from sg_nr_plugin.processing.algorithms.planindicators import PlanIndicators

ALGORITHMS = [LandUseSummary, OverlayStats, ChangeMatrix, PlanIndicators]
HAN = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("algorithm_class", ALGORITHMS)
def test_help_in_english_and_chinese(qgis_app, algorithm_class):
    english = algorithm_class().shortHelpString()
    assert len(english) > 400 and "Output" in english
    assert install_translator("zh_CN")
    try:
        algorithm = algorithm_class()
        chinese = algorithm.shortHelpString()
        name = algorithm.displayName()
    finally:
        remove_translator()
    assert chinese != english
    assert len(HAN.findall(chinese)) > 150, chinese  # a full Chinese text, not a stub
    assert HAN.search(name)
