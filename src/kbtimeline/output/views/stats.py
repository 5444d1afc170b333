"""Figures about a set of events: how many, from where, how precise, when, busiest when.

``compute_stats`` returns plain JSON values (str, int, lists, dicts, None) so
that ``stats --json`` can hand it to the json module unchanged; ``render_stats``
turns the same dict into text, so the two forms never disagree.

The busiest year and month follow the histogram's rule (count by start, skip
events dated less precisely than the bucket), so ``stats`` and
``histogram --by year`` name the same peak; ties go to the earliest.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from kbtimeline.model import GRANULARITIES, Day, Event
from kbtimeline.output.views._text import Segment, check_width, clean, ellipsis_for, finish, plural
from kbtimeline.output.views.histogram import Bucket, bar_chart, busiest_bucket


def compute_stats(
    events: Iterable[Event], mentions: int | None = None, *, start: Day | None = None, end: Day | None = None
) -> dict[str, Any]:
    """The figures as a JSON-able dict.

    ``events`` are the entries of a view (one per happening, or the records
    under ``--mentions``); ``mentions`` how many records they stand for.
    Keys: ``events`` (count); ``mentions`` (that, or the count); ``sources`` and ``granularities`` (lists of
    ``{"name", "events"}``, sources busiest first, granularities finest
    first); ``earliest`` (the first event to start) and ``latest`` (the last
    to end), each ``{"id", "date", "when", "title"}`` with ``date`` the ISO
    start or end; ``busiest_year`` and ``busiest_month``, each
    ``{"key", "label", "events"}``, counted as ``histogram`` counts in the
    window ``start``..``end``. Those without an answer are None.
    """
    ordered = sorted(events, key=Event.sort_key)
    sources = Counter(event.source for event in ordered)
    granularities = Counter(event.granularity for event in ordered)
    return {
        "events": len(ordered),
        "mentions": len(ordered) if mentions is None else mentions,
        "sources": [{"name": name, "events": count} for name, count in sources.most_common()],
        "granularities": [
            {"name": name, "events": granularities[name]} for name in GRANULARITIES if granularities[name]
        ],
        "earliest": _moment(ordered[0], ordered[0].start.iso()) if ordered else None,
        "latest": _latest(ordered),
        "busiest_year": _busiest(busiest_bucket(ordered, "year", start=start, end=end)),
        "busiest_month": _busiest(busiest_bucket(ordered, "month", start=start, end=end)),
    }


def _mentions(stats: dict[str, Any]) -> str:
    """How many records the events stand for, when more than one event each."""
    more = stats["mentions"] != stats["events"]
    return f" ({plural(stats['mentions'], 'mention')})" if more else ""


def _latest(events: list[Event]) -> dict[str, str] | None:
    if not events:
        return None
    last = max(events, key=lambda event: (event.end, event.sort_key()))
    return _moment(last, last.end.iso())


def _moment(event: Event, date: str) -> dict[str, str]:
    return {"id": event.id, "date": date, "when": event.when, "title": event.title}


def _busiest(bucket: Bucket | None) -> dict[str, Any] | None:
    if bucket is None:
        return None
    return {"key": bucket.key, "label": bucket.label, "events": bucket.count}


def render_stats(stats: dict[str, Any], *, width: int, ascii: bool = False, color: bool = False) -> str:
    """The figures for a person: a few named lines, then bars per source and granularity."""
    check_width(width)
    if not stats["events"]:
        return "No events."
    ellipsis = ellipsis_for(ascii)
    sources = plural(len(stats["sources"]), "source")
    rows = [
        ("events", f"{stats['events']}{_mentions(stats)} from {sources}", ""),
        *(
            (name, f"{clean(moment['when'])}  {clean(moment['title'])}", moment["id"])
            for name, moment in (("earliest", stats["earliest"]), ("latest", stats["latest"]))
        ),
        *(
            (f"busiest {unit}", f"{busiest['label']}: {plural(busiest['events'], 'event')}", "")
            for unit in ("year", "month")
            if (busiest := stats[f"busiest_{unit}"])
        ),
    ]
    name_width = max(len(name) for name, _, _ in rows)
    lines = [_figure(name.ljust(name_width), value, event_id, width, ellipsis, color) for name, value, event_id in rows]
    for heading, key in (("source", "sources"), ("granularity", "granularities")):
        pairs = [(clean(entry["name"]), entry["events"], False) for entry in stats[key]]
        lines += ["", *bar_chart(heading, pairs, width, ascii, color)]
    return "\n".join(lines)


def _figure(name: str, value: str, event_id: str, width: int, ellipsis: str, color: bool) -> str:
    """One named figure; an event's id is kept whole and the text before it gives way."""
    head: list[Segment] = [(name, "label"), ("  ", "")]
    if not event_id:
        return finish([*head, (value, "")], width, ellipsis, color)
    body = finish([(value, "")], width - len(name) - 4 - len(event_id), ellipsis, False)
    return finish([*head, (f"{body}  ", ""), (event_id, "id")], width, ellipsis, color)
