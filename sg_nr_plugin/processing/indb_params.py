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


def add_indb_parameters(algorithm) -> None:
    """Both advanced: computing in the database is the default when every input is PostGIS."""
    enabled = QgsProcessingParameterBoolean(
        IN_DATABASE, tr("Compute inside the PostGIS database when all inputs are there"),
        defaultValue=True, optional=True)
    timeout = QgsProcessingParameterNumber(
        IN_DATABASE_TIMEOUT, tr("Database statement timeout (seconds, 0 = none)"),
        QgsProcessingParameterNumber.Integer, defaultValue=DEFAULT_TIMEOUT_S, optional=True,
        minValue=0)
    for parameter in (enabled, timeout):
        parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        algorithm.addParameter(parameter)


def indb_options(algorithm, parameters, context) -> tuple[bool, int]:
    """(compute in the database, statement timeout in seconds)."""
    enabled = (IN_DATABASE not in parameters or parameters[IN_DATABASE] is None
               or algorithm.parameterAsBoolean(parameters, IN_DATABASE, context))
    timeout = (algorithm.parameterAsInt(parameters, IN_DATABASE_TIMEOUT, context)
               if parameters.get(IN_DATABASE_TIMEOUT) is not None else DEFAULT_TIMEOUT_S)
    return enabled, timeout
