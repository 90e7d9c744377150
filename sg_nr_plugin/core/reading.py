"""Complete reads or none: every feature loop of core reads through :func:`read_features`.

A provider that meets a damaged file or a dropped connection does not raise: the iterator just
ends early, and a statistic over 329 of 752 parcels would look like a success. What each
provider does on QGIS 3.22 (GDAL 3.6), found by experiment (tests/reliability/test_reads.py):

- GeoPackage with damaged b-tree pages: the iterator stops at the first bad page (263 of 752
  parcels); ``provider.hasErrors()`` stays False, nothing reaches QgsMessageLog; GDAL reports
  ``CE_Failure`` "sqlite3_step() : database disk image is malformed" through its error
  handler. Same with a filter expression or a filter rectangle.
- Shapefile with a short ``.dbf``: the iterator stops ("fread(…) failed on DBF file."); with a
  short ``.shp`` it returns every record, the cut ones without geometry (752 of 752!), GDAL
  reports "Error in fread() … from .shp file". So counting alone is not enough: GDAL errors.
- PostGIS connection terminated mid-read: the iterator ends (2000 of 4512), the provider
  reconnects and logs "Fetching from cursor … failed" to QgsMessageLog (tag ``PostGIS``, level
  Warning); ``hasErrors()`` stays False. The message is emitted on the reading thread.
- FileGDB (OpenFileGDB) with a cut ``.gdbtable``: 426 of 752, no provider error, GDAL
  reports "Error occurred in …/filegdbtable.cpp at line …" through the same handler.
- A selection read by feature id (ONLY_SELECTED) from a damaged GeoPackage: 731 of 752 and no
  GDAL error at all; only the count tells.
- The iterator itself tells nothing in any of these cases (``isValid()`` True, ``isClosed()``
  True as after a complete read, ``compileFailed()`` False); QGIS 3.22 has no error state on
  iterators or requests.
- PostGIS with "estimated metadata": ``featureCount()`` is the planner's guess (4512 for 2256
  rows after a delete), so it is no expected count; errors still are.
- SQL push-down (core/stats/sql.py): SQLite raises ``SQLITE_CORRUPT`` on a damaged page; a
  PostgreSQL query whose backend is terminated is run again by QGIS after a reconnect ("retry
  after reset succeeded"), with whole results.

So a read (1) counts the features and compares with ``featureCount()`` when the request has no
filter that legitimately drops features (expression, rectangle, fids, limit) and the count is
exact, and (2) listens, only while the provider works, to GDAL's error handler (thread-local)
and to the PostGIS messages emitted on this thread. Either failing raises
:class:`IncompleteReadError` naming the layer and both counts.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsExpression,
    QgsExpressionContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsMessageLog,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QObject, Qt

from .errors import IncompleteReadError, RasterReadError

# QgsMessageLog tags whose warnings during a read mean the read failed (see above).
PROVIDER_TAGS = frozenset({"PostGIS"})

# Distinct provider errors quoted in a message.
MAX_CAUSES = 3

_local = threading.local()


@dataclass
class ReadCounts:
    """Features read per input (layer name) in one run, for the outputs: ``whole`` holds
    ``(expected, read)`` of an unfiltered read (equal, or the read failed); ``filtered`` sums
    the features returned by filtered reads (an expression, the rectangle under a project)."""

    whole: dict[str, tuple[int, int]] = field(default_factory=dict)
    filtered: dict[str, int] = field(default_factory=dict)

    def record(self, layer_name: str, expected: int | None, read: int) -> None:
        if expected is None:
            self.filtered[layer_name] = self.filtered.get(layer_name, 0) + read
        else:
            self.whole[layer_name] = (expected, read)

    def read(self, layer_name: str) -> int:
        """Features of the layer read: its whole read, else the sum of its filtered reads."""
        if layer_name in self.whole:
            return self.whole[layer_name][1]
        return self.filtered.get(layer_name, 0)


def expected_count(source, request: QgsFeatureRequest) -> int | None:
    """How many features ``request`` must return, or None when that is not known beforehand
    (a filter legitimately drops features; PostGIS with estimated metadata guesses its count:
    1000 for a table of 501 rows after a delete, measured)."""
    if (request.filterType() != QgsFeatureRequest.FilterNone or not request.filterRect().isNull()
            or request.limit() >= 0):
        return None
    if "estimatedmetadata=true" in _layer_source(source).lower():
        return None
    count = source.featureCount()
    return count if count >= 0 else None


def _layer_source(source) -> str:
    """The data source of the layer behind ``source``: a Processing feature source hides its
    layer, but its expression scope still points at it (``@layer``)."""
    if isinstance(source, QgsVectorLayer):
        return source.source()
    scope = source.createExpressionContextScope() if hasattr(
        source, "createExpressionContextScope") else None
    if scope is None or not scope.hasVariable("layer"):
        return ""
    context = QgsExpressionContext()
    context.appendScope(scope)
    value = QgsExpression("layer_property(@layer, 'source')").evaluate(context)
    return value if isinstance(value, str) else ""


class _LogListener(QObject):
    """One direct connection to QgsMessageLog, feeding the read running on the emitting
    thread (messages of other threads are not ours)."""

    def on_message(self, message: str, tag: str, level) -> None:
        sink = getattr(_local, "sink", None)
        if sink is None or tag not in PROVIDER_TAGS or message.startswith("NOTICE"):
            return
        if int(level) >= int(Qgis.Warning):
            sink.append(message.strip())


_listener: _LogListener | None = None


def _listen_to_log() -> None:
    global _listener
    if _listener is None:
        _listener = _LogListener()
        app = QgsApplication.instance()
        if app is not None:
            _listener.moveToThread(app.thread())
        QgsApplication.messageLog().messageReceived.connect(_listener.on_message,
                                                             Qt.DirectConnection)


def stop_listening() -> None:
    """Disconnect the message-log listener (plugin unload; before QGIS exits): a Python QObject
    still connected to QGIS's log when QGIS is torn down can crash the exit."""
    global _listener
    if _listener is None:
        return
    with contextlib.suppress(TypeError, RuntimeError):  # already gone with QGIS
        QgsApplication.messageLog().messageReceived.disconnect(_listener.on_message)
    _listener = None


def _on_gdal_error(error_class, _number, message) -> None:
    """GDAL's handler while a read is alive on this thread: failures during the provider's
    work go to the read's sink; anything else (the caller's own GDAL calls between two
    features) goes to the QGIS log, where GDAL's messages belong."""
    sink = getattr(_local, "sink", None)
    if sink is not None:
        if error_class >= 3:  # CE_Failure, CE_Fatal
            sink.append(str(message).strip())
    elif error_class >= 2:  # CE_Warning and worse: not ours, not lost either
        QgsMessageLog.logMessage(str(message).strip(), "GDAL", Qgis.Warning)


@contextlib.contextmanager
def _gdal_handler():
    """Install :func:`_on_gdal_error` on this thread's GDAL handler stack. Every read pushes
    the same function, so reads alive together (nested loops) may pop in any order."""
    from osgeo import gdal

    _listen_to_log()
    gdal.PushErrorHandler(_on_gdal_error)
    try:
        yield
    finally:
        gdal.PopErrorHandler()


@contextlib.contextmanager
def provider_errors(errors: list[str]):
    """While the block runs, GDAL failures and provider warnings of this thread go to
    ``errors`` (GDAL's handler stack is thread-local; so is the sink)."""
    outer_sink = getattr(_local, "sink", None)
    _local.sink = errors
    try:
        with _gdal_handler():
            yield errors
    finally:
        _local.sink = outer_sink


def read_block(provider, band: int, rect, cols: int, rows: int, layer_name: str):
    """``provider.block(…)``, checked: a block GDAL could not read (a truncated or damaged
    GeoTIFF gives an invalid block and "TIFFReadEncodedTile() failed") raises
    :class:`RasterReadError`: a DEM read in part must not let a slope rule pass."""
    errors: list[str] = []
    with provider_errors(errors):
        block = provider.block(band, rect, cols, rows)
    if errors or not block.isValid():
        raise RasterReadError(layer_name, rect.toString(0), _cause(errors))
    return block


def read_features(source, request: QgsFeatureRequest | None = None, layer_name: str = "",
                  counts: ReadCounts | None = None, flags=None) -> Iterator[QgsFeature]:
    """``source.getFeatures(request[, flags])``, checked: when the iteration is exhausted,
    raises :class:`IncompleteReadError` if the provider reported an error or returned fewer or
    more features than it holds. A caller that stops early (cancel) checks nothing."""
    request = request if request is not None else QgsFeatureRequest()
    name = layer_name or getattr(source, "sourceName", lambda: "")() or "?"
    expected = expected_count(source, request)
    errors: list[str] = []
    iterator = source.getFeatures(request) if flags is None else source.getFeatures(request, flags)
    next_feature = iterator.__next__
    read = 0
    with _gdal_handler():
        while True:
            # the sink is set only while the provider works, never while the caller does
            _local.sink = errors
            try:
                feature = next_feature()
            except StopIteration:
                break
            finally:
                _local.sink = None
            read += 1
            if errors:
                break  # the caller stops at the error: nothing read after it is used
            yield feature
    iterator.close()
    feedback = request.feedback() if hasattr(request, "feedback") else None
    if feedback is not None and feedback.isCanceled():
        return
    if counts is not None:
        counts.record(name, expected, read)
    if errors:
        raise IncompleteReadError(name, expected, read, _cause(errors))
    require_count(name, expected, read)


def require_count(layer_name: str, expected: int | None, read: int) -> None:
    """Raise :class:`IncompleteReadError` unless ``read`` is the ``expected`` count. No
    second opinion: a selection read by feature id from a damaged GeoPackage silently returns
    730 of 752 parcels, and ``allFeatureIds()`` then says 730 too (measured)."""
    if expected is not None and read != expected:
        raise IncompleteReadError(layer_name, expected, read)


def _cause(errors: list[str]) -> str:
    """The provider's first distinct errors (a cut .shp gives one per missing record)."""
    distinct = list(dict.fromkeys(errors))
    shown = "; ".join(distinct[:MAX_CAUSES])
    return shown + (f"; … (+{len(distinct) - MAX_CAUSES})" if len(distinct) > MAX_CAUSES else "")
