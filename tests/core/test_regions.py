"""Regions: ZLDWDM prefixes and names (names from /work/shared/data/shaoguan_counties/README.md)."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.regions import (
    CITY_CODE,
    SHAOGUAN_COUNTIES,
    UNKNOWN_CODE,
    WHOLE_CODE,
    RegionLevel,
    region_code,
    region_level_of,
    region_name,
)

ZLDWDM = "4402031010010000000"  # 19 chars: county 440203, township 101, village 001


def test_prefixes():
    assert region_code(ZLDWDM, RegionLevel.COUNTY) == "440203"
    assert region_code(ZLDWDM, RegionLevel.TOWNSHIP) == "440203101"
    assert region_code(ZLDWDM, RegionLevel.VILLAGE) == "440203101001"
    assert region_code(ZLDWDM, RegionLevel.WHOLE) == WHOLE_CODE
    assert region_code(" " + ZLDWDM + " ", 1) == "440203"                 # int level, padding
    assert region_level_of("440203101") == RegionLevel.TOWNSHIP


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_empty_location_is_kept_as_unknown(empty):
    assert region_code(empty, RegionLevel.COUNTY) == UNKNOWN_CODE
    assert region_name(UNKNOWN_CODE)


def test_qvariant_null():
    from qgis.PyQt.QtCore import QVariant
    assert region_code(QVariant(), RegionLevel.COUNTY) == UNKNOWN_CODE


def test_ten_county_names_from_the_shared_readme():
    expected = {
        "440203": "武江区", "440204": "浈江区", "440205": "曲江区", "440222": "始兴县",
        "440224": "仁化县", "440229": "翁源县", "440232": "乳源瑶族自治县", "440233": "新丰县",
        "440281": "乐昌市", "440282": "南雄市",
    }
    assert expected == SHAOGUAN_COUNTIES
    assert all(region_name(code) == name for code, name in expected.items())
    assert CITY_CODE == "440200"
    assert region_name(CITY_CODE) == "韶关市"


def test_names_given_win_and_unknown_code_shows_itself():
    assert region_name("440203101", {"440203101": "西河镇"}) == "西河镇"
    assert region_name("440203", {"440203": "武江"}) == "武江"
    assert region_name("440203999") == "440203999"
