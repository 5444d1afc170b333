"""Dates typed on the command line -> the whole period they name."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbtimeline.errors import UsageError
from kbtimeline.model import Day, month_length
from kbtimeline.periods import parse_bounds, parse_period, parse_reference_day

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December"]  # fmt: skip


def day(year: int, month: int, number: int) -> Day:
    return Day(year, month, number)


# (typed, first day, last day, reason)
PERIODS = [
    ("1992", day(1992, 1, 1), day(1992, 12, 31), "a year is all of it"),
    ("  1992 ", day(1992, 1, 1), day(1992, 12, 31), "surrounding spaces do not matter"),
    ("1990s", day(1990, 1, 1), day(1999, 12, 31), "a decade"),
    ("1990's", day(1990, 1, 1), day(1999, 12, 31), "a decade with an apostrophe"),
    ("490 BC", day(-489, 1, 1), day(-489, 12, 31), "BC years are astronomical: 490 BC is -489"),
    ("490 BCE", day(-489, 1, 1), day(-489, 12, 31), "BCE means BC"),
    ("1 BC", day(0, 1, 1), day(0, 12, 31), "1 BC is year 0"),
    ("480s BC", day(-488, 1, 1), day(-479, 12, 31), "a BC decade runs from 489 to 480 BC"),
    ("AD 1992", day(1992, 1, 1), day(1992, 12, 31), "AD before the year"),
    ("1992 CE", day(1992, 1, 1), day(1992, 12, 31), "CE after the year"),
    ("May 1992", day(1992, 5, 1), day(1992, 5, 31), "a month"),
    ("may 1992", day(1992, 5, 1), day(1992, 5, 31), "case does not matter"),
    ("Sept. 1992", day(1992, 9, 1), day(1992, 9, 30), "an abbreviated month with a dot"),
    ("February 1992", day(1992, 2, 1), day(1992, 2, 29), "a leap February"),
    ("1900-02", day(1900, 2, 1), day(1900, 2, 28), "1900 is not a leap year"),
    ("1992-05", day(1992, 5, 1), day(1992, 5, 31), "ISO year and month"),
    ("8 May 1992", day(1992, 5, 8), day(1992, 5, 8), "day month year"),
    ("8th of May, 1992", day(1992, 5, 8), day(1992, 5, 8), "ordinal, 'of' and a comma"),
    ("May 8, 1992", day(1992, 5, 8), day(1992, 5, 8), "month day, year"),
    ("May 8 1992", day(1992, 5, 8), day(1992, 5, 8), "month day year without comma"),
    ("1992-05-08", day(1992, 5, 8), day(1992, 5, 8), "ISO day"),
    ("1992/05/08", day(1992, 5, 8), day(1992, 5, 8), "year first is unambiguous"),
    ("-0489-09-12", day(-489, 9, 12), day(-489, 9, 12), "astronomical ISO day"),
    ("Friday, 8 May 1992", day(1992, 5, 8), day(1992, 5, 8), "free form, read by dateutil"),
    ("1992 May 8", day(1992, 5, 8), day(1992, 5, 8), "free form, year first"),
    ("1992, May", day(1992, 5, 1), day(1992, 5, 31), "free form without a day stays a month"),
    ("May 0092", day(92, 5, 1), day(92, 5, 31), "a short year written with leading zeros"),
    ("92 AD", day(92, 1, 1), day(92, 12, 31), "a short year with its era"),
    # kbtimeline's own labels
    ("early 1992", day(1992, 1, 1), day(1992, 4, 30), "early: the first third, January to April"),
    ("mid-1992", day(1992, 5, 1), day(1992, 8, 31), "mid: the middle third"),
    ("late 1992", day(1992, 9, 1), day(1992, 12, 31), "late: the last third"),
    ("late 1980s", day(1986, 9, 1), day(1989, 12, 31), "the last 40 months of a decade"),
    ("early 20th century", day(1900, 1, 1), day(1933, 4, 30), "the first 400 months of a century"),
    ("early May 1992", day(1992, 5, 1), day(1992, 5, 10), "a month's thirds are cut by days"),
    ("late May 1992", day(1992, 5, 22), day(1992, 5, 31), "the last 10 of 31 days"),
    ("20th century", day(1900, 1, 1), day(1999, 12, 31), "a century, as the extractor counts it"),
    ("5th century BC", day(-499, 1, 1), day(-400, 12, 31), "500 to 401 BC"),
    ("spring 1992", day(1992, 3, 1), day(1992, 5, 31), "a season: three months"),
    ("autumn 1992", day(1992, 9, 1), day(1992, 11, 30), "autumn"),
    ("winter 1991–1992", day(1991, 12, 1), day(1992, 2, 29), "winter runs from December into the next year"),
    ("winter 1991-92", day(1991, 12, 1), day(1992, 2, 29), "a short second year"),
    ("winter 1992", day(1992, 12, 1), day(1993, 2, 28), "winter alone starts in the year named"),
    ("Q2 1992", day(1992, 4, 1), day(1992, 6, 30), "a quarter"),
    ("H1 1992", day(1992, 1, 1), day(1992, 6, 30), "a half"),
    ("c. 1992", day(1992, 1, 1), day(1992, 12, 31), "approximately: the period itself"),
    ("12 May 1994, 00:01", day(1994, 5, 12), day(1994, 5, 12), "a time of day: its day"),
    ("1991-1994", day(1991, 1, 1), day(1994, 12, 31), "a span of years in one argument"),
    ("1991–1994", day(1991, 1, 1), day(1994, 12, 31), "with an en dash"),
    ("1991 to 1994", day(1991, 1, 1), day(1994, 12, 31), "with 'to'"),
    ("1992–93", day(1992, 1, 1), day(1993, 12, 31), "a short second year takes the first's century"),
    ("25–26 February 1992", day(1992, 2, 25), day(1992, 2, 26), "days share the month and year"),
    ("May–July 1991", day(1991, 5, 1), day(1991, 7, 31), "months share the year"),
    ("February 1988 – May 1994", day(1988, 2, 1), day(1994, 5, 31), "a spaced dash between months"),
    ("Q1 1992 – Q2 1993", day(1992, 1, 1), day(1993, 6, 30), "quarters"),
]
assert len({row[0] for row in PERIODS}) == len(PERIODS), "inputs are unique"

# (typed, part of the message, reason)
REFUSED = [
    ("8/5/1992", "ambiguous", "8 May or August 5 depends on the country"),
    ("08.05.1992", "ambiguous", "dots do not settle the order either"),
    ("5-8-92", "ambiguous", "nor do dashes"),
    ("8/5/1992", "1992-05-08", "the hint shows an unambiguous form"),
    ("foo", "accepted forms", "not a date; the message lists what is"),
    ("", "accepted forms", "nothing at all"),
    ("May", "accepted forms", "no year: never taken from today"),
    ("tomorrow", "accepted forms", "relative to today: never read from the clock"),
    ("Friday, 8 May 92", "accepted forms", "dateutil would expand 92 with today's century"),
    ("31 February 1992", "no such day", "a day the month does not have"),
    ("1992-13", "accepted forms", "there is no month 13"),
    ("0 BC", "no year 0", "1 BC is followed by AD 1"),
    ("92", "0092", "a two-digit year may mean 1992: ask"),
    ("92", "1992", "the hint names the likelier year too"),
    ("May 92", "ambiguous", "a short year after a month"),
    ("90s", "ambiguous", "a short decade"),
    ("before 1992", "accepted forms", "before/after name no period; --from/--to do"),
    ("1994-1991", "earlier first", "a span backwards"),
    ("winter 1991–1993", "not 1993", "a winter spans two years, not three"),
    ("Q5 1992", "accepted forms", "there is no fifth quarter"),
]
assert len({(row[0], row[1]) for row in REFUSED}) == len(REFUSED), "rows are unique"


@pytest.mark.parametrize(("typed", "first", "last", "reason"), PERIODS)
def test_period(typed: str, first: Day, last: Day, reason: str) -> None:
    assert parse_period(typed) == (first, last), reason


@pytest.mark.parametrize(("typed", "message", "reason"), REFUSED)
def test_refused(typed: str, message: str, reason: str) -> None:
    with pytest.raises(UsageError, match=message):
        parse_period(typed)


def test_bounds_take_the_first_day_of_start_and_the_last_of_end() -> None:
    assert parse_bounds("1991", "1994") == (day(1991, 1, 1), day(1994, 12, 31))
    assert parse_bounds("May 1992", "May 1992") == (day(1992, 5, 1), day(1992, 5, 31))


def test_bounds_may_be_open() -> None:
    assert parse_bounds(None, "1992") == (None, day(1992, 12, 31))
    assert parse_bounds("1992", None) == (day(1992, 1, 1), None)
    assert parse_bounds(None, None) == (None, None)


def test_start_after_end_is_refused() -> None:
    with pytest.raises(UsageError, match="'1994' is after end '1991'"):
        parse_bounds("1994", "1991")


def test_start_and_end_inside_the_same_period_are_fine() -> None:
    assert parse_bounds("May 1992", "1992") == (day(1992, 5, 1), day(1992, 12, 31))


def test_reference_day_is_a_single_iso_day() -> None:
    assert parse_reference_day("2024-03-01") == day(2024, 3, 1)
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        parse_reference_day("March 2024")


@st.composite
def days(draw: st.DrawFn, first_year: int = 1) -> Day:
    year = draw(st.integers(first_year, 9999))
    month = draw(st.integers(1, 12))
    return Day(year, month, draw(st.integers(1, month_length(year, month))))


@given(days())
def test_any_iso_day_is_that_day(value: Day) -> None:
    assert parse_period(value.iso()) == (value, value)


@given(days(first_year=1000))
def test_any_written_out_day_is_that_day(value: Day) -> None:
    written = f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
    assert parse_period(written) == (value, value)
    written = f"{MONTH_NAMES[value.month - 1]} {value.day}, {value.year}"
    assert parse_period(written) == (value, value)


@given(st.integers(1, 9999))
def test_any_year_runs_from_new_year_to_new_years_eve(year: int) -> None:
    assert parse_period(f"{year:04d}") == (Day(year, 1, 1), Day(year, 12, 31))
    assert parse_period(f"{year} AD") == (Day(year, 1, 1), Day(year, 12, 31))


@given(st.integers(1, 999))
def test_a_short_year_alone_is_refused_with_a_hint(year: int) -> None:
    with pytest.raises(UsageError, match=f'{year:04d} or "{year} AD"'):
        parse_period(str(year))


@given(st.integers(1000, 2100), st.sampled_from(["early", "mid", "late"]), st.sampled_from(["", "May "]))
def test_thirds_tile_their_period(year: int, modifier: str, month: str) -> None:
    """Early, mid and late cut a period into three that touch, in order, and cover it."""
    whole = parse_period(f"{month}{year}")
    parts = [parse_period(f"{word} {month}{year}") for word in ("early", "mid", "late")]
    assert parts[0][0] == whole[0] and parts[-1][1] == whole[1]
    assert all(parts[n][1].plus_days(1) == parts[n + 1][0] for n in range(2))
    assert parse_period(f"{modifier} {month}{year}") in parts
