"""Land-use summary against the hand-worked table of tests/stats/helpers.py."""

from __future__ import annotations

from functools import partial

import pytest

from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.landuse import landuse_summary
from tests.stats.helpers import (
    CONTROL_BY_COUNTY,
    EXPECTED_BY_COUNTY,
    dltb_layer,
    regions_layer,
    write_gpkg,
)

# The hand-made fixtures hold stray codes (9999, empty) on purpose, above the 0.5 % of the
# area at which a statistic refuses them: these tests are about other things.
landuse_summary = partial(landuse_summary, allow_unrecognised=True)


def by_region(frame) -> dict[str, dict[str, float]]:
    result: dict[str, dict[str, float]] = {}
    for row in frame.itertuples():
        result.setdefault(row.region_code, {})[row.dlbm] = row.area_m2
    return result


def test_county_summary_matches_hand_worked_table(qgis_app):
    frame = landuse_summary(dltb_layer(), RegionSpec(level=RegionLevel.COUNTY))
    got = by_region(frame)
    assert set(got) == set(EXPECTED_BY_COUNTY)
    for county, classes in EXPECTED_BY_COUNTY.items():
        assert got[county] == pytest.approx(classes, abs=1e-9)
    unrec = frame[frame.dlbm == "UNRECOGNISED"]
    assert list(unrec["count"]) == [1, 1]  # counted, never dropped
    assert not frame.attrs["pushed_down"]  # a memory layer is streamed


def test_summary_closes_on_control_area(qgis_app):
    frame = landuse_summary(dltb_layer(), RegionSpec(level=RegionLevel.COUNTY))
    sums = frame.groupby("region_code").area_m2.sum().to_dict()
    for county, control in CONTROL_BY_COUNTY.items():
        assert sums[county] == pytest.approx(control, abs=0.01)
    assert frame.attrs["control_m2"] == pytest.approx(CONTROL_BY_COUNTY)


def test_whole_area_and_split_k(qgis_app):
    frame = landuse_summary(dltb_layer(), RegionSpec(level=RegionLevel.WHOLE), split_k=True)
    got = by_region(frame)
    assert list(got) == [""]
    assert got[""]["0201K"] == pytest.approx(300.0)
    assert got[""]["0201"] == pytest.approx(100.0)
    assert sum(got[""].values()) == pytest.approx(sum(CONTROL_BY_COUNTY.values()))


def test_spatial_regions_override_the_level(qgis_app):
    spec = RegionSpec(level=RegionLevel.VILLAGE, layer=regions_layer(), field="name",
                      layer_name="regions")
    got = by_region(landuse_summary(dltb_layer(), spec))
    assert got["West"] == pytest.approx(EXPECTED_BY_COUNTY["440203"])
    assert got["East"] == pytest.approx(EXPECTED_BY_COUNTY["440204"])


@pytest.mark.parametrize("level", [RegionLevel.WHOLE, RegionLevel.COUNTY, RegionLevel.VILLAGE])
def test_gpkg_pushdown_equals_streaming(qgis_app, tmp_path, level):
    layer = write_gpkg(dltb_layer(), tmp_path / "dltb.gpkg")
    pushed = landuse_summary(layer, RegionSpec(level=level))
    streamed = landuse_summary(layer, RegionSpec(level=level), allow_sql=False)
    assert pushed.attrs["pushed_down"] and not streamed.attrs["pushed_down"]
    assert_same(pushed, streamed)


def test_gpkg_pushdown_respects_subset_string(qgis_app, tmp_path):
    layer = write_gpkg(dltb_layer(), tmp_path / "dltb.gpkg")
    assert layer.setSubsetString("\"DLBM\" LIKE '01%'")
    pushed = landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY))
    assert pushed.attrs["pushed_down"]
    assert_same(pushed, landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY),
                                        allow_sql=False))
    assert set(pushed.dlbm) == {"0101", "0103", "1203"}


def assert_same(left, right) -> None:
    columns = ["region_code", "region_name", "dlbm", "dlmc", "count"]
    assert left[columns].values.tolist() == right[columns].values.tolist()
    assert left.area_m2.tolist() == pytest.approx(right.area_m2.tolist(), abs=1e-6)


def test_parcels_outside_the_region_layer_are_reported(qgis_app):
    from tests.stats.helpers import X0, Y0, memory_layer, rect_wkt

    west_only = memory_layer("regions", "name:string", [
        (rect_wkt(X0 - 50, Y0 - 50, X0 + 95, Y0 + 50), ["West"])])
    spec = RegionSpec(level=RegionLevel.COUNTY, layer=west_only, field="name",
                      layer_name="regions")
    frame = landuse_summary(dltb_layer(), spec)
    got = by_region(frame)
    assert got["West"] == pytest.approx(EXPECTED_BY_COUNTY["440203"])
    assert got["OUTSIDE"] == pytest.approx(EXPECTED_BY_COUNTY["440204"])
    assert set(frame[frame.region_code == "OUTSIDE"].region_name) == {
        "(outside the region layer)"}


def test_expression_filter_on_a_field_the_summary_does_not_read(qgis_app):
    # DLMC is not among the summary's fields: the filter must still see it.
    layer = dltb_layer()
    layer.dataProvider().changeAttributeValues({1: {2: "水田"}})
    frame = landuse_summary(layer, RegionSpec(level=RegionLevel.WHOLE),
                            expression="\"DLMC\" = '水田'")
    assert by_region(frame) == {"": pytest.approx({"0101": 900.0, "1203": 100.0})}


def test_village_names_from_zldwmc_streamed_and_pushed_down(qgis_app, tmp_path):
    from tests.stats.helpers import VILLAGE_A, VILLAGE_B, X0, Y0, memory_layer, square_wkt

    fields = "ZLDWDM:string&field=ZLDWMC:string&field=DLBM:string&field=TBMJ:double"
    layer = memory_layer("DLTB", fields, [
        (square_wkt(X0, Y0, 10), [VILLAGE_A, "长坝村", "0101", 10.0]),
        (square_wkt(X0 + 20, Y0, 10), [VILLAGE_B, "新村", "0301", 20.0])])
    gpkg = write_gpkg(layer, tmp_path / "names.gpkg")
    for allow_sql in (True, False):
        frame = landuse_summary(gpkg, RegionSpec(level=RegionLevel.VILLAGE), allow_sql=allow_sql)
        assert frame.attrs["pushed_down"] == allow_sql
        names = dict(zip(frame.region_code, frame.region_name))
        assert names == {VILLAGE_A[:12]: "长坝村", VILLAGE_B[:12]: "新村"}
    county = landuse_summary(gpkg, RegionSpec(level=RegionLevel.COUNTY))
    assert set(county.region_name) == {"武江区", "浈江区"}  # not a village's name


def test_missing_pandas_is_a_clear_error(qgis_app, monkeypatch):
    import sys

    from sg_nr_plugin.core.errors import SgNrError

    monkeypatch.setitem(sys.modules, "pandas", None)  # import pandas now raises ImportError
    with pytest.raises(SgNrError, match="pandas"):
        landuse_summary(dltb_layer(), RegionSpec(level=RegionLevel.COUNTY))


def test_plugin_modules_do_not_import_pandas_or_openpyxl_at_load():
    import subprocess
    import sys

    modules = ", ".join(f"sg_nr_plugin.processing.algorithms.{name}" for name in (
        "landusesummary", "overlaystats", "changematrix", "planindicators"))
    code = (f"import sys; import {modules};"
            "print(sorted(m for m in ('pandas', 'openpyxl') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin"},
                            cwd=str(__import__("tests.conftest").conftest.ROOT), timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_unsaved_edits_are_counted(qgis_app, tmp_path):
    layer = write_gpkg(dltb_layer(), tmp_path / "dltb.gpkg")
    assert layer.startEditing()
    first = next(layer.getFeatures())
    assert layer.changeAttributeValue(first.id(), layer.fields().indexOf("DLBM"), "0103")
    frame = landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY))
    assert not frame.attrs["pushed_down"]  # the database does not hold the edit yet
    assert by_region(frame)["440203"]["0103"] == pytest.approx(475.0 + 900.0)
    layer.rollBack()
