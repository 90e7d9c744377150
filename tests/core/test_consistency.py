"""Consistency checks on a hand-built DLTB layer whose expected failures are known by design."""

from __future__ import annotations

import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from sg_nr_plugin.core.consistency import (
    MEASURED_TOLERANCE_M2,
    NET_TOLERANCE_M2,
    check_consistency,
)

pyproj = pytest.importorskip("pyproj")


def square_area(x0, y0, side):
    """Karney area of the square densified along its GK edges (independent reference)."""
    import numpy as np
    t = np.arange(50) / 50
    xs = np.concatenate([x0 + side * t, np.full(50, x0 + side), x0 + side - side * t,
                         np.full(50, x0)])
    ys = np.concatenate([np.full(50, y0), y0 + side * t, np.full(50, y0 + side),
                         y0 + side - side * t])
    lon, lat = pyproj.Transformer.from_crs(4547, 4490, always_xy=True).transform(xs, ys)
    geod = pyproj.Geod(a=6378137, rf=298.257222101)
    return abs(geod.polygon_area_perimeter(lon, lat)[0])


def build_layer(rows, kc_names=("KCXS", "KCMJ")):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4547", "DLTB测试", "memory")
    fields = [QgsField("BSM", QVariant.String), QgsField("TBMJ", QVariant.Double),
              QgsField(kc_names[0], QVariant.Double), QgsField(kc_names[1], QVariant.Double),
              QgsField("TBDLMJ", QVariant.Double)]
    layer.dataProvider().addAttributes(fields)
    layer.updateFields()
    features = []
    for bsm, x0, side, tbmj, kcxs, kcmj, tbdlmj in rows:
        feature = QgsFeature(layer.fields())
        if side:
            feature.setGeometry(QgsGeometry.fromWkt(
                f"POLYGON(({x0} 2750000,{x0 + side} 2750000,{x0 + side} {2750000 + side},"
                f"{x0} {2750000 + side},{x0} 2750000))"))
        feature.setAttributes([bsm, tbmj, kcxs, kcmj, tbdlmj])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def rows():
    a = round(square_area(600000, 2750000, 100), 2)
    b = round(square_area(601000, 2750000, 200), 2)
    return [
        # BSM, x0, side, TBMJ, KCXS, KCMJ, TBDLMJ
        ("ok", 600000, 100, a, 0.1, round(a * 0.1, 2), round(a - round(a * 0.1, 2), 2)),
        ("net_bad", 600000, 100, a, 0.1, round(a * 0.1, 2), a - round(a * 0.1, 2) + 0.5),
        ("kc_bad", 600000, 100, a, 0.1, round(a * 0.1, 2) + 3.0, a - round(a * 0.1, 2) - 3.0),
        ("tbmj_bad", 601000, 200, b + 12.0, 0.0, 0.0, b + 12.0),
        ("tbmj_slightly", 601000, 200, b + 2.0, 0.0, 0.0, b + 2.0),
        ("no_geometry", 0, 0, 100.0, 0.0, 0.0, 100.0),
    ]


def test_counts_and_worst_features():
    report = check_consistency(build_layer(rows()))
    assert report.features == 6
    assert (report.net.checked, report.net.failed) == (6, 1)
    assert [d.label for d in report.net.worst] == ["net_bad"]
    assert report.net.worst[0].difference == pytest.approx(0.5, abs=NET_TOLERANCE_M2)
    assert (report.deduction.checked, report.deduction.failed) == (6, 1)
    assert report.deduction.worst[0].label == "kc_bad"
    assert report.measured.checked == 5 and report.empty_geometries == 1
    assert [d.label for d in report.measured.worst] == ["tbmj_bad", "tbmj_slightly"]
    assert report.measured.worst[0].difference == pytest.approx(12.0, abs=0.01)
    assert not report.ok
    text = "\n".join(report.summary())
    assert "DLTB测试" in text and "tbmj_bad" in text


def test_second_survey_names_and_skipped_geometry_check():
    report = check_consistency(build_layer(rows(), ("TKXS", "TKMJ")), measure=False)
    assert (report.deduction.checked, report.deduction.failed) == (6, 1)
    assert report.measured.checked == 0


def test_tolerance_is_a_named_constant():
    assert 0 < NET_TOLERANCE_M2 < 0.05 and MEASURED_TOLERANCE_M2 > 0


def test_keep_limits_the_worst_list():
    many = [(f"p{i}", 600000, 100, 500.0 + i, 0.0, 0.0, 400.0) for i in range(15)]
    report = check_consistency(build_layer(many), keep=4, measure=False)
    assert report.net.failed == 15
    assert [d.label for d in report.net.worst] == ["p14", "p13", "p12", "p11"]
