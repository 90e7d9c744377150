"""The zip is what QGIS's 'Install from ZIP' expects, loads in QGIS, and serves qgis_process."""

from __future__ import annotations

import re
import sys
import zipfile

import pytest
from qgis.core import QgsApplication

from tools.build_zip import build
from tools.deploy import install
from tools.qgis_env import prepare_home, run


@pytest.fixture(scope="module")
def plugin_zip(tmp_path_factory):
    return build(tmp_path_factory.mktemp("dist") / "sg_nr_plugin.zip")


def test_zip_has_single_top_folder_with_everything(plugin_zip):
    names = zipfile.ZipFile(plugin_zip).namelist()
    assert {n.split("/")[0] for n in names} == {"sg_nr_plugin"}
    for required in ("sg_nr_plugin/__init__.py", "sg_nr_plugin/metadata.txt",
                     "sg_nr_plugin/resources/icons/sgnr.svg",
                     "sg_nr_plugin/i18n/sg_nr_plugin_zh_CN.qm",
                     "sg_nr_plugin/processing/provider.py"):
        assert required in names
    assert not [n for n in names if n.endswith((".ts", ".pyc"))]


def test_zip_ships_no_developer_generator(plugin_zip):
    """The sample generator (sgnr_sample, needs scipy) is a developer tool: stock QGIS on
    Windows may lack scipy, so nothing in the zip may import it or ship it."""
    archive = zipfile.ZipFile(plugin_zip)
    names = archive.namelist()
    assert not [n for n in names if "/sample/" in n or "sgnr_sample" in n]
    importing = [n for n in names if n.endswith(".py")
                 and re.search(rb"^\s*(import|from)\s+(scipy|sgnr_sample)\b",
                               archive.read(n), re.MULTILINE)]
    assert importing == []


def test_zip_installs_and_loads_with_qgis_utils(plugin_zip, tmp_path, qgis_iface):
    from qgis import utils

    plugins_dir = install(plugin_zip, tmp_path / "profile").parent
    saved_path, saved_modules = list(sys.path), dict(sys.modules)
    for name in [m for m in sys.modules if m == "sg_nr_plugin" or m.startswith("sg_nr_plugin.")]:
        del sys.modules[name]  # import the installed copy, not the checkout
    sys.path.insert(0, str(plugins_dir))
    utils.plugin_paths.insert(0, str(plugins_dir))
    utils.iface = qgis_iface
    try:
        utils.updateAvailablePlugins()
        assert utils.loadPlugin("sg_nr_plugin")
        assert utils.startPlugin("sg_nr_plugin")
        module = sys.modules["sg_nr_plugin"]
        assert module.__file__.startswith(str(plugins_dir))
        assert QgsApplication.processingRegistry().providerById("sgnr") is not None
        from sg_nr_plugin.paths import resource_path

        assert resource_path("icons", "sgnr.svg").is_file()
        assert str(resource_path()).startswith(str(plugins_dir))
    finally:
        utils.unloadPlugin("sg_nr_plugin")
        utils.plugin_paths.remove(str(plugins_dir))
        sys.path[:] = saved_path
        for name in [m for m in sys.modules if m.startswith("sg_nr_plugin")]:
            del sys.modules[name]
        sys.modules.update({k: v for k, v in saved_modules.items() if k.startswith("sg_nr_plugin")})
    assert QgsApplication.processingRegistry().providerById("sgnr") is None


def test_qgis_process_lists_the_provider(plugin_zip, tmp_path):
    env = prepare_home(plugin_zip, tmp_path)
    result = run(["list"], env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Shaoguan Natural Resources" in result.stdout or "韶关自然资源" in result.stdout
    plugins = run(["plugins"], env, timeout=300).stdout
    assert any(line.strip() == "* sg_nr_plugin" for line in plugins.splitlines()), plugins


def test_metadata_has_no_placeholder_urls():
    """The plugin manager shows homepage/tracker/repository/email as links: none may be a
    placeholder (example.invalid); the keys QGIS reads for a local plugin are present."""
    import configparser

    from tests.conftest import ROOT

    text = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    assert "example.invalid" not in text and "placeholder" not in text.lower()
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    general = parser["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author",
                "icon"):
        assert general.get(key, "").strip(), key
    for key in ("homepage", "tracker", "repository"):
        value = general.get(key, "")
        assert not value or value.startswith("https://"), (key, value)
