"""Events as TimelineJS3 JSON, so a timeline can be published with a tool people already use.

The format is the one TimelineJS3 loads (``new TL.Timeline(id, data)``): an
object with ``events``, a list of slides, and an optional ``title`` slide.

Three decisions shape the output:

* **Only the date parts the granularity allows.** TimelineJS reads a missing
  part as "unknown" and formats the date accordingly, so "May 1992" must not
  become 1 May 1992 in its labels and axis. Day events carry year, month and
  day (and hour and minute when the statement gives a time); month, season,
  quarter and half-year events carry year and month; year, decade and century
  events the year alone. An ``end_date`` is written only when the interval
  reaches past the unit it starts in (``February 1988 to May 1994``, a decade),
  because an end equal to the start would be a zero-length span.
* **Historical BC years.** TimelineJS prints a negative year ``-N`` as
  "N BCE", and its spreadsheet users type 490 BC as ``-490``. kbtimeline's
  years are astronomical (490 BC is ``-489``; 1 BC is ``0``), so a year
  ``y <= 0`` is written as ``y - 1``: labels read right and there is no year
  0. (TimelineJS places ``-N`` with JavaScript's astronomical ``Date``, so a
  BC event sits one year early on its axis; order is unaffected.)
* **Text is HTML-escaped.** TimelineJS inserts headline, text, display date
  and group label with ``innerHTML``; a sentence quoting ``<script>`` must
  show as text there, not run.

The slide's ``display_date`` is the event's ``when`` label, which already
says "early 1993" or "winter 1992–93" better than a bare month can.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from typing import Any

from kbtimeline.model import Day, Event

# Granularity -> the date parts TimelineJS may be told (see the module docstring).
DATE_PARTS: dict[str, tuple[str, ...]] = {
    "day": ("year", "month", "day"),
    "week": ("year", "month", "day"),
    "month": ("year", "month"),
    "season": ("year", "month"),
    "quarter": ("year", "month"),
    "half": ("year", "month"),
    "year": ("year",),
    "decade": ("year",),
    "century": ("year",),
}

_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")


def timelinejs_year(year: int) -> int:
    """An astronomical year as TimelineJS numbers it: 1 BC (``0``) is ``-1``."""
    return year if year > 0 else year - 1


def date_object(day: Day, granularity: str, time: str | None = None) -> dict[str, int]:
    """A TimelineJS date object holding only the parts ``granularity`` allows.

    ``time`` ("HH:MM", as the extractor writes it) adds hour and minute, and
    only to a day: a time on a coarser date would invent the day it falls on.
    A hand-edited time that is not "HH:MM" is left out rather than guessed at.
    """
    values = {"year": timelinejs_year(day.year), "month": day.month, "day": day.day}
    date = {part: values[part] for part in DATE_PARTS[granularity]}
    clock = parse_time(time)
    if clock and "day" in date:
        date["hour"], date["minute"] = clock
    return date


def parse_time(time: str | None) -> tuple[int, int] | None:
    """``"14:05"`` -> ``(14, 5)``; anything else (including None) -> None."""
    match = _TIME.fullmatch(time) if isinstance(time, str) else None
    return (int(match[1]), int(match[2])) if match else None


def slide(event: Event, group: bool = False) -> dict[str, Any]:
    """One event as a TimelineJS slide; ``group`` files it under its source."""
    start = date_object(event.start, event.granularity, event.time)
    end = date_object(event.end, event.granularity)
    record: dict[str, Any] = {"start_date": start}
    if _without_time(start) != end:
        record["end_date"] = end
    record["text"] = {"headline": escape(event.title), "text": escape(event.text)}
    record["display_date"] = escape(event.when)
    record["unique_id"] = event.id
    if group:
        record["group"] = escape(event.source)
    return record


def to_timelinejs(events: Sequence[Event], title: str | None = None) -> dict[str, Any]:
    """The TimelineJS3 JSON document for ``events`` (serialise with ``json.dumps``).

    Events are grouped by source only when there is more than one source: a
    single group would just add a label to every row. With ``title`` the
    document opens on a title slide that says how many events it holds.
    """
    sources = sorted({event.source for event in events})
    document: dict[str, Any] = {}
    if title is not None:
        count = f"{len(events)} event{'' if len(events) == 1 else 's'}"
        summary = f"{count} from {', '.join(sources)}" if sources else count
        document["title"] = {"text": {"headline": escape(title), "text": escape(summary)}}
    document["events"] = [slide(event, group=len(sources) > 1) for event in events]
    return document


def _without_time(date: dict[str, int]) -> dict[str, int]:
    return {part: value for part, value in date.items() if part not in ("hour", "minute")}
