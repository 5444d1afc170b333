"""Allow ``python -m kbtimeline``."""

from kbtimeline.cli import main

main()
