"""The ``kbtimeline`` command: parse arguments, call the core, hand the text to one ``emit()``.

Expected failures are KbTimelineErrors raised by the core; ``_report`` is the
one place that turns a failure into a line on stderr and an exit code, and
``_Group.invoke`` the one place that calls it for every command.
"""

import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NamedTuple

import typer
from typer.core import TyperGroup

from kbtimeline import __version__, bounds, query, store
from kbtimeline.errors import UsageError
from kbtimeline.model import GRANULARITIES, Day, Event, KbTimelineError
from kbtimeline.render import FORMATS, STREAMED, Environment, choose_format, render, render_event, render_stream

if TYPE_CHECKING:
    from kbtimeline.pipeline import Outcome

EXIT_ERROR, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 1, 2, 130, 141
EXTRACT_FORMATS = ("json", "jsonl")
INPUT_FORMATS = ("auto", "text", "jsonl")  # auto: *.jsonl files hold JSON lines documents, the rest is text


def _report(error: BaseException) -> int:
    """Say in one line what went wrong and pick the exit code: the only place that does."""
    if isinstance(error, BrokenPipeError):
        return EXIT_BROKEN_PIPE  # the reader stopped listening (`| head`); nothing to say
    if isinstance(error, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    if isinstance(error, KbTimelineError):
        message, code = str(error), EXIT_USAGE if isinstance(error, UsageError) else EXIT_ERROR
    else:
        message, code = f"internal error: {error!r} (run with --debug to see where)", EXIT_ERROR
    print(f"kbtimeline: error: {message}", file=sys.stderr)
    return code


class _Group(TyperGroup):
    """Runs a command and reports whatever it raises, unless --debug asks for the traceback."""

    # Click declares its own Context here, which typer.Context extends; Click
    # itself is not imported, as Typer may ship its own copy.
    def invoke(self, ctx: typer.Context) -> object:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except (typer.Exit, typer.Abort):
            raise
        except (Exception, KeyboardInterrupt) as error:
            # Click's own usage errors carry an exit code and print themselves.
            if ctx.params.get("debug") or hasattr(error, "exit_code"):
                raise
            raise typer.Exit(_report(error)) from None


app = typer.Typer(
    cls=_Group,
    name="kbtimeline",
    rich_markup_mode=None,  # plain Click help: fast, and [brackets] in help text stay literal
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class _Session:
    """What every command shares: where output goes and where the events are."""

    def __init__(self, env: Environment, data: Path | None) -> None:
        self.env = env
        self.data = data

    @cached_property
    def events(self) -> store.Events:
        return store.open_events(store.locate(self.data))

    @cached_property
    def aliases(self) -> dict[str, list[str]]:
        return self.events.aliases()


def emit(text: str | Iterable[str]) -> None:
    """Write a command's output to stdout: all at once, or piece by piece as it is made."""
    if isinstance(text, str):
        sys.stdout.write(text)
        return
    for piece in text:
        sys.stdout.write(piece)


def _choices(values: tuple[str, ...]) -> Callable[[str], list[str]]:
    """Shell completion for an option that takes one of ``values``."""

    def complete(incomplete: str) -> list[str]:
        return [value for value in values if value.startswith(incomplete)]

    return complete


def _print_version(value: bool) -> None:
    if value:
        emit(f"kbtimeline {__version__}\n")
        raise typer.Exit()


# Options shared by the query commands, declared once. The commands declare
# them for Typer; _select_and_emit reads them back from ctx.params.
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
        autocompletion=_choices(GRANULARITIES),
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
        autocompletion=_choices(tuple(query.SORTS)),
    ),
]
LimitOption = Annotated[
    int | None, typer.Option("--limit", "-n", metavar="N", help="Show at most N events.")
]
ReverseOption = Annotated[
    bool, typer.Option("--reverse", "-r", help="Reverse the order (newest first).")
]
FormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        help=f"One of: {', '.join(FORMATS)}. Default: table at a terminal, tsv otherwise.",
        autocompletion=_choices(FORMATS),
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Same as --format json.")]
JsonlOption = Annotated[bool, typer.Option("--jsonl", help="Same as --format jsonl.")]


@app.callback()
def _root(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            metavar="PATH",
            envvar="KBTIMELINE_DATA",
            help="Events file (JSON array, JSON lines or an index from kbtimeline index) or folder "
            "with events.json; default: the bundled timeline.",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version."
        ),
    ] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
) -> None:
    """Every dated statement of a text, as a timeline you can query.

    \b
    Examples:
      kbtimeline range 1991 1994
      kbtimeline search Shusha --json
      kbtimeline list --granularity day -n 10
    """
    # Tests pass an Environment as obj to render the terminal form at a fixed width.
    env = ctx.obj if isinstance(ctx.obj, Environment) else Environment.detect(sys.stdout)
    ctx.obj = _Session(env, data)


@app.command("range")
def range_command(
    ctx: typer.Context,
    start: Annotated[
        str, typer.Argument(metavar="START", help='First period, e.g. 1991 or "May 1992".')
    ],
    end: Annotated[
        str | None,
        typer.Argument(metavar="[END]", help="Last period; default: START's.", show_default=False),
    ] = None,
    within: Annotated[
        bool, typer.Option("--within", help="Only events entirely inside the range.")
    ] = False,
    granularity: GranularityOption = None,
    source: SourceOption = None,
    sort: SortOption = "date",
    limit: LimitOption = None,
    reverse: ReverseOption = False,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    as_jsonl: JsonlOption = False,
) -> None:
    """Events that overlap a period, in chronological order.

    START and END each name a whole period: a START begins on its first day,
    an END finishes on its last. Accepted: 1992, 1990s, 490 BC, May 1992,
    1992-05, 8 May 1992, "May 8, 1992", 1992-05-08.

    \b
    Examples:
      kbtimeline range 1991 1994
      kbtimeline range "May 1992" --within --json
    """
    first, last = bounds.parse_bounds(start, end or start)
    _select_and_emit(ctx, first, last, within=within)


@app.command()
def search(
    ctx: typer.Context,
    terms: Annotated[
        list[str],
        typer.Argument(metavar="QUERY...", help="Words to find; quote words to find a phrase."),
    ],
    match_any: Annotated[
        bool, typer.Option("--any", help="Match events with any term, not all.")
    ] = False,
    regex: Annotated[
        bool, typer.Option("--regex", help="Each term is a regular expression (ignoring case).")
    ] = False,
    exact: Annotated[
        bool, typer.Option("--exact", help="Only the spellings typed, none from aliases.json.")
    ] = False,
    date_from: FromOption = None,
    date_to: ToOption = None,
    granularity: GranularityOption = None,
    source: SourceOption = None,
    sort: SortOption = "date",
    limit: LimitOption = None,
    reverse: ReverseOption = False,
    output_format: FormatOption = None,
    as_json: JsonOption = False,
    as_jsonl: JsonlOption = False,
) -> None:
    """Events whose sentence contains every term, ignoring case and accents.

    A term matches the start of a word, and a place name also finds its other
    spellings (Shusha finds Shushi and Şuşa). Quote words to find them as a
    phrase.

    \b
    Examples:
      kbtimeline search Shusha
      kbtimeline search "Khojaly massacre" --from 1992
      kbtimeline search --regex 'Shush[ai]' --exact
    """
    session: _Session = ctx.obj
    first, last = bounds.parse_bounds(date_from, date_to)
    aliases = {} if exact or regex else session.aliases
    found = query.compile_search(terms, match_any=match_any, regex=regex, aliases=aliases)
    if not _select_and_emit(ctx, first, last, search=found) and not regex:
        suggestions = query.suggest(session.events.texts(), terms, aliases)
        if suggestions:
            print(f"kbtimeline: no match; did you mean: {', '.join(suggestions)}?", file=sys.stderr)


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
    first, last = bounds.parse_bounds(date_from, date_to)
    _select_and_emit(ctx, first, last)


@app.command()
def show(
    ctx: typer.Context,
    event_id: Annotated[
        str, typer.Argument(metavar="ID", help="An event id, or its first characters.")
    ],
) -> None:
    """One event in full, with the text around it and its date phrase highlighted.

    \b
    Example:
      kbtimeline show 3f9a1c2b7e
    """
    session: _Session = ctx.obj
    event = session.events.find(event_id)
    emit(render_event(event, session.events.source_text(event.source), session.env))


WidthOption = Annotated[
    int | None,
    typer.Option("--width", "-w", metavar="N", help="Draw N columns wide; default: the terminal's, else 80."),
]
AsciiOption = Annotated[bool, typer.Option("--ascii", help="Draw with ASCII only, for terminals without Unicode.")]
UnicodeOption = Annotated[
    bool, typer.Option("--unicode", help="Draw with Unicode blocks even when not at a terminal.")
]
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


def _window(ctx: typer.Context, start: str | None, end: str | None) -> tuple[Day | None, Day | None]:
    """The period a picture covers: START [END] if given, else --from/--to."""
    options = ctx.params
    if start is not None:
        return bounds.parse_bounds(start, end or start)
    return bounds.parse_bounds(options.get("date_from"), options.get("date_to"))


def _searched(ctx: typer.Context) -> query.Search | None:
    terms = ctx.params.get("search_terms")
    if not terms:
        return None
    return query.compile_search(terms, aliases=ctx.obj.aliases)


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
    first, last = _window(ctx, start, end)
    picture, _ = _timeline(ctx, _View.of(ctx.obj.env, width, ascii, unicode), first, last, search=_searched(ctx))
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
    from kbtimeline.explore.data import Filters

    first, last = _window(ctx, start, end)
    filters = Filters(tuple(granularity or ()), tuple(source or ()))
    run(ctx.obj.data, start=first, end=last, search=shlex.join(search_terms or ()), filters=filters)


@app.command()
def histogram(
    ctx: typer.Context,
    start: StartArgument = None,
    end: EndArgument = None,
    by: Annotated[
        str,
        typer.Option(
            "--by", metavar="UNIT", help="decade, year or month.", autocompletion=_choices(("decade", "year", "month"))
        ),
    ] = "year",
    spark: Annotated[bool, typer.Option("--spark", help="One line of sparkline instead of bars.")] = False,
    search_terms: SearchOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    granularity: GranularityOption = None,
    source: SourceOption = None,
    width: WidthOption = None,
    ascii: AsciiOption = False,
    unicode: UnicodeOption = False,
) -> None:
    """How many events start in each decade, year or month, as bars.

    An event counts once, where it starts, and only when it is dated at least
    as finely as the buckets ("1992" is not counted by month).

    \b
    Examples:
      kbtimeline histogram --by decade
      kbtimeline histogram 1988 1994 --by month --spark
    """
    from kbtimeline.views import BY, count_buckets, render_histogram, render_sparkline

    if by not in BY:
        raise UsageError(f"unknown --by {by!r}; accepted: {', '.join(BY)}")
    first, last = _window(ctx, start, end)
    events = list(_select(ctx, first, last, search=_searched(ctx)))
    view = _View.of(ctx.obj.env, width, ascii, unicode)
    counts = count_buckets(events, by, start=first, end=last)
    draw = render_sparkline if spark else render_histogram
    emit(draw(counts, width=view.width, ascii=view.ascii, color=view.color) + "\n")


@app.command()
def stats(
    ctx: typer.Context,
    date_from: FromOption = None,
    date_to: ToOption = None,
    granularity: GranularityOption = None,
    source: SourceOption = None,
    as_json: JsonOption = False,
    width: WidthOption = None,
    ascii: AsciiOption = False,
    unicode: UnicodeOption = False,
) -> None:
    """Events per source and per granularity, the earliest and latest, the busiest year and month.

    \b
    Examples:
      kbtimeline stats
      kbtimeline stats --json
    """
    import json

    from kbtimeline.views import compute_stats, render_stats

    first, last = bounds.parse_bounds(date_from, date_to)
    figures = compute_stats(list(_select(ctx, first, last)))
    if as_json:
        emit(json.dumps(figures, ensure_ascii=False, indent=2) + "\n")
        return
    view = _View.of(ctx.obj.env, width, ascii, unicode)
    emit(render_stats(figures, width=view.width, ascii=view.ascii, color=view.color) + "\n")


@app.command()
def export(
    ctx: typer.Context,
    html: Annotated[
        Path | None,
        typer.Option("--html", metavar="OUT", help="Write a self-contained HTML timeline page to OUT."),
    ] = None,
    timelinejs: Annotated[
        Path | None,
        typer.Option("--timelinejs", metavar="OUT", help="Write TimelineJS3 JSON to OUT."),
    ] = None,
    title: Annotated[
        str, typer.Option("--title", metavar="TEXT", help="The page's and the timeline's title.")
    ] = "Timeline",
    force: Annotated[bool, typer.Option("--force", help="Replace OUT files that exist.")] = False,
    search_terms: SearchOption = None,
    date_from: FromOption = None,
    date_to: ToOption = None,
    granularity: GranularityOption = None,
    source: SourceOption = None,
    limit: LimitOption = None,
) -> None:
    """Export events as a timeline page for any browser, or as TimelineJS3 data.

    The HTML page needs no network: zoom and pan the axis, filter as you
    type, click an event for its sentence. Files are written atomically, and
    existing ones are kept unless --force.

    \b
    Examples:
      kbtimeline export --html war.html --title "The war"
      kbtimeline export --timelinejs war.json --from 1991 --to 1994
    """
    import json

    from kbtimeline.export import render_html, to_timelinejs

    if html is None and timelinejs is None:
        raise UsageError("nothing to export: give --html OUT, --timelinejs OUT, or both")
    outputs = [path for path in (html, timelinejs) if path is not None]
    if not force:
        for path in outputs:
            if path.exists():
                raise KbTimelineError(f"{path}: already exists; add --force to replace it")
    first, last = bounds.parse_bounds(date_from, date_to)
    events = list(_select(ctx, first, last, search=_searched(ctx)))
    if html is not None:
        _write(html, render_html(events, title))
    if timelinejs is not None:
        _write(timelinejs, json.dumps(to_timelinejs(events, title), ensure_ascii=False, indent=2) + "\n")


def _write(path: Path, text: str) -> None:
    """Put ``text`` at ``path`` in one step: the old file, if any, stays whole until then."""
    with store.Replacement(path) as new:
        new.path.write_text(text, encoding="utf-8")
        new.commit()


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="UTF-8 text files, folders of them, JSON lines documents (*.jsonl); - is standard input.",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="OUT", help="Write to OUT (atomically), not stdout."
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="json or jsonl; default: jsonl if OUT ends in .jsonl, else json.",
            autocompletion=_choices(EXTRACT_FORMATS),
        ),
    ] = None,
    reference_date: Annotated[
        str | None,
        typer.Option(
            "--reference-date",
            metavar="YYYY-MM-DD",
            help='The day the text was written, for "last year" and the like.',
        ),
    ] = None,
    glob: Annotated[
        str, typer.Option("--glob", metavar="PATTERN", help="In folders, the files to read, by name, at any depth.")
    ] = "*.txt",
    input_format: Annotated[
        str,
        typer.Option(
            "--input-format",
            metavar="FORMAT",
            help="auto: *.jsonl files hold JSON lines documents, the rest is text; text; jsonl.",
            autocompletion=_choices(INPUT_FORMATS),
        ),
    ] = "auto",
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", metavar="N", help="Extract on N processes; default: one per core.", min=1),
    ] = None,
    max_doc_size: Annotated[
        float,
        typer.Option("--max-doc-size", metavar="MB", help="Skip, and report, documents larger than MB megabytes."),
    ] = 50,
) -> None:
    """Extract every dated statement from texts into an events list.

    Each file is one source, named after the file (stdin: "stdin"); a folder
    gives one source per file, named by its path inside the folder; a JSON
    lines document ({"id": ..., "text": ...} per line) is named by its id.
    Events are written as each document is done, in input order. A document
    that cannot be read is reported and skipped; the others are still
    written, and the exit code is 1.

    \b
    Examples:
      kbtimeline extract article.txt -o events.json
      cat notes.txt | kbtimeline extract - --format jsonl
      kbtimeline extract wiki/ --glob '*.md' --jobs 4 -o events.jsonl
    """
    from kbtimeline import corpus  # lazy, as only extract reads documents
    from kbtimeline.pipeline import Extraction, available_cores  # lazy: the extractor would slow every query

    reference = bounds.parse_reference_day(reference_date) if reference_date else None
    fmt = output_format or ("jsonl" if output and output.suffix == ".jsonl" else "json")
    choices = (("format", fmt, EXTRACT_FORMATS), ("input format", input_format, INPUT_FORMATS))
    for what, value, accepted in choices:
        if value not in accepted:
            raise UsageError(f"unknown {what} {value!r} for extract; accepted: {', '.join(accepted)}")
    if max_doc_size <= 0:
        raise UsageError(f"--max-doc-size must be more than 0, not {max_doc_size:g}")
    documents = corpus.list_documents(
        paths, glob=glob, input_format=input_format, stdin=sys.stdin.buffer, max_size=int(max_doc_size * corpus.MB)
    )
    with _progress(paths, glob) as watch:
        run = Extraction(
            documents,
            fmt=fmt,
            jobs=jobs or available_cores(),
            reference_date=reference,
            report=lambda message: _report(KbTimelineError(message)),
            watch=watch,
        )
        if output is None:
            emit(run.chunks())
        else:
            with store.Replacement(output) as new:
                with new.path.open("w", encoding="utf-8") as handle:
                    handle.writelines(run.chunks())
                if run.read:  # nothing readable: the old output stays
                    new.commit()
    if run.failed:
        raise typer.Exit(EXIT_ERROR)


@contextmanager
def _progress(paths: list[str], glob: str) -> Iterator[Callable[["Outcome"], None]]:
    """A progress bar on stderr for a person at a terminal; nothing for a log or a pipe."""
    if not sys.stderr.isatty():
        yield lambda outcome: None
        return
    from kbtimeline import corpus
    from kbtimeline.progress import progress_bar

    with progress_bar(corpus.total_size(paths, glob)) as bar:
        yield bar


@app.command()
def index(
    events_files: Annotated[
        list[Path],
        typer.Argument(metavar="EVENTS...", help="Events files (JSON array or JSON lines) or folders."),
    ],
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="OUT", help="The SQLite database to write (atomically).")
    ],
    aliases_file: Annotated[
        Path | None,
        typer.Option(
            "--aliases",
            metavar="FILE",
            help="Alias table to store; default: aliases.json beside the first EVENTS.",
        ),
    ] = None,
) -> None:
    """Index events into an SQLite database that --data queries without reading every event.

    The database holds the events, their aliases and, when they are beside
    the events in sources/, the texts they come from: it stands alone. JSON
    lines are read a line at a time; an existing OUT is replaced in one step.

    \b
    Examples:
      kbtimeline index events.jsonl -o kb.sqlite
      kbtimeline --data kb.sqlite range 1991 1994
    """
    from kbtimeline.sqlite_store import build

    locations = [store.locate(path) for path in events_files]
    aliases = store.read_aliases(aliases_file) if aliases_file else store.load_aliases(locations[0])

    def source_text(source: str) -> str | None:
        texts = (store.load_source_text(location, source) for location in locations)
        return next((text for text in texts if text is not None), None)

    events = chain.from_iterable(store.iter_events(location) for location in locations)
    with store.Replacement(output) as new:
        build(new.path, events, aliases, source_text)
        new.commit()


def _select_and_emit(
    ctx: typer.Context,
    first: Day | None,
    last: Day | None,
    *,
    within: bool = False,
    search: query.Search | None = None,
) -> bool:
    """The tail of every query command: apply the shared options, render, emit.

    Machine formats are written as the events come, so the first lines of a
    large result go out at once (and `| head` ends the query early). Returns
    whether any event was shown, so a command can comment on an empty result.
    """
    session: _Session = ctx.obj
    options = ctx.params
    fmt = choose_format(
        options["output_format"],
        json=options["as_json"],
        jsonl=options["as_jsonl"],
        env=session.env,
    )
    if fmt == "timeline":
        picture, shown = _timeline(ctx, _View.of(session.env), first, last, within=within, search=search)
        emit(picture)
        return shown > 0
    found = _select(ctx, first, last, within=within, search=search)
    head = next(found, None)
    events = chain([head], found) if head is not None else iter(())
    if fmt in STREAMED:
        emit(render_stream(events, fmt))
    else:
        emit(render(list(events), fmt, session.env, search.spans if search else None))
    return head is not None


def _select(
    ctx: typer.Context,
    first: Day | None,
    last: Day | None,
    *,
    within: bool = False,
    search: query.Search | None = None,
    one_more: bool = False,
) -> Iterator[Event]:
    """The events the shared options of the current command ask for, as they come.

    ``one_more`` asks for one event past --limit, to tell whether it cut anything.
    """
    options = ctx.params
    limit = options.get("limit")
    criteria = query.Criteria(
        start=first,
        end=last,
        within=within,
        search=search,
        granularities=tuple(options.get("granularity") or ()),
        sources=tuple(options.get("source") or ()),
        sort=options.get("sort", "date"),
        reverse=options.get("reverse", False),
        limit=limit + 1 if limit is not None and one_more else limit,
    )
    return iter(ctx.obj.events.select(criteria))


class _View(NamedTuple):
    """How a picture is drawn: width, ASCII or Unicode, colour or not."""

    width: int
    ascii: bool
    color: bool

    @classmethod
    def of(cls, env: Environment, width: int | None = None, ascii: bool = False, unicode: bool = False) -> "_View":
        """At a terminal: its width, Unicode and colour (unless NO_COLOR); in a pipe: 80
        columns of plain ASCII unless --unicode asks for blocks."""
        from kbtimeline.views import MIN_WIDTH

        if width is not None and width < MIN_WIDTH:
            raise UsageError(f"--width must be at least {MIN_WIDTH}, not {width}")
        return cls(
            width=width or env.width,
            ascii=ascii or not (env.is_tty or unicode),
            color=env.is_tty and not env.no_color,
        )


def _timeline(
    ctx: typer.Context,
    view: _View,
    first: Day | None,
    last: Day | None,
    *,
    within: bool = False,
    search: query.Search | None = None,
) -> tuple[str, int]:
    """The timeline of the events asked for, and how many it shows.

    When --limit leaves events out, the picture stops where the events shown
    stop, and says more were left out: drawn to the end of the window, the
    months after them would pass for empty.
    """
    from kbtimeline.views import render_timeline

    limit = ctx.params.get("limit")
    events = list(_select(ctx, first, last, within=within, search=search, one_more=True))
    cut = limit is not None and len(events) > limit
    if cut:
        events = events[:limit]
    if cut and events:  # cut at the side where events were left out: the later ones, unless reversed
        by_date, reverse = ctx.params.get("sort", "date") == "date", ctx.params.get("reverse", False)
        if reverse or not by_date:
            shown_start = min(event.start for event in events)
            first = shown_start if first is None else max(first, shown_start)
        if not reverse or not by_date:
            shown_end = max(event.end for event in events)
            last = shown_end if last is None else min(last, shown_end)
    picture = render_timeline(events, width=view.width, ascii=view.ascii, color=view.color, start=first, end=last)
    return picture + (f"\nmore events not shown (--limit {limit})\n" if cut else "\n"), len(events)


def main() -> None:
    """Console-script entry point for ``kbtimeline`` and ``python -m kbtimeline``."""
    try:
        app(prog_name="kbtimeline")
    finally:
        _flush_stdout()


def _flush_stdout() -> None:
    """Flush now, so that a reader who left early (`| head -1`) costs no "Exception ignored"."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        # Python flushes stdout once more at exit; give that flush somewhere to go.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
