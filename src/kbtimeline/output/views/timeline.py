"""A vertical timeline: time runs down the page, one line per event.

Early, mid and late events are drawn over the third of their interval they
are about (``query.focus``). The gutter marks years, or months when the view covers at most
``MONTH_ZOOM_YEARS`` calendar years. An event whose interval reaches past the
year (month) it starts in is drawn as a bar in a lane beside the gutter,
running down to the last line of the year (month) it ends in; every other
event is a point mark. So "February 1988 to May 1994" is a bar from 1988 to
1994, while "May to July 1991" is a point in a year view and a bar in a month
view. Lanes are reused once free; past ``MAX_LANES`` (fewer when narrow) an
interval is drawn as a point, its label still saying what it spans.

Years (months) in which nothing starts or ends are not drawn one per line: a
single one is a bare tick, a run of ``FOLD_EMPTY`` (two) or more is folded
into one line that says how long it is, so a 1917-2020 view stays one screen
high. Bars run on through folded lines, so a long interval stays continuous.

Each event line shows the event's ``when`` label, its title (shortened with an
ellipsis when too long) and its id, since the full statement is one
``show ID`` away. Below ``IDS_MIN_WIDTH`` columns the ids give way to the
title and a last line says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from kbtimeline.errors import KbTimelineError
from kbtimeline.model import Day, Event
from kbtimeline.output.views._text import (
    FOLD_EMPTY,
    MONTH_ABBR,
    Segment,
    check_width,
    clean,
    dash_for,
    ellipsis_for,
    finish,
    month_label,
    plural,
    year_label,
)
from kbtimeline.query import focus, in_range

IDS_MIN_WIDTH = 60
MONTH_ZOOM_YEARS = 3
MAX_LANES = 4


@dataclass(frozen=True)
class _Glyphs:
    tick: str
    axis: str
    quiet: str
    point: str
    bar_start: str
    bar_from_above: str
    bar: str
    bar_end: str
    leader: str
    dash: str
    ellipsis: str


# Each glyph as (Unicode, ASCII), side by side so the two sets stay in step.
_GLYPH_PAIRS = {
    "tick": ("├", "+"),
    "axis": ("│", "|"),
    "quiet": ("┆", ":"),
    "point": ("●", "*"),
    "bar_start": ("┏", "+"),
    "bar_from_above": ("┣", "|"),
    "bar": ("┃", "|"),
    "bar_end": ("╹", "'"),
    "leader": ("━", "-"),
    "dash": (dash_for(False), dash_for(True)),
    "ellipsis": (ellipsis_for(False), ellipsis_for(True)),
}
_UNICODE = _Glyphs(**{name: pair[0] for name, pair in _GLYPH_PAIRS.items()})
_ASCII = _Glyphs(**{name: pair[1] for name, pair in _GLYPH_PAIRS.items()})


@dataclass(frozen=True)
class _Scale:
    """What one step of the gutter is: a year, or a month when zoomed in."""

    months: bool

    def unit(self, day: Day) -> int:
        return day.year * 12 + day.month - 1 if self.months else day.year

    def year_of(self, unit: int) -> int:
        return unit // 12 if self.months else unit

    def marker(self, unit: int, with_year: bool) -> str:
        if not self.months:
            return year_label(unit)
        month = MONTH_ABBR[unit % 12]
        return f"{year_label(unit // 12)} {month}" if with_year else month

    def stretch(self, first: int, last: int, dash: str) -> str:
        """A run of units as people write it: 1924-1962, Mar-Aug 1992, Nov 1991-Feb 1992."""
        if not self.months:
            return f"{year_label(first)}{dash}{year_label(last)}"
        end = month_label(last // 12, last % 12 + 1)
        if first // 12 == last // 12:
            return f"{MONTH_ABBR[first % 12]}{dash}{end}"
        return f"{month_label(first // 12, first % 12 + 1)}{dash}{end}"

    def length(self, first: int, last: int) -> str:
        return plural(last - first + 1, "empty month" if self.months else "empty year")


@dataclass(frozen=True)
class _Row:
    """One output line: an event, a bare tick for a unit, or a collapsed quiet run."""

    unit: int | None = None
    event: Event | None = None
    quiet: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Bar:
    """An interval's lane, the rows it runs between, and whether it starts and ends in view."""

    lane: int
    first: int
    last: int
    opens: bool
    closes: bool


def render_timeline(
    events: Iterable[Event],
    *,
    width: int,
    ascii: bool = False,
    color: bool = False,
    start: Day | None = None,
    end: Day | None = None,
) -> str:
    """The timeline as lines of at most ``width`` columns, joined without a final newline.

    ``start`` and ``end`` are the window asked for: the view runs from the one
    to the other even where no event falls, so an empty stretch at either end
    is shown as such, and events that do not overlap it are left out; without
    them it runs from the earliest start to the latest end. Intervals reaching
    outside the window are cut at its edges, without an end mark on that side.
    ``ascii`` keeps every glyph the view adds to ASCII; ``color`` adds ANSI
    colour codes (the caller decides: a terminal, and no ``NO_COLOR``).
    """
    check_width(width)
    if start and end and end < start:
        raise KbTimelineError(f"the end {end.iso()} is before the start {start.iso()}")
    ordered = sorted(
        (event for event in events if in_range(event, start, end)),
        key=Event.sort_key,
    )
    if not ordered:
        return "No events."
    first_day = start or min(focus(event)[0] for event in ordered)
    last_day = end or max(focus(event)[1] for event in ordered)
    scale = _Scale(months=last_day.year - first_day.year < MONTH_ZOOM_YEARS)
    low, high = scale.unit(first_day), scale.unit(last_day)
    placed = [_Placed.of(event, scale, low, high) for event in ordered]
    lanes = _assign_lanes(placed, max(1, min(MAX_LANES, (width - 30) // 10)))
    rows, bars = _lay_out(placed, lanes, low, high)
    return "\n".join(_draw(rows, bars, scale, width, _ASCII if ascii else _UNICODE, color))


@dataclass(frozen=True)
class _Placed:
    """An event's first and last unit within the view, and whether its real ends are in it."""

    event: Event
    first: int
    last: int
    opens: bool
    closes: bool

    @classmethod
    def of(cls, event: Event, scale: _Scale, low: int, high: int) -> _Placed:
        """Placed where its ``focus`` is: "late 1992" runs from September."""
        first, last = (scale.unit(day) for day in focus(event))
        return cls(event, max(first, low), min(last, high), first >= low, last <= high)

    @property
    def is_interval(self) -> bool:
        return self.first < self.last


def _assign_lanes(placed: list[_Placed], max_lanes: int) -> dict[int, int]:
    """Lane of each interval (by index), lowest free first; one finding none stays a point.

    A lane is free for an interval starting in a later unit than the one its
    last bar ended in: within one unit the ending bar covers every line.
    """
    lane_ends: list[int] = []
    lanes: dict[int, int] = {}
    for index, place in enumerate(placed):
        if not place.is_interval:
            continue
        free = [lane for lane, busy_until in enumerate(lane_ends) if busy_until < place.first]
        if free:
            lanes[index] = free[0]
            lane_ends[free[0]] = place.last
        elif len(lane_ends) < max_lanes:
            lanes[index] = len(lane_ends)
            lane_ends.append(place.last)
    return lanes


def _lay_out(placed: list[_Placed], lanes: dict[int, int], low: int, high: int) -> tuple[list[_Row], list[_Bar]]:
    """Rows in time order, and the bars with the rows they run between."""
    starting: dict[int, list[int]] = {}
    for index, place in enumerate(placed):
        starting.setdefault(place.first, []).append(index)
    # An end the window cuts off needs no line of its own: its bar runs to the bottom.
    ending = {placed[index].last for index in lanes if placed[index].closes}
    rows: list[_Row] = []
    event_row: dict[int, int] = {}
    last_row_of: dict[int, int] = {}
    cursor = low
    for unit in sorted(starting.keys() | ending):
        rows.extend(_quiet_rows(cursor, unit - 1))
        for position, index in enumerate(starting.get(unit, [])):
            event_row[index] = len(rows)
            rows.append(_Row(unit=unit if position == 0 else None, event=placed[index].event))
        if unit not in starting:
            rows.append(_Row(unit=unit))
        last_row_of[unit] = len(rows) - 1
        cursor = unit + 1
    rows.extend(_quiet_rows(cursor, high))
    bars = [
        _Bar(
            lane,
            event_row[index],
            last_row_of[placed[index].last] if placed[index].closes else len(rows) - 1,
            placed[index].opens,
            placed[index].closes,
        )
        for index, lane in lanes.items()
    ]
    return rows, bars


def _quiet_rows(first: int, last: int) -> list[_Row]:
    """A bare tick for each unit of a short run, one folded line for a longer one."""
    if last - first + 1 >= FOLD_EMPTY:
        return [_Row(quiet=(first, last))]
    return [_Row(unit=unit) for unit in range(first, last + 1)]


def _lane_cells(rows: int, bars: list[_Bar], glyphs: _Glyphs) -> list[list[str]]:
    """For each row, what each lane shows: a bar's start, body, end, or nothing."""
    lanes = 1 + max((bar.lane for bar in bars), default=-1)
    cells = [[" "] * lanes for _ in range(rows)]
    for bar in bars:
        for row in range(bar.first + 1, bar.last):
            cells[row][bar.lane] = glyphs.bar
        cells[bar.last][bar.lane] = glyphs.bar_end if bar.closes else glyphs.bar
        cells[bar.first][bar.lane] = glyphs.bar_start if bar.opens else glyphs.bar_from_above
    return cells


def _markers(rows: list[_Row], scale: _Scale) -> list[str]:
    """The gutter text of each row; in a month view the year shows when it changes."""
    shown_year: int | None = None
    markers: list[str] = []
    for row in rows:
        marker = ""
        if row.unit is not None:
            year = scale.year_of(row.unit)
            marker = scale.marker(row.unit, with_year=year != shown_year)
            shown_year = year
        markers.append(marker)
    return markers


@dataclass(frozen=True)
class _Columns:
    """Where the text of an event line goes once the gutter and lanes are placed."""

    when: int
    text: int
    ids: bool


def _columns(events: list[Event], room: int, width: int) -> _Columns:
    """Align titles after the date labels, giving labels at most two fifths of the room."""
    ids = width >= IDS_MIN_WIDTH
    id_width = max(len(event.id) for event in events)
    room -= id_width + 2 if ids else 0
    when = min(max(len(clean(event.when)) for event in events), max(10, room * 2 // 5))
    title = min(max(len(clean(event.title)) for event in events), max(0, room - when - 2))
    return _Columns(when, when + 2 + title, ids)


def _draw(rows: list[_Row], bars: list[_Bar], scale: _Scale, width: int, glyphs: _Glyphs, color: bool) -> list[str]:
    cells = _lane_cells(len(rows), bars, glyphs)
    leads = {bar.first: bar.lane for bar in bars}
    markers = _markers(rows, scale)
    gutter = max(len(marker) for marker in markers)
    # gutter, space, axis, space, two columns a lane, mark, space
    prefix = gutter + 5 + 2 * len(cells[0])
    events = [row.event for row in rows if row.event is not None]
    columns = _columns(events, width - prefix, width)
    lines = []
    for index, row in enumerate(rows):
        segments: list[Segment] = [(markers[index].rjust(gutter), "label"), (" ", "")]
        segments.append((_axis(row, glyphs), "quiet"))
        segments.append((" ", ""))
        segments.extend(_lanes(cells[index], leads.get(index), row, glyphs))
        segments.extend(_text(row, scale, columns, glyphs))
        lines.append(finish(segments, width, glyphs.ellipsis, color))
    if not columns.ids:
        note = f"(ids hidden below {IDS_MIN_WIDTH} columns)"
        lines.append(finish([(note, "quiet")], width, glyphs.ellipsis, color))
    return lines


def _axis(row: _Row, glyphs: _Glyphs) -> str:
    if row.quiet is not None:
        return glyphs.quiet
    return glyphs.tick if row.unit is not None else glyphs.axis


def _lanes(cells: list[str], lead: int | None, row: _Row, glyphs: _Glyphs) -> list[Segment]:
    """The lanes and the mark column; an interval's own line leads from its bar to its text."""
    if lead is None:
        body = "".join(cell + " " for cell in cells)
        mark = glyphs.point if row.event is not None else " "
        return [(body, "bar"), (mark, "mark"), (" ", "")]
    before = "".join(cell + " " for cell in cells[:lead])
    after = "".join((glyphs.leader if cell == " " else cell) + glyphs.leader for cell in cells[lead + 1 :])
    return [(before + cells[lead] + glyphs.leader + after + glyphs.leader, "bar"), (" ", "")]


def _text(row: _Row, scale: _Scale, columns: _Columns, glyphs: _Glyphs) -> list[Segment]:
    if row.quiet is not None:
        first, last = row.quiet
        stretch = scale.stretch(first, last, glyphs.dash)
        return [(f"{stretch}: {scale.length(first, last)}", "quiet")]
    if row.event is None:
        return []
    when = clean(row.event.when).ljust(columns.when)
    text = finish([(f"{when}  {clean(row.event.title)}", "")], columns.text, glyphs.ellipsis, False)
    if not columns.ids:
        return [(text, "")]
    return [(text.ljust(columns.text) + "  ", ""), (row.event.id, "id")]
