"""Extracting on several processes: input order kept, and a document that kills its process costs only itself."""

from __future__ import annotations

import itertools
import multiprocessing
import os
from concurrent.futures import Future

import pytest

from kbtimeline import pipeline
from kbtimeline.corpus import Document
from kbtimeline.extract import Extracted
from kbtimeline.model import Day

TEXTS = ["On 8 May 1992 the town fell.", "KILL In 1990.", "A ceasefire came in May 1994.", "MEMORY In 1991."] * 3
real_extract = pipeline.extract


def fragile(text: str, source: str, reference_date: Day | None) -> Extracted:
    """The extractor, except that some texts kill their process or exhaust its memory."""
    if text.startswith("KILL"):
        os._exit(9)  # what the kernel's out-of-memory killer leaves behind
    if text.startswith("MEMORY"):
        raise MemoryError
    return real_extract(text, source, reference_date)


@pytest.fixture(autouse=True)
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "BATCH_DOCUMENTS", 2)
    monkeypatch.setattr(pipeline, "extract", fragile)


def outcomes(jobs: int, texts: list[str]) -> list[tuple[str, int, str | None]]:
    """(name, events, error) of each document."""
    documents = [
        Document(f"doc{number}", len(text), source=f"doc{number}", content=text.encode())
        for number, text in enumerate(texts)
    ]
    found = pipeline.extract_all(documents, jobs, None, "jsonl")
    return [(outcome.name, len(outcome.pieces), outcome.error) for outcome in found]


def test_a_memory_error_fails_its_document_only() -> None:
    survivable = [text for text in TEXTS if not text.startswith("KILL")]
    assert outcomes(1, survivable) == outcomes(2, survivable)
    assert [error for _, _, error in outcomes(1, survivable) if error] == [
        f"doc{number}: too large for memory" for number in (2, 5, 8)
    ]


@pytest.mark.skipif(
    multiprocessing.get_start_method() != "fork", reason="workers run the patched extractor only when forked"
)
def test_a_killed_worker_costs_only_its_document() -> None:
    shown = outcomes(2, TEXTS)
    assert [name for name, _, _ in shown] == [f"doc{number}" for number in range(len(TEXTS))], "input order"
    errors = [error for _, _, error in shown if error]
    assert errors == [
        f"doc{number}: {'its process died (out of memory?)' if number % 4 == 1 else 'too large for memory'}"
        for number in range(len(TEXTS))
        if number % 2
    ]
    assert [count for _, count, error in shown if error is None] == [1] * 6


def test_the_last_documents_go_out_one_by_one_the_largest_first_and_come_back_in_input_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At the end no worker is left alone with a whole batch; the output is still in input order."""
    texts = [f"In {1900 + number} the {'long ' * (number * 7 % 13)}story went on." for number in range(30)]
    documents = [
        Document(f"doc{number}", len(text), source=f"doc{number}", content=text.encode())
        for number, text in enumerate(texts)
    ]
    sent: list[list[str]] = []
    submit = pipeline._Workers.submit

    def recorded(self: pipeline._Workers, batch: pipeline.Batch) -> Future[list[pipeline.Outcome]]:
        sent.append([document.name for document in batch])
        return submit(self, batch)

    monkeypatch.setattr(pipeline._Workers, "submit", recorded)
    two = [(outcome.name, tuple(outcome.pieces)) for outcome in pipeline.extract_all(documents, 2, None, "jsonl")]
    one = [(outcome.name, tuple(outcome.pieces)) for outcome in pipeline.extract_all(documents, 1, None, "jsonl")]
    assert two == one and [name for name, _ in two] == [document.name for document in documents]
    alone = list(itertools.takewhile(lambda batch: len(batch) == 1, reversed(sent)))[::-1]
    assert all(len(batch) == pipeline.BATCH_DOCUMENTS for batch in sent[: -len(alone)]), "whole batches until then"
    # The batches held back when the input ended: at least all but one of HELD per worker.
    assert len(alone) >= (pipeline.HELD * 2 - 1) * pipeline.BATCH_DOCUMENTS
    sizes = {document.name: document.size for document in documents}
    last = [sizes[name] for (name,) in alone]
    assert last == sorted(last, reverse=True), "the largest first"
    assert sorted(name for (name,) in alone) == sorted(document.name for document in documents[-len(alone) :])
