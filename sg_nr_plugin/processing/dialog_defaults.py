"""Which project layer a Processing dialog's layer picker starts on.

QGIS 3.22 starts a required layer parameter without a default on the active layer, or else on
the first layer of its geometry type in alphabetical order (三旧改造 SJGZ before 地类图斑 DLTB),
and an optional one empty (qgis/QGIS#33298). A run then fails on the wrong layer. Here a layer
parameter that plays a role of the role table (``resources/data/schema/roles.json``: DLTB,
PROJECTS…) gets, in the dialog only, the project layer detection gives that role
(:func:`sg_nr_plugin.core.checks.roles.detect`: name, fields, geometry; a layer whose name fits
two roles is given to neither). ``setGuiDefaultValueOverride`` changes what the dialog shows,
never the parameter's default: ``processing.run`` and ``qgis_process`` behave as before.
When no layer fits, QGIS's own choice stands (a required picker cannot be empty).
"""

from __future__ import annotations

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QThread

from ..core.checks.roles import detect
from ..core.schema.roles import role_table

LAYER_PARAMETER_TYPES = {"source", "vector", "raster"}


def parameter_role(algorithm, name: str) -> str | None:
    """The layer role of parameter ``name``: the algorithm's own mapping, else a parameter
    named like a role (the checks' DLTB, ECO_REDLINE…)."""
    role = getattr(algorithm, "PARAMETER_ROLES", {}).get(name)
    if role is None and name in role_table().layer_roles:
        role = name
    return role


def set_dialog_default(algorithm, definition) -> None:
    """Start ``definition``'s picker on the project layer that fits its role, if one does."""
    if definition.type() not in LAYER_PARAMETER_TYPES or not _main_thread():
        return  # the project's layers are read only in the main thread
    role = parameter_role(algorithm, definition.name())
    if role is None:
        return
    spec = getattr(algorithm, "SPEC", None)  # a check: its own kind of project layer
    kind = spec.kind if spec is not None else getattr(algorithm, "PROJECT_KIND", "")
    layer_id = fitting_layer(role, kind)
    if layer_id:
        definition.setGuiDefaultValueOverride(layer_id)


def fitting_layer(role: str, kind: str = "", project: QgsProject | None = None) -> str | None:
    """The id of the project layer detection gives ``role`` (all roles considered, so that a
    layer fitting another role better is not taken), or None."""
    project = project or QgsProject.instance()
    layers = [layer for layer in project.layerTreeRoot().layerOrder() if layer is not None]
    if not layers:
        return None
    from ..gui.check_config import layer_info  # describes a layer for detection

    found = detect([layer_info(layer) for layer in layers], tuple(role_table().layer_roles),
                   kind)
    return found.roles.get(role)


def _main_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() == app.thread()
