"""Project layers of the three checks, with planted cases and the plan that makes them true.

Each case is built at its own quiet site: natural control features are cut away around it
(``sterile``), the DLTB parcels under it are given the classes the case needs (``zones``), and
the features the case must meet are planted (red-line pieces, a mining right, a hazard point, a
steep ridge in the DEM, a road…). Expected areas are measured afterwards in ``truth.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from osgeo import ogr
from qgis.core import QgsGeometry

from .geo import union_all
from .sites import SitePicker
from .tessellate import polygonal

LAYERS = {"farmland": "XM_BCGD", "paddy": "XM_KZST", "mine": "XM_KSXF"}
PREFIX = {"farmland": "BCGD", "paddy": "KZST", "mine": "KSXF"}
SIZE = {"farmland": (180.0, 160.0), "paddy": (240.0, 230.0), "mine": (160.0, 140.0)}

# (check, rule id, severity) of every planted case; "clean" cases expect no finding.
CASES = [
    ("farmland", "existing_cultivated", "warning"), ("farmland", "source_class", "error"),
    ("farmland", "steep_slope", "error"), ("farmland", "eco_redline", "error"),
    ("farmland", "protected_area", "error"), ("farmland", "public_forest", "error"),
    ("farmland", "urban_boundary", "warning"), ("farmland", "duplicate_project", None),
    ("farmland", "area_mismatch", None), ("farmland", "geometry", None),
    ("farmland", "outside_survey", None),
    ("paddy", "existing_paddy", "warning"), ("paddy", "source_class", "error"),
    ("paddy", "slope", "error"), ("paddy", "contiguity", "warning"),
    ("paddy", "water_source", "warning"), ("paddy", "hazard", "error"),
    ("paddy", "eco_redline", "error"), ("paddy", "protected_area", "error"),
    ("paddy", "public_forest", "error"), ("paddy", "urban_boundary", "warning"),
    ("paddy", "duplicate_project", None), ("paddy", "area_mismatch", None),
    ("paddy", "geometry", None), ("paddy", "outside_survey", None),
    ("mine", "mining_right_valid", "error"), ("mine", "mining_right_valid", "warning"),
    ("mine", "not_legacy_mine", "warning"), ("mine", "mode_visibility", "warning"),
    ("mine", "core_zone", "error"), ("mine", "hazard", "warning"), ("mine", "eco_redline", "info"),
    ("mine", "duplicate_project", None), ("mine", "area_mismatch", None),
    ("mine", "geometry", None), ("mine", "outside_survey", None),
]
CLEAN = {"farmland": 3, "paddy": 3, "mine": 3}
# Clean source classes per check (allowed, non-cultivated unless the check upgrades).
CLEAN_SOURCE = {"farmland": ["0404", "0307", "1206"], "paddy": ["0103", "0307", "0204"],
                "mine": ["0602", "1206", "0602"]}
MODES = ["生态重建", "辅助再生", "转型利用"]


@dataclass
class Project:
    check: str
    xmbh: str
    name: str
    county: str
    parcels: list                    # OGR polygons (one row each)
    planted: list                    # [{"rule_id", "severity"}]
    declared_factor: float = 1.0
    planned: str = "0103"
    mode: str = ""
    status: str = "已验收"
    year: int = 2022
    truth: dict = field(default_factory=dict)

    @property
    def layer(self) -> str:
        return LAYERS[self.check]

    def geometry(self) -> ogr.Geometry:
        return union_all([p.MakeValid() for p in self.parcels])


@dataclass
class Plan:
    picker: SitePicker
    units: dict
    projects: list = field(default_factory=list)
    zones: list = field(default_factory=list)      # (footprint, [(polygon, code)], default)
    pieces: dict = field(default_factory=dict)     # layer → [(geom, values)]
    ridges: list = field(default_factory=list)     # (x, y, angle, sigma, amplitude, length)
    sites: list = field(default_factory=list)      # (x, y, sterile radius)
    extra_roads: list = field(default_factory=list)
    dry: list = field(default_factory=list)        # (x, y, r): no water classes inside
    protected_bsm: set = field(default_factory=set)
    under: dict = field(default_factory=dict)      # xmbh → {code: [gross, net]}
    grades: dict = field(default_factory=dict)     # xmbh → steepest GDPDJB under it

    # --- hooks used by the other modules -------------------------------------------------
    def terrain_extra(self, x, y):
        out = np.zeros_like(x, dtype=float)
        for cx, cy, angle, sigma, amp, length in self.ridges:
            u = (x - cx) * np.cos(angle) + (y - cy) * np.sin(angle)
            v = -(x - cx) * np.sin(angle) + (y - cy) * np.cos(angle)
            out += amp * np.exp(-0.5 * (v / sigma) ** 2) * np.exp(-0.5 * (u / length) ** 2)
        return out

    def sterile_geometry(self) -> ogr.Geometry:
        disks = []
        for x, y, r in self.sites:
            point = ogr.Geometry(ogr.wkbPoint)
            point.AddPoint_2D(x, y)
            disks.append(point.Buffer(r, 16))
        return union_all(disks)

    def near_site(self, x: float, y: float, r: float) -> bool:
        return any(np.hypot(x - sx, y - sy) < r + sr for sx, sy, sr in self.sites)

    def town_seats(self, county: str):
        return list(self.units[county].town_xy[1:])

    def roads(self):
        yield from self._base_roads
        yield from self.extra_roads

    def piece(self, layer: str, geom, values: list, clip=None) -> None:
        """Plant a feature; polygons are clipped to ``clip`` (the site's disk) so that they
        never reach another site."""
        if clip is not None and geom.GetDimension() == 2:
            geom = geom.Intersection(clip)
        self.pieces.setdefault(layer, []).append((geom, values))

    def _footprints(self) -> list:
        out = []
        for footprint, zones, default in self.zones:
            fp = QgsGeometry()
            fp.fromWkb(bytes(footprint.ExportToWkb()))
            engine = QgsGeometry.createGeometryEngine(fp.constGet())
            engine.prepareGeometry()
            out.append((fp, fp.boundingBox(), engine, zones, default))
        return out

    def cut_to_projects(self, cells) -> None:
        """Cut parcels along project outlines, as real project parcels follow 三调 parcels:
        only the parts inside a project get the classes its case needs (pieces still tile)."""
        boxes = _boxes(cells.geoms)
        extra = []
        for fp, bb, engine, _, _ in self._footprints():
            for i in _meeting(boxes, bb):
                g = cells.geoms[i]
                if cells.river[i] >= 0 or not engine.intersects(g.constGet()) \
                        or engine.contains(g.constGet()):
                    continue
                inside, outside = polygonal(g.intersection(fp)), polygonal(g.difference(fp))
                if inside.area() < 0.01 or outside.area() < 0.01:
                    continue
                cells.geoms[i] = inside
                boxes[i] = _box(inside)
                label = inside.pointOnSurface().asPoint()
                cells.x[i], cells.y[i] = label.x(), label.y()
                extra.append(outside)
            if extra:
                labels = [p.pointOnSurface().asPoint() for p in extra]
                cells.geoms.extend(extra)
                boxes = np.vstack([boxes, _boxes(extra)])
                cells.x = np.concatenate([cells.x, [p.x() for p in labels]])
                cells.y = np.concatenate([cells.y, [p.y() for p in labels]])
                cells.river = np.concatenate([cells.river, np.full(len(extra), -1)])
                extra = []

    def fixed_classes(self, cells) -> np.ndarray:
        """Classes the sites impose on parcels ("" = free), set before the class quotas."""
        fixed = np.full(len(cells.geoms), "", dtype=object)
        boxes = _boxes(cells.geoms)
        for _fp, bb, engine, zones, default in self._footprints():
            for i in _meeting(boxes, bb):
                if cells.river[i] >= 0:
                    continue
                label = QgsGeometry.fromWkt(f"POINT({cells.x[i]} {cells.y[i]})")
                if not engine.contains(label.constGet()):
                    continue
                point = ogr.Geometry(ogr.wkbPoint)
                point.AddPoint_2D(float(cells.x[i]), float(cells.y[i]))
                fixed[i] = next((c for z, c in zones if z.Contains(point)), default)
        return fixed

    def dry_out(self, cells, dlbm: np.ndarray, fixed: np.ndarray) -> None:
        """No water parcel near the site of the ``water_source`` case (other sites' planted
        ponds stay: they are more than 500 m from it)."""
        for x, y, r in self.dry:
            near = np.hypot(cells.x - x, cells.y - y) < r
            wet = np.isin(dlbm, ["1101", "1103", "1104", "1104K", "1107", "1106"])
            dlbm[near & wet & (cells.river < 0) & (fixed == "")] = "0301"

    def measure_under(self, county: str, cells, rows: list[list]) -> None:
        """Per project: gross and net (of 田坎) area by DLTB class, from exact intersections
        (every county's parcels are visited: a project may straddle a county line)."""
        from .dltb import NAMES
        from .geo import geodesic_area
        i_dlbm, i_kcxs, i_bsm = NAMES.index("DLBM"), NAMES.index("KCXS"), NAMES.index("BSM")
        i_grade = NAMES.index("GDPDJB")
        for project in self.projects:
            geom = project.geometry()
            x0, x1, y0, y1 = geom.GetEnvelope()
            near = np.flatnonzero((cells.x > x0 - 3000) & (cells.x < x1 + 3000)
                                  & (cells.y > y0 - 3000) & (cells.y < y1 + 3000))
            if not len(near):
                continue
            qg = QgsGeometry()
            qg.fromWkb(bytes(geom.ExportToWkb()))
            bb = qg.boundingBox()
            table = self.under.setdefault(project.xmbh, {})
            for i in near:
                g = cells.geoms[i]
                if not g.boundingBox().intersects(bb) or not g.intersects(qg):
                    continue
                part = ogr.CreateGeometryFromWkb(bytes(g.intersection(qg).asWkb()))
                gross = geodesic_area(part)
                if gross <= 0:
                    continue
                code = rows[i][i_dlbm]
                entry = table.setdefault(code, [0.0, 0.0])
                entry[0] += gross
                entry[1] += gross * (1 - rows[i][i_kcxs])
                self.protected_bsm.add(rows[i][i_bsm])
                if rows[i][i_grade]:
                    self.grades[project.xmbh] = max(self.grades.get(project.xmbh, 0),
                                                    int(rows[i][i_grade]))


def _box(g: QgsGeometry) -> tuple[float, float, float, float]:
    bb = g.boundingBox()
    return bb.xMinimum(), bb.yMinimum(), bb.xMaximum(), bb.yMaximum()


def _boxes(geoms) -> np.ndarray:
    return np.array([_box(g) for g in geoms], dtype=float).reshape(-1, 4)


def _meeting(boxes: np.ndarray, bb) -> np.ndarray:
    """Indices (ascending) of the boxes meeting the rectangle ``bb`` (edges included, as
    QgsRectangle.intersects)."""
    return np.flatnonzero((boxes[:, 0] <= bb.xMaximum()) & (boxes[:, 2] >= bb.xMinimum())
                          & (boxes[:, 1] <= bb.yMaximum()) & (boxes[:, 3] >= bb.yMinimum()))
