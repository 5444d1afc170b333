"""Every error kbtimeline reports, and the one distinction the CLI needs between them.

Everything kbtimeline reports to a user is a ``KbTimelineError``: the CLI turns
it into one line on stderr, never a traceback. A ``UsageError`` is the subset
caused by how the command was written (a date we cannot read, an empty query,
a bad regex): the CLI exits 2 for those, like Click does for its own argument
errors, and 1 for everything else.
"""

from __future__ import annotations


class KbTimelineError(ValueError):
    """Any error kbtimeline reports to a user as one line (not a bug)."""


class SchemaError(KbTimelineError):
    """An events file whose content does not follow the event schema."""


class UsageError(KbTimelineError):
    """The command line asked for something we cannot do; the message says what is accepted."""


class Interrupted(Exception):
    """A query stopped from another thread because its answer is no longer wanted (not reported to a user)."""
