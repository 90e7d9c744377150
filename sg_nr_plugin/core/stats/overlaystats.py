"""叠加面积统计: how much of the (filtered) input lies under the (filtered, dissolved) overlay.

One streaming pass over the input with the overlay indexed in memory (core/overlay.py); areas
are ellipsoidal (core/area.py). ``AREA_MODE`` 0 measures the parcel pieces (gross); 1 gives each
parcel its TBDLMJ apportioned by the share of the parcel under the overlay (net of ridges).
"""

from __future__ import annotations

from collections import defaultdict
from enum import IntEnum

from qgis.core import QgsCoordinateTransformContext, QgsFeatureRequest, QgsFeatureSource

from ...i18n import tr
from ..area import EllipsoidalArea
from ..errors import SgNrError
from ..fields import detect_dltb_fields
from ..overlay import ALL, PART, OverlayLayer
from ..regions import RegionLevel
from .common import (
    GeometryRepairs,
    RegionAssigner,
    RegionSpec,
    SourceInfo,
    StatsMeta,
    number,
    parcel_areas,
    progress_step,
    require_features,
    text,
)

COLUMNS = ["region_code", "region_name", "area_input", "area_inside", "share_pct", "parcels"]


class AreaMode(IntEnum):
    GROSS = 0
    NET = 1


class OverlayAccumulator:
    """Per-region sums of input area and area under an overlay, fed one parcel at a time.

    Measuring one polygon at a time costs ~0.5 ms of numpy overhead; parcels are therefore
    queued and measured in batches of ``BATCH`` (``measure_many``). Read the sums through
    :attr:`input` and :attr:`inside`, which measure what is still queued.
    """

    BATCH = 4096

    def __init__(self, overlay: OverlayLayer, measurer: EllipsoidalArea, mode: AreaMode) -> None:
        self.overlay = overlay
        self.measurer = measurer
        self.mode = mode
        self._input = defaultdict(float)
        self._inside = defaultdict(float)
        self.parcels = defaultdict(int)
        self._queue: list = []

    @property
    def input(self) -> dict:
        self.flush()
        return self._input

    @property
    def inside(self) -> dict:
        self.flush()
        return self._inside

    def add(self, region: str, geometry, net: float | None = None) -> None:
        kind, piece = self.overlay.under(geometry)
        self.parcels[region] += 1
        if self.mode == AreaMode.NET and kind != PART:
            # no measuring at all: the whole TBDLMJ is inside, or none of it
            self._input[region] += net or 0.0
            self._inside[region] += (net or 0.0) if kind == ALL else 0.0
            return
        self._queue.append((region, kind, geometry, piece, net))
        if len(self._queue) >= self.BATCH:
            self.flush()

    def flush(self) -> None:
        if not self._queue:
            return
        geometries = [entry[2] for entry in self._queue]
        geometries += [entry[3] for entry in self._queue if entry[1] == PART]
        areas = self.measurer.measure_many(geometries).tolist()
        pieces = iter(areas[len(self._queue):])
        for (region, kind, _geometry, _piece, net), whole in zip(self._queue, areas):
            inside = next(pieces) if kind == PART else (whole if kind == ALL else 0.0)
            if self.mode == AreaMode.NET:  # apportion TBDLMJ by the ellipsoidal share inside
                total = net or 0.0
                inside = total * inside / whole if whole > 0 else 0.0
            else:
                total = whole
            self._input[region] += total
            self._inside[region] += inside
        self._queue = []


def overlay_stats(source: QgsFeatureSource, overlay_source: QgsFeatureSource,
                  spec: RegionSpec | None = None, area_mode: int = AreaMode.GROSS,
                  input_filter: str | None = None, overlay_filter: str | None = None,
                  transform_context: QgsCoordinateTransformContext | None = None,
                  layer_name: str = "INPUT", overlay_name: str = "OVERLAY", feedback=None):
    """Area of ``source`` under ``overlay_source`` per region, as a DataFrame (areas in m²).

    Overlay pieces are dissolved per parcel, so overlapping overlay polygons never count twice.
    """
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
    overlay = OverlayLayer(overlay_source, crs, context, overlay_filter or None, feedback)
    accumulator = OverlayAccumulator(overlay, EllipsoidalArea(crs, context), mode)
    assigner = RegionAssigner(spec, crs, context)
    read = 0
    repairs = GeometryRepairs(layer_name)
    for feature in _features(source, input_filter, feedback):
        geometry = repairs.geometry(feature)
        zldwdm = feature[fields.zldwdm] if fields.zldwdm else ""
        net = None
        if mode == AreaMode.NET:
            net = parcel_areas(number(feature[fields.tbmj]),
                               number(feature[fields.kcmj]) if fields.kcmj else None,
                               number(feature[fields.kcxs]) if fields.kcxs else None,
                               number(feature[fields.tbdlmj]) if fields.tbdlmj else None)[2]
        accumulator.add(assigner.code(text(zldwdm), geometry), geometry, net)
        read += 1
    meta = StatsMeta(sources=[SourceInfo("INPUT", layer_name, read),
                              SourceInfo("OVERLAY", overlay_name, overlay.feature_count)])
    repairs.report(meta, feedback)
    if overlay.repairs:
        meta.notes.append(tr("{n} invalid overlay feature(s) were repaired (makeValid).").format(
            n=overlay.repairs))
    meta.notes.append(tr("Area mode: {mode}").format(
        mode=tr("net (TBDLMJ apportioned)") if mode == AreaMode.NET else tr("gross")))
    return accumulator_frame(accumulator, assigner, meta)


def _features(source: QgsFeatureSource, expression: str | None, feedback):
    request = QgsFeatureRequest()
    if expression:
        request.setFilterExpression(expression)
        if request.filterExpression().hasParserError():
            raise SgNrError(tr("Invalid input filter expression “{expr}”: {error}").format(
                expr=expression, error=request.filterExpression().parserErrorString()))
    total = max(source.featureCount(), 1)
    step = progress_step(total, 2000)
    for i, feature in enumerate(source.getFeatures(request)):
        if feedback is not None and i % step == 0:
            if feedback.isCanceled():
                return
            feedback.setProgress(100.0 * i / total)
        yield feature


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
