"""Picture commands: timeline, explore, histogram, stats and export — events drawn for a person to look at.

The views, the exporters and the terminal app (Textual) are imported inside
the commands: the query commands never pay for them.
"""

from pathlib import Path
from typing import Annotated

import typer

from kbtimeline import query
from kbtimeline.cli.options import (
    AllOption,
    AsciiOption,
    EndArgument,
    Filters,
    FromOption,
    GranularityOption,
    LimitOption,
    MentionsOption,
    SearchOption,
    SourceOption,
    StartArgument,
    ToOption,
    UnicodeOption,
    View,
    WidthOption,
    Window,
    choices,
)
from kbtimeline.cli.root import Session, app, emit
from kbtimeline.errors import KbTimelineError, UsageError
from kbtimeline.model import Event
from kbtimeline.output.render import counted
from kbtimeline.storage import Replacement


def _window(start: str | None, end: str | None, date_from: str | None, date_to: str | None) -> Window:
    """The period a picture covers: START [END] if given, else --from/--to."""
    return Window.period(start, end) if start is not None else Window.between(date_from, date_to)


def _searched(session: Session, terms: list[str] | None) -> query.Search | None:
    """The --search terms (with aliases), or None when there are none."""
    return query.compile_search(terms, aliases=session.aliases) if terms else None


def draw_timeline(session: Session, view: View, criteria: query.Criteria) -> tuple[str, int]:
    """The timeline of the events ``criteria`` asks for, and how many it shows.

    Under a limit the picture stops where the events shown stop, and says
    more were left out (``query.cut_to_limit``).
    """
    from kbtimeline.output.views import render_timeline

    # In time order: a picture has no inside-first part, and the cut reads the order.
    one_more = criteria._replace(limit=None if criteria.limit is None else criteria.limit + 1, inside_first=False)
    shown = query.cut_to_limit([counted(entry) for entry in session.events.select(one_more)], criteria)
    picture = render_timeline(
        shown.events, width=view.width, ascii=view.ascii, color=view.color, start=shown.start, end=shown.end
    )
    more = "\n"
    if shown.next is not None:
        day = shown.next.iso()
        where = "" if criteria.sort != "date" else f" up to {day}" if criteria.reverse else f" from {day} on"
        more = f"\nmore events{where} not shown (--limit {criteria.limit})\n"
    return view.finish(picture + more), len(shown.events)


@app.command()
def timeline(
    ctx: typer.Context,
    start: StartArgument = None,
    end: EndArgument = None,
    search_terms: SearchOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    granularity: GranularityOption = None,
    source: SourceOption = None,
    limit: LimitOption = None,
    include_context: AllOption = False,
    mentions: MentionsOption = False,
    width: WidthOption = None,
    ascii: AsciiOption = False,
    unicode: UnicodeOption = False,
) -> None:
    """A vertical timeline: years down the side, points and bars for events.

    Long intervals are bars over the years they cover; runs of empty years
    fold into one line. Titles are shortened to fit; `show ID` has the rest.

    \b
    Examples:
      kbtimeline timeline 1988 1994
      kbtimeline timeline --search Shusha --width 100
    """
    session: Session = ctx.obj
    window = _window(start, end, date_from, date_to)
    view = View.of(session.env, width, ascii, unicode)
    filters = Filters(granularity, source, limit=limit, context=include_context, mentions=mentions)
    picture, _ = draw_timeline(session, view, filters.criteria(window, search=_searched(session, search_terms)))
    emit(picture)


@app.command()
def explore(
    ctx: typer.Context,
    start: StartArgument = None,
    end: EndArgument = None,
    search_terms: SearchOption = None,
    date_from: Annotated[
        str | None, typer.Option("--from", metavar="DATE", help="The first window starts at DATE (as START).")
    ] = None,
    date_to: Annotated[
        str | None, typer.Option("--to", metavar="DATE", help="The first window ends at DATE (as END).")
    ] = None,
    granularity: GranularityOption = None,
    source: SourceOption = None,
) -> None:
    """The timeline as an interactive terminal app: zoom the axis, search as you type, read an event.

    Keys: + and - zoom, arrows move, / searches, Enter shows a happening, ? lists all keys, q quits.

    \b
    Examples:
      kbtimeline explore
      kbtimeline --data kb.sqlite explore 1991 1994 --search Shusha
    """
    import shlex  # lazy, as the app: the search box reads the terms back as typed

    from kbtimeline.explore.app import run  # lazy: only this command imports Textual
    from kbtimeline.explore.data import Filters as Fixed

    session: Session = ctx.obj
    window = _window(start, end, date_from, date_to)
    fixed = Fixed(tuple(granularity or ()), tuple(source or ()))
    run(session.data, start=window.start, end=window.end, search=shlex.join(search_terms or ()), filters=fixed)


@app.command()
def histogram(
    ctx: typer.Context,
    start: StartArgument = None,
    end: EndArgument = None,
    by: Annotated[
        str,
        typer.Option(
            "--by", metavar="UNIT", help="decade, year or month.", autocompletion=choices(("decade", "year", "month"))
        ),
    ] = "year",
    spark: Annotated[bool, typer.Option("--spark", help="One line of sparkline instead of bars.")] = False,
    search_terms: SearchOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    granularity: GranularityOption = None,
    source: SourceOption = None,
    include_context: AllOption = False,
    mentions: MentionsOption = False,
    width: WidthOption = None,
    ascii: AsciiOption = False,
    unicode: UnicodeOption = False,
) -> None:
    """How many events (one per happening) start in each decade, year or month, as bars.

    An event counts once, where it starts, and only when it is dated at least
    as finely as the buckets ("1992" is not counted by month).

    \b
    Examples:
      kbtimeline histogram --by decade
      kbtimeline histogram 1988 1994 --by month --spark
    """
    from kbtimeline.output.views import BY, count_buckets, render_histogram, render_sparkline

    session: Session = ctx.obj
    if by not in BY:
        raise UsageError(f"unknown --by {by!r}; accepted: {', '.join(BY)}")
    window = _window(start, end, date_from, date_to)
    filters = Filters(granularity, source, context=include_context, mentions=mentions)
    events = [
        entry.event
        for entry in session.events.select(filters.criteria(window, search=_searched(session, search_terms)))
    ]
    view = View.of(session.env, width, ascii, unicode)
    counts = count_buckets(events, by, start=window.start, end=window.end)
    draw = render_sparkline if spark else render_histogram
    emit(view.finish(draw(counts, width=view.width, ascii=view.ascii, color=view.color) + "\n"))


@app.command()
def stats(
    ctx: typer.Context,
    date_from: FromOption = None,
    date_to: ToOption = None,
    granularity: GranularityOption = None,
    source: SourceOption = None,
    include_context: AllOption = False,
    mentions: MentionsOption = False,
    as_json: Annotated[bool, typer.Option("--json", help="The figures as one JSON object.")] = False,
    width: WidthOption = None,
    ascii: AsciiOption = False,
    unicode: UnicodeOption = False,
) -> None:
    """Events (one per happening) per source and granularity, the earliest and latest, the busiest year and month.

    \b
    Examples:
      kbtimeline stats
      kbtimeline stats --json
    """
    import json

    from kbtimeline.output.views import compute_stats, render_stats

    session: Session = ctx.obj
    window = Window.between(date_from, date_to)
    filters = Filters(granularity, source, context=include_context, mentions=mentions)
    entries = list(session.events.select(filters.criteria(window)))
    records = sum(len(entry.mentions) or 1 for entry in entries)
    figures = compute_stats([entry.event for entry in entries], records, start=window.start, end=window.end)
    if as_json:
        emit(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
        return
    view = View.of(session.env, width, ascii, unicode)
    emit(view.finish(render_stats(figures, width=view.width, ascii=view.ascii, color=view.color) + "\n"))


@app.command()
def export(
    ctx: typer.Context,
    html: Annotated[
        Path | None,
        typer.Option("--html", metavar="OUT", help="Write a self-contained HTML timeline page to OUT (- for stdout)."),
    ] = None,
    timelinejs: Annotated[
        Path | None,
        typer.Option("--timelinejs", metavar="OUT", help="Write TimelineJS3 JSON to OUT (- for stdout)."),
    ] = None,
    title: Annotated[
        str, typer.Option("--title", metavar="TEXT", help="The page's and the timeline's title.")
    ] = "Timeline",
    force: Annotated[bool, typer.Option("--force", help="Replace OUT files that exist.")] = False,
    search_terms: SearchOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    within: Annotated[
        bool, typer.Option("--within", help="Only events entirely inside --from/--to, not every one overlapping.")
    ] = False,
    granularity: GranularityOption = None,
    source: SourceOption = None,
    limit: LimitOption = None,
    include_context: AllOption = False,
    mentions: MentionsOption = False,
) -> None:
    """Export events as a timeline page for any browser, or as TimelineJS3 data.

    The HTML page needs no network: zoom and pan the axis, filter as you
    type, click an event for its sentence. It opens on --from/--to when
    given, else on where most events are. Files are written atomically, and
    existing ones are kept unless --force; OUT - writes to stdout.

    \b
    Examples:
      kbtimeline export --html war.html --title "The war"
      kbtimeline export --timelinejs war.json --from 1991 --to 1994
      kbtimeline export --html - --from 1992 --to 1993 > war.html
    """
    import json

    from kbtimeline.output.export import render_html, to_timelinejs

    session: Session = ctx.obj
    if html is None and timelinejs is None:
        raise UsageError("nothing to export: give --html OUT, --timelinejs OUT, or both")
    outputs = [path for path in (html, timelinejs) if path is not None]
    if [str(path) for path in outputs].count(STDOUT) > 1:
        raise UsageError("only one of --html and --timelinejs can write to stdout (-)")
    if not force:
        for path in outputs:
            if str(path) != STDOUT and path.exists():
                raise KbTimelineError(f"{path}: already exists; add --force to replace it")
    window = Window.between(date_from, date_to)
    filters = Filters(granularity, source, limit=limit, context=include_context, mentions=mentions)
    criteria = filters.criteria(window, within=within, search=_searched(session, search_terms))
    events: list[Event] = [counted(entry) for entry in session.events.select(criteria)]
    if html is not None:
        _write(html, render_html(events, title, window=(window.start, window.end)))
    if timelinejs is not None:
        _write(timelinejs, json.dumps(to_timelinejs(events, title), ensure_ascii=False, indent=2) + "\n")


STDOUT = "-"


def _write(path: Path, text: str) -> None:
    """``text`` to stdout for ``-``, else to the file, atomically."""
    if str(path) == STDOUT:
        emit(text)
    else:
        Replacement.write_text(path, text)
