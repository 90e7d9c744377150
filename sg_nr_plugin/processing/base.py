"""Shared base of every ``sgnr`` algorithm: ids, groups, bilingual help, instances, and the
guarantees every run gives (see :meth:`SgNrAlgorithm.processAlgorithm` and docs/bad-inputs.md).
"""

from __future__ import annotations

import traceback
from contextlib import contextmanager

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsRasterLayer,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QIcon

from ..core.errors import SgNrError
from ..core.reports.audit import audit_scope
from ..i18n import tr
from ..paths import icon_path
from .access import unloadable_reason
from .audit_run import fingerprints_alongside, start_trail, write_output_metadata
from .dialog_defaults import set_dialog_default
from .inputs import check_inputs
from .outputs import StagedOutputs
from .prepared import PreparedLayer, PreparedLayers, in_worker_thread
from .presentation import attach_presentation
from .safe_sink import SpreadsheetSafeSink, is_spreadsheet


class SgNrAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set the class attributes and implement the parameters and processing.

    ``ALGORITHM_ID`` is a public contract (users' models and batch files name it): never change
    it. ``display_name``, ``group_name`` and ``help_text`` return translated strings, written
    as ``tr("literal")`` in the subclass so that ``pylupdate5`` finds them.
    """

    ALGORITHM_ID = ""
    GROUP_ID = ""
    RESULT_STYLES: dict[str, str] = {}  # output → .qml under resources/styles/
    # layer parameter → layer role of the role table, for the dialog's starting layer
    # (processing/dialog_defaults.py); a parameter named like a role needs no entry
    PARAMETER_ROLES: dict[str, str] = {}
    PROJECT_KIND = ""  # farmland / paddy / mine: prefers that check's project layer

    def name(self) -> str:
        return self.ALGORITHM_ID

    def displayName(self) -> str:  # noqa: N802 - QGIS API name
        return self.display_name()

    def group(self) -> str:
        return self.group_name()

    def groupId(self) -> str:  # noqa: N802 - QGIS API name
        return self.GROUP_ID

    def shortHelpString(self) -> str:  # noqa: N802 - QGIS API name
        return self.help_text()

    def icon(self) -> QIcon:
        return QIcon(icon_path("sgnr.svg"))

    def createInstance(self):  # noqa: N802 - QGIS API name
        return type(self)()

    def addParameter(self, definition, *arguments, **options):  # noqa: N802 - QGIS API name
        """QGIS's, after starting a layer picker on the layer that fits its role."""
        set_dialog_default(self, definition)
        return super().addParameter(definition, *arguments, **options)

    # QgsProcessingAlgorithm.run must stay QGIS's own: processing.run and the dialogs call it.
    def run(self, *arguments):
        return QgsProcessingAlgorithm.run(self, *arguments)

    def checkParameterValues(self, parameters, context):  # noqa: N802 - QGIS API name
        # Checking a raster parameter given as a path opens the raster: no .aux.xml either.
        with _no_gdal_sidecars():
            ok, message = super().checkParameterValues(parameters, context)
        if not ok:  # QGIS says "not found" for a table the role may not read: say why
            message = unloadable_reason(self, parameters) or message
        return ok, message

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        """Main thread (Processing calls this before the run, which a panel or the toolbox
        starts in a worker thread): stage the outputs and check the vector inputs here, where
        the project's layers may be read, not in the worker (see processing/snapshots.py)."""
        self._staged = self._refusal = self._trail = None
        self._prepared = PreparedLayers()
        self._prepared.resolve(self, parameters, context)
        try:
            self._staged = StagedOutputs(self, parameters, context)
            self._final_paths = self._staged.finals
            with _plugin_reading_policy(context):
                check_inputs(self, parameters, context, feedback, self._staged.targets)
                self._staged.refuse_unclear()
                self._trail = start_trail(self, parameters, context)
        except SgNrError as error:
            # Raised from processAlgorithm: Processing reports an exception raised here only
            # as "There were errors executing the algorithm", without its message.
            self._refusal = error
        return True

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API name
        """Run :meth:`compute` with the guarantees every algorithm of the plugin gives.

        - Output files are written under temporary names and moved into place only when
          compute() succeeded and was not canceled (processing/outputs.py): a failed or
          canceled run leaves no file and returns no layer.
        - Invalid geometries never abort a run: the plugin repairs them for measuring and
          reports them (Processing's default setting would stop at the first one).
        - Vector inputs are checked first, in :meth:`prepareAlgorithm` (processing/inputs.py):
          geometry type, CRS present and consistent with the coordinates, GBK shapefiles
          without .cpg.
        - Every workbook and output layer carries the run's audit trail (processing/audit_run.py,
          core/reports/audit.py): versions, parameters, input sources and fingerprints.
        - User-facing errors (``SgNrError``) become a ``QgsProcessingException`` with the same
          message, never a traceback.
        """
        if not hasattr(self, "_staged"):  # processAlgorithm called without prepare()
            self.prepareAlgorithm(parameters, context, feedback)
        staged, refusal = self._staged, self._refusal
        try:
            if refusal is not None:
                raise refusal
            staged.open()  # only now: a run prepared but never started leaves nothing
            trail = getattr(self, "_trail", None)
            with _plugin_reading_policy(context), _detached_from_project(context), \
                    audit_scope(trail), fingerprints_alongside(trail):
                results = self.compute(staged.parameters, context, feedback)
            if feedback is not None and feedback.isCanceled():
                raise SgNrError(tr("The run was canceled: no output was written."))
            committed = staged.commit(results, context)
            if trail is not None:  # after the move: the metadata goes into the final files
                for problem in write_output_metadata(self, trail, committed, context):
                    feedback.pushWarning(problem)
            # style, aliases, areas rounded for display (when Processing loads the layers)
            attach_presentation(context, committed, self.RESULT_STYLES)
            return committed
        except (SgNrError, QgsProcessingException) as error:
            message = _message(error)
            if staged is not None:
                staged.discard(error)  # QGIS's own errors (a sink it cannot create) too
                message = staged.explain(message)
            # QGIS 3.22 keeps the exception that leaves processAlgorithm referenced from C, and
            # with it every frame it passed: free what compute() held (sources, geometries),
            # and raise below, outside this block, so that it carries no chained error.
            traceback.clear_frames(error.__traceback__)
        except BaseException as error:
            if staged is not None:
                staged.discard(error)
            raise
        finally:
            del self._staged
            self._prepared = PreparedLayers()  # the project's layers are not held past the run
        raise QgsProcessingException(message)

    # ---- layer parameters: resolved in prepareAlgorithm (processing/prepared.py) -----------
    def _prepared_layer(self, name: str) -> PreparedLayer | None:
        prepared = getattr(self, "_prepared", None)
        return prepared.get(name) if prepared is not None else None

    def parameterAsSource(self, parameters, name, context):  # noqa: N802 - QGIS API name
        prepared = self._prepared_layer(name)
        if prepared is not None:
            return prepared.source(context)
        return super().parameterAsSource(parameters, name, context)

    def parameterAsLayer(self, parameters, name, context, *hint):  # noqa: N802
        prepared = self._prepared_layer(name)
        if prepared is not None:
            return prepared.layer
        return super().parameterAsLayer(parameters, name, context, *hint)

    def parameterAsVectorLayer(self, parameters, name, context):  # noqa: N802
        prepared = self._prepared_layer(name)
        if prepared is not None:
            return prepared.layer if isinstance(prepared.layer, QgsVectorLayer) else None
        return super().parameterAsVectorLayer(parameters, name, context)

    def parameterAsRasterLayer(self, parameters, name, context):  # noqa: N802
        prepared = self._prepared_layer(name)
        if prepared is not None:
            return prepared.layer if isinstance(prepared.layer, QgsRasterLayer) else None
        return super().parameterAsRasterLayer(parameters, name, context)

    def parameterAsSink(self, parameters, name, context, *arguments, **options):  # noqa: N802
        """QGIS's sink; one going to a spreadsheet file writes text as literal text."""
        sink, destination = super().parameterAsSink(parameters, name, context, *arguments,
                                                    **options)
        if sink is not None and is_spreadsheet(destination):
            sink = SpreadsheetSafeSink(sink)
        return sink, destination

    def final_path(self, name: str, staged_value: str) -> str:
        """Where output ``name`` ends up, for messages: compute() sees a temporary name."""
        return getattr(self, "_final_paths", {}).get(name, staged_value)

    # Not named ``run``: that is QgsProcessingAlgorithm.run, which processing.run, the
    # algorithm dialog and the batch dialog call.
    def compute(self, parameters, context, feedback) -> dict:
        """The algorithm's work (subclasses implement this instead of ``processAlgorithm``)."""
        raise NotImplementedError

    # To be provided by subclasses -------------------------------------------------------
    def display_name(self) -> str:
        raise NotImplementedError

    def group_name(self) -> str:
        raise NotImplementedError

    def help_text(self) -> str:
        raise NotImplementedError


def _message(error: BaseException) -> str:
    if isinstance(error, QgsProcessingException):
        return error.args[0] if error.args else str(error)
    return str(error)


@contextmanager
def _detached_from_project(context):
    """In a worker thread, the run's context without its project: every layer was resolved
    in prepareAlgorithm, and a lookup in the project from here (QgsProcessingUtils::
    mapLayerFromString → QgsProject::layerStore()) would clear the project's expression scope
    while the canvas fills it — the desktop crash of #18 (processing/prepared.py)."""
    if not in_worker_thread():
        yield
        return
    project = context.project()
    context.setProject(None)
    try:
        yield
    finally:
        context.setProject(project)


@contextmanager
def _plugin_reading_policy(context):
    """Inputs are read as they are and never written to.

    Invalid geometries are the plugin's business (repaired, counted, listed), not a reason to
    abort; GDAL's .aux.xml statistics files are not written beside an input raster (the DEM).
    """
    previous = context.invalidGeometryCheck()
    context.setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
    try:
        with _no_gdal_sidecars():
            yield
    finally:
        context.setInvalidGeometryCheck(previous)


@contextmanager
def _no_gdal_sidecars():
    """GDAL writes band statistics to ``<raster>.aux.xml`` beside a raster QGIS opens; the
    plugin never writes beside its inputs. Thread-local: the user's QGIS keeps its setting."""
    pam = _set_thread_gdal_option("GDAL_PAM_ENABLED", "NO")
    try:
        yield
    finally:
        _set_thread_gdal_option("GDAL_PAM_ENABLED", pam)


def _set_thread_gdal_option(name: str, value):
    """Set a GDAL option for this thread only (the user's QGIS keeps its own); old value."""
    try:
        from osgeo import gdal
    except ImportError:  # pragma: no cover - every QGIS ships the GDAL bindings
        return None
    previous = gdal.GetThreadLocalConfigOption(name, None)
    gdal.SetThreadLocalConfigOption(name, value)
    return previous
