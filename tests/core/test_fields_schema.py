"""DLTB profiles and domains as data (resources/data/schema): spellings, 变更调查 fields, region
fallback, and files validated on load with messages naming file and key."""

from __future__ import annotations

import json

import pytest

from sg_nr_plugin.core import fields as compat
from sg_nr_plugin.core.schema import SchemaError, load_schema
from sg_nr_plugin.core.schema import dltb as schema_dltb
from sg_nr_plugin.core.schema.dltb import (
    _load_aliases,
    detect_dltb_fields,
    detect_profile,
    with_region_field,
)
from sg_nr_plugin.core.schema.domains import (
    NOT_NUMBER,
    SEPARATORS,
    DomainValueError,
    dltb_domains,
    read_code,
    read_number,
)


def test_fields_module_is_the_schema_under_its_old_name():
    assert compat.detect_dltb_fields is schema_dltb.detect_dltb_fields
    assert compat.DltbFields is schema_dltb.DltbFields
    assert compat.find_field is schema_dltb.find_field
    assert compat.DLTB_ALIASES is schema_dltb.DLTB_ALIASES


def test_both_chinese_spellings_of_zuoluo():
    found = detect_dltb_fields(["地类编码", "图斑面积", "座落单位代码", "座落单位名称"])
    assert (found.zldwdm, found.zldwmc) == ("座落单位代码", "座落单位名称")
    found = detect_dltb_fields(["坐落单位代码", "坐落单位名称"])
    assert (found.zldwdm, found.zldwmc) == ("坐落单位代码", "坐落单位名称")


def test_annual_change_fields_in_any_case():
    found = detect_dltb_fields(["bsm", "DLBM", "Tbmj", "xzqdm", "GdZzSxDm", "XXTBKD", "tbybh"])
    assert (found.xzqdm, found.gdzzsxdm, found.xxtbkd, found.tbybh) == (
        "xzqdm", "GdZzSxDm", "XXTBKD", "tbybh")
    assert detect_profile(found) == "annual_change"
    assert detect_profile(detect_dltb_fields(["BSM", "DLBM", "ZLDWDM", "TBMJ", "KCXS"])) == (
        "third_survey")


@pytest.mark.parametrize("names, used, key", [
    (["ZLDWDM", "XZQDM", "QSDWDM"], "ZLDWDM", "zldwdm"),
    (["XZQDM", "QSDWDM"], "XZQDM", "xzqdm"),
    (["qsdwdm"], "qsdwdm", "qsdwdm"),
    (["DLBM"], None, None)])
def test_region_field_fallback(names, used, key):
    fields, found_key = with_region_field(detect_dltb_fields(names))
    assert (fields.zldwdm, found_key) == (used, key)


def test_a_profile_file_with_an_unknown_attribute_is_refused():
    data = {"fields": dict(schema_dltb.DLTB_ALIASES, nonsense=["X"])}
    with pytest.raises(SchemaError, match="dltb_fields.json: “fields.nonsense”"):
        _load_aliases(data)
    data = {"fields": {k: v for k, v in schema_dltb.DLTB_ALIASES.items() if k != "tbmj"}}
    with pytest.raises(SchemaError, match="“fields.tbmj” is missing"):
        _load_aliases(data)


def test_domain_file_is_validated(tmp_path):
    path = tmp_path / "domains.json"
    path.write_text(json.dumps({"id": "x", "version": "1", "numbers": {"tbmj": {"min": "0"}},
                                "net_tolerance_m2": 0.015, "unrecognised_max_share": 0.005}),
                    encoding="utf-8")
    with pytest.raises(SchemaError, match="domains.json: “numbers.tbmj.min” must be a number"):
        dltb_domains(str(path))
    path.write_text(json.dumps({"version": "1"}), encoding="utf-8")
    with pytest.raises(SchemaError, match="“id” is missing"):
        load_schema("x", path)


def test_bundled_domains():
    domains = dltb_domains()
    assert domains.id == "dltb_domains" and domains.version
    assert domains.numbers["kcxs"].contains(0.0) and not domains.numbers["kcxs"].contains(1.0)
    assert not domains.numbers["tbmj"].contains(-0.01)
    assert domains.pad["dlbm"] == 4


@pytest.mark.parametrize("value, expected", [
    (None, (None, False)), ("", (None, True)), (" 12.5 ", (12.5, True)), ("1e3", (1000.0, True)),
    (7, (7.0, False)), (float("nan"), (None, False))])
def test_read_number(value, expected):
    assert read_number(value) == expected


@pytest.mark.parametrize("value, kind", [
    ("1,234.5", SEPARATORS), ("12,000", SEPARATORS), ("abc", NOT_NUMBER), ("1,5", NOT_NUMBER),
    ("nan", NOT_NUMBER), ("0x10", NOT_NUMBER), (True, NOT_NUMBER)])
def test_read_number_refuses(value, kind):
    with pytest.raises(DomainValueError) as info:
        read_number(value)
    assert info.value.kind == kind


def test_read_code():
    assert read_code(" 0101 ", 4) == ("0101", "")
    assert read_code(101, 4) == ("0101", "padded_code")
    assert read_code(101.0, 4) == ("0101", "padded_code")
    assert read_code(440203001001.0) == ("440203001001", "real_code")
    assert read_code(440203001001) == ("440203001001", "")
    for value, pad in ((11, 4), (101.5, 4), (4402.5, 0)):
        with pytest.raises(DomainValueError):
            read_code(value, pad)
