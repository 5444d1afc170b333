"""Pictures of events for a person at a terminal: timeline, histogram, sparkline, stats.

Pure functions from events to text. Nothing here reads the terminal, the
environment or the clock: the width, whether to draw in ASCII and whether to
colour are arguments, so the CLI decides them once (is stdout a terminal, is
``NO_COLOR`` set, ``--width``, ``--ascii``) and tests can render every form.
No typer and no rich: the output is plain strings, with ANSI codes only when
``color=True``.
"""

from kbtimeline.output.views._text import MIN_WIDTH, check_width
from kbtimeline.output.views.histogram import (
    BY,
    Bucket,
    Counts,
    count_buckets,
    render_histogram,
    render_sparkline,
)
from kbtimeline.output.views.stats import compute_stats, render_stats
from kbtimeline.output.views.timeline import render_timeline

__all__ = [
    "BY",
    "MIN_WIDTH",
    "Bucket",
    "Counts",
    "check_width",
    "compute_stats",
    "count_buckets",
    "render_histogram",
    "render_sparkline",
    "render_stats",
    "render_timeline",
]
