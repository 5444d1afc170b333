"""Text in, events out: find date phrases, resolve them in context, tie them to sentences.

Pure: no files, no clock, no CLI. ``reference_date`` stands in for "now" when a
text speaks relative to its own time of writing ("last year"); without it such
phrases are left out.

The pipeline reads in the order data flows: sentences (and which of them are
citation apparatus) -> phrases -> resolved intervals -> events.
"""

from __future__ import annotations

from typing import NamedTuple

from kbtimeline.extract.labels import make_title, when_label
from kbtimeline.extract.phrases import find_phrases
from kbtimeline.extract.resolve import Resolved, needs_reference_date, resolve_all
from kbtimeline.extract.sentences import Sentence, SentenceIndex, is_citation, is_reference_like
from kbtimeline.model import Day, Event, Part, event_id

__all__ = ["Extracted", "extract", "extract_events"]


class Extracted(NamedTuple):
    """The events of a text, and how many phrases were left out for want of a reference date."""

    events: list[Event]
    left_out: int

# The notes section starts at the first citation in a run of citations.
_NOTES_WINDOW, _NOTES_MIN_CITATIONS = 10, 3


def extract_events(text: str, source: str = "text", reference_date: Day | None = None) -> list[Event]:
    """Every dated statement in ``text``, in text order."""
    return extract(text, source, reference_date).events


def extract(text: str, source: str = "text", reference_date: Day | None = None) -> Extracted:
    """Every dated statement in ``text``, in text order, and what was left out for want of a date.

    Without ``reference_date``, phrases that count from the time of writing
    ("last year", "three days ago") have no value: they are left out, and counted.
    """
    index = SentenceIndex(text)
    dated = [
        (phrase, sentence)
        for phrase in find_phrases(text)
        if (sentence := index.holding(phrase.start, phrase.end)) is not None
    ]
    unique_sentences = dict.fromkeys(sentence for _, sentence in dated)
    citation = {sentence: is_citation(text[sentence.start : sentence.end]) for sentence in unique_sentences}
    notes_start = _notes_start(list(citation.items()))
    if notes_start is not None:
        for sentence in unique_sentences:
            if sentence.start >= notes_start and not citation[sentence]:
                citation[sentence] = is_reference_like(text[sentence.start : sentence.end])
    sentence_of = {phrase.start: sentence for phrase, sentence in dated if not citation[sentence]}
    dates_in: dict[Sentence, list[tuple[int, int]]] = {}
    for phrase, sentence in dated:
        dates_in.setdefault(sentence, []).append((phrase.start - sentence.start, phrase.end - sentence.start))
    narrative = [phrase for phrase, sentence in dated if not citation[sentence]]
    events = [
        _event(text, source, resolved, sentence_of[resolved.phrase.start], notes_start, dates_in)
        for resolved in resolve_all(narrative, reference_date)
    ]
    left_out = 0 if reference_date is not None else sum(needs_reference_date(phrase) for phrase in narrative)
    return Extracted(events, left_out)


def _notes_start(dated_sentences: list[tuple[Sentence, bool]]) -> int | None:
    """Where footnotes and references begin: the first citation of a dense run of them.

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
    dates_in: dict[Sentence, list[tuple[int, int]]],
) -> Event:
    phrase, interval = resolved.phrase, resolved.interval
    date_span = (phrase.start, phrase.end)
    sentence_text = text[sentence.start : sentence.end]
    own = (phrase.start - sentence.start, phrase.end - sentence.start)
    others = [span for span in dates_in[sentence] if span != own]
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
        title=make_title(sentence_text, *own, others),
        section="notes" if notes_start is not None and phrase.start >= notes_start else "narrative",
        anchored=resolved.anchored,
        parts=parts,
    )
