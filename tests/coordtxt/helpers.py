"""Independent references and small runners for the coordinate-file tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from pyproj import Geod, Transformer
from qgis.core import QgsProcessingFeedback

DATA = Path(__file__).resolve().parent / "data"
# CGCS2000 ellipsoid (domain.md §4), independent of any QGIS ellipsoid lookup.
GEOD = Geod(a=6378137.0, rf=298.257222101)


@cache
def _to_geographic(authid: str) -> Transformer:
    return Transformer.from_crs(authid, "EPSG:4490", always_xy=True)


def geod_ring_area(authid: str, eastings, northings) -> float:
    """Geodesic area (m²) of a ring given in a projected CRS, inverse-projected with pyproj."""
    lon, lat = _to_geographic(authid).transform(list(eastings), list(northings))
    area, _ = GEOD.polygon_area_perimeter(lon, lat)
    return abs(area)


def geod_measure_factory(crs):
    """Batch measure (m²) of QgsGeometry in ``crs`` on pyproj only, as the importer calls it."""
    measure = geod_measure(crs)
    return lambda geometries: [measure(g) for g in geometries]


def geod_measure(crs):
    """A measure (m²) for QgsGeometry in ``crs`` built on pyproj only: outer minus holes."""
    authid = crs.authid()

    def measure(geometry) -> float:
        parts = geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]
        total = 0.0
        for part in parts:
            for index, ring in enumerate(part):
                area = geod_ring_area(authid, [p.x() for p in ring], [p.y() for p in ring])
                total += area if index == 0 else -area
        return total

    return measure


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.infos: list[str] = []

    def reportError(self, error, fatalError=False):  # noqa: N803 - QGIS API name
        self.errors.append(error)

    def pushWarning(self, warning):
        self.warnings.append(warning)

    def pushInfo(self, info):
        self.infos.append(info)


def run_algorithm(algorithm_id: str, parameters: dict, context=None):
    """Run an sgnr algorithm with ``processing.run`` (the path of the dialogs and of users'
    scripts); returns (results, feedback). Temporary layers come back as layer objects."""
    import processing

    feedback = RecordingFeedback()
    results = processing.run(algorithm_id, parameters, feedback=feedback, context=context)
    return results, feedback
