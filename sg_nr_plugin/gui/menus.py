"""Menu and toolbar entries that open a Processing algorithm's dialog (韶关自然资源 menu).

表1, the balance ledger, the data health check and the coordinate import have no panel of
their own: each gets an action that opens its Processing dialog, as the toolbox would (the
dialog's layer pickers start on the layers that fit each parameter's role, processing/
base.py). Each action has its own icon, distinct from the panels' and the toolbox's.
"""

from __future__ import annotations

from dataclasses import dataclass

from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..i18n import tr
from ..paths import icon_path


@dataclass(frozen=True)
class ToolEntry:
    name: str  # object name suffix of the action
    algorithm_id: str
    icon: str  # file under resources/icons/
    label: str


def tool_entries() -> list[ToolEntry]:
    """The algorithms the plugin menu opens directly (labels in the interface language)."""
    return [
        ToolEntry("planindicators", "sgnr:planindicators", "plan_indicators.svg",
                  tr("Plan indicators (表1)…")),
        ToolEntry("balanceledger", "sgnr:balanceledger", "balance_ledger.svg",
                  tr("Cultivated land balance ledger…")),
        ToolEntry("dltbquality", "sgnr:dltbquality", "data_health.svg",
                  tr("DLTB data health check…")),
        ToolEntry("importcoordtxt", "sgnr:importcoordtxt", "import_coordinates.svg",
                  tr("Import project coordinate files…")),
    ]


def tool_actions(parent) -> list[QAction]:
    """One action per :func:`tool_entries` entry; ``data()`` holds the algorithm id."""
    actions = []
    for entry in tool_entries():
        action = QAction(QIcon(icon_path(entry.icon)), entry.label, parent)
        action.setObjectName(f"sgnrTool_{entry.name}")
        action.setData(entry.algorithm_id)
        action.triggered.connect(
            lambda _checked=False, algorithm_id=entry.algorithm_id:
            open_algorithm_dialog(algorithm_id))
        actions.append(action)
    return actions


_open_dialogs: list = []  # non-modal dialogs live until closed (Python must keep them)


def open_algorithm_dialog(algorithm_id: str, parameters: dict | None = None):
    """Show the algorithm's Processing dialog, non-modal like the toolbox's; the dialog."""
    import processing

    dialog = processing.createAlgorithmDialog(algorithm_id, parameters or {})
    if dialog is None:
        return None
    _open_dialogs[:] = [d for d in _open_dialogs if _alive(d)]
    _open_dialogs.append(dialog)
    dialog.show()
    return dialog


def _alive(dialog) -> bool:
    from qgis.PyQt import sip

    return not sip.isdeleted(dialog) and dialog.isVisible()
