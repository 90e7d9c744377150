"""Statistics on 三调 data: land-use summary, plan indicators (表1), overlay statistics and the
land-class change matrix. Each function streams its input and returns a pandas DataFrame
(pandas is imported lazily: :func:`require_pandas`); the Processing algorithms turn the frames
into tables and workbooks.
"""

from __future__ import annotations

import importlib.util

from ...i18n import tr
from ..errors import SgNrError


def _missing_pandas() -> SgNrError:
    return SgNrError(
        tr("The statistics need the Python package pandas, which this QGIS lacks. Install it "
           "(OSGeo4W: python3-pandas; Debian: python3-pandas) and run again."))


def require_pandas():
    """Import pandas on demand: the plugin must load on a QGIS without it."""
    try:
        import pandas
    except ImportError as error:
        raise _missing_pandas() from error
    return pandas


def check_pandas() -> None:
    """Fail before any work when pandas is missing, without importing it yet (~0.25 s that the
    SQL push-down hides behind the database's work)."""
    if importlib.util.find_spec("pandas") is None:
        raise _missing_pandas()
