"""Mutated valid files: the importer reports problems but never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sg_nr_plugin.core.coordtxt.parser import decode, parse_bytes
from sg_nr_plugin.core.coordtxt.reader import load_parsed
from tests.coordtxt.helpers import DATA, geod_measure_factory

SOURCES = {path.name: path.read_bytes() for path in sorted(DATA.glob("*.txt"))}
PIECES = ["", ",", "@", "[地块坐标]", "[属性描述]", "带号=39", "J9,2,", "nan", "-1", "1e308",
          "2745000.0000", "38512000.0000", "512000", "\ufeff", "０", "，", "=", "\r", "\x00",
          "【地块坐标】", "＠", "公顷", "亩", "1.5m2", "＝", "J1,1,38512000.0000,2745000.0000"]


def _mutate(lines: list[str], data) -> list[str]:
    kind = data.draw(st.sampled_from(["delete", "duplicate", "replace", "swap", "edit",
                                      "truncate"]))
    index = data.draw(st.integers(0, max(len(lines) - 1, 0)))
    if not lines:
        return [data.draw(st.text(max_size=40))]
    if kind == "delete":
        return lines[:index] + lines[index + 1:]
    if kind == "duplicate":
        return lines[:index + 1] + lines[index:]
    if kind == "replace":
        other = data.draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=40)))
        return lines[:index] + [other] + lines[index + 1:]
    if kind == "swap":
        other = data.draw(st.integers(0, len(lines) - 1))
        lines = list(lines)
        lines[index], lines[other] = lines[other], lines[index]
        return lines
    if kind == "edit":
        line = lines[index]
        cut = data.draw(st.integers(0, len(line)))
        piece = data.draw(st.one_of(st.sampled_from(PIECES), st.text(max_size=5)))
        drop = data.draw(st.integers(0, 3))
        return lines[:index] + [line[:cut] + piece + line[cut + drop:]] + lines[index + 1:]
    return lines[:index]


@settings(max_examples=200, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(SOURCES)), st.data())
def test_mutated_files_only_report(qgis_app, name, data):
    raw = SOURCES[name]
    encoding = "gbk" if "gbk" in name else "utf-8-sig"
    lines = raw.decode(encoding).splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        lines = _mutate(lines, data)
    codec = data.draw(st.sampled_from(["utf-8", "gb18030", "utf-16"]))
    payload = "\n".join(lines).encode(codec, errors="replace")
    if data.draw(st.booleans()):  # raw byte damage too
        cut = data.draw(st.integers(0, len(payload)))
        payload = payload[:cut] + data.draw(st.binary(max_size=4)) + payload[cut:]
    parsed = parse_bytes(payload, name)
    loaded = load_parsed(parsed, measure_factory=geod_measure_factory)
    line_count = len(decode(payload)[0].splitlines())
    for issue in parsed.issues:
        assert issue.file == name
        assert 0 <= issue.line <= line_count
        assert issue.message
    for item in loaded:
        assert not item.parcel.skipped
        assert item.geometry.isGeosValid() or any(
            i.code in ("self-intersection", "rings-overlap") for i in parsed.issues)
