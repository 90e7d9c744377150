"""The language of a report: the one the translator gives ``tr()``.

A workbook is written in one language (Chinese under a zh_CN QGIS, English otherwise): labels go
through ``tr()``; values the data holds in both languages (verdicts, rule-set titles, finding
messages, class-set names) are chosen with :func:`pick`. Columns that are also field names of an
output layer carry the field name after the label (:func:`field_header`), so a reader can match
the workbook to the layer.
"""

from __future__ import annotations

from ...i18n import tr

# The marker's zh_CN translation is "报告语言：中文"; any translation means a non-English report.
_MARK = "Report language: English"


def chinese() -> bool:
    """True when the reports are written in Chinese (a zh translator is installed)."""
    return tr("Report language: English") != _MARK


def pick(zh: str, en: str) -> str:
    """``zh`` in a Chinese report, else ``en`` (``zh`` when ``en`` is empty)."""
    return zh if chinese() or not en else en


def field_header(label: str, field: str) -> str:
    """A column header that is also a field name: "新增耕地 (m²) new_cultivated_m2"."""
    return f"{label} {field}"
