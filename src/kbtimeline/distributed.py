"""Extraction on a Dask cluster: the documents of a corpus extracted by workers on other machines.

The client lists the documents as ``extract`` does on one machine (light
``Document`` values: a path or URL to read) and sends them in the batches the
local processes get. Each task runs ``pipeline.extract_batch``, exactly the
code one process runs alone, so the workers read the files themselves (from
shared storage, or any fsspec URL) and send back their events already
written. A JSON lines file of documents is not read by the client either: it
is split into byte ranges of about a batch's worth (``corpus.LineRange``, as
``dask.bag.read_text`` splits a file), and a task reads the lines of one
range with the code that reads the file on one machine, then extracts them.
Its lines are numbered, for the reports, from the newlines of the ranges
before it, counted by small tasks of their own and summed on the cluster, so
no range waits for the client. Standard input only the client can read: its
JSON lines are sent with the batches. Results are taken in the order
the batches were sent, from a window of a few batches per worker thread: the
output is the same bytes as ``--jobs 1``, written as it comes, and the client
holds no more than the window, however large the corpus.

Faults: when a worker dies the scheduler runs its tasks again on the others,
and each batch's result is read once, so nothing is lost or doubled. A batch
whose task killed worker after worker (``KilledWorker``) is split and each of
its documents run alone, so only the one that kills its worker again is
reported, as a local run reports a document whose process died (a range's
lines are listed by a worker, then run alone the same way). On Ctrl-C,
or when the reader goes away, the tasks in flight are cancelled.

``extract_bag`` does the same for a Dask bag of documents the caller built:
one task per partition (``extract_partition``). Dask and distributed are
imported by the caller or by ``scheduler_runner``, never by this module.
"""

from __future__ import annotations

import logging
import operator
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError
from contextlib import contextmanager, suppress
from functools import partial
from itertools import groupby, islice
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from kbtimeline import extras
from kbtimeline.corpus import Document, LineRange, count_newlines, line_documents
from kbtimeline.errors import KbTimelineError, UsageError
from kbtimeline.pipeline import (
    BATCH_BYTES,
    IN_FLIGHT,
    PARSED_BATCH_BYTES,
    Batch,
    Outcome,
    Reference,
    Runner,
    batched,
    extract_batch,
)

if TYPE_CHECKING:
    from dask.bag import Bag
    from distributed import Client, Future

# The bytes of a JSON lines file one task reads and extracts: a batch's worth of work (``pipeline.batched``).
RANGE_BYTES, PARSED_RANGE_BYTES = BATCH_BYTES, PARSED_BATCH_BYTES

# A task in flight: its future, and its outcomes computed again a document at a time, should it kill its workers.
Task = tuple["Future", Callable[[], list[Outcome]]]


def scheduler_runner(address: str) -> Runner:
    """A ``pipeline.Runner`` extracting on the cluster whose scheduler is at ``address`` (tcp://HOST:8786).

    Says in one line what to install when Dask is missing, before anything is
    read. The client's own log (tracebacks of lost connections) is silenced:
    what went wrong is told in one line, as every kbtimeline error is.
    """
    extras.require("--scheduler", "dask", "distributed")
    if not address.strip():  # Dask would start a cluster of its own on this machine
        raise UsageError("--scheduler needs the address of a Dask scheduler, such as tcp://HOST:8786")

    def run(documents: Iterable[Document], reference_date: Reference, fmt: str, parser: bool) -> Iterator[Outcome]:
        with _connect(address) as client:
            try:
                yield from extract_documents(client, documents, reference_date, fmt, parser=parser)
            except (CancelledError, OSError):  # the scheduler gone: its futures cancelled, or its connection
                raise KbTimelineError(f"lost the Dask scheduler at {address}") from None

    return run


def extract_documents(
    client: Client,
    documents: Iterable[Document],
    reference_date: Reference = None,
    fmt: str = "jsonl",
    *,
    parser: bool = False,
    range_bytes: int | None = None,
) -> Iterator[Outcome]:
    """The outcome of each document (``corpus.list_documents``), in input order, extracted on the cluster.

    ``parser``: titles from spaCy's parse, which the workers then need installed (``kbtimeline[nlp]``).
    A JSON lines file listed unread (``list_documents(..., unread_json=True)``) is read by the workers
    ``range_bytes`` at a time (default ``RANGE_BYTES``, or ``PARSED_RANGE_BYTES`` with the parser).
    """
    submit = partial(_submit, client, reference_date=reference_date, fmt=fmt, parser=parser)
    extract = partial(_submit_lines, client, reference_date=reference_date, fmt=fmt, parser=parser)
    size = range_bytes or (PARSED_RANGE_BYTES if parser else RANGE_BYTES)

    def tasks() -> Iterator[Task]:
        for whole, group in groupby(documents, key=lambda document: document.lines):
            if whole is None:
                for batch in batched(group, parser):
                    yield submit(batch), partial(_one_by_one, batch, submit)
            else:
                for document in group:  # the same file, named twice in a row
                    yield from _ranges(client, whole, document.size, size, extract)

    return _in_order(client, tasks())


def extract_bag(
    bag: Bag, *, client: Client, reference_date: Reference = None, fmt: str = "jsonl", parser: bool = False
) -> Iterator[Outcome]:
    """The outcome of each document of ``bag`` (``Document`` values, or paths and fsspec URLs), in bag order.

    The events of an outcome are its ``pieces``, written in ``fmt`` (jsonl, or
    json: items of ``render.json_array``). A few partitions per worker thread
    are computed at a time, so the bag may be far larger than the client's
    memory.
    """
    documents = bag.to_delayed()
    extract = partial(extract_partition, reference_date=reference_date, fmt=fmt, parser=parser)
    extracted = bag.map_partitions(extract).to_delayed()

    submit = partial(_submit, client, reference_date=reference_date, fmt=fmt, parser=parser)

    def one_by_one(part: object) -> list[Outcome]:
        return _one_by_one([as_document(item) for item in client.compute(part).result()], submit)

    tasks = ((client.compute(task), partial(one_by_one, part)) for task, part in zip(extracted, documents, strict=True))
    return _in_order(client, tasks)


def extract_partition(
    items: Iterable[Document | str], reference_date: Reference, fmt: str, parser: bool = False
) -> list[Outcome]:
    """What a worker does with one partition of a bag: ``pipeline.extract_batch`` on its documents."""
    return extract_batch([as_document(item) for item in items], reference_date, fmt, parser)


def extract_lines(
    lines: LineRange,
    reference_date: Reference,
    fmt: str,
    parser: bool,
    newlines_before: int,
    *,
    only: int | None = None,
) -> list[Outcome]:
    """What a worker does with a range of a JSON lines file: ``pipeline.extract_batch`` on the documents of
    its lines (``corpus.line_documents``); ``only``: on that one of them alone."""
    documents = line_documents(lines, newlines_before)
    return extract_batch(list(islice(documents, only, None if only is None else only + 1)), reference_date, fmt, parser)


def _listed(lines: LineRange, newlines_before: int) -> list[tuple[str, int]]:
    """The name and size of each document of a range, for running them one by one."""
    return [(document.name, document.size) for document in line_documents(lines, newlines_before)]


def as_document(item: Document | str) -> Document:
    """A bag item as a ``Document``: a path or URL is one text document, named after its file."""
    if isinstance(item, Document):
        return item
    return Document(item, 0, source=PurePosixPath(item).stem)


def _submit(client: Client, batch: Batch, *, reference_date: Reference, fmt: str, parser: bool) -> Future:
    # One opaque callable: Dask then pickles the documents as they are, without walking them for tasks.
    return client.submit(partial(extract_batch, batch, reference_date, fmt, parser), pure=False)


# Extract a range of a JSON lines file, given the newlines before it (a number, or a future of one).
ExtractLines = Callable[..., "Future"]


def _submit_lines(
    client: Client,
    lines: LineRange,
    newlines_before: int | Future,
    *,
    reference_date: Reference,
    fmt: str,
    parser: bool,
    only: int | None = None,
) -> Future:
    # The count is the one argument Dask sees: a future of it is waited for on the cluster.
    extract = partial(extract_lines, lines, reference_date, fmt, parser, only=only)
    return client.submit(extract, newlines_before, pure=False)


def _ranges(client: Client, whole: LineRange, total: int, size: int, extract: ExtractLines) -> Iterator[Task]:
    """The tasks that extract a JSON lines file of ``total`` bytes listed unread, a range of ``size`` each.

    The client only knows the file's size. Each range's line numbers come
    from the newlines before it: a task counts those of each range, another
    adds them up, and the range's own task waits for that sum on the cluster.
    """
    newlines: int | Future = 0
    for start in range(0, total, size):
        lines = whole._replace(start=start, end=start + size if start + size < total else None)
        yield extract(lines, newlines), partial(_lines_one_by_one, client, lines, newlines, extract)
        if lines.end is not None:
            counted = client.submit(count_newlines, lines, pure=False, priority=1)
            newlines = client.submit(operator.add, newlines, counted, pure=False, priority=1)


def _lines_one_by_one(client: Client, lines: LineRange, newlines: int | Future, extract: ExtractLines) -> list[Outcome]:
    listed = client.submit(partial(_listed, lines), newlines, pure=False).result()
    return [
        _alone(partial(extract, lines, newlines, only=number), name, size) for number, (name, size) in enumerate(listed)
    ]


def _one_by_one(batch: Batch, submit: Callable[[Batch], Future]) -> list[Outcome]:
    return [_alone(partial(submit, [document]), document.name, document.size) for document in batch]


def _in_order(client: Client, tasks: Iterator[Task]) -> Iterator[Outcome]:
    """The outcomes of ``tasks`` in their order, a few per worker thread in flight; cancelled if left early."""
    pending: deque[Task] = deque()
    try:
        for task in tasks:
            pending.append(task)
            if len(pending) >= IN_FLIGHT * max(1, sum(client.nthreads().values())):
                yield from _outcomes(pending[0])
                pending.popleft()
        while pending:
            yield from _outcomes(pending[0])
            pending.popleft()
    except BaseException:  # Ctrl-C, an error, or the reader gone: the cluster stops working for us
        with suppress(Exception):  # a scheduler already gone: what went wrong is the error to tell
            client.cancel([future for future, _ in pending])
        raise


def _outcomes(task: Task) -> list[Outcome]:
    from distributed import KilledWorker

    future, one_by_one = task
    try:
        return future.result()  # type: ignore[no-any-return]
    except KilledWorker:
        return one_by_one()


def _alone(submit: Callable[[], Future], name: str, size: int) -> Outcome:
    """The outcome of one document extracted in a task of its own; a failure if it kills its worker again."""
    from distributed import KilledWorker

    try:
        return submit().result()[0]  # type: ignore[no-any-return]
    except KilledWorker:
        return Outcome(name, size, error=f"{name}: its worker died (out of memory?)")


@contextmanager
def _connect(address: str) -> Iterator[Client]:
    """A client of the scheduler; how long it tries is Dask's own setting (distributed.comm.timeouts.connect)."""
    from distributed import Client

    for name in list(logging.root.manager.loggerDict):
        if name.split(".")[0] == "distributed":
            logging.getLogger(name).setLevel(logging.CRITICAL + 1)

    try:
        client = Client(address, set_as_default=False)
    except (OSError, ValueError, TimeoutError) as error:
        raise KbTimelineError(f"cannot reach the Dask scheduler at {address}: {error}") from None
    with client:
        yield client
