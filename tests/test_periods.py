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
    ("May 92", day(92, 5, 1), day(92, 5, 31), "a short year is year 92, never today's century"),
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
    ("spring 1992", "accepted forms", "a season is not a month"),
    ("0 BC", "no year 0", "1 BC is followed by AD 1"),
    ("1991-1994", "accepted forms", "a range belongs in START and END"),
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
def days(draw: st.DrawFn) -> Day:
    year = draw(st.integers(1, 9999))
    month = draw(st.integers(1, 12))
    return Day(year, month, draw(st.integers(1, month_length(year, month))))


@given(days())
def test_any_iso_day_is_that_day(value: Day) -> None:
    assert parse_period(value.iso()) == (value, value)


@given(days())
def test_any_written_out_day_is_that_day(value: Day) -> None:
    written = f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"
    assert parse_period(written) == (value, value)
    written = f"{MONTH_NAMES[value.month - 1]} {value.day}, {value.year}"
    assert parse_period(written) == (value, value)


@given(st.integers(1, 9999))
def test_any_year_runs_from_new_year_to_new_years_eve(year: int) -> None:
    assert parse_period(str(year)) == (Day(year, 1, 1), Day(year, 12, 31))
