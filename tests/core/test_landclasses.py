"""Land-class table against domain.md §3 (codes typed here from the reference, not the JSON)."""

from __future__ import annotations

import copy
import json

import pytest

from sg_nr_plugin.core.landclasses import (
    UNRECOGNISED,
    LandClassError,
    LandClassTable,
    land_classes,
)
from sg_nr_plugin.paths import resource_path

DOMAIN_CODES = {
    "0101": "水田", "0102": "水浇地", "0103": "旱地",
    "0201": "果园", "0202": "茶园", "0203": "橡胶园", "0204": "其他园地",
    "0301": "乔木林地", "0302": "竹林地", "0305": "灌木林地", "0307": "其他林地",
    "0401": "天然牧草地", "0403": "人工牧草地", "0404": "其他草地",
    "0303": "红树林地", "0304": "森林沼泽", "0306": "灌丛沼泽", "0402": "沼泽草地", "0603": "盐田",
    "1105": "沿海滩涂", "1106": "内陆滩涂", "1108": "沼泽地",
    "05H1": None, "0508": None, "0601": None, "0602": None, "0701": None, "0702": "农村宅基地",
    "08H1": None, "08H2": None, "0809": None, "0810": None, "0810A": "广场用地", "09": "特殊用地",
    "1001": None, "1002": None, "1003": None, "1004": None, "1005": None, "1006": "农村道路",
    "1007": None, "1008": None, "1009": None,
    "1101": "河流水面", "1102": "湖泊水面", "1103": "水库水面", "1104": "坑塘水面",
    "1104A": "养殖坑塘", "1107": "沟渠", "1107A": "干渠", "1109": None, "1110": None,
    "1201": "空闲地", "1202": "设施农用地", "1203": "田坎", "1204": "盐碱地", "1205": "沙地",
    "1206": "裸土地", "1207": "裸岩石砾地",
    "0201K": None, "0301K": None, "1104K": None,
    "1301": "临时用地", "1302": "光伏板区", "1303": "推土区", "1304": "拆除未尽区",
    "201": None, "202": None, "203": None, "204": None, "205": None,
    "201A": None, "202A": None, "203A": None,
}
WETLAND_00 = {"0303", "0304", "0306", "0402", "0603", "1105", "1106", "1108"}
# domain.md §3, three major categories (GB/T 21010-2017 annex), spelled out per code
AGRICULTURAL = {"0101", "0102", "0103", "0201", "0202", "0203", "0204", "0301", "0302", "0305",
                "0307", "0401", "0402", "0403", "1006", "1104", "1107", "1202", "1203",
                "0303", "0304", "0306"}
CONSTRUCTION = {"05H1", "0508", "0601", "0602", "0603", "0701", "0702", "08H1", "08H2", "0809",
                "0810", "09", "1001", "1002", "1003", "1004", "1005", "1007", "1008", "1009",
                "1103", "1109", "1201"}
UNUSED = {"0404", "1101", "1102", "1105", "1106", "1108", "1110", "1204", "1205", "1206", "1207"}


@pytest.fixture(scope="module")
def table():
    return land_classes()


@pytest.mark.parametrize("code", sorted(DOMAIN_CODES))
def test_every_domain_code_resolves(table, code):
    cls = table.lookup(code)
    assert cls.recognised and cls.code == code
    assert cls.name_zh and cls.name_en and cls.level1_name_zh
    if DOMAIN_CODES[code]:
        assert cls.name_zh == DOMAIN_CODES[code]


def test_level1_groups(table):
    assert {c for c in DOMAIN_CODES if table.lookup(c).level1 == "00"} == WETLAND_00
    assert table.lookup("0101").level1_name_zh == "耕地"
    assert table.lookup("1104A").level1 == "11"
    assert table.lookup("0201K").level1 == "02"


def test_major_categories_as_in_the_domain_reference(table):
    for code in AGRICULTURAL:
        assert table.major_of(code) == "agricultural", code
    for code in CONSTRUCTION:
        assert table.major_of(code) == "construction", code
    for code in UNUSED:
        assert table.major_of(code) == "unused", code


def test_major_categories_partition_all_codes(table):
    sets = [table.class_set(n) for n in ("agricultural", "construction", "unused")]
    codes = set(table.codes())
    assert set().union(*sets) == codes
    assert sum(len(s) for s in sets) == len(codes)  # pairwise disjoint


@pytest.mark.parametrize("code", ["", None, "9999", "ABC", "01", "  "])
def test_unknown_and_empty_codes_are_unrecognised(table, code):
    cls = table.lookup(code)
    assert cls.code == UNRECOGNISED and not cls.recognised and cls.major == ""


def test_unknown_codes_are_counted(table):
    tally = table.tally_unrecognised(["0101", "", None, "9999", "9999", "0301K"])
    assert tally == {"": 2, "9999": 2}


def test_suffixes_and_normalisation(table):
    assert table.lookup(" 0201k ").code == "0201K"
    assert table.lookup("0201K").base == "0201"
    assert table.lookup("0102K").code == "0102K"          # unlisted suffix: grouped with base
    assert table.lookup("0102K").major == "agricultural"
    assert table.in_set("0102K", "cultivated")
    assert table.in_set("0301K", "forest") and "0301K" in table.class_set("forest")
    assert table.in_set("1104A", "wetland_protection")
    assert not table.in_set("1104A", "wetland")
    assert table.lookup(101.0).code == "101"              # numeric DLBM of a second-survey file


def test_named_sets(table):
    assert table.class_set("cultivated") >= {"0101", "0102", "0103"}
    assert not table.class_set("cultivated") & {"0201", "1203", "0201K"}
    assert table.class_set("paddy") >= {"0101"}
    assert {c for c in table.class_set("wetland") if len(c) == 4} == WETLAND_00
    assert table.class_set("wetland_protection") >= WETLAND_00 | {"1101", "1102", "1103", "1104"}
    assert table.class_set("construction") >= CONSTRUCTION
    for name in ("garden", "forest", "grassland", "forest_cover", "water", "transport"):
        assert table.class_set(name)
    with pytest.raises(LandClassError, match="nosuch"):
        table.class_set("nosuch")


def test_second_survey_codes(table):
    assert table.lookup("011").name_zh == "水田" and table.in_set("011", "cultivated")
    assert table.lookup("203").major == "construction"
    assert table.lookup("123").major == "agricultural"
    assert table.czcsxm["201A"] == "城市独立工业用地"


def _data():
    return json.loads(resource_path("data", "landclasses.json").read_text(encoding="utf-8"))


def test_file_has_id_and_version():
    data = _data()
    assert data["id"] and data["version"]


@pytest.mark.parametrize(("mutate", "key"), [
    (lambda d: d.pop("version"), "version"),
    (lambda d: d["classes"][3].pop("name_zh"), "classes[3].name_zh"),
    (lambda d: d["classes"][0].update(major="farm"), "classes[0].major"),
    (lambda d: d["classes"][1].update(code=d["classes"][0]["code"]), "classes[1].code"),
    (lambda d: d["sets"]["forest"]["codes"].append("7777"), "sets.forest.codes"),
    (lambda d: d["sets"].pop("cultivated"), "sets.cultivated"),
])
def test_validation_names_the_key(mutate, key):
    data = copy.deepcopy(_data())
    mutate(data)
    with pytest.raises(LandClassError) as info:
        LandClassTable(data, "landclasses.json")
    assert key in str(info.value)


def test_load_error_names_the_file(tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(LandClassError, match="broken.json"):
        land_classes(str(broken))
