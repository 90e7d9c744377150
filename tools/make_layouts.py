"""Write the default check-sheet layout templates ``resources/layouts/*.qpt``.

``python tools/make_layouts.py`` rewrites them. A bureau may instead edit the .qpt files in
QGIS's layout designer (Project → Import layout from template, edit, Layout → Save as
template): the plugin fills the items by their ids (see sg_nr_plugin/core/reports/
pdf_layout.py) and leaves everything else as drawn. The check sheet has two pages per project
(map and figures; findings, thresholds, signatures), the findings table adds pages as needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FONT = "WenQuanYi Micro Hei"
MARGIN, WIDTH = 12.0, 186.0


def main() -> None:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication, QgsProject

    app = QgsApplication([], False)
    app.initQgis()

    from sg_nr_plugin.core.reports.pdf_layout import AUDIT_TEMPLATE, CHECK_TEMPLATE

    project = QgsProject()
    save(sheet_layout(project), CHECK_TEMPLATE)
    save(audit_layout(project), AUDIT_TEMPLATE)
    app.exitQgis()


def save(layout, path: Path) -> None:
    from qgis.core import QgsReadWriteContext

    path.parent.mkdir(parents=True, exist_ok=True)
    if not layout.saveAsTemplate(str(path), QgsReadWriteContext()):
        raise SystemExit(f"cannot write {path}")
    print(f"wrote {path.relative_to(ROOT)}")


def new_layout(project, pages: int):
    from qgis.core import QgsLayoutItemPage, QgsPrintLayout

    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 page
    layout.pageCollection().page(0).setPageSize("A4", QgsLayoutItemPage.Portrait)
    for _ in range(pages - 1):
        page = QgsLayoutItemPage(layout)
        page.setPageSize("A4", QgsLayoutItemPage.Portrait)
        layout.pageCollection().addPage(page)
    return layout


def font(size: float, bold: bool = False):
    from qgis.PyQt.QtGui import QFont

    result = QFont(FONT)
    result.setPointSizeF(size)
    result.setBold(bold)
    return result


def text_format(size: float, bold: bool = False):
    from qgis.core import QgsTextFormat

    result = QgsTextFormat()
    result.setFont(font(size, bold))
    result.setSize(size)
    return result


def place(layout, item, page: int, x: float, y: float, w: float, h: float, item_id: str):
    from qgis.core import QgsLayoutPoint, QgsLayoutSize

    item.setId(item_id)
    layout.addLayoutItem(item)
    item.attemptResize(QgsLayoutSize(w, h))
    item.attemptMove(QgsLayoutPoint(x, y), page=page)
    return item


def label(layout, page, x, y, w, h, item_id, text, size, bold=False, align=None, frame=False):
    from qgis.core import QgsLayoutItemLabel
    from qgis.PyQt.QtCore import Qt

    item = QgsLayoutItemLabel(layout)
    item.setText(text)
    item.setFont(font(size, bold))
    item.setHAlign(align if align is not None else Qt.AlignLeft)
    item.setVAlign(Qt.AlignVCenter if frame else Qt.AlignTop)
    item.setFrameEnabled(frame)
    item.setMarginX(1.5)
    item.setMarginY(0.5)
    return place(layout, item, page, x, y, w, h, item_id)


def table(layout, page, x, y, w, h, item_id, headers, widths, size=7.5, repeat=False,
          empty=""):
    from qgis.core import (
        QgsLayoutFrame,
        QgsLayoutItemManualTable,
        QgsLayoutMultiFrame,
        QgsLayoutTable,
        QgsLayoutTableColumn,
        QgsTableCell,
    )
    from qgis.PyQt.QtGui import QColor

    multi = QgsLayoutItemManualTable.create(layout)
    multi.setContentTextFormat(text_format(size))
    multi.setHeaderTextFormat(text_format(size, bold=True))
    multi.setIncludeTableHeader(True)
    columns = []
    for title in headers:
        column = QgsLayoutTableColumn(title)
        columns.append(column)
    multi.setHeaders(columns)
    multi.setColumnWidths(widths)
    multi.setWrapBehavior(QgsLayoutTable.WrapText)
    multi.setGridStrokeWidth(0.2)
    multi.setCellMargin(1.0)
    multi.setHeaderMode(QgsLayoutTable.AllFrames)
    multi.setBackgroundColor(QColor(255, 255, 255))
    if empty:
        multi.setEmptyTableBehavior(QgsLayoutTable.ShowMessage)
        multi.setEmptyTableMessage(empty)
    multi.setResizeMode(QgsLayoutMultiFrame.RepeatUntilFinished if repeat
                        else QgsLayoutMultiFrame.UseExistingFrames)
    # Placeholder rows (the code replaces them) give the frames their size in the designer.
    multi.setTableContents([[QgsTableCell("…") for _ in headers]])
    layout.addMultiFrame(multi)
    frame = QgsLayoutFrame(layout, multi)
    place(layout, frame, page, x, y, w, h, f"{item_id}_frame")
    multi.addFrame(frame)
    return multi


def sheet_layout(project):
    from qgis.core import (
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemMapGrid,
        QgsLayoutItemPicture,
        QgsLayoutItemScaleBar,
        QgsLayoutMeasurement,
        QgsLegendStyle,
        QgsRectangle,
        QgsUnitTypes,
    )
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor

    layout = new_layout(project, 2)
    layout.setName("sgnr-check-sheet")
    # ---- page 1: header, verdict, map, legend, figures
    label(layout, 0, MARGIN, 9, WIDTH, 10, "title", "核查单", 17, True, Qt.AlignHCenter)
    label(layout, 0, MARGIN, 22, 136, 22, "header", "项目编号：", 9.5)
    label(layout, 0, 154, 22, 44, 15, "verdict", "结论", 20, True, Qt.AlignHCenter, frame=True)
    label(layout, 0, 154, 38, 44, 5, "verdict_caption", "核查结论", 8, False, Qt.AlignHCenter)
    map_item = QgsLayoutItemMap(layout)
    map_item.setFrameEnabled(True)
    map_item.setAtlasDriven(True)
    map_item.setAtlasScalingMode(QgsLayoutItemMap.Auto)
    map_item.setAtlasMargin(0.4)
    place(layout, map_item, 0, 24, 47, 174, 128, "map")
    map_item.setExtent(QgsRectangle(0, 0, 174, 128))  # the item's shape: it keeps its size
    grid = QgsLayoutItemMapGrid("coordinates", map_item)
    grid.setUnits(QgsLayoutItemMapGrid.DynamicPageSizeBased)
    grid.setMinimumIntervalWidth(35)
    grid.setMaximumIntervalWidth(70)
    grid.setStyle(QgsLayoutItemMapGrid.FrameAnnotationsOnly)
    grid.setFrameStyle(QgsLayoutItemMapGrid.ExteriorTicks)
    grid.setFrameWidth(1.5)
    grid.setAnnotationEnabled(True)
    grid.setAnnotationFormat(QgsLayoutItemMapGrid.Decimal)
    grid.setAnnotationPrecision(0)
    grid.setAnnotationTextFormat(text_format(6))
    for side in (QgsLayoutItemMapGrid.Left, QgsLayoutItemMapGrid.Bottom):
        grid.setAnnotationDisplay(QgsLayoutItemMapGrid.ShowAll, side)
        grid.setAnnotationPosition(QgsLayoutItemMapGrid.OutsideMapFrame, side)
    grid.setAnnotationDirection(QgsLayoutItemMapGrid.Vertical, QgsLayoutItemMapGrid.Left)
    grid.setAnnotationDirection(QgsLayoutItemMapGrid.Horizontal, QgsLayoutItemMapGrid.Bottom)
    for side in (QgsLayoutItemMapGrid.Right, QgsLayoutItemMapGrid.Top):
        grid.setAnnotationDisplay(QgsLayoutItemMapGrid.HideAll, side)
    map_item.grids().addGrid(grid)
    north = QgsLayoutItemPicture(layout)
    north.setPicturePath(":/images/north_arrows/layout_default_north_arrow.svg")
    north.setBackgroundEnabled(True)
    north.setBackgroundColor(QColor(255, 255, 255, 200))
    place(layout, north, 0, 187, 49, 9, 13, "north_arrow")
    bar = QgsLayoutItemScaleBar(layout)
    bar.setStyle("Single Box")
    bar.setLinkedMap(map_item)
    bar.applyDefaultSize()
    bar.setUnits(QgsUnitTypes.DistanceMeters)
    bar.setUnitLabel("米")
    bar.setNumberOfSegments(2)
    bar.setNumberOfSegmentsLeft(0)
    bar.setTextFormat(text_format(6.5))
    bar.setBackgroundEnabled(True)
    bar.setBackgroundColor(QColor(255, 255, 255, 220))
    bar.setSegmentSizeMode(1)  # fit segment width
    bar.setMinimumBarWidth(25)
    bar.setMaximumBarWidth(45)
    place(layout, bar, 0, 26, 164, 52, 9, "scalebar")
    legend = QgsLayoutItemLegend(layout)
    legend.setTitle("图例")
    legend.setLinkedMap(map_item)
    legend.setLegendFilterByMapEnabled(True)
    legend.setResizeToContents(False)
    legend.setColumnCount(2)
    legend.setSplitLayer(True)
    legend.setEqualColumnWidth(True)
    legend.setSymbolWidth(5)
    legend.setSymbolHeight(3)
    legend.setWrapString("|")
    for kind, size, bold in ((QgsLegendStyle.Title, 9, True), (QgsLegendStyle.Group, 7.5, True),
                             (QgsLegendStyle.Subgroup, 7, True),
                             (QgsLegendStyle.SymbolLabel, 6.5, False)):
        legend.setStyleFont(kind, font(size, bold))
    legend.setFrameEnabled(True)
    legend.setFrameStrokeWidth(QgsLayoutMeasurement(0.2))
    place(layout, legend, 0, MARGIN, 182, 90, 103, "legend")
    table(layout, 0, 106, 182, 92, 103, "quotas", ["指标", "数值"],
          [33, 54], size=7.5)
    label(layout, 0, MARGIN, 287, WIDTH, 5, "footer", "", 7, False, Qt.AlignRight)
    # ---- page 2: findings, rules not checked, rule set and thresholds, signatures
    label(layout, 1, MARGIN, 9, WIDTH, 7, "findings_title", "核查问题", 11, True)
    table(layout, 1, MARGIN, 17, WIDTH, 118, "findings",
          ["规则", "级别", "面积（m²）", "面积（亩）", "说明"], [28, 10, 21, 19, 96],
          size=7.5, repeat=True, empty="未发现问题")
    label(layout, 1, MARGIN, 137, WIDTH, 12, "not_checked", "", 8)
    label(layout, 1, MARGIN, 150, WIDTH, 9, "ruleset", "规则集：", 8.5)
    # room for 20 thresholds (the shipped rule sets have up to 16)
    table(layout, 1, MARGIN, 160, WIDTH, 96, "thresholds", ["阈值", "参数", "取值", "单位"],
          [56, 54, 24, 43], size=7)
    label(layout, 1, MARGIN, 258, WIDTH, 26, "signature",
          "核查人（签字）：____________    审核人（签字）：____________    "
          "日期：______年____月____日", 10, False, Qt.AlignLeft, frame=True)
    label(layout, 1, MARGIN, 287, WIDTH, 5, "footer_2", "", 7, False, Qt.AlignRight)
    return layout


def audit_layout(project):
    from qgis.PyQt.QtCore import Qt

    layout = new_layout(project, 1)
    layout.setName("sgnr-audit")
    label(layout, 0, MARGIN, 9, WIDTH, 10, "title", "审计信息", 17, True, Qt.AlignHCenter)
    table(layout, 0, MARGIN, 24, WIDTH, 258, "audit", ["项目", "内容"], [54, 127], size=8,
          repeat=True)
    label(layout, 0, MARGIN, 287, WIDTH, 5, "footer", "", 7, False, Qt.AlignRight)
    return layout


if __name__ == "__main__":
    main()
