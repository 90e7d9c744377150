"""Write the PDF check sheets of a run: one or more A4 pages per project from the atlas of a
print layout (``resources/layouts/check_sheet.qpt``), then an optional audit page.

Everything drawn is made here, in the calling thread: the layout's own ``QgsProject`` (never
``QgsProject.instance()``), the layout, its layers (:mod:`.pdf_layers`). The check algorithms
call this from their worker thread; Qt paints a ``QPdfWriter`` from any thread. Text stays text
(the font is embedded, pdffonts lists it); the map is one image per sheet. The file is written
under a temporary name and moved into place (core/files.write_atomically): a cancel or a
failure leaves no PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsLayoutExporter,
    QgsProject,
    QgsRenderContext,
)
from qgis.PyQt.QtCore import QMarginsF
from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from ...i18n import tr
from ..errors import SgNrError
from ..files import write_atomically
from .pdf_data import ProjectSheet, SheetRun
from .pdf_layers import RASTER_OPACITY
from .pdf_layout import (
    AUDIT_TEMPLATE,
    CHECK_TEMPLATE,
    check_fits,
    fill_audit,
    fill_project,
    fill_run,
    load_template,
    prepare_map,
    show_map,
)

DPI = 200  # of the map images; text and lines are vectors


@dataclass
class SheetLayers:
    """What the map draws: ``coverage`` (one feature per sheet, in sheet order) and the other
    layers, top first; all made in the drawing thread."""

    coverage: object
    layers: list
    crs: object
    transform_context: object = None
    keep: list = field(default_factory=list)


class PdfCanceledError(SgNrError):
    """The run was canceled while the sheets were drawn: no PDF was written."""


def write_check_sheets(path: str | Path, run: SheetRun, sheets: list[ProjectSheet],
                       layers: SheetLayers, audit_rows: list[tuple[str, str]] | None = None,
                       feedback=None, template: str | Path | None = None,
                       audit_template: str | Path | None = None) -> Path:
    """Write the sheets of ``sheets`` (in the order of ``layers.coverage``'s features) to
    ``path``; ``audit_rows`` (label, value) go on a last page “审计信息” when given."""
    project = QgsProject()
    if layers.transform_context is not None:
        project.setTransformContext(layers.transform_context)
    project.setCrs(layers.crs)
    template = template or CHECK_TEMPLATE
    layout = load_template(project, template)
    layers.coverage.setOpacity(min(layers.coverage.opacity(), RASTER_OPACITY))
    tree = prepare_map(layout, layers.coverage, [*layers.layers, layers.coverage], layers.crs)
    fill_run(layout, run)
    check_fits(layout, "thresholds", template)
    audit = None
    if audit_rows:
        audit = load_template(project, audit_template or AUDIT_TEMPLATE)
        fill_audit(audit, audit_rows)

    def write(temp: str) -> None:
        _render(temp, layout, run, sheets, audit, feedback, template)

    result = write_atomically(path, write, suffix=".pdf")
    del tree
    return result


def _render(temp: str, layout, run: SheetRun, sheets: list[ProjectSheet], audit,
            feedback, template) -> None:
    writer = QPdfWriter(temp)
    writer.setResolution(DPI)
    writer.setTitle(run.title)
    writer.setCreator("sg_nr_plugin")
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.A4), QPageLayout.Portrait,
                                     QMarginsF(0, 0, 0, 0)))
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(0, tr("the PDF writer could not open the file"))
    try:
        pages = _Pages(writer, painter)
        atlas = layout.atlas()
        atlas.beginRender()
        count = atlas.count()
        if count != len(sheets):
            raise SgNrError(tr("The check-sheet atlas has {n} features for {m} projects.")
                            .format(n=count, m=len(sheets)))
        for index, sheet in enumerate(sheets):
            if feedback is not None:
                if feedback.isCanceled():
                    raise PdfCanceledError(tr("The run was canceled: no output was written."))
                feedback.setProgress(100.0 * index / max(len(sheets), 1))
            atlas.seekTo(index)  # refreshes the layout: map extent, legend filter
            geometry = layout.reportContext().feature().geometry()
            show_map(layout, not geometry.isNull() and not geometry.isEmpty())
            fill_project(layout, run, sheet)
            check_fits(layout, "quotas", template)
            pages.render(layout)
        atlas.endRender()
        if audit is not None:
            audit.refresh()
            pages.render(audit)
    finally:
        painter.end()


class _Pages:
    """Renders layouts page by page onto one PDF writer."""

    def __init__(self, writer, painter) -> None:
        self.writer, self.painter, self.first = writer, painter, True

    def render(self, layout) -> None:
        context = layout.renderContext()
        context.setDpi(DPI)
        context.setTextRenderFormat(QgsRenderContext.TextFormatAlwaysText)
        exporter = QgsLayoutExporter(layout)
        collection = layout.pageCollection()
        for page in range(collection.pageCount()):
            if not collection.shouldExportPage(page):
                continue
            if not self.first:
                self.writer.newPage()
            self.first = False
            exporter.renderPage(self.painter, page)
