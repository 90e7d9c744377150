"""Translated labels of the columns that are also field names of the check outputs.

A check workbook heads such a column "label field" (:func:`language.field_header`): the label
in the report's language, then the field name of the output layer it mirrors.
"""

from __future__ import annotations

from ...i18n import tr
from .language import field_header

_UNIT_SUFFIXES = ("_m2", "_mu")


def _labels() -> dict[str, str]:
    # One tr() literal each (pylupdate extracts them); built on call so the language is current.
    return {
        "project_id": tr("Project id"), "verdict": tr("Verdict"), "area": tr("Area"),
        "declared": tr("Declared area"), "n_error": tr("Errors"), "n_warning": tr("Warnings"),
        "n_info": tr("Notes"), "not_checked": tr("Not checked"), "rule_id": tr("Rule"),
        "severity": tr("Severity"), "message": tr("Message"), "message_en": tr("Message"),
        "new_cultivated": tr("New cultivated land"), "new_paddy": tr("New paddy"),
        "upgrade": tr("Quality upgrade"), "src_garden": tr("Source: garden"),
        "src_forest": tr("Source: forest"), "src_grassland": tr("Source: grassland"),
        "src_construction": tr("Source: construction land"), "src_other": tr("Source: other"),
        "src_forbidden": tr("Source: forbidden classes"), "grade": tr("Average quality grade"),
        "zldwdm": tr("Location unit code"), "kind": tr("Project type"),
        "kind_zh": tr("Project type (Chinese)"), "blocks": tr("Blocks"),
        "block_min": tr("Smallest block"), "block_max": tr("Largest block"),
        "slope_g1": tr("Slope grade 1"), "slope_g2": tr("Slope grade 2"),
        "slope_g3": tr("Slope grade 3"), "slope_g4": tr("Slope grade 4"),
        "slope_g5": tr("Slope grade 5"), "slope_na": tr("Slope unknown"),
        "county": tr("County"), "status": tr("Project status"), "accepted": tr("Accepted"),
        "restored_mine": tr("Restored mine land"), "legacy_parcels": tr("Legacy-mine parcels"),
        "legacy_ids": tr("Legacy-mine parcel numbers"),
        "suggested_mode": tr("Suggested restoration mode"),
        "suggested_why": tr("Why this mode"), "declared_mode": tr("Declared restoration mode"),
    }


def field_label(name: str) -> str:
    """The label of field ``name`` with its unit ("New cultivated land (m²)"); the name itself
    when it has no label."""
    labels = _labels()
    base, unit = name, ""
    if name.endswith(_UNIT_SUFFIXES) and name not in labels:
        base, suffix = name[:-3], name[-2:]
        unit = " (m²)" if suffix == "m2" else tr(" (mu)")
    label = labels.get(base)
    return f"{label}{unit}" if label else name


def field_column(name: str) -> str:
    """Header of a column mirroring field ``name``: "新增耕地 (m²) new_cultivated_m2"."""
    label = field_label(name)
    return name if label == name else field_header(label, name)
