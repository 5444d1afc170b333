"""The ``kbtimeline`` command: parse arguments into typed values, call the core, ``emit()`` the result.

``app`` holds the Typer app, the shared session, ``emit`` and the one error
report; ``options`` the options declared once; the commands live by theme in
``querying`` (range, search, list, show), ``pictures`` (timeline, explore,
histogram, stats, export) and ``building`` (extract, index), imported here in the order
``--help`` lists them.
"""

from kbtimeline.cli.app import app, emit, main, run

# isort: off
# Importing a command module registers its commands; --help lists them in this order.
from kbtimeline.cli import querying  # noqa: F401
from kbtimeline.cli import pictures  # noqa: F401
from kbtimeline.cli import building  # noqa: F401

# isort: on

__all__ = ["app", "emit", "main", "run"]
