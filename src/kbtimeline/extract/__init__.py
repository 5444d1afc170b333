"""Text in, events out: find date phrases, resolve them in context, tie them to sentences.

Pure: no files, no clock, no CLI. ``reference_date`` stands in for "now" when a
text speaks relative to its own time of writing ("last year"); without it such
phrases are left out.

The pipeline reads in the order data flows: sentences (and which of them are
citation apparatus) -> phrases -> resolved intervals -> events.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

from kbtimeline.extract.labels import make_title, when_label
from kbtimeline.extract.phrases import find_phrases
from kbtimeline.extract.resolve import Resolved, resolve_all
from kbtimeline.extract.sentences import Sentence, split_sentences
from kbtimeline.model import Day, Event, Part, event_id

__all__ = ["extract_events"]

# The notes section starts at the first citation in a run of citations.
_NOTES_WINDOW, _NOTES_MIN_CITATIONS = 10, 3


def extract_events(text: str, source: str = "text", reference_date: Day | None = None) -> list[Event]:
    """Every dated statement in ``text``, in text order."""
    sentences = list(split_sentences(text))
    notes_start = _notes_start(sentences)
    starts = [sentence.start for sentence in sentences]

    def sentence_of(offset: int) -> Sentence | None:
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0 or sentences[index].end <= offset:
            return None
        return sentences[index]

    phrases = (
        phrase
        for phrase in find_phrases(text)
        if (sentence := sentence_of(phrase.start)) is not None and not sentence.citation
    )
    return [
        _event(text, source, resolved, sentence_of(resolved.phrase.start), notes_start)
        for resolved in resolve_all(_within_sentences(phrases, sentence_of), reference_date)
    ]


def _within_sentences(phrases, sentence_of) -> Iterator:
    """Drop phrases that a sentence boundary cuts in two (a scanner match across a period)."""
    for phrase in phrases:
        sentence = sentence_of(phrase.start)
        if phrase.end <= sentence.end:
            yield phrase


def _notes_start(sentences: list[Sentence]) -> int | None:
    """Where footnotes and references begin: the first citation of a dense run of them."""
    for index, sentence in enumerate(sentences):
        window = sentences[index : index + _NOTES_WINDOW]
        if sentence.citation and sum(item.citation for item in window) >= _NOTES_MIN_CITATIONS:
            return sentence.start
    return None


def _event(text: str, source: str, resolved: Resolved, sentence: Sentence, notes_start: int | None) -> Event:
    phrase, interval = resolved.phrase, resolved.interval
    date_span = (phrase.start, phrase.end)
    sentence_text = text[sentence.start : sentence.end]
    parts = ()
    if resolved.parts:
        parts = tuple(
            Part((part_phrase.start, part_phrase.end), part.start, part.end)
            for part_phrase, part in zip(phrase.parts, resolved.parts)
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
        title=make_title(sentence_text, phrase.start - sentence.start, phrase.end - sentence.start),
        section="notes" if notes_start is not None and phrase.start >= notes_start else "narrative",
        anchored=resolved.anchored,
        parts=parts,
    )
