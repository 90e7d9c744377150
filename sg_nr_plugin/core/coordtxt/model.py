"""Data model of a project coordinate file (报部坐标 .txt): header, parcels, rings, issues.

Coordinates keep the file's own naming: ``x`` is the northing (X, 北坐标) and ``y`` the easting
(Y, 东坐标, possibly with the zone prefix). QGIS geometries use (easting, northing), so the swap
happens in one place only: :mod:`.geometry`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

# Keys of the [属性描述] section, in the order the format lists them.
HEADER_KEYS = ("格式版本号", "数据产生单位", "数据产生日期", "坐标系", "几度分带", "投影类型",
               "计量单位", "带号", "精度", "转换参数")
# Keys without which a file cannot be placed on the map or is rejected at filing.
REQUIRED_HEADER_KEYS = ("坐标系", "几度分带", "投影类型", "计量单位", "带号")

ATTRIBUTE_SECTION = "属性描述"
COORDINATE_SECTION = "地块坐标"
POLYGON_KIND = "面"


class Severity(str, Enum):
    """ERROR: the monitoring system would reject the file; WARNING: worth a look."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Issue:
    """One validation finding. ``line`` is 1-based (0 when it concerns the whole file)."""

    file: str
    line: int
    severity: Severity
    code: str
    message: str
    parcel: str = ""

    def text(self) -> str:
        """``file:line: message`` as shown in the Processing log."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


@dataclass
class Point:
    name: str
    ring: int
    x: float  # northing
    y: float  # easting (zone prefix kept as written)
    line: int
    text: str = field(default="", compare=False, repr=False)  # the line as written (messages)


@dataclass
class Parcel:
    """One 地块: its header line's fields and the points listed under it."""

    line: int
    point_count: int | None
    area_ha: float | None
    number: str
    name: str
    kind: str
    sheet: str
    use: str
    land_class: str
    points: list[Point] = field(default_factory=list)
    skipped: bool = False  # set when a fatal problem keeps the parcel out of the layer
    extra: list[str] = field(default_factory=list)  # header fields after 地类编码 (浙江 …)
    area_value: float | None = None  # the declared figure as written, before unit conversion
    area_unit: str | None = None  # from a suffix (公顷, 亩, m2…); None: the file did not say
    implicit: bool = False  # points without a parcel header line, read as one parcel

    def rings(self) -> list[tuple[int, list[Point]]]:
        """Rings in file order: a ring runs over consecutive points with the same number and
        ends when it closes on its first point. A ring number used again after its ring has
        closed (numbering restarted for each part) starts a new ring, not a merged one."""
        rings: list[tuple[int, list[Point]]] = []
        for point in self.points:
            if not rings or point.ring != rings[-1][0] or _closed(rings[-1][1]):
                rings.append((point.ring, []))
            rings[-1][1].append(point)
        return rings


def _closed(points: list[Point]) -> bool:
    return len(points) >= 4 and (points[0].x, points[0].y) == (points[-1].x, points[-1].y)


@dataclass
class CoordFile:
    """A parsed file: its header, parcels, detected encoding and the problems found."""

    name: str
    encoding: str = ""
    header: dict[str, str] = field(default_factory=dict)
    header_lines: dict[str, int] = field(default_factory=dict)
    parcels: list[Parcel] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    header_sections: dict[str, str] = field(default_factory=dict)  # key → its [section]
    swapped: list[Parcel] = field(default_factory=list)  # parcels read easting-first

    def extra_header(self) -> list[tuple[str, str, str]]:
        """``(section, key, value)`` of the header keys the format does not define, in file
        order ([项目信息] lines, 浙江's additional keys…): kept so the export writes them back."""
        return [(self.header_sections.get(key, ATTRIBUTE_SECTION), key, value)
                for key, value in self.header.items() if key not in HEADER_KEYS]

    def add(self, line: int, severity: Severity, code: str, message: str,
            parcel: str = "") -> None:
        self.issues.append(Issue(self.name, line, severity, code, message, parcel))

    @property
    def zone(self) -> int | None:
        """带号 as an integer, or None when absent or not a number."""
        try:
            return int(float(self.header.get("带号", "").strip()))
        except ValueError:
            return None

    @property
    def zone_width(self) -> int:
        """几度分带: 3 unless the header says 6."""
        return 6 if self.header.get("几度分带", "").strip().startswith("6") else 3
