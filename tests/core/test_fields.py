"""DLTB field detection: case, second-survey names, Chinese names, required-field errors."""

from __future__ import annotations

import pytest
from qgis.core import QgsField, QgsFields
from qgis.PyQt.QtCore import QVariant

from sg_nr_plugin.core.errors import MissingFieldsError
from sg_nr_plugin.core.fields import detect_dltb_fields, find_field


def qgs_fields(*names):
    result = QgsFields()
    for name in names:
        result.append(QgsField(name, QVariant.String))
    return result


def test_upper_case_third_survey():
    found = detect_dltb_fields(qgs_fields("BSM", "TBBH", "DLBM", "DLMC", "ZLDWDM", "TBMJ",
                                          "KCXS", "KCMJ", "TBDLMJ", "GDPDJB"))
    assert (found.dlbm, found.zldwdm, found.kcxs, found.kcmj, found.gdpdjb) == (
        "DLBM", "ZLDWDM", "KCXS", "KCMJ", "GDPDJB")
    assert found.czcsxm is None and found.gddb is None


def test_lower_and_mixed_case_keep_the_actual_spelling():
    found = detect_dltb_fields(["dlbm", "Zldwdm", "tbMJ", "TbDlMj", "kcxs"])
    assert (found.dlbm, found.zldwdm, found.tbmj, found.tbdlmj, found.kcxs) == (
        "dlbm", "Zldwdm", "tbMJ", "TbDlMj", "kcxs")


def test_second_survey_names():
    found = detect_dltb_fields(qgs_fields("DLBM", "TBMJ", "TKXS", "TKMJ", "GDPDJ"))
    assert (found.kcxs, found.kcmj, found.gdpdjb) == ("TKXS", "TKMJ", "GDPDJ")


def test_third_survey_name_preferred_over_second():
    found = detect_dltb_fields(["TKXS", "KCXS", "tkmj", "kcmj"])
    assert (found.kcxs, found.kcmj) == ("KCXS", "kcmj")


def test_chinese_names():
    found = detect_dltb_fields(["地类编码", "图斑面积", "坐落单位代码"])
    assert (found.dlbm, found.tbmj, found.zldwdm) == ("地类编码", "图斑面积", "坐落单位代码")


def test_find_field():
    fields = qgs_fields("XZQDM", "xzqmc")
    assert find_field(fields, "XZQMC", "NAME") == "xzqmc"
    assert find_field(fields, "nothing") is None
    assert find_field([" DLBM "], "dlbm") == " DLBM "


def test_require_lists_the_layer_and_every_missing_field():
    found = detect_dltb_fields(["DLBM", "TBMJ"])
    assert found.require(["dlbm", "tbmj"], "DLTB") is found
    with pytest.raises(MissingFieldsError) as info:
        found.require(["dlbm", "zldwdm", "kcxs", "tbdlmj"], "地类图斑2020")
    message = str(info.value)
    assert "地类图斑2020" in message
    for name in ("ZLDWDM", "KCXS", "TBDLMJ"):
        assert name in message
    assert "TKXS" in message          # the accepted second-survey spelling is named too
    assert info.value.missing == ["ZLDWDM", "KCXS/TKXS", "TBDLMJ"]


def test_present_and_as_dict():
    found = detect_dltb_fields(["DLBM"])
    assert found.present() == {"dlbm": "DLBM"}
    assert set(found.as_dict()) >= {"bsm", "tbbh", "dlbm", "dlmc", "zldwdm", "zldwmc", "tbmj",
                                    "kcdlbm", "kcxs", "kcmj", "tbdlmj", "gdlx", "gdpdjb",
                                    "gddb", "czcsxm", "zzsxdm"}
