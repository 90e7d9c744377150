"""A PNG map of the sample with the check results on top (the picture ``make demo`` leaves)."""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from sg_nr_plugin.paths import resource_path


def busiest_extent(layers: list[QgsVectorLayer], radius: float = 1500.0) -> QgsRectangle | None:
    """A square around the overlay feature with the most others within ``2 × radius``."""
    points = [f.geometry().centroid().asPoint() for layer in layers
              for f in layer.getFeatures() if f.hasGeometry()]
    if not points:
        return None
    best = max(points, key=lambda p: sum(p.distance(q) < 2 * radius for q in points))
    return QgsRectangle(best.x() - radius, best.y() - radius, best.x() + radius,
                        best.y() + radius)


def render_map(project_path: Path, overlays: list[Path], target: Path,
               size: tuple[int, int] = (1600, 1400), detail: bool = False) -> Path:
    """Render the project's visible layers with ``overlays`` (GeoPackages of findings or
    project verdicts, styled by resources/styles/check_*.qml when present) on top; with
    ``detail`` the view is a 3 km square where the overlays are densest."""
    project = QgsProject()
    if not project.read(str(project_path)):
        raise RuntimeError(f"cannot read {project_path}")
    layers = [node.layer() for node in project.layerTreeRoot().findLayers()
              if node.isVisible() and node.layer() is not None]
    extra = []
    for path in overlays:
        layer = QgsVectorLayer(str(path), path.stem, "ogr")
        if not layer.isValid():
            continue
        kind = "check_findings" if "finding" in path.stem else "check_projects"
        style = resource_path("styles", f"{kind}.qml")
        if style.exists():
            layer.loadNamedStyle(str(style))
        extra.append(layer)
    settings = QgsMapSettings()
    settings.setLayers(extra + layers)            # first in the list is drawn on top
    settings.setDestinationCrs(project.crs())
    settings.setOutputSize(QSize(*size))
    settings.setBackgroundColor(QColor("white"))
    extent = busiest_extent(extra) if detail else None
    settings.setExtent(extent or project.viewSettings().defaultViewExtent())
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    partial = target.with_name(target.stem + ".part.png")
    if not job.renderedImage().save(str(partial)):
        raise RuntimeError(f"cannot write {partial}")
    partial.replace(target)
    return target


def main(argv: list[str]) -> int:
    """``python -m sgnr_sample.render PROJECT.qgz OUT_DIR [overlay.gpkg …]``: writes
    OUT_DIR/map_overview.png and OUT_DIR/map_detail.png."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    project, out, overlays = Path(argv[0]), Path(argv[1]), [Path(p) for p in argv[2:]]
    for name, detail in (("map_overview.png", False), ("map_detail.png", True)):
        print(render_map(project, overlays, out / name, detail=detail))
    app.exitQgis()
    return 0


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
