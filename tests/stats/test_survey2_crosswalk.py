"""The 二调 → 三调 crosswalk data file: complete, validated, approximations flagged."""

from __future__ import annotations

import copy
import json

import pytest

from sg_nr_plugin.core.landclasses import land_classes
from sg_nr_plugin.core.survey2 import Crosswalk, CrosswalkError, crosswalk
from sg_nr_plugin.paths import resource_path

# domain.md §9, typed from the reference
SECOND_CODES = {"011", "012", "013", "021", "022", "023", "031", "032", "033", "041", "042",
                "043", "201", "202", "203", "204", "205", "101", "102", "104", "105", "106",
                "107", "111", "112", "113", "114", "115", "116", "117", "118", "119", "121",
                "122", "123", "124", "125", "126", "127"}


def test_every_second_survey_code_is_in_the_table_and_the_crosswalk():
    table = land_classes()
    for code in SECOND_CODES:
        assert table.lookup(code).survey == "second", code
        assert crosswalk().entry(code) is not None, code
    assert table.lookup("121").name_zh == "空闲地"


@pytest.mark.parametrize(("code", "third", "approximate"), [
    ("031", "03", True), ("116", "1106", False), ("125", "1108", True),
    ("203", "construction", True), ("122", "1202", False), ("204", "0602", True),
    ("011", "0101", False)])
def test_crosswalk_as_in_the_domain_reference(code, third, approximate):
    entry = crosswalk().entry(code)
    assert entry.third == third and entry.approximate == approximate
    assert not approximate or entry.note_zh


@pytest.mark.parametrize(("code", "set_name", "expected"), [
    ("116", "wetland", (True, False)), ("125", "wetland", (True, False)),
    ("031", "wetland", (False, True)), ("031", "forest_cover", (True, False)),
    ("011", "cultivated", (True, False)), ("203", "construction", (True, False)),
    ("203", "transport", (False, True))])
def test_membership_in_third_survey_sets(code, set_name, expected):
    assert crosswalk().membership(code, set_name) == expected


def _data():
    return json.loads(resource_path("data", "crosswalk_second_third.json").read_text("utf-8"))


@pytest.mark.parametrize(("change", "key"), [
    (lambda d: d["classes"].pop(0), "classes"),
    (lambda d: d["classes"][0].update(third="9999"), "classes[0].third"),
    (lambda d: d["classes"][0].update(candidates=["011"]), "classes[0].candidates"),
    (lambda d: d["classes"][6].update(note_zh=""), "classes[6].note_zh"),
    (lambda d: d.pop("version"), "version"),
])
def test_broken_crosswalk_names_file_and_key(change, key):
    data = copy.deepcopy(_data())
    change(data)
    with pytest.raises(CrosswalkError, match=key.replace("[", r"\[").replace("]", r"\]")):
        Crosswalk(data, "crosswalk_second_third.json")
