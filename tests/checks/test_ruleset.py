"""Rule-set files: the built-in default loads; mistakes are reported with the key."""

from __future__ import annotations

import copy
import json

import pytest

from sg_nr_plugin.core.checks.ruleset import (
    RuleSetError,
    builtin_ruleset,
    load_ruleset,
    parse_ruleset,
    ruleset_to_dict,
)
from sg_nr_plugin.paths import resource_path


def default_data() -> dict:
    path = resource_path("data", "rulesets", "gd_farmland.json")
    return json.loads(path.read_text(encoding="utf-8"))


def test_builtin_farmland_ruleset(qgis_app):
    ruleset = builtin_ruleset("farmland")
    assert ruleset.id == "gd-farmland-default" and ruleset.version
    assert ruleset.threshold("steep_slope_deg") == 25.0
    assert ruleset.rule("urban_boundary").severity == "warning"
    assert ruleset.rule("eco_redline").deduct
    assert {t.key for t in ruleset.unconfirmed()} >= {"area_tolerance_rel", "min_part_m2"}
    assert "steep_slope_deg" not in {t.key for t in ruleset.unconfirmed()}


@pytest.mark.parametrize("path,value,key", [
    (("rules", "geometry", "severity"), "fatal", "rules.geometry.severity"),
    (("rules", "geometry", "deduct"), "yes", "rules.geometry.deduct"),
    (("thresholds", "min_part_m2", "value"), "1", "thresholds.min_part_m2.value"),
    (("thresholds", "min_part_m2", "confirmed"), 0, "thresholds.min_part_m2.confirmed"),
    (("class_sets", "forbidden_source", "sets"), ["lakes"], "class_sets.forbidden_source.sets"),
    (("class_sets", "forbidden_source", "codes"), "11", "class_sets.forbidden_source.codes"),
    (("title",), "x", "title"),
    (("version",), "", "version"),
])
def test_mistakes_name_the_key(qgis_app, path, value, key):
    data = copy.deepcopy(default_data())
    target = data
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    with pytest.raises(RuleSetError) as error:
        parse_ruleset(data, "mine.json")
    assert f"“{key}”" in str(error.value) and "mine.json" in str(error.value)


def test_missing_key_and_bad_json(qgis_app, tmp_path):
    data = default_data()
    del data["rules"]
    with pytest.raises(RuleSetError, match="“rules”"):
        parse_ruleset(data)
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(RuleSetError, match="bad.json"):
        load_ruleset(bad)


def test_check_requires_what_it_uses(qgis_app):
    ruleset = builtin_ruleset("farmland")
    with pytest.raises(RuleSetError, match="rules.checkmine_only"):
        ruleset.require(["checkmine_only"])
    with pytest.raises(RuleSetError, match="thresholds.nope"):
        ruleset.require([], ["nope"])


def test_edited_thresholds_round_trip(qgis_app):
    ruleset = builtin_ruleset("farmland").with_thresholds({"area_tolerance_rel": 0.05})
    again = parse_ruleset(json.loads(json.dumps(ruleset_to_dict(ruleset))))
    assert again.threshold("area_tolerance_rel") == 0.05
    assert again.rules == ruleset.rules and again.class_sets == ruleset.class_sets
    with pytest.raises(RuleSetError):
        ruleset.with_thresholds({"unknown": 1})
