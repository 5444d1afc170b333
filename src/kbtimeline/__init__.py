"""kbtimeline: every dated statement in a text, as a timeline you can query."""

__version__ = "0.1.0"
