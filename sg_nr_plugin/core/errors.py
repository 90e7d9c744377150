"""User-facing errors: messages are already translated and name the layer, field or feature.

The Processing wrappers turn them into ``QgsProcessingException`` with the same text, so a user
sees the message, never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..i18n import tr


class SgNrError(Exception):
    """An error the user can act on; ``str(error)`` is the message to show."""


class MissingFieldsError(SgNrError):
    def __init__(self, layer_name: str, missing: Iterable[str]) -> None:
        self.layer_name = layer_name
        self.missing = list(missing)
        super().__init__(
            tr("Layer “{layer}” lacks the required field(s): {fields}").format(
                layer=layer_name, fields=", ".join(self.missing)
            )
        )


class CrsError(SgNrError):
    """A missing or contradictory coordinate reference system."""


class OutputLockedError(SgNrError):
    def __init__(self, path: str, reason: str = "") -> None:
        self.path = path
        message = tr(
            "Cannot write “{path}”: the file is open in another program (Excel, WPS…) "
            "or the folder is not writable. Close it and run again."
        ).format(path=path)
        super().__init__(f"{message} ({reason})" if reason else message)


class EmptyInputError(SgNrError):
    def __init__(self, layer_name: str) -> None:
        self.layer_name = layer_name
        super().__init__(tr("Layer “{layer}” has no features.").format(layer=layer_name))


class OutputWriteError(SgNrError):
    """An output could not be written; ``reason`` is the translated cause (disk full, name too
    long, permission denied…) and the message names the final path, never a temporary one."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(tr("Cannot write “{path}”: {reason}").format(path=path, reason=reason))


class OutputConflictError(SgNrError):
    """An output that would destroy an input of the run, or two outputs on one file."""


class IncompleteReadError(SgNrError):
    """A layer that could not be read completely (damaged file, lost database connection):
    a figure over part of it would be wrong, so the run stops."""

    def __init__(self, layer_name: str, expected: int | None, read: int | None,
                 cause: str = "") -> None:
        self.layer_name, self.expected, self.read, self.cause = layer_name, expected, read, cause
        if read is None:  # a query inside the database failed: nothing counted
            counted = tr("the database reported an error reading its {expected} feature(s)"
                         ).format(expected="?" if expected is None else expected)
        elif expected is None:
            counted = tr("{read} feature(s) read before the error").format(read=read)
        else:
            counted = tr("{read} of {expected} feature(s) read").format(read=read,
                                                                       expected=expected)
        message = tr("Layer “{layer}” could not be read completely: {counted}. The file is "
                     "damaged or the database connection was lost; repair or re-export the "
                     "layer (or reconnect to the database) and run again.").format(
            layer=layer_name, counted=counted)
        super().__init__(f"{message} ({cause})" if cause else message)


class RasterReadError(SgNrError):
    """A raster (DEM) window that could not be read (truncated or damaged file)."""

    def __init__(self, layer_name: str, extent: str, cause: str = "") -> None:
        self.layer_name, self.extent, self.cause = layer_name, extent, cause
        message = tr("Raster “{layer}” could not be read over {extent}: the file is truncated "
                     "or damaged. Rules that need it cannot be checked; repair or re-export the "
                     "raster and run again.").format(layer=layer_name, extent=extent)
        super().__init__(f"{message} ({cause})" if cause else message)
