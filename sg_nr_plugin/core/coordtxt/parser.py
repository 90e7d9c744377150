"""Read a coordinate file: detect its encoding, then parse it line by line without raising.

Every syntax problem becomes an :class:`~.model.Issue` with the file name and line number; a
parcel with an unreadable line is marked ``skipped`` so the rest of the file still imports.
"""

from __future__ import annotations

import math
from pathlib import Path

from ...i18n import tr
from .model import COORDINATE_SECTION, CoordFile, Parcel, Point, Severity
from .text import ENCODING_UNKNOWN, ascii_form, decode, structural_line
from .units import TO_HA, parse_area

__all__ = ["decode", "parse_bytes", "parse_text", "read_file"]
KINDS = ("面", "线", "点")
# Header keys some writers spell differently: read under the format's own name.
KEY_ALIASES = {"分带": "几度分带"}
NO_RING = 0  # the ring of a point line written name,X,Y until _settle_rings numbers it


def read_file(path: str | Path) -> CoordFile:
    """Read and parse ``path``; an unreadable file gives a CoordFile with one error."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        parsed = CoordFile(path.name)
        parsed.add(0, Severity.ERROR, "unreadable",
                   tr("Cannot read the file: {reason}").format(reason=error.strerror or error))
        return parsed
    return parse_bytes(data, path.name)


def parse_bytes(data: bytes, name: str) -> CoordFile:
    text, encoding = decode(data)
    parsed = parse_text(text, name)
    parsed.encoding = encoding
    if encoding == ENCODING_UNKNOWN:
        parsed.add(0, Severity.ERROR, "encoding",
                   tr("The file is neither UTF-8, UTF-16 nor GBK; unreadable characters were "
                      "replaced."))
    return parsed


def parse_text(text: str, name: str) -> CoordFile:
    """Parse decoded text; syntax problems are recorded on the result, never raised."""
    parsed = CoordFile(name)
    section = ""
    parcel: Parcel | None = None
    fullwidth = 0  # first line that used full-width separators or digits
    for number, raw in enumerate(text.splitlines(), start=1):
        line, changed = structural_line(raw.lstrip("\ufeff"), section == COORDINATE_SECTION)
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            fullwidth = fullwidth or (number if changed else 0)
            section = line[1:-1].strip()
            parsed.header_lines.setdefault(f"[{section}]", number)
            parcel = None
            continue
        if section == COORDINATE_SECTION:
            parcel, digits = _coordinate_line(parsed, line, number, parcel)
            fullwidth = fullwidth or (number if changed or digits else 0)
        elif section:
            fullwidth = fullwidth or (number if changed else 0)
            _header_line(parsed, line, number, section)
        else:
            parsed.add(number, Severity.WARNING, "outside",
                       tr("Line outside any [section] ignored: “{text}”").format(text=line[:60]))
    _settle_implicit(parsed)
    _settle_rings(parsed)
    if fullwidth:
        parsed.add(fullwidth, Severity.WARNING, "full-width",
                   tr("Full-width punctuation or digits (，＠１．【】…) were read as their ASCII "
                      "forms; the monitoring system expects ASCII (half-width) characters."))
    return parsed


def _header_line(parsed: CoordFile, line: str, number: int, section: str) -> None:
    key, sep, value = line.partition("=")
    key = KEY_ALIASES.get(key.strip(), key.strip())
    if not sep or not key:
        parsed.add(number, Severity.WARNING, "header-syntax",
                   tr("Header line is not “key=value”: “{text}”").format(text=line[:60]))
        return
    if key in parsed.header:
        parsed.add(number, Severity.WARNING, "header-repeated",
                   tr("Header key “{key}” is repeated; the later value is used.").format(key=key))
    parsed.header[key] = value.strip()
    parsed.header_lines[key] = number
    parsed.header_sections[key] = section


def _coordinate_line(parsed: CoordFile, line: str, number: int,
                     parcel: Parcel | None) -> tuple[Parcel | None, bool]:
    """Handle one line of [地块坐标]; returns the parcel that following points belong to and
    whether full-width digits were read."""
    if line.endswith("@"):
        new, digits = _parcel_header(parsed, line, number)
        parsed.parcels.append(new)
        return new, digits
    if parcel is None:  # points before any header: one parcel, unless headers follow
        parcel = Parcel(number, None, None, "", "", "", "", "", "", implicit=True)
        parsed.parcels.append(parcel)
    point, digits = _point(parsed, line, number, parcel)
    if point is None:
        parcel.skipped = True
    else:
        parcel.points.append(point)
    return parcel, digits


def _settle_implicit(parsed: CoordFile) -> None:
    """Points without a parcel header: the whole file's points are one parcel when it has no
    header line at all; before a header they are stray lines (reported, ignored)."""
    implicit = [p for p in parsed.parcels if p.implicit]
    if not implicit:
        return
    if len(implicit) < len(parsed.parcels):
        for parcel in implicit:
            parsed.parcels.remove(parcel)
            for point in parcel.points or [Point("", 0, 0.0, 0.0, parcel.line)]:
                parsed.add(point.line, Severity.ERROR, "orphan-point",
                           tr("Point line before any parcel header (a line ending in “@”) "
                              "ignored."))
        return
    parcel = implicit[0]
    parsed.add(parcel.line, Severity.WARNING, "no-parcel-header",
               tr("The points have no parcel header line (count, area, number, name, 面 … @): "
                  "read as one parcel without number or declared area."))


def _header_fields(line: str) -> list[str]:
    """The fields of a header line without the final ``@`` (and the comma before it)."""
    body = line[:-1]
    if body.endswith(","):
        body = body[:-1]
    return [f.strip() for f in body.split(",")]


def _parcel_header(parsed: CoordFile, line: str, number: int) -> tuple[Parcel, bool]:
    fields = _header_fields(line)
    countless = _countless(fields)
    if countless:
        fields = ["", *fields]
    fields += [""] * (8 - len(fields))
    digits = ascii_form(fields[0]) != fields[0] or ascii_form(fields[1]) != fields[1]
    count = _int(fields[0])
    value, unit = parse_area(fields[1]) if fields[1] else (None, None)
    area = None if value is None else value * TO_HA[unit or "ha"]
    parcel = Parcel(number, count, area, *fields[2:8], extra=fields[8:], area_value=value,
                    area_unit=unit)
    label = parcel.number or str(number)
    if countless or not fields[0]:
        parsed.add(number, Severity.WARNING, "no-count",
                   tr("Parcel {parcel}: the header line has no point count (it starts with "
                      "“{start}”); read without one.").format(
                       parcel=label, start=line.split(",")[0][:20]), label)
    elif count is None or count < 0:
        parsed.add(number, Severity.ERROR, "parcel-header",
                   tr("Parcel {parcel}: point count “{value}” is not a whole number; "
                      "the parcel is skipped.").format(parcel=label, value=fields[0]), label)
        parcel.skipped = True
    if value is None and fields[1]:
        parsed.add(number, Severity.ERROR, "parcel-header",
                   tr("Parcel {parcel}: area “{value}” is not a number.").format(
                       parcel=label, value=fields[1]), label)
    return parcel, digits


def _countless(fields: list[str]) -> bool:
    """A header written without the point count: it starts with the area (``0.7749公顷,,地块1,
    面,…``), so the geometry kind sits one place early."""
    if len(fields) < 4 or fields[3] not in KINDS or (len(fields) > 4 and fields[4] in KINDS):
        return False
    return parse_area(fields[0])[0] is not None and _int(fields[0]) is None or \
        parse_area(fields[0])[1] is not None


def _point(parsed: CoordFile, line: str, number: int,
           parcel: Parcel) -> tuple[Point | None, bool]:
    fields = [f.strip() for f in line.split(",")]
    label = parcel.number or str(parcel.line)
    ringless = len(fields) == 3  # name,X,Y (some provincial tools): numbered later
    if ringless:
        fields.insert(1, "1")
    numbers = [ascii_form(f) for f in fields[1:4]]
    ring = _int(numbers[0]) if len(fields) >= 4 else None
    x = _float(numbers[1]) if len(fields) >= 4 else None
    y = _float(numbers[2]) if len(fields) >= 4 else None
    if len(fields) < 4 or ring is None or ring < 1 or x is None or y is None:
        _unreadable(parsed, number, line[:60], label)
        return None, False
    return (Point(fields[0], NO_RING if ringless else ring, x, y, number, line[:60]),
            numbers != fields[1:4])


def _unreadable(parsed: CoordFile, number: int, text: str, label: str) -> None:
    parsed.add(number, Severity.ERROR, "point-syntax",
               tr("Parcel {parcel}: cannot read the point line “{text}” (expected "
                  "name,ring,X,Y); the parcel is skipped.").format(parcel=label, text=text),
               label)


def _settle_rings(parsed: CoordFile) -> None:
    """Number the rings of parcels whose point lines have no ring number (name,X,Y): ring 1,
    and the next number after each ring closes on its first point — the format's own
    numbering (1 = outer, 2, 3… = further rings; containment still decides holes). A parcel
    mixing both kinds of line is refused: which ring a ring-less point belongs to is a guess.
    Among name,ring,X,Y lines a line of three fields is most likely one with a field lost, so
    it gets the unreadable-line message of any damaged line."""
    for parcel in parsed.parcels:
        without = [p for p in parcel.points if p.ring == NO_RING]
        if not without:
            continue
        label = parcel.number or str(parcel.line)
        with_ring = [p for p in parcel.points if p.ring != NO_RING]
        if with_ring:
            parcel.skipped = True
            if len(without) <= len(with_ring):
                for point in without:
                    _unreadable(parsed, point.line, point.text, label)
                continue
            parsed.add(with_ring[0].line, Severity.ERROR, "point-fields-mixed",
                       tr("Parcel {parcel} mixes point lines without a ring number (line "
                          "{plain_line}: name,X,Y) and with one (line {ring_line}: name,ring,X,Y);"
                          " write every point line of a parcel the same way. The parcel is "
                          "skipped.").format(parcel=label, ring_line=with_ring[0].line,
                                             plain_line=without[0].line), label)
            continue
        ring, first, count = 1, None, 0
        for point in parcel.points:
            if first is None:
                first, count = point, 0
            point.ring = ring
            count += 1
            if count >= 4 and (point.x, point.y) == (first.x, first.y):
                ring, first = ring + 1, None  # the ring closed: the next point starts one
        parsed.add(parcel.line, Severity.WARNING, "no-ring-number",
                   tr("Parcel {parcel}: the point lines have no ring number (name,X,Y); read "
                      "as ring 1, a further ring after each ring closes on its first point "
                      "({rings} ring(s)). The monitoring system expects name,ring,X,Y: export "
                      "the layer to write them.").format(parcel=label, rings=ring - 1 + (
                          first is not None)), label)


def _int(text: str) -> int | None:
    try:
        return int(ascii_form(text))
    except ValueError:
        return None


def _float(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
