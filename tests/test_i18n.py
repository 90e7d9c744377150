"""The compiled zh_CN translation loads and translates the plugin's strings."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from sg_nr_plugin.i18n import install_translator, remove_translator, tr
from sg_nr_plugin.paths import i18n_path
from tests.conftest import ROOT


def test_zh_cn_qm_translates_known_string(qgis_app):
    assert i18n_path("sg_nr_plugin_zh_CN.qm").is_file(), "run 'make qm'"
    assert install_translator("zh_CN")
    try:
        assert tr("Shaoguan Natural Resources") == "韶关自然资源"
    finally:
        remove_translator()
    assert tr("Shaoguan Natural Resources") == "Shaoguan Natural Resources"


def test_every_source_string_has_a_chinese_translation():
    tree = ET.parse(ROOT / "i18n" / "sg_nr_plugin_zh_CN.ts")
    missing = [m.findtext("source") for m in tree.iter("message")
               if m.find("translation").get("type") == "unfinished"
               or not (m.findtext("translation") or "").strip()]
    assert not missing, f"untranslated: {missing}"
