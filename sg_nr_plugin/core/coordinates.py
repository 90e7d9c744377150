"""Coordinates that cannot be real in their CRS (NaN, infinite, 1e15, latitude 95°): found
per vertex for the area engine and per feature for the statistics, overlays and checks, which
leave such features out and name them (docs/bad-inputs.md, "Coordinates and CRS").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..i18n import tr
from .crs import DAMAGED_COORDINATE, cgcs2000_tmerc
from .errors import CrsError
from .geodesy import TransverseMercator

#: Farthest a vertex may lie from a Gauss-Kruger central meridian (metres, ≈ 9° at 25°N): no
#: zone of this data reaches that far, and beyond it the projection's series lose their meaning.
GK_MAX_REACH_M = 1_000_000.0
#: Northing of the pole (CGCS2000 quarter meridian ≈ 10 001 966 m) with a margin.
GK_MAX_NORTHING_M = 10_002_000.0


@dataclass(frozen=True)
class Domain:
    """Where coordinates of a CRS can lie (see :func:`out_of_domain`); make it once per CRS."""

    geographic: bool
    tm: TransverseMercator | None

    @classmethod
    def of(cls, crs) -> Domain:
        valid = crs is not None and crs.isValid()
        geographic = valid and crs.isGeographic()
        return cls(geographic, None if geographic or not valid else cgcs2000_tmerc(crs))


def out_of_domain(x: np.ndarray, y: np.ndarray, domain: Domain) -> np.ndarray:
    """Which vertices cannot be real coordinates: NaN or infinite, beyond
    :data:`DAMAGED_COORDINATE`, latitude beyond ±90° or longitude outside −180…360° in a
    geographic CRS, farther than :data:`GK_MAX_REACH_M` from a Gauss-Kruger central meridian
    or beyond the pole's northing."""
    with np.errstate(invalid="ignore"):
        bad = ~(np.isfinite(x) & np.isfinite(y))
        bad |= (np.abs(x) >= DAMAGED_COORDINATE) | (np.abs(y) >= DAMAGED_COORDINATE)
        if domain.geographic:
            bad |= (x < -180.0) | (x > 360.0) | (np.abs(y) > 90.0)
        elif domain.tm is not None:
            bad |= np.abs(x - domain.tm.x_0) > GK_MAX_REACH_M * domain.tm.k_0
            bad |= np.abs(y - domain.tm.y_0) > GK_MAX_NORTHING_M
    return bad


def coordinate_problem(geometry, crs, domain: Domain | None = None) -> str:
    """Why ``geometry`` holds coordinates that cannot be real in ``crs`` (translated), or ""."""
    from .wkb import vertex_xy

    if geometry is None or geometry.isNull():
        return ""
    x, y = vertex_xy(bytes(geometry.asWkb()))
    bad = out_of_domain(x, y, domain if domain is not None else Domain.of(crs))
    if not bad.any():
        return ""
    return describe_bad_vertex(float(x[bad][0]), float(y[bad][0]), crs)


def describe_bad_vertex(x: float, y: float, crs) -> str:
    """"coordinate (x, y) is not a number / lies outside EPSG:…" (translated)."""
    if not (np.isfinite(x) and np.isfinite(y)):
        return tr("a coordinate is not a number ({x}, {y})").format(x=f"{x:.10g}",
                                                                     y=f"{y:.10g}")
    return tr("the coordinate ({x}, {y}) lies outside {crs}").format(
        x=f"{x:.10g}", y=f"{y:.10g}", crs=(crs.authid() or crs.description())
        if crs is not None and crs.isValid() else "?")


class DamagedCoordinatesError(CrsError):
    """Geometries whose coordinates cannot be real: the area engine refuses to measure them
    (callers that know the features screen them first and name them)."""

    def __init__(self, count: int, problem: str) -> None:
        self.count = count
        super().__init__(tr("{n} geometry(-ies) have coordinates that cannot be real ({problem}): "
                            "their areas would be wrong. Repair these geometries (or the "
                            "layer's CRS) and run again.").format(n=count, problem=problem))


#: Features listed by id in a :class:`DamagedFeaturesError` message.
MAX_LISTED_DAMAGED = 10


class DamagedFeaturesError(CrsError):
    """Features of a layer with impossible coordinates, named: a total or a check that left
    them out would be wrong without a word, so the run is refused."""

    def __init__(self, layer_name: str, features: list[str], problem: str) -> None:
        self.layer_name, self.features = layer_name, list(features)
        listed = ", ".join(self.features[:MAX_LISTED_DAMAGED])
        if len(self.features) > MAX_LISTED_DAMAGED:
            listed += ", …"
        super().__init__(tr("{n} feature(s) of “{layer}” have coordinates that cannot be real "
                            "({problem}): their areas would be wrong, so no result is given. "
                            "Repair their geometry (or the layer's CRS) and run again. "
                            "Feature(s): {features}").format(
            n=len(self.features), layer=layer_name, problem=problem, features=listed))


def feature_label(feature) -> str:
    """``"#12"`` or ``"#12 (BSM 4402…)"`` when the feature carries a BSM."""
    fields = feature.fields()
    index = fields.lookupField("BSM") if fields is not None else -1
    value = feature.attribute(index) if index >= 0 else None
    text = "" if value is None or (hasattr(value, "isNull") and value.isNull()) else str(value)
    return f"#{feature.id()} (BSM {text.strip()})" if text.strip() else f"#{feature.id()}"


def box_is_damaged(geometry) -> bool:
    """Cheap screen of a (GEOS-valid) geometry: a bounding box beyond any CRS of this data."""
    box = geometry.boundingBox()
    return not all(abs(v) < DAMAGED_COORDINATE for v in (box.xMinimum(), box.yMinimum(),
                                                          box.xMaximum(), box.yMaximum()))
