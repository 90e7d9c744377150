"""``python -m sgnr_sample --scale tiny|sample|quick|bench --seed N --out DIR``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .config import SCALES


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sgnr_sample",
                                     description="Generate synthetic Shaoguan 三调 data.")
    parser.add_argument("--scale", choices=sorted(SCALES), default="tiny")
    parser.add_argument("--seed", type=int, default=20231)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--no-project", action="store_true", help="skip the .qgz project")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from .generate import generate

    stats = generate(args.scale, args.seed, args.out)
    if not args.no_project and args.scale != "tiny":
        from .qgsproject import write_project

        write_project(args.out, args.scale)
    print({k: v for k, v in stats.items() if k != "area_by_group"})
    total = sum(stats["area_by_group"].values())
    print({k: round(100 * v / total, 2) for k, v in sorted(stats["area_by_group"].items())})
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
