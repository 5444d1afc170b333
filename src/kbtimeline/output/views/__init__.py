"""Pictures of events for a person at a terminal: timeline, histogram, sparkline, stats.

Pure functions from events to text. Nothing here reads the terminal, the
environment or the clock: the width, whether to draw in ASCII and whether to
colour are arguments, so the CLI decides them once (is stdout a terminal, is
``NO_COLOR`` set, ``--width``, ``--ascii``) and tests can render every form.
No typer and no rich: the output is plain strings, with ANSI codes only when
``color=True``.
"""

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the names as the type checker sees them; at run time ``__getattr__`` finds them
    from kbtimeline.output.views._text import MIN_WIDTH as MIN_WIDTH
    from kbtimeline.output.views._text import check_width as check_width
    from kbtimeline.output.views.histogram import BY as BY
    from kbtimeline.output.views.histogram import Bucket as Bucket
    from kbtimeline.output.views.histogram import Counts as Counts
    from kbtimeline.output.views.histogram import count_buckets as count_buckets
    from kbtimeline.output.views.histogram import render_histogram as render_histogram
    from kbtimeline.output.views.histogram import render_sparkline as render_sparkline
    from kbtimeline.output.views.stats import compute_stats as compute_stats
    from kbtimeline.output.views.stats import render_stats as render_stats
    from kbtimeline.output.views.timeline import render_timeline as render_timeline

# Where each name lives: a command imports only the view it draws (``stats`` never pays for the
# timeline's import), as the names are looked up (``__getattr__``).
_HOMES = {
    "MIN_WIDTH": "_text", "check_width": "_text",
    "BY": "histogram", "Bucket": "histogram", "Counts": "histogram", "count_buckets": "histogram",
    "render_histogram": "histogram", "render_sparkline": "histogram",
    "compute_stats": "stats", "render_stats": "stats",
    "render_timeline": "timeline",
}  # fmt: skip

__all__ = sorted(_HOMES)


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOMES[name]}"), name)
