"""What the checks read of a DEM layer, taken in the main thread before a run.

A Processing algorithm started from a panel runs in a worker thread while the map canvas draws
the same DEM in the main thread. Touching the project's raster layer or its provider from the
worker (``dataProvider().clone()``, ``extent()``…) crashed QGIS within a few checks (SIGSEGV in
``QgsProject::createExpressionContextScope`` while the canvas refreshed). The algorithm takes
this snapshot in ``prepareAlgorithm`` (main thread); the worker only uses the snapshot and its
own clone of the snapshot's provider, which no other thread touches.
"""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem, QgsRectangle


class DemSnapshot:
    """The raster-layer methods the checks use (``dataProvider``, ``crs``, ``extent``,
    ``rasterUnitsPerPixelX/Y``, ``width``, ``height``, ``name``, ``source``), answered from
    copies."""

    def __init__(self, layer) -> None:
        self._provider_type = layer.providerType()
        # A GDAL DEM is opened anew by the reader (core/checks/slope.py); the clone serves
        # the other providers, and a GDAL one that cannot be opened so.
        self._provider = layer.dataProvider().clone()
        self._crs = QgsCoordinateReferenceSystem(layer.crs())
        self._extent = QgsRectangle(layer.extent())
        self._dx = layer.rasterUnitsPerPixelX()
        self._dy = layer.rasterUnitsPerPixelY()
        self._size = (layer.width(), layer.height())
        self._name = layer.name()
        self._source = layer.source()

    def dataProvider(self):  # noqa: N802 - the QgsRasterLayer method it stands for
        return self._provider

    def providerType(self) -> str:  # noqa: N802
        return self._provider_type

    def crs(self) -> QgsCoordinateReferenceSystem:
        return self._crs

    def extent(self) -> QgsRectangle:
        return QgsRectangle(self._extent)

    def rasterUnitsPerPixelX(self) -> float:  # noqa: N802
        return self._dx

    def rasterUnitsPerPixelY(self) -> float:  # noqa: N802
        return self._dy

    def width(self) -> int:
        return self._size[0]

    def height(self) -> int:
        return self._size[1]

    def name(self) -> str:
        return self._name

    def source(self) -> str:
        return self._source
