"""Areas of a chunk of projects measured in one numpy batch.

Why: the area engine (core.area) costs 0.3–0.5 ms of numpy overhead per call whatever the
batch size, and a project asked for ~3.4 calls of a few rings each (its outline and parcels,
its DLTB pieces, its control overlays, its findings): at county scale (1,000 projects over
112k parcels) that was a third of the check. Here the check engine builds the contexts of
:data:`CHUNK_PROJECTS` projects, gathers what their rules will measure — the outlines and
parcels, the DLTB pieces and the dissolved control layers the previous chunk's rules asked
for — and measures it in one call; the rules then find every one of those areas in
:class:`AreaMemo` (keyed by the geometry's WKB: the same geometry, the same area) and only
what they build themselves (differences, unions) is measured on the spot.

Nothing changes in what is computed: the same geometries, the same engine; an area comes
out of a bigger batch, which differs from measuring it alone by rounding only (< 1e-15).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from qgis.core import QgsGeometry

from ..coordinates import DamagedCoordinatesError
from ..overlay import polygon_parts

#: Projects whose areas are measured together. Small enough that the first results of a run
#: come at once and canceling answers within a chunk (~0.1 s), big enough that the per-call
#: overhead is spread thin.
CHUNK_PROJECTS = 64


class AreaMemo:
    """The run's area engine with a memory of the areas measured ahead for one chunk.

    Answers ``measure`` and ``measure_many`` like :class:`core.area.EllipsoidalArea` (every
    other attribute is the engine's); :meth:`measure_ahead` fills the memory in one batch,
    :meth:`forget` empties it (one chunk's geometries at a time are held)."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self._known: dict[bytes, float] = {}

    def __getattr__(self, name: str):
        return getattr(self.engine, name)

    def measure(self, geom: QgsGeometry | None) -> float:
        return float(self.measure_many([geom])[0])

    def measure_many(self, geoms: Iterable[QgsGeometry | None]) -> np.ndarray:
        wkbs = self.engine.wkbs_of(geoms)
        known = self._known
        if not known:
            return self.engine.measure_wkbs(wkbs)
        missing = [wkb for wkb in dict.fromkeys(wkbs) if wkb not in known]
        if missing:
            known.update(zip(missing, self.engine.measure_wkbs(missing).tolist()))
        return np.array([known[wkb] for wkb in wkbs], dtype=float)

    def measure_ahead(self, geoms: list[QgsGeometry]) -> None:
        """Measure ``geoms`` now, in one batch, for the rules to find later. A geometry the
        engine refuses (impossible coordinates) is left to be measured where the rules ask,
        so that the error names the project it belongs to, as before."""
        wkbs = list(dict.fromkeys(self.engine.wkbs_of(geoms)))
        try:
            areas = self.engine.measure_wkbs(wkbs)
        except DamagedCoordinatesError:
            return
        self._known.update(zip(wkbs, areas.tolist()))

    def forget(self) -> None:
        self._known.clear()


def measure_chunk(contexts: list, asked: set[str], sliver_width_m: float) -> None:
    """Measure ahead, in one batch, what the rules of ``contexts`` (ProjectContexts) will
    measure: outlines and parcels always, the DLTB pieces and the dissolved control layers
    when ``asked`` (the roles the rules asked for so far) names them. Control geometries are
    taken as :func:`make_finding` and the engine's finishing leave them (polygon parts, slivers
    dropped), so the findings' areas are found too."""
    from .context import drop_slivers

    if "DLTB" in asked:
        _read_dltb(contexts)
    geoms: list[QgsGeometry] = []
    for ctx in contexts:
        geoms.extend(ctx.measured_geometries())
        if "DLTB" in asked:
            geoms.extend(piece for _feature, piece in ctx.dltb_rows())
        for role in sorted(asked - {"DLTB"}):
            control = ctx.control(role)
            if control is None or control.isEmpty():
                continue
            kept = drop_slivers(polygon_parts(control), sliver_width_m)
            if kept is not None and not kept.isEmpty():
                geoms.append(kept)
    memo = contexts[0].run.areas if contexts else None
    if isinstance(memo, AreaMemo) and geoms:
        memo.measure_ahead(geoms)


def _read_dltb(contexts: list) -> None:
    """The DLTB candidates of every project of the chunk, screened for impossible
    coordinates in one numpy pass (per project it cost ~0.4 ms of numpy overhead)."""
    fetcher = contexts[0].dltb_fetcher() if contexts else None
    if fetcher is None:
        return
    chosen = [ctx for ctx in contexts if ctx.engine is not None]
    found = [fetcher.candidates(ctx.geometry) for ctx in chosen]
    fetcher.screen([row for rows in found for row in rows])
    for ctx, rows in zip(chosen, found):
        ctx.dltb_candidates = rows
