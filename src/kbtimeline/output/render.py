"""Events to text: a table for a person at a terminal, plain formats for everything else.

Whether stdout is a terminal, how wide it is and whether colour is wanted are
an ``Environment`` value passed in (as httpie does), so a test renders the
human and the piped form alike, at a fixed width. Only the table and ``show``
go through rich, imported when needed; json, jsonl, tsv and csv are written
by the standard library, so rich never reinterprets "[citation needed]".
"""

from __future__ import annotations

import io
import itertools
import os
import shutil
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, NamedTuple, TextIO

from kbtimeline.errors import UsageError
from kbtimeline.jsonio import json_array, json_item, jsonl_line
from kbtimeline.model import Event
from kbtimeline.query import INSIDE

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.text import Text

FORMATS = ("table", "tsv", "csv", "json", "jsonl", "timeline")
STREAMED = ("tsv", "csv", "json", "jsonl")  # formats written event by event
COLUMNS = ("id", "start", "end", "granularity", "when", "source", "text")
MATCH_STYLE = "bold yellow"
DATE_STYLE = "bold reverse"
CONTEXT_CHARS = 300  # how much source text `show` quotes on each side of the sentence
DEFAULT_WIDTH = 80
_ONE_LINE = str.maketrans("\t\n\r", "   ")  # a tsv field must not break the row

# Where search terms occur in a text: (start, end) offsets to highlight.
Marker = Callable[[str], Iterable[tuple[int, int]]]
# What a range says of each event it found: inside the period or reaching beyond it (query.scope).
Scope = Callable[[Event], str]
SCOPE_COLUMN = "scope"


class Environment(NamedTuple):
    """Where output goes: a terminal (and how wide) or a pipe, and whether colour is wanted.

    At a terminal, text is styled: coloured, unless ``no_color`` (NO_COLOR
    set, ``--color never``), which keeps bold and the like; a ``dumb``
    terminal (TERM=dumb) gets no escape codes at all. ``force_color``
    (``--color always``) styles and colours a pipe too.
    """

    is_tty: bool = False
    width: int = DEFAULT_WIDTH
    no_color: bool = False
    force_color: bool = False
    dumb: bool = False

    @classmethod
    def detect(cls, stream: TextIO, environ: Mapping[str, str] = os.environ) -> Environment:
        is_tty = stream.isatty()
        width = shutil.get_terminal_size().columns if is_tty else DEFAULT_WIDTH
        return cls(
            is_tty=is_tty, width=width, no_color=bool(environ.get("NO_COLOR")), dumb=environ.get("TERM") == "dumb"
        )

    @property
    def styled(self) -> bool:
        """Whether escape codes (bold, colour) may be written at all."""
        return self.force_color or (self.is_tty and not self.dumb)

    @property
    def color(self) -> bool:
        """Whether what a person reads gets ANSI colour."""
        return self.force_color or (self.styled and not self.no_color)

    def with_color(self, when: str) -> Environment:
        """This environment under ``--color WHEN`` (auto, always, never)."""
        if when == "always":
            return self._replace(no_color=False, force_color=True)
        if when == "never":
            return self._replace(no_color=True, force_color=False)
        return self


PIPED = Environment()  # not a terminal: what machine formats and tests start from


def choose_format(name: str | None, *, json: bool, jsonl: bool, env: Environment) -> str:
    """The format --format, --json or --jsonl asks for; else table at a terminal, tsv in a pipe."""
    flags = ((name, name is not None), ("json", json), ("jsonl", jsonl))
    asked = {chosen for chosen, given in flags if given}
    if len(asked) > 1:
        raise UsageError(f"choose one output format, not {' and '.join(sorted(map(str, asked)))}")
    chosen = asked.pop() if asked else ("table" if env.is_tty else "tsv")
    if chosen not in FORMATS:
        raise UsageError(f"unknown format {chosen!r}; accepted: {', '.join(FORMATS)}")
    return chosen


def render(
    events: Sequence[Event],
    fmt: str,
    env: Environment = PIPED,
    mark: Marker | None = None,
    scope: Scope | None = None,
) -> str:
    """``events`` as text in format ``fmt``; ``mark`` finds what to highlight in the table, ``scope``
    (from ``range``) says which events are dated inside the period and which reach beyond it."""
    if fmt == "table":
        return _table(events, env, mark, scope)
    return "".join(render_stream(events, fmt, scope))  # refuses the rest


def render_stream(events: Iterable[Event], fmt: str, scope: Scope | None = None) -> Iterator[str]:
    """``events`` in a machine format (one of ``STREAMED``), piece by piece as they come.

    A query over millions of events can then write its first lines before it
    has found the last, and ``| head`` stops it early. With ``scope``, each
    event carries it: a last column ``scope``, or a ``"scope"`` field.
    """
    if fmt not in STREAMED:  # "timeline" is drawn by views, not written here
        raise UsageError(f"cannot write events as {fmt!r}; accepted: table, {', '.join(STREAMED)}")

    def extra(event: Event) -> dict[str, str] | None:
        return None if scope is None else {SCOPE_COLUMN: scope(event)}

    if fmt == "json":
        return json_array(json_item(event, extra(event)) for event in events)
    if fmt == "jsonl":
        return (jsonl_line(event, extra(event)) for event in events)
    header = COLUMNS if scope is None else (*COLUMNS, SCOPE_COLUMN)
    rows = itertools.chain(
        [header],
        ([*(_cell(event, column) for column in COLUMNS), *(extra(event) or {}).values()] for event in events),
    )
    if fmt == "tsv":
        return ("\t".join(cell.translate(_ONE_LINE) for cell in row) + "\n" for row in rows)
    return _csv_lines(rows)


def _csv_lines(rows: Iterable[Sequence[str]]) -> Iterator[str]:
    import csv  # lazy: only the csv format needs it

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


def render_event(event: Event, source_text: str | None, env: Environment) -> str:
    """One event in full for ``show``: every field, then the sentence in the text around it."""
    from rich.text import Text

    out = Text()
    out.append(f"{event.when}\n", style="bold")
    for label, value in _fields(event):
        out.append(f"{label:<12}", style="dim")
        out.append(f"{value}\n")
    out.append("\n")
    out.append_text(_context(event, source_text))
    return _print(env, out)


def _table(events: Sequence[Event], env: Environment, mark: Marker | None, scope: Scope | None) -> str:
    """Columns When, Event, (Source,) ID; with ``scope``, the events reaching beyond the period follow
    the others under a line that says so."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    if not events:
        return _print(env, Text("No matching events.", style="dim"))
    several_sources = len({event.source for event in events}) > 1
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("When", style="cyan")
    table.add_column("Event", ratio=1, overflow="fold")
    if several_sources:
        table.add_column("Source", overflow="fold")
    table.add_column("ID", style="dim", no_wrap=True)
    beyond = False
    for event in events:
        if scope is not None and not beyond and scope(event) != INSIDE:
            beyond = True
            if table.row_count:
                table.add_section()
            note = Text("Dated more widely, reaching beyond the period:", style="dim italic")
            table.add_row(Text(""), note, *([Text("")] if several_sources else []), Text(""))
        text = Text(event.text)
        for start, end in mark(event.text) if mark else ():
            text.stylize(MATCH_STYLE, start, end)
        source = [Text(event.source)] if several_sources else []
        table.add_row(Text(event.when), text, *source, Text(event.id))
    return _print(env, table)


def _fields(event: Event) -> list[tuple[str, str]]:
    start, end = event.span
    date_start, date_end = event.date_span
    fields = [
        ("id", event.id),
        ("start", event.start.iso()),
        ("end", event.end.iso()),
        ("granularity", event.granularity),
        ("modifier", event.modifier or "-"),
        ("time", event.time or "-"),
        ("date text", event.date_text),
        ("source", f"{event.source}, characters {start}-{end} (date {date_start}-{date_end})"),
        ("section", event.section),
        ("anchored", "yes: dated from context" if event.anchored else "no"),
    ]
    fields += [("part", f"{part.start.iso()} to {part.end.iso()}") for part in event.parts]
    return fields


def _context(event: Event, source_text: str | None) -> Text:
    """The sentence in bold inside its surrounding text, the date phrase highlighted.

    Without the source text (or if it no longer matches the offsets), the
    sentence alone, with the date phrase found through the span offsets.
    """
    from rich.text import Text

    date_start, date_end = event.date_span
    if source_text is not None and source_text[date_start:date_end] == event.date_text:
        start, end = event.span
        left = max(0, start - CONTEXT_CHARS)
        right = min(len(source_text), end + CONTEXT_CHARS)
        if left > 0:  # begin and end the quote with whole words
            left = source_text.find(" ", left, start) + 1 or start
        if right < len(source_text):
            right = max(source_text.rfind(" ", end, right), end)
        prefix = "…" if left > 0 else ""
        suffix = "…" if right < len(source_text) else ""
        text = Text(prefix + source_text[left:right] + suffix)
        shift = len(prefix) - left
        text.stylize("bold", start + shift, end + shift)
        text.stylize(DATE_STYLE, date_start + shift, date_end + shift)
        text.rstrip()
        return text
    text = Text(event.text)
    relative = date_start - event.span[0]
    if event.text[relative : relative + len(event.date_text)] != event.date_text:
        relative = event.text.find(event.date_text)
    if relative >= 0:
        text.stylize(DATE_STYLE, relative, relative + len(event.date_text))
    text.append("\n(source text not available: showing the sentence alone)", style="dim")
    return text


def _cell(event: Event, column: str) -> str:
    value = getattr(event, column)
    return value if isinstance(value, str) else value.iso()


def _print(env: Environment, renderable: RenderableType) -> str:
    """What rich prints for ``renderable`` in this environment, as a string."""
    from rich.console import Console

    buffer = io.StringIO()
    Console(
        file=buffer,
        width=env.width,
        force_terminal=env.styled,
        no_color=not env.color,
        color_system="standard" if env.styled else None,
        highlight=False,
        markup=False,
        emoji=False,
        legacy_windows=False,
        soft_wrap=not env.is_tty,  # piped text keeps its own lines; the reader's tool wraps
    ).print(renderable)
    return buffer.getvalue()
