"""How a desktop run reads an overlay or a control layer: the one place that chooses.

- ``memory``: read the whole layer once and index it in memory (core/overlay.py
  :class:`OverlayLayer`; for the checks' attribute layers :class:`MemoryFetcher`). Right for
  small layers, and for layers without a spatial index, where every rectangle read would scan
  the whole file.
- ``windowed``: read only what lies under the work, tile by tile (overlays,
  core/windowed.py :class:`WindowedOverlay`) or per project (the checks' attribute layers,
  :class:`SourceFetcher`), through the provider's spatial index (``setFilterRect``).

Both give the same figures (tests/core/test_windowed.py). An in-database path (PostGIS) would
be a third strategy chosen here, beside these.
"""

from __future__ import annotations

from statistics import median

from qgis.core import QgsFeatureSource

MEMORY, WINDOWED = "memory", "windowed"

#: Statistics (overlaystats, planindicators): overlays up to this many features are read whole
#: (one pass costs ~30 µs a feature; a 50 000-feature overlay ~1.5 s, ~150 MB at most), bigger
#: ones by tiles with a bounded cache.
STATS_MEMORY_MAX_FEATURES = 50_000
#: Checks: attribute layers (hazards, mines, roads, rivers, filed projects) up to this many
#: features are read whole once, sparing a provider query per project (~0.5 ms each).
CHECK_MEMORY_MAX_FEATURES = 5_000
#: Checks: control layers (overlays) up to this many features are read whole. A check of one
#: project must not pay for a whole 368 000-polygon public-forest layer (~24 s), nor for a
#: 1 500-polygon red line cut into 30 000 vertices of pieces (~0.5 s): tiles cost little more
#: than a whole read when many projects cover the layer anyway.
CHECK_OVERLAY_MEMORY_MAX_FEATURES = 500
#: Checks: a control layer's tile holds at least this many features on average (fewer, bigger
#: reads where the layer is sparse), and is at least as wide as the typical project.
CHECK_TILE_MIN_FEATURES = 32


def has_spatial_index(source) -> bool:
    """Whether rectangle reads of ``source`` go through an index (unknown counts as no)."""
    try:
        return source.hasSpatialIndex() == QgsFeatureSource.SpatialIndexPresent
    except (AttributeError, TypeError):
        return False


def choose(source, max_memory_features: int) -> str:
    """``memory`` or ``windowed`` for ``source`` (see the module docstring)."""
    count = source.featureCount()
    if count < 0 or count <= max_memory_features or not has_spatial_index(source):
        return MEMORY
    return WINDOWED


def stats_overlay(source, dest_crs, transform_context, expression=None, feedback=None,
                  layer_name: str = "", counts=None, strategy: str | None = None):
    """The overlay of a statistic (``strategy`` forces one: tests, benchmarks)."""
    from .overlay import OverlayLayer
    from .windowed import WindowedOverlay

    strategy = strategy or choose(source, STATS_MEMORY_MAX_FEATURES)
    kind = WindowedOverlay if strategy == WINDOWED else OverlayLayer
    return kind(source, dest_crs, transform_context, expression, feedback, layer_name, counts)


def check_overlay(source, dest_crs, transform_context, project_sides: list[float],
                  feedback=None, layer_name: str = "", counts=None,
                  strategy: str | None = None):
    """A control layer of a check, read whole or by tiles about a project wide."""
    from .overlay import OverlayLayer
    from .windowed import WindowedOverlay, density_side, dest_extent

    strategy = strategy or choose(source, CHECK_OVERLAY_MEMORY_MAX_FEATURES)
    if strategy != WINDOWED:
        return OverlayLayer(source, dest_crs, transform_context, None, feedback, layer_name,
                            counts)
    sparse = density_side(dest_extent(source, dest_crs, transform_context),
                          source.featureCount(), CHECK_TILE_MIN_FEATURES) or 0.0
    side = max(median(project_sides) if project_sides else 0.0, sparse) or None
    return WindowedOverlay(source, dest_crs, transform_context, None, feedback, layer_name,
                           counts, tile_side=side)


def check_fetch(role: str, source, strategy: str | None = None) -> str:
    """How a check reads an attribute layer: DLTB always per project (the survey is the big
    layer and is never read whole), the others whole when small."""
    if strategy:
        return strategy
    if role == "DLTB":
        return WINDOWED
    return choose(source, CHECK_MEMORY_MAX_FEATURES)
