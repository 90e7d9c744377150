"""The demo's map rendering, on the tiny fixture."""

from __future__ import annotations

import shutil

from .helpers import TINY


def test_maps_are_rendered_with_overlays(qgis_app, tmp_path):
    from qgis.PyQt.QtGui import QImage

    from sgnr_sample.qgsproject import write_project
    from sgnr_sample.render import render_map

    for item in TINY.iterdir():
        if item.suffix in (".gpkg", ".tif"):
            shutil.copy(item, tmp_path / item.name)
    project = write_project(tmp_path, "tiny")
    overlay = tmp_path / "shaoguan_tiny.gpkg"
    target = render_map(project, [overlay], tmp_path / "detail.png", (400, 300), detail=True)
    image = QImage(str(target))
    assert (image.width(), image.height()) == (400, 300)
    colours = {image.pixel(x, y) for x in range(0, 400, 7) for y in range(0, 300, 7)}
    assert len(colours) > 5                                     # a map, not a blank canvas
