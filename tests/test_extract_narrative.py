"""Narrative dates (histories such as WikiWars): where the story stands decides a date's year.

Rows are (text, date phrase, expected start or None when the phrase must be left
out, granularity, reason); the text is read with no reference date, as a history.
"""

from __future__ import annotations

import pytest

from kbtimeline.extract import extract_events

NARRATIVE = [
    ("Manila fell in January 1945 and Leyte in March. The British fought in Burma from October to March.",
     "October to March", "1944-10-01", "month", "a range of months is placed around the story's month"),
    ("The war began in May 1940. Fighting went on from June to August.", "June to August", "1940-06-01", "month",
     "a range within one year still moves forward"),
    ("Belgrade fell on October 20, 1944. A siege lasted until the fall of Budapest in February 1945. "
     "By the start of July, Assam was clear.", "the start of July", "1944-07-01", "month",
     "'lasted until' a later year is a glance ahead: the story stays in 1944"),
    ("Riots began on 10 August 1792. This persisted until the Convention met on 20 September. "
     "The next day it abolished the monarchy.", "The next day", "1792-09-21", "day",
     "'until' within the story's year moves the story there"),
    ("Relations worsened until in March 1980 Iran recalled its envoy. In April the tension grew.", "April",
     "1980-04-01", "month", "'until' with no story yet still sets it"),
]  # fmt: skip


def _found(text: str, phrase: str) -> list[dict]:
    return [event.to_dict() for event in extract_events(text, "t") if event.date_text == phrase]


@pytest.mark.parametrize(
    ("text", "phrase", "start", "granularity", "reason"), NARRATIVE, ids=[row[-1] for row in NARRATIVE]
)
def test_narrative_phrase(text, phrase, start, granularity, reason):
    found = _found(text, phrase)
    if start is None:
        assert not found, f"{phrase!r} should be left out"
        return
    assert found, f"{phrase!r} not found in {[event.date_text for event in extract_events(text, 't')]}"
    assert (found[0]["start"], found[0]["granularity"]) == (start, granularity)


def test_rows_are_unique():
    rows = [(row[0], row[1]) for row in NARRATIVE]
    assert len(rows) == len(set(rows))
