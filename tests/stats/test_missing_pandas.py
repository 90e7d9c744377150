"""Without pandas every statistics function says so before it reads a feature.

On a QGIS without pandas a technician must not wait for a million parcels to be read only to
be told at the end; and the message is a clear one, never an ImportError. The control run
(pandas present) proves that the watch does see the reading.
"""

from __future__ import annotations

import sys
from functools import partial

import pytest
from qgis.core import QgsProcessingFeedback, QgsVectorLayer

from sg_nr_plugin.core.errors import SgNrError
from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.changematrix import ClassLevel, change_matrix
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.indicators import IndicatorInputs, plan_indicators
from sg_nr_plugin.core.stats.landuse import landuse_summary
from sg_nr_plugin.core.stats.minestats import mine_stats
from sg_nr_plugin.core.stats.overlaystats import overlay_stats
from tests.conftest import TINY_GPKG
from tests.stats.helpers import dltb_layer
from tests.stats.test_changematrix import vintages

# The hand-made fixtures hold stray codes (9999, empty) on purpose, above the 0.5 % of the
# area at which a statistic refuses them: these tests are about other things.
landuse_summary = partial(landuse_summary, allow_unrecognised=True)
IndicatorInputs = partial(IndicatorInputs, allow_unrecognised=True)

COUNTY = RegionSpec(level=RegionLevel.COUNTY)


class Watch(QgsProcessingFeedback):
    """Counts the progress and cancel polls the feature loops make."""

    def __init__(self) -> None:
        super().__init__()
        self.polls = 0

    def isCanceled(self) -> bool:  # noqa: N802 - QGIS API name
        self.polls += 1
        return super().isCanceled()

    def setProgress(self, progress: float) -> None:  # noqa: N802 - QGIS API name
        self.polls += 1
        super().setProgress(progress)


def _tiny(name: str) -> QgsVectorLayer:
    return QgsVectorLayer(f"{TINY_GPKG}|layername={name}", name, "ogr")


CALLS = {
    "landuse_summary": lambda fb: landuse_summary(dltb_layer(), COUNTY, feedback=fb,
                                                  allow_sql=False),
    "plan_indicators": lambda fb: plan_indicators(IndicatorInputs(dltb_layer(),
                                                                  allow_sql=False),
                                                  COUNTY, feedback=fb),
    "overlay_stats": lambda fb: overlay_stats(dltb_layer(), dltb_layer("overlay"), COUNTY,
                                              feedback=fb),
    "change_matrix": lambda fb: change_matrix(*vintages(), COUNTY, ClassLevel.SECOND,
                                              feedback=fb),
    "mine_stats": lambda fb: mine_stats(_tiny("LSYLKS"), COUNTY, _tiny("XM_KSXF"),
                                        feedback=fb),
}


@pytest.mark.parametrize("name", sorted(CALLS))
def test_missing_pandas_is_said_before_any_feature_is_read(qgis_app, monkeypatch, name):
    control = Watch()
    CALLS[name](control)
    assert control.polls > 0  # with pandas, the watch sees the features being read

    watch = Watch()
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(SgNrError, match="pandas"):
        CALLS[name](watch)
    assert watch.polls == 0
