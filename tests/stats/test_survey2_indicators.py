"""Plan indicators of a 二调 DLTB go through the crosswalk (湿地保有量 was 0 before)."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.indicators import IndicatorInputs, plan_indicators
from tests.stats.survey2_helpers import (
    CONSTRUCTION_M2,
    CONTROL,
    CULTIVATED_M2,
    WETLAND_M2,
    second_layer,
)

WAN_MU_M2 = 1e8 / 15


def whole(frame):
    return {row.indicator_id: row for row in frame[frame.region_code == ""].itertuples()}


@pytest.mark.parametrize("numeric", [False, True])
def test_second_survey_indicators_through_the_crosswalk(qgis_app, numeric):
    frame = plan_indicators(IndicatorInputs(second_layer(numeric=numeric)),
                            RegionSpec(RegionLevel.WHOLE))
    got = whole(frame)
    assert got["wetland"].value == pytest.approx(WETLAND_M2 / 1e6)  # 116 + 125, not 0
    assert got["cultivated_land"].value == pytest.approx(CULTIVATED_M2 / WAN_MU_M2)
    assert got["construction_total"].value == pytest.approx(CONSTRUCTION_M2 / 1e6)
    assert got["forest_coverage"].value == pytest.approx(1950.0 / CONTROL * 100)  # 031 only
    notes = frame.attrs["meta"].notes
    assert any("二调" in n and "crosswalk" in n for n in notes)
    approximate = [n for n in notes if "approximate" in n]
    assert any(n.startswith("湿地保有量") and "031" in n for n in approximate)
    assert any(n.startswith("森林覆盖率") and "125" in n for n in approximate)
    assert not any(n.startswith("耕地保有量") for n in approximate)
