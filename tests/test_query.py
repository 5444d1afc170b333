"""Events in, events out: folding, search, range, filters, order."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbtimeline import query
from kbtimeline.errors import UsageError
from kbtimeline.model import Day, Event, KbTimelineError
from kbtimeline.query import Criteria, compile_search, cut_to_limit, find, fold, select, suggest
from timeline_fixtures import ALIASES, BY_WHEN, EVENTS, make_event

# (text, folded, reason)
FOLDS = [
    ("Şuşa", "susa", "cedillas go"),
    ("Cəbray\N{LATIN SMALL LETTER DOTLESS I}l", "cabrayil", "schwa and dotless i transliterated"),
    ("İstanbul", "istanbul", "a dotted capital I is a plain i"),
    ("AĞDAM", "agdam", "breve and case go"),
    ("Straße", "strasse", "casefold spells out ß"),
    ("Łódź", "lodz", "a stroke is not an accent, but reads as one"),
    ("Ærø", "aero", "ligatures open up"),
    ("Khojaly", "khojaly", "plain ASCII only loses case"),
]


@pytest.mark.parametrize(("text", "folded", "reason"), FOLDS)
def test_fold(text: str, folded: str, reason: str) -> None:
    assert fold(text) == folded, reason


def whens(events: list[Event]) -> list[str]:
    return [event.when for event in events]


def search(*query: str, exact: bool = False, **options: bool) -> list[str]:
    found = compile_search(query, aliases=None if exact else ALIASES, **options)
    return whens(select(EVENTS, Criteria(search=found)))


# (query, options, events found, reason)
SEARCHES = [
    (["Shusha"], {}, ["May 1992"], "an alias finds the spelling the text uses (Shushi)"),
    (["Shusha"], {"exact": True}, [], "--exact: no aliases"),
    (["Şuşa"], {}, ["May 1992"], "any spelling in the group finds the others"),
    (["susa"], {}, ["May 1992"], "an alias matches without its accents"),
    (["agdam"], {"exact": True}, ["summer 1993"], "accents in the text do not matter"),
    (["AĞDAM"], {"exact": True}, ["summer 1993"], "nor in the query, nor case"),
    (["Stepan"], {}, ["20 February 1988"], "a term matches the start of a word"),
    (["kert"], {}, [], "but not the middle of one"),
    (["khojaly", "1992"], {}, ["26 February 1992"], "several terms: all must match"),
    (["khojaly", "1994"], {}, [], "one term missing: no match"),
    (["khojaly", "1994"], {"match_any": True}, ["26 February 1992", "May 1994"], "--any"),
    (["Khojaly massacre"], {}, ["26 February 1992"], "words in one term form a phrase"),
    (["massacre Khojaly"], {}, [], "a phrase keeps its order"),
    (["massacre", "Khojaly"], {}, ["26 February 1992"], "separate terms need not"),
    (["citation needed"], {}, ["May 1992"], "bracketed text is searchable"),
    (["Shush[ai]"], {"regex": True}, ["May 1992"], "--regex"),
    (["^a cease"], {"regex": True}, ["May 1994"], "a regex ignores case"),
]


@pytest.mark.parametrize(("query", "options", "expected", "reason"), SEARCHES)
def test_search(query: list[str], options: dict[str, bool], expected: list[str], reason: str) -> None:
    assert search(*query, **options) == expected, reason


# (query, options, part of the message, reason)
BAD_SEARCHES = [
    ([], {}, "empty search query", "nothing to look for"),
    (["  "], {}, "empty search query", "only spaces"),
    (["..."], {}, "no letters or digits", "only punctuation"),
    (["("], {"regex": True}, "bad regular expression", "an unbalanced group"),
]


@pytest.mark.parametrize(("query", "options", "message", "reason"), BAD_SEARCHES)
def test_bad_search(query: list[str], options: dict[str, bool], message: str, reason: str) -> None:
    with pytest.raises(UsageError, match=message):
        compile_search(query, **options)


def test_spans_point_into_the_original_text() -> None:
    found = compile_search(["shusha"], aliases=ALIASES)
    assert found.spans("took Shushi [x]") == [(5, 11)]
    assert compile_search(["agdam"]).spans("Ağdam fell") == [(0, 5)]
    assert compile_search(["strasse"]).spans("Die Straße") == [(4, 10)]
    assert compile_search(["Shush[ai]"], regex=True).spans("Shushi, Shusha") == [(0, 6), (8, 14)]


def test_a_highlight_covers_the_longest_spelling() -> None:
    aliases = {"Nagorno-Karabakh": ["Artsakh", "Karabakh"]}
    found = compile_search(["Artsakh"], aliases=aliases)
    assert found.spans("in Nagorno-Karabakh") == [(3, 19)]


def test_suggest_close_words_for_words_found_nowhere() -> None:
    texts = [event.text for event in EVENTS]
    assert "Stepanakert" in suggest(texts, ["Stepanakret"], ALIASES)
    assert "Shusha" in suggest(texts, ["Shusah"], ALIASES)
    assert suggest(texts, ["Stepanakert"], ALIASES) == []
    assert suggest(texts, ["zzzzzz"], ALIASES) == []


def in_range(start: Day, end: Day, within: bool = False) -> list[str]:
    return whens(select(EVENTS, Criteria(start=start, end=end, within=within)))


def test_range_keeps_events_that_overlap_it() -> None:
    assert in_range(Day(1992, 1, 1), Day(1992, 12, 31)) == ["26 February 1992", "May 1992"]
    assert in_range(Day(1992, 5, 31), Day(1993, 6, 1)) == ["May 1992", "summer 1993"]


def test_within_keeps_events_entirely_inside() -> None:
    assert in_range(Day(1992, 5, 1), Day(1992, 5, 15)) == ["May 1992"]
    assert in_range(Day(1992, 5, 1), Day(1992, 5, 15), within=True) == []
    assert in_range(Day(1992, 5, 1), Day(1992, 5, 31), within=True) == ["May 1992"]


def test_open_ended_ranges() -> None:
    assert whens(select(EVENTS, Criteria(start=Day(1993, 7, 1)))) == ["summer 1993", "May 1994"]
    assert whens(select(EVENTS, Criteria(end=Day(1988, 12, 31)))) == ["20 February 1988"]


def test_granularity_and_source_filters() -> None:
    days = select(EVENTS, Criteria(granularities=("day",)))
    assert whens(days) == ["20 February 1988", "26 February 1992"]
    other = dataclasses.replace(EVENTS[0], id="other", source="other")
    assert whens(select([*EVENTS, other], Criteria(sources=("other",)))) == ["20 February 1988"]


# (criteria, part of the message, reason)
BAD_CRITERIA = [
    (Criteria(granularities=("days",)), "unknown granularity 'days'; accepted: day,", "typo"),
    (Criteria(sources=("peace",)), "unknown source 'peace'; accepted: war", "no such source"),
    (Criteria(sort="when"), "unknown sort 'when'; accepted: date, source, granularity", "typo"),
    (Criteria(limit=-1), "limit must be 0 or more", "a negative limit"),
]


@pytest.mark.parametrize(("criteria", "message", "reason"), BAD_CRITERIA)
def test_bad_criteria(criteria: Criteria, message: str, reason: str) -> None:
    with pytest.raises(UsageError, match=message):
        select(EVENTS, criteria)


def test_chronological_ties_put_finer_dates_first_then_source_order() -> None:
    text = "In May 1992 it began. On 1 May 1992 it rained. Also in May 1992 it ended."
    month_late = make_event("Also in May 1992 it ended.", "May 1992", Day(1992, 5, 1),
                            Day(1992, 5, 31), "month", "May 1992 (late)", text=text)  # fmt: skip
    month = make_event("In May 1992 it began.", "May 1992", Day(1992, 5, 1), Day(1992, 5, 31),
                       "month", "May 1992", text=text)  # fmt: skip
    first = make_event("On 1 May 1992 it rained.", "1 May 1992", Day(1992, 5, 1),
                       Day(1992, 5, 1), "day", "1 May 1992", text=text)  # fmt: skip
    ordered = select([month_late, month, first], Criteria())
    assert whens(ordered) == ["1 May 1992", "May 1992", "May 1992 (late)"]


def test_sort_reverse_and_limit() -> None:
    assert whens(select(EVENTS, Criteria(reverse=True, limit=2))) == ["May 1994", "summer 1993"]
    assert whens(select(EVENTS, Criteria(limit=0))) == []
    by_text = select(EVENTS, Criteria(sort="source"))
    assert [event.date_span for event in by_text] == sorted(e.date_span for e in EVENTS)
    coarse_last = whens(select(EVENTS, Criteria(sort="granularity")))
    assert coarse_last == ["20 February 1988", "26 February 1992", "May 1992", "May 1994",
                           "summer 1993"]  # fmt: skip


def test_find_by_id_or_unique_prefix() -> None:
    event = BY_WHEN["May 1992"]
    assert find(EVENTS, event.id) == event
    assert find(EVENTS, event.id[:4]) == event
    twins = [dataclasses.replace(event, id="abc1"), dataclasses.replace(event, id="abc2")]
    with pytest.raises(UsageError, match="'abc' matches 2 events"):
        find(twins, "abc")
    with pytest.raises(KbTimelineError, match="no event with id 'zzz'"):
        find(EVENTS, "zzz")
    with pytest.raises(KbTimelineError, match="no event with id ''"):
        find(EVENTS, "")


@given(
    start=st.dates(min_value=date(1985, 1, 1), max_value=date(1996, 12, 31)),
    length=st.integers(0, 2000),
    within=st.booleans(),
)
def test_range_selects_exactly_the_events_that_qualify(start: date, length: int, within: bool) -> None:
    first = Day(start.year, start.month, start.day)
    last = first.plus_days(length)
    chosen = select(EVENTS, Criteria(start=first, end=last, within=within))
    for event in EVENTS:
        overlaps = event.start <= last and event.end >= first
        inside = first <= event.start and event.end <= last
        assert (event in chosen) == (inside if within else overlaps)
    assert chosen == sorted(chosen, key=Event.sort_key)


MAY_1992 = BY_WHEN["May 1992"]  # 1992-05-01 to 1992-05-31
# (start, end, within, in range?, reason)
RANGES = [
    (None, None, False, True, "no bounds: everything"),
    (Day(1992, 5, 31), None, False, True, "overlaps on its last day"),
    (Day(1992, 6, 1), None, False, False, "ends before the range starts"),
    (None, Day(1992, 5, 1), False, True, "overlaps on its first day"),
    (None, Day(1992, 4, 30), False, False, "starts after the range ends"),
    (Day(1992, 5, 15), Day(1992, 12, 31), False, True, "half inside overlaps"),
    (Day(1992, 5, 15), Day(1992, 12, 31), True, False, "half inside is not within"),
    (Day(1992, 5, 1), Day(1992, 5, 31), True, True, "exactly the range is within"),
    (Day(1992, 1, 1), None, True, True, "within an open-ended range"),
    (None, Day(1992, 5, 30), True, False, "one day past the end is not within"),
]


@pytest.mark.parametrize(("start", "end", "within", "expected", "reason"), RANGES)
def test_the_overlap_rule(start: Day | None, end: Day | None, within: bool, expected: bool, reason: str) -> None:
    assert query.in_range(MAY_1992, start, end, within=within) is expected, reason


CHRONO = sorted(EVENTS, key=Event.sort_key)  # 1988-02-20 ... May 1994
# (criteria, events shown, window start, window end, cut, reason)
CUTS = [
    (Criteria(limit=None), 5, None, None, False, "no limit: the window stays open"),
    (Criteria(limit=5), 5, None, None, False, "the limit cuts nothing"),
    (
        Criteria(limit=2),
        2,
        None,
        Day(1992, 4, 30),
        True,
        "the later events left out: the window ends the day before the first left out (May 1992) starts",
    ),
    (
        Criteria(limit=2, reverse=True),
        2,
        Day(1992, 5, 2),
        None,
        True,
        "newest first: the window starts the day after the first left out (May 1992) starts",
    ),
    (
        Criteria(limit=2, start=Day(1980, 1, 1), end=Day(2000, 12, 31)),
        2,
        Day(1980, 1, 1),
        Day(1992, 4, 30),
        True,
        "a window asked for is only narrowed",
    ),
    (
        Criteria(limit=2, sort="source"),
        2,
        Day(1988, 2, 20),
        Day(1992, 2, 26),
        True,
        "in another order the left-out events may be anywhere: the window spans the starts shown",
    ),
]


@pytest.mark.parametrize(("criteria", "count", "start", "end", "cut", "reason"), CUTS)
def test_cut_to_limit(
    criteria: Criteria, count: int, start: Day | None, end: Day | None, cut: bool, reason: str
) -> None:
    fetched = CHRONO[::-1] if criteria.reverse else CHRONO
    one_more = fetched if criteria.limit is None else fetched[: criteria.limit + 1]
    shown = cut_to_limit(one_more, criteria)
    assert (len(shown.events), shown.start, shown.end, shown.cut) == (count, start, end, cut), reason
