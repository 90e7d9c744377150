"""地类转移矩阵: area moving from each base-vintage class to each current-vintage class.

Both vintages are big (a million parcels each), so neither is held whole: the current layer's
extent is cut into tiles; per tile, the current parcels whose bounding-box centre falls in the
tile are read with the base parcels under them, indexed, and intersected (prepared engines; a
current parcel inside one base parcel takes its whole area without an intersection). Areas are
ellipsoidal (gross, like TBMJ); regions come from the current parcel.
"""

from __future__ import annotations

import math
from collections import defaultdict
from enum import IntEnum

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsRectangle,
    QgsSpatialIndex,
)

from ...i18n import tr
from ..area import EllipsoidalArea
from ..landclasses import land_classes
from ..overlay import polygon_parts
from ..reading import read_features
from ..regions import RegionLevel
from ..survey2 import SECOND, THIRD, crosswalk, second_code, source_profile
from .common import (
    GeometryRepairs,
    RegionAssigner,
    RegionSpec,
    SourceInfo,
    StatsMeta,
    dltb_fields,
)
from .landuse_second import second_survey_notes
from .totals import UNRECOGNISED, check_unrecognised, class_key
from .values import ValueChecker, label_of

COLUMNS = ["region_code", "region_name", "from_class", "from_name", "to_class", "to_name",
           "area_m2"]
PARCELS_PER_TILE = 20_000
NO_BASE = "NONE"
NOISE_M2 = 1e-6  # intersections of identical boundaries leave slivers of ~1e-9 m²


class ClassLevel(IntEnum):
    SECOND = 0
    FIRST = 1
    CATEGORY = 2


def classifier(level: ClassLevel, survey: str = THIRD, to_third: bool = False):
    """Function code → (key, Chinese name) at the requested class level. ``survey`` SECOND:
    二调 codes (numbers padded); with ``to_third`` mapped through the crosswalk to the 三调
    class or group (``classify.seen`` keeps the 二调 codes met, for the notes)."""
    table = land_classes()
    names = {"agricultural": "农用地", "construction": "建设用地", "unused": "未利用地"}

    cache: dict[str, tuple[str, str]] = {}

    def classify(dlbm: str) -> tuple[str, str]:
        if dlbm not in cache:
            cache[dlbm] = _classify(dlbm)
        return cache[dlbm]

    def _classify(dlbm: str) -> tuple[str, str]:
        if survey == SECOND:
            dlbm = second_code(dlbm)
        key = class_key(dlbm)
        if survey == SECOND and table.lookup(key).survey != SECOND:
            key = UNRECOGNISED  # a 三调 code (or nothing known) in 二调 data
        if key == UNRECOGNISED:
            return UNRECOGNISED, tr("Unrecognised")
        classify.seen.add(key)
        if to_third and level != ClassLevel.CATEGORY:  # 三大类 are the same in both surveys
            return crosswalk().key(key, "class" if level == ClassLevel.SECOND else "level1")
        land_class = table.lookup(key)
        if level == ClassLevel.SECOND:
            return key, land_class.name_zh
        if level == ClassLevel.FIRST:
            return land_class.level1, land_class.level1_name_zh
        major = land_class.major
        return (major, names[major]) if major in names else (UNRECOGNISED, tr("Unrecognised"))

    classify.seen = set()
    return classify


def _valid(geometry: QgsGeometry) -> QgsGeometry | None:
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    return geometry if geometry.isGeosValid() else polygon_parts(geometry.makeValid())


def _tiles(extent: QgsRectangle, count: int):
    side = max(1, math.ceil(math.sqrt(max(count, 1) / PARCELS_PER_TILE)))
    width, height = extent.width() / side or 1.0, extent.height() / side or 1.0
    for row in range(side):
        for col in range(side):
            yield side, row, col, QgsRectangle(
                extent.xMinimum() + col * width, extent.yMinimum() + row * height,
                extent.xMinimum() + (col + 1) * width, extent.yMinimum() + (row + 1) * height)


class _Matrix:
    def __init__(self, base, current, spec, level, context, feedback,
                 names: tuple[str, str] = ("BASE", "CURRENT")) -> None:
        self.base, self.current, self.context, self.feedback = base, current, context, feedback
        self.crs = current.sourceCrs()
        self.base_fields = dltb_fields(base, names[0], RegionSpec(level=0))
        self.current_fields = dltb_fields(current, names[1], spec)
        self.assigner = RegionAssigner(spec, self.crs, context)
        self.surveys = (source_profile(base, self.base_fields.dlbm),
                        source_profile(current, self.current_fields.dlbm))
        mixed = self.surveys[0].survey != self.surveys[1].survey
        self.level = ClassLevel(int(level))
        self.base_classify, self.classify = (
            classifier(ClassLevel(int(level)), profile.survey, mixed and profile.second)
            for profile in self.surveys)
        self.measurer = EllipsoidalArea(self.crs, context)
        self.area = defaultdict(float)
        self.names: dict[str, str] = {}
        self.read_current = 0
        self.read_base = 0
        self.current_repairs = GeometryRepairs(names[1])
        self.base_repairs = GeometryRepairs(names[0])
        # codes read through the DLTB domains (a DLBM stored as a number: 101 → 0101), and
        # the unrecognised ones tallied per vintage: code → [parcels, m²]
        self.base_values = ValueChecker(names[0], self.base_fields, check_region=False,
                                        second_survey=self.surveys[0].second)
        self.current_values = ValueChecker(names[1], self.current_fields, check_region=not (
            spec.spatial or spec.level == RegionLevel.WHOLE),
            second_survey=self.surveys[1].second)
        self.unrecognised = {"base": defaultdict(lambda: [0, 0.0]),
                             "current": defaultdict(lambda: [0, 0.0])}
        self.measured = {"base": 0.0, "current": 0.0}

    def run(self) -> None:
        extent = self.current.sourceExtent()
        tiles = list(_tiles(extent, self.current.featureCount()))
        for number_done, (side, row, col, tile) in enumerate(tiles):
            if self.feedback is not None:
                if self.feedback.isCanceled():
                    return
                self.feedback.setProgress(100.0 * number_done / len(tiles))
            self._tile(extent, side, row, col, tile)

    def _tile(self, extent, side, row, col, tile) -> None:
        parcels, bbox = [], QgsRectangle()
        bbox.setMinimal()
        request = QgsFeatureRequest().setFilterRect(tile)
        for feature in read_features(self.current, request, self.current_repairs.layer_name):
            geometry = _valid(self.current_repairs.geometry(feature))
            if geometry is None:
                continue
            centre = geometry.boundingBox().center()
            if _cell(centre.x(), extent.xMinimum(), extent.width(), side) != col or _cell(
                    centre.y(), extent.yMinimum(), extent.height(), side) != row:
                continue  # another tile owns it
            parcels.append((geometry, feature))
            bbox.combineExtentWith(geometry.boundingBox())
        if parcels:
            self._intersect(parcels, self._base_index(bbox))

    def _base_index(self, bbox: QgsRectangle):
        request = QgsFeatureRequest().setDestinationCrs(self.crs, self.context)
        request.setFilterRect(bbox)
        request.setSubsetOfAttributes([self.base_fields.dlbm], self.base.fields())
        index, pieces = QgsSpatialIndex(), []
        for feature in read_features(self.base, request, self.base_repairs.layer_name):
            geometry = _valid(self.base_repairs.geometry(feature))
            if geometry is None:
                continue
            engine = QgsGeometry.createGeometryEngine(geometry.constGet())
            engine.prepareGeometry()
            box = geometry.boundingBox()
            index.addFeature(len(pieces), box)
            code = self.base_values.code("dlbm", label_of("", feature.id()),
                                         feature[self.base_fields.dlbm])
            pieces.append((geometry, engine, self.base_classify(code), box, code))
            self.read_base += 1
        return index, pieces

    def _intersect(self, parcels, base) -> None:
        """Pair each current parcel with the base parcels under it, then measure the whole tile
        in one batch (one polygon at a time costs ~0.5 ms of overhead)."""
        index, pieces = base
        geometries, cells, wholes = [], [], []
        for geometry, feature in parcels:
            self.read_current += 1
            label = label_of("", feature.id())
            zldwdm = feature[self.current_fields.zldwdm] if self.current_fields.zldwdm else ""
            region = self.assigner.code(self.current_values.region(label, zldwdm), geometry)
            code = self.current_values.code("dlbm", label, feature[self.current_fields.dlbm])
            to_class = self.classify(code)
            whole = len(geometries)
            wholes.append((region, to_class, whole, code))
            geometries.append(geometry)
            box = geometry.boundingBox()
            for i in index.intersects(box):
                base_geometry, engine, from_class, base_box, from_code = pieces[i]
                overlap = box.intersect(base_box)
                if overlap.width() <= 0.0 or overlap.height() <= 0.0:
                    continue  # boxes meet on an edge only: no common area
                target = geometry.constGet()
                if engine.contains(target):  # inside one base parcel (a tessellation: no other)
                    cells.append((region, from_class, to_class, whole, whole, from_code))
                    break
                if engine.intersects(target) and not engine.touches(target):
                    cells.append((region, from_class, to_class, whole, len(geometries),
                                  from_code))
                    geometries.append(polygon_parts(geometry.intersection(base_geometry))
                                      or QgsGeometry())
        areas = self.measurer.measure_many(geometries).tolist()
        covered = dict.fromkeys((w[2] for w in wholes), 0.0)
        for region, from_class, to_class, whole, position, from_code in cells:
            if areas[position] <= NOISE_M2:
                continue  # neighbours sharing an edge; slivers of floating-point noise
            self._add(region, from_class, to_class, areas[position])
            covered[whole] += areas[position]
            self._tally("base", from_class, from_code, areas[position])
        for region, to_class, whole, code in wholes:
            self._tally("current", to_class, code, areas[whole])
            if areas[whole] - covered[whole] > 0.01:  # current land the base does not cover
                self._add(region, (NO_BASE, tr("(not in base)")), to_class,
                          areas[whole] - covered[whole])

    def _tally(self, vintage: str, land_class, code: str, area: float) -> None:
        self.measured[vintage] += area
        if land_class[0] == UNRECOGNISED:
            tally = self.unrecognised[vintage][code]
            tally[0] += 1
            tally[1] += area

    def check(self, names: tuple[str, str], allow: bool, meta: StatsMeta, feedback) -> None:
        """Refuse values outside their domain and (unless ``allow``) unrecognised codes over
        0.5 % of either vintage's area; note what was normalised or allowed."""
        self.base_values.finish()
        self.current_values.finish()
        notes = [*self.base_values.notes(), *self.current_values.notes()]
        for vintage, name in zip(("base", "current"), names):
            notes.insert(0, check_unrecognised(self.unrecognised[vintage],
                                               self.measured[vintage], name, allow))
        for note in filter(None, notes):
            meta.notes.append(note)
            if feedback is not None:
                feedback.pushWarning(note)

    def _add(self, region, from_class, to_class, area) -> None:
        self.names.update((from_class, to_class))
        self.area[region, from_class[0], to_class[0]] += area


def _cell(value: float, origin: float, size: float, side: int) -> int:
    return min(side - 1, max(0, int((value - origin) / (size or 1.0) * side)))


def change_matrix(base: QgsFeatureSource, current: QgsFeatureSource,
                  spec: RegionSpec | None = None, class_level: int = ClassLevel.SECOND,
                  transform_context: QgsCoordinateTransformContext | None = None,
                  base_name: str = "BASE", current_name: str = "CURRENT", feedback=None,
                  allow_unrecognised: bool = False, matrix_type=None):
    """The long change table (region, from, to, area in m²) as a DataFrame. Unrecognised codes
    over 0.5 % of either vintage's area refuse the table unless ``allow_unrecognised``.
    ``matrix_type``: a :class:`_Matrix` whose ``run`` computes the cells elsewhere (inside
    PostGIS: core/indb/changematrix.py); the same checks and table follow."""
    from . import require_pandas

    pd = require_pandas()
    matrix = (matrix_type or _Matrix)(base, current, spec or RegionSpec(), class_level,
                     transform_context or QgsCoordinateTransformContext(), feedback,
                     (base_name, current_name))
    matrix.run()
    meta = StatsMeta(sources=[SourceInfo("BASE", base_name, matrix.read_base),
                              SourceInfo("CURRENT", current_name, matrix.read_current)])
    if feedback is None or not feedback.isCanceled():
        matrix.check((base_name, current_name), allow_unrecognised, meta, feedback)
    rows = [[region, matrix.assigner.name(region), source, matrix.names[source], target,
             matrix.names[target], area]
            for (region, source, target), area in sorted(matrix.area.items())]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    matrix.current_repairs.report(meta, feedback)
    matrix.base_repairs.report(meta, feedback)
    for note in second_survey_notes(matrix, (base_name, current_name)):
        meta.notes.append(note)
        if feedback is not None:
            feedback.pushInfo(note)
    frame.attrs["meta"] = meta
    return frame


def new_construction_m2(frame) -> dict[str, float]:
    """Per region: area non-construction in the base and construction now (三大类 level)."""
    result: dict[str, float] = defaultdict(float)
    for row in frame.itertuples(index=False):
        if row.to_class == "construction" and row.from_class not in ("construction", NO_BASE):
            result[row.region_code] += row.area_m2
    return dict(result)
