"""Options shared by several commands, declared once, and the typed values commands build from them.

A command declares its parameters with these aliases, then turns them into
one typed value (a ``query.Criteria`` with its ``Request``, a ``View``) that
the shared helpers take: nothing reads a parameter back by its name.
"""

from collections.abc import Callable
from typing import Annotated, NamedTuple

import typer

from kbtimeline import periods, query
from kbtimeline.model import GRANULARITIES, Day
from kbtimeline.output.render import FORMATS, Environment, choose_format


def choices(values: tuple[str, ...]) -> Callable[[str], list[str]]:
    """Shell completion for an option that takes one of ``values``."""

    def complete(incomplete: str) -> list[str]:
        return [value for value in values if value.startswith(incomplete)]

    return complete


FromOption = Annotated[
    str | None,
    typer.Option("--from", metavar="DATE", help="Only events that end on or after DATE."),
]
ToOption = Annotated[
    str | None,
    typer.Option("--to", metavar="DATE", help="Only events that start on or before DATE."),
]
GranularityOption = Annotated[
    list[str] | None,
    typer.Option(
        "--granularity",
        "-g",
        metavar="UNIT",
        help=f"Only events dated to UNIT; repeat for several. One of: {', '.join(GRANULARITIES)}.",
        autocompletion=choices(GRANULARITIES),
    ),
]
SourceOption = Annotated[
    list[str] | None,
    typer.Option("--source", "-s", metavar="SOURCE", help="Only events from SOURCE; repeatable."),
]
SortOption = Annotated[
    str,
    typer.Option(
        "--sort",
        metavar="KEY",
        help="date: chronological, finer dates first at the same start; source: by source, in "
        "text order; granularity: day-precise events first, then by date.",
        autocompletion=choices(tuple(query.SORTS)),
    ),
]
LimitOption = Annotated[int | None, typer.Option("--limit", "-n", metavar="N", help="Show at most N events.")]
ReverseOption = Annotated[bool, typer.Option("--reverse", "-r", help="Reverse the order (newest first).")]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"One of: {', '.join(FORMATS)}. Default: table at a terminal, tsv otherwise.",
        autocompletion=choices(FORMATS),
    ),
]
AllOption = Annotated[
    bool, typer.Option("--all", help="Context records too (a book's year, a statistic's), not only events.")
]
MentionsOption = Annotated[
    bool, typer.Option("--mentions", help="Every record, instead of one entry per happening with its mention count.")
]
JsonOption = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
JsonlOption = Annotated[bool, typer.Option("--jsonl", help="Same as --format jsonl.")]
WidthOption = Annotated[
    int | None,
    typer.Option("--width", "-w", metavar="N", help="Draw N columns wide; default: the terminal's, else 80."),
]
AsciiOption = Annotated[bool, typer.Option("--ascii", help="Draw with ASCII only, for terminals without Unicode.")]
UnicodeOption = Annotated[bool, typer.Option("--unicode", help="Draw with Unicode blocks even when not at a terminal.")]
SearchOption = Annotated[
    list[str] | None,
    typer.Option("--search", metavar="TERM", help="Only events whose sentence has TERM; repeat for several."),
]
StartArgument = Annotated[
    str | None,
    typer.Argument(metavar="[START]", help="First period shown, e.g. 1988.", show_default=False),
]
EndArgument = Annotated[
    str | None,
    typer.Argument(metavar="[END]", help="Last period shown; default: START's.", show_default=False),
]


class Window(NamedTuple):
    """The period a command covers; None on an open side."""

    start: Day | None = None
    end: Day | None = None

    @classmethod
    def between(cls, first: str | None, last: str | None) -> "Window":
        """From the first day of ``first`` to the last day of ``last`` (--from, --to)."""
        return cls(*periods.parse_bounds(first, last))

    @classmethod
    def period(cls, start: str, end: str | None) -> "Window":
        """START [END]: without END, the whole of START's period."""
        return cls.between(start, end or start)


class Filters(NamedTuple):
    """The options that choose which events, in which order, and how many."""

    granularity: list[str] | None = None
    source: list[str] | None = None
    sort: str = "date"
    reverse: bool = False
    limit: int | None = None
    context: bool = False  # --all
    mentions: bool = False  # --mentions

    def criteria(self, window: Window, *, within: bool = False, search: query.Search | None = None) -> query.Criteria:
        """The query these options ask for over ``window``."""
        return query.Criteria(
            start=window.start,
            end=window.end,
            within=within,
            search=search,
            granularities=tuple(self.granularity or ()),
            sources=tuple(self.source or ()),
            sort=self.sort,
            reverse=self.reverse,
            limit=self.limit,
            context=self.context,
            mentions=self.mentions,
        )


class Output(NamedTuple):
    """--format, --json and --jsonl, as given."""

    name: str | None = None
    json: bool = False
    jsonl: bool = False

    def choose(self, env: Environment) -> str:
        return choose_format(self.name, json=self.json, jsonl=self.jsonl, env=env)


class View(NamedTuple):
    """How a picture is drawn: width, ASCII or Unicode glyphs, colour or not, text made ASCII or not."""

    width: int
    ascii: bool
    color: bool
    transliterate: bool = False

    @classmethod
    def of(cls, env: Environment, width: int | None = None, ascii: bool = False, unicode: bool = False) -> "View":
        """At a terminal: its width, Unicode and colour (see ``Environment.color``); in a pipe: 80
        columns of ASCII glyphs unless --unicode asks for blocks. Only --ascii also transliterates the text."""
        if width is not None:
            from kbtimeline.output.views import check_width  # lazy: the views cost the query commands time

            check_width(width)
        return cls(
            width=width or env.width,
            ascii=ascii or not (env.is_tty or unicode),
            color=env.color,
            transliterate=ascii,
        )

    def finish(self, picture: str) -> str:
        """The picture as it is printed: with --ascii, every character ASCII ("Şuşa" -> "Susa", "–" -> "-")."""
        if not self.transliterate:
            return picture
        from anyascii import anyascii  # lazy: only --ascii needs it

        return anyascii(picture)
