"""Labels of the shipped sample project's project layers (issue #18: they overlapped): one
label per project, not one per parcel, and none on a city-wide map."""

from __future__ import annotations

import pytest
from qgis.core import QgsMapRendererSequentialJob, QgsMapSettings, QgsRectangle
from qgis.PyQt.QtCore import QSize

from sg_nr_plugin.paths import resource_path
from tests.checks.helpers import layer, rect_wkt


def _labels(parcels, width_m: float) -> list[str]:
    settings = QgsMapSettings()
    settings.setLayers([parcels])
    settings.setDestinationCrs(parcels.crs())
    settings.setOutputSize(QSize(400, 400))
    centre = parcels.extent().center()
    settings.setExtent(QgsRectangle(centre.x() - width_m / 2, centre.y() - width_m / 2,
                                    centre.x() + width_m / 2, centre.y() + width_m / 2))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    results = job.takeLabelingResults()
    return [p.labelText for p in results.labelsWithinRect(settings.visibleExtent())]


@pytest.mark.parametrize("style", ["XM_BCGD.qml", "XM_KZST.qml", "XM_KSXF.qml"])
def test_one_label_per_project_and_none_at_city_scale(qgis_app, style):
    parcels = layer("projects", [(rect_wkt(-300, -300, -100, -100), {"XMBH": "P-1"}),
                                 (rect_wkt(100, 100, 300, 300), {"XMBH": "P-1"}),
                                 (rect_wkt(100, -300, 300, -100), {"XMBH": "P-2"})],
                    {"XMBH": str})
    message, ok = parcels.loadNamedStyle(str(resource_path("styles", style)))
    assert ok, message
    assert sorted(_labels(parcels, 2000)) == ["P-1", "P-2"]  # 1:~19,000
    assert _labels(parcels, 80000) == []  # 1:~750,000, the whole city
