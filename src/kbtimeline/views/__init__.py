"""Pictures of events for a person at a terminal: timeline, histogram, sparkline, stats.

Pure functions from events to text. Nothing here reads the terminal, the
environment or the clock: the width, whether to draw in ASCII and whether to
colour are arguments, so the CLI decides them once (is stdout a terminal, is
``NO_COLOR`` set, ``--width``, ``--ascii``) and tests can render every form.
No typer and no rich: the output is plain strings, with ANSI codes only when
``color=True``.
"""

from kbtimeline.views._text import MIN_WIDTH
from kbtimeline.views.histogram import (
    BY,
    Bucket,
    Counts,
    count_buckets,
    render_histogram,
    render_sparkline,
)
from kbtimeline.views.stats import compute_stats, render_stats
from kbtimeline.views.timeline import render_timeline

__all__ = [
    "BY",
    "MIN_WIDTH",
    "Bucket",
    "Counts",
    "compute_stats",
    "count_buckets",
    "render_histogram",
    "render_sparkline",
    "render_stats",
    "render_timeline",
]
