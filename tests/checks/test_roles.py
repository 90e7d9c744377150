"""Layer-role detection on plain layer descriptions (names, geometry, fields) and the role
table it reads. Every case here failed on the detection as it was before the role table."""

from __future__ import annotations

import json

import pytest

from sg_nr_plugin.core.checks.roles import LayerInfo, detect_roles
from sg_nr_plugin.paths import resource_path

FARMLAND_ROLES = ("PROJECTS", "DLTB", "ECO_REDLINE", "PROTECTED_AREAS", "PUBLIC_FOREST",
                  "URBAN_BOUNDARY", "BASIC_FARMLAND", "STEEP_SLOPE", "DEM", "HAZARDS",
                  "FILED_PROJECTS")


def detect(*args):
    from sg_nr_plugin.core.checks.roles import detect

    return detect(*args)


def detect_fields(*args):
    from sg_nr_plugin.core.checks.roles import detect_fields

    return detect_fields(*args)


def polygon(layer_id: str, name: str, *fields: str) -> LayerInfo:
    return LayerInfo(layer_id, name, "polygon", tuple(fields))


@pytest.mark.parametrize("farmland_name", ["永久基本农田保护红线", "基本农田保护红线"])
def test_basic_farmland_red_line_is_basic_farmland_not_the_ecological_red_line(farmland_name):
    # The basic-farmland layer comes first: before, 红线 made it the ecological red line.
    layers = [polygon("jbnt", farmland_name, "JBNTTBBH", "DLBM", "TBMJ"),
              polygon("red", "生态保护红线"),
              polygon("xm", "补充耕地项目", "XMBH")]
    found = detect_roles(layers, FARMLAND_ROLES, "farmland")
    assert found["ECO_REDLINE"] == "red"
    assert found["BASIC_FARMLAND"] == "jbnt"
    assert found["PROJECTS"] == "xm"


@pytest.mark.parametrize("farmland_name", ["永久基本农田保护红线", "基本农田保护红线"])
def test_basic_farmland_red_line_alone_is_never_the_ecological_red_line(farmland_name):
    found = detect_roles([polygon("jbnt", farmland_name)], FARMLAND_ROLES, "farmland")
    assert found == {"BASIC_FARMLAND": "jbnt"}


def test_a_name_fitting_two_roles_is_given_to_neither_and_reported():
    layers = [polygon("mixed", "生态保护红线与自然保护地"), polygon("gyl", "公益林")]
    found = detect(layers, FARMLAND_ROLES, "farmland")
    assert found.ambiguous == {"mixed": ("ECO_REDLINE", "PROTECTED_AREAS")}
    assert found.roles == {"PUBLIC_FOREST": "gyl"}


def test_signature_fields_settle_a_name_fitting_two_roles():
    # 保护区 and 红线 both fit; only protected areas carry a zone field.
    layers = [polygon("zr", "生态红线内保护区", "BHDMC", "ZRBHDFQ")]
    assert detect(layers, FARMLAND_ROLES).roles == {"PROTECTED_AREAS": "zr"}


def test_more_specific_pattern_wins_over_the_one_it_contains():
    layers = [polygon("f", "YBXM_2023", "XMBH"), polygon("p", "XM_BCGD", "XMBH")]
    assert detect_roles(layers, FARMLAND_ROLES, "farmland") == {
        "FILED_PROJECTS": "f", "PROJECTS": "p"}


def test_geometry_must_fit_the_role():
    layers = [LayerInfo("pts", "生态保护红线", "point"), LayerInfo("dem", "DEM_30m", "raster"),
              LayerInfo("haz", "地质灾害隐患点", "polygon")]
    assert detect_roles(layers, FARMLAND_ROLES) == {"DEM": "dem"}


def test_another_checks_project_layer_is_not_this_checks_projects():
    layers = [polygon("kz", "垦造水田项目", "XMBH"), polygon("ks", "XM_KSXF", "XMBH")]
    assert "PROJECTS" not in detect_roles(layers, FARMLAND_ROLES, "farmland")
    assert detect_roles(layers, FARMLAND_ROLES, "paddy")["PROJECTS"] == "kz"


@pytest.mark.parametrize("name", ["核查项目", "Checked projects", "核查问题"])
def test_a_checks_own_result_layers_are_not_project_parcels(name):
    # The panels add them after a run; another panel's empty picker must not take them.
    assert detect_roles([polygon("out", name, "project_id", "verdict")], FARMLAND_ROLES,
                        "paddy") == {}


def test_project_layer_found_by_a_project_code_field_xmbm():
    layers = [polygon("a", "parcels_2024", "XMBM", "SBMJ")]
    assert detect_roles(layers, FARMLAND_ROLES) == {"PROJECTS": "a"}


def test_dltb_by_fields_and_the_current_vintage():
    layers = [polygon("old", "DLTB_2019"), polygon("new", "DLTB_2022"),
              polygon("x", "survey", "DLBM", "TBMJ")]
    assert detect_roles(layers, ("DLTB",))["DLTB"] == "new"
    assert detect_roles(layers[2:], ("DLTB",)) == {"DLTB": "x"}


def test_layers_passed_over_for_a_role_are_returned():
    layers = [polygon("old", "DLTB_2020"), polygon("now", "DLTB"), polygon("x", "地类图斑_备份")]
    found = detect(layers, ("DLTB",))
    assert found.roles == {"DLTB": "now"}
    assert found.passed_over == {"DLTB": ("x", "old")}


def test_project_fields_prefer_a_code_over_a_name():
    found = detect_fields(("XMMC", "XMBM", "SBMJ", "XZQDM", "ZT"), "PROJECTS")
    assert found["PROJECT_ID_FIELD"] == "XMBM"
    assert found["DECLARED_AREA_FIELD"] == "SBMJ"
    assert found["COUNTY_FIELD"] == "XZQDM" and found["STATUS_FIELD"] == "ZT"
    assert detect_fields(("项目编码", "项目名称"), "PROJECTS")["PROJECT_ID_FIELD"] == "项目编码"
    assert detect_fields(("XMMC",), "PROJECTS")["PROJECT_ID_FIELD"] == "XMMC"  # with a warning


@pytest.mark.parametrize("name", ["SBMJ", "申报面积", "xmmj", "项目面积", "JSGM", "建设规模"])
def test_declared_area_field_aliases(name):
    assert detect_fields(("XMBH", name), "PROJECTS")["DECLARED_AREA_FIELD"] == name


@pytest.mark.parametrize("names, expected", [
    (("BHDMC", "ZRBHDFQ", "ZRBHDJB"), "ZRBHDFQ"), (("GNFQ",), "GNFQ"), (("功能分区",), "功能分区")])
def test_protected_zone_field_of_the_three_zones_three_lines_schema(names, expected):
    assert detect_fields(names, "PROTECTED_AREAS") == {"PROTECTED_ZONE_FIELD": expected}


def test_algorithms_read_the_project_code_aliases_from_the_table():
    # XMBM was missing before: the project name XMMC was used instead.
    from sg_nr_plugin.processing.check_base import PROJECT_ID_ALIASES

    assert PROJECT_ID_ALIASES.index("XMBM") < PROJECT_ID_ALIASES.index("XMMC")


def test_bundled_role_table_is_valid_and_versioned():
    from sg_nr_plugin.core.schema.roles import role_table

    table = role_table()
    assert table.id == "sgnr.layer_roles" and table.version
    assert table.label("ECO_REDLINE") in ("Ecological protection red line", "生态保护红线")
    for role in table.layer_roles.values():
        assert role.label_zh and role.label_en


def test_a_broken_role_table_names_the_file_and_the_key():
    from sg_nr_plugin.core.schema import SchemaError
    from sg_nr_plugin.core.schema.roles import parse_role_table

    data = json.loads(resource_path("data", "schema", "roles.json").read_text(encoding="utf-8"))
    data["field_roles"][0]["layer_role"] = "NOPE"
    with pytest.raises(SchemaError, match=r"roles\.json.*field_roles\[0\]\.layer_role"):
        parse_role_table(data, "roles.json")
    del data["layer_roles"][0]["geometry"]
    with pytest.raises(SchemaError, match=r"layer_roles\[0\]\.geometry"):
        parse_role_table(data, "roles.json")
