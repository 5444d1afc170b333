"""A progress bar for a long extraction, drawn on stderr for a person watching a terminal.

Documents and events done, megabytes read out of the total, the rate and the
time left. It redraws itself from the loop that writes the output, at most
ten times a second, rather than from a thread of its own: worker processes
are started while it is showing, and starting them beside threads is unsafe.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from kbtimeline import corpus
from kbtimeline.pipeline import Outcome

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

REDRAW_SECONDS = 0.1


class _Bar:
    def __init__(self, bar: Progress, task: TaskID) -> None:
        self.bar, self.task = bar, task
        self.documents = self.events = 0
        self.drawn = 0.0

    def __call__(self, outcome: Outcome) -> None:
        self.documents += 1
        self.events += len(outcome.pieces)
        self.bar.update(self.task, advance=outcome.size, documents=self.documents, events=self.events)
        if time.monotonic() - self.drawn >= REDRAW_SECONDS:
            self.bar.refresh()
            self.drawn = time.monotonic()


@contextmanager
def progress_bar(total_bytes: int | None) -> Iterator[_Bar]:
    """A callable to give each ``Outcome`` as it is written; the bar stays on screen at the end."""
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    columns = (
        TextColumn("{task.fields[documents]:,} documents"),
        BarColumn(),
        DownloadColumn(),
        TextColumn("{task.fields[events]:,} events"),
        TransferSpeedColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), auto_refresh=False) as bar:
        yield _Bar(bar, bar.add_task("extract", total=total_bytes, documents=0, events=0))


@contextmanager
def watch(paths: list[str], glob: str, *, show: bool) -> Iterator[Callable[[Outcome], None]]:
    """A progress bar over the documents of ``paths`` when ``show`` (a person at a terminal); else nothing."""
    if not show:
        yield lambda outcome: None
        return
    with progress_bar(corpus.total_size(paths, glob)) as bar:
        yield bar
