"""Allow ``python -m kbtimeline``."""

from kbtimeline.cli import run

run()
