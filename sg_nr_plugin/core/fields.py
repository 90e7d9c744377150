"""Compatibility layer: DLTB field detection lives in :mod:`core.schema.dltb`.

Kept so that ``from ..fields import detect_dltb_fields, DltbFields, find_field, DLTB_ALIASES``
goes on working in every module that reads DLTB attributes.
"""

from __future__ import annotations

from .schema.dltb import DLTB_ALIASES, DltbFields, detect_dltb_fields, find_field

__all__ = ["DLTB_ALIASES", "DltbFields", "detect_dltb_fields", "find_field"]
