"""Extraction on a Dask cluster: the documents of a corpus extracted by workers on other machines.

The client lists the documents as ``extract`` does on one machine (light
``Document`` values: a path or URL to read, or the bytes of one JSON line)
and sends them in the batches the local processes get. Each task runs
``pipeline.extract_batch``, exactly the code one process runs alone, so the
workers read the files themselves (from shared storage, or any fsspec URL)
and send back their events already written. Results are taken in the order
the batches were sent, from a window of a few batches per worker thread: the
output is the same bytes as ``--jobs 1``, written as it comes, and the client
holds no more than the window, however large the corpus.

Faults: when a worker dies the scheduler runs its tasks again on the others,
and each batch's result is read once, so nothing is lost or doubled. A batch
whose task killed worker after worker (``KilledWorker``) is split and each of
its documents run alone, so only the one that kills its worker again is
reported, as a local run reports a document whose process died. On Ctrl-C,
or when the reader goes away, the tasks in flight are cancelled.

``extract_bag`` does the same for a Dask bag of documents the caller built:
one task per partition (``extract_partition``). Dask and distributed are
imported by the caller or by ``scheduler_runner``, never by this module.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError
from contextlib import contextmanager, suppress
from functools import partial
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from kbtimeline import extras
from kbtimeline.corpus import Document
from kbtimeline.errors import KbTimelineError, UsageError
from kbtimeline.pipeline import IN_FLIGHT, Batch, Outcome, Reference, Runner, batched, extract_batch

if TYPE_CHECKING:
    from dask.bag import Bag
    from distributed import Client, Future

# A task in flight: its future, and how to get back the documents it holds, to run them one by one.
Task = tuple["Future", Callable[[], Batch]]


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
) -> Iterator[Outcome]:
    """The outcome of each document (``corpus.list_documents``), in input order, extracted on the cluster.

    ``parser``: titles from spaCy's parse, which the workers then need installed (``kbtimeline[nlp]``).
    """
    extract = partial(_submit, client, reference_date=reference_date, fmt=fmt, parser=parser)
    tasks: Iterator[Task] = ((extract(batch), partial(list, batch)) for batch in batched(documents, parser))
    return _in_order(client, tasks, extract)


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

    def held(part: object) -> Batch:
        return [as_document(item) for item in client.compute(part).result()]

    tasks = ((client.compute(task), partial(held, part)) for task, part in zip(extracted, documents, strict=True))
    return _in_order(client, tasks, partial(_submit, client, reference_date=reference_date, fmt=fmt, parser=parser))


def extract_partition(
    items: Iterable[Document | str], reference_date: Reference, fmt: str, parser: bool = False
) -> list[Outcome]:
    """What a worker does with one partition of a bag: ``pipeline.extract_batch`` on its documents."""
    return extract_batch([as_document(item) for item in items], reference_date, fmt, parser)


def as_document(item: Document | str) -> Document:
    """A bag item as a ``Document``: a path or URL is one text document, named after its file."""
    if isinstance(item, Document):
        return item
    return Document(item, 0, source=PurePosixPath(item).stem)


def _submit(client: Client, batch: Batch, *, reference_date: Reference, fmt: str, parser: bool) -> Future:
    # One opaque callable: Dask then pickles the documents as they are, without walking them for tasks.
    return client.submit(partial(extract_batch, batch, reference_date, fmt, parser), pure=False)


def _in_order(client: Client, tasks: Iterator[Task], submit: Callable[[Batch], Future]) -> Iterator[Outcome]:
    """The outcomes of ``tasks`` in their order, a few per worker thread in flight; cancelled if left early."""
    pending: deque[Task] = deque()
    try:
        for task in tasks:
            pending.append(task)
            if len(pending) >= IN_FLIGHT * max(1, sum(client.nthreads().values())):
                yield from _outcomes(pending[0], submit)
                pending.popleft()
        while pending:
            yield from _outcomes(pending[0], submit)
            pending.popleft()
    except BaseException:  # Ctrl-C, an error, or the reader gone: the cluster stops working for us
        with suppress(Exception):  # a scheduler already gone: what went wrong is the error to tell
            client.cancel([future for future, _ in pending])
        raise


def _outcomes(task: Task, submit: Callable[[Batch], Future]) -> list[Outcome]:
    from distributed import KilledWorker

    future, documents = task
    try:
        return future.result()  # type: ignore[no-any-return]
    except KilledWorker:
        return [_alone(document, submit) for document in documents()]


def _alone(document: Document, submit: Callable[[Batch], Future]) -> Outcome:
    from distributed import KilledWorker

    try:
        return submit([document]).result()[0]  # type: ignore[no-any-return]
    except KilledWorker:
        return Outcome(document.name, document.size, error=f"{document.name}: its worker died (out of memory?)")


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
