"""Panel results in a GeoPackage, one group per check, and how result layers are presented
(issue #18): aliases in the interface language, areas rounded for display only, a
scale-dependent style with translated legend labels — from the panel and from Processing."""

from __future__ import annotations

import pytest
from osgeo import ogr
from qgis.core import QgsApplication

from sg_nr_plugin.gui import result_layers
from tests.gui.test_check_dock import sample_layers, wait_until


@pytest.fixture
def dock(project, provider_registered, qgis_iface):
    from sg_nr_plugin.gui.check_config import dock_configs
    from sg_nr_plugin.gui.check_dock import CheckDock

    widget = CheckDock(dock_configs()[0], qgis_iface)
    yield widget
    widget.runner.cancel()
    wait_until(lambda: not widget.runner.running, 30)
    widget.deleteLater()


def _run(dock, project) -> dict:
    assert dock.run_check(False)
    assert wait_until(lambda: not dock.runner.running), "task did not finish"
    assert dock.result_layers, dock.status.text()
    return dock.result_layers


def _tables(path) -> list[str]:
    dataset = ogr.Open(str(path))
    return sorted(dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount()))


def _checked_layers(project, dock):
    project.addMapLayers(list(sample_layers().values()))
    dock.detect_roles()


def test_a_panel_run_writes_its_layers_into_the_chosen_geopackage(project, dock, tmp_path):
    folder = tmp_path / "chosen"
    result_layers.set_results_folder(str(folder), project)
    _checked_layers(project, dock)
    layers = _run(dock, project)
    gpkg = folder / "sgnr_results.gpkg"
    assert gpkg.is_file()
    tables = _tables(gpkg)
    assert len(tables) == 2 and all(t.startswith("farmland_") for t in tables), tables
    assert {t.split("_")[1] for t in tables} == {"findings", "projects"}
    for layer in layers.values():
        assert layer.providerType() == "ogr" and str(gpkg) in layer.source()
        assert layer.id() in project.mapLayers()
        assert "farmland" in layer.source() and layer.name().endswith(layer.name()[-8:])
    dataset = ogr.Open(str(gpkg))
    counts = {dataset.GetLayer(i).GetName().split("_")[1]: dataset.GetLayer(i).GetFeatureCount()
              for i in range(dataset.GetLayerCount())}
    assert counts == {"projects": 3, "findings": 2}


def test_without_a_chosen_folder_the_geopackage_is_beside_the_project(project, dock, tmp_path):
    assert project.write(str(tmp_path / "work.qgz"))
    _checked_layers(project, dock)
    _run(dock, project)
    assert (tmp_path / "sgnr_results.gpkg").is_file()
    assert result_layers.results_gpkg(project) == tmp_path / "sgnr_results.gpkg"


def test_a_second_run_replaces_the_group_unless_history_is_kept(project, dock, tmp_path):
    result_layers.set_results_folder(str(tmp_path), project)
    _checked_layers(project, dock)
    first = {name: layer.id() for name, layer in _run(dock, project).items()}
    _run(dock, project)
    groups = result_layers.result_groups("farmland", project)
    assert len(groups) == 1
    assert not set(first.values()) & set(project.mapLayers())  # the old layers are gone
    assert len(_tables(tmp_path / "sgnr_results.gpkg")) == 2  # and their tables
    result_layers.set_keep_history(True, project)
    _run(dock, project)
    assert len(result_layers.result_groups("farmland", project)) == 2
    assert len(_tables(tmp_path / "sgnr_results.gpkg")) == 4
    # a result layer the user moved out of its group stays usable: its table is kept
    result_layers.set_keep_history(False, project)
    kept = dock.result_layers["OUTPUT_PROJECTS"]
    project.layerTreeRoot().insertLayer(0, kept)  # a second node, outside the group
    for group in result_layers.result_groups("farmland", project):
        node = group.findLayer(kept.id())
        if node is not None:
            group.removeChildNode(node)
    _run(dock, project)
    assert kept.id() in project.mapLayers()
    assert kept.source().split("layername=")[1] in _tables(tmp_path / "sgnr_results.gpkg")
    assert len(result_layers.result_groups("farmland", project)) == 1


def test_a_canceled_run_leaves_no_table(project, dock, tmp_path):
    result_layers.set_results_folder(str(tmp_path), project)
    layers = sample_layers(count=60)
    project.addMapLayers(list(layers.values()))
    dock.detect_roles()
    assert dock.run_check(False)
    dock.runner.cancel()
    assert wait_until(lambda: not dock.runner.running)
    assert not (tmp_path / "sgnr_results.gpkg").exists()  # created by the run: removed
    assert dock.run_check(False)  # and the next run works
    assert wait_until(lambda: not dock.runner.running)
    assert dock.result_layers, dock.status.text()


def test_a_failed_run_keeps_the_results_of_earlier_runs(project, dock, tmp_path):
    """Discarding a failed run drops its own tables only, never the file's others."""
    result_layers.set_results_folder(str(tmp_path), project)
    result_layers.set_keep_history(True, project)
    _checked_layers(project, dock)
    _run(dock, project)
    earlier = _tables(tmp_path / "sgnr_results.gpkg")
    run = result_layers.ResultRun("farmland", ("OUTPUT_FINDINGS", "OUTPUT_PROJECTS"), project)
    run.destinations()
    run.discard()
    assert (tmp_path / "sgnr_results.gpkg").is_file()
    assert _tables(tmp_path / "sgnr_results.gpkg") == earlier


def _assert_aliases(layer, chinese: bool) -> None:
    for index, field in enumerate(layer.fields()):
        alias = layer.attributeAlias(index)
        assert alias and alias != field.name(), (layer.name(), field.name())
        has_chinese = any("\u4e00" <= c <= "\u9fff" for c in alias)
        assert has_chinese == chinese, (field.name(), alias)


def test_result_layers_have_aliases_in_the_interface_language(project, dock, tmp_path):
    from sg_nr_plugin.i18n import install_translator, remove_translator

    result_layers.set_results_folder(str(tmp_path), project)
    _checked_layers(project, dock)
    for layer in _run(dock, project).values():
        _assert_aliases(layer, chinese=False)
    assert install_translator("zh_CN")
    try:
        for layer in _run(dock, project).values():
            _assert_aliases(layer, chinese=True)
    finally:
        remove_translator()


def test_every_check_kind_has_aliases_for_every_output_field(provider_registered):
    """The quota fields of each check (farmland, paddy, mine) are in the alias table too."""
    from sg_nr_plugin.core.schema.result_fields import result_fields
    from sg_nr_plugin.processing.check_base import FINDING_FIELDS, PROJECT_FIELDS

    table = result_fields()
    for algorithm_id in ("sgnr:checkfarmland", "sgnr:checkpaddy", "sgnr:checkmine"):
        algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        names = [n for n, _ in FINDING_FIELDS + PROJECT_FIELDS + algorithm.SPEC.quota_fields]
        assert [n for n in names if table.alias(n) is None] == [], algorithm_id


def test_areas_are_shown_rounded_and_stored_exact(project, dock, tmp_path):
    result_layers.set_results_folder(str(tmp_path), project)
    _checked_layers(project, dock)
    projects_layer = _run(dock, project)["OUTPUT_PROJECTS"]
    registry = QgsApplication.fieldFormatterRegistry()
    for name, places in (("area_m2", 2), ("area_mu", 4)):
        index = projects_layer.fields().indexOf(name)
        setup = projects_layer.editorWidgetSetup(index)
        formatter = registry.fieldFormatter(setup.type())
        for feature in projects_layer.getFeatures():
            stored = feature[name]
            assert stored != round(stored, places)  # the hand-made areas are not round
            shown = formatter.representValue(projects_layer, index, setup.config(), None,
                                             stored)
            assert shown.replace(",", "") == f"{stored:.{places}f}", (name, shown, stored)


def test_findings_style_has_a_scale_dependent_marker_and_translated_legend(project, dock,
                                                                          tmp_path):
    from qgis.core import QgsCentroidFillSymbolLayer

    from sg_nr_plugin.i18n import install_translator, remove_translator

    result_layers.set_results_folder(str(tmp_path), project)
    _checked_layers(project, dock)
    findings = _run(dock, project)["OUTPUT_FINDINGS"]
    root = findings.renderer().rootRule()
    markers = [rule for rule in root.children() if rule.maximumScale() > 0]
    assert markers, "no rule drawn only when zoomed out"
    for rule in markers:
        for child in rule.children():
            assert isinstance(child.symbol().symbolLayer(0), QgsCentroidFillSymbolLayer)
    polygons = [rule for rule in root.children() if rule.minimumScale() > 0]
    assert polygons and all(p.minimumScale() == markers[0].maximumScale() for p in polygons)
    assert findings.labelsEnabled()
    labels = {rule.description(): rule.label() for rule in polygons[0].children()}
    assert labels["severity:error"] == "Error"
    assert install_translator("zh_CN")
    try:
        findings = _run(dock, project)["OUTPUT_FINDINGS"]
        polygons = [r for r in findings.renderer().rootRule().children() if r.minimumScale()]
        labels = {rule.description(): rule.label() for rule in polygons[0].children()}
    finally:
        remove_translator()
    assert labels == {"severity:error": "错误", "severity:warning": "警告",
                      "severity:info": "提示"}


def test_processing_loads_outputs_styled_with_aliases_and_rounding(project, provider_registered,
                                                                   tmp_path):
    """A result layer loaded by Processing (toolbox, runAndLoadResults) is presented as well:
    file outputs (moved into place after the run) and temporary ones, run after run (a
    post-processor shared between runs was deleted by the first run's context)."""
    import processing

    layers = sample_layers()
    project.addMapLayers(list(layers.values()))
    inputs = {"PROJECTS": layers["PROJECTS"], "DLTB": layers["DLTB"],
              "ECO_REDLINE": layers["ECO_REDLINE"]}
    before = set(project.mapLayers())
    for outputs in ({"OUTPUT_FINDINGS": str(tmp_path / "f.gpkg"),
                     "OUTPUT_PROJECTS": str(tmp_path / "p.gpkg")},
                    {"OUTPUT_FINDINGS": "TEMPORARY_OUTPUT", "OUTPUT_PROJECTS": "TEMPORARY_OUTPUT"},
                    {"OUTPUT_FINDINGS": "TEMPORARY_OUTPUT", "OUTPUT_PROJECTS": "TEMPORARY_OUTPUT"}):
        processing.runAndLoadResults("sgnr:checkfarmland", {**inputs, **outputs})
    loaded = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    assert len(loaded) == 6
    for layer in loaded:
        _assert_aliases(layer, chinese=False)
        index = layer.fields().indexOf("area_m2")
        assert layer.editorWidgetSetup(index).config().get("Precision") == 2
        assert layer.renderer().type() == "RuleRenderer" and layer.labelsEnabled()


def test_two_outputs_may_share_a_geopackage_in_different_tables_only(provider_registered,
                                                                     tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    layers = sample_layers()
    gpkg = tmp_path / "results.gpkg"
    inputs = {"PROJECTS": layers["PROJECTS"], "DLTB": layers["DLTB"]}
    processing.run("sgnr:checkfarmland", {
        **inputs, "OUTPUT_FINDINGS": f"ogr:dbname='{gpkg}' table=\"a\" (geom)",
        "OUTPUT_PROJECTS": f"ogr:dbname='{gpkg}' table=\"b\" (geom)"})
    assert _tables(gpkg) == ["a", "b"]
    with pytest.raises(QgsProcessingException, match="both write"):
        processing.run("sgnr:checkfarmland", {
            **inputs, "OUTPUT_FINDINGS": f"ogr:dbname='{gpkg}' table=\"c\" (geom)",
            "OUTPUT_PROJECTS": f"ogr:dbname='{gpkg}' table=\"C\" (geom)"})


def test_imported_coordinates_are_saved_and_can_be_checked(project, dock, tmp_path):
    """The panel's coordinate import is written to sgnr_imports.gpkg (not a memory layer), a
    file the check never writes to: checking the imported projects is not refused."""
    from pathlib import Path

    data = Path(__file__).resolve().parents[1] / "coordtxt" / "data"
    result_layers.set_results_folder(str(tmp_path), project)
    assert dock.import_coordinates([str(data / "single_square.txt")])
    assert wait_until(lambda: not dock.import_runner.running, 60), "import did not finish"
    imported = dock.role_combos["PROJECTS"].currentLayer()
    assert imported is not None and imported.providerType() == "ogr"
    assert str(tmp_path / "sgnr_imports.gpkg") in imported.source()
    assert dock.run_check(False)
    assert wait_until(lambda: not dock.runner.running), "task did not finish"
    assert dock.result_layers, dock.status.text()
    assert (tmp_path / "sgnr_results.gpkg").is_file()


def test_every_algorithm_output_field_has_an_alias(provider_registered):
    """Statistics tables, the ledger, the data health check and the coordinate import too:
    their columns as the algorithms write them."""
    from sg_nr_plugin.core.coordtxt.reader import FIELDS as IMPORT_FIELDS
    from sg_nr_plugin.core.quality import COLUMNS as QUALITY
    from sg_nr_plugin.core.schema.result_fields import result_fields
    from sg_nr_plugin.core.stats import indicators, minestats, overlaystats
    from sg_nr_plugin.processing.algorithms.balanceledger import _fields as ledger_fields
    from sg_nr_plugin.processing.algorithms.importcoordtxt import REPORT_FIELDS

    table = result_fields()
    columns = {
        "landusesummary": ["region_code", "region_name", "dlbm", "dlmc", "area", "count"],
        "changematrix": ["region_code", "region_name", "from_class", "from_name", "to_class",
                         "to_name", "area"],
        "planindicators": indicators.COLUMNS,
        "overlaystats": overlaystats.COLUMNS,
        "minestats": [c.replace("_m2", "_area") if c in minestats.AREA_COLUMNS else c
                      for c in minestats.COLUMNS],
        "dltbquality": QUALITY, "balanceledger": ledger_fields().names(),
        "importcoordtxt": ["fid", *(n for n, _ in IMPORT_FIELDS + REPORT_FIELDS)]}
    missing = {alg: [c for c in names if table.alias(c) is None]
               for alg, names in columns.items()}
    assert {alg: names for alg, names in missing.items() if names} == {}


def test_processing_loads_any_algorithm_output_with_aliases(project, provider_registered):
    """An algorithm without a style of its own (the data health check's table) gets aliases
    when Processing loads its output."""
    import processing

    survey = sample_layers()["DLTB"]
    project.addMapLayer(survey)
    before = set(project.mapLayers())
    processing.runAndLoadResults("sgnr:dltbquality", {"INPUT": survey,
                                                      "OUTPUT": "TEMPORARY_OUTPUT"})
    [table] = [project.mapLayer(i) for i in set(project.mapLayers()) - before]
    _assert_aliases(table, chinese=False)


def test_discarding_a_run_removes_the_geopackage_it_left_unreadable(project, tmp_path):
    """Seen in the full suite: a run canceled while QGIS was creating the GeoPackage left a
    file GDAL cannot open, and every later run of the panel would have failed on it."""
    result_layers.set_results_folder(str(tmp_path), project)
    run = result_layers.ResultRun("farmland", ("OUTPUT_FINDINGS", "OUTPUT_PROJECTS"), project)
    run.destinations()
    (tmp_path / "sgnr_results.gpkg").write_bytes(b"")  # what the interrupted writer left
    run.discard()
    assert not (tmp_path / "sgnr_results.gpkg").exists()


def test_an_unreadable_results_file_is_named_with_the_fix(project, dock, tmp_path):
    result_layers.set_results_folder(str(tmp_path), project)
    (tmp_path / "sgnr_results.gpkg").write_bytes(b"not a geopackage")
    _checked_layers(project, dock)
    assert not dock.run_check(False)
    assert "sgnr_results.gpkg" in dock.message_text()
    assert "choose another results folder" in dock.message_text()


def test_the_results_box_stores_the_folder_and_the_option_in_the_project(project, dock,
                                                                         tmp_path):
    box = dock.findChild(result_layers.ResultsBox)
    assert box is not None
    box.folder.setFilePath(str(tmp_path / "out"))
    box.keep.setChecked(True)
    assert result_layers.results_gpkg(project) == tmp_path / "out" / "sgnr_results.gpkg"
    assert result_layers.keep_history(project)
    assert str(tmp_path / "out") in box.where.toolTip()
    path = str(tmp_path / "work.qgz")
    assert project.write(path)
    project.clear()
    assert box.folder.filePath() == "" and not box.keep.isChecked()
    assert project.read(path)
    assert box.folder.filePath() == str(tmp_path / "out") and box.keep.isChecked()


def _labels(layer, key: str) -> dict:
    from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils

    expression = QgsExpression(layer.labeling().settings().fieldName)
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    shown = {}
    for feature in layer.getFeatures():
        context.setFeature(feature)
        text = expression.evaluate(context)
        assert not expression.hasEvalError(), expression.evalErrorString()
        shown[feature[key]] = text.split("\n")
    return shown


def test_map_labels_show_rule_titles_and_verdicts_not_codes(project, dock, tmp_path):
    """#18 review: the findings' map label read "area_mismatch / 2,880.0 m²" in a Chinese
    desktop. It now reads the rule's title in the interface language; a checked project's
    label gives its verdict (需整改) under its id, which the input layer labels already."""
    import re

    from sg_nr_plugin.i18n import install_translator, remove_translator

    result_layers.set_results_folder(str(tmp_path), project)
    _checked_layers(project, dock)
    assert install_translator("zh_CN")
    try:
        layers = _run(dock, project)
    finally:
        remove_translator()
    rules = {rule: lines[0] for rule, lines in _labels(layers["OUTPUT_FINDINGS"],
                                                       "rule_id").items()}
    assert rules, "the sample gives findings"
    assert {r: t for r, t in rules.items() if re.search(r"[A-Za-z]", t)} == {}
    if "eco_redline" in rules:
        assert rules["eco_redline"] == "生态保护红线"
    words = {"fail": "不通过", "needs_fixing": "需整改", "pass": "通过"}
    projects_layer = layers["OUTPUT_PROJECTS"]
    verdicts = {f["project_id"]: f["verdict"] for f in projects_layer.getFeatures()}
    shown = _labels(projects_layer, "project_id")
    assert shown == {p: [p, words[v]] for p, v in verdicts.items()}


def test_shipped_styles_name_no_label_font():
    """#18 review: loading a result or sample layer showed "Font “DejaVu LGC Sans” not
    available on system" in QGIS's message bar (the font of the machine that wrote the
    styles). Labels now use the application's font, on any machine."""
    from xml.etree import ElementTree

    from sg_nr_plugin.paths import resource_path

    named = {}
    for path in sorted(resource_path("styles").glob("*.qml")):
        for element in ElementTree.parse(path).iter("text-style"):
            if element.get("fontFamily") is not None:
                named[path.name] = element.get("fontFamily")
    assert named == {}
