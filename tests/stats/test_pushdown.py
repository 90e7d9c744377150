"""SQL push-down (GeoPackage) gives exactly what streaming the parcels gives.

For the land-use summary and for the plan indicators built on it, at every ZLDWDM level, and
on the awkward codes the SQL must cut like :func:`regions.region_code`: padding and full-width
spaces, blank and NULL codes, codes shorter than the prefix, a prefix ending in a space, and a
ZLDWDM stored as a number.
"""

from __future__ import annotations

from functools import partial

import pytest

from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.indicators import IndicatorInputs, plan_indicators
from sg_nr_plugin.core.stats.landuse import landuse_summary
from tests.stats.helpers import X0, Y0, dltb_layer, memory_layer, square_wkt, write_gpkg
from tests.stats.test_landuse import assert_same

# The hand-made fixtures hold stray codes (9999, empty) on purpose, above the 0.5 % of the
# area at which a statistic refuses them: these tests are about other things.
landuse_summary = partial(landuse_summary, allow_unrecognised=True)
IndicatorInputs = partial(IndicatorInputs, allow_unrecognised=True)

LEVELS = [RegionLevel.WHOLE, RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE]
AWKWARD_CODES = [
    "440203001001000", "  440203001002000", "440203001001000\t", "\u3000440204002003000",
    "440204", "4402", "44020 3001", "", "   ", None, "440203001001000",
]


def awkward_layer(code_type: str = "string"):
    fields = (f"ZLDWDM:{code_type}&field=ZLDWMC:string&field=BSM:string&field=DLBM:string"
              "&field=TBMJ:double&field=KCMJ:double&field=TBDLMJ:double")
    rows = []
    for i, code in enumerate(AWKWARD_CODES):
        kcmj = None if i % 3 == 0 else 10.0  # NULL deductions take the COALESCE path
        tbdlmj = None if i % 4 == 0 else 90.0 + i
        rows.append((square_wkt(X0 + 20 * i, Y0, 10), [
            code, f"村{i % 4}", f"B{i % 7}", ("0101", "0301", "0201K", "9999")[i % 4],
            100.0 + i, kcmj, tbdlmj]))
    return memory_layer("DLTB", fields, rows)


@pytest.mark.parametrize("level", LEVELS)
def test_awkward_region_codes_pushed_down_equal_streamed(qgis_app, tmp_path, level):
    layer = write_gpkg(awkward_layer(), tmp_path / "awkward.gpkg")
    pushed = landuse_summary(layer, RegionSpec(level=level))
    streamed = landuse_summary(layer, RegionSpec(level=level), allow_sql=False)
    assert pushed.attrs["pushed_down"] and not streamed.attrs["pushed_down"]
    assert_same(pushed, streamed)
    assert pushed.attrs["control_m2"] == pytest.approx(streamed.attrs["control_m2"])
    assert pushed.attrs["meta"].notes == streamed.attrs["meta"].notes  # duplicates, codes
    assert any("BSM: B0, B1, B2, B3" in note for note in pushed.attrs["meta"].notes)


def test_awkward_codes_are_cut_like_region_code(qgis_app, tmp_path):
    layer = write_gpkg(awkward_layer(), tmp_path / "awkward.gpkg")
    frame = landuse_summary(layer, RegionSpec(level=RegionLevel.COUNTY))
    assert set(frame.region_code) == {"440203", "440204", "4402", "44020 ", "UNKNOWN"}


def test_numeric_region_codes_pushed_down_equal_streamed(qgis_app, tmp_path):
    layer = memory_layer("DLTB", "ZLDWDM:integer64&field=DLBM:string&field=TBMJ:double", [
        (square_wkt(X0, Y0, 10), [440203001001, "0101", 100.0]),
        (square_wkt(X0 + 20, Y0, 10), [440204002003, "0101", 50.0]),
        (square_wkt(X0 + 40, Y0, 10), [None, "0301", 25.0])])
    gpkg = write_gpkg(layer, tmp_path / "numeric.gpkg")
    for level in LEVELS:
        pushed = landuse_summary(gpkg, RegionSpec(level=level))
        assert pushed.attrs["pushed_down"]
        assert_same(pushed, landuse_summary(gpkg, RegionSpec(level=level), allow_sql=False))


@pytest.mark.parametrize("level", LEVELS)
def test_indicators_pushed_down_equal_streamed(qgis_app, tmp_path, level):
    layer = write_gpkg(dltb_layer(), tmp_path / "dltb.gpkg")
    pushed = plan_indicators(IndicatorInputs(layer, dltb_layer=layer), RegionSpec(level=level))
    streamed = plan_indicators(IndicatorInputs(layer, allow_sql=False), RegionSpec(level=level))
    assert pushed.attrs["pushed_down"] and not streamed.attrs["pushed_down"]
    assert_same_indicators(pushed, streamed)


def test_indicators_on_awkward_codes_pushed_down_equal_streamed(qgis_app, tmp_path):
    layer = write_gpkg(awkward_layer(), tmp_path / "awkward.gpkg")
    spec = RegionSpec(level=RegionLevel.COUNTY)
    pushed = plan_indicators(IndicatorInputs(layer), spec)
    assert pushed.attrs["pushed_down"]
    assert_same_indicators(pushed, plan_indicators(IndicatorInputs(layer, allow_sql=False), spec))


def assert_same_indicators(left, right) -> None:
    value = ["value"]
    others = [c for c in left.columns if c not in value]
    assert left[others].fillna("∅").values.tolist() == right[others].fillna("∅").values.tolist()
    assert left.value.tolist() == pytest.approx(right.value.tolist(), abs=1e-9, nan_ok=True)
