"""The per-project overlay context the rules look at.

A project is the union of its parcels. What lies under it is read only there: big layers
through a provider spatial filter (``setFilterRect``: the GeoPackage/PostGIS R-tree answers;
the 1M-parcel DLTB and a 368 000-polygon forest layer are never read whole), small ones once
(core/strategy.py chooses; core/checks/fetchers.py for layers read with their attributes).
Control layers without attributes of interest are overlays (core/overlay.py, core/windowed.py),
which dissolve overlapping pieces so that an area under two red-line polygons counts once.
All geometry is in the projects layer's CRS; areas are ellipsoidal (core.area).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsGeometry,
)

from .. import strategy
from ..overlay import polygon_parts
from ..reading import ReadCounts
from .fetchers import MemoryFetcher, SourceFetcher
from .project_fields import declared_area

#: Overlay strips narrower than this (metres) are reprojection noise, not conflicts; rule sets
#: override it with the threshold ``sliver_width_m`` (older rule sets lack it).
DEFAULT_SLIVER_WIDTH_M = 0.05

# Roles of the optional polygon layers that rules read as dissolved geometry.
CONTROL_ROLES = ("ECO_REDLINE", "PROTECTED_AREAS", "PUBLIC_FOREST", "URBAN_BOUNDARY",
                 "BASIC_FARMLAND", "STEEP_SLOPE")
# Roles read per project with their attributes.
ATTRIBUTE_ROLES = ("DLTB", "FILED_PROJECTS", "HAZARDS")


@dataclass
class CheckInputs:
    """Everything a check run reads; layers are ``QgsFeatureSource``s keyed by role."""

    projects: object
    project_id_field: str
    crs: QgsCoordinateReferenceSystem
    transform_context: QgsCoordinateTransformContext
    layers: dict[str, object] = field(default_factory=dict)
    layer_names: dict[str, str] = field(default_factory=dict)
    declared_area_field: str | None = None
    declared_area_factor: float = 1.0  # declared value × factor = m²
    protected_zone_field: str | None = None
    filed_id_field: str | None = None
    dem: object | None = None
    check_date: date | None = None
    selected_ids: set[int] | None = None
    options: dict[str, object] = field(default_factory=dict)  # check-specific (field names…)
    # features read per layer name (core.reading), for the report: filled while the run reads
    read_counts: ReadCounts = field(default_factory=ReadCounts)
    # "memory" or "windowed" forces how every layer is read (tests, benchmarks); None chooses
    # per layer (core/strategy.py)
    read_strategy: str | None = None

    def has(self, role: str) -> bool:
        """Whether the input a rule needs is given (a layer role, ``DEM`` or ``DECLARED_AREA``)."""
        if role == "DEM":
            return self.dem is not None
        if role == "DECLARED_AREA":
            return bool(self.declared_area_field)
        if role in self.options:  # a check-specific input named like a role (DECLARED_MODE)
            return bool(self.options[role])
        return self.layers.get(role) is not None


@dataclass
class ProjectPart:
    """One parcel (feature) of a project, repaired when its geometry was invalid."""

    fid: int
    geometry: QgsGeometry
    attributes: dict
    invalid_reason: str = ""
    damaged: bool = False  # impossible coordinates: left out of the project (geometry rule)


@dataclass
class DltbPiece:
    """The part of one DLTB parcel under the project, with what the rules need of it."""

    geometry: QgsGeometry
    code: str
    area_m2: float
    kcxs: float = 0.0
    gdpdjb: str = ""
    zldwdm: str = ""  # location unit code (region)
    gddb: str = ""  # cultivated-land quality grade

    @property
    def net_m2(self) -> float:
        """Area net of field ridges (田坎), as class totals use it."""
        return self.area_m2 * (1.0 - self.kcxs)


def clip(geom: QgsGeometry, other: QgsGeometry) -> QgsGeometry | None:
    """Polygonal part of ``geom ∩ other`` (``other`` repaired first when invalid)."""
    result = geom.intersection(other)
    if (result.isNull() or result.isEmpty()) and not other.isGeosValid():
        result = geom.intersection(other.makeValid())
    return polygon_parts(result)


def drop_slivers(geom: QgsGeometry | None, width_m: float) -> QgsGeometry | None:
    """``geom`` without its polygons narrower than ``width_m`` on average (2·area/perimeter,
    working CRS in metres): reprojection and rounding leave strips 1e-9–1e-2 m wide along
    shared edges, and a strip is judged by its width, whatever its length or area. None when
    nothing is left."""
    if geom is None or geom.isNull() or geom.isEmpty() or width_m <= 0:
        return geom
    parts = geom.asGeometryCollection()
    kept = [part for part in parts if _mean_width(part) >= width_m]
    if len(kept) == len(parts):
        return geom
    if not kept:
        return None
    return kept[0] if len(kept) == 1 else QgsGeometry.collectGeometry(kept)


def _mean_width(polygon: QgsGeometry) -> float:
    perimeter = polygon.length()
    return 2.0 * polygon.area() / perimeter if perimeter > 0 else 0.0


def union(geoms) -> QgsGeometry:
    """Dissolved polygonal union (empty geometry when there is nothing)."""
    geoms = [g for g in geoms if g is not None and not g.isNull() and not g.isEmpty()]
    if not geoms:
        return QgsGeometry()
    merged = geoms[0] if len(geoms) == 1 else QgsGeometry.unaryUnion(geoms)
    return polygon_parts(merged) or QgsGeometry()


def difference(geom: QgsGeometry, other: QgsGeometry) -> QgsGeometry:
    if geom.isNull() or geom.isEmpty():
        return QgsGeometry()
    if other is None or other.isNull() or other.isEmpty():
        return QgsGeometry(geom)
    return polygon_parts(geom.difference(other)) or QgsGeometry()


class RunContext:
    """What is shared by all projects of one run: fetchers, overlays (built lazily), area."""

    def __init__(self, inputs: CheckInputs, areas, table, dltb_fields=None, feedback=None):
        self.inputs = inputs
        self.areas = areas  # core.area.EllipsoidalArea: measure(geom), measure_many(geoms)
        self.table = table  # core.landclasses table
        self.dltb_fields = dltb_fields
        self.feedback = feedback
        self._overlays: dict[str, object] = {}
        self._fetchers: dict[str, SourceFetcher] = {}
        self.project_sides: list[float] = []  # width of each project's box (tile sizes)
        self.dem_reader = None  # core.checks.slope.DemReader, made on first use
        self.sliver_width_m = DEFAULT_SLIVER_WIDTH_M  # the rule set's, set by the engine
        self.cache: dict = {}  # per-run values shared by the projects (e.g. class lookups)
        # "DLTB" and the control roles the rules have asked for: measured ahead per chunk
        # (core/checks/prefetch.py)
        self.asked: set[str] = set()

    def overlay(self, role: str):
        """The control layer of ``role`` as an overlay (whole or by tiles), None if not given."""
        source = self.inputs.layers.get(role)
        if source is None:
            return None
        if role not in self._overlays:
            self._overlays[role] = strategy.check_overlay(
                source, self.inputs.crs, self.inputs.transform_context, self.project_sides,
                self.feedback, self._name(role), self.inputs.read_counts,
                self.inputs.read_strategy)
        return self._overlays[role]

    def fetcher(self, role: str, attributes: list[str]) -> SourceFetcher | None:
        source = self.inputs.layers.get(role)
        if source is None:
            return None
        if role not in self._fetchers:
            how = strategy.check_fetch(role, source, self.inputs.read_strategy)
            kind = MemoryFetcher if how == strategy.MEMORY else SourceFetcher
            self._fetchers[role] = kind(source, self.inputs.crs, self.inputs.transform_context,
                                        attributes, self._name(role), self.inputs.read_counts)
        return self._fetchers[role]

    def _name(self, role: str) -> str:
        return self.inputs.layer_names.get(role, role)


class ProjectContext:
    """One project: its union geometry, prepared once, and lazily fetched overlays."""

    def __init__(self, run: RunContext, project_id: str, parts: list[ProjectPart],
                 geometry: QgsGeometry | None = None):
        """``geometry``: the union of the parts when the caller has it already."""
        self.run = run
        self.project_id = project_id
        self.parts = parts
        self.geometry = geometry if geometry is not None else union([p.geometry for p in parts])
        self.engine = None
        if not self.geometry.isEmpty():
            self.engine = QgsGeometry.createGeometryEngine(self.geometry.constGet())
            self.engine.prepareGeometry()
        self._pieces = [(i, piece) for i, part in enumerate(parts) if not part.geometry.isEmpty()
                        for piece in part.geometry.asGeometryCollection()]
        self._area_m2: float | None = None
        self._part_pieces: list[list[tuple[QgsGeometry, float]]] = []
        self._controls: dict[str, QgsGeometry] = {}
        self._dltb_rows: list | None = None
        # DLTB candidates read and screened with the other projects of the chunk (prefetch)
        self.dltb_candidates: list | None = None
        self._dltb: list[DltbPiece] | None = None
        self.check_run = None  # the engine's CheckRun (other projects of the layer)
        self.result = None  # the ProjectResult, set before quotas are computed
        self.cache: dict = {}  # per-project values shared by the rules of one check

    def measured_geometries(self) -> list[QgsGeometry]:
        """The union and every polygon of every parcel: what :attr:`area_m2` and
        :attr:`part_pieces` measure (in one batch)."""
        return [self.geometry] + [piece for _, piece in self._pieces]

    def _measure_parts(self) -> None:
        areas = self.run.areas.measure_many(self.measured_geometries())
        self._area_m2 = float(areas[0])
        self._part_pieces = [[] for _ in self.parts]
        for (index, piece), area in zip(self._pieces, areas[1:]):
            self._part_pieces[index].append((piece, float(area)))

    @property
    def area_m2(self) -> float:
        """Ellipsoidal area of the project (the union of its parcels)."""
        if self._area_m2 is None:
            self._measure_parts()
        return self._area_m2

    @property
    def part_pieces(self) -> list[list[tuple[QgsGeometry, float]]]:
        """Per parcel, its polygons with their ellipsoidal areas."""
        if self._area_m2 is None:
            self._measure_parts()
        return self._part_pieces

    def part_area(self, index: int) -> float:
        """Ellipsoidal area of the project's ``index``-th parcel (repaired when invalid)."""
        return sum(area for _, area in self.part_pieces[index])

    def area(self, geom: QgsGeometry | None) -> float:
        if geom is None or geom.isNull() or geom.isEmpty():
            return 0.0
        return float(self.run.areas.measure(geom))

    def control(self, role: str) -> QgsGeometry | None:
        """The dissolved part of a control layer under the project; None when not given."""
        if role not in self._controls:
            self.run.asked.add(role)
            overlay = self.run.overlay(role)
            if overlay is None:
                return None
            self._controls[role] = (overlay.dissolved_under(self.geometry)
                                    if self.engine is not None else QgsGeometry())
        return self._controls[role]

    def clip(self, other: QgsGeometry) -> QgsGeometry | None:
        """:func:`clip` of the project by ``other`` through the project's GEOS engine: the same
        GEOS operation, without converting the project geometry again for every parcel."""
        if self.engine is None:
            return None
        result = self.engine.intersection(other.constGet())
        if result is None or result.isEmpty():  # nothing, or GEOS refused: the careful way
            return clip(self.geometry, other)
        return polygon_parts(QgsGeometry(result))

    def features_under(self, role: str, attributes: list[str], distance: float = 0.0):
        fetcher = self.run.fetcher(role, attributes)
        if fetcher is None or self.engine is None:
            return []
        return list(fetcher.under(self.geometry, self.engine, distance))

    def dltb_rows(self) -> list:
        """``(feature, piece)`` of the DLTB parcels under the project, clipped to it, not yet
        measured (empty list when DLTB is not given)."""
        if self._dltb_rows is None:
            self.run.asked.add("DLTB")
            self._dltb_rows = []
            fetcher = self.dltb_fetcher()
            if fetcher is not None and self.engine is not None:
                rows = self.dltb_candidates
                if rows is None:
                    rows = fetcher.candidates(self.geometry)
                    fetcher.screen(rows)
                for feature, geom in fetcher.select(rows, self.geometry, self.engine):
                    # A parcel wholly inside the project needs no (costly) intersection.
                    inside = self.engine.contains(geom.constGet())
                    piece = geom if inside else drop_slivers(self.clip(geom),
                                                             self.run.sliver_width_m)
                    if piece is not None and not piece.isEmpty():
                        self._dltb_rows.append((feature, piece))
        return self._dltb_rows

    def dltb_fetcher(self) -> SourceFetcher | None:
        """The fetcher of DLTB parcels with the fields the rules read (None: no DLTB)."""
        fields = self.run.dltb_fields
        if fields is None:
            return None
        wanted = [n for n in (fields.dlbm, fields.kcxs, fields.gdpdjb, fields.kcmj,
                              fields.tbmj, fields.zldwdm, fields.gddb) if n]
        return self.run.fetcher("DLTB", wanted)

    def dltb_pieces(self) -> list[DltbPiece]:
        """The DLTB parcels under the project clipped to it, measured (empty list when DLTB
        is not given)."""
        if self._dltb is None:
            rows, fields = self.dltb_rows(), self.run.dltb_fields
            # One batch: measuring piece by piece costs ~10× more.
            areas = self.run.areas.measure_many([piece for _, piece in rows]) if rows else []
            self._dltb = [self._piece(feature, piece, fields, float(area))
                          for (feature, piece), area in zip(rows, areas)]
        return self._dltb

    def _piece(self, feature, geom: QgsGeometry, fields, area: float) -> DltbPiece:
        code = _text(feature, fields.dlbm)
        kcxs = _number(feature, fields.kcxs)
        if kcxs is None:  # some suppliers give only KCMJ and TBMJ
            kcmj, tbmj = _number(feature, fields.kcmj), _number(feature, fields.tbmj)
            kcxs = kcmj / tbmj if kcmj is not None and tbmj else 0.0
        return DltbPiece(geom, code, area, min(max(kcxs, 0.0), 1.0),
                         _text(feature, fields.gdpdjb), _text(feature, fields.zldwdm),
                         _text(feature, fields.gddb))


def declared_m2(parts: list[ProjectPart], inputs: CheckInputs) -> float | None:
    """Declared area of a project in m² (None: nothing declared): the sum over its parcels,
    or the value repeated on every parcel (a project total: core.checks.project_fields)."""
    return declared_area([part.attributes for part in parts], inputs.declared_area_field,
                         inputs.declared_area_factor).m2


def _text(feature, name: str | None) -> str:
    if not name:
        return ""
    value = feature[name]
    if value.__class__ is str:  # the common case, without the (slow) hasattr below
        return value.strip()
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value).strip()


def _number(feature, name: str | None) -> float | None:
    text = _text(feature, name)
    try:
        return float(text) if text else None
    except ValueError:
        return None
