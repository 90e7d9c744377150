"""GEOS's geometry-validity reasons in the interface language.

``QgsGeometry.validateGeometry`` (GEOS validator) gives GEOS's English texts ("Self-intersection")
unless QGIS's own catalogue is loaded — and a desktop started with ``--lang zh_CN`` has none (QGIS
ships ``qgis_zh-Hans.qm``). The check messages show the reason to users, so the known ones are
translated here; any other text (QGIS's own translation among them) is shown as it came.
"""

from __future__ import annotations

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ..i18n import tr

# GEOS's TopologyValidationError texts, lower case (QGIS versions differ in capitals).
_REASONS = {
    "topology validation error": QT_TRANSLATE_NOOP("@default", "topology validation error"),
    "repeated point": QT_TRANSLATE_NOOP("@default", "repeated point"),
    "hole lies outside shell": QT_TRANSLATE_NOOP("@default", "hole lies outside its shell"),
    "holes are nested": QT_TRANSLATE_NOOP("@default", "holes are nested"),
    "interior is disconnected": QT_TRANSLATE_NOOP("@default", "interior is disconnected"),
    "self-intersection": QT_TRANSLATE_NOOP("@default", "self-intersection"),
    "ring self-intersection": QT_TRANSLATE_NOOP("@default", "ring self-intersection"),
    "nested shells": QT_TRANSLATE_NOOP("@default", "nested shells"),
    "duplicate rings": QT_TRANSLATE_NOOP("@default", "duplicate rings"),
    "too few points in geometry component": QT_TRANSLATE_NOOP(
        "@default", "too few points in a geometry part"),
    "too few distinct points in geometry component": QT_TRANSLATE_NOOP(
        "@default", "too few points in a geometry part"),
    "invalid coordinate": QT_TRANSLATE_NOOP("@default", "invalid coordinate"),
    "ring is not closed": QT_TRANSLATE_NOOP("@default", "ring is not closed"),
}


def geos_reason(what: str) -> str:
    """``what`` of a GEOS validation error, translated when it is one GEOS is known to give."""
    text = (what or "").strip()
    key = text.split("[")[0].strip().lower()  # some versions append "[x y]"
    return tr(_REASONS[key]) if key in _REASONS else text
