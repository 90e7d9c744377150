"""Why a layer that loaded cannot be read (a PostGIS table the role may not SELECT)."""

from __future__ import annotations


def unreadable_reason(layer) -> str:
    return ""
