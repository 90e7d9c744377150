"""Small widgets of the check panels: the verdict bar chart, the help button, a scroll area
that never scrolls sideways, and a collapsible section.

Layout only: the counts the chart shows come from the algorithm's output layer.
"""

from __future__ import annotations

from qgis.core import QgsApplication
from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import QRectF, QSize, Qt, QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices, QPainter
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QToolButton,
    QWidget,
)

from ..core.checks.findings import verdict_label
from ..i18n import qgis_locale, tr
from ..paths import resource_path

# Worst first, as the report lists them.
VERDICTS = ("fail", "needs_fixing", "pass")
VERDICT_COLORS = {"fail": "#e31a1c", "needs_fixing": "#ff7f00", "pass": "#33a02c"}
# Below this the results tree shows only its first two columns (measured in QGIS 3.22, zh_CN).
PANEL_MIN_WIDTH = 340
# The width the panel asks for when there is room (its size hint, never its minimum): enough
# for the pickers' layer names ("补充耕地项目 XM_BCGD"), in text lines of the panel's font, and
# at most this share of the screen (410 px of 1366), so the map keeps most of the screen.
PANEL_PREFERRED_LINES = 30
PANEL_PREFERRED_SCREEN_SHARE = 0.3


class VerdictChart(QWidget):
    """Three horizontal bars: how many projects failed, need fixing, passed."""

    BAR_HEIGHT = 12
    GAP = 3

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.counts: dict[str, int] = {}
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Fixed)

    def set_counts(self, counts: dict[str, int]) -> None:
        self.counts = {verdict: int(counts.get(verdict, 0)) for verdict in VERDICTS}
        self.setToolTip("\n".join(f"{verdict_label(v)}: {n}" for v, n in self.counts.items()))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API name
        return QSize(200, len(VERDICTS) * (self.BAR_HEIGHT + self.GAP) + self.GAP)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API name
        return QSize(120, self.sizeHint().height())

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt API name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.Antialiasing)
        metrics = painter.fontMetrics()
        labels = {v: verdict_label(v) for v in VERDICTS}
        label_width = max(metrics.horizontalAdvance(t) for t in labels.values()) + 8
        number_width = metrics.horizontalAdvance("00000") + 4
        room = max(1, self.width() - label_width - number_width)
        top_count = max(self.counts.values(), default=0) or 1
        for row, verdict in enumerate(VERDICTS):
            count = self.counts.get(verdict, 0)
            y = self.GAP + row * (self.BAR_HEIGHT + self.GAP)
            text_rect = QRectF(0, y, label_width - 4, self.BAR_HEIGHT)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(text_rect, Qt.AlignRight | Qt.AlignVCenter, labels[verdict])
            width = room * count / top_count
            painter.setPen(Qt.NoPen)
            painter.setBrush(QColor(VERDICT_COLORS[verdict]))
            painter.drawRect(QRectF(label_width, y, max(width, 1 if count else 0),
                                    self.BAR_HEIGHT))
            painter.setPen(self.palette().windowText().color())
            painter.drawText(QRectF(label_width + width + 4, y, number_width, self.BAR_HEIGHT),
                             Qt.AlignLeft | Qt.AlignVCenter, str(count))
        painter.end()


def form_label(text: str) -> QLabel:
    """A form label that wraps: a long one ("灌溉水源（河流、水库、沟渠）") never widens the
    panel; the full text is in the tooltip too."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setToolTip(text)
    return label


def section(title: str, name: str, collapsed: bool = False) -> QgsCollapsibleGroupBox:
    """A collapsible section; QGIS remembers whether the user collapsed it (by object name)."""
    box = QgsCollapsibleGroupBox(title)
    box.setObjectName(name)
    box.setCollapsed(collapsed)
    box.setSaveCollapsedState(True)
    return box


class SideScrollFreeArea(QScrollArea):
    """A vertical-only scroll area whose minimum width is its content's: the dock then never
    clips a picker nor shows a horizontal scroll bar."""

    def __init__(self, content: QWidget, parent=None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setWidget(content)
        for combo in content.findChildren(QComboBox):  # the size hint follows the layer names
            combo.currentTextChanged.connect(self._hint_changed)

    def _hint_changed(self, *_args) -> None:
        # A splitter keeps its children's size hints until it is told: tell it too.
        self.updateGeometry()
        if self.parentWidget() is not None:
            self.parentWidget().updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt API name
        content = self.widget().minimumSizeHint()
        bar = self.style().pixelMetric(QStyle.PM_ScrollBarExtent)
        width = content.width() + bar + 2 * self.frameWidth()
        return QSize(max(width, PANEL_MIN_WIDTH), 120)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API name
        """The content's own width (pickers showing whole layer names), within a cap: the
        dock opens this wide when the window has room, and can still shrink to the minimum."""
        minimum = self.minimumSizeHint().width()
        wanted = minimum + max([_cut_width(c) for c in self.widget().findChildren(QComboBox)],
                               default=0)
        return QSize(max(minimum, min(wanted, self.preferred_width_cap())),
                     self.widget().sizeHint().height())

    def preferred_width_cap(self) -> int:
        cap = PANEL_PREFERRED_LINES * self.fontMetrics().height()
        screen = self.screen() if hasattr(self, "screen") else None
        if screen is not None:
            cap = min(cap, int(screen.availableGeometry().width() * PANEL_PREFERRED_SCREEN_SHARE))
        return cap


def _cut_width(combo: QComboBox) -> int:
    """How much wider than at its minimum a picker must be to show its current text whole (a
    picker's minimum shows ``minimumContentsLength`` characters, check_detection.py)."""
    metrics = combo.fontMetrics()
    shown = metrics.horizontalAdvance("x") * combo.minimumContentsLength()
    if not combo.currentText():
        return 0
    # one line height more: CJK glyphs are wider than the "x" the minimum counts in
    return max(0, metrics.horizontalAdvance(combo.currentText()) + metrics.height() - shown)


def help_file(panel: str, locale: str | None = None) -> str:
    """The panel's local help page: Chinese, or English when the interface is not Chinese."""
    chinese = (locale or qgis_locale()).lower().startswith("zh")
    name = f"{panel}.html" if chinese else f"{panel}_en.html"
    return str(resource_path("help", name))


def help_button(panel: str, parent=None) -> QToolButton:
    button = QToolButton(parent)
    button.setIcon(QgsApplication.getThemeIcon("/mActionHelpContents.svg"))
    button.setToolTip(tr("Help on this panel"))
    button.setAutoRaise(True)
    button.clicked.connect(lambda _checked=False: open_help(panel))
    return button


def open_help(panel: str) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(help_file(panel)))


def verdict_summary(total: int, counts: dict[str, int]) -> str:
    return tr("{n} projects checked: {fail} fail, {fix} need fixing, {passed} pass.").format(
        n=total, fail=counts.get("fail", 0), fix=counts.get("needs_fixing", 0),
        passed=counts.get("pass", 0))


def favour_results(splitter, results) -> None:
    """After a run: the results pane as tall as it wants, the form keeps at least 150 px."""
    total = sum(splitter.sizes())
    wanted = max(results.sizeHint().height(), int(total * 0.6))
    lower = max(results.minimumSizeHint().height(), min(wanted, total - 150))
    splitter.setSizes([total - lower, lower])


MESSAGE_COLUMN = 4  # results_model's column order: name, verdict, mu, m², message


def fit_columns(tree) -> None:
    """Columns as wide as their content; the message column shown right after the verdict
    (the areas follow) so a narrow panel still shows it; its full text is in the tooltip."""
    header = tree.header()
    if header.count() <= MESSAGE_COLUMN:
        return
    if header.visualIndex(MESSAGE_COLUMN) != 2:
        header.moveSection(header.visualIndex(MESSAGE_COLUMN), 2)
    header.setStretchLastSection(False)
    # Long rule titles must not push the message off screen: the first columns take at most
    # two fifths of the view each (their full text is in the tooltip).
    limit = max(tree.viewport().width() * 2 // 5, 120)
    for column in range(header.count()):
        tree.resizeColumnToContents(column)
        if column != MESSAGE_COLUMN and header.visualIndex(column) < 2 \
                and header.sectionSize(column) > limit:
            header.resizeSection(column, limit)
    used = sum(header.sectionSize(c) for c in range(header.count()) if c != MESSAGE_COLUMN)
    room = tree.viewport().width() - used
    width = min(header.sectionSize(MESSAGE_COLUMN), max(room, 160))
    header.resizeSection(MESSAGE_COLUMN, width)
