"""The advanced parameters of the in-database path (IN_DATABASE, IN_DATABASE_TIMEOUT)."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterNumber,
)

from ..core.indb.session import DEFAULT_TIMEOUT_S
from ..i18n import tr

IN_DATABASE, IN_DATABASE_TIMEOUT = "IN_DATABASE", "IN_DATABASE_TIMEOUT"


def add_indb_parameters(algorithm, timeout: bool = True) -> None:
    """Both advanced: computing in the database is the default when every input is PostGIS
    (the checks, whose queries QGIS's provider runs, take no timeout)."""
    enabled = QgsProcessingParameterBoolean(
        IN_DATABASE, tr("Compute inside the PostGIS database when all inputs are there"),
        defaultValue=True, optional=True)
    limit = QgsProcessingParameterNumber(
        IN_DATABASE_TIMEOUT, tr("Database statement timeout (seconds, 0 = none)"),
        QgsProcessingParameterNumber.Integer, defaultValue=DEFAULT_TIMEOUT_S, optional=True,
        minValue=0)
    for parameter in (enabled, limit) if timeout else (enabled,):
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        algorithm.addParameter(parameter)


def indb_options(algorithm, parameters, context) -> tuple[bool, int]:
    """(compute in the database, statement timeout in seconds)."""
    enabled = (IN_DATABASE not in parameters or parameters[IN_DATABASE] is None
               or algorithm.parameterAsBoolean(parameters, IN_DATABASE, context))
    timeout = (algorithm.parameterAsInt(parameters, IN_DATABASE_TIMEOUT, context)
               if parameters.get(IN_DATABASE_TIMEOUT) is not None else DEFAULT_TIMEOUT_S)
    return enabled, timeout


def restrict_controls(algorithm, parameters, context, inputs, feedback) -> dict:
    """A check's control layers read in the database only under the projects
    (core/indb/checks.py); returns the restricted layers (kept alive by the caller)."""
    from ..core.indb.checks import CONTROL_ROLES, restricted_controls
    from .stats_params import pushdown_layer

    if not indb_options(algorithm, parameters, context)[0]:
        return {}
    layers = {role: pushdown_layer(algorithm, parameters, role, context)
              for role in CONTROL_ROLES if parameters.get(role)}
    projects = pushdown_layer(algorithm, parameters, "PROJECTS", context)
    restricted = restricted_controls(layers, projects, inputs.layer_names, feedback)
    inputs.layers.update(restricted)
    return restricted
