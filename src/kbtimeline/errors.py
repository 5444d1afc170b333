"""The one distinction the CLI needs between failures: the user's input, or the world.

Everything kbtimeline reports is a ``KbTimelineError`` (from the model). A
``UsageError`` is the subset caused by how the command was written (a date we
cannot read, an empty query, a bad regex): the CLI exits 2 for those, like
Click does for its own argument errors, and 1 for everything else.
"""

from __future__ import annotations

from kbtimeline.model import KbTimelineError


class UsageError(KbTimelineError):
    """The command line asked for something we cannot do; the message says what is accepted."""
