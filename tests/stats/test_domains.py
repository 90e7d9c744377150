"""DLTB value domains (resources/data/schema/dltb_domains.json) on both statistics paths.

Each case: a hand-made layer, streamed (memory layer, or GeoPackage with ``allow_sql=False``)
and pushed down (GeoPackage): a value that would make a figure wrong is refused with a message
naming the field, the value and the BSM; a value read another way is noted; both paths agree.
"""

from __future__ import annotations

import sqlite3

import pytest

from sg_nr_plugin.core.errors import MissingFieldsError, SgNrError
from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.common import RegionSpec
from sg_nr_plugin.core.stats.indicators import IndicatorInputs, plan_indicators
from sg_nr_plugin.core.stats.landuse import landuse_summary
from tests.stats.helpers import X0, Y0, memory_layer, square_wkt, write_gpkg

COUNTY = RegionSpec(level=RegionLevel.COUNTY)
WHOLE = RegionSpec(level=RegionLevel.WHOLE)
VILLAGE = "4402030010010000000"


def layer_of(types: dict, rows: list[list]):
    """A memory DLTB layer with the given ``{field: type}`` and one 10 m square per row."""
    fields = "&field=".join(f"{name}:{kind}" for name, kind in types.items())
    return memory_layer("DLTB", fields, [(square_wkt(X0 + 20 * i, Y0, 10), row)
                                         for i, row in enumerate(rows)])


AREAS = {"BSM": "string", "ZLDWDM": "string", "DLBM": "string", "TBMJ": "double",
         "KCXS": "double", "KCMJ": "double", "TBDLMJ": "double"}


def both_paths(layer, tmp_path, spec=COUNTY, **kwargs):
    """(pushed-down attempt, streamed) summaries of ``layer`` copied to a GeoPackage."""
    gpkg = write_gpkg(layer, tmp_path / "dltb.gpkg")
    return (landuse_summary(gpkg, spec, **kwargs),
            landuse_summary(gpkg, spec, allow_sql=False, **kwargs))


def refused_on_both_paths(layer, tmp_path, spec=COUNTY) -> list[str]:
    gpkg = write_gpkg(layer, tmp_path / "refused.gpkg")
    messages = []
    for source, allow_sql in ((layer, False), (gpkg, True), (gpkg, False)):
        with pytest.raises(SgNrError) as info:
            landuse_summary(source, spec, allow_sql=allow_sql)
        messages.append(str(info.value))
    assert messages[1] == messages[2]
    return messages


def areas_table(frame) -> dict:
    return {(row.region_code, row.dlbm): round(row.area_m2, 6) for row in frame.itertuples()}


@pytest.mark.parametrize("column, value, shown", [
    ("TBMJ", -500.0, "-500"), ("KCMJ", -10.0, "-10"), ("TBDLMJ", -1.0, "-1"),
    ("KCXS", 1.5, "1.5"), ("KCXS", -0.5, "-0.5"), ("KCXS", 1.0, "1")])
def test_values_outside_their_domain_are_refused(qgis_app, tmp_path, column, value, shown):
    good = {"TBMJ": 1000.0, "KCXS": 0.1, "KCMJ": 100.0, "TBDLMJ": 900.0}
    bad = dict(good, **{column: value})
    if column == "KCXS":  # a consistent parcel but for the coefficient
        bad.update(KCMJ=None, TBDLMJ=None)
    layer = layer_of(AREAS, [["A1", VILLAGE, "0101", *good.values()],
                             ["B7", VILLAGE, "0101", *bad.values()]])
    for message in refused_on_both_paths(layer, tmp_path):
        assert f"field {column}" in message and f"{shown} (BSM B7)" in message
        assert "A1" not in message and "correct them in the source data" in message


def test_tbdlmj_off_tbmj_minus_kcmj_is_refused(qgis_app, tmp_path):
    layer = layer_of(AREAS, [["A1", VILLAGE, "0101", 1000.0, 0.1, 100.0, 900.01],
                             ["B7", VILLAGE, "0101", 1000.0, 0.1, 100.0, 950.0]])
    for message in refused_on_both_paths(layer, tmp_path):
        assert "1 parcel(s) where TBDLMJ ≠ TBMJ − KCMJ" in message
        assert "1000/100/950 (BSM B7)" in message and "A1" not in message


TEXT_AREAS = dict(AREAS, TBMJ="string", KCMJ="string", TBDLMJ="string")


@pytest.mark.parametrize("value, words", [
    ("1,234.5", "thousands separator"), ("abc", "not numbers"), ("1.5.2", "not numbers"),
    ("inf", "not numbers"), ("1 234", "not numbers")])
def test_text_that_is_no_plain_number_is_refused(qgis_app, tmp_path, value, words):
    layer = layer_of(TEXT_AREAS, [["A1", VILLAGE, "0101", "1000", 0.0, "0", "1000"],
                                  ["B7", VILLAGE, "0101", value, 0.0, None, None]])
    for message in refused_on_both_paths(layer, tmp_path):
        assert "field TBMJ" in message and words in message and f"'{value}' (BSM B7)" in message


def test_text_typed_areas_give_one_total_on_both_paths(qgis_app, tmp_path):
    """Found on main: SQL summed the text '1001.5 ' as 1001.5 and streaming as 3000.5 or so."""
    layer = layer_of(TEXT_AREAS, [["A1", VILLAGE, "0101", " 1001.5", 0.0, "0", "1001.5"],
                                  ["A2", VILLAGE, "0101", "999", 0.0, "", "999"],
                                  ["A3", VILLAGE, "0101", "1000.0", 0.0, None, None]])
    pushed, streamed = both_paths(layer, tmp_path, WHOLE)
    assert areas_table(pushed) == areas_table(streamed) == {("", "0101"): 3000.5}
    notes = pushed.attrs["meta"].notes
    assert notes == streamed.attrs["meta"].notes
    assert any("Field TBMJ of “DLTB” holds numbers stored as text: 3 value(s)" in n
               for n in notes)


def test_numeric_dlbm_is_read_as_padded_third_survey_code(qgis_app, tmp_path):
    """Found on main: 0101 stored as 101 landed in 101 铁路用地 or the unrecognised row."""
    layer = layer_of(dict(AREAS, DLBM="integer"), [
        ["A1", VILLAGE, 101, 1000.0, 0.0, 0.0, 1000.0],
        ["A2", VILLAGE, 301, 500.0, 0.0, 0.0, 500.0],
        ["A3", VILLAGE, 1001, 20.0, 0.0, 0.0, 20.0]])
    pushed, streamed = both_paths(layer, tmp_path, WHOLE)
    expected = {("", "0101"): 1000.0, ("", "0301"): 500.0, ("", "1001"): 20.0}
    assert areas_table(pushed) == areas_table(streamed) == expected
    [note] = [n for n in pushed.attrs["meta"].notes if "zero-padded" in n]
    assert "3 code(s)" in note and "101 → 0101 (BSM A1)" in note
    indicators = plan_indicators(IndicatorInputs(layer), WHOLE)
    value = indicators.set_index("indicator_id").value
    assert value["cultivated_land"] == pytest.approx(1000.0 / 666.6666666666667 / 10_000)  # 万亩
    assert value["forest_coverage"] == pytest.approx(100.0 * 500.0 / 1520.0)


def test_numeric_second_survey_dlbm_is_read_as_second_survey(qgis_app, tmp_path):
    """A numeric DLBM holding 11 (二调 011 水田, its leading zero lost) is 二调 data: read as
    二调 codes (core/survey2.py), never padded into 三调 codes (11 → 0011) nor refused."""
    layer = layer_of(dict(AREAS, DLBM="integer"), [
        ["A1", VILLAGE, 11, 1000.0, 0.0, 0.0, 1000.0],
        ["A2", VILLAGE, 101, 500.0, 0.0, 0.0, 500.0]])
    frame = landuse_summary(layer, COUNTY)
    assert frame.attrs["survey"] == "second"
    assert areas_table(frame) == {(VILLAGE[:6], "011"): 1000.0, (VILLAGE[:6], "101"): 500.0}


def test_real_zldwdm_is_read_as_its_digits(qgis_app, tmp_path):
    """Found on main: a REAL ZLDWDM 440203001001 was grouped as village '4.40203001001e+1'."""
    layer = layer_of(dict(AREAS, ZLDWDM="double"), [
        ["A1", 440203001001.0, "0101", 100.0, 0.0, 0.0, 100.0],
        ["A2", 440204002003.0, "0101", 50.0, 0.0, 0.0, 50.0]])
    spec = RegionSpec(level=RegionLevel.VILLAGE)
    pushed, streamed = both_paths(layer, tmp_path, spec)
    assert areas_table(pushed) == areas_table(streamed) == {
        ("440203001001", "0101"): 100.0, ("440204002003", "0101"): 50.0}
    assert any("stored as a real number: 2 value(s)" in n for n in pushed.attrs["meta"].notes)


def test_fractional_zldwdm_is_refused(qgis_app, tmp_path):
    layer = layer_of(dict(AREAS, ZLDWDM="double"), [
        ["A1", 440203001001.0, "0101", 100.0, 0.0, 0.0, 100.0],
        ["A2", 4402.03, "0101", 50.0, 0.0, 0.0, 50.0]])
    for message in refused_on_both_paths(layer, tmp_path):
        assert "code field ZLDWDM has 1 fractional number(s)" in message
        assert "4402.03 (BSM A2)" in message


def test_region_codes_are_not_checked_when_not_used(qgis_app, tmp_path):
    layer = layer_of(dict(AREAS, ZLDWDM="double"), [
        ["A1", 4402.03, "0101", 100.0, 0.0, 0.0, 100.0]])
    pushed, streamed = both_paths(layer, tmp_path, WHOLE)
    assert areas_table(pushed) == areas_table(streamed) == {("", "0101"): 100.0}
    assert pushed.attrs["pushed_down"]


def test_blank_bsm_padding_counts_as_one_identifier_on_both_paths(qgis_app, tmp_path):
    """Found on main: ' A2' and 'A2' were one identifier streamed, two in SQL."""
    layer = layer_of(AREAS, [["A1", VILLAGE, "0101", 10.0, 0.0, 0.0, 10.0],
                             [" A2", VILLAGE, "0101", 10.0, 0.0, 0.0, 10.0],
                             ["A2\t", VILLAGE, "0101", 10.0, 0.0, 0.0, 10.0]])
    pushed, streamed = both_paths(layer, tmp_path)
    assert pushed.attrs["pushed_down"]
    assert pushed.attrs["meta"].notes == streamed.attrs["meta"].notes
    assert any(n.startswith("1 parcel(s) of “DLTB” repeat") and n.endswith("BSM: A2")
               for n in pushed.attrs["meta"].notes)


def test_text_in_a_real_column_of_a_geopackage_gives_way_to_streaming(qgis_app, tmp_path):
    """SQLite keeps text in a REAL column: SQL would sum 'abc' as 0 and '12abc' as 12."""
    layer = write_gpkg(layer_of(AREAS, [["A1", VILLAGE, "0101", 100.0, 0.0, 0.0, 100.0],
                                        ["B7", VILLAGE, "0101", 50.0, 0.0, 0.0, 50.0]]),
                       tmp_path / "dltb.gpkg")
    with sqlite3.connect(tmp_path / "dltb.gpkg") as connection:
        # the R-tree triggers call SpatiaLite functions plain sqlite3 lacks: set them aside
        triggers = connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for name, _sql in triggers:
            connection.execute(f'DROP TRIGGER "{name}"')
        connection.execute("UPDATE dltb SET TBMJ = '12abc' WHERE BSM = 'B7'")
        for _name, sql in triggers:
            connection.execute(sql)
    with pytest.raises(SgNrError, match=r"'12abc' \(BSM B7\)"):
        landuse_summary(layer, WHOLE)


# ---- land-class codes --------------------------------------------------------------------

def coded(share_unrecognised: float):
    area = 10_000.0
    return layer_of(AREAS, [["A1", VILLAGE, "0101", area, 0.0, 0.0, area],
                            ["X1", VILLAGE, "9999", area * share_unrecognised, 0.0, 0.0,
                             area * share_unrecognised],
                            ["X2", VILLAGE, "9999", 0.0, 0.0, 0.0, 0.0]])


def test_unrecognised_codes_over_half_a_percent_are_refused(qgis_app, tmp_path):
    for message in refused_on_both_paths(coded(0.01), tmp_path):
        assert "0.99 % of the area (100.00 m² in 2 parcel(s))" in message
        assert "9999 (2, 100.00 m²)" in message and "ALLOW_UNRECOGNISED" in message


def test_unrecognised_codes_allowed_are_reported_prominently(qgis_app, tmp_path):
    pushed, streamed = both_paths(coded(0.01), tmp_path, allow_unrecognised=True)
    assert areas_table(pushed) == areas_table(streamed)
    assert areas_table(pushed)["440203", "UNRECOGNISED"] == 100.0
    assert pushed.attrs["meta"].notes == streamed.attrs["meta"].notes
    assert pushed.attrs["meta"].notes[0].startswith("WARNING: 0.99 % of the area of “DLTB”")


def test_unrecognised_codes_under_half_a_percent_pass(qgis_app, tmp_path):
    pushed, streamed = both_paths(coded(0.004), tmp_path)
    assert areas_table(pushed)["440203", "UNRECOGNISED"] == 40.0
    assert not any(n.startswith("WARNING") for n in pushed.attrs["meta"].notes)


# ---- region field ------------------------------------------------------------------------

@pytest.mark.parametrize("field", ["XZQDM", "qsdwdm", "座落单位代码"])
def test_regions_from_a_fallback_field_are_named_in_a_note(qgis_app, tmp_path, field):
    layer = layer_of({field: "string", "DLBM": "string", "TBMJ": "double"}, [
        [VILLAGE, "0101", 100.0], ["4402040020030000000", "0101", 50.0]])
    pushed, streamed = both_paths(layer, tmp_path)
    assert areas_table(pushed) == areas_table(streamed) == {
        ("440203", "0101"): 100.0, ("440204", "0101"): 50.0}
    notes = pushed.attrs["meta"].notes
    assert notes == streamed.attrs["meta"].notes
    if field != "座落单位代码":
        assert f"Layer “DLTB” has no ZLDWDM: regions were read from field {field}." in notes


def test_no_region_field_names_every_accepted_one(qgis_app):
    layer = layer_of({"DLBM": "string", "TBMJ": "double"}, [["0101", 1.0]])
    with pytest.raises(MissingFieldsError, match="ZLDWDM/XZQDM/QSDWDM"):
        landuse_summary(layer, COUNTY)


def workbook_text(path) -> str:
    import openpyxl

    book = openpyxl.load_workbook(path)
    return "\n".join(str(cell) for sheet in book for row in sheet.iter_rows(values_only=True)
                     for cell in row if cell is not None)


@pytest.mark.parametrize("algorithm, layer_parameter", [
    ("sgnr:landusesummary", "INPUT"), ("sgnr:planindicators", "DLTB")])
def test_allow_unrecognised_through_processing_shows_row_and_warning(
        qgis_processing, provider_registered, tmp_path, algorithm, layer_parameter):
    import processing
    from qgis.core import QgsProcessingException, QgsVectorLayer

    parameters = {layer_parameter: coded(0.01), "REGION_LEVEL": 1,
                  "OUTPUT": str(tmp_path / "out.gpkg"), "OUTPUT_XLSX": str(tmp_path / "o.xlsx")}
    with pytest.raises(QgsProcessingException, match="ALLOW_UNRECOGNISED"):
        processing.run(algorithm, parameters)
    result = processing.run(algorithm, {**parameters, "ALLOW_UNRECOGNISED": True})
    assert "WARNING: 0.99 % of the area of “DLTB”" in workbook_text(result["OUTPUT_XLSX"])
    if algorithm == "sgnr:landusesummary":
        rows = list(QgsVectorLayer(result["OUTPUT"], "out", "ogr").getFeatures())
        [row] = [row for row in rows if row["dlbm"] == "UNRECOGNISED"]
        assert row["dlmc"] == "Unrecognised land class (9999)" and row["count"] == 2


def test_overlaystats_net_mode_refuses_values_outside_their_domain(qgis_app):
    from sg_nr_plugin.core.stats.overlaystats import AreaMode, overlay_stats

    dltb = layer_of(AREAS, [["A1", VILLAGE, "0101", 100.0, 0.0, 0.0, 100.0],
                            ["B7", VILLAGE, "0101", 100.0, 0.0, 0.0, -100.0]])
    overlay = memory_layer("OVERLAY", "", [(square_wkt(X0 - 5, Y0 - 5, 100), [])])
    with pytest.raises(SgNrError, match=r"field TBDLMJ has 1 value\(s\) outside its domain 0 ≤ x, "
                                        r"e.g. -100 \(feature id 2\)"):
        overlay_stats(dltb, overlay, COUNTY, AreaMode.NET, layer_name="DLTB")
    gross = overlay_stats(dltb, overlay, COUNTY, AreaMode.GROSS, layer_name="DLTB")
    assert len(gross) == 1  # gross mode reads no attribute area


def test_missing_code_and_region_fields_are_named_together(qgis_app):
    layer = layer_of({"TBMJ": "double"}, [[1.0]])
    with pytest.raises(MissingFieldsError) as info:
        landuse_summary(layer, COUNTY)
    assert info.value.missing == ["DLBM/DLDM", "ZLDWDM/XZQDM/QSDWDM"]


def test_text_codes_that_lost_their_leading_zero_are_pointed_out(qgis_app, tmp_path):
    """Text '301' (Excel dropped the zero of 0301). Text '101' is left to the 二调 support: the
    land-class table reads it as 二调 101 铁路用地."""
    layer = layer_of(AREAS, [["A1", VILLAGE, "301", 1000.0, 0.0, 0.0, 1000.0],
                             ["A2", VILLAGE, "0101", 1000.0, 0.0, 0.0, 1000.0]])
    for message in refused_on_both_paths(layer, tmp_path):
        assert "301 (1, 1000.00 m²)" in message
        assert "Codes such as 301 look like 三调 codes that lost their leading zero " \
               "(0301)" in message
