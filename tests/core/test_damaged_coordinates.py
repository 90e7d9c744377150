"""Impossible coordinates (NaN, infinite, 1e15) in statistics inputs and overlays: the run is
refused naming the layer, the count and the features — never a total silently lacking a parcel
(before: NaN parcels vanished under the generic "repaired" note, 1e15 raised OverflowError)."""

from __future__ import annotations

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsLineString,
    QgsPoint,
    QgsPolygon,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from sg_nr_plugin.core.coordinates import DamagedFeaturesError
from sg_nr_plugin.core.overlay import OverlayLayer

X0, Y0 = 500_000.0, 2_750_000.0
ZLDWDM = "4402030010010000000"


def nan_square(x: float) -> QgsGeometry:
    ring = QgsLineString([QgsPoint(x, Y0), QgsPoint(x + 100, Y0),
                          QgsPoint(float("nan"), Y0 + 100), QgsPoint(x, Y0 + 100),
                          QgsPoint(x, Y0)])
    polygon = QgsPolygon()
    polygon.setExteriorRing(ring)
    return QgsGeometry(polygon)


def square(x: float, size: float = 100.0) -> QgsGeometry:
    return QgsGeometry.fromWkt(f"POLYGON(({x} {Y0},{x + size} {Y0},{x + size} {Y0 + size},"
                               f"{x} {Y0 + size},{x} {Y0}))")


def spike(x: float) -> QgsGeometry:
    """A valid triangle reaching 1e15 m east: GEOS calls it valid."""
    return QgsGeometry.fromWkt(f"POLYGON(({x} {Y0},1e15 {Y0 + 50},{x} {Y0 + 100},{x} {Y0}))")


def dltb(geometries: list[QgsGeometry], name: str = "DLTB") -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:4547&field=BSM:string&field=ZLDWDM:string(19)"
                           "&field=DLBM:string&field=TBMJ:double&field=KCXS:double"
                           "&field=TBDLMJ:double", name, "memory")
    features = []
    for index, geometry in enumerate(geometries):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([f"B{index}", ZLDWDM, "0301", 10000.0, 0.0, 10000.0])
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


@pytest.mark.parametrize("algorithm", ["sgnr:overlaystats", "sgnr:changematrix"])
def test_statistics_refuse_parcels_with_impossible_coordinates(
        qgis_processing, provider_registered, tmp_path, algorithm):
    import processing

    parcels = dltb([square(X0), nan_square(X0 + 200), spike(X0 + 400), square(X0 + 600)])
    cover = dltb([square(X0 - 10, 1000.0)], "cover")
    workbook = tmp_path / "out.xlsx"
    parameters = {"INPUT": parcels, "OVERLAY": cover} if algorithm.endswith("overlaystats") \
        else {"CURRENT": parcels, "BASE": parcels}
    parameters.update({"REGION_LEVEL": 0, "UNIT": 0, "OUTPUT": str(tmp_path / "out.gpkg"),
                       "OUTPUT_XLSX": str(workbook)})
    with pytest.raises(QgsProcessingException) as raised:
        processing.run(algorithm, parameters, feedback=QgsProcessingFeedback())
    log = str(raised.value)
    assert "2 feature(s) of “DLTB” have coordinates that cannot be real" in log, log
    assert "Feature(s): #2" in log and "#3" in log and "Traceback" not in log
    assert not workbook.exists() and not (tmp_path / "out.gpkg").exists()


def test_an_overlay_with_impossible_coordinates_is_refused(qgis_app):
    for damaged in (nan_square(X0), spike(X0)):
        source = dltb([square(X0 + 200), damaged], "红线")
        with pytest.raises(DamagedFeaturesError, match="“红线”.*#2"):
            OverlayLayer(source, QgsCoordinateReferenceSystem("EPSG:4547"),
                         QgsCoordinateTransformContext())


def test_an_overlay_whose_transform_overflows_is_refused(qgis_app):
    """1e15 m in EPSG:4547 becomes inf in EPSG:4490 (the transform does not raise)."""
    source = dltb([square(X0), spike(X0 + 200)], "红线")
    with pytest.raises(DamagedFeaturesError, match="not a number|outside"):
        OverlayLayer(source, QgsCoordinateReferenceSystem("EPSG:4490"),
                     QgsCoordinateTransformContext())
