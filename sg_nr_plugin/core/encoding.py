"""Text encoding of shapefiles: GBK deliveries without a ``.cpg`` file.

A shapefile's ``.dbf`` does not say how its text is encoded; the ``.cpg`` file beside it does.
Chinese survey data are usually GBK. Without a ``.cpg`` QGIS decodes the text with the system
encoding (UTF-8 on Linux, the ANSI code page on Windows), and GBK bytes come out as U+FFFD
replacement characters: 水田 reads as ``ˮ��``. This module detects that; the Processing layer
decides what to do with the layer (processing/inputs.py).
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import QgsFeatureRequest, QgsProviderRegistry

# Features looked at: enough to meet Chinese text in a class-name field, cheap on 1M parcels.
SAMPLE_FEATURES = 200
REPLACEMENT = "\ufffd"
FALLBACK_ENCODING = "GBK"


def shapefile_without_cpg(layer) -> Path | None:
    """The ``.shp`` path of an OGR shapefile layer that has no ``.cpg``, else None."""
    if layer is None or layer.providerType() != "ogr":
        return None
    path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path") or ""
    if not path.lower().endswith(".shp"):
        return None
    shp = Path(path)
    has_cpg = any(shp.with_suffix(suffix).exists() for suffix in (".cpg", ".CPG"))
    return None if has_cpg else shp


def has_undecodable_text(layer, limit: int = SAMPLE_FEATURES) -> bool:
    """Whether text attributes of the first ``limit`` features hold replacement characters."""
    text_fields = [i for i, f in enumerate(layer.fields()) if f.type() == 10]  # QVariant.String
    if not text_fields:
        return False
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.NoGeometry)
    request.setSubsetOfAttributes(text_fields)
    request.setLimit(limit)
    for feature in layer.getFeatures(request):
        attributes = feature.attributes()
        if any(isinstance(attributes[i], str) and REPLACEMENT in attributes[i]
               for i in text_fields):
            return True
    return False
