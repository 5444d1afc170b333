"""Every dated mention of the bundled article's annotated stretch, as the committed events date it.

The expected values are copied from the project's development annotation (the
issue asks for them here, as data, so that this test runs anywhere): for each
mention, where its date phrase is in the source, the phrase, the calendar
interval it names, its granularity and its modifier. A mention is matched to
the event whose date phrase overlaps it most, one event per mention, as the
scorer matches them.

``test_bundled_events`` checks that data/events.json is what the tool makes
today; this test checks that what it makes is right, so a regression on the
article cannot be regenerated into the file unnoticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

EVENTS = Path(__file__).resolve().parents[1] / "data" / "events.json"

# (date span, date phrase, start, end, granularity, modifier, reason)
MENTIONS = [
    ((91, 116), "February 1988 to May 1994", "1988-02-01", "1994-05-31", "month", None, "a range of months: from the first day of one to the last of the other"),
    ((877, 881), "1988", "1988-01-01", "1988-12-31", "year", None, "a plain year"),
    ((1089, 1093), "1988", "1988-01-01", "1988-12-31", "year", None, "a plain year"),
    ((1105, 1109), "1990", "1990-01-01", "1990-12-31", "year", None, "a plain year"),
    ((1170, 1174), "1988", "1988-01-01", "1988-12-31", "year", None, "a plain year"),
    ((1198, 1202), "1992", "1992-01-01", "1992-12-31", "year", None, "a plain year"),
    ((1416, 1432), "20 February 1988", "1988-02-20", "1988-02-20", "day", None, "a day, month and year"),
    ((1807, 1817), "early 1992", "1992-01-01", "1992-12-31", "year", "early", "'early' keeps the whole year and says so in the modifier"),
    ((2124, 2134), "early 1993", "1993-01-01", "1993-12-31", "year", "early", "a year with 'early': the whole year, the modifier says which part"),
    ((2313, 2317), "1994", "1994-01-01", "1994-12-31", "year", None, "a plain year"),
    ((2567, 2575), "May 1994", "1994-05-01", "1994-05-31", "month", None, "a month and year"),
    ((3358, 3362), "2020", "2020-01-01", "2020-12-31", "year", None, "a plain year"),
    ((3587, 3600), "November 1917", "1917-11-01", "1917-11-30", "month", None, "a month and year"),
    ((3908, 3926), "the spring of 1918", "1918-03-01", "1918-05-31", "season", None, "a season: spring is March to May"),
    ((4009, 4017), "May 1918", "1918-05-01", "1918-05-31", "month", None, "a month and year"),
    ((4709, 4722), "December 1918", "1918-12-01", "1918-12-31", "month", None, "a month and year"),
    ((5281, 5291), "early 1919", "1919-01-01", "1919-12-31", "year", "early", "a year with 'early': the whole year, the modifier says which part"),
    ((5374, 5384), "April 1920", "1920-04-01", "1920-04-30", "month", None, "a month and year"),
    ((5389, 5399), "April 1920", "1920-04-01", "1920-04-30", "month", None, "a month and year"),
    ((5821, 5832), "4 July 1921", "1921-07-04", "1921-07-04", "day", None, "a full day"),
    ((5959, 5970), "a day later", "1921-07-05", "1921-07-05", "day", None, "relative to the day before: anchored"),
    ((6752, 6756), "1923", "1923-01-01", "1923-12-31", "year", None, "a plain year"),
    ((7154, 7158), "1936", "1936-01-01", "1936-12-31", "year", None, "a plain year"),
    ((7691, 7695), "1963", "1963-01-01", "1963-12-31", "year", None, "a plain year"),
    ((7833, 7846), "The same year", "1963-01-01", "1963-12-31", "year", None, "'the same year' takes the year of the sentence before"),
    ((7924, 7928), "1965", "1965-01-01", "1965-12-31", "year", None, "a plain year"),
    ((7933, 7937), "1977", "1977-01-01", "1977-12-31", "year", None, "a plain year"),
    ((8025, 8029), "1985", "1985-01-01", "1985-12-31", "year", None, "a plain year"),
    ((8823, 8827), "1982", "1982-01-01", "1982-12-31", "year", None, "a plain year"),
    ((9047, 9061), "the late 1980s", "1980-01-01", "1989-12-31", "decade", "late", "a decade with a modifier"),
    ((9066, 9079), "February 1988", "1988-02-01", "1988-02-29", "month", None, "a month and year"),
    ((9192, 9208), "20 February 1988", "1988-02-20", "1988-02-20", "day", None, "a day, month and year"),
    ((9340, 9350), "early 1991", "1991-01-01", "1991-12-31", "year", "early", "a year with 'early': the whole year, the modifier says which part"),
    ((9853, 9867), "23 August 1990", "1990-08-23", "1990-08-23", "day", None, "a day, month and year"),
    ((11031, 11045), "September 1991", "1991-09-01", "1991-09-30", "month", None, "a month and year"),
    ((11232, 11247), "20–23 September", "1991-09-20", "1991-09-23", "day", None, "a range of days inside one month, the year from the story"),
    ((11714, 11728), "late September", "1991-09-01", "1991-09-30", "month", "late", "a month with a modifier, the year from the story"),
    ((11992, 12001), "late 1991", "1991-01-01", "1991-12-31", "year", "late", "a year with 'late': the whole year, the modifier says which part"),
    ((12128, 12141), "May–July 1991", "1991-05-01", "1991-07-31", "month", None, "a range of months sharing one year"),
    ((12717, 12726), "late 1991", "1991-01-01", "1991-12-31", "year", "late", "a year with 'late': the whole year, the modifier says which part"),
    ((13126, 13137), "19 December", "1991-12-19", "1991-12-19", "day", None, "day and month, the year from the story"),
    ((13235, 13246), "27 December", "1991-12-27", "1991-12-27", "day", None, "a day, month and year"),
    ((13463, 13472), "late 1991", "1991-01-01", "1991-12-31", "year", "late", "a year with 'late': the whole year, the modifier says which part"),
    ((14293, 14312), "three years earlier", "1988-01-01", "1988-12-31", "year", None, "counted back from the year of the story"),
    ((14782, 14795), "November 1993", "1993-11-01", "1993-11-30", "month", None, "a month and year"),
    ((15445, 15449), "1992", "1992-01-01", "1992-12-31", "year", None, "a plain year"),
    ((15744, 15760), "25 December 1991", "1991-12-25", "1991-12-25", "day", None, "a day, month and year"),
    ((15904, 15920), "31 December 1991", "1991-12-31", "1991-12-31", "day", None, "a day, month and year"),
    ((16031, 16062), "One month prior, on 26 November", "1991-11-26", "1991-11-26", "day", None, "'one month prior' introduces a day given in full"),
    ((16199, 16210), "10 December", "1991-12-10", "1991-12-10", "day", None, "a day, month and year"),
    ((16402, 16416), "6 January 1992", "1992-01-06", "1992-01-06", "day", None, "a day, month and year"),
    ((16621, 16634), "February 1992", "1992-02-01", "1992-02-29", "month", None, "a month and year"),
    ((16898, 16910), "January 1992", "1992-01-01", "1992-01-31", "month", None, "a month and year"),
    ((17673, 17689), "late nineteenth-", "1800-01-01", "1899-12-31", "century", "late", "a century with a modifier, its noun only after the next phrase"),
    ((17694, 17717), "early twentieth-century", "1900-01-01", "1999-12-31", "century", "early", "a century, written as an adjective"),
    ((18532, 18541), "1992–1997", "1992-01-01", "1997-12-31", "year", None, "a range of years"),
    ((19809, 19813), "2022", "2022-01-01", "2022-12-31", "year", None, "a plain year"),
    ((19843, 19854), "winter 1990", "1990-12-01", "1991-02-28", "season", None, "winter runs into the next year"),
    ((20418, 20429), "August 1993", "1993-08-01", "1993-08-31", "month", None, "a month and year"),
    ((20621, 20630), "1993–1994", "1993-01-01", "1994-12-31", "year", None, "a plain year"),
    ((20739, 20743), "1997", "1997-01-01", "1997-12-31", "year", None, "a plain year"),
    ((20748, 20752), "2010", "2010-01-01", "2010-12-31", "year", None, "a plain year"),
    ((21786, 21809), "the winter of 1991–1992", "1991-12-01", "1992-02-29", "season", None, "the winter of two named years: December to February"),
    ((22198, 22225), "October 1991 and April 1992", "1991-10-01", "1992-04-30", "month", None, "two months joined by 'and' as one interval"),
    ((22677, 22690), "February 1992", "1992-02-01", "1992-02-29", "month", None, "a month and year"),
]  # fmt: skip


def _match(events: list[dict[str, Any]]) -> dict[tuple[int, int], dict[str, Any]]:
    """Each mention's event: by largest overlap of the date spans, one to one, largest overlaps first."""
    candidates = sorted(
        (
            (min(end, event_end) - max(start, event_start), (start, end), index)
            for (start, end), *_ in MENTIONS
            for index, event in enumerate(events)
            for event_start, event_end in [event["date_span"]]
            if min(end, event_end) > max(start, event_start)
        ),
        reverse=True,
    )
    matched: dict[tuple[int, int], dict[str, Any]] = {}
    used: set[int] = set()
    for _, span, index in candidates:
        if span not in matched and index not in used:
            matched[span] = events[index]
            used.add(index)
    return matched


MATCHED = _match(json.loads(EVENTS.read_text(encoding="utf-8")))


def test_mentions_are_unique_and_in_text_order() -> None:
    spans = [span for span, *_ in MENTIONS]
    assert spans == sorted(set(spans))


@pytest.mark.parametrize(
    ("span", "text", "start", "end", "granularity", "modifier", "reason"),
    MENTIONS,
    ids=[f"{span[0]}:{text}" for span, text, *_ in MENTIONS],
)
def test_mention_value(
    span: tuple[int, int], text: str, start: str, end: str, granularity: str, modifier: str | None, reason: str
) -> None:
    event = MATCHED.get(span)
    assert event is not None, f"no event dates {text!r} at {span} ({reason})"
    found = (event["start"], event["end"], event["granularity"], event["modifier"])
    assert found == (start, end, granularity, modifier), reason
