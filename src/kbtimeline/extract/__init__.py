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

from dataclasses import replace
from typing import NamedTuple

from kbtimeline.extract.dateline import is_dateline
from kbtimeline.extract.labels import when_label
from kbtimeline.extract.phrases import find_phrases
from kbtimeline.extract.resolve import Resolved, needs_reference_date, resolve_all
from kbtimeline.extract.sentences import (
    Sentence,
    SentenceIndex,
    is_apparatus,
    is_heading,
    is_reference_like,
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
    index = SentenceIndex(text)
    dated = [
        (phrase, sentence)
        for phrase in find_phrases(text)
        if (sentence := index.holding(phrase.start, phrase.end)) is not None
    ]
    unique_sentences = dict.fromkeys(sentence for _, sentence in dated)
    heading = {
        sentence: is_heading(text, sentence) and not is_dateline(text[sentence.start : sentence.end])
        for sentence in unique_sentences
    }
    not_prose = {
        sentence: (heading[sentence] or is_apparatus(text[sentence.start : sentence.end]))
        and not is_dateline(text[sentence.start : sentence.end])
        for sentence in unique_sentences
    }
    # Headings are not reference metadata: a run of dated section titles ("Ionian Revolt (499–493 BC)")
    # does not start the notes.
    notes_start = _notes_start([(sentence, flag and not heading[sentence]) for sentence, flag in not_prose.items()])
    if notes_start is not None:
        for sentence in unique_sentences:
            if sentence.start >= notes_start and not not_prose[sentence]:
                not_prose[sentence] = is_reference_like(text[sentence.start : sentence.end])
    left_out = {phrase.start for phrase, sentence in dated if not_prose[sentence]}
    # A heading gives no record but still sets the scene: "1917" above "On 6 April" gives its year.
    read = [
        (phrase, sentence)
        for phrase, sentence in dated
        if apparatus or heading[sentence] or phrase.start not in left_out
    ]
    sentence_of = {phrase.start: sentence for phrase, sentence in read}
    events = []
    for resolved in resolve_all((phrase for phrase, _ in read), reference_date, text):
        start = resolved.phrase.start
        if start not in left_out or apparatus:
            event = _event(text, source, resolved, sentence_of[start], notes_start)
            events.append(replace(event, section="apparatus") if start in left_out else event)
    unread = 0
    if reference_date is None:
        unread = sum(needs_reference_date(phrase) for phrase, _ in read if phrase.start not in left_out)
    return Extracted(events, unread)


def _notes_start(dated_sentences: list[tuple[Sentence, bool]]) -> int | None:
    """Where footnotes and references begin: the first apparatus sentence of a dense run of them.

    Only sentences with a date count: reference metadata almost always has one.
    """
    for position, (sentence, is_reference) in enumerate(dated_sentences):
        window = dated_sentences[position : position + _NOTES_WINDOW]
        if is_reference and sum(flag for _, flag in window) >= _NOTES_MIN_CITATIONS:
            return sentence.start
    return None


def _event(
    text: str,
    source: str,
    resolved: Resolved,
    sentence: Sentence,
    notes_start: int | None,
) -> Event:
    phrase, interval = resolved.phrase, resolved.interval
    date_span = (phrase.start, phrase.end)
    sentence_text = text[sentence.start : sentence.end]
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
        text=sentence_text,
        span=(sentence.start, sentence.end),
        title="",  # written by kbtimeline.events.titles, which reads the whole story
        section="notes" if notes_start is not None and phrase.start >= notes_start else "narrative",
        anchored=resolved.anchored,
        parts=parts,
    )
