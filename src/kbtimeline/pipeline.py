"""Extract a corpus on N processes, in input order, in bounded memory.

Documents go to worker processes in small batches; each worker reads its
documents, extracts them and sends back their events already written as
text, which the parent writes in input order. Only a few batches per worker
are in flight, so memory stays flat however large the corpus, and the output
is the same bytes whatever the number of processes: a worker runs exactly
the code that one process runs alone.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from itertools import chain, islice
from pathlib import Path
from typing import Literal, NamedTuple

from kbtimeline import corpus
from kbtimeline.corpus import Document
from kbtimeline.errors import KbTimelineError
from kbtimeline.events.grouping import group_happenings
from kbtimeline.events.kinds import classify
from kbtimeline.events.titles import retitle
from kbtimeline.extract import Extracted, extract
from kbtimeline.extract.dateline import document_date
from kbtimeline.jsonio import json_array, json_item, jsonl_line
from kbtimeline.model import Day, Event
from kbtimeline.storage import parquet
from kbtimeline.storage.files import Replacement

WRITERS = {"json": json_item, "jsonl": jsonl_line}  # how an event is written, per jsonio.FORMATS
SUFFIX_FORMATS = {".jsonl": "jsonl", ".parquet": "parquet"}  # the format an output file's name implies
BATCH_BYTES, BATCH_DOCUMENTS = 250_000, 64  # enough work to be worth sending to a process
PARSED_BATCH_BYTES = 25_000  # titles from the parser take ~10x as long: batches of as much time
IN_FLIGHT = 3  # batches sent ahead per worker: none waits for work, and memory stays bounded
HELD = 2  # batches per worker read ahead but not sent, to be shared out document by document at the end

Batch = list[Document]
# Where documents are extracted: documents, reference date, format, titles from the parser -> their
# outcomes, in input order. ``extract_all`` on this machine's processes, or a Dask cluster (``distributed``).
Runner = Callable[[Iterable[Document], "Reference", str, bool], Iterator["Outcome"]]


class Outcome(NamedTuple):
    """One document extracted (its events, written) or not (the message that says why)."""

    name: str
    size: int
    source: str = ""
    pieces: Sequence[str] = ()  # the events, written: a tuple from a worker, a Written in this process
    error: str | None = None
    notes: tuple[str, ...] = ()  # what a user should know about how it was read
    text: str | None = None  # the document's text, when the run keeps the source texts


# A reference date given, read from each document's date line ("auto"), or none.
Reference = Day | Literal["auto"] | None


class Extraction:
    """One run of ``extract``: documents in, the text of their events out, failures told as they come.

    A document that fails, or whose source id was already taken, is passed to
    ``report`` and left out; ``read`` and ``failed`` count the documents kept
    and left out. With ``keep_text``, the text of each document kept is handed
    to it with its source id (``extract -o`` keeps them in sources/, for ``show``;
    on this machine's processes only, not on a cluster). ``fmt`` is json,
    jsonl or parquet; Parquet is written (by ``write_to`` only) from the
    events as JSON lines.
    """

    def __init__(
        self,
        documents: Iterable[Document],
        *,
        fmt: str,
        jobs: int,
        reference_date: Reference,
        report: Callable[[str], object],  # what it returns is not read
        inform: Callable[[str], object] = lambda message: None,
        watch: Callable[[Outcome], None] = lambda outcome: None,
        parser: bool = False,
        keep_text: Callable[[str, str], None] | None = None,
        runner: Runner | None = None,
    ) -> None:
        self.documents, self.fmt, self.reference_date, self.parser = documents, fmt, reference_date, parser
        self.written = "jsonl" if fmt == "parquet" else fmt  # how each event is written (``WRITERS``)
        self.report, self.inform, self.watch, self.keep_text = report, inform, watch, keep_text
        with_text = keep_text is not None
        # Elsewhere than this machine's processes: a Dask cluster (kbtimeline.distributed).
        self.runner: Runner = runner or (
            lambda documents, day, fmt, parse: extract_all(documents, jobs, day, fmt, parse, with_text)
        )
        self.read = self.failed = 0

    def chunks(self) -> Iterator[str]:
        """The output, piece by piece: a JSON array or JSON lines, in input order."""
        pieces = self._pieces()
        return json_array(pieces) if self.fmt == "json" else pieces

    def write_to(self, path: Path) -> None:
        """Write the output to ``path`` in one step; if no document could be read, the old file stays."""
        if self.fmt == "parquet":
            parquet.write(self.chunks(), path, keep=lambda: self.read > 0)
            return
        with Replacement(path) as new:
            with new.path.open("w", encoding="utf-8") as handle:
                handle.writelines(self.chunks())
            if self.read:
                new.commit()

    def _pieces(self) -> Iterator[str]:
        sources: set[str] = set()
        for outcome in self.runner(self.documents, self.reference_date, self.written, self.parser):
            self.watch(outcome)
            for note in outcome.notes:
                self.inform(note)
            error = outcome.error
            if error is None and outcome.source in sources:
                error = f"{outcome.name}: source {outcome.source!r} was already read; rename it"
            if error is not None:
                self.failed += 1
                self.report(error)
                continue
            sources.add(outcome.source)
            self.read += 1
            if self.keep_text is not None and outcome.text is not None:
                self.keep_text(outcome.source, outcome.text)
            yield from outcome.pieces


def output_format(asked: str | None, output: Path | None) -> str:
    """The format asked for; else the one the output file's name implies (``SUFFIX_FORMATS``), json otherwise."""
    return asked or SUFFIX_FORMATS.get(output.suffix if output else "", "json")


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, where the system tells), at least one."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def extract_all(
    documents: Iterable[Document],
    jobs: int,
    reference_date: Reference,
    fmt: str,
    parser: bool = False,
    with_text: bool = False,
) -> Iterator[Outcome]:
    """The outcome of each document, in input order, extracted on ``jobs`` processes (``with_text``: and its text).

    ``parser``: titles from spaCy's parse (see ``kbtimeline.events.titles``), else from rules.

    A corpus of one batch is extracted in this process: starting workers
    would cost more than it saves.
    """
    batches = batched(documents, parser)
    head = list(islice(batches, 2))
    if jobs == 1 or len(head) < 2:
        for batch in chain(head, batches):
            yield from extract_batch(batch, reference_date, fmt, parser, with_text, lazy=True)
        return
    workers = _Workers(jobs, reference_date, fmt, parser, with_text)
    try:
        yield from _in_order(workers, chain(head, batches), jobs)
    except BaseException:  # Ctrl-C, or the reader gone: the queued batches are dropped
        workers.pool.shutdown(wait=False, cancel_futures=True)
        raise
    workers.pool.shutdown()


def _in_order(workers: _Workers, batches: Iterable[Batch], jobs: int) -> Iterator[Outcome]:
    """The outcomes of ``batches`` extracted by ``workers``, in input order, with no core idle at the end.

    ``IN_FLIGHT`` batches per worker are sent ahead in input order, and ``HELD``
    more are read but kept back. Once the input ends, the documents kept back
    are sent one by one, the largest first: every worker then ends on a short
    document, instead of one of them working through a whole batch alone while
    the others wait: a batch is about a quarter of a second of work, and two
    cores get through a corpus of a few MB in a few seconds.
    """
    # Each entry of ``slots`` is one batch, in input order: the parts it was sent in, with their futures
    # (one part, or each document on its own at the end); ``held`` are those not sent yet.
    slots: deque[list[tuple[Batch, Future[list[Outcome]]]]] = deque()
    held: deque[tuple[Batch, list[tuple[Batch, Future[list[Outcome]]]]]] = deque()
    source = iter(batches)
    ended = False
    while True:
        while not ended and len(held) < HELD * jobs:
            following = next(source, None)
            if following is None:
                ended = True
                break
            slots.append([])
            held.append((following, slots[-1]))
        if ended:  # the last documents: each on its own, the largest first
            alone = [
                (number, position, document)
                for number, (batch, _) in enumerate(held)
                for position, document in enumerate(batch)
            ]
            futures = {
                (number, position): workers.submit([document])
                for number, position, document in sorted(alone, key=lambda item: -item[2].size)
            }
            for number, (batch, parts) in enumerate(held):
                parts.extend(([document], futures[number, position]) for position, document in enumerate(batch))
            held.clear()
        while held and len(slots) - len(held) < IN_FLIGHT * jobs:
            batch, parts = held.popleft()
            parts.append((batch, workers.submit(batch)))
        if not slots:
            return
        for part in slots.popleft():
            yield from workers.outcomes(*part)


def extract_batch(
    batch: Batch,
    reference_date: Reference,
    fmt: str,
    parser: bool = False,
    with_text: bool = False,
    *,
    lazy: bool = False,
) -> list[Outcome]:
    """Read and extract each document of ``batch``: the work one process does at a time.

    ``lazy`` (in this process, not in a worker, whose results are sent as text):
    each event is written only as it is read, so a long document's records and
    their text are not held at once.
    """
    write = WRITERS[fmt]
    outcomes = []
    for document in batch:
        try:
            text = corpus.read(document)
            reference, notes = _reference(document.name, text, reference_date)
            events, left_out = records(text.text, text.source, reference, parser=parser)
            if left_out:
                notes.append(
                    f"{document.name}: {left_out} phrase{'s' * (left_out > 1)} relative to the time of writing "
                    '("last year", "two days ago") left out: no reference date (--reference-date)'
                )
            pieces = Written(events, write) if lazy else tuple(map(write, events))
            kept = text.text if with_text else None
            outcomes.append(Outcome(document.name, document.size, text.source, pieces, notes=tuple(notes), text=kept))
        except KbTimelineError as error:
            outcomes.append(Outcome(document.name, document.size, error=str(error)))
        except MemoryError:
            outcomes.append(Outcome(document.name, document.size, error=f"{document.name}: too large for memory"))
    return outcomes


class Written(Sequence[str]):
    """Events written one by one as they are read (``extract_batch``'s ``lazy``)."""

    def __init__(self, events: list[Event], write: Callable[[Event], str]) -> None:
        self.events, self.write = events, write

    def __len__(self) -> int:
        return len(self.events)

    def __getitem__(self, index: int) -> str:  # type: ignore[override]
        return self.write(self.events[index])

    def __iter__(self) -> Iterator[str]:
        return map(self.write, self.events)


def records(text: str, source: str, reference_date: Day | None, *, parser: bool = False) -> Extracted:
    """The records of one text as ``extract`` writes them, each with its title, kind and happening,
    and how many phrases were left out for want of a reference date.

    ``parser``: titles from spaCy's parse (see ``kbtimeline.events.titles``), else from rules.
    """
    # Each step makes new records: the name is rebound at each, so no more than two
    # generations of a long text's records are alive at once.
    events, left_out = extract(text, source, reference_date)
    events = retitle(events, text, parser=parser)
    events = classify(events)
    return Extracted(group_happenings(events, {source: text}), left_out)


def _reference(name: str, text: corpus.Text, given: Reference) -> tuple[Day | None, list[str]]:
    """The document's own date if it has one, else the one given; "auto" reads its date line."""
    if text.reference_date is not None or given != "auto":
        return text.reference_date or (None if given == "auto" else given), []
    found = document_date(text.text)
    if found is None:
        return None, [f"{name}: no date line at its start; read without a reference date"]
    return found, [f"{name}: reference date {found.iso()}, read from its date line"]


def batched(documents: Iterable[Document], parser: bool = False) -> Iterator[Batch]:
    """The documents in batches of about ``BATCH_BYTES`` (``PARSED_BATCH_BYTES`` with the parser): enough
    work to be worth sending elsewhere."""
    batch_bytes = PARSED_BATCH_BYTES if parser else BATCH_BYTES
    batch: Batch = []
    size = 0
    for document in documents:
        batch.append(document)
        size += document.size
        if size >= batch_bytes or len(batch) >= BATCH_DOCUMENTS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


class _Workers:
    """A pool of worker processes that survives the death of one.

    A document too large for memory may get its process killed (by the
    kernel's out-of-memory killer) rather than raise MemoryError. The pool is
    then broken: it is started again, and each document of the batches it
    lost is extracted alone in a process of its own, so only the document
    that kills its process again is reported, and the run goes on.
    """

    def __init__(self, jobs: int, reference_date: Reference, fmt: str, parser: bool, with_text: bool) -> None:
        self.jobs, self.arguments = jobs, (reference_date, fmt, parser, with_text)
        self.pool = self._start(jobs)

    def submit(self, batch: Batch) -> Future[list[Outcome]]:
        with _ctrl_c_held():  # a submit may fork the pool's processes
            try:
                return self.pool.submit(extract_batch, batch, *self.arguments)
            except BrokenProcessPool:
                self.pool.shutdown(wait=False)
                self.pool = self._start(self.jobs)
                return self.pool.submit(extract_batch, batch, *self.arguments)

    def outcomes(self, batch: Batch, future: Future[list[Outcome]]) -> list[Outcome]:
        try:
            return future.result()
        except BrokenProcessPool:
            return [self._alone(document) for document in batch]

    def _alone(self, document: Document) -> Outcome:
        single = self._start(1)
        try:
            with _ctrl_c_held():
                future = single.submit(extract_batch, [document], *self.arguments)
            return future.result()[0]
        except BrokenProcessPool:
            return Outcome(document.name, document.size, error=f"{document.name}: its process died (out of memory?)")
        finally:
            single.shutdown()

    @staticmethod
    def _start(jobs: int) -> ProcessPoolExecutor:
        # Workers ignore Ctrl-C: the parent hears it too, drops the queued batches, and the
        # workers end once their current one is done (small batches: a fraction of a second).
        # Killing them instead can leave the pool's own thread waiting forever for a result
        # cut in half, and the process with it.
        return ProcessPoolExecutor(jobs, initializer=signal.signal, initargs=(signal.SIGINT, signal.SIG_IGN))


@contextmanager
def _ctrl_c_held() -> Iterator[None]:
    """Hold Ctrl-C back while worker processes are forked, and let it in right after.

    Heard in the middle of a fork, it is raised inside an at-fork hook, where
    Python ignores it: the run went on as if nothing was pressed, or hung
    waiting for a worker started half-way. Held back, it is raised once the
    fork is done, where the loop that drops the queued batches hears it.
    """
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no fork either
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
