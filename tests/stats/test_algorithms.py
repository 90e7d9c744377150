"""The four statistics algorithms through Processing: processing.run, the batch way, workbooks."""

from __future__ import annotations

import pytest
from qgis.core import QgsProcessingFeedback, QgsVectorLayer

from sg_nr_plugin.i18n import tr
from tests.stats.helpers import (
    CONTROL_BY_COUNTY,
    EXPECTED_BY_COUNTY,
    dltb_layer,
    memory_layer,
    write_gpkg,
)
from tests.stats.test_overlaystats import geo, overlapping_overlay, parcels, r

MU_M2 = 10000 / 15


@pytest.fixture
def processing_ready(qgis_processing, provider_registered):
    import processing

    return processing


def table(path) -> list[dict]:
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid(), path
    return [dict(zip(layer.fields().names(), f.attributes())) for f in layer.getFeatures()]


def sheet_values(path, sheet_index: int = 0) -> list[list]:
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    sheet = workbook.worksheets[sheet_index]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_landusesummary_run_and_workbook(processing_ready, tmp_path):
    dltb = write_gpkg(dltb_layer(), tmp_path / "dltb.gpkg")
    result = processing_ready.run("sgnr:landusesummary", {
        "ALLOW_UNRECOGNISED": True,
        "INPUT": dltb.source(), "REGION_LEVEL": 1, "UNIT": 2,
        "OUTPUT": str(tmp_path / "summary.gpkg"), "OUTPUT_XLSX": str(tmp_path / "summary.xlsx")})
    rows = table(result["OUTPUT"])
    got = {(row["region_code"], row["dlbm"]): row["area"] for row in rows}
    for county, classes in EXPECTED_BY_COUNTY.items():
        for code, m2 in classes.items():
            assert got[county, code] == pytest.approx(m2 / MU_M2)
    values = sheet_values(result["OUTPUT_XLSX"])
    assert "亩" in values[0][0] or "mu" in values[0][0]  # unit in the title
    totals = {row[0]: row[2] for row in values[5:] if row[0]}
    for county, control in CONTROL_BY_COUNTY.items():
        assert totals[county] == pytest.approx(control / MU_M2)
    assert values[-1][1] in ("Total", "合计", "总计") and values[-1][2] == pytest.approx(
        sum(CONTROL_BY_COUNTY.values()) / MU_M2)


def test_overlaystats_run(processing_ready, tmp_path):
    result = processing_ready.run("sgnr:overlaystats", {
        "INPUT": parcels(), "OVERLAY": overlapping_overlay(), "AREA_MODE": 0,
        "INPUT_FILTER": "\"DLBM\" = '0101'", "REGION_LEVEL": 0, "UNIT": 0,
        "OUTPUT": str(tmp_path / "ov.gpkg"), "OUTPUT_XLSX": str(tmp_path / "ov.xlsx")})
    (row,) = table(result["OUTPUT"])
    assert row["area_inside"] == pytest.approx(geo(50, 100) + geo(300, 400), abs=0.01)
    assert row["area_input"] == pytest.approx(geo(0, 100) + geo(300, 400), abs=0.01)
    assert sheet_values(result["OUTPUT_XLSX"])[4][3] == pytest.approx(row["area_inside"])


def test_changematrix_run(processing_ready, tmp_path):
    from tests.stats.test_changematrix import vintages

    base, current = vintages()
    result = processing_ready.run("sgnr:changematrix", {
        "BASE": base, "CURRENT": current, "CLASS_LEVEL": 2, "REGION_LEVEL": 1, "UNIT": 4,
        "OUTPUT": str(tmp_path / "cm.gpkg"), "OUTPUT_XLSX": str(tmp_path / "cm.xlsx")})
    got = {(row["from_class"], row["to_class"]): row["area"] for row in table(result["OUTPUT"])}
    assert got["agricultural", "construction"] == pytest.approx(geo(50, 150) / 1e6, abs=1e-8)
    import openpyxl

    assert openpyxl.load_workbook(result["OUTPUT_XLSX"]).sheetnames[0] == "440203"


def test_planindicators_run(processing_ready, tmp_path):
    from tests.stats.test_indicators import dltb, redline

    result = processing_ready.run("sgnr:planindicators", {
        "ALLOW_UNRECOGNISED": True,
        "DLTB": dltb(), "ECO_REDLINE": redline(), "REGION_LEVEL": 1,
        "OUTPUT": str(tmp_path / "pi.gpkg"), "OUTPUT_XLSX": str(tmp_path / "pi.xlsx")})
    rows = [row for row in table(result["OUTPUT"]) if row["region_code"] == ""]
    by_id = {row["indicator_id"]: row for row in rows}
    assert by_id["eco_redline"]["value"] == pytest.approx(geo(150, 250) / 1e6, abs=1e-8)
    assert by_id["basic_farmland"]["status"] == "未计算"
    import openpyxl

    workbook = openpyxl.load_workbook(result["OUTPUT_XLSX"])
    header = [cell.value for cell in workbook[tr("Table 1")][4]]
    assert header == [tr("No."), tr("Indicator"), tr("Unit"), tr("2020 baseline"),
                      tr("2025 target"), tr("Current value"), tr("Kind"), tr("Status")]
    assert "eco_redline" in workbook.sheetnames
    assert workbook["eco_redline"]._charts  # bar chart by county


def test_batch_of_two_inputs(processing_ready, tmp_path):
    """What the batch dialog does (BatchAlgorithmDialog.runAlgorithm, QGIS 3.22): one algorithm
    instance, for each row preprocessParameters, a fresh context, algorithm.run. The dialog
    itself needs a GUI application, which the headless tests do not have."""
    from processing.tools import dataobjects
    from qgis.core import QgsApplication

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("sgnr:landusesummary")
    first = write_gpkg(dltb_layer(), tmp_path / "a.gpkg")
    second = write_gpkg(memory_layer("DLTB", "ZLDWDM:string&field=DLBM:string&field=TBMJ:double",
                                     [(r(0, 10), ["4402050010010000000", "0101", 42.0])]),
                        tmp_path / "b.gpkg")
    feedback = QgsProcessingFeedback()
    outputs = []
    for i, layer in enumerate((first, second)):
        parameters = algorithm.preprocessParameters({
            "INPUT": layer.source(), "REGION_LEVEL": 0, "UNIT": 0, "ALLOW_UNRECOGNISED": True,
            "OUTPUT": str(tmp_path / f"out{i}.gpkg")})
        context = dataobjects.createContext(feedback)
        results, ok = algorithm.run(parameters, context, feedback)
        assert ok, results
        outputs.append(sum(row["area"] for row in table(results["OUTPUT"])))
    assert outputs == pytest.approx([sum(CONTROL_BY_COUNTY.values()), 42.0])


def test_missing_field_is_a_clean_error(processing_ready, tmp_path):
    from qgis.core import QgsProcessingException

    layer = memory_layer("bad", "DLBM:string", [(r(0, 10), ["0101"])])
    with pytest.raises(QgsProcessingException, match="bad.*TBMJ"):
        processing_ready.run("sgnr:landusesummary", {
        "ALLOW_UNRECOGNISED": True,
            "INPUT": layer, "REGION_LEVEL": 0, "OUTPUT": str(tmp_path / "x.gpkg")})


def test_landuse_workbook_layout(qgis_app, tmp_path):
    import openpyxl

    from sg_nr_plugin.core.regions import RegionLevel
    from sg_nr_plugin.core.reports.book import write_landuse_xlsx
    from sg_nr_plugin.core.stats.common import RegionSpec
    from sg_nr_plugin.core.stats.landuse import landuse_summary

    path = tmp_path / "lu.xlsx"
    write_landuse_xlsx(landuse_summary(dltb_layer(), RegionSpec(RegionLevel.COUNTY),
                                       allow_unrecognised=True), path, 0)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    assert "A4:A5" in merged and "C4:C5" in merged  # region and total headers span two rows
    groups = {sheet.cell(4, c).value: c for c in range(4, sheet.max_column + 1)
              if sheet.cell(4, c).value}
    assert any(name.startswith("01 ") for name in groups)  # first-level class header
    first = groups[next(n for n in groups if n.startswith("01 "))]
    assert [sheet.cell(5, first + i).value.split()[0] for i in range(1, 3)] == ["0101", "0103"]
    # county A: 01 subtotal = 900 + 475
    assert sheet.cell(6, first).value == pytest.approx(1375.0)
    assert sheet.cell(6, first).number_format == "0.00"


def test_open_workbook_is_a_clear_error(processing_ready, tmp_path):
    from qgis.core import QgsProcessingException

    target = tmp_path / "summary.xlsx"
    target.write_bytes(b"old")
    (tmp_path / ".~lock.summary.xlsx#").write_text("someone,host")  # LibreOffice has it open
    with pytest.raises(QgsProcessingException, match="summary.xlsx"):
        processing_ready.run("sgnr:landusesummary", {
        "ALLOW_UNRECOGNISED": True,
            "INPUT": dltb_layer(), "REGION_LEVEL": 1, "OUTPUT": str(tmp_path / "o.gpkg"),
            "OUTPUT_XLSX": str(target)})
    assert target.read_bytes() == b"old"


def test_workbooks_take_their_look_from_the_template(qgis_app, tmp_path):
    import openpyxl

    from sg_nr_plugin.core.regions import RegionLevel
    from sg_nr_plugin.core.reports.book import write_landuse_xlsx
    from sg_nr_plugin.core.stats.common import RegionSpec
    from sg_nr_plugin.core.stats.landuse import landuse_summary
    from sg_nr_plugin.paths import resource_path

    template = openpyxl.load_workbook(resource_path("templates", "statistics.xlsx"))
    sample = template.worksheets[0]["A3"]  # the template shows its header style here
    assert sample.style == "sgnr_header"
    path = tmp_path / "lu.xlsx"
    write_landuse_xlsx(landuse_summary(dltb_layer(), RegionSpec(RegionLevel.COUNTY),
                                       allow_unrecognised=True), path, 0)
    workbook = openpyxl.load_workbook(path)
    assert "sgnr" not in workbook.sheetnames  # the template's explanation sheet is replaced
    header = workbook.worksheets[0].cell(4, 1)
    assert header.style == "sgnr_header"
    assert header.fill.fgColor.rgb == sample.fill.fgColor.rgb


def test_about_sheet_names_sources_and_counts(processing_ready, tmp_path):
    import openpyxl

    dltb = write_gpkg(dltb_layer(), tmp_path / "sample.gpkg", "DLTB")
    result = processing_ready.run("sgnr:landusesummary", {
        "ALLOW_UNRECOGNISED": True,
        "INPUT": dltb.source(), "REGION_LEVEL": 1, "UNIT": 3,
        "OUTPUT": str(tmp_path / "o.gpkg"), "OUTPUT_XLSX": str(tmp_path / "o.xlsx")})
    about = dict(openpyxl.load_workbook(result["OUTPUT_XLSX"])["About"].iter_rows(
        values_only=True))
    assert about["Source DLTB"] == "DLTB (sample.gpkg) (8 features)"
    assert about["Area method"] == "CGCS2000 ellipsoidal"
    assert about["Unit"] == "10k mu"


@pytest.mark.parametrize("algorithm, parameters", [
    ("sgnr:landusesummary", {"INPUT": "EMPTY"}),
    ("sgnr:overlaystats", {"INPUT": "EMPTY", "OVERLAY": "FULL"}),
    ("sgnr:changematrix", {"BASE": "FULL", "CURRENT": "EMPTY"}),
    ("sgnr:planindicators", {"DLTB": "EMPTY"}),
])
def test_empty_input_is_an_error_not_zeros(processing_ready, tmp_path, algorithm, parameters):
    from qgis.core import QgsProcessingException

    from tests.stats.helpers import DLTB_FIELDS

    layers = {"EMPTY": memory_layer("空图层", DLTB_FIELDS, []), "FULL": dltb_layer()}
    with pytest.raises(QgsProcessingException, match="空图层.*no features"):
        processing_ready.run(algorithm, {**{k: layers[v] for k, v in parameters.items()},
                                         "OUTPUT": str(tmp_path / "o.gpkg")})


def test_region_polygons_through_processing(processing_ready, tmp_path):
    from qgis.core import QgsProcessingException

    from tests.stats.helpers import regions_layer

    result = processing_ready.run("sgnr:landusesummary", {
        "ALLOW_UNRECOGNISED": True,
        "INPUT": dltb_layer(), "REGION_LEVEL": 3, "REGIONS": regions_layer(),
        "REGION_FIELD": "name", "UNIT": 0, "OUTPUT": str(tmp_path / "o.gpkg")})
    sums: dict[str, float] = {}
    for row in table(result["OUTPUT"]):
        sums[row["region_code"]] = sums.get(row["region_code"], 0.0) + row["area"]
    assert sums == pytest.approx({"West": CONTROL_BY_COUNTY["440203"],
                                  "East": CONTROL_BY_COUNTY["440204"]})
    with pytest.raises(QgsProcessingException, match="regions.*field"):
        processing_ready.run("sgnr:landusesummary", {
        "ALLOW_UNRECOGNISED": True,
            "INPUT": dltb_layer(), "REGIONS": regions_layer(), "OUTPUT": str(tmp_path / "x.gpkg")})
