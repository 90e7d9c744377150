"""Field mapping and value parsing for the mine layers (legacy mines, mining rights, roads…).

A thin layer over :mod:`core.schema.mine`, which reads the field names and value codes from
``resources/data/schema/mine_*.json``: the national legacy-mine check schema (历史遗留矿山核查,
lower-case pinyin ``hfzlqk``, ``tbhdmj``…), its provincial re-deliveries (upper case, Chinese
names, older keys such as ``zlzt``), mining-right registers (``YXQZ`` or one ``有效期限``
range) and the control layers. Names are matched case-insensitively, never hard-coded.
"""

from __future__ import annotations

from datetime import date

from ..schema.mine import (  # noqa: F401 - re-exported: the public API of this module
    AliasTable,
    FieldMap,
    UnknownValues,
    end_date,
    map_fields,
    profile,
    start_date,
    text,
)
from ..schema.mine import dates_in as _dates_in

_CONTROLS = profile("controls")
LEGACY_ALIASES: AliasTable = profile("legacy").aliases()
RIGHTS_ALIASES: AliasTable = profile("rights").aliases()
ROAD_ALIASES = _CONTROLS.aliases("road.")
RIVER_ALIASES = _CONTROLS.aliases("river.")
# The zone field (ZRBHDFQ, GNFQ, 功能分区…) and the declared mode are field roles of the role
# table, which the controls profile names: one list for the panels' picker and the rules.
PROTECTED_ALIASES = _CONTROLS.aliases("protected.")
HAZARD_ALIASES = _CONTROLS.aliases("hazard.")
DECLARED_MODE_ALIASES = _CONTROLS.fields["project.mode"].aliases

# Restoration modes of the national schema (nxffs 1–4 or A–D) and the plan's wording.
MODES = {"1": "自然恢复", "2": "辅助再生", "3": "生态重建", "4": "转型利用"}
MODE_NATURAL = "自然恢复"
MODE_ENGINEERING = "工程治理"


def treatment_vocabulary():
    """hfzlqk / zlzt: treated, untreated, partial."""
    return profile("legacy").vocabulary("treatment")


def production_vocabulary():
    return profile("rights").vocabulary("production")


def green_vocabulary():
    return profile("rights").vocabulary("green_mine")


# ---- values ----------------------------------------------------------------------------------
def parse_date(value) -> date | None:
    """The date of a value holding one date (QDate, date, 2024-06-30, 2024/6/30, 20240630,
    2024年6月30日); None when empty, unreadable or a range (use :func:`end_date`)."""
    found = _dates_in(value)
    return found[0] if len(found) == 1 else None


def normalise_mode(value) -> str:
    """The Chinese restoration mode of a declared value (1–4, A–D, Chinese or English; the
    value itself when unknown, '' when empty)."""
    raw = text(value)
    if not raw:
        return ""
    return profile("legacy").vocabulary("restoration_mode").classify(raw) or raw


def is_true(value) -> bool:
    """A yes flag of the green-mine field (是, Y, 1, 达标, 国家级…)."""
    return green_vocabulary().classify(value) == "yes"


def is_treated(value) -> bool:
    """Treatment status (hfzlqk / zlzt): B, 已恢复治理, 完全修复… are treated."""
    return treatment_vocabulary().classify(value) == "treated"


def is_producing(value) -> bool:
    """Production status of a mining right (生产/在采…); 关闭/停产 are not producing."""
    return production_vocabulary().classify(value) == "producing"


def number(value) -> float | None:
    try:
        result = float(text(value))
    except ValueError:
        return None
    return result if result == result else None
