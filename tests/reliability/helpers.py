"""Shared pieces of the reliability tests: the tiny sample, feedbacks that cancel at a given
progress or keep the warnings, and hand-made polygons with independently known ellipsoidal
areas."""

from __future__ import annotations

import ctypes
import os
from contextlib import contextmanager
from pathlib import Path

from pyproj import Geod, Transformer
from qgis.core import QgsProcessingFeedback

from tests.conftest import TINY_GPKG

GEOD = Geod(a=6378137.0, rf=298.257222101)  # CGCS2000 (domain.md §4)
_TO_GEOGRAPHIC = Transformer.from_crs("EPSG:4547", "EPSG:4490", always_xy=True)


def tiny(layer: str, gpkg: Path = TINY_GPKG) -> str:
    return f"{gpkg}|layername={layer}"


def ring_area(points: list[tuple[float, float]]) -> float:
    """Geodesic (Karney) area of a small EPSG:4547 ring: pyproj, independent of the plugin."""
    lons, lats = _TO_GEOGRAPHIC.transform([p[0] for p in points], [p[1] for p in points])
    area, _ = GEOD.polygon_area_perimeter(lons, lats)
    return abs(area)


class CancelAt(QgsProcessingFeedback):
    """Cancels the run when the reported progress reaches ``threshold`` percent (as a user
    pressing Cancel would); ``fired`` tells whether the threshold was reached at all."""

    def __init__(self, threshold: float) -> None:
        super().__init__()
        self.threshold = threshold
        self.fired = False
        self.progressChanged.connect(self._on_progress)

    def _on_progress(self, progress: float) -> None:
        if progress >= self.threshold and not self.fired:
            self.fired = True
            self.cancel()


class WarningLog(QgsProcessingFeedback):
    """Keeps every warning pushed, besides the feedback's own text log."""

    def __init__(self) -> None:
        super().__init__()
        self.warnings: list[str] = []

    def pushWarning(self, text):  # noqa: N802 - QGIS API name
        self.warnings.append(text)
        super().pushWarning(text)


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


@contextmanager
def without_root_file_powers():
    """Root ignores file permissions (CAP_DAC_OVERRIDE): inside this block the calling thread
    does not, so a read-only folder refuses a write as it does for a user. Linux keeps
    capabilities per thread and Processing runs the algorithm in the calling thread; the
    permitted set is kept, so the powers come back afterwards. A no-op for a normal user."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        yield
        return
    libc = ctypes.CDLL(None, use_errno=True)

    class Header(ctypes.Structure):
        _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

    class Data(ctypes.Structure):
        _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32),
                    ("inheritable", ctypes.c_uint32)]

    header, data = Header(0x20080522, 0), (Data * 2)()  # _LINUX_CAPABILITY_VERSION_3
    if libc.capget(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget")
    saved = data[0].effective
    data[0].effective &= ~((1 << 1) | (1 << 2) | (1 << 3))  # DAC_OVERRIDE, DAC_READ_SEARCH, FOWNER
    if libc.capset(ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset")
    try:
        yield
    finally:
        data[0].effective = saved
        libc.capset(ctypes.byref(header), data)
