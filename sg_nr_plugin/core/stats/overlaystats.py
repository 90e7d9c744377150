"""叠加面积统计: how much of the (filtered) input lies under the (filtered, dissolved) overlay.

One streaming pass over the input, in batches, with the overlay indexed in memory when it is
small (core/overlay.py) or read tile by tile through its spatial index when it is big
(core/windowed.py; core/strategy.py chooses); areas are ellipsoidal (core/area.py).
``AREA_MODE`` 0 measures the parcel pieces (gross); 1 gives each parcel its TBDLMJ apportioned
by the share of the parcel under the overlay (net of ridges).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from enum import IntEnum

import numpy as np
from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsGeometry,
)

from ...i18n import tr
from ..area import EllipsoidalArea
from ..expressions import filtered_request
from ..fields import DltbFields, detect_dltb_fields
from ..overlay import ALL, NONE, PART, PieceQueries, proven_valid, ring_bounds
from ..reading import read_features
from ..regions import RegionLevel
from ..strategy import stats_overlay
from ..wkb import polygon_rings
from .common import (
    GeometryRepairs,
    RegionAssigner,
    RegionSpec,
    SourceInfo,
    StatsMeta,
    progress_step,
    require_features,
    text,
)
from .values import ValueChecker, label_of

COLUMNS = ["region_code", "region_name", "area_input", "area_inside", "share_pct", "parcels"]


class AreaMode(IntEnum):
    GROSS = 0
    NET = 1


class OverlayAccumulator:
    """Per-region sums of input area and area under an overlay, fed parcels in batches.

    Python costs microseconds per parcel, and the overlay is near a few percent of them. A
    batch is therefore screened at once (numpy: which parcel boxes may meet the overlay,
    :meth:`OverlayLayer.may_meet`), only the parcels near it are queried through GEOS, and
    all areas are measured in one pass. Parcels are queued as WKB, not live geometries
    (thousands of those slow the provider's iteration). Read the sums through :attr:`input`
    and :attr:`inside`, which process what is still queued.
    """

    BATCH = 4096

    def __init__(self, overlay: PieceQueries, measurer: EllipsoidalArea, mode: AreaMode) -> None:
        self.overlay = overlay
        self.measurer = measurer
        self.mode = mode
        self._input = defaultdict(float)
        self._inside = defaultdict(float)
        self.parcels = defaultdict(int)
        self._queue: tuple[list, list, list] = ([], [], [])

    @property
    def input(self) -> dict:
        self.flush()
        return self._input

    @property
    def inside(self) -> dict:
        self.flush()
        return self._inside

    def add(self, region: str, geometry: QgsGeometry | None, net: float | None = None) -> None:
        """One parcel (its geometry already repaired when invalid)."""
        regions, wkbs, nets = self._queue
        regions.append(region)
        wkbs.append(b"" if geometry is None else bytes(geometry.asWkb()))
        nets.append(net)
        if len(regions) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        regions, wkbs, nets = self._queue
        if regions:
            self._queue = ([], [], [])
            self.add_batch(regions, wkbs, nets)

    def add_batch(self, regions: list[str], wkbs: list[bytes], nets: list,
                  bounds: tuple | None = None) -> None:
        """Parcels as WKB in the overlay's CRS (valid or repaired), with their boxes from
        :func:`ring_bounds` when the caller has decoded them already."""
        if bounds is None:
            bounds = ring_bounds(polygon_rings(wkbs))
        kinds, pieces = self._under(wkbs, bounds)
        partly = [i for i, kind in enumerate(kinds) if kind == PART]
        if self.mode == AreaMode.GROSS:
            wholes = self._measure_wkbs(wkbs)
        else:  # net: only the parcels partly inside need their ellipsoidal share
            wholes = dict(zip(partly, self._measure_wkbs([wkbs[i] for i in partly])))
        parts = dict(zip(partly, self.measurer.measure_many(pieces).tolist()))
        for i, region in enumerate(regions):
            total, inside = self._areas(kinds[i], wholes, parts, i, nets[i])
            self.parcels[region] += 1
            self._input[region] += total
            self._inside[region] += inside

    def _under(self, wkbs: list[bytes], bounds) -> tuple[list[str], list[QgsGeometry]]:
        """Kind of every parcel (NONE unless near the overlay) and the PART pieces in order."""
        kinds = [NONE] * len(wkbs)
        pieces = []
        for i in np.flatnonzero(self.overlay.may_meet(*bounds)).tolist():
            kinds[i], piece = self.overlay.under(geometry_from_wkb(wkbs[i]))
            if kinds[i] == PART:
                pieces.append(piece)
        return kinds, pieces

    def _areas(self, kind: str, wholes, parts: dict, i: int, net) -> tuple[float, float]:
        """(input, inside) of parcel ``i`` of a batch, in m²."""
        if self.mode == AreaMode.GROSS:
            whole = wholes[i]
            return whole, parts[i] if kind == PART else (whole if kind == ALL else 0.0)
        total = net or 0.0
        if kind != PART:  # no measuring at all: the whole TBDLMJ is inside, or none of it
            return total, total if kind == ALL else 0.0
        whole = wholes[i]  # TBDLMJ apportioned by the ellipsoidal share inside
        return total, total * parts[i] / whole if whole > 0 else 0.0

    def _measure_wkbs(self, wkbs: list[bytes]) -> list[float]:
        if self.measurer.method == "transformed":  # measured in EPSG:4490: transform first
            return self.measurer.measure_many(map(geometry_from_wkb, wkbs)).tolist()
        return self.measurer.measure_wkbs(wkbs).tolist()


class ParcelReader:
    """Streams the (filtered) input as batches for :meth:`OverlayAccumulator.add_batch`:
    regions, WKB (repaired when invalid), TBDLMJ in net mode and the parcels' boxes.

    Only the columns used are requested. The filter goes to the provider as a request
    expression: OGR (GeoPackage, shapefile) and PostgreSQL compile it to SQL, so only the
    chosen parcels are read at all; one they cannot compile is evaluated by QGIS per feature,
    its columns requested too. Validity: see :func:`proven_valid` (GEOS only for the rest).
    """

    BATCH = OverlayAccumulator.BATCH

    def __init__(self, source: QgsFeatureSource, fields: DltbFields, assigner: RegionAssigner,
                 mode: AreaMode, repairs: GeometryRepairs) -> None:
        self.source = source
        self.fields = fields
        self.assigner = assigner
        self.mode = mode
        self.repairs = repairs
        self.read = 0
        self._codes: dict[str, str] = {}  # ZLDWDM → region code: a few thousand villages
        # NET mode reads TBMJ/KCMJ/KCXS/TBDLMJ through the DLTB value domains (refused after
        # the pass when outside them, as in the land-use summary)
        self.values = ValueChecker(repairs.layer_name, fields, check_region=False)

    def batches(self, expression: str | None, feedback=None) -> Iterator[tuple]:
        """``(regions, wkbs, nets, bounds)`` per batch; stops early when cancelled."""
        zldwdm = self._index(self.fields.zldwdm)
        f = self.fields
        areas = [self._index(name) for name in (f.tbmj, f.kcmj, f.kcxs, f.tbdlmj)]
        net_mode = self.mode == AreaMode.NET
        total = max(self.source.featureCount(), 1)
        step = progress_step(total, 2000)
        fids, codes, nets, wkbs = [], [], [], []
        features = read_features(self.source, self._request(expression), self.repairs.layer_name)
        for i, feature in enumerate(features):
            if feedback is not None and i % step == 0:
                if feedback.isCanceled():
                    return
                feedback.setProgress(100.0 * i / total)
            fids.append(feature.id())
            codes.append(feature[zldwdm] if zldwdm >= 0 else "")
            nets.append(self._net(feature, areas) if net_mode else None)
            wkbs.append(bytes(feature.geometry().asWkb()))
            if len(fids) == self.BATCH:
                yield self._batch(fids, codes, nets, wkbs)
                fids, codes, nets, wkbs = [], [], [], []
        if fids:
            yield self._batch(fids, codes, nets, wkbs)
        self.values.finish()

    def _net(self, feature: QgsFeature, columns: list[int]) -> float:
        """TBDLMJ of a parcel (derived from TBMJ, KCMJ, KCXS when missing; −1: no such field)."""
        raw = [feature[i] if i >= 0 else None for i in columns]
        return self.values.areas(label_of("", feature.id()), *raw)[2]

    def _index(self, name: str | None) -> int:
        return self.source.fields().lookupField(name) if name else -1

    def _request(self, expression: str | None) -> QgsFeatureRequest:
        wanted = [self.fields.zldwdm]
        if self.mode == AreaMode.NET:
            wanted += [self.fields.tbmj, self.fields.kcmj, self.fields.kcxs, self.fields.tbdlmj]
        request = QgsFeatureRequest()
        if expression:
            filtered_request(expression, tr("Invalid input filter expression “{expr}”: {error}"),
                             request)
            referenced = request.filterExpression().referencedColumns()
            if QgsFeatureRequest.ALL_ATTRIBUTES in referenced:  # e.g. attributes()
                return request
            wanted += sorted(referenced)
        indexes = {self._index(name) for name in wanted} - {-1}
        return request.setSubsetOfAttributes(sorted(indexes))

    def _batch(self, fids: list, codes: list, nets: list, wkbs: list[bytes]) -> tuple:
        rings = polygon_rings(wkbs)
        if self._repair(fids, wkbs, proven_valid(wkbs, rings)):
            rings = polygon_rings(wkbs)
        self.read += len(wkbs)
        return self._regions(codes, wkbs), wkbs, nets, ring_bounds(rings)

    def _repair(self, fids: list, wkbs: list[bytes], proven: np.ndarray) -> bool:
        """GEOS check of the parcels not proven valid; invalid ones repaired in ``wkbs``
        (and listed by :class:`GeometryRepairs`). True when any WKB changed."""
        changed = False
        for i in np.flatnonzero(~proven).tolist():
            if not wkbs[i]:
                continue
            feature = QgsFeature(fids[i])
            feature.setGeometry(geometry_from_wkb(wkbs[i]))
            wkb = bytes(self.repairs.geometry(feature).asWkb())
            if wkb != wkbs[i]:
                wkbs[i], changed = wkb, True
        return changed

    def _regions(self, values: list, wkbs: list[bytes]) -> list[str]:
        if self.assigner.needs_geometry:  # region polygons: the parcel's point on surface
            return [self.assigner.code(text(value), geometry_from_wkb(wkb))
                    for value, wkb in zip(values, wkbs)]
        return [self._region(value) for value in values]

    def _region(self, value) -> str:
        if not isinstance(value, str):  # NULL
            return self.assigner.code(text(value))
        code = self._codes.get(value)
        if code is None:
            code = self._codes[value] = self.assigner.code(text(value))
        return code


def geometry_from_wkb(wkb: bytes) -> QgsGeometry:
    """A QgsGeometry of the WKB (null for ``b""``)."""
    geometry = QgsGeometry()
    if wkb:
        geometry.fromWkb(wkb)
    return geometry


def overlay_stats(source: QgsFeatureSource, overlay_source: QgsFeatureSource,
                  spec: RegionSpec | None = None, area_mode: int = AreaMode.GROSS,
                  input_filter: str | None = None, overlay_filter: str | None = None,
                  transform_context: QgsCoordinateTransformContext | None = None,
                  layer_name: str = "INPUT", overlay_name: str = "OVERLAY", feedback=None,
                  strategy: str | None = None):
    """Area of ``source`` under ``overlay_source`` per region, as a DataFrame (areas in m²).

    Overlay pieces are dissolved per parcel, so overlapping overlay polygons never count twice.
    ``strategy`` ("memory"/"windowed") forces how the overlay is read; None: by its size.
    """
    from . import check_pandas

    check_pandas()  # before the parcels are read, not after
    spec = spec or RegionSpec()
    context = transform_context or QgsCoordinateTransformContext()
    crs = source.sourceCrs()
    mode = AreaMode(int(area_mode))
    require_features(source, layer_name)
    fields = detect_dltb_fields(source.fields())
    needed = ["tbmj"] if mode == AreaMode.NET else []
    if not spec.spatial and spec.level != RegionLevel.WHOLE:
        needed.append("zldwdm")
    fields.require(needed, layer_name)
    overlay = stats_overlay(overlay_source, crs, context, overlay_filter or None, feedback,
                            overlay_name, strategy=strategy)
    accumulator = OverlayAccumulator(overlay, EllipsoidalArea(crs, context), mode)
    reader = ParcelReader(source, fields, RegionAssigner(spec, crs, context), mode,
                          GeometryRepairs(layer_name))
    for batch in reader.batches(input_filter, feedback):
        accumulator.add_batch(*batch)
    meta = StatsMeta(sources=[SourceInfo("INPUT", layer_name, reader.read),
                              SourceInfo("OVERLAY", overlay_name, overlay.read_count)])
    reader.repairs.report(meta, feedback)
    for note in reader.values.notes():
        meta.notes.append(note)
        if feedback is not None:
            feedback.pushWarning(note)
    if overlay.repairs:
        meta.notes.append(tr("{n} invalid overlay feature(s) were repaired (makeValid).").format(
            n=overlay.repairs))
    meta.notes.append(tr("Area mode: {mode}").format(
        mode=tr("net (TBDLMJ apportioned)") if mode == AreaMode.NET else tr("gross")))
    return accumulator_frame(accumulator, reader.assigner, meta)


def accumulator_frame(accumulator: OverlayAccumulator, assigner: RegionAssigner, meta=None):
    from . import require_pandas

    pd = require_pandas()
    rows = []
    for region in sorted(accumulator.input):
        total, inside = accumulator.input[region], accumulator.inside[region]
        share = 100.0 * inside / total if total > 0 else 0.0
        rows.append([region, assigner.name(region), total, inside, share,
                     accumulator.parcels[region]])
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame.attrs["meta"] = meta or StatsMeta()
    return frame
