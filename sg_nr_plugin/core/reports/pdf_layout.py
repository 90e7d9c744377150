"""The check-sheet layout: loaded from a template (``resources/layouts/*.qpt``, editable in
QGIS's layout designer) and filled by item id for each project.

Items the code fills (a template may move, resize, restyle or delete any of them; a deleted one
is simply not filled): labels ``title``, ``header``, ``verdict``, ``not_checked``, ``ruleset``,
``footer``, ``footer_2``; the map ``map`` (atlas-driven), ``legend``; the tables behind the
frames ``quotas_frame``, ``findings_frame``, ``thresholds_frame`` and, in the audit template,
``audit_frame``. Everything else (signature block, captions, north arrow…) is printed as drawn.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsLayerTree,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutUtils,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsTableCell,
)
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

from ...i18n import tr
from ...paths import resource_path
from ..errors import SgNrError
from .pdf_data import ProjectSheet, SheetRun

CHECK_TEMPLATE = resource_path("layouts", "check_sheet.qpt")
AUDIT_TEMPLATE = resource_path("layouts", "audit.qpt")
TEMPLATE_FONT = "WenQuanYi Micro Hei"  # Debian's fonts-wqy-microhei, named by the templates
# Where it is not installed (Windows), Qt tries these Chinese fonts instead (set once, at
# import, in the main thread: the substitution table is process-wide).
QFont.insertSubstitutions(TEMPLATE_FONT, ["Microsoft YaHei", "SimHei", "SimSun",
                                          "Noto Sans CJK SC", "Source Han Sans SC",
                                          "PingFang SC"])
VERDICT_COLOURS = {"fail": QColor(227, 26, 28), "needs_fixing": QColor(255, 127, 0),
                   "pass": QColor(51, 160, 44)}


class TemplateError(SgNrError):
    """A layout template cannot be read; the message names the file and says why."""


def load_template(project, path: str | Path) -> QgsPrintLayout:
    """A print layout of ``project`` (never QgsProject.instance(): the layout is made and
    drawn in the thread that runs the check) from the template file ``path``."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, ValueError) as error:
        raise TemplateError(tr("Cannot read the layout template {path}: {error}").format(
            path=file, error=error)) from error
    document = QDomDocument()
    if not document.setContent(text)[0]:
        raise TemplateError(tr("The layout template {path} is not a QGIS layout template "
                               "(.qpt XML). Save it again from QGIS's layout designer.")
                            .format(path=file))
    layout = QgsPrintLayout(project)
    _items, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok or layout.pageCollection().pageCount() == 0:
        raise TemplateError(tr("QGIS could not load the layout template {path}. Save it again "
                               "from QGIS's layout designer.").format(path=file))
    return layout


def item(layout, item_id: str, kind):
    found = layout.itemById(item_id)
    return found if isinstance(found, kind) else None


def table(layout, item_id: str):
    """The manual table behind frame ``<item_id>_frame``, or None."""
    frame = item(layout, f"{item_id}_frame", QgsLayoutFrame)
    return frame.multiFrame() if frame is not None else None


def set_label(layout, item_id: str, text: str) -> None:
    label = item(layout, item_id, QgsLayoutItemLabel)
    if label is not None:
        label.setText(text)


def set_rows(layout, item_id: str, rows) -> None:
    target = table(layout, item_id)
    if target is not None:
        target.setTableContents([[QgsTableCell(str(value)) for value in row] for row in rows])


def check_fits(layout, item_id: str, template) -> None:
    """Refuse a table whose rows overflow its fixed frames: they would be cut off silently
    (a table set to “Repeat until finished”, like the findings, adds pages instead)."""
    target = table(layout, item_id)
    if target is None or target.resizeMode() == QgsLayoutMultiFrame.RepeatUntilFinished:
        return
    rows = len(target.tableContents())
    context = QgsLayoutUtils.createRenderContextForLayout(layout, None)
    shown = 0
    for index in range(len(target.frames())):
        first, last = target.rowRange(context, index)
        shown += max(last - first, 0)
    if shown < rows:
        raise TemplateError(tr("Table “{table}” of the layout template {path} shows {shown} of "
                               "its {rows} rows: enlarge its frame in QGIS's layout designer, "
                               "or set the table to “Repeat until finished”.").format(
            table=item_id, path=template, shown=shown, rows=rows))


def prepare_map(layout, coverage, layers: list, crs) -> QgsLayerTree:
    """Atlas over ``coverage``; the map draws ``layers`` (top first) in ``crs``; the legend
    lists them. Returns the legend's layer tree (keep it alive while the layout lives)."""
    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setHideCoverage(False)
    atlas.setEnabled(True)
    tree = QgsLayerTree()
    for layer in layers:
        tree.addLayer(layer)
    for map_item in (i for i in layout.items() if isinstance(i, QgsLayoutItemMap)):
        map_item.setCrs(crs)
        # zoomToExtent keeps the item's size (setExtent would reshape it to the extent's)
        map_item.zoomToExtent(coverage.extent())
        map_item.setLayers(layers)
        map_item.setKeepLayerSet(True)
    legend = item(layout, "legend", QgsLayoutItemLegend)
    if legend is not None:
        legend.setAutoUpdateModel(False)
        legend.model().setRootGroup(tree)
    return tree


def fill_run(layout, run: SheetRun) -> None:
    """What every sheet of the run shares."""
    set_label(layout, "title", run.title)
    set_label(layout, "ruleset", f"规则集：{run.ruleset_title}（{run.ruleset_id}，版本 "
                                 f"{run.ruleset_version}）    核查日期：{run.check_date}")
    set_rows(layout, "thresholds", run.thresholds)
    lines = []
    if run.not_checked:
        lines.append("未核查（未提供图层）：" + "；".join(
            f"{rule}（{reason}）" for rule, reason in run.not_checked.items()))
    if run.partial:
        lines.append("部分核查：" + "；".join(run.partial))
    set_label(layout, "not_checked", "\n".join(lines) or "全部规则均已核查。")


def fill_project(layout, run: SheetRun, sheet: ProjectSheet) -> None:
    header = [f"项目编号：{sheet.project_id}", f"项目名称：{sheet.name or '—'}",
              f"所在县（市、区）：{sheet.county or '—'}", f"核查日期：{run.check_date}"]
    set_label(layout, "header", "\n".join(header))
    verdict = item(layout, "verdict", QgsLayoutItemLabel)
    if verdict is not None:
        verdict.setText(sheet.verdict_zh)
        verdict.setBackgroundEnabled(True)
        verdict.setBackgroundColor(VERDICT_COLOURS.get(sheet.verdict, QColor(120, 120, 120)))
        verdict.setFontColor(QColor(255, 255, 255))
    rows = [("核查面积", f"{sheet.area[0]} m²（{sheet.area[1]} 亩）")]
    if sheet.declared is not None:
        rows.append(("申报面积", f"{sheet.declared[0]} m²（{sheet.declared[1]} 亩）"))
    rows.append(("地块数", str(sheet.parcels)))
    set_rows(layout, "quotas", rows + sheet.quotas)
    footer = f"{run.title} · {sheet.project_id} · 第 [% @layout_page %] 页 / 共 " \
             "[% @layout_numpages %] 页"
    set_label(layout, "footer", footer)
    set_label(layout, "footer_2", footer)
    # Pages the findings table added for the previous project go with its rows: a page
    # holding another item (a footer) would be kept.
    for old in [i for i in layout.items() if getattr(i, "id", lambda: "")() == CONTINUED]:
        layout.removeLayoutItem(old)
    pages = layout.pageCollection().pageCount()
    set_rows(layout, "findings", sheet.findings)
    _continued_footers(layout, pages, footer)


CONTINUED = "footer_continued"


def _continued_footers(layout, first_page: int, text: str) -> None:
    """The footer (like ``footer_2``) on the pages a long findings table added."""
    model = item(layout, "footer_2", QgsLayoutItemLabel)
    collection = layout.pageCollection()
    if model is None:
        return
    where = collection.positionOnPage(model.pos())
    for page in range(first_page, collection.pageCount()):
        label = QgsLayoutItemLabel(layout)
        label.setId(CONTINUED)
        label.setText(text)
        label.setFont(model.font())
        label.setFontColor(model.fontColor())
        label.setHAlign(model.hAlign())
        label.setMarginX(model.marginX())
        label.setMarginY(model.marginY())
        layout.addLayoutItem(label)
        label.attemptResize(model.sizeWithUnits())
        label.attemptMove(QgsLayoutPoint(where.x(), where.y(), model.positionWithUnits()
                                         .units()), page=page)


MAP_ITEMS = ("legend", "scalebar", "north_arrow")


def show_map(layout, visible: bool) -> None:
    """Show or hide the map and its furniture: a project without geometry (every parcel
    left out as damaged) gets no map rather than the previous project's."""
    for found in layout.items():
        if isinstance(found, QgsLayoutItemMap) or getattr(found, "id", lambda: "")() \
                in MAP_ITEMS:
            found.setVisibility(visible)


def fill_audit(layout, rows: list[tuple[str, str]]) -> None:
    set_rows(layout, "audit", rows)
    set_label(layout, "footer", "审计信息 · 第 [% @layout_page %] 页 / 共 "
                                "[% @layout_numpages %] 页")
