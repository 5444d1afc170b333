"""The terminal app (``kbtimeline explore``), built on Textual.

Only ``kbtimeline explore`` imports this package: the other commands never
pay for Textual. ``data`` is its one door to storage and query.
"""
