"""Pieces every statistic shares: region assignment, DLTB attribute reading, source metadata."""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
    QgsSpatialIndex,
)

from ...i18n import tr
from ..errors import EmptyInputError, MissingFieldsError, SgNrError
from ..expressions import filtered_request
from ..fields import DltbFields, detect_dltb_fields
from ..reading import read_features
from ..regions import RegionLevel, region_code, region_name
from ..schema.dltb import REGION_FIELDS, with_region_field
from .values import ValueChecker, label_of

# Parcels outside every polygon of a REGIONS layer.
OUTSIDE_CODE = "OUTSIDE"
# Feature ids of repaired parcels listed in a note (the count is always complete).
MAX_LISTED_FIDS = 50


@dataclass
class RegionSpec:
    """How parcels are grouped: by ZLDWDM prefix (``level``) or spatially by a region layer."""

    level: int = RegionLevel.COUNTY
    layer: QgsFeatureSource | None = None
    field: str | None = None
    layer_name: str = ""

    @property
    def spatial(self) -> bool:
        return self.layer is not None


@dataclass
class SourceInfo:
    """What a workbook says about one input: its name and how many features were read."""

    role: str
    name: str
    count: int = 0


@dataclass
class StatsMeta:
    """Provenance written into every output: sources, area method, class sets used."""

    sources: list[SourceInfo] = field(default_factory=list)
    class_sets: dict[str, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def number(value) -> float | None:
    """A float from an attribute value; None for NULL, empty or non-numeric."""
    if value is None:
        return None
    try:
        result = float(value)
    except (TypeError, ValueError):
        return None
    return result if result == result else None  # NaN counts as missing


def text(value) -> str:
    """Attribute value as stripped text ('' for NULL)."""
    if value is None:
        return ""
    try:
        if value.isNull():  # QVariant NULL
            return ""
    except AttributeError:
        pass
    return str(value).strip()


class RegionAssigner:
    """Gives each parcel its region code and name (ZLDWDM prefix, or the region polygon holding
    the parcel's point on surface when a REGIONS layer is given)."""

    def __init__(self, spec: RegionSpec, dest_crs: QgsCoordinateReferenceSystem | None = None,
                 transform_context: QgsCoordinateTransformContext | None = None) -> None:
        self.spec = spec
        self._names: dict[str, str] = {}
        self._regions: list[tuple[str, QgsGeometry, object]] = []
        self._index = QgsSpatialIndex()
        if spec.spatial:
            self._load(dest_crs, transform_context or QgsCoordinateTransformContext())

    @property
    def needs_geometry(self) -> bool:
        return self.spec.spatial

    def _load(self, dest_crs, transform_context) -> None:
        layer_fields = self.spec.layer.fields()
        if not self.spec.field or layer_fields.indexOf(self.spec.field) < 0:
            raise SgNrError(tr("Region layer “{layer}” has no field “{field}”: choose the field "
                               "holding the region code or name.").format(
                layer=self.spec.layer_name, field=self.spec.field or ""))
        request = QgsFeatureRequest().setSubsetOfAttributes([self.spec.field], layer_fields)
        if dest_crs is not None:
            request.setDestinationCrs(dest_crs, transform_context)
        for feature in read_features(self.spec.layer, request, self.spec.layer_name):
            geometry = feature.geometry()
            if geometry.isNull() or geometry.isEmpty():
                continue
            if not geometry.isGeosValid():
                geometry = geometry.makeValid()
            code = text(feature[self.spec.field])
            engine = QgsGeometry.createGeometryEngine(geometry.constGet())
            engine.prepareGeometry()
            self._index.addFeature(len(self._regions), geometry.boundingBox())
            self._regions.append((code, geometry, engine))
            self._names[code] = code

    def code(self, zldwdm, geometry: QgsGeometry | None = None) -> str:
        if not self.spec.spatial:
            return region_code(text(zldwdm), RegionLevel(self.spec.level))
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return OUTSIDE_CODE
        point = geometry.pointOnSurface()
        for i in self._index.intersects(point.boundingBox()):
            code, _geometry, engine = self._regions[i]
            if engine.intersects(point.constGet()):
                return code
        return OUTSIDE_CODE

    def name(self, code: str) -> str:
        if code == OUTSIDE_CODE and self.spec.spatial:
            return tr("(outside the region layer)")
        if self.spec.spatial:
            return self._names.get(code, code)
        return region_name(code)


class GeometryRepairs:
    """Invalid parcels of one layer: repaired (makeValid) for measuring, counted and listed by
    feature id. A bow-tie measured as it is gives a wrong area (its lobes cancel) and GEOS
    overlays on it fail, so it is repaired; a technician must still fix the source data.

    Parcels with impossible coordinates (NaN, infinite, 1e15) cannot be repaired: they are left
    out and :meth:`report` refuses the run naming them — a total silently lacking a parcel
    would be a wrong figure (docs/bad-inputs.md).
    """

    def __init__(self, layer_name: str) -> None:
        self.layer_name = layer_name
        self._fids: dict[int, None] = {}  # ordered set: a parcel read twice is listed once
        self._damaged: dict[int, str] = {}  # fid → label, impossible coordinates
        self._problem = ""

    @property
    def fids(self) -> list[int]:
        return list(self._fids)

    @property
    def damaged(self) -> list[str]:
        return list(self._damaged.values())

    def geometry(self, feature) -> QgsGeometry:
        """The feature's polygonal geometry, repaired when invalid (null stays null); empty for
        impossible coordinates (listed, see :meth:`report`)."""
        from ..coordinates import box_is_damaged, coordinate_problem

        geometry = feature.geometry()
        if geometry.isNull() or geometry.isEmpty():
            return geometry
        valid = geometry.isGeosValid()
        if valid and not box_is_damaged(geometry):
            return geometry
        problem = coordinate_problem(geometry, None)
        if problem:
            return self._leave_out(feature, problem)
        if valid:
            return geometry
        self._fids[feature.id()] = None
        from ..overlay import polygon_parts

        return polygon_parts(geometry.makeValid()) or QgsGeometry()

    def _leave_out(self, feature, problem: str) -> QgsGeometry:
        from ..coordinates import feature_label

        self._damaged[feature.id()] = feature_label(feature)
        self._problem = self._problem or problem
        return QgsGeometry()

    def note(self) -> str | None:
        fids = self.fids
        if not fids:
            return None
        listed = ", ".join(str(fid) for fid in fids[:MAX_LISTED_FIDS])
        if len(fids) > MAX_LISTED_FIDS:
            listed += ", …"
        return tr("{n} invalid polygon(s) in “{layer}” were repaired (makeValid) for measuring; "
                  "fix them in the source data. Feature id(s): {fids}").format(
            n=len(fids), layer=self.layer_name, fids=listed)

    def report(self, meta: StatsMeta | None, feedback=None) -> None:
        """Write the note into the output's notes and the run's log; refuse the run
        (:class:`~sg_nr_plugin.core.crs.DamagedFeaturesError`) when parcels were left out."""
        if self._damaged:
            from ..coordinates import DamagedFeaturesError

            raise DamagedFeaturesError(self.layer_name, self.damaged, self._problem)
        note = self.note()
        if note is None:
            return
        if meta is not None and note not in meta.notes:
            meta.notes.append(note)
        if feedback is not None:
            feedback.pushWarning(note)


class DuplicateIds:
    """Parcel identifiers (BSM) delivered more than once: a DLTB merged twice, or copied
    parcels. Such parcels are counted as delivered (the plugin cannot tell which copy is
    right) but named, so that the technician fixes the delivery. Keeps a hash per parcel (a
    million BSMs as strings would cost ~150 MB) and the smallest duplicated ids as examples."""

    EXAMPLES = 10

    def __init__(self) -> None:
        self._seen: set[int] = set()
        self.extra = 0  # rows beyond the first of each identifier
        self.examples: list[str] = []

    def see(self, bsm: str) -> None:
        if not bsm:
            return
        key = hash(bsm)
        if key in self._seen:
            self._duplicate(bsm, 1)
        else:
            self._seen.add(key)

    def add_group(self, bsm: str, count: int) -> None:
        """One identifier found ``count`` times (from SQL)."""
        self._duplicate(bsm, count - 1)

    def _duplicate(self, bsm: str, extra: int) -> None:
        # The smallest identifiers, not the first found: the database returns its groups in
        # its own order, and both paths must name the same examples.
        self.extra += extra
        if bsm in self.examples:
            return
        bisect.insort(self.examples, bsm)
        del self.examples[self.EXAMPLES:]

    def note(self, layer_name: str) -> str | None:
        if not self.extra:
            return None
        return tr("{n} parcel(s) of “{layer}” repeat the identifier (BSM) of another parcel "
                  "(duplicated features?); they are counted as delivered. BSM: {ids}").format(
            n=self.extra, layer=layer_name, ids=", ".join(self.examples))


def progress_step(total: int, cap: int = 5000) -> int:
    """Features between two progress reports / cancel checks: about 1 % of the layer, so a
    cancel is seen quickly on small layers, at most ``cap`` so that big ones pay nothing."""
    return max(1, min(cap, total // 100))


def require_features(source: QgsFeatureSource, layer_name: str) -> None:
    """An empty input is a mistake (wrong layer, empty selection), never a table of zeros."""
    if source.featureCount() == 0:
        raise EmptyInputError(layer_name)


def dltb_fields(source: QgsFeatureSource, layer_name: str, spec: RegionSpec) -> DltbFields:
    """Detect the DLTB fields and insist on those the statistic needs (and some parcels).

    Regions come from ZLDWDM or, on a layer without it, from XZQDM or QSDWDM: the returned
    fields then name that one as ``zldwdm`` (:func:`region_source_note` says so)."""
    require_features(source, layer_name)
    detected, region_key = with_region_field(detect_dltb_fields(source.fields()))
    missing = detected.missing(["dlbm", "tbmj"])
    if region_key is None and not spec.spatial and spec.level != RegionLevel.WHOLE:
        missing.append("/".join(key.upper() for key in REGION_FIELDS))
    if missing:
        raise MissingFieldsError(layer_name, missing)
    return detected


def region_source_note(source: QgsFeatureSource, layer_name: str, spec: RegionSpec) -> str | None:
    """A note when regions are read from XZQDM or QSDWDM because the layer lacks ZLDWDM."""
    if spec.spatial or spec.level == RegionLevel.WHOLE:
        return None
    detected, region_key = with_region_field(detect_dltb_fields(source.fields()))
    if region_key in (None, "zldwdm"):
        return None
    return tr("Layer “{layer}” has no ZLDWDM: regions were read from field {field}.").format(
        layer=layer_name, field=detected.zldwdm)


@dataclass
class Parcel:
    """The attributes a statistic needs from one DLTB parcel (areas in m²)."""

    region: str
    dlbm: str
    tbmj: float
    kcmj: float
    net: float
    geometry: QgsGeometry | None = None
    zldwmc: str = ""
    bsm: str = ""
    extra: dict = field(default_factory=dict)  # ``extra_fields`` asked of iter_parcels


def parcel_areas(tbmj: float | None, kcmj: float | None, kcxs: float | None,
                 tbdlmj: float | None) -> tuple[float, float, float]:
    """(TBMJ, KCMJ, TBDLMJ) with the missing ones derived: KCMJ = TBMJ × KCXS,
    TBDLMJ = TBMJ − KCMJ (domain.md §2)."""
    gross = tbmj or 0.0
    if kcmj is None:
        kcmj = gross * kcxs if kcxs is not None else 0.0
    if tbdlmj is None:
        tbdlmj = gross - kcmj
    return gross, kcmj, tbdlmj


def iter_parcels(source: QgsFeatureSource, fields: DltbFields, assigner: RegionAssigner,
                 with_geometry: bool = False, expression: str | None = None,
                 dest_crs: QgsCoordinateReferenceSystem | None = None,
                 transform_context: QgsCoordinateTransformContext | None = None,
                 feedback=None, repairs: GeometryRepairs | None = None,
                 extra_fields: tuple = (), layer_name: str = "",
                 checker: ValueChecker | None = None) -> Iterator[Parcel]:
    """Stream the parcels (one at a time: a million never sit in memory together).

    Invalid geometries are repaired and recorded in ``repairs`` (see :class:`GeometryRepairs`).
    ``extra_fields`` (field names) are read too, as numbers in ``Parcel.extra``. Attribute
    values are read through ``checker`` (the DLTB value domains): once every parcel is read,
    values outside their domain raise :class:`~.values.DomainError`.
    """
    names = [n for n in (fields.zldwdm, fields.zldwmc, fields.dlbm, fields.tbmj, fields.kcmj,
                         fields.kcxs, fields.tbdlmj, fields.bsm) if n]
    names += [n for n in extra_fields if n and n not in names]
    request = QgsFeatureRequest()
    if expression:
        filtered_request(expression, tr("Invalid filter expression “{expr}”: {error}"), request)
        # the filter needs its own columns too, whatever the provider does with subsets
        referenced = request.filterExpression().referencedColumns()
        names_to_read = list(dict.fromkeys([*names, *(c for c in referenced
                                                      if source.fields().lookupField(c) >= 0)]))
    else:
        names_to_read = names
    request.setSubsetOfAttributes(names_to_read, source.fields())
    geometry_needed = with_geometry or assigner.needs_geometry
    if not geometry_needed:
        request.setFlags(QgsFeatureRequest.NoGeometry)
    elif dest_crs is not None:
        request.setDestinationCrs(dest_crs, transform_context or QgsCoordinateTransformContext())
    index = {n: source.fields().lookupField(n) for n in names}

    def value(attributes, name):
        return attributes[index[name]] if name else None

    total = max(source.featureCount(), 1)
    step = progress_step(total)
    repairs = repairs if repairs is not None else GeometryRepairs(layer_name)
    spec = assigner.spec
    checker = checker or ValueChecker(repairs.layer_name, fields, check_region=not spec.spatial
                                      and spec.level != RegionLevel.WHOLE)
    for i, feature in enumerate(read_features(source, request, layer_name or repairs.layer_name)):
        if feedback is not None and i % step == 0:
            if feedback.isCanceled():
                return
            feedback.setProgress(100.0 * i / total)
        attributes = feature.attributes()
        bsm = text(value(attributes, fields.bsm))
        label = label_of(bsm, feature.id())
        gross, kcmj, net = checker.areas(
            label, value(attributes, fields.tbmj), value(attributes, fields.kcmj),
            value(attributes, fields.kcxs), value(attributes, fields.tbdlmj))
        geometry = repairs.geometry(feature) if geometry_needed else None
        region = checker.region(label, value(attributes, fields.zldwdm))
        yield Parcel(assigner.code(region, geometry),
                     checker.code("dlbm", label, value(attributes, fields.dlbm)), gross, kcmj,
                     net, geometry, text(value(attributes, fields.zldwmc)), bsm,
                     {n: number(value(attributes, n)) for n in extra_fields if n})
    checker.finish()
