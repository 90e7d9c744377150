"""Charts of the workbooks (issue #20): the 表1 indicator sheets chart the 2020 baseline and the
2025 target beside the current value, 表1 has an overview (each indicator as % of its target),
the check workbooks chart the verdict counts and the conflict area by rule. Before: only a
chart by county per indicator, none on 表1, none in a check workbook.

Expected figures come from resources/data/indicators.json and from the output layers of the
same run, never from the workbook writer."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsApplication, QgsProcessingFeedback

from sg_nr_plugin.i18n import tr
from sg_nr_plugin.paths import resource_path
from tests.conftest import TINY
from tests.reliability.test_inputs_untouched import fill_parameter

MU_M2 = 10000 / 15


@pytest.fixture
def ready(qgis_processing, provider_registered):
    return True


def series_titles(chart, workbook) -> list[str]:
    """The titles of the series of ``chart`` as a reader sees them (their header cells)."""
    titles = []
    for series in chart.series:
        sheet_name, cell = series.tx.strRef.f.rsplit("!", 1)
        titles.append(str(workbook[sheet_name.strip("'")][cell.replace("$", "")].value))
    return titles


def series_values(chart, workbook) -> list[list]:
    """The cell values each series of ``chart`` draws."""
    result = []
    for series in chart.series:
        sheet_name, cells = series.val.numRef.f.rsplit("!", 1)
        sheet = workbook[sheet_name.strip("'")]
        area = sheet[cells.replace("$", "")]
        rows = area if isinstance(area, tuple) else ((area,),)
        rows = [row if isinstance(row, tuple) else (row,) for row in rows]
        result.append([cell.value for row in rows for cell in row])
    return result


def categories(chart, sheet) -> list:
    """The labels of the bars of ``chart`` (on ``sheet``)."""
    source = chart.series[0].cat
    ref = (source.numRef or source.strRef).f.rsplit("!", 1)[1].replace("$", "")
    return [row[0].value for row in sheet[ref]]


@pytest.fixture
def indicators_workbook(ready, tmp_path):
    import openpyxl
    import processing

    from tests.stats.test_indicators import dltb, redline

    path = tmp_path / "pi.xlsx"
    result = processing.run("sgnr:planindicators", {
        "ALLOW_UNRECOGNISED": True, "DLTB": dltb(), "ECO_REDLINE": redline(),
        "REGION_LEVEL": 1, "OUTPUT": str(tmp_path / "pi.gpkg"), "OUTPUT_XLSX": str(path)})
    return openpyxl.load_workbook(path), result


def test_indicator_sheets_chart_baseline_and_target(indicators_workbook):
    workbook, _result = indicators_workbook
    definitions = json.loads(resource_path("data", "indicators.json").read_text("utf-8"))
    checked = 0
    for indicator in definitions["indicators"]:
        sheet = workbook[indicator["id"]]  # an English report names sheets by the id
        charts = [c for c in sheet._charts
                  if series_titles(c, workbook) == [tr("2020 baseline"), tr("2025 target"),
                                                    tr("Current value")]]
        assert charts, f"{indicator['id']}: no baseline/target chart"
        baseline, target, _value = series_values(charts[0], workbook)
        assert baseline == [indicator["baseline_2020"]]  # None: no bar, never 0
        assert target == [indicator["target_2025"]]
        checked += 1
    assert checked == len(definitions["indicators"])


def test_table1_overview_charts_each_indicator_against_its_target(indicators_workbook):
    workbook, result = indicators_workbook
    from osgeo import ogr

    dataset = ogr.Open(result["OUTPUT"])  # kept: its layer dies with it
    expected = {}
    for feature in dataset.GetLayer(0):
        value, target = feature.GetField("value"), feature.GetField("target_2025")
        if not feature.GetField("region_code") and value is not None and target:
            expected[feature.GetField("indicator")] = 100.0 * value / target
    assert expected, "the fixture must have an indicator with a value and a target"
    sheet = workbook[tr("Table 1")]
    charts = [c for c in sheet._charts
              if series_titles(c, workbook) == [tr("% of the 2025 target")]]
    assert len(charts) == 1
    shares = series_values(charts[0], workbook)[0]
    names = categories(charts[0], sheet)
    assert dict(zip(names, shares)) == pytest.approx(expected)


def test_table1_status_wraps_inside_its_cell(indicators_workbook):
    workbook, _result = indicators_workbook
    sheet = workbook[tr("Table 1")]
    header = [cell.value for cell in sheet[4]]
    column = header.index(tr("Status")) + 1
    statuses = [sheet.cell(row, column) for row in range(5, sheet.max_row + 1)
                if isinstance(sheet.cell(row, column).value, str)]
    assert statuses and all(cell.alignment.wrap_text for cell in statuses)


@pytest.mark.parametrize("algorithm_id", ["sgnr:checkfarmland", "sgnr:checkpaddy",
                                          "sgnr:checkmine"])
def test_check_workbook_charts_verdicts_and_conflict_area_by_rule(ready, tmp_path,
                                                                  algorithm_id):
    import openpyxl
    import processing

    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    parameters = {}
    for definition in algorithm.parameterDefinitions():
        if definition.isDestination():
            if definition.type() == "sink":
                parameters[definition.name()] = "TEMPORARY_OUTPUT"
            continue
        value = fill_parameter(algorithm_id, definition, TINY, tmp_path)
        if value is not None:
            parameters[definition.name()] = value
    path = tmp_path / "check.xlsx"
    parameters["OUTPUT_XLSX"] = str(path)
    result = processing.run(algorithm_id, parameters, feedback=QgsProcessingFeedback())
    verdicts, areas = {}, {}
    for feature in result["OUTPUT_PROJECTS"].getFeatures():
        verdicts[feature["verdict"]] = verdicts.get(feature["verdict"], 0) + 1
    for feature in result["OUTPUT_FINDINGS"].getFeatures():
        areas[feature["rule_id"]] = areas.get(feature["rule_id"], 0.0) + feature["area_m2"]
    workbook = openpyxl.load_workbook(path)
    sheet = workbook[tr("Charts")]
    by_title = {tuple(series_titles(c, workbook)): c for c in sheet._charts}
    counts = series_values(by_title[(tr("Projects (count)"),)], workbook)[0]
    assert sorted(counts) == sorted(list(verdicts.values()) + [0] * (3 - len(verdicts)))
    rule_chart = by_title[(tr("Conflict area (mu)"),)]
    drawn = series_values(rule_chart, workbook)[0]
    rules = categories(rule_chart, sheet)
    drawn_by_rule = dict(zip(rules, drawn))
    assert {k: v for k, v in drawn_by_rule.items() if v} == pytest.approx(
        {rule: m2 / MU_M2 for rule, m2 in areas.items() if m2})


def test_overview_png_draws_the_indicators_with_a_target(indicators_workbook, tmp_path):
    """make demo's PNG of the 表1 overview: drawn from the output table, one bar per indicator
    with a value and a target."""
    pytest.importorskip("matplotlib")
    from PIL import Image

    from sg_nr_plugin.core.reports.indicator_png import overview_rows, write_overview_png

    _workbook, result = indicators_workbook
    rows = overview_rows(result["OUTPUT"])
    assert len(rows) == len(json.loads(resource_path("data", "indicators.json").read_text(
        "utf-8"))["indicators"])
    png = write_overview_png(rows, tmp_path / "overview.png")
    with Image.open(png) as image:
        assert image.format == "PNG" and image.width >= 1200 and image.height >= 400
