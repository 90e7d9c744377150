"""Write coordinate files: header, parcels with J1… point names, safe names, atomic saves."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from ...i18n import tr
from ..errors import SgNrError
from ..files import write_atomically
from .geometry import Ring
from .model import ATTRIBUTE_SECTION, COORDINATE_SECTION, POLYGON_KIND

ENCODINGS = ("GBK", "UTF-8")  # order of the ENCODING parameter; GBK is the ministry's
NEWLINE = "\r\n"  # the monitoring system and its users are on Windows
DECIMALS = 4
_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
# Characters that would break a header line: the separator, the end mark, line breaks.
_FIELD_REPLACEMENTS = {",": "，", "@": "＠", "\r": " ", "\n": " "}


@dataclass
class FileHeader:
    zone: int
    producer: str = ""
    date: str = ""
    width: int = 3
    version: str = "1.01版本"
    system: str = "2000国家大地坐标系"
    # (section, key, value) the format does not define, kept from an imported file
    extras: list[tuple[str, str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        date = self.date or datetime.date.today().isoformat()
        return [
            *self._extra_lines(other_sections=True),
            f"[{ATTRIBUTE_SECTION}]",
            f"格式版本号={clean_field(self.version)}",
            f"数据产生单位={clean_field(self.producer)}",
            f"数据产生日期={clean_field(date)}",
            f"坐标系={self.system}",
            f"几度分带={self.width}",
            "投影类型=高斯克吕格",
            "计量单位=米",
            f"带号={self.zone}",
            f"精度={10 ** -DECIMALS:.{DECIMALS}f}",
            "转换参数=,,,,,,",
            *self._extra_lines(other_sections=False),
        ]

    def _extra_lines(self, other_sections: bool) -> list[str]:
        """Extra keys: other sections ([项目信息]…) before [属性描述], its own extras after."""
        lines: list[str] = []
        current = None
        for section, key, value in self.extras:
            section = _one_line(section).strip("[]【】 ")
            if (section != ATTRIBUTE_SECTION) != other_sections or not _one_line(key):
                continue
            if other_sections and section != current:
                lines.append(f"[{section}]")
                current = section
            lines.append(f"{_one_line(key)}={_one_line(value)}")
        return lines


@dataclass
class ExportParcel:
    """One parcel to write; ``parts`` are oriented, closed rings in (easting, northing)."""

    number: str
    area_ha: float
    parts: list[list[Ring]]
    name: str = ""
    sheet: str = ""
    use: str = ""
    land_class: str = ""
    feature_id: int = field(default=-1, compare=False)
    extra: list[str] = field(default_factory=list)  # header fields after 地类编码
    # what an imported layer kept of its file's header: 数据产生单位, 数据产生日期, other keys
    producer: str = field(default="", compare=False)
    date: str = field(default="", compare=False)
    header: str = field(default="", compare=False)  # KZSX: JSON [[section, key, value]]


def clean_field(value) -> str:
    """Text safe inside a comma-separated header line (NULL → empty)."""
    text = "" if value is None or str(value) == "NULL" else str(value).strip()
    for bad, good in _FIELD_REPLACEMENTS.items():
        text = text.replace(bad, good)
    return text


def _one_line(value) -> str:
    """A header key or value on one line (NULL → empty)."""
    text = "" if value is None or str(value) == "NULL" else str(value)
    return text.replace("\r", " ").replace("\n", " ").strip()


def parcel_lines(parcel: ExportParcel) -> list[str]:
    """Header line and point lines; points J1… run on through the rings of the parcel."""
    points: list[str] = []
    ring_number = 0
    counter = 0
    for part in parcel.parts:
        for ring in part:
            ring_number += 1
            first = counter + 1
            for index, point in enumerate(ring):
                closing = index == len(ring) - 1
                if not closing:
                    counter += 1
                name = f"J{first if closing else counter}"
                points.append(f"{name},{ring_number},{point.y():.{DECIMALS}f},"
                              f"{point.x():.{DECIMALS}f}")
    head = ",".join([str(len(points)), f"{parcel.area_ha:.{DECIMALS}f}",
                     clean_field(parcel.number), clean_field(parcel.name), POLYGON_KIND,
                     clean_field(parcel.sheet), clean_field(parcel.use),
                     clean_field(parcel.land_class), *map(clean_field, parcel.extra), "@"])
    return [head, *points]


def format_file(header: FileHeader, parcels: list[ExportParcel]) -> str:
    lines = header.lines() + [f"[{COORDINATE_SECTION}]"]
    for parcel in parcels:
        lines.extend(parcel_lines(parcel))
    return NEWLINE.join(lines) + NEWLINE


def safe_file_name(project_id, used: set[str], default: str = "project") -> str:
    """``project_id`` as a file name: no path separators, no leading dots, unique (case-blind)."""
    stem = _UNSAFE_NAME.sub("_", clean_field(project_id)).strip(" .")
    stem = stem.replace("..", "_") or default
    candidate, counter = stem, 1
    while candidate.lower() in used:
        counter += 1
        candidate = f"{stem}_{counter}"
    used.add(candidate.lower())
    return f"{candidate}.txt"


def encode(text: str, encoding: str, target: str) -> bytes:
    """Encode for writing; a character GBK lacks is an error naming the line, not a '?'."""
    try:
        return text.encode("gbk" if encoding == "GBK" else "utf-8")
    except UnicodeEncodeError as error:
        line = text[:error.start].count(NEWLINE) + 1
        raise SgNrError(
            tr("“{file}” line {line}: the character “{char}” cannot be written in {encoding}; "
               "choose UTF-8 or change the attribute.").format(
                file=target, line=line, char=text[error.start:error.end], encoding=encoding)
        ) from error


def write_atomic(path: str | Path, data: bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path`` and move it into place in one step."""
    return write_atomically(path, lambda name: Path(name).write_bytes(data))
