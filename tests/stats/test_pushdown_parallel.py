"""A GeoPackage push-down cut into fid ranges run side by side gives what streaming gives.

The bench table has a million rows; here the threshold is lowered so that an 11-row table is
cut into ranges, and a spy on the queries proves the cut really happened.
"""

from __future__ import annotations

from functools import partial

import pytest

from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats import sql
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.landuse import landuse_summary
from tests.stats.helpers import X0, Y0, memory_layer, square_wkt, write_gpkg
from tests.stats.test_landuse import assert_same
from tests.stats.test_pushdown import LEVELS, awkward_layer

# The hand-made fixtures hold stray codes (9999, empty) on purpose, above the 0.5 % of the
# area at which a statistic refuses them: these tests are about other things.
landuse_summary = partial(landuse_summary, allow_unrecognised=True)


@pytest.fixture
def queries(monkeypatch) -> list[str]:
    """Every SQL sent to a GeoPackage, with ranges allowed from one row and four threads."""
    seen: list[str] = []
    real = sql._gpkg_query

    def spy(path: str, text: str):
        seen.append(text)
        return real(path, text)

    monkeypatch.setattr(sql, "_gpkg_query", spy)
    monkeypatch.setattr(sql, "PARTITION_MIN_ROWS", 1)
    monkeypatch.setattr(sql, "THREADS", 4)
    return seen


def ranged(queries: list[str]) -> list[str]:
    return [q for q in queries if "BETWEEN" in q]


@pytest.mark.parametrize("level", LEVELS)
def test_ranges_run_side_by_side_equal_streaming(qgis_app, tmp_path, queries, level):
    layer = write_gpkg(awkward_layer(), tmp_path / "awkward.gpkg")
    pushed = landuse_summary(layer, RegionSpec(level=level))
    assert pushed.attrs["pushed_down"]
    assert len(ranged(queries)) == 4  # 11 rows in 4 ranges of 3
    streamed = landuse_summary(layer, RegionSpec(level=level), allow_sql=False)
    assert_same(pushed, streamed)
    assert pushed.attrs["control_m2"] == pytest.approx(streamed.attrs["control_m2"])
    assert pushed.attrs["meta"].notes == streamed.attrs["meta"].notes  # duplicates named


def test_ranges_respect_the_layer_filter(qgis_app, tmp_path, queries):
    layer = write_gpkg(awkward_layer(), tmp_path / "awkward.gpkg")
    layer.setSubsetString("\"DLBM\" <> '0301'")
    spec = RegionSpec(level=RegionLevel.TOWNSHIP)
    pushed = landuse_summary(layer, spec)
    assert pushed.attrs["pushed_down"] and ranged(queries)
    assert "0301" not in set(pushed.dlbm)
    assert_same(pushed, landuse_summary(layer, spec, allow_sql=False))


def test_clean_identifiers_need_no_grouping_query(qgis_app, tmp_path, queries):
    layer = memory_layer("DLTB", "ZLDWDM:string&field=BSM:string&field=DLBM:string"
                         "&field=TBMJ:double", [
                             (square_wkt(X0 + 20 * i, Y0, 10), [f"4402030010{i:02d}000",
                                                                 f"B{i}", "0101", 100.0])
                             for i in range(6)])
    gpkg = write_gpkg(layer, tmp_path / "clean.gpkg")
    pushed = landuse_summary(gpkg, RegionSpec(level=RegionLevel.COUNTY))
    assert pushed.attrs["meta"].notes == []
    assert pushed.area_m2.sum() == pytest.approx(600.0)
    assert not [q for q in queries if "HAVING" in q]  # the distinct count found no repeat


def test_ranges_hold_at_least_the_minimum_rows(qgis_app, tmp_path, queries, monkeypatch):
    monkeypatch.setattr(sql, "PARTITION_MIN_ROWS", 4)
    monkeypatch.setattr(sql, "THREADS", 8)
    layer = write_gpkg(awkward_layer(), tmp_path / "awkward.gpkg")
    spec = RegionSpec(level=RegionLevel.COUNTY)
    pushed = landuse_summary(layer, spec)
    assert len(ranged(queries)) == 2  # 11 rows: two ranges of 4 or more, not eight
    assert_same(pushed, landuse_summary(layer, spec, allow_sql=False))


def test_small_tables_are_not_cut(qgis_app, tmp_path, queries, monkeypatch):
    monkeypatch.setattr(sql, "PARTITION_MIN_ROWS", 100_000)
    layer = write_gpkg(awkward_layer(), tmp_path / "awkward.gpkg")
    assert landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY)).attrs["pushed_down"]
    assert queries and not ranged(queries)


def test_missing_pandas_fails_before_the_database_is_asked(qgis_app, tmp_path, queries,
                                                           monkeypatch):
    import sys

    from sg_nr_plugin.core.errors import SgNrError
    from sg_nr_plugin.core.stats.indicators import IndicatorInputs, plan_indicators

    layer = write_gpkg(awkward_layer(), tmp_path / "awkward.gpkg")
    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(SgNrError, match="pandas"):
        plan_indicators(IndicatorInputs(layer), RegionSpec(level=RegionLevel.COUNTY))
    assert queries == []
