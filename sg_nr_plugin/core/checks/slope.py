"""Steep parts of a project from a DEM: slope per cell (central differences), cells above the
threshold merged into rectangles, clipped to the project.

Only the DEM window under the project (plus a margin of two cells for the differences) is
read, through a clone of the raster provider so that the check can run in a background task.
"""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsCsException,
    QgsGeometry,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

from ...i18n import tr
from ..errors import RasterReadError
from ..reading import provider_errors, read_block
from .context import clip, union
from .ruleset import RuleSetError

_GMF_ALL_VALID = 0x01  # gdal.GMF_ALL_VALID: the band has no mask, every cell is valid
DEFAULT_MIN_COVERAGE = 0.95  # a rule set written before dem_min_coverage existed

_DTYPES = {Qgis.Byte: np.uint8, Qgis.UInt16: np.uint16, Qgis.Int16: np.int16,
           Qgis.UInt32: np.uint32, Qgis.Int32: np.int32, Qgis.Float32: np.float32,
           Qgis.Float64: np.float64}


class DemReader:
    """The DEM's grid and a reader of windows of it, shared by the projects of one run.

    A GDAL raster (a file, the usual DEM) is read through a GDAL dataset of the run's own,
    opened in the thread that reads: sharing QGIS's raster provider (or a clone of it, whose
    GDAL handles come from one pool) with the map canvas, which draws the same DEM in its
    render threads, crashed QGIS desktop within a few checks. Other rasters (WMS, PostGIS
    raster) are read through a clone of their provider.
    """

    def __init__(self, dem_layer, dest_crs, transform_context) -> None:
        self.name = dem_layer.name()
        self.crs = dem_layer.crs()
        self.extent = dem_layer.extent()
        self.dx = dem_layer.rasterUnitsPerPixelX()
        self.dy = dem_layer.rasterUnitsPerPixelY()
        self.to_dem = QgsCoordinateTransform(dest_crs, self.crs, transform_context)
        self.to_dest = QgsCoordinateTransform(self.crs, dest_crs, transform_context)
        self._band = _gdal_band(dem_layer)
        self.provider = None if self._band is not None else dem_layer.dataProvider().clone()
        if self._band is not None:
            self.no_data = self._band.GetNoDataValue()
        else:
            self.no_data = (self.provider.sourceNoDataValue(1)
                            if self.provider.sourceHasNoDataValue(1) else None)

    def window(self, rect: QgsRectangle) -> tuple[np.ndarray, float, float] | None:
        """Elevations over ``rect`` (DEM CRS) snapped to the grid with a 2-cell margin."""
        col0 = math.floor((rect.xMinimum() - self.extent.xMinimum()) / self.dx) - 2
        col1 = math.ceil((rect.xMaximum() - self.extent.xMinimum()) / self.dx) + 2
        row0 = math.floor((self.extent.yMaximum() - rect.yMaximum()) / self.dy) - 2
        row1 = math.ceil((self.extent.yMaximum() - rect.yMinimum()) / self.dy) + 2
        if col1 <= col0 or row1 <= row0:
            return None
        x0 = self.extent.xMinimum() + col0 * self.dx
        y0 = self.extent.yMaximum() - row0 * self.dy
        cols, rows = col1 - col0, row1 - row0
        if self._band is not None:
            data = self._gdal_window(col0, row0, cols, rows)
        else:
            data = self._provider_window(x0, y0, cols, rows)
        if data is None:  # a data type numpy cannot hold
            return None
        if self.no_data is not None:
            data[data == self.no_data] = np.nan
        return data, x0, y0

    def _gdal_window(self, col0: int, row0: int, cols: int, rows: int) -> np.ndarray:
        """The window from the GDAL band; cells outside the raster are NaN."""
        data = np.full((rows, cols), np.nan)
        width, height = self._band.XSize, self._band.YSize
        left, top = max(col0, 0), max(row0, 0)
        right, bottom = min(col0 + cols, width), min(row0 + rows, height)
        if right <= left or bottom <= top:
            return data
        errors: list[str] = []
        with provider_errors(errors):
            try:
                values = self._band.ReadAsArray(left, top, right - left, bottom - top)
            except RuntimeError as error:  # a damaged file, GDAL exceptions on
                errors.append(str(error))
                values = None
        if errors or values is None:  # a DEM read in part must not let a slope rule pass
            x0 = self.extent.xMinimum() + left * self.dx
            y0 = self.extent.yMaximum() - top * self.dy
            rect = QgsRectangle(x0, y0 - (bottom - top) * self.dy,
                                x0 + (right - left) * self.dx, y0)
            raise RasterReadError(self.name, rect.toString(0), "; ".join(errors[:3]))
        values = values.astype(float)
        # Cells the band's mask marks invalid (nodata, an alpha band, a .msk file or an internal
        # mask when no nodata value is set) are holes, not elevation 0: a 0 next to real heights
        # would make a cliff.
        if not self._band.GetMaskFlags() & _GMF_ALL_VALID:
            mask = self._band.GetMaskBand().ReadAsArray(left, top, right - left, bottom - top)
            if mask is not None:
                values[mask == 0] = np.nan
        data[top - row0:bottom - row0, left - col0:right - col0] = values
        return data

    def _provider_window(self, x0: float, y0: float, cols: int, rows: int):
        block = read_block(self.provider, 1, QgsRectangle(
            x0, y0 - rows * self.dy, x0 + cols * self.dx, y0), cols, rows, self.name)
        dtype = _DTYPES.get(block.dataType())
        if dtype is None:
            return None
        data = np.frombuffer(bytes(block.data()), dtype=dtype).astype(float).reshape(rows, cols)
        if block.hasNoData():  # cells outside the raster or without data: holes, not 0 m
            for row in range(rows):
                for col in range(cols):
                    if block.isNoData(row, col):
                        data[row, col] = np.nan
        return data

    def cell_metres(self, latitude: float) -> tuple[float, float]:
        if not self.crs.isGeographic():
            return self.dx, self.dy
        metres = 111_320.0  # per degree of latitude, near enough for a slope threshold
        return self.dx * metres * math.cos(math.radians(latitude)), self.dy * metres


def _gdal_band(dem_layer):
    """Band 1 of a dataset of our own when the DEM is a GDAL raster, else None."""
    provider_type = getattr(dem_layer, "providerType", lambda: "")()
    if provider_type != "gdal":
        return None
    from osgeo import gdal

    try:
        dataset = gdal.OpenEx(dem_layer.source(), gdal.OF_RASTER | gdal.OF_READONLY)
    except RuntimeError:  # GDAL raises when exceptions are on, returns None otherwise
        dataset = None
    if dataset is None or dataset.RasterCount < 1:
        return None
    band = dataset.GetRasterBand(1)
    band._dataset = dataset  # the band is only valid while its dataset lives
    return band


def slope_degrees(z: np.ndarray, dx_m: float, dy_m: float) -> np.ndarray:
    dz_dy, dz_dx = np.gradient(z, dy_m, dx_m)
    return np.degrees(np.arctan(np.hypot(dz_dx, dz_dy)))


def _reader(run) -> DemReader:
    reader = getattr(run, "dem_reader", None)
    if reader is None:
        reader = DemReader(run.inputs.dem, run.inputs.crs, run.inputs.transform_context)
        run.dem_reader = reader
    return reader


def _slope_grid(ctx):
    """``(slope in degrees, x0, y0, reader)`` over the project's DEM window, once per project
    (the paddy check asks for two thresholds); None when the project cannot be placed on the
    DEM. NaN where the DEM has no valid elevation or a neighbour of the cell has none."""
    if "slope.grid" not in ctx.cache:
        reader = _reader(ctx.run)
        try:
            rect = reader.to_dem.transformBoundingBox(ctx.geometry.boundingBox())
        except QgsCsException:  # the project lies where the DEM's CRS has no coordinates
            rect = None
        window = reader.window(rect) if rect is not None and not rect.isEmpty() else None
        grid = None
        if window is not None:
            z, x0, y0 = window
            dx_m, dy_m = reader.cell_metres(rect.center().y())
            with np.errstate(invalid="ignore"):
                grid = (slope_degrees(z, dx_m, dy_m), x0, y0, reader)
        ctx.cache["slope.grid"] = grid
    return ctx.cache["slope.grid"]


def _cells_under(ctx, flags: np.ndarray, x0: float, y0: float, reader) -> QgsGeometry:
    """The part of the project covered by the flagged cells (rows of cells merged)."""
    cells = []
    for row in range(flags.shape[0]):
        for start, stop in _runs(flags[row]):  # merge runs of flagged cells in a row
            top = y0 - row * reader.dy
            cells.append(QgsGeometry.fromRect(QgsRectangle(
                x0 + start * reader.dx, top - reader.dy, x0 + stop * reader.dx, top)))
    if not cells:
        return QgsGeometry()
    merged = union(cells)
    try:
        merged.transform(reader.to_dest)
    except QgsCsException:
        return QgsGeometry()
    return clip(ctx.geometry, merged) or QgsGeometry()


def steep_under(ctx, threshold_deg: float) -> QgsGeometry:
    """The part of the project steeper than ``threshold_deg`` according to the DEM."""
    grid = _slope_grid(ctx)
    if grid is None:
        return QgsGeometry()
    slope, x0, y0, reader = grid
    with np.errstate(invalid="ignore"):
        steep = slope > threshold_deg
    return _cells_under(ctx, steep, x0, y0, reader)


def dem_gap(ctx) -> tuple[float, float]:
    """``(share, gap_m2)``: the share of the project's area where the DEM gives a slope, and
    the area where it gives none (nodata or masked cells, outside the DEM, or next to such a
    cell: the slope needs the neighbours)."""
    if ctx.area_m2 <= 0:
        return 1.0, 0.0
    grid = _slope_grid(ctx)
    if grid is None:
        return 0.0, ctx.area_m2
    slope, x0, y0, reader = grid
    gap_m2 = min(ctx.area(_cells_under(ctx, np.isnan(slope), x0, y0, reader)), ctx.area_m2)
    return 1.0 - gap_m2 / ctx.area_m2, gap_m2


def min_coverage(ruleset) -> float:
    """The rule set's ``dem_min_coverage`` (0–1), 0.95 for a rule set without it."""
    threshold = ruleset.thresholds.get("dem_min_coverage")
    if threshold is None:
        return DEFAULT_MIN_COVERAGE
    if not 0.0 < threshold.value <= 1.0:
        raise RuleSetError(ruleset.origin, "thresholds.dem_min_coverage.value",
                           tr("must be a share between 0 (excluded) and 1, not {value}")
                           .format(value=f"{threshold.value:g}"))
    return threshold.value


def dem_coverage_finding(ctx, cfg, ruleset, other_sources: tuple[str, ...]):
    """A warning when the DEM covers too little of the project for its slope to be judged,
    and the rule marked partly (or, with nothing else to judge by, not) checked for the
    project: steep land on the missing part would otherwise pass unseen."""
    from .engine import make_finding  # the engine imports the rule modules

    share, gap_m2 = dem_gap(ctx)
    minimum = min_coverage(ruleset)
    if share >= minimum:
        return None
    others = any(ctx.run.inputs.has(role) for role in other_sources)
    status = "partly_checked" if share > 0 or others else "not_checked"
    ctx.cache.setdefault(status, set()).add(cfg.rule_id)  # the engine adds it to the result
    # A warning whatever the rule's severity: not a conflict, but the project cannot pass.
    return make_finding(
        ctx, replace(cfg, severity="warning"), ruleset, None, QT_TRANSLATE_NOOP(
            "@default", "Slope of project {project} not fully checked: the DEM “{dem}” gives a "
            "slope for {share}% of it (at least {minimum}% needed); {area_m2} m² ({area_mu} mu) "
            "lie on nodata cells or outside the DEM. Give a DEM that covers the whole project "
            "with valid heights."),
        area_m2=gap_m2, dem=ctx.run.inputs.dem.name(), share=f"{share * 100:.1f}",
        minimum=f"{minimum * 100:g}")


def _runs(flags: np.ndarray):
    padded = np.concatenate(([0], flags.astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    return zip(edges[::2], edges[1::2])
