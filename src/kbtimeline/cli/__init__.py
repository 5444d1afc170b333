"""The ``kbtimeline`` command: parse arguments into typed values, call the core, ``emit()`` the result.

``root`` holds the Typer app, the shared session, ``emit``, the one error
report and the entry points; ``options`` the options declared once; the
commands live by theme in ``querying`` (range, search, list, show),
``pictures`` (timeline, explore, histogram, stats, export) and ``building``
(extract, index). Importing a command module registers its commands: the
console script imports only the one it runs, and ``app`` here is the app
with all of them, in the order ``--help`` lists them.

The modules that declare commands do without ``from __future__ import
annotations``: Typer reads the annotations of the command it runs (and of the
root) on every run, and evaluating them from strings cost a query about 1.5 ms.
"""

from typer import Typer

from kbtimeline.cli.root import emit, main, registered, run

__all__ = ["app", "emit", "main", "run"]


def __getattr__(name: str) -> Typer:
    if name == "app":
        return registered()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
