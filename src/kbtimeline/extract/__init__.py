"""Text in, events out: find date phrases, resolve them in context, tie them to sentences.

Pure: no files, no clock, no CLI. ``reference_date`` stands in for "now" when a
text speaks relative to its own time of writing ("last year"); without it such
phrases are left out.

The pipeline reads in the order data flows: sentences (and which of them are
apparatus: citations, titles of works, headings, rows) -> phrases ->
resolved intervals -> events. Apparatus gives no record; footnotes that
narrate do, marked ``section: "notes"``.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice
from typing import NamedTuple

from kbtimeline.extract.dateline import is_dateline
from kbtimeline.extract.labels import when_label
from kbtimeline.extract.phrases import Phrase, find_phrases
from kbtimeline.extract.resolve import Resolved, needs_reference_date, resolve_all
from kbtimeline.extract.sentences import (
    MAX_SENTENCE,
    Sentence,
    SentenceIndex,
    is_apparatus,
    is_heading,
    is_reference_like,
    sets_a_scene,
)
from kbtimeline.model import Day, Event, Part, event_id

__all__ = ["Extracted", "extract", "extract_events"]


class Extracted(NamedTuple):
    """The events of a text, and how many phrases were left out for want of a reference date."""

    events: list[Event]
    left_out: int


# The notes section starts at the first apparatus sentence in a run of them.
_NOTES_WINDOW, _NOTES_MIN_CITATIONS = 10, 3


def extract_events(
    text: str, source: str = "text", reference_date: Day | None = None, *, apparatus: bool = False
) -> list[Event]:
    """Every dated statement in ``text``, in text order (see ``extract``)."""
    return extract(text, source, reference_date, apparatus=apparatus).events


def extract(
    text: str, source: str = "text", reference_date: Day | None = None, *, apparatus: bool = False
) -> Extracted:
    """Every dated statement in ``text``, in text order, and what was left out for want of a date.

    Titles are left empty for ``kbtimeline.events.titles.retitle``, which may
    parse the sentences. Without ``reference_date``, phrases that count from
    the time of writing ("last year", "three days ago") have no value: they
    are left out, and counted. With ``apparatus``, the dates of apparatus
    sentences give records too, marked ``section: "apparatus"``: date-finding
    benchmarks annotate dates in headings and captions, which a timeline
    leaves out.
    """
    read = [
        placed
        for placed in _sorted_out(text, SentenceIndex(text))
        if apparatus or placed.heading or not placed.left_out
    ]
    events = []
    placed_at = {placed.phrase.start: placed for placed in read}
    for resolved in resolve_all((placed.phrase for placed in read), reference_date, text):
        placed = placed_at[resolved.phrase.start]
        if not placed.left_out or apparatus:
            event = _event(text, source, resolved, placed)
            events.append(replace(event, section="apparatus") if placed.left_out else event)
    unread = 0
    if reference_date is None:
        unread = sum(needs_reference_date(placed.phrase) for placed in read if not placed.left_out)
    return Extracted(events, unread)


class _Placed(NamedTuple):
    """A date phrase in its sentence, and what the sentence is: a heading, not prose, among the notes."""

    phrase: Phrase
    sentence: Sentence
    words: str  # the sentence's text, one string for all its phrases
    heading: bool
    left_out: bool  # its sentence is apparatus (or a heading): it gives no record
    in_notes: bool


class _Dated(NamedTuple):
    """A sentence with a date, its phrases, and whether it is a heading or not prose."""

    sentence: Sentence
    words: str
    phrases: list[Phrase]
    heading: bool
    not_prose: bool


def _sorted_out(text: str, index: SentenceIndex) -> Iterator[_Placed]:
    """The date phrases that lie in a sentence, in text order, each told where it stands.

    The notes section starts at the first apparatus sentence in a dense run of
    them (``_opens_notes``): sentences are held only until that is settled for
    them, a few at a time, so memory does not grow with the text (a flood of
    dates in apparatus keeps none).
    """
    pending: deque[_Dated] = deque()
    notes_start: int | None = None
    for phrase in find_phrases(text):
        sentence = index.holding(phrase.start, phrase.end)
        if sentence is None:
            continue
        if pending and (pending[-1].sentence is sentence or pending[-1].sentence == sentence):
            pending[-1].phrases.append(phrase)
            continue
        words = text[sentence.start : sentence.end]
        dateline = is_dateline(words)  # "JOHANNESBURG, August 7 (Xinhua) --" dates the story
        heading = is_heading(text, sentence) and not dateline
        not_prose = is_apparatus(words) and not dateline and not sets_a_scene(text, sentence)
        pending.append(_Dated(sentence, words, [phrase], heading, heading or not_prose))
        # A sentence that starts later cannot start before this phrase's window (``SentenceIndex.holding``).
        while len(pending) > _NOTES_WINDOW and (
            notes_start is not None or _opens_notes(pending) or _settled(pending, phrase.start - MAX_SENTENCE // 2)
        ):
            if notes_start is None and _opens_notes(pending):
                notes_start = pending[0].sentence.start
            yield from _placed(pending.popleft(), notes_start)
    if notes_start is None:
        notes_start = next(
            (dated.sentence.start for at, dated in enumerate(pending) if _opens_notes(pending, at)), None
        )
    while pending:
        yield from _placed(pending.popleft(), notes_start)


def _settled(pending: deque[_Dated], later_start: int) -> bool:
    """Whether the first sentence pending and its phrases lie before any sentence after it may start,
    so before a notes section still to be found."""
    first = pending[0]
    reach = min(later_start, *(dated.sentence.start for dated in islice(pending, 1, None)))
    return max(first.sentence.start, first.phrases[-1].start) < reach


def _opens_notes(pending: deque[_Dated], at: int = 0) -> bool:
    """Whether footnotes and references begin at the sentence pending at ``at``: an apparatus sentence
    that opens a dense run of them. Only sentences with a date count: reference metadata almost always has one.
    """
    window = islice(pending, at, at + _NOTES_WINDOW)
    return _cites(pending[at]) and sum(_cites(dated) for dated in window) >= _NOTES_MIN_CITATIONS


def _cites(dated: _Dated) -> bool:
    """Whether a sentence looks like reference metadata. Headings do not: a run of dated section titles
    ("Ionian Revolt (499–493 BC)") does not start the notes."""
    return dated.not_prose and not dated.heading


def _placed(dated: _Dated, notes_start: int | None) -> Iterator[_Placed]:
    sentence, not_prose = dated.sentence, dated.not_prose
    if notes_start is not None and sentence.start >= notes_start and not not_prose:
        not_prose = is_reference_like(dated.words)
    for phrase in dated.phrases:
        in_notes = notes_start is not None and phrase.start >= notes_start
        yield _Placed(phrase, sentence, dated.words, dated.heading, not_prose, in_notes)


def _event(text: str, source: str, resolved: Resolved, placed: _Placed) -> Event:
    phrase, interval, sentence = resolved.phrase, resolved.interval, placed.sentence
    date_span = (phrase.start, phrase.end)
    parts: tuple[Part, ...] = ()
    if resolved.parts and phrase.parts:
        parts = tuple(
            Part((part_phrase.start, part_phrase.end), part.start, part.end)
            for part_phrase, part in zip(phrase.parts, resolved.parts, strict=True)
        )
    return Event(
        id=event_id(source, date_span),
        source=source,
        start=interval.start,
        end=interval.end,
        granularity=interval.granularity,
        modifier=phrase.modifier,
        time=phrase.time,
        when=when_label(interval.start, interval.end, interval.granularity, phrase.modifier, phrase.time),
        date_text=text[phrase.start : phrase.end],
        date_span=date_span,
        text=placed.words,
        span=(sentence.start, sentence.end),
        title="",  # written by kbtimeline.events.titles, which reads the whole story
        section="notes" if placed.in_notes else "narrative",
        anchored=resolved.anchored,
        parts=parts,
    )
