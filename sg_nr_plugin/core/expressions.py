"""Feature requests filtered by a user's expression (the ``*_FILTER`` parameters)."""

from __future__ import annotations

from qgis.core import QgsFeatureRequest

from .errors import SgNrError


def filtered_request(expression: str, message: str,
                     request: QgsFeatureRequest | None = None) -> QgsFeatureRequest:
    """``request`` (a new one by default) filtered by ``expression``.

    An expression that does not parse raises :class:`SgNrError` with ``message``, a translated
    template naming the parameter, filled with ``{expr}`` and the parser's ``{error}``."""
    request = request if request is not None else QgsFeatureRequest()
    request.setFilterExpression(expression)
    parsed = request.filterExpression()
    if parsed.hasParserError():
        raise SgNrError(message.format(expr=expression, error=parsed.parserErrorString()))
    return request
