"""Optional dependencies: what needs which extra, and one line saying how to install it.

Dask, distributed and pyarrow are heavy and only a few paths use them
(``extract --scheduler``, Parquet in and out), so they are an extra,
``kbtimeline[dask]``, imported where they are used. Asking for one of those
paths without the extra is a ``UsageError`` (exit code 2): the command asks
for something this installation cannot do, like an unknown option.
"""

from __future__ import annotations

from importlib.util import find_spec

from kbtimeline.errors import UsageError

DASK_EXTRA = "kbtimeline[dask]"


def require(feature: str, *modules: str, extra: str = DASK_EXTRA) -> None:
    """Raise a one-line UsageError unless every one of ``modules`` can be imported."""
    missing = [module for module in modules if not _importable(module)]
    if missing:
        raise UsageError(f"{feature} needs {', '.join(missing)}, not installed here: pip install '{extra}'")


def _importable(module: str) -> bool:
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):  # a parent package missing, or a module blocked as None
        return False
