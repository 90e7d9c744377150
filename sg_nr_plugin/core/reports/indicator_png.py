"""A PNG of the 表1 overview chart (each indicator's current value as % of its 2025 target), for
``make demo`` and for pasting into a report: the same figures as the workbook's chart
(``indicators_xlsx.target_shares``), drawn with matplotlib (Debian: python3-matplotlib) in the
Chinese font WenQuanYi Micro Hei (fonts-wqy-microhei) when it is installed."""

from __future__ import annotations

from pathlib import Path

from ...i18n import tr
from ..errors import SgNrError
from .indicators_xlsx import overview_title, target_shares

CJK_FONTS = ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
             "C:/Windows/Fonts/msyh.ttc", "C:/Windows/Fonts/simhei.ttf")


def overview_rows(gpkg: str | Path) -> list[tuple[str, float, float]]:
    """(indicator, value, target) of the whole-area rows of a planindicators output table."""
    from osgeo import ogr

    dataset = ogr.Open(str(gpkg))
    if dataset is None:
        raise SgNrError(tr("Cannot open {path}: not a GeoPackage written by planindicators.")
                        .format(path=gpkg))
    rows = []
    for feature in dataset.GetLayer(0):
        if not feature.GetField("region_code"):  # the whole area: the row 表1 shows
            rows.append((feature.GetField("indicator"), feature.GetField("value"),
                         feature.GetField("target_2025")))
    return rows


def write_overview_png(records, path: str | Path) -> Path:
    """Draw the overview of ``records`` = (indicator, value, target) into ``path``."""
    try:
        import matplotlib
    except ImportError as error:
        raise SgNrError(tr("Drawing the chart needs the Python package matplotlib "
                           "(Debian: python3-matplotlib).")) from error
    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib import pyplot as plt

    for font in CJK_FONTS:
        if Path(font).is_file():
            font_manager.fontManager.addfont(font)
            matplotlib.rcParams["font.family"] = font_manager.FontProperties(
                fname=font).get_name()
            break
    records = list(records)
    shares = dict(target_shares(records))
    if not shares:
        raise SgNrError(tr("No indicator has both a current value and a 2025 target: "
                           "nothing to chart."))
    shown = [(name, shares[name], value, target) for name, value, target in records
             if name in shares][::-1]  # 表1 order from the top
    left_out = [name for name, _value, _target in records if name not in shares]
    figure, axes = plt.subplots(figsize=(10, 2.2 + 0.6 * len(shown)), dpi=150)
    bars = axes.barh([s[0] for s in shown], [s[1] for s in shown], color="#4472c4",
                     height=0.6)
    axes.axvline(100, color="#c00000", linestyle="--", linewidth=1.2, zorder=0)
    axes.text(100, len(shown) - 0.45, " " + tr("target (100 %)"), color="#c00000",
              va="bottom", fontsize=9)
    for bar, (_name, share, value, target) in zip(bars, shown):
        axes.text(bar.get_width() + 1.5, bar.get_y() + bar.get_height() / 2,
                  f"{share:.1f}%  ({value:,.2f} / {target:,.2f})", va="center", fontsize=9,
                  bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0})
    axes.set_xlim(0, max(140.0, max(s[1] for s in shown) * 1.35))
    if left_out:
        figure.text(0.01, 0.01, tr("Without a current value and a 2025 target, not shown: "
                                   "{names}").format(names="、".join(left_out)),
                    fontsize=8, color="#555555", wrap=True)
    axes.set_xlabel(tr("% of the 2025 target"), fontsize=10)
    axes.set_title(overview_title(), fontsize=13)
    axes.tick_params(axis="y", labelsize=11)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout(rect=(0, 0.06 if left_out else 0, 1, 1))
    figure.savefig(path)
    plt.close(figure)
    return Path(path)
