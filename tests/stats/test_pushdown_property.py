"""Property: on any messy attribute table, the SQL push-down and streaming give the same table,
notes and indicators, or the same refusal.

Hypothesis draws small DLTB tables — column types text / real / integer, NULL, blanks, padding,
negative and fractional values, numbers written as text (with thousands separators too),
repeated BSMs, DLBM stored as a number (三调 and 二调), ZLDWDM stored as a real — writes each
to a GeoPackage and runs both paths (``allow_sql=False`` forces streaming).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sg_nr_plugin.core.errors import SgNrError
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.indicators import IndicatorInputs, plan_indicators
from sg_nr_plugin.core.stats.landuse import landuse_summary
from tests.stats.helpers import X0, Y0, memory_layer, square_wkt, write_gpkg
from tests.stats.test_landuse import assert_same
from tests.stats.test_pushdown import LEVELS, assert_same_indicators

# Clean values (the push-down then runs) and messy ones (it gives way or both refuse).
NUMBERS = {
    "double": ([None, 0.0, 10.0, 99.5, 1000.0, 250.25], [-5.0]),
    "integer": ([None, 0, 10, 1000, 250], [-5]),
    "string": ([None], ["", "  ", " 12.5 ", "100", "1000.0", "1,234.5", "abc", "-3"]),
}
COEFFICIENTS = ([None, 0.0, 0.1, 0.25], [1.5, -0.5])
CODES = {
    "string": ([None, "", " 0101", "0101", "0301", "0201k", "1203", "9999", "1001 "], []),
    "integer": ([None], [101, 301, 1001, 11, 9999]),
}
REGIONS = {
    "string": ([None, "", "4402030010010000000", " 4402040020030000000", "440203001002"], []),
    "integer64": ([None, 440203001001, 440204002003], []),
    "double": ([None], [440203001001.0, 440204002003.0, 4402.5]),
}
IDENTIFIERS = ([None, "", "A1", " A1", "A2", "A3\t"], [])


def values(choices, messy: bool):
    clean, dirty = choices
    return st.sampled_from(clean + dirty if messy else clean)


@st.composite
def tables(draw):
    messy = draw(st.booleans())
    area_type = draw(st.sampled_from(sorted(NUMBERS) if messy else ["double", "integer"]))
    code_type = draw(st.sampled_from(sorted(CODES) if messy else ["string"]))
    region_type = draw(st.sampled_from(sorted(REGIONS) if messy else ["string", "integer64"]))
    with_kcmj, with_kcxs, with_net = draw(st.tuples(st.booleans(), st.booleans(),
                                                    st.booleans()))
    columns = [("BSM", "string", IDENTIFIERS), ("ZLDWDM", region_type, REGIONS[region_type]),
               ("DLBM", code_type, CODES[code_type]), ("TBMJ", area_type, NUMBERS[area_type]),
               ("KCXS", "double", COEFFICIENTS), ("KCMJ", area_type, NUMBERS[area_type]),
               ("TBDLMJ", area_type, NUMBERS[area_type])]
    kept = [c for c, keep in zip(columns, [True] * 4 + [with_kcxs, with_kcmj, with_net]) if keep]
    rows = draw(st.lists(st.tuples(*(values(choices, messy) for _n, _t, choices in kept)),
                         min_size=1, max_size=6))
    rows = [dict(zip([name for name, _t, _c in kept], row)) for row in rows]
    if not messy:  # TBDLMJ = TBMJ − KCMJ, KCMJ ≤ TBMJ, as a clean delivery has them
        for row in rows:
            if row.get("KCMJ") is not None:
                row["KCMJ"] = min(row["KCMJ"], row["TBMJ"] or 0)
            if row.get("TBDLMJ") is not None and row.get("KCMJ") is not None:
                row["TBDLMJ"] = (row["TBMJ"] or 0) - row["KCMJ"]
    fields = "&field=".join(f"{name}:{kind}" for name, kind, _values in kept)
    return fields, [list(row.values()) for row in rows]


def run_both(function):
    """(result or error message) of ``function(allow_sql)`` for push-down and streaming."""
    outcomes = []
    for allow_sql in (True, False):
        try:
            outcomes.append(function(allow_sql))
        except SgNrError as error:
            outcomes.append(str(error))
    return outcomes


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(table=tables(), level=st.sampled_from(LEVELS), allow=st.booleans())
def test_messy_tables_give_one_answer_on_both_paths(qgis_app, table, level, allow):
    fields, rows = table
    layer = memory_layer("DLTB", fields, [(square_wkt(X0 + 20 * i, Y0, 10), row)
                                          for i, row in enumerate(rows)])
    spec = RegionSpec(level=level)
    with tempfile.TemporaryDirectory() as folder:
        gpkg = write_gpkg(layer, Path(folder) / "messy.gpkg")
        pushed, streamed = run_both(lambda sql: landuse_summary(
            gpkg, spec, allow_sql=sql, allow_unrecognised=allow))
        if isinstance(pushed, str) or isinstance(streamed, str):
            event("refused")
            assert pushed == streamed
            return
        event("pushed down" if pushed.attrs["pushed_down"] else "streamed instead")
        assert not streamed.attrs["pushed_down"]
        assert_same(pushed, streamed)
        assert pushed.attrs["control_m2"] == pytest.approx(streamed.attrs["control_m2"])
        assert pushed.attrs["meta"].notes == streamed.attrs["meta"].notes
        pushed, streamed = run_both(lambda sql: plan_indicators(IndicatorInputs(
            gpkg, dltb_layer=gpkg, allow_sql=sql, allow_unrecognised=allow), spec))
        assert_same_indicators(pushed, streamed)
        assert pushed.attrs["meta"].notes == streamed.attrs["meta"].notes
