"""Titles: what happened at each record's date, in a dozen words a timeline reader understands alone.

Two ways to choose the words. With spaCy installed (``kbtimeline[nlp]``) the
dependency parse says which clause the date attaches to, that clause's
subject and its main verb (``syntax``). Without it, or when speed matters
more (``extract --fast``), rules on punctuation and a few word lists do
(``rules``). Both end in the same touches (``wording``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from kbtimeline.events import reporting, rules, wording
from kbtimeline.events.rules import Span
from kbtimeline.model import Event


def retitle(events: Sequence[Event], text: str, *, parser: bool) -> list[Event]:
    """``events`` (one text's, from ``extract_events``) with titles that say what happened.

    ``parser``: use spaCy's parse (installed with ``kbtimeline[nlp]``); else rules only.
    """
    sentences: dict[Span, list[Span]] = {}
    for event in events:
        sentences.setdefault(event.span, []).append(event.date_span)
    told = {span: reporting.news_span(text, span, dates) for span, dates in sentences.items()}
    dates_in: dict[Span, list[Span]] = {}
    for event in events:
        dates_in.setdefault(told[event.span], []).append(_in_sentence(event, told[event.span]))
    if parser:
        from kbtimeline.events import syntax  # imports the parser module only on this path

        titles = syntax.titles(text, dates_in)
    else:
        titles = {
            (span, own): rules.named_rule_title(text, span, own, [d for d in dates if d != own])
            for span, dates in dates_in.items()
            for own in dates
        }
    # a dateline alone ("WASHINGTON, August 8 (Xinhua) --"): its date is the story's, titled by its first sentence
    leads = {span: rules.rule_title(story, 0, 0) for span in sentences if (story := reporting.lead(text, span))}
    return [
        replace(event, title=wording.ended(title, text[event.span[0] : event.date_span[0]]))
        for event in events
        for title in [leads.get(event.span) or titles[(told[event.span], _in_sentence(event, told[event.span]))]]
    ]


def _in_sentence(event: Event, sentence: Span) -> Span:
    """Where the event's date phrase is in its sentence (as told: ``reporting.news_span``)."""
    return event.date_span[0] - sentence[0], event.date_span[1] - sentence[0]
