"""Steep parts of a project from a DEM: slope per cell (central differences), cells above the
threshold merged into rectangles, clipped to the project.

Only the DEM window under the project (plus a margin of two cells for the differences) is
read, through a clone of the raster provider so that the check can run in a background task.
"""

from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsRectangle,
)

from ..reading import read_block
from .context import clip, union

_DTYPES = {Qgis.Byte: np.uint8, Qgis.UInt16: np.uint16, Qgis.Int16: np.int16,
           Qgis.UInt32: np.uint32, Qgis.Int32: np.int32, Qgis.Float32: np.float32,
           Qgis.Float64: np.float64}


class DemReader:
    """A cloned DEM provider and its grid, shared by the projects of one run."""

    def __init__(self, dem_layer, dest_crs, transform_context) -> None:
        self.provider = dem_layer.dataProvider().clone()
        self.name = dem_layer.name()
        self.crs = dem_layer.crs()
        self.extent = dem_layer.extent()
        self.dx = dem_layer.rasterUnitsPerPixelX()
        self.dy = dem_layer.rasterUnitsPerPixelY()
        self.to_dem = QgsCoordinateTransform(dest_crs, self.crs, transform_context)
        self.to_dest = QgsCoordinateTransform(self.crs, dest_crs, transform_context)
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
        block = read_block(self.provider, 1, QgsRectangle(
            x0, y0 - rows * self.dy, x0 + cols * self.dx, y0), cols, rows, self.name)
        dtype = _DTYPES.get(block.dataType())
        if dtype is None:
            return None
        data = np.frombuffer(bytes(block.data()), dtype=dtype).astype(float)
        data = data.reshape(rows, cols)
        if self.no_data is not None:
            data[data == self.no_data] = np.nan
        return data, x0, y0

    def cell_metres(self, latitude: float) -> tuple[float, float]:
        if not self.crs.isGeographic():
            return self.dx, self.dy
        metres = 111_320.0  # per degree of latitude, near enough for a slope threshold
        return self.dx * metres * math.cos(math.radians(latitude)), self.dy * metres


def slope_degrees(z: np.ndarray, dx_m: float, dy_m: float) -> np.ndarray:
    dz_dy, dz_dx = np.gradient(z, dy_m, dx_m)
    return np.degrees(np.arctan(np.hypot(dz_dx, dz_dy)))


def steep_under(ctx, threshold_deg: float) -> QgsGeometry:
    """The part of the project steeper than ``threshold_deg`` according to the DEM."""
    run = ctx.run
    reader = getattr(run, "dem_reader", None)
    if reader is None:
        reader = DemReader(run.inputs.dem, run.inputs.crs, run.inputs.transform_context)
        run.dem_reader = reader
    rect = reader.to_dem.transformBoundingBox(ctx.geometry.boundingBox())
    window = reader.window(rect)
    if window is None:
        return QgsGeometry()
    z, x0, y0 = window
    dx_m, dy_m = reader.cell_metres(rect.center().y())
    with np.errstate(invalid="ignore"):
        steep = slope_degrees(z, dx_m, dy_m) > threshold_deg
    cells = []
    for row in range(steep.shape[0]):
        for start, stop in _runs(steep[row]):  # merge runs of steep cells in a row
            top = y0 - row * reader.dy
            cells.append(QgsGeometry.fromRect(QgsRectangle(
                x0 + start * reader.dx, top - reader.dy, x0 + stop * reader.dx, top)))
    if not cells:
        return QgsGeometry()
    merged = union(cells)
    merged.transform(reader.to_dest)
    return clip(ctx.geometry, merged) or QgsGeometry()


def _runs(flags: np.ndarray):
    padded = np.concatenate(([0], flags.astype(np.int8), [0]))
    edges = np.flatnonzero(np.diff(padded))
    return zip(edges[::2], edges[1::2])
