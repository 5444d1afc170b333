"""Query commands: range, search, list and show — events as a table, tsv, csv, JSON or a timeline."""

from functools import partial
from itertools import chain
from typing import Annotated, NamedTuple

import typer

from kbtimeline import query
from kbtimeline.cli.options import (
    AllOption,
    Filters,
    FormatOption,
    FromOption,
    GranularityOption,
    JsonlOption,
    JsonOption,
    LimitOption,
    MentionsOption,
    Output,
    ReverseOption,
    SortOption,
    SourceOption,
    ToOption,
    View,
    Window,
)
from kbtimeline.cli.root import Session, app, emit
from kbtimeline.jsonio import json_object
from kbtimeline.output.render import STREAMED, render, render_event, render_stream


class Request(NamedTuple):
    """One query command's whole ask: which events, and in which format."""

    criteria: query.Criteria
    output: Output


@app.command("range")
def range_command(
    ctx: typer.Context,
    start: Annotated[str, typer.Argument(metavar="START", help='First period, e.g. 1991 or "May 1992".')],
    end: Annotated[
        str | None,
        typer.Argument(metavar="[END]", help="Last period; default: START's.", show_default=False),
    ] = None,
    within: Annotated[bool, typer.Option("--within", help="Only events entirely inside the range.")] = False,
    granularity: GranularityOption = None,
    source: SourceOption = None,
    sort: SortOption = "date",
    limit: LimitOption = None,
    reverse: ReverseOption = False,
    include_context: AllOption = False,
    mentions: MentionsOption = False,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    as_jsonl: JsonlOption = False,
) -> None:
    """Events that overlap a period: those dated inside it first, then those reaching beyond it.

    START and END each name a whole period: a START begins on its first day,
    an END finishes on its last. Accepted: 1992, 1990s, 490 BC, May 1992,
    1992-05, 8 May 1992, "May 8, 1992", 1992-05-08, and the labels kbtimeline
    prints: "early 1992", "winter 1991–1992", "20th century", 1991-1994.
    Early, mid and late mean the first, middle and last third. Each event
    says whether it is inside the period or wider (the scope column or field).

    \b
    Examples:
      kbtimeline range 1991 1994
      kbtimeline range "May 1992" --within --json
    """
    window = Window.period(start, end)
    filters = Filters(granularity, source, sort, reverse, limit, include_context, mentions)
    criteria = filters.criteria(window, within=within)._replace(inside_first=True)
    select_and_emit(ctx.obj, Request(criteria, Output(output_format, as_json, as_jsonl)))


@app.command()
def search(
    ctx: typer.Context,
    terms: Annotated[
        list[str],
        typer.Argument(metavar="QUERY...", help="Words to find; quote words to find a phrase."),
    ],
    match_any: Annotated[bool, typer.Option("--any", help="Match events with any term, not all.")] = False,
    regex: Annotated[bool, typer.Option("--regex", help="Each term is a regular expression (ignoring case).")] = False,
    exact: Annotated[bool, typer.Option("--exact", help="Only the spellings typed, none from aliases.json.")] = False,
    word: Annotated[
        bool, typer.Option("--word", "-w", help="Whole words only: UN finds UN, not United or until.")
    ] = False,
    date_from: FromOption = None,
    date_to: ToOption = None,
    granularity: GranularityOption = None,
    source: SourceOption = None,
    sort: SortOption = "date",
    limit: LimitOption = None,
    reverse: ReverseOption = False,
    include_context: AllOption = False,
    mentions: MentionsOption = False,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    as_jsonl: JsonlOption = False,
) -> None:
    """Events whose sentence contains every term, ignoring case and accents.

    A term matches the start of a word (with --word, whole words only), and a
    place name also finds its other spellings (Shusha finds Shushi and Şuşa).
    Quote words to find them as a phrase.

    \b
    Examples:
      kbtimeline search Shusha
      kbtimeline search "Khojaly massacre" --from 1992
      kbtimeline search --regex 'Shush[ai]' --exact
    """
    session: Session = ctx.obj
    window = Window.between(date_from, date_to)
    aliases = {} if exact or regex else session.aliases
    found = query.compile_search(terms, match_any=match_any, regex=regex, aliases=aliases, whole_words=word)
    filters = Filters(granularity, source, sort, reverse, limit, include_context, mentions)
    criteria = filters.criteria(window, search=found)
    if not select_and_emit(session, Request(criteria, Output(output_format, as_json, as_jsonl))) and not regex:
        suggestions = query.suggest(session.events.texts(), terms, aliases)
        if suggestions:
            emit(f"kbtimeline: no match; did you mean: {', '.join(suggestions)}?\n", err=True)


@app.command("list")
def list_command(
    ctx: typer.Context,
    date_from: FromOption = None,
    date_to: ToOption = None,
    granularity: GranularityOption = None,
    source: SourceOption = None,
    sort: SortOption = "date",
    limit: LimitOption = None,
    reverse: ReverseOption = False,
    include_context: AllOption = False,
    mentions: MentionsOption = False,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    as_jsonl: JsonlOption = False,
) -> None:
    """All events, in chronological order unless --sort says otherwise.

    \b
    Examples:
      kbtimeline list -n 20
      kbtimeline list --granularity day --from 1992 --jsonl
    """
    window = Window.between(date_from, date_to)
    criteria = Filters(granularity, source, sort, reverse, limit, include_context, mentions).criteria(window)
    select_and_emit(ctx.obj, Request(criteria, Output(output_format, as_json, as_jsonl)))


@app.command()
def show(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(metavar="ID", help="An event id, or its first characters.")],
    as_json: Annotated[
        bool,
        typer.Option("--json", help='The record as one JSON object: the events.json schema, plus "mentions".'),
    ] = False,
) -> None:
    """One record in full, the other mentions of its happening, the text around it, its date phrase highlighted.

    \b
    Examples:
      kbtimeline show 3f9a1c2b7e
      kbtimeline show 3f9a --json
    """
    session: Session = ctx.obj
    event = session.events.find(event_id)
    mentions = session.events.mentions(event)
    if as_json:  # the record with its happening's ids, as list --json writes the record that stands for it
        emit(json_object(query.Happening(event, tuple(other.id for other in mentions))))
        return
    others = [other for other in mentions if other != event]
    emit(render_event(event, session.events.source_text(event.source), session.env, others))


def select_and_emit(session: Session, request: Request) -> bool:
    """The tail of every query command: select, render, emit.

    Machine formats are written as the events come, so the first lines of a
    large result go out at once (and `| head` ends the query early). Returns
    whether any event was shown, so a command can comment on an empty result.
    """
    fmt = request.output.choose(session.env)
    criteria = request.criteria
    if fmt == "timeline":
        from kbtimeline.cli.pictures import draw_timeline  # the commands of pictures register after these

        picture, shown = draw_timeline(session, View.of(session.env), criteria)
        emit(picture)
        return shown > 0
    found = iter(session.events.select(criteria))
    head = next(found, None)
    entries = chain([head], found) if head is not None else iter(())
    scope = partial(query.scope, start=criteria.start, end=criteria.end) if criteria.inside_first else None
    if fmt in STREAMED:
        emit(render_stream(entries, fmt, scope))
    else:  # a table; "No matching events." is a remark, for stderr (as gh says it)
        marker = criteria.search.spans if criteria.search else None
        emit(render(list(entries), fmt, session.env, marker, scope), err=head is None)
    return head is not None
