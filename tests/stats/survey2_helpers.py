"""Hand-built second-survey (二调) DLTB layers with figures worked out by hand (domain.md §9)."""

from __future__ import annotations

from tests.stats.helpers import X0, Y0, memory_layer, square_wkt

COUNTY = "440203"
VILLAGE = COUNTY + "001001" + "0000000"
# (DLBM, TBMJ, TKXS, TKMJ, XZDWMJ, LXDWMJ, TBDLMJ): TBDLMJ = TBMJ − TKMJ − XZDWMJ − LXDWMJ
PARCELS = [
    ("011", 1000.0, 0.1, 100.0, 30.0, 0.0, 870.0),
    ("031", 2000.0, 0.0, 0.0, 40.0, 10.0, 1950.0),
    ("116", 500.0, 0.0, 0.0, 0.0, 0.0, 500.0),
    ("125", 300.0, 0.0, 0.0, 0.0, 0.0, 300.0),
    ("203", 800.0, 0.0, 0.0, 12.0, 0.0, 788.0),
    ("013", 400.0, 0.05, 20.0, 0.0, 0.0, 380.0),
]
CONTROL = 5000.0  # ΣTBMJ
EXPECTED = {"011": 870.0, "013": 380.0, "031": 1950.0, "116": 500.0, "125": 300.0,
            "203": 788.0, "123": 120.0, "XZDW": 82.0, "LXDW": 10.0}
WETLAND_M2 = 800.0  # 116 + 125
CULTIVATED_M2 = 1250.0  # 011 + 013 net of 田坎
CONSTRUCTION_M2 = 788.0  # 203


def second_layer(name: str = "DLTB2", numeric: bool | str = False, with_linear: bool = True):
    """``numeric``: True for an integer DLBM column, "double" for a real one."""
    kind = "double" if numeric == "double" else "integer" if numeric else "string(8)"
    fields = f"BSM:string(18)&field=ZLDWDM:string(19)&field=DLBM:{kind}&field=TBMJ:double" \
             "&field=TKXS:double&field=TKMJ:double"
    if with_linear:
        fields += "&field=XZDWMJ:double&field=LXDWMJ:double"
    fields += "&field=TBDLMJ:double"
    rows = []
    for i, (code, tbmj, tkxs, tkmj, xz, lx, net) in enumerate(PARCELS):
        values = [f"B{i}", VILLAGE, int(code) if numeric else code, tbmj, tkxs, tkmj]
        if with_linear:
            values += [xz, lx]
        rows.append((square_wkt(X0 + 20.0 * i, Y0, 10.0), [*values, net]))
    return memory_layer(name, fields, rows)
