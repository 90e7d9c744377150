"""GeoPackage writing with OGR: one transaction per chunk, the file moved into place at the end."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from osgeo import gdal, ogr

from .config import WORK_CRS
from .geo import srs

gdal.UseExceptions()
ogr.UseExceptions()

TYPES = {"str": ogr.OFTString, "int": ogr.OFTInteger, "real": ogr.OFTReal,
         "date": ogr.OFTDate}
GEOMS = {"polygon": ogr.wkbMultiPolygon, "line": ogr.wkbMultiLineString, "point": ogr.wkbPoint}


class GeoPackage:
    """Writes layers into ``<path>.part.gpkg`` and renames it to ``path`` on :meth:`close`."""

    def __init__(self, path: Path, indexed: set[str] | None = None, page_size: int = 4096
                 ) -> None:
        self.path = Path(path)
        self.indexed = indexed  # layers given a spatial index (None: all); saves fixture bytes
        self.partial = self.path.with_name(self.path.stem + ".part.gpkg")
        if self.partial.exists():
            self.partial.unlink()
        # small pages keep the committed fixture small (many layers of a few rows each)
        gdal.SetConfigOption("OGR_SQLITE_PRAGMA", f"page_size={page_size}")
        try:
            self.ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(self.partial))
        finally:
            gdal.SetConfigOption("OGR_SQLITE_PRAGMA", None)

    def layer(self, name: str, geometry: str, fields: list[tuple], description: str = ""):
        """Create a layer; ``fields`` are (name, type, width, precision[, alias])."""
        index = self.indexed is None or name in self.indexed
        options = [f"SPATIAL_INDEX={'YES' if index else 'NO'}", "FID=fid"]
        if description:
            options.append(f"DESCRIPTION={description}")
        layer = self.ds.CreateLayer(name, srs(WORK_CRS), GEOMS[geometry], options)
        for spec in fields:
            fname, ftype, width, precision = spec[:4]
            definition = ogr.FieldDefn(fname, TYPES[ftype])
            if width:
                definition.SetWidth(width)
            if precision:
                definition.SetPrecision(precision)
            if len(spec) > 4:
                definition.SetAlternativeName(spec[4])
            layer.CreateField(definition)
        return layer

    def append(self, layer, rows: Iterable[tuple], chunk: int = 50_000) -> int:
        """Append ``rows`` of (geometry as WKB or OGR or None, values in field order)."""
        definition = layer.GetLayerDefn()
        n_fields = definition.GetFieldCount()
        kinds = [definition.GetFieldDefn(i).GetType() for i in range(n_fields)]
        multi = ogr.GT_Flatten(layer.GetGeomType())
        count = 0
        self.ds.StartTransaction()
        for geom, values in rows:
            feature = ogr.Feature(definition)
            for i, value in enumerate(values):
                if value is None or (value == "" and kinds[i] != ogr.OFTString):
                    continue
                feature.SetField(i, value)
            if geom is not None:
                g = ogr.CreateGeometryFromWkb(geom) if isinstance(geom, bytes) else geom.Clone()
                if multi == ogr.wkbMultiPolygon:
                    g = ogr.ForceToMultiPolygon(g)
                elif multi == ogr.wkbMultiLineString:
                    g = ogr.ForceToMultiLineString(g)
                feature.SetGeometryDirectly(g)
            layer.CreateFeature(feature)
            count += 1
            if count % chunk == 0:
                self.ds.CommitTransaction()
                self.ds.StartTransaction()
        self.ds.CommitTransaction()
        return count

    def write(self, name: str, geometry: str, fields: list[tuple], rows: Iterable[tuple],
              description: str = "") -> int:
        """Create layer ``name`` and write ``rows`` into it; returns the count."""
        return self.append(self.layer(name, geometry, fields, description), rows)

    def close(self) -> Path:
        self.ds.ExecuteSQL("VACUUM")
        self.ds = None
        os.replace(self.partial, self.path)
        return self.path
