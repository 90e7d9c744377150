"""changematrix inside PostGIS gives the desktop's table (same rows, areas within 1e-9)."""

from __future__ import annotations

import pytest

from sg_nr_plugin.core.indb.changematrix import indb_change_matrix
from sg_nr_plugin.core.regions import RegionLevel
from sg_nr_plugin.core.stats.changematrix import ClassLevel, change_matrix
from sg_nr_plugin.core.stats.common import RegionSpec
from tests.indb.helpers import VILLAGE_A2, PrivateSchema, r
from tests.indb.test_indb_overlaystats import Messages
from tests.stats.helpers import DLTB_FIELDS, VILLAGE_A, VILLAGE_B, X0, Y0, memory_layer

HOLED = (f"POLYGON(({X0 + 1000} {Y0},{X0 + 2200} {Y0},{X0 + 2200} {Y0 + 800},"
         f"{X0 + 1000} {Y0 + 800},{X0 + 1000} {Y0}),({X0 + 1200} {Y0 + 100},"
         f"{X0 + 1200} {Y0 + 300},{X0 + 1400} {Y0 + 300},{X0 + 1400} {Y0 + 100},"
         f"{X0 + 1200} {Y0 + 100}))")


def row(zldwdm, dlbm):
    return [zldwdm, dlbm, "", 1.0, 0.0, 0.0, 1.0]


def vintages():
    """Base: four parcels, one 1.2 km wide with a hole. Current: split and merged parcels,
    one not in the base, one the same as its base parcel (whole), one partly over the hole,
    an unrecognised code and a parcel without ZLDWDM."""
    base = memory_layer("DLTB_2020", DLTB_FIELDS, [
        (r(0, 100), row(VILLAGE_A, "0101")), (r(100, 200), row(VILLAGE_A, "0301")),
        (HOLED, row(VILLAGE_A2, "0301")), (r(300, 400), row(VILLAGE_B, "0201")),
        (r(500, 700), row(VILLAGE_B, "0101"))])
    current = memory_layer("DLTB", DLTB_FIELDS, [
        (r(0, 50), row(VILLAGE_A, "0101")), (r(50, 150), row(VILLAGE_A, "0701")),
        (r(150, 200), row(VILLAGE_A, "0301")), (r(200, 220), row(VILLAGE_A, "0301K")),
        (r(1100, 2000, 50, 700), row(VILLAGE_A2, "0702")),
        (r(300, 400), row(VILLAGE_B, "0201")), (r(500, 510), row(VILLAGE_B, "9999")),
        (r(600, 620), row(None, "1001"))])
    return base, current


@pytest.fixture
def layers(postgis, tmp_path, qgis_app):
    schema = PrivateSchema(postgis, tmp_path)
    base, current = vintages()
    schema.load(base, "dltb2020")
    schema.load(current, "dltb")
    yield schema.layer("dltb2020", name="DLTB_2020"), schema.layer("dltb", name="DLTB")
    schema.drop()


@pytest.mark.parametrize("level,classes", [
    (RegionLevel.COUNTY, ClassLevel.SECOND), (RegionLevel.VILLAGE, ClassLevel.FIRST),
    (RegionLevel.WHOLE, ClassLevel.CATEGORY)])
def test_in_database_equals_desktop(layers, level, classes):
    base, current = layers
    spec = RegionSpec(level=level)
    feedback = Messages()
    indb = indb_change_matrix(base, current, spec, classes, "DLTB_2020", "DLTB", feedback,
                              allow_unrecognised=True)
    desktop = change_matrix(base, current, spec, classes, None, "DLTB_2020", "DLTB",
                            allow_unrecognised=True)
    assert indb is not None, feedback.infos
    assert indb.attrs["in_database"] and not desktop.attrs.get("in_database")
    keys = ["region_code", "region_name", "from_class", "from_name", "to_class", "to_name"]
    assert indb[keys].values.tolist() == desktop[keys].values.tolist()
    for got, want in zip(indb.area_m2, desktop.area_m2):
        assert got == pytest.approx(want, rel=1e-9)
    assert indb.attrs["meta"].notes[:-1] == desktop.attrs["meta"].notes
    assert "NONE" in set(indb.from_class)


def test_unrecognised_codes_refused_alike(layers):
    from sg_nr_plugin.core.errors import SgNrError

    base, current = layers
    current.setSubsetString("\"DLBM\" IN ('9999', '0101')")
    messages = []
    for run in (indb_change_matrix, None):
        with pytest.raises(SgNrError) as info:
            if run is None:
                change_matrix(base, current, RegionSpec(level=RegionLevel.COUNTY),
                              ClassLevel.SECOND, None, "DLTB_2020", "DLTB")
            else:
                run(base, current, RegionSpec(level=RegionLevel.COUNTY), ClassLevel.SECOND,
                    "DLTB_2020", "DLTB")
        messages.append(str(info.value))
    assert messages[0] == messages[1] and "9999" in messages[0]


def test_algorithm_in_database_and_on_the_desktop_write_the_same_table(
        layers, qgis_processing, provider_registered, tmp_path):
    import processing

    from tests.stats.test_algorithms import table

    base, current = layers
    tables, logs = [], []
    for in_database in (True, False):
        feedback = Messages()
        result = processing.run("sgnr:changematrix", {
            "BASE": base, "CURRENT": current, "CLASS_LEVEL": 0, "REGION_LEVEL": 1, "UNIT": 0,
            "ALLOW_UNRECOGNISED": True, "IN_DATABASE": in_database,
            "OUTPUT": str(tmp_path / f"cm_{in_database}.gpkg")}, feedback=feedback)
        tables.append(table(result["OUTPUT"]))
        logs.append(feedback.infos)
    keys = ("region_code", "from_class", "to_class")
    indb, desktop = ([tuple(row[k] for k in keys) for row in t] for t in tables)
    assert indb == desktop
    for got, want in zip(*tables):
        assert got["area"] == pytest.approx(want["area"], rel=1e-9)
    assert any("computed inside the PostGIS database" in line for line in logs[0])
    assert not any("computed inside the PostGIS database" in line for line in logs[1])
