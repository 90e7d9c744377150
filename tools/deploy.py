"""Install the plugin zip into a QGIS profile, enable it, and optionally start QGIS on it.

``python tools/deploy.py dist/sg_nr_plugin.zip`` installs into ``$QGIS_PROFILE_DIR`` or the
default profile; ``--run-qgis`` uses a throw-away profile and opens QGIS desktop on it.
"""

from __future__ import annotations

import argparse
import configparser
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

PLUGIN = "sg_nr_plugin"
DEFAULT_PROFILE = Path.home() / ".local/share/QGIS/QGIS3/profiles/default"


def install(zip_path: Path, profile_dir: Path) -> Path:
    """Unpack the zip into ``<profile>/python/plugins`` (replacing an older copy)."""
    plugins = profile_dir / "python" / "plugins"
    plugins.mkdir(parents=True, exist_ok=True)
    shutil.rmtree(plugins / PLUGIN, ignore_errors=True)
    with zipfile.ZipFile(zip_path) as archive:
        archive.extractall(plugins)
    enable(profile_dir)
    return plugins / PLUGIN


def enable(profile_dir: Path) -> None:
    """Mark the plugin enabled in the profile's ``QGIS/QGIS3.ini``."""
    ini = profile_dir / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    config = configparser.RawConfigParser()
    config.optionxform = str  # QGIS keys are case-sensitive
    if ini.exists():
        config.read(ini, encoding="utf-8")
    if not config.has_section("PythonPlugins"):
        config.add_section("PythonPlugins")
    config.set("PythonPlugins", PLUGIN, "true")
    with ini.open("w", encoding="utf-8") as handle:
        config.write(handle, space_around_delimiters=False)


def run_qgis(zip_path: Path, extra: list[str]) -> int:
    profiles = Path(tempfile.mkdtemp(prefix="sgnr-qgis-"))
    install(zip_path, profiles / "profiles" / "sgnr")
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    command = ["qgis", "--profiles-path", str(profiles), "--profile", "sgnr", *extra]
    print("running:", " ".join(command))
    return subprocess.call(command, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("zip", type=Path)
    parser.add_argument("--run-qgis", action="store_true")
    parser.add_argument("qgis_args", nargs="*")
    args = parser.parse_args()
    if args.run_qgis:
        return run_qgis(args.zip, args.qgis_args)
    profile = Path(os.environ.get("QGIS_PROFILE_DIR") or DEFAULT_PROFILE)
    print(f"installed {install(args.zip, profile)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
