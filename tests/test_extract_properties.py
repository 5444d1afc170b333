"""Properties of the extractor that hold for any text, and its cost on hostile input."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kbtimeline.events.titles import retitle
from kbtimeline.extract import extract_events, phrases
from kbtimeline.model import Day, month_length

DATE_WORDS = [
    "8", "25–26", "1992", "1992–94", "May", "February", "late", "early", "mid-", "the", "winter", "of",
    "next", "day", "year", "following", "same", "In", "on", "by", "BC", "AD", "490", "1,500", "No.", "p.",
    "12:01", "AM", "and", "between", "to", "from", ".", ",", "–", "-", "(", ")", "\n", "\n\n", "1990s",
    "century", "twentieth", "spring", "that", "three", "years", "earlier", "later", "a", "Retrieved",
    "Archived", "Resolution", "1416", "Q3", "half", "first", "Christmas", "ago", "last", "yesterday",
    "Friday", "Sept", "week", "weekend", "this", "quarter", "third-quarter", "coming", "noon", "10 p.m.",
    "said", "will", "from now", "Century", "dawn", "latter part", "'89", "0945", "hrs", "190s", "/", "days",
    "5pm", "1.2", "620", "at", "8th",
]  # fmt: skip

texts = st.lists(st.sampled_from(DATE_WORDS) | st.text(max_size=6), max_size=60).map(" ".join)


def _valid(day: Day) -> bool:
    return 1 <= day.month <= 12 and 1 <= day.day <= month_length(day.year, day.month)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, with_reference=st.booleans())
def test_any_text_gives_well_formed_events(text, with_reference):
    reference = Day(2026, 11, 25) if with_reference else None
    events = extract_events(text, "t", reference)
    for event in retitle(events, text, parser=False):
        assert event.start <= event.end
        assert _valid(event.start) and _valid(event.end)
        assert text[event.date_span[0] : event.date_span[1]] == event.date_text
        assert text[event.span[0] : event.span[1]] == event.text
        assert event.span[0] <= event.date_span[0] <= event.date_span[1] <= event.span[1]
        assert event.when and event.title
        for part in event.parts:
            assert event.date_span[0] <= part.date_span[0] <= part.date_span[1] <= event.date_span[1]
            assert event.start <= part.start <= part.end <= event.end


@pytest.mark.parametrize("text", ["Between 1416 to May it rained.", "From 1416 to May 1417 it rained."])
def test_a_range_never_ends_inside_its_own_left_part(text):
    """Found by the property test above: "1416 to May" gave a part ending after the event."""
    for event in extract_events(text):
        for part in event.parts:
            assert event.start <= part.start <= part.end <= event.end


@settings(max_examples=200, deadline=None)
@given(text=texts)
def test_extraction_is_deterministic_and_ids_are_stable(text):
    first = [event.to_dict() for event in extract_events(text, "t")]
    assert first == [event.to_dict() for event in extract_events(text, "t")]
    assert len({event["id"] for event in first}) == len(first)


def _scan_every_word(text: str) -> list[tuple[int, int]]:
    """The reference the fast path must agree with: every rule tried at every word."""
    found, position = [], 0
    while (match := phrases.SCANNER.search(text, position)) is not None:
        phrase = phrases._read_from(text, match.start(), match.lastgroup)
        if phrase is None:
            position = match.start() + 1
            continue
        found.append((phrase.start, phrase.end))
        position = phrase.end
    return found


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_trigger_prefilter_finds_what_every_rule_would(text):
    assert [(p.start, p.end) for p in phrases._scan(text)] == _scan_every_word(text)


def test_trigger_prefilter_on_the_bundled_article(bundled_text):
    assert [(p.start, p.end) for p in phrases._scan(bundled_text)] == _scan_every_word(bundled_text)


HOSTILE = {
    "digits": "1" * 2000,
    "dashes": "1992–" * 400,
    "months": "May June " * 250,
    "numbers": "25–26 February 1992, " * 100,
    "dots": ". " * 1000,
    "seasons": "As winter approached, the summer. " * 300,
    "mixed": "the early 1990s and late winter of 1991–1992 by 3 April 12:01 AM " * 30,
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_extraction_is_linear_on_hostile_text(name):
    """Ten times the text costs about ten times the time, not a hundred."""
    unit = HOSTILE[name]

    def cost(repeat: int) -> float:
        text = unit * repeat
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            extract_events(text)
            best = min(best, time.perf_counter() - started)
        return best

    small, large = cost(1), cost(10)
    assert large < 30 * max(small, 1e-4), f"{name}: {small:.4f}s -> {large:.4f}s"
