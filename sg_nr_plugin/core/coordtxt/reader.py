"""Import: coordinate files → validated parcels with QGIS geometries, ready for a layer.

Pure logic (no project, no iface). The area engine is passed in as a factory so that the
declared areas are compared with the same ellipsoidal measure the statistics use.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
)
from qgis.PyQt.QtCore import QVariant

from ...i18n import tr
from .axes import AXIS_AUTO, report_swaps
from .geometry import assemble, ring_points
from .model import CoordFile, Issue, Parcel, Severity
from .parser import read_file
from .validate import (
    check_area,
    check_domain,
    check_duplicates,
    check_geometry,
    check_header,
    check_parcel,
    label,
    resolve_crs,
    settle_area_unit,
    to_geographic,
)

# crs -> a function measuring a list of geometries in that CRS (m² each)
MeasureFactory = Callable[[QgsCoordinateReferenceSystem], Callable[[list], Sequence[float]]]
DEFAULT_TOLERANCE = 0.001  # 0.1 %: planar areas at a zone's edge differ by up to ~0.06 %
M2_PER_HA = 10_000.0

# Output fields: the usual pinyin abbreviations of Chinese GIS data (Shapefile-safe names).
FIELDS = (
    ("JZDS", QVariant.Int),      # 界址点数 point count
    ("DKMJ", QVariant.Double),   # 地块面积 declared area, 公顷
    ("JSMJ", QVariant.Double),   # 计算面积 measured ellipsoidal area, 公顷
    ("DKBH", QVariant.String),   # 地块编号
    ("DKMC", QVariant.String),   # 地块名称
    ("TXSX", QVariant.String),   # 图形属性 (面)
    ("TFH", QVariant.String),    # 图幅号
    ("DKYT", QVariant.String),   # 地块用途
    ("DLBM", QVariant.String),   # 地类编码
    ("SCDW", QVariant.String),   # 数据产生单位
    ("SCRQ", QVariant.String),   # 数据产生日期
    ("ZBX", QVariant.String),    # 坐标系
    ("DH", QVariant.Int),        # 带号
    ("WJM", QVariant.String),    # 文件名 source file
    ("XMBH", QVariant.String),   # 项目编号: the file name without .txt (one file per project)
    ("BM", QVariant.String),     # 编码 detected encoding
    ("KZZD", QVariant.String),   # 扩展字段: header-line fields after 地类编码, comma-separated
    ("KZSX", QVariant.String),   # 扩展属性: other header keys, JSON [[section, key, value]]
)


def default_measure_factory(crs: QgsCoordinateReferenceSystem):
    """The [core] ellipsoidal area engine (m², batched) for geometries in ``crs``."""
    from ..area import EllipsoidalArea

    return EllipsoidalArea(crs).measure_many


@dataclass
class ImportedParcel:
    source: CoordFile
    parcel: Parcel
    geometry: QgsGeometry
    crs: QgsCoordinateReferenceSystem
    measured_ha: float | None = None


@dataclass
class ImportResult:
    files: list[CoordFile] = field(default_factory=list)
    parcels: list[ImportedParcel] = field(default_factory=list)

    @property
    def issues(self) -> list[Issue]:
        return [issue for parsed in self.files for issue in parsed.issues]

    def skipped(self) -> int:
        return sum(p.skipped for parsed in self.files for p in parsed.parcels)


def collect_paths(items: Iterable[str | Path]) -> list[Path]:
    """Files as given, folders expanded to their ``*.txt`` files (sorted, not recursive)."""
    paths: list[Path] = []
    for item in items:
        if not str(item or "").strip():  # Processing hands over "" for an empty file list
            continue
        path = Path(item)
        if path.is_dir():
            paths.extend(sorted((p for p in path.iterdir()
                                 if p.is_file() and p.suffix.lower() == ".txt"),
                                key=lambda p: p.name.lower()))
        else:
            paths.append(path)
    return paths


def import_paths(paths: Iterable[str | Path], override: QgsCoordinateReferenceSystem | None = None,
                 measure_factory: MeasureFactory | None = default_measure_factory,
                 tolerance: float = DEFAULT_TOLERANCE, **options) -> ImportResult:
    result = ImportResult()
    for path in collect_paths(paths):
        parsed = read_file(path)
        result.files.append(parsed)
        result.parcels.extend(load_parsed(parsed, override, measure_factory, tolerance,
                                          **options))
    return result


def load_parsed(parsed: CoordFile, override: QgsCoordinateReferenceSystem | None = None,
                measure_factory: MeasureFactory | None = default_measure_factory,
                tolerance: float = DEFAULT_TOLERANCE, axis_order: int = AXIS_AUTO,
                area_unit: str | None = None) -> list[ImportedParcel]:
    """Validate a parsed file and build its parcels' geometries; never raises on bad data.

    ``axis_order``: see :mod:`.axes` (auto by default); ``area_unit``: the unit of declared
    areas written without a suffix (None: 公顷 unless the ratio to the measured area says m²
    or 亩, see :mod:`.units`)."""
    if parsed.encoding:
        parsed.add(0, Severity.INFO, "encoding",
                   tr("Encoding detected: {encoding}").format(encoding=parsed.encoding))
    check_header(parsed, override)
    for parcel in parsed.parcels:
        if not parcel.skipped:  # a parcel with an unreadable line has had its message
            check_parcel(parsed, parcel, axis_order, projected=override is None)
    report_swaps(parsed, label)
    check_duplicates(parsed)
    crs = resolve_crs(parsed, override)
    if crs is None:
        for parcel in parsed.parcels:
            parcel.skipped = True
        return []
    loaded = []
    domain = to_geographic(crs)
    for parcel in parsed.parcels:
        if parcel.skipped or not check_domain(parsed, parcel, domain):
            continue
        geometry = assemble([ring_points(points) for _, points in parcel.rings()])
        check_geometry(parsed, parcel, geometry)
        loaded.append(ImportedParcel(parsed, parcel, geometry, crs))
    if measure_factory is not None and loaded:
        areas = _measure(measure_factory(crs), loaded)
        for item, m2 in zip(list(loaded), areas):
            if m2 is None:
                parsed.add(item.parcel.line, Severity.ERROR, "unmeasurable",
                           tr("Parcel {parcel}: its area cannot be measured in {crs} (coordinates "
                              "outside the system's area of use?); the parcel is skipped.")
                           .format(parcel=label(item.parcel), crs=crs.authid()),
                           label(item.parcel))
                item.parcel.skipped = True
                loaded.remove(item)
                continue
            item.measured_ha = m2 / M2_PER_HA
            settle_area_unit(parsed, item.parcel, item.measured_ha, area_unit)
            check_area(parsed, item.parcel, item.measured_ha, tolerance)
    elif area_unit is not None:
        for item in loaded:
            settle_area_unit(parsed, item.parcel, 0.0, area_unit)
    return loaded


def _measure(measure, items: list[ImportedParcel]) -> list[float | None]:
    """Areas (m²) in one batch call (the engine is several times faster on many geometries at
    once); if the batch fails, one by one, None where a geometry cannot be measured."""
    def finite(value) -> float | None:
        value = float(value)
        return value if math.isfinite(value) else None

    try:
        return [finite(a) for a in measure([item.geometry for item in items])]
    except (ArithmeticError, ValueError):
        pass
    areas: list[float | None] = []
    for item in items:
        try:
            areas.append(finite(measure([item.geometry])[0]))
        except (ArithmeticError, ValueError):
            areas.append(None)
    return areas


def import_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in FIELDS:
        fields.append(QgsField(name, kind))
    return fields


def to_feature(item: ImportedParcel, fields: QgsFields,
               target: QgsCoordinateReferenceSystem | None = None,
               context: QgsCoordinateTransformContext | None = None) -> QgsFeature:
    """A feature with the import fields; geometry multi-part, transformed to ``target``."""
    geometry = QgsGeometry(item.geometry)
    if target is not None and target.isValid() and target != item.crs:
        transform = QgsCoordinateTransform(item.crs, target,
                                           context or QgsCoordinateTransformContext())
        geometry.transform(transform)
    geometry.convertToMultiType()  # one layer type for single- and multi-part parcels
    parcel, header = item.parcel, item.source.header
    feature = QgsFeature(fields)
    feature.setGeometry(geometry)
    feature.setAttributes([
        parcel.point_count, parcel.area_ha, item.measured_ha, parcel.number,
        parcel.name, parcel.kind, parcel.sheet, parcel.use, parcel.land_class,
        header.get("数据产生单位", ""), header.get("数据产生日期", ""), header.get("坐标系", ""),
        item.source.zone, item.source.name, Path(item.source.name).stem, item.source.encoding,
        ",".join(parcel.extra) if parcel.extra else None,
        json.dumps(item.source.extra_header(), ensure_ascii=False)
        if item.source.extra_header() else None,
    ])
    return feature
