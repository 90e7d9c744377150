"""Importing hand-written coordinate files: encodings, rings, CRS, attributes, areas."""

from __future__ import annotations

import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsGeometry

from sg_nr_plugin.core.coordtxt.model import Severity
from sg_nr_plugin.core.coordtxt.parser import decode
from sg_nr_plugin.core.coordtxt.reader import import_paths
from tests.coordtxt.helpers import DATA, geod_measure, geod_measure_factory, geod_ring_area


def _import(*names, **kwargs):
    kwargs.setdefault("measure_factory", geod_measure_factory)
    return import_paths([DATA / n for n in names], **kwargs)


def _errors(result):
    return [i for i in result.issues if i.severity != Severity.INFO]


def test_single_square_zone_prefixed(qgis_app):
    result = _import("single_square.txt")
    assert _errors(result) == []
    (item,) = result.parcels
    assert item.crs.authid() == "EPSG:4526"  # 4488 + 38, Y carries the prefix
    parcel = item.parcel
    assert (parcel.point_count, parcel.area_ha, parcel.number, parcel.name, parcel.kind) == \
        (5, 1.0, "1", "方形地块", "面")
    assert (parcel.use, parcel.land_class, parcel.sheet) == ("耕地", "0103", "")
    expected = QgsGeometry.fromWkt("POLYGON((38512000 2745000, 38512000 2745100, "
                                   "38512100 2745100, 38512100 2745000, 38512000 2745000))")
    assert item.geometry.equals(expected)
    # Independent reference: the square's corners inverse-projected, geodesic area on CGCS2000.
    reference = geod_ring_area("EPSG:4526", [38512000, 38512000, 38512100, 38512100],
                               [2745000, 2745100, 2745100, 2745000])
    assert item.measured_ha == pytest.approx(reference / 10_000, abs=1e-8)
    assert reference == pytest.approx(10_000, rel=1e-3)  # the square is ~1 ha


def test_several_parcels_gbk_crlf(qgis_app):
    result = _import("several_gbk.txt")
    assert result.files[0].encoding == "GBK"
    assert "Encoding detected: GBK" in [i.message for i in result.issues]
    assert _errors(result) == []
    assert [p.parcel.number for p in result.parcels] == ["P1", "P2", "P3"]
    assert [p.parcel.name for p in result.parcels] == ["东坑垦造水田一号", "东坑垦造水田二号",
                                                       "东坑旱地"]
    assert [round(p.geometry.area(), 6) for p in result.parcels] == [2000, 1250, 3000]
    assert result.files[0].header["数据产生单位"] == "仁化县自然资源局"


def test_hole_utf8_bom(qgis_app):
    result = _import("hole_bom.txt")
    assert result.files[0].encoding == "UTF-8 (BOM)"
    assert _errors(result) == []
    (item,) = result.parcels
    polygon = item.geometry.asPolygon()
    assert len(polygon) == 2  # ring 2 lies inside ring 1: a hole
    assert item.geometry.area() == pytest.approx(200 * 200 - 50 * 50)
    outer = geod_ring_area("EPSG:4526", [38480000, 38480000, 38480200, 38480200],
                           [2776000, 2776200, 2776200, 2776000])
    hole = geod_ring_area("EPSG:4526", [38480050, 38480100, 38480100, 38480050],
                          [2776050, 2776050, 2776100, 2776100])
    assert item.measured_ha * 10_000 == pytest.approx(outer - hole, abs=1e-4)


def test_multipart_cm_form(qgis_app):
    result = _import("multipart_cm.txt")
    assert result.files[0].encoding == "UTF-8"
    assert _errors(result) == []
    (item,) = result.parcels
    assert item.crs.authid() == "EPSG:4547"  # 4509 + 38: bare eastings, 带号=38
    assert item.geometry.isMultipart()
    assert len(item.geometry.asMultiPolygon()) == 2  # ring 2 lies outside ring 1: a part
    assert item.geometry.area() == pytest.approx(4000 + 2500)


def test_folder_import_reads_every_txt(qgis_app, tmp_path):
    result = import_paths([DATA], measure_factory=None)
    assert sorted(f.name for f in result.files) == sorted(p.name for p in DATA.glob("*.txt"))
    assert len(result.parcels) == 6


def test_crs_override_is_used(qgis_app):
    override = QgsCoordinateReferenceSystem("EPSG:4547")
    result = _import("multipart_cm.txt", override=override)
    assert result.parcels[0].crs.authid() == "EPSG:4547"


@pytest.mark.parametrize(("data", "label"), [
    ("带号=38".encode("gbk"), "GBK"),
    ("带号=38".encode(), "UTF-8"),
    (b"\xef\xbb\xbf" + "带号=38".encode(), "UTF-8 (BOM)"),
    (b"J1,1,2.0,3.0", "ASCII"),
    (b"\x80\xff", "unknown"),
])
def test_decode_names_the_encoding(data, label):
    assert decode(data)[1] == label


def test_imported_area_matches_core_engine(qgis_app):
    from sg_nr_plugin.core import area

    result = import_paths([DATA / "single_square.txt", DATA / "hole_bom.txt"])
    crs = QgsCoordinateReferenceSystem("EPSG:4526")
    square = QgsGeometry.fromWkt("POLYGON((38512000 2745000, 38512000 2745100, "
                                 "38512100 2745100, 38512100 2745000, 38512000 2745000))")
    engine = area.EllipsoidalArea(crs).measure(square)
    assert result.parcels[0].measured_ha == pytest.approx(engine / 10_000, abs=1e-10)
    reference = geod_ring_area("EPSG:4526", [38512000, 38512000, 38512100, 38512100],
                               [2745000, 2745100, 2745100, 2745000])
    assert engine == pytest.approx(reference, abs=0.01)
    hole_reference = geod_measure(crs)(result.parcels[1].geometry)
    assert result.parcels[1].measured_ha * 10_000 == pytest.approx(hole_reference, abs=0.01)
