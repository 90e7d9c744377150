"""Formula-injection guard for sinks written to spreadsheet formats (CSV, XLSX, ODS).

A user may send any table output to ``.csv`` or ``.xlsx``; a project id or a name starting with
``=``, ``+``, ``-`` or ``@`` would then run as a formula when the file is opened in Excel, WPS or
LibreOffice. Text attributes written to such a sink go through ``core.reports.excel.safe_text``.
"""

from __future__ import annotations

from qgis.core import QgsFeature, QgsFeatureSink

from ..core.reports.excel import safe_text

SPREADSHEET_SUFFIXES = (".csv", ".xlsx", ".xls", ".ods", ".txt")
_NO_FLAGS = QgsFeatureSink.Flags()


def is_spreadsheet(destination: str) -> bool:
    """Whether a sink destination (``path`` or ``path|layername=…``) is a spreadsheet file."""
    path = str(destination or "").split("|", 1)[0].strip().lower()
    return path.endswith(SPREADSHEET_SUFFIXES)


class SpreadsheetSafeSink(QgsFeatureSink):
    """Wraps a sink; text attributes become literal text (see module docstring)."""

    def __init__(self, sink: QgsFeatureSink) -> None:
        super().__init__()
        self._sink = sink

    def addFeature(self, feature, flags=_NO_FLAGS):  # noqa: N802 - QGIS API name
        return self._sink.addFeature(_safe(feature), flags)

    def addFeatures(self, features, flags=_NO_FLAGS):  # noqa: N802 - QGIS API name
        return self._sink.addFeatures([_safe(f) for f in features], flags)

    def lastError(self) -> str:  # noqa: N802 - QGIS API name
        return self._sink.lastError()

    def flushBuffer(self) -> bool:  # noqa: N802 - QGIS API name
        return self._sink.flushBuffer()


def _safe(feature: QgsFeature) -> QgsFeature:
    attributes = feature.attributes()
    if not any(isinstance(value, str) for value in attributes):
        return feature
    copy = QgsFeature(feature)
    copy.setAttributes([safe_text(value) for value in attributes])
    return copy
