"""One module per algorithm; the provider discovers them, so adding a module is enough.

Every concrete :class:`~sg_nr_plugin.processing.base.SgNrAlgorithm` subclass with a non-empty
``ALGORITHM_ID`` defined in a module of this package is registered.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil


def algorithm_classes() -> list[type]:
    from ..base import SgNrAlgorithm

    found: dict[str, type] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (issubclass(cls, SgNrAlgorithm) and cls.__module__ == module.__name__
                    and cls.ALGORITHM_ID):
                found[cls.ALGORITHM_ID] = cls
    return [found[key] for key in sorted(found)]
