"""Reading the generated GeoPackage without the generator: OGR rows and pyproj areas."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from osgeo import gdal, ogr
from pyproj import Geod, Transformer

ROOT = Path(__file__).resolve().parents[2]
TINY = ROOT / "data" / "tiny"
TINY_GPKG = TINY / "shaoguan_tiny.gpkg"
GEOD = Geod(a=6378137.0, rf=298.257222101)   # CGCS2000 ellipsoid
TO_LONLAT = Transformer.from_crs("EPSG:4547", "EPSG:4490", always_xy=True)

# Every rule id the check issues (6–9) name.
RULES = {
    "farmland": {"existing_cultivated", "source_class", "steep_slope", "eco_redline",
                 "protected_area", "public_forest", "urban_boundary", "duplicate_project",
                 "area_mismatch", "geometry", "outside_survey"},
    "paddy": {"existing_paddy", "source_class", "slope", "contiguity", "water_source", "hazard",
              "eco_redline", "protected_area", "public_forest", "urban_boundary",
              "duplicate_project", "area_mismatch", "geometry", "outside_survey"},
    "mine": {"mining_right_valid", "not_legacy_mine", "mode_visibility", "core_zone", "hazard",
             "eco_redline", "duplicate_project", "area_mismatch", "geometry", "outside_survey"},
}


def rows(path: Path, layer: str) -> list[tuple[dict, ogr.Geometry | None]]:
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer)
    out = []
    for feature in lyr:
        geom = feature.GetGeometryRef()
        out.append((feature.items(), geom.Clone() if geom is not None else None))
    return out


def geodesic_area(geom: ogr.Geometry) -> float:
    """Ellipsoidal area of a polygon / multipolygon in EPSG:4547 (pyproj, Karney)."""
    total = 0.0
    flat = ogr.GT_Flatten(geom.GetGeometryType())
    polys = [geom] if flat == ogr.wkbPolygon else [geom.GetGeometryRef(i)
                                                   for i in range(geom.GetGeometryCount())]
    for poly in polys:
        if ogr.GT_Flatten(poly.GetGeometryType()) != ogr.wkbPolygon:
            continue
        for r in range(poly.GetGeometryCount()):
            xy = np.array(poly.GetGeometryRef(r).GetPoints())[:, :2]
            lon, lat = TO_LONLAT.transform(xy[:, 0], xy[:, 1])
            area, _ = GEOD.polygon_area_perimeter(lon, lat)
            total += abs(area) * (1 if r == 0 else -1)
    return total


def slope_grid(path: Path):
    """Slope (degrees) of a DEM by central differences, with its geotransform."""
    ds = gdal.Open(str(path))
    z = ds.GetRasterBand(1).ReadAsArray().astype(float)
    gt = ds.GetGeoTransform()
    dzdy, dzdx = np.gradient(z, gt[1])
    return np.degrees(np.arctan(np.hypot(dzdx, dzdy))), gt
