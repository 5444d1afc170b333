"""Commands that make events files: extract (texts -> events) and index (events -> SQLite).

The extractor and the corpus reader are imported inside the commands: the
query commands never pay for them.
"""

import sys
from collections.abc import Callable
from itertools import chain
from pathlib import Path
from typing import Annotated

import typer

from kbtimeline import corpus, extras, periods, storage
from kbtimeline.cli.options import choices
from kbtimeline.cli.root import EXIT_ERROR, app, emit, report
from kbtimeline.errors import KbTimelineError, UsageError
from kbtimeline.jsonio import FORMATS

EXTRACT_FORMATS = (*FORMATS, "parquet")  # Parquet: storage.parquet, from the events as JSON lines


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH...",
            help="UTF-8 text files, folders of them, JSON lines documents (*.jsonl), or their URLs (s3://...); "
            "- is standard input.",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="OUT", help="Write to OUT (atomically), not stdout."),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help="json, jsonl or parquet (needs -o); default: jsonl or parquet if OUT ends in .jsonl or "
            ".parquet, else json.",
            autocompletion=choices(EXTRACT_FORMATS),
        ),
    ] = None,
    reference_date: Annotated[
        str | None,
        typer.Option(
            "--reference-date",
            metavar="YYYY-MM-DD|auto",
            help='The day the text was written, for "last year" and the like; auto: read each '
            "document's dateline or opening date line.",
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
            help="auto: *.jsonl files, and standard input whose first line is a JSON document, hold JSON "
            "lines documents, the rest is text; text; jsonl.",
            autocompletion=choices(corpus.INPUT_FORMATS),
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
    fast: Annotated[
        bool,
        typer.Option("--fast", help="Titles from rules, not from spaCy's parse (many times faster, less readable)."),
    ] = False,
    no_sources: Annotated[
        bool,
        typer.Option("--no-sources", help="With -o, do not keep the texts in sources/ beside OUT (show quotes them)."),
    ] = False,
    scheduler: Annotated[
        str | None,
        typer.Option(
            "--scheduler",
            metavar="ADDRESS",
            help="Extract on the Dask cluster at ADDRESS (tcp://HOST:8786) instead of --jobs; needs kbtimeline[dask].",
        ),
    ] = None,
) -> None:
    """Extract every dated statement from texts into an events list.

    Each file is one source, named after the file (stdin: "stdin"); a folder
    gives one source per file, named by its path inside the folder; a JSON
    lines document ({"id": ..., "text": ...} per line) is named by its id.
    Events are written as each document is done, in input order. A document
    that cannot be read is reported and skipped; the others are still
    written, and the exit code is 1. Titles come from spaCy's parse of the
    dated sentences when it is installed (pip install 'kbtimeline[nlp]'),
    else, and with --fast, from rules. With -o, each text is also kept in
    sources/ beside OUT, so that show quotes it and index stores it.

    \b
    Examples:
      kbtimeline extract article.txt -o events.json
      cat notes.txt | kbtimeline extract - --format jsonl
      kbtimeline extract wiki/ --glob '*.md' --jobs 4 -o events.jsonl
      kbtimeline extract /shared/corpus --scheduler tcp://head:8786 -o shards/ -f parquet
    """
    from kbtimeline import pipeline, progress  # lazy: the extractor would slow every query
    from kbtimeline.events import parse  # lazy: only extract may parse

    reference: pipeline.Reference = None
    if reference_date == "auto":
        reference = "auto"
    elif reference_date:
        reference = periods.parse_reference_day(reference_date)
    fmt = pipeline.output_format(output_format, output)
    for what, value, accepted in (
        ("format", fmt, EXTRACT_FORMATS),
        ("input format", input_format, corpus.INPUT_FORMATS),
    ):
        if value not in accepted:
            raise UsageError(f"unknown {what} {value!r} for extract; accepted: {', '.join(accepted)}")
    if max_doc_size <= 0:
        raise UsageError(f"--max-doc-size must be more than 0, not {max_doc_size:g}")
    if fmt == "parquet":
        if output is None:
            raise UsageError("--format parquet writes a file or a folder: give -o OUT")
        extras.require("--format parquet", "pyarrow")
    runner = None
    if scheduler is not None:
        from kbtimeline.distributed import scheduler_runner  # lazy: only a cluster run needs it

        runner = scheduler_runner(scheduler)
    listed = corpus.list_documents(
        paths,
        glob=glob,
        input_format=input_format,
        stdin=sys.stdin.buffer,
        max_size=int(max_doc_size * corpus.MB),
        warn=lambda message: emit(f"kbtimeline: warning: {message}\n", err=True),
        unread_json=runner is not None,  # on a cluster its workers read JSON lines files, a range at a time
    )
    first = next(listed, None)
    if first is None:  # as ripgrep says "No files were searched"
        raise KbTimelineError(f"no documents to read in {' '.join(paths)}: no file matches --glob {glob!r}")
    documents = chain([first], listed)
    with progress.watch(paths, glob, show=sys.stderr.isatty()) as watch:
        run = pipeline.Extraction(
            documents,
            fmt=fmt,
            jobs=jobs or pipeline.available_cores(),
            reference_date=reference,
            parser=not fast and parse.available(),
            report=lambda message: report(KbTimelineError(message)),
            inform=lambda message: emit(f"kbtimeline: {message}\n", err=True),
            watch=watch,
            keep_text=None if output is None or no_sources else _source_keeper(output, paths),
            runner=runner,
        )
        if output is None:
            emit(run.chunks())
        else:
            run.write_to(output)
    if run.failed:
        raise typer.Exit(EXIT_ERROR)


def _source_keeper(output: Path, paths: list[str]) -> Callable[[str, str], None] | None:
    """What keeps each text beside OUT, in sources/<source>.txt; None when that folder lies in a folder
    being extracted, where a later extract would read the copies again (the events beside their texts
    find them there)."""
    folder = (output.parent / storage.SOURCES_FOLDER).resolve()
    for path in paths:
        if path != corpus.STDIN and Path(path).is_dir() and folder.is_relative_to(Path(path).resolve()):
            return None

    def keep(source: str, text: str) -> None:
        target = storage.source_file(output, source)
        try:
            if target is None:
                raise OSError("its name cannot be a file name")
            target.parent.mkdir(parents=True, exist_ok=True)
            storage.Replacement.write_text(target, text, durable=False)  # a copy: no fsync per document
        except (OSError, KbTimelineError) as error:  # the events matter more than the copy: say so, go on
            emit(f"kbtimeline: warning: the text of {source!r} is not kept for show: {error}\n", err=True)

    return keep


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
    from kbtimeline.storage.sqlite import build

    locations = [storage.locate(path) for path in events_files]
    aliases = storage.read_aliases(aliases_file) if aliases_file else storage.load_aliases(locations[0])

    def source_text(source: str) -> str | None:
        texts = (storage.load_source_text(location, source) for location in locations)
        return next((text for text in texts if text is not None), None)

    events = chain.from_iterable(storage.iter_events(location) for location in locations)
    with storage.Replacement(output) as new:
        build(new.path, events, aliases, source_text)
        new.commit()
