"""Events counted per decade, year or month: as bars, or as a one-line sparkline.

Every event is counted once, in the bucket its interval starts in, so the
counts add up to the number of events counted and a war from 1988 to 1994
adds one to 1988, not to seven years. An event dated less precisely than the
bucket is not counted at all and the count of such events is reported: put in
the bucket of its start, "1992" would add to January and "the 1990s" to 1990,
spikes the text never stated. So per month only events dated to the month or
the day count, per year everything up to year granularity (a season or
quarter lies within its year), per decade everything but centuries.

Decades are counted as historians do, with no year 0 in either era: the
1990s, AD 790s, AD 1 to 9, 9 to 1 BC, the 490s BC (499 to 490 BC).

Buckets run without holes from the first to the last, so ``Counts`` has a
zero for every empty one (``stats --json``-style consumers get a regular
axis); the bar chart folds runs of ``FOLD_EMPTY`` or more empty buckets into
one line so that centuries of nothing still fit on a screen.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import count
from math import ceil

from kbtimeline.errors import KbTimelineError
from kbtimeline.model import GRANULARITY_RANK, Day, Event
from kbtimeline.output.views._text import (
    FOLD_EMPTY,
    Segment,
    check_width,
    dash_for,
    ellipsis_for,
    finish,
    month_label,
    plural,
    year_label,
)
from kbtimeline.query import focus

BY = ("decade", "year", "month")
SPARK_MIN_MARKS = 12

_UNICODE_EIGHTHS = ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")
_UNICODE_SPARKS = "▁▂▃▄▅▆▇█"
_ASCII_SPARKS = ".:-=+*#@"


@dataclass(frozen=True)
class Bucket:
    """One decade, year or month: ``key`` for machines (ISO-like), ``label`` for people."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class Counts:
    """Buckets in time order, and how many events were too coarse to be counted."""

    by: str
    buckets: tuple[Bucket, ...]
    uncounted: int

    @property
    def total(self) -> int:
        return sum(bucket.count for bucket in self.buckets)


def count_buckets(events: Iterable[Event], by: str, *, start: Day | None = None, end: Day | None = None) -> Counts:
    """Count events by the bucket of their start; ``start``/``end`` are the window, the axis exactly.

    Only events starting inside the window count (their ``query.focus``
    start: "late 1992" starts in September), so a bucket's count is the same
    whatever window shows it, and the axis never runs outside the window: an
    event that began earlier and runs into it is not counted there.
    """
    counted, uncounted = _tally(events, by, start, end)
    if not counted:
        return Counts(by, (), uncounted)
    low = _index(start, by) if start is not None else min(counted)
    high = _index(end, by) if end is not None else max(counted)
    buckets = tuple(Bucket(*_names(index, by), counted.get(index, 0)) for index in range(low, high + 1))
    return Counts(by, buckets, uncounted)


def busiest_bucket(
    events: Iterable[Event], by: str, *, start: Day | None = None, end: Day | None = None
) -> Bucket | None:
    """The bucket ``count_buckets`` counts most events in, the earliest of a tie; None if it counts none.

    Without naming the empty buckets between (``stats`` over centuries would name every month of them).
    """
    counted, _ = _tally(events, by, start, end)
    if not counted:
        return None
    index = max(counted, key=lambda index: (counted[index], -index))
    return Bucket(*_names(index, by), counted[index])


def _tally(events: Iterable[Event], by: str, start: Day | None, end: Day | None) -> tuple[dict[int, int], int]:
    """The events counted per bucket index (``count_buckets``), and how many were too coarse to count."""
    if by not in BY:
        raise KbTimelineError(f"cannot count by {by!r}: choose one of {', '.join(BY)}")
    counted: dict[int, int] = {}
    uncounted = 0
    for event in events:
        first = focus(event)[0]
        if (start is not None and first < start) or (end is not None and first > end):
            continue
        if GRANULARITY_RANK[event.granularity] > GRANULARITY_RANK[by]:
            uncounted += 1
        else:
            index = _index(first, by)
            counted[index] = counted.get(index, 0) + 1
    return counted, uncounted


def _index(day: Day, by: str) -> int:
    """Consecutive integers for consecutive buckets; decade 0 is AD 1 to 9, -1 is 9 to 1 BC."""
    if by == "month":
        return day.year * 12 + day.month - 1
    if by == "year":
        return day.year
    return day.year // 10 if day.year > 0 else -((1 - day.year) // 10) - 1


def _names(index: int, by: str) -> tuple[str, str]:
    """The bucket's key (ISO year or month of its first day) and its label."""
    if by == "month":
        year, month = divmod(index, 12)
        return Day(year, month + 1, 1).iso()[:-3], month_label(year, month + 1)
    if by == "year":
        return Day(index, 1, 1).iso()[:-6], year_label(index)
    if index > 0:
        return Day(index * 10, 1, 1).iso()[:-6], f"{year_label(index * 10)}s"
    if index == 0:
        return Day(1, 1, 1).iso()[:-6], "AD 1 to 9"
    before_christ = (-index - 1) * 10
    label = f"{before_christ}s BC" if before_christ else "9 to 1 BC"
    return Day(-before_christ - 8, 1, 1).iso()[:-6], label


def render_histogram(counts: Counts, *, width: int, ascii: bool = False, color: bool = False) -> str:
    """Horizontal bars, one bucket a line, each with its count beside it.

    The header names both axes; bars are scaled so the largest fills the
    width, with eighth-blocks (whole ``#`` in ASCII), and any non-zero count
    gets at least a sliver so it never looks like zero.
    """
    check_width(width)
    if not counts.buckets:
        return _nothing(counts, width, ascii)
    rows = _fold_empty(counts.buckets, dash_for(ascii))
    lines = bar_chart(counts.by, rows, width, ascii, color)
    if counts.uncounted:
        lines.append(finish([(_uncounted(counts), "quiet")], width, ellipsis_for(ascii), color))
    return "\n".join(lines)


ChartRow = tuple[str, int, bool]
"""A label, its count, and whether the row stands for a folded run of empty buckets."""


def _fold_empty(buckets: Sequence[Bucket], dash: str) -> list[ChartRow]:
    rows: list[ChartRow] = []
    run: list[Bucket] = []
    for bucket in [*buckets, None]:
        if bucket is not None and bucket.count == 0:
            run.append(bucket)
            continue
        if len(run) >= FOLD_EMPTY:
            rows.append((f"{run[0].label}{dash}{run[-1].label}", 0, True))
        else:
            rows.extend((empty.label, 0, False) for empty in run)
        run = []
        if bucket is not None:
            rows.append((bucket.label, bucket.count, False))
    return rows


def bar_chart(heading: str, rows: Sequence[ChartRow], width: int, ascii: bool, color: bool) -> list[str]:
    """A headed column of labelled bars, folded runs on a dotted axis: histogram and stats."""
    ellipsis = ellipsis_for(ascii)
    axis, folded = ("|", ":") if ascii else ("│", "┆")
    label_width = max(len(heading), *(len(label) for label, _, _ in rows))
    most = max(tally for _, tally, _ in rows)
    room = max(0, width - label_width - 3 - len(str(most)))
    heading_line = f"{heading.ljust(label_width)} {axis} events"
    lines = [finish([(heading_line, "label")], width, ellipsis, color)]
    for label, tally, is_folded in rows:
        segments: list[Segment] = [
            (f"{label.ljust(label_width)} ", ""),
            (folded if is_folded else axis, "quiet"),
            (_bar(tally, most, room, ascii), "bar"),
            (f" {tally}", ""),
        ]
        lines.append(finish(segments, width, ellipsis, color))
    return lines


def _bar(count: int, most: int, room: int, ascii: bool) -> str:
    if count == 0 or room == 0:
        return ""
    if ascii:
        return "#" * max(1, round(count * room / most))
    eighths = max(1, round(count * room * 8 / most))
    return "█" * (eighths // 8) + _UNICODE_EIGHTHS[eighths % 8]


def render_sparkline(counts: Counts, *, width: int, ascii: bool = False, color: bool = False) -> str:
    """One line: first label, a mark per bucket, last label, and where the peak is.

    A blank is a bucket with no events, so quiet stretches stay visible. When
    there are more buckets than columns, neighbours are summed in groups of a
    round size (2, 5, 10... buckets; 3, 6, 12... months) and the note says
    how many a mark stands for. The note gives way before the marks shrink
    below ``SPARK_MIN_MARKS``.
    """
    check_width(width)
    if not counts.buckets:
        return _nothing(counts, width, ascii)
    first, last = counts.buckets[0].label, counts.buckets[-1].label
    groups, note = _marks_and_note(counts, width - len(first) - len(last) - 2, dash_for(ascii))
    ramp = _ASCII_SPARKS if ascii else _UNICODE_SPARKS
    most = max(group.count for group in groups)
    marks = "".join(ramp[ceil(group.count * len(ramp) / most) - 1] if group.count else " " for group in groups)
    segments: list[Segment] = [(f"{first} ", "label"), (marks, "bar"), (f" {last}", "label")]
    segments.append((note, "quiet"))
    return finish(segments, width, ellipsis_for(ascii), color)


@dataclass(frozen=True)
class _Group:
    """Neighbouring buckets summed into one sparkline mark."""

    first: str
    last: str
    size: int
    count: int


def _marks_and_note(counts: Counts, room: int, dash: str) -> tuple[list[_Group], str]:
    """The finest round grouping that fits beside its peak note, or the marks alone.

    The note is dropped rather than letting the marks fall to
    ``SPARK_MIN_MARKS`` or fewer: a line of few marks says less than no note.
    """
    for size in _round_sizes(counts.by):
        groups = _group(counts.buckets, size)
        if size > 1 and len(groups) <= SPARK_MIN_MARKS:
            break
        note = _peak_note(groups, counts.by, dash)
        if len(groups) + len(note) <= room:
            return groups, note
    return _fit_marks(counts, room), ""


def _fit_marks(counts: Counts, room: int) -> list[_Group]:
    """The buckets summed in groups of the smallest round size that fits the room."""
    needed = ceil(len(counts.buckets) / max(1, room))
    size = next(size for size in _round_sizes(counts.by) if size >= needed)
    return _group(counts.buckets, size)


def _round_sizes(by: str) -> Iterator[int]:
    """1, 2, 5, 10, 20, 50...; for months 1, 2, 3, 6 and then 12 times that series."""
    scale = 1
    if by == "month":
        yield from (1, 2, 3, 6)
        scale = 12
    for power in count():
        yield from (scale * step * 10**power for step in (1, 2, 5))


def _group(buckets: Sequence[Bucket], size: int) -> list[_Group]:
    return [
        _Group(
            buckets[at].label,
            buckets[min(at + size, len(buckets)) - 1].label,
            size,
            sum(bucket.count for bucket in buckets[at : at + size]),
        )
        for at in range(0, len(buckets), size)
    ]


def _peak_note(groups: list[_Group], by: str, dash: str) -> str:
    """Where the peak is, since a sparkline has no numbers of its own; ties go to the earliest."""
    peak = max(groups, key=lambda group: group.count)
    if peak.size == 1:
        return f"  peak {peak.count} in {peak.first}"
    years = by == "month" and peak.size % 12 == 0
    per_mark = plural(peak.size // 12, "year") if years else plural(peak.size, by)
    return f"  peak {peak.count} in {peak.first}{dash}{peak.last} ({per_mark} a mark)"


def _nothing(counts: Counts, width: int, ascii: bool) -> str:
    text = f"No events. ({_uncounted(counts)})" if counts.uncounted else "No events."
    return finish([(text, "")], width, ellipsis_for(ascii), False)


def _uncounted(counts: Counts) -> str:
    return f"{plural(counts.uncounted, 'event')} dated less precisely than a {counts.by} not counted"
