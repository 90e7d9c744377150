"""overlaystats reads a small overlay whole and a big one by tiles (issue #19): both give the
same table, to 1e-9, on the tiny sample (its red line comes as overlapping tiles), also with
the overlay in another CRS than the input."""

from __future__ import annotations

import pytest
from osgeo import gdal
from qgis.core import QgsVectorLayer

from sg_nr_plugin.core import strategy
from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.overlaystats import overlay_stats
from tests.conftest import TINY_GPKG as GPKG

pytestmark = pytest.mark.skipif(not GPKG.exists(), reason="data/tiny not generated")


def _copy(tmp_path, name: str, srs: str | None = None) -> QgsVectorLayer:
    """An indexed GeoPackage copy of a tiny layer (optionally reprojected)."""
    target = str(tmp_path / f"{name}_{(srs or 'same').replace(':', '')}.gpkg")
    gdal.VectorTranslate(target, str(GPKG), layers=[name], format="GPKG", dstSRS=srs)
    layer = QgsVectorLayer(f"{target}|layername={name}", name, "ogr")
    assert layer.isValid() and strategy.has_spatial_index(layer)
    return layer


@pytest.mark.parametrize("overlay_name", ["STBHHX", "YJJBNT"])
@pytest.mark.parametrize("srs", [None, "EPSG:4490"], ids=["same-crs", "overlay-4490"])
@pytest.mark.parametrize("mode", [0, 1], ids=["gross", "net"])
def test_both_strategies_give_one_table(qgis_app, tmp_path, overlay_name, srs, mode):
    dltb = QgsVectorLayer(f"{GPKG}|layername=DLTB", "DLTB", "ogr")
    overlay = _copy(tmp_path, overlay_name, srs)
    spec = RegionSpec(level=RegionLevel.VILLAGE)
    frames = {how: overlay_stats(dltb, overlay, spec, area_mode=mode, strategy=how)
              for how in (strategy.MEMORY, strategy.WINDOWED)}
    whole, tiles = frames[strategy.MEMORY], frames[strategy.WINDOWED]
    assert list(whole.region_code) == list(tiles.region_code)
    assert whole.area_inside.sum() > 0
    for column in ("area_input", "area_inside"):
        for a, b in zip(whole[column], tiles[column]):
            assert b == pytest.approx(a, rel=1e-9, abs=1e-9), column
    assert list(whole.parcels) == list(tiles.parcels)


def test_the_size_threshold_chooses_the_strategy(qgis_app, tmp_path, monkeypatch):
    """Above STATS_MEMORY_MAX_FEATURES (with a spatial index) the overlay is read by tiles,
    and the table stays the same."""
    from sg_nr_plugin.core.windowed import WindowedOverlay

    dltb = QgsVectorLayer(f"{GPKG}|layername=DLTB", "DLTB", "ogr")
    overlay = _copy(tmp_path, "YJJBNT")
    made = []
    original = WindowedOverlay.__init__

    def spy(self, *args, **kwargs):
        made.append(self)
        original(self, *args, **kwargs)

    monkeypatch.setattr(WindowedOverlay, "__init__", spy)
    small = overlay_stats(dltb, overlay, RegionSpec(level=RegionLevel.COUNTY))
    assert not made  # 121 features: read whole
    monkeypatch.setattr(strategy, "STATS_MEMORY_MAX_FEATURES", 100)
    big = overlay_stats(dltb, overlay, RegionSpec(level=RegionLevel.COUNTY))
    assert len(made) == 1 and made[0].tiles_read > 0
    assert big.area_inside.sum() == pytest.approx(small.area_inside.sum(), rel=1e-9)
