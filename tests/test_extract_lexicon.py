"""One vocabulary: every word in the lexicon's tables is found in text and read with its value.

The rows are generated from the tables themselves, so a word added to a table
gets its test row; if the grammar did not build its alternations from the
tables, the new word's row would fail.
"""

from __future__ import annotations

import pytest

from kbtimeline.extract import extract_events
from kbtimeline.extract.lexicon import (
    BOUNDARY_MODIFIERS,
    EDGE_ADVERBS,
    HOLIDAYS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NARROWING_ADJECTIVES,
    NARROWING_NOUNS,
    NUMBER_WORDS,
    ORDINALS,
    PART_ORDINALS,
    SEASONS,
)
from kbtimeline.model import year_label


def _only(text: str) -> dict:
    events = [event.to_dict() for event in extract_events(text, "t")]
    assert len(events) >= 1, f"nothing found in {text!r}"
    return events[-1]


@pytest.mark.parametrize("word", sorted(MONTHS))
def test_every_month_word_before_a_day(word):
    event = _only(f"It fell on {word.capitalize()} 5, 1992.")
    assert (event["start"], event["granularity"]) == (f"1992-{MONTHS[word]:02d}-05", "day")


@pytest.mark.parametrize("word", sorted(MONTH_ABBREVIATIONS))
def test_every_month_abbreviation_with_its_dot(word):
    event = _only(f"It fell in {word.capitalize()}. 1992.")
    assert (event["start"], event["granularity"]) == (f"1992-{MONTHS[word]:02d}-01", "month")


@pytest.mark.parametrize("word", sorted(NARROWING_ADJECTIVES))
def test_every_narrowing_adjective(word):
    event = _only(f"It fell in the {word} part of 1992.")
    assert (event["date_text"], event["modifier"]) == (f"the {word} part of 1992", NARROWING_ADJECTIVES[word])


@pytest.mark.parametrize("word", sorted(NARROWING_NOUNS))
def test_every_narrowing_noun(word):
    event = _only(f"It fell at the {word} of 1992.")
    assert (event["date_text"], event["modifier"]) == (f"the {word} of 1992", NARROWING_NOUNS[word])
    assert (event["start"], event["end"]) == ("1992-01-01", "1992-12-31"), "the interval stays whole"


@pytest.mark.parametrize("word", sorted(EDGE_ADVERBS))
def test_every_edge_adverb(word):
    event = _only(f"The war began in 1950. {word.capitalize()} in the year it ended.")
    assert (event["date_text"], event["modifier"]) == (f"{word.capitalize()} in the year", EDGE_ADVERBS[word])


@pytest.mark.parametrize("word", sorted(SEASONS))
def test_every_season(word):
    event = _only(f"It fell in the {word} of 1992.")
    first_month = SEASONS[word][0]
    assert (event["start"], event["granularity"]) == (f"1992-{first_month:02d}-01", "season")


@pytest.mark.parametrize("word", sorted(NUMBER_WORDS))
def test_every_number_word(word):
    event = _only(f"It began in 1921. {word.capitalize()} years later it was over.")
    assert event["start"] == f"{1921 + NUMBER_WORDS[word]}-01-01"


@pytest.mark.parametrize("word", sorted(ORDINALS))
def test_every_ordinal_of_a_century(word):
    event = _only(f"It was built in the {word} century.")
    assert event["start"] == f"{(ORDINALS[word] - 1) * 100:04d}-01-01"


@pytest.mark.parametrize("word", sorted(PART_ORDINALS))
def test_every_ordinal_of_a_quarter(word):
    event = _only(f"Sales fell in the {word} quarter of 1993.")
    assert event["start"] == f"1993-{(PART_ORDINALS[word] - 1) * 3 + 1:02d}-01"


@pytest.mark.parametrize("word", sorted(HOLIDAYS))
def test_every_holiday(word):
    month, day = HOLIDAYS[word]
    assert _only(f"They came on {word} 1963.")["start"] == f"1963-{month:02d}-{day:02d}"


@pytest.mark.parametrize("word", sorted(BOUNDARY_MODIFIERS))
def test_every_boundary_word(word):
    event = _only(f"It was founded {word} 1992.")
    assert (event["date_text"], event["modifier"]) == ("1992", BOUNDARY_MODIFIERS[word])


DRIFT = [
    ("It fell on Sept 5, 1992.", "Sept 5, 1992", "1992-09-05", None, "an abbreviation without its dot"),
    ("In the latter part of 1992 it fell.", "the latter part of 1992", "1992-01-01", "late", "latter part"),
    ("At the dawn of 1992 it fell.", "the dawn of 1992", "1992-01-01", "early", "dawn"),
]


@pytest.mark.parametrize(("text", "phrase", "start", "modifier", "reason"), DRIFT, ids=[row[-1] for row in DRIFT])
def test_words_that_had_drifted_apart(text, phrase, start, modifier, reason):
    event = _only(text)
    assert (event["date_text"], event["start"], event["modifier"]) == (phrase, start, modifier)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("He lived in Maychew for years.", "a place that starts with a month name"),
        ("The Marchers came.", "a word that starts with a month abbreviation"),
        ("Jan said so.", "an abbreviation without dot or number is a name"),
    ],
)
def test_month_words_inside_other_words(text, reason):
    assert extract_events(text) == []


@pytest.mark.parametrize(
    ("year", "label", "reason"),
    [(1988, "1988", "a modern year"), (79, "AD 79", "an early year says its era"), (-489, "490 BC", "BC")],
)
def test_one_year_label_for_the_extractor_and_the_views(year, label, reason):
    from kbtimeline.output.views._text import month_label

    assert year_label(year) == label
    assert month_label(year, 5) == f"May {label}"


def test_ad_year_when_is_the_year_label():
    event = _only("Vesuvius erupted in AD 79.")
    assert (event["start"], event["when"]) == ("0079-01-01", "AD 79")
