"""Read a coordinate file: detect its encoding, then parse it line by line without raising.

Every syntax problem becomes an :class:`~.model.Issue` with the file name and line number; a
parcel with an unreadable line is marked ``skipped`` so the rest of the file still imports.
"""

from __future__ import annotations

import codecs
import math
from pathlib import Path

from ...i18n import tr
from .model import COORDINATE_SECTION, CoordFile, Parcel, Point, Severity

ENCODING_UTF8_BOM = "UTF-8 (BOM)"
ENCODING_UTF8 = "UTF-8"
ENCODING_GBK = "GBK"
ENCODING_ASCII = "ASCII"
ENCODING_UNKNOWN = "unknown"


def decode(data: bytes) -> tuple[str, str]:
    """Return ``(text, encoding label)``; never raises.

    UTF-8 is tried strictly before GBK because GBK bytes are almost never valid UTF-8, while
    the reverse guess would silently garble UTF-8 text. GB18030 (a superset of GBK) decodes
    the GBK files so that rare characters some editors add do not fail the whole file.
    """
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8"), ENCODING_UTF8_BOM
        except UnicodeDecodeError:
            pass
    else:
        try:
            text = data.decode("utf-8")
            return text, ENCODING_ASCII if text.isascii() else ENCODING_UTF8
        except UnicodeDecodeError:
            pass
        try:
            return data.decode("gb18030"), ENCODING_GBK
        except UnicodeDecodeError:
            pass
    return data.decode("gb18030", errors="replace").lstrip("\ufeff"), ENCODING_UNKNOWN


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
                   tr("The file is neither UTF-8 nor GBK; unreadable characters were replaced."))
    return parsed


def parse_text(text: str, name: str) -> CoordFile:
    """Parse decoded text; syntax problems are recorded on the result, never raised."""
    parsed = CoordFile(name)
    section = ""
    parcel: Parcel | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip().lstrip("\ufeff")
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            parsed.header_lines.setdefault(f"[{section}]", number)
            parcel = None
            continue
        if section == COORDINATE_SECTION:
            parcel = _coordinate_line(parsed, line, number, parcel)
        elif section:
            _header_line(parsed, line, number)
        else:
            parsed.add(number, Severity.WARNING, "outside",
                       tr("Line outside any [section] ignored: “{text}”").format(text=line[:60]))
    return parsed


def _header_line(parsed: CoordFile, line: str, number: int) -> None:
    key, sep, value = line.partition("=")
    key = key.strip()
    if not sep or not key:
        parsed.add(number, Severity.WARNING, "header-syntax",
                   tr("Header line is not “key=value”: “{text}”").format(text=line[:60]))
        return
    if key in parsed.header:
        parsed.add(number, Severity.WARNING, "header-repeated",
                   tr("Header key “{key}” is repeated; the later value is used.").format(key=key))
    parsed.header[key] = value.strip()
    parsed.header_lines[key] = number


def _coordinate_line(parsed: CoordFile, line: str, number: int,
                     parcel: Parcel | None) -> Parcel | None:
    """Handle one line of [地块坐标]; returns the parcel that following points belong to."""
    if line.endswith("@"):
        new = _parcel_header(parsed, line, number)
        parsed.parcels.append(new)
        return new
    if parcel is None:
        parsed.add(number, Severity.ERROR, "orphan-point",
                   tr("Point line before any parcel header (a line ending in “@”) ignored."))
        return None
    point = _point(parsed, line, number, parcel)
    if point is None:
        parcel.skipped = True
    else:
        parcel.points.append(point)
    return parcel


def _parcel_header(parsed: CoordFile, line: str, number: int) -> Parcel:
    fields = [f.strip() for f in line[:-1].split(",")]
    fields += [""] * (8 - len(fields))
    count = _int(fields[0])
    area = _float(fields[1])
    parcel = Parcel(number, count, area, *fields[2:8])
    label = parcel.number or str(number)
    if count is None or count < 0:
        parsed.add(number, Severity.ERROR, "parcel-header",
                   tr("Parcel {parcel}: point count “{value}” is not a whole number; "
                      "the parcel is skipped.").format(parcel=label, value=fields[0]), label)
        parcel.skipped = True
    if area is None and fields[1]:
        parsed.add(number, Severity.ERROR, "parcel-header",
                   tr("Parcel {parcel}: area “{value}” is not a number.").format(
                       parcel=label, value=fields[1]), label)
    return parcel


def _point(parsed: CoordFile, line: str, number: int, parcel: Parcel) -> Point | None:
    fields = [f.strip() for f in line.split(",")]
    label = parcel.number or str(parcel.line)
    ring = _int(fields[1]) if len(fields) >= 4 else None
    x = _float(fields[2]) if len(fields) >= 4 else None
    y = _float(fields[3]) if len(fields) >= 4 else None
    if len(fields) < 4 or ring is None or ring < 1 or x is None or y is None:
        parsed.add(number, Severity.ERROR, "point-syntax",
                   tr("Parcel {parcel}: cannot read the point line “{text}” (expected "
                      "name,ring,X,Y); the parcel is skipped.").format(parcel=label,
                                                                       text=line[:60]), label)
        return None
    return Point(fields[0], ring, x, y, number)


def _int(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None


def _float(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None
