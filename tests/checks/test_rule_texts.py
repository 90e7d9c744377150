"""Rule titles and threshold labels/notes (#18): every shipped rule set has both languages, the
texts follow the interface language, and hand-written rule sets without them still work."""

from __future__ import annotations

import json
import re

import pytest

from sg_nr_plugin.core.checks.findings import Both, bilingual
from sg_nr_plugin.core.checks.rule_texts import (
    rule_title,
    rule_titles,
    threshold_label,
    threshold_note,
)
from sg_nr_plugin.core.checks.ruleset import (
    RuleSetError,
    builtin_ruleset,
    parse_ruleset,
    ruleset_to_dict,
)
from sg_nr_plugin.i18n import install_translator, remove_translator, ui_language
from tests.conftest import ROOT

SHIPPED = sorted((ROOT / "resources" / "data" / "rulesets").glob("*.json"))
CJK = re.compile(r"[\u3400-\u9fff]")


@pytest.fixture
def chinese(qgis_app):
    assert install_translator("zh_CN")
    yield
    remove_translator()


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_rule_and_threshold_of_a_shipped_rule_set_has_both_languages(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    texts = [(f"rules.{rid}.title", spec.get("title")) for rid, spec in data["rules"].items()]
    for key, spec in data["thresholds"].items():
        texts += [(f"thresholds.{key}.label", spec.get("label")),
                  (f"thresholds.{key}.note", spec.get("note"))]
    for where, text in texts:
        assert isinstance(text, dict) and set(text) == {"en", "zh"}, where
        assert text["en"].strip() and not CJK.search(text["en"]), where
        assert CJK.search(text["zh"]), where
    assert data["version"] >= "2023.2"  # the texts are new content of the files (2023.2)
    parse_ruleset(data, path.name)  # and the loader accepts them


def test_titles_follow_the_interface_language(qgis_app):
    ruleset = builtin_ruleset("farmland")
    remove_translator()
    assert ui_language() == "en"
    assert rule_title("steep_slope", ruleset) == "Steep slope"
    assert threshold_label("min_finding_m2", ruleset) == "Smallest conflict reported (m²)"
    assert threshold_note("sliver_width_m", ruleset).startswith("unconfirmed; overlay strips")
    assert rule_titles("eco_redline, protected_area", ruleset) == \
        "Ecological protection red line, Protected areas"
    assert install_translator("zh_CN")
    try:
        assert ui_language() == "zh"
        assert rule_title("steep_slope", ruleset) == "陡坡"
        assert rule_title("source_class", builtin_ruleset("paddy")) == "不可垦造水田的地类"
        assert threshold_label("min_finding_m2", ruleset) == "最小问题面积（平方米）"
        assert threshold_note("sliver_width_m", ruleset).startswith("未确认；")
        assert rule_titles(["eco_redline", "protected_area"], ruleset) == "生态保护红线、自然保护地"
    finally:
        remove_translator()
    assert ui_language() == "en"


def _hand_written() -> dict:
    """A rule-set file as counties wrote them before 2023.2: no titles, notes in English."""
    data = ruleset_to_dict(builtin_ruleset("farmland"))
    for spec in data["rules"].values():
        spec.pop("title")
    for spec in data["thresholds"].values():
        spec.pop("label")
        spec["note"] = "set by the county"
    data["rules"]["county_rule"] = {"severity": "warning"}
    data["thresholds"]["county_limit"] = {"value": 3.0, "note": "a county's own"}
    return data


def test_a_rule_set_without_texts_takes_the_built_in_ones(chinese):
    ruleset = parse_ruleset(_hand_written(), "county.json")
    assert rule_title("steep_slope", ruleset) == "陡坡"
    assert threshold_label("min_finding_m2", ruleset) == "最小问题面积（平方米）"
    assert rule_title("county_rule", ruleset) == "county_rule"  # described nowhere: the id
    assert threshold_label("county_limit", ruleset) == "county_limit"
    assert threshold_note("county_limit", ruleset) == "a county's own"


def test_a_half_given_text_is_refused_naming_the_key():
    data = ruleset_to_dict(builtin_ruleset("mine"))
    data["rules"]["hazard"]["title"] = {"en": "Hazards"}
    with pytest.raises(RuleSetError) as raised:
        parse_ruleset(data, "county.json")
    assert raised.value.key == "rules.hazard.title.zh"
    data["rules"]["hazard"]["title"] = ["Hazards", "隐患"]
    with pytest.raises(RuleSetError) as raised:
        parse_ruleset(data, "county.json")
    assert raised.value.key == "rules.hazard.title"


def test_the_edited_copy_of_the_panel_keeps_the_texts():
    ruleset = builtin_ruleset("paddy")
    copy = parse_ruleset(json.loads(json.dumps(ruleset_to_dict(
        ruleset.with_thresholds({"min_block_mu": 80.0})))))
    assert copy.thresholds["min_block_mu"].value == 80.0
    assert copy.rules == ruleset.rules
    assert {k: t for k, t in copy.thresholds.items() if k != "min_block_mu"} == \
        {k: t for k, t in ruleset.thresholds.items() if k != "min_block_mu"}


def test_a_message_value_can_differ_by_language(qgis_app):
    zh, en = bilingual("{area_m2} m² ({area_mu} mu) of project {project} lie on land class "
                       "{code} {name}, which cannot become paddy", area_m2="1.00",
                       area_mu="0.0015", project="P1", code="1101",
                       name=Both("河流水面", "River water surface"))
    assert en.endswith("1101 River water surface, which cannot become paddy")
    assert "1101 河流水面" in zh and not re.search(r"[A-Za-z]{3,}", zh)
