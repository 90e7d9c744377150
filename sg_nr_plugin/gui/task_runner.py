"""Run a Processing algorithm as a background task from a panel.

The context and feedback are kept on ``self`` for the task's whole life: a local one is
garbage-collected while the task runs and crashes QGIS (qgis/QGIS#38583). The result layers
are taken out of the context in the main thread, in the ``executed`` slot.
"""

from __future__ import annotations

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal


class AlgorithmTaskRunner(QObject):
    """One run at a time; emits ``progress`` (0–100) and ``finished(ok, results, layers)``;
    ``results`` also holds ``_log``, ``_errors`` (the errors reported) and ``_canceled``."""

    progress = pyqtSignal(float)
    finished = pyqtSignal(bool, dict, dict)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.task = None
        self.context: QgsProcessingContext | None = None
        self.feedback: QgsProcessingFeedback | None = None
        self.algorithm = None
        self.layer_outputs: tuple[str, ...] = ()

    @property
    def running(self) -> bool:
        return self.task is not None

    def start(self, algorithm_id: str, parameters: dict, layer_outputs=(), project=None) -> bool:
        if self.running:
            return False
        registry = QgsApplication.processingRegistry()
        self.algorithm = registry.createAlgorithmById(algorithm_id)
        if self.algorithm is None:
            return False
        self.layer_outputs = tuple(layer_outputs)
        self.context = QgsProcessingContext()
        self.context.setProject(project or QgsProject.instance())
        self.feedback = _Feedback()
        self.feedback.progressChanged.connect(self.progress.emit)
        self.task = QgsProcessingAlgRunnerTask(self.algorithm, parameters, self.context,
                                               self.feedback)
        self.task.executed.connect(self._executed)
        QgsApplication.taskManager().addTask(self.task)
        return True

    def cancel(self) -> None:
        if self.feedback is not None:
            self.feedback.cancel()
        if self.task is not None:
            self.task.cancel()

    def _executed(self, ok: bool, results: dict) -> None:
        layers = {}
        canceled = self.feedback is not None and self.feedback.isCanceled()
        if ok and not canceled:
            for name in self.layer_outputs:
                layer_id = results.get(name)
                layer = self.context.takeResultLayer(layer_id) if layer_id else None
                if layer is not None:
                    layers[name] = layer
        log = self.feedback.textLog() if self.feedback is not None else ""
        errors = list(getattr(self.feedback, "errors", []))
        self.task = None
        self.finished.emit(bool(ok and not canceled), {
            **(results or {}), "_log": log, "_errors": errors, "_canceled": canceled}, layers)


class _Feedback(QgsProcessingFeedback):
    """Keeps the errors reported by the algorithm (the failure's message for the panel)."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N802,N803
        self.errors.append(error)
        super().reportError(error, fatalError)
