"""Rings of a parcel → a QGIS polygon, and a QGIS polygon → rings in the file's orientation.

The file lists X (northing) before Y (easting); QGIS points are (easting, northing). Ring
numbers do not say which ring is a hole, so containment decides: rings are taken from the
largest to the smallest, and each one lies either inside an existing outer ring (a hole) or
starts a new part (multi-part parcel).
"""

from __future__ import annotations

from qgis.core import QgsGeometry, QgsPointXY

from .model import Point

Ring = list[QgsPointXY]


def ring_points(points: list[Point]) -> Ring:
    """QGIS points of one ring, closed (the closing point repeated) if the file left it open."""
    ring = [QgsPointXY(p.y, p.x) for p in points]
    if ring and ring[0] != ring[-1]:
        ring.append(QgsPointXY(ring[0]))
    return ring


def signed_area(ring: Ring) -> float:
    """Shoelace area in the (easting, northing) plane: negative when clockwise on the map."""
    total = 0.0
    for a, b in zip(ring, ring[1:]):
        total += a.x() * b.y() - b.x() * a.y()
    return total / 2.0


def assemble(rings: list[Ring]) -> QgsGeometry:
    """A polygon or multipolygon from closed rings, holes decided by containment."""
    order = sorted(range(len(rings)), key=lambda i: -abs(_local_area(rings[i])))
    parts: list[list[Ring]] = []
    shells: list[QgsGeometry] = []
    holes: list[list[QgsGeometry]] = []
    for index in order:
        ring = rings[index]
        shape = QgsGeometry.fromPolygonXY([ring])
        host = _host_part(shape, shells, holes)
        if host is None:
            parts.append([ring])
            shells.append(shape)
            holes.append([])
        else:
            parts[host].append(ring)
            holes[host].append(shape)
    if len(parts) == 1:
        return QgsGeometry.fromPolygonXY(parts[0])
    return QgsGeometry.fromMultiPolygonXY(parts)


def _host_part(shape: QgsGeometry, shells: list[QgsGeometry],
               holes: list[list[QgsGeometry]]) -> int | None:
    """Index of the part whose outer ring holds ``shape`` (not inside one of its holes)."""
    for index, shell in enumerate(shells):
        if shell.contains(shape) and not any(h.contains(shape) for h in holes[index]):
            return index
    return None


def _local_area(ring: Ring) -> float:
    """Signed shoelace area about the first vertex: exact for large zone-prefixed values."""
    if not ring:
        return 0.0
    x0, y0 = ring[0].x(), ring[0].y()
    xs = [p.x() - x0 for p in ring]
    ys = [p.y() - y0 for p in ring]
    return sum(xs[i] * ys[i + 1] - xs[i + 1] * ys[i] for i in range(len(ring) - 1)) / 2.0


def oriented_rings(geometry: QgsGeometry) -> list[list[Ring]]:
    """Parts of a polygon geometry, each ``[outer, *holes]``, closed, in the file's orientation.

    The file's orientation (see docs/coordinate-files.md): outer rings clockwise and holes
    counter-clockwise as seen on the map with north up and east to the right — which is also
    clockwise in the surveyors' X-north/Y-east frame.
    """
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return []
    parts = geometry.asMultiPolygon() if geometry.isMultipart() else [geometry.asPolygon()]
    result = []
    for part in parts:
        rings = []
        for position, ring in enumerate(part):
            ring = [QgsPointXY(p) for p in ring]
            clockwise = _local_area(ring) < 0
            if clockwise != (position == 0):
                ring.reverse()
            rings.append(ring)
        if rings and len(rings[0]) >= 4:
            result.append(rings)
    return result
