"""Run ``qgis_process`` with the plugin installed, without touching the user's QGIS profile.

QGIS 3.22's ``qgis_process`` loads the Python plugins enabled in the *default* profile of
``$HOME``; we give it a private home holding a profile with the plugin installed from the zip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

from tools.deploy import install


def qgis_process_binary() -> str:
    """Debian 12's ``qgis_process`` wrapper passes a flag 3.22 rejects: prefer the binary."""
    binary = Path("/usr/bin/qgis_process.bin")
    return str(binary) if binary.exists() else (shutil.which("qgis_process") or "qgis_process")


def prepare_home(zip_path: Path, home: Path) -> dict[str, str]:
    """Install the plugin into ``home``'s default profile; return the environment to use."""
    install(zip_path, home / ".local/share/QGIS/QGIS3/profiles/default")
    # pytest-qgis points these at its own settings folder: they would hide the profile.
    env = {k: v for k, v in os.environ.items()
           if k not in ("QGIS_CUSTOM_CONFIG_PATH", "QGIS_OPTIONS_PATH")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return env


def run(args: list[str], env: dict[str, str], timeout: int = 1800) -> subprocess.CompletedProcess:
    """Run ``qgis_process ARGS`` and capture its output as text."""
    return subprocess.run([qgis_process_binary(), *args], env=env, capture_output=True,
                          text=True, timeout=timeout)
