"""Regions of a report: county / township / village from ZLDWDM prefixes, and their names.

ZLDWDM (坐落单位代码) is 19 characters: 6 county + 3 township + 3 village + padding, so a
parcel's region at each level is a prefix of it. Layers without ZLDWDM get their regions from a
region layer with :class:`RegionIndex`, which splits a parcel straddling regions by area.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum

from qgis.core import (
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeatureRequest,
    QgsGeometry,
    QgsSpatialIndex,
)

from ..i18n import tr
from .area import EllipsoidalArea
from .errors import MissingFieldsError
from .reading import read_features

CITY_CODE = "440200"
CITY_NAME_ZH = "韶关市"

#: The ten county-level divisions of Shaoguan (民政部 codes).
SHAOGUAN_COUNTIES: dict[str, str] = {
    "440203": "武江区",
    "440204": "浈江区",
    "440205": "曲江区",
    "440222": "始兴县",
    "440224": "仁化县",
    "440229": "翁源县",
    "440232": "乳源瑶族自治县",
    "440233": "新丰县",
    "440281": "乐昌市",
    "440282": "南雄市",
}

#: Region code of the whole-area row (level WHOLE) and of parcels whose ZLDWDM is empty.
WHOLE_CODE = ""
UNKNOWN_CODE = "UNKNOWN"


class RegionLevel(IntEnum):
    """Same order as the ``REGION_LEVEL`` enum parameter."""

    WHOLE = 0
    COUNTY = 1
    TOWNSHIP = 2
    VILLAGE = 3


#: How many leading ZLDWDM characters identify a region of each level.
PREFIX_LENGTH = {
    RegionLevel.WHOLE: 0,
    RegionLevel.COUNTY: 6,
    RegionLevel.TOWNSHIP: 9,
    RegionLevel.VILLAGE: 12,
}


def region_code(zldwdm, level: RegionLevel | int) -> str:
    """The region of a parcel at ``level``: ``ZLDWDM[:6]`` (county), ``[:9]``, ``[:12]``.

    ``WHOLE`` gives :data:`WHOLE_CODE` for every parcel. A null/empty ZLDWDM gives
    :data:`UNKNOWN_CODE` so those parcels are reported, never dropped. A code shorter than the
    prefix (a supplier that trimmed the padding of a county-level code) is returned whole.
    """
    level = RegionLevel(level)
    if level == RegionLevel.WHOLE:
        return WHOLE_CODE
    text = _clean(zldwdm)
    if not text:
        return UNKNOWN_CODE
    return text[:PREFIX_LENGTH[level]]


def region_level_of(code: str) -> RegionLevel | None:
    """The level a region code belongs to, from its length (None when it fits none)."""
    for level, length in PREFIX_LENGTH.items():
        if len(code) == length:
            return level
    return None


def region_name(code: str, names: Mapping[str, str] | None = None) -> str:
    """Display name of a region code: ``names`` first (e.g. from a region layer), then the
    built-in Shaoguan names; an unnamed code is shown as the code itself."""
    if names and code in names and names[code]:
        return str(names[code])
    if code == WHOLE_CODE:
        return tr("Total")
    if code == UNKNOWN_CODE:
        return tr("No location code (ZLDWDM empty)")
    if code == CITY_CODE:
        return CITY_NAME_ZH
    return SHAOGUAN_COUNTIES.get(code, code)


def names_from_layer(source, code_field: str, name_field: str) -> dict[str, str]:
    """``{code: name}`` from a region layer's attributes (e.g. XZQ: XZQDM/XZQMC, or ZLDWDM/
    ZLDWMC of DLTB itself). The first non-empty name of a code wins."""
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes([code_field, name_field], source.fields())
    names: dict[str, str] = {}
    for feature in read_features(source, request):
        code = _clean(feature[code_field])
        name = _clean(feature[name_field])
        if code and name and code not in names:
            names[code] = name
    return names


def _clean(value) -> str:
    """Text of an attribute value; NULL/None/whitespace become ""."""
    if value is None:
        return ""
    try:  # QVariant NULL from PyQGIS
        if hasattr(value, "isNull") and value.isNull():
            return ""
    except TypeError:
        pass
    return str(value).strip()


class RegionIndex:
    """Regions of a polygon layer (e.g. village boundaries, XZQ), for parcels without ZLDWDM.

    ``assign(geom)`` returns ``[(code, area_m2), …]``: a parcel straddling two regions is split
    by area, never given wholesale to one; the part outside every region is returned under
    :data:`UNKNOWN_CODE`. Areas are ellipsoidal (``EllipsoidalArea`` in ``dest_crs``).
    """

    #: A remainder below this (m²) or below 1e-9 of the parcel is rounding, not "outside".
    REMAINDER_M2 = 0.01

    def __init__(self, source, code_field: str, dest_crs,
                 transform_context: QgsCoordinateTransformContext | None = None,
                 name_field: str | None = None, layer_name: str | None = None) -> None:
        context = transform_context or QgsCoordinateTransformContext()
        missing = [f for f in (code_field, name_field) if f and source.fields().indexOf(f) < 0]
        if missing:
            raise MissingFieldsError(layer_name or _source_name(source), missing)
        source_crs = source.sourceCrs() if hasattr(source, "sourceCrs") else source.crs()
        transform = None if source_crs == dest_crs else QgsCoordinateTransform(
            source_crs, dest_crs, context)
        self.names: dict[str, str] = {}
        self._codes: list[str] = []
        self._geoms: list[QgsGeometry] = []
        self._engines: list = []
        self._index = QgsSpatialIndex()
        self._area = EllipsoidalArea(dest_crs, context)
        for feature in read_features(source, None, layer_name or _source_name(source)):
            geom = QgsGeometry(feature.geometry())
            code = _clean(feature[code_field])
            if geom.isNull() or geom.isEmpty() or not code:
                continue
            if transform is not None:
                geom.transform(transform)
            self._add(code, geom)
            if name_field and code not in self.names and _clean(feature[name_field]):
                self.names[code] = _clean(feature[name_field])

    def _add(self, code: str, geom: QgsGeometry) -> None:
        engine = QgsGeometry.createGeometryEngine(geom.constGet())
        engine.prepareGeometry()  # many parcels are tested against each region
        self._index.addFeature(len(self._codes), geom.boundingBox())
        self._codes.append(code)
        self._geoms.append(geom)
        self._engines.append(engine)

    def assign(self, geom: QgsGeometry | None) -> list[tuple[str, float]]:
        """``[(region code, area m²)]`` of the parts of ``geom`` in each region, largest first."""
        return self.assign_many([geom])[0]

    def assign_many(self, geoms: list) -> list[list[tuple[str, float]]]:
        """:meth:`assign` for a batch: parcels and straddling pieces are measured in bulk."""
        totals = self._area.measure_many(geoms)
        shares: list[dict[str, float]] = [{} for _ in geoms]
        pieces: list[tuple[int, str, QgsGeometry]] = []
        for index, geom in enumerate(geoms):
            if totals[index] > 0.0:
                self._split(index, geom, float(totals[index]), shares, pieces)
        if pieces:
            areas = self._area.measure_many([piece for _, _, piece in pieces])
            for (index, code, _), area in zip(pieces, areas.tolist()):
                if area > 0.0:
                    shares[index][code] = shares[index].get(code, 0.0) + area
        result = []
        for index, share in enumerate(shares):
            total = float(totals[index])
            remainder = total - sum(share.values())
            if remainder > max(self.REMAINDER_M2, 1e-9 * total):
                share[UNKNOWN_CODE] = remainder
            result.append(sorted(share.items(), key=lambda item: -item[1]))
        return result

    def _split(self, index: int, geom: QgsGeometry, total: float, shares: list,
               pieces: list) -> None:
        """A parcel inside one region gets its whole area; a straddling one is cut (its pieces
        are measured later, in bulk)."""
        for candidate in self._index.intersects(geom.boundingBox()):
            engine = self._engines[candidate]
            if not engine.intersects(geom.constGet()):
                continue
            code = self._codes[candidate]
            if engine.contains(geom.constGet()):
                shares[index][code] = shares[index].get(code, 0.0) + total
            else:
                pieces.append((index, code, geom.intersection(self._geoms[candidate])))

    def code_of(self, geom: QgsGeometry | None) -> str:
        """The region holding the largest part of ``geom`` (UNKNOWN_CODE when none)."""
        shares = self.assign(geom)
        return shares[0][0] if shares else UNKNOWN_CODE


def _source_name(source) -> str:
    for attribute in ("name", "sourceName"):
        if hasattr(source, attribute) and getattr(source, attribute)():
            return str(getattr(source, attribute)())
    return ""
