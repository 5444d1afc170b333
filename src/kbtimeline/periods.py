"""Read the dates people type on the command line as whole calendar periods.

``range 1991 1994`` means 1991-01-01 to 1994-12-31: every bound names a period
(a day, a month, a year, a decade) and a START takes its first day, an END its
last. The common forms are read here from a small table of patterns, top to
bottom; python-dateutil only sees free-form leftovers that contain a month
name, and is never allowed to fill a missing year, month or day from today.
"""

from __future__ import annotations

import re
from datetime import datetime

from kbtimeline.errors import SchemaError, UsageError
from kbtimeline.model import MONTHS, Day, month_length, parse_day

BEFORE_COMMON_ERA = {"bc", "bce"}

# Quoted as a shell needs them, since each bound is one argument.
ACCEPTED = '1992, 1990s, "490 BC", "May 1992", 1992-05, "8 May 1992", "May 8, 1992", 1992-05-08'

_YEAR = r"(?:(?:ad|ce)\s*)?(?P<year>\d{1,4})(?:\s*(?P<era>bc|bce|ad|ce))?"
_MONTH = r"(?P<month_name>[a-z]+)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"

# (pattern, what the pattern pins down), tried in order on the lower-cased text.
# Left as strings: re compiles (and caches) only the ones a bound gets to.
PATTERNS = (
    (r"(?P<iso_year>-?\d{4,})(?P<sep>[-/.])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})", "day"),
    (r"(?P<iso_year>-?\d{4,})-(?P<month>\d{1,2})", "month"),
    (_YEAR, "year"),
    (r"(?P<decade>\d{1,3}0)'?s(?:\s*(?P<era>bc|bce|ad|ce))?", "decade"),
    (rf"{_MONTH},?\s+{_YEAR}", "month"),
    (rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}", "day"),
    (rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", "day"),
)
# Day and month both written as numbers, year last: 8/5/1992 is 8 May in most
# of the world and August 5 in the US, so we refuse to guess.
AMBIGUOUS = r"\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{2,4}"


def parse_period(text: str) -> tuple[Day, Day]:
    """The first and last day of the period ``text`` names ("May 1992" -> 1 to 31 May)."""
    normal = " ".join(text.strip().casefold().split())
    if re.fullmatch(AMBIGUOUS, normal):
        raise UsageError(
            f"ambiguous date {text!r}: day and month order differs by country; "
            f'write it as YYYY-MM-DD or with a month name, e.g. 1992-05-08 or "8 May 1992"'
        )
    for pattern, granularity in PATTERNS:
        match = re.fullmatch(pattern, normal)
        if match:
            return _period(match.groupdict(), granularity, text)
    if re.search(r"[a-z]", normal):
        return _free_form(text)
    raise _unrecognised(text)


def parse_bounds(start: str | None, end: str | None) -> tuple[Day | None, Day | None]:
    """First day of START's period and last day of END's; either may be open (None)."""
    first = parse_period(start)[0] if start is not None else None
    last = parse_period(end)[1] if end is not None else None
    if first is not None and last is not None and first > last:
        raise UsageError(f"start {start!r} is after end {end!r}; give the earlier date first")
    return first, last


def parse_reference_day(text: str) -> Day:
    """A single ISO day, as ``extract --reference-date`` wants it: no periods, no guessing."""
    try:
        return parse_day(text)
    except SchemaError:
        raise UsageError(f"reference date {text!r} is not a day; write it as YYYY-MM-DD") from None


def _period(fields: dict[str, str | None], granularity: str, text: str) -> tuple[Day, Day]:
    if granularity == "decade":
        first = _year(str(fields["decade"]), fields["era"])
        last = _year(str(int(str(fields["decade"])) + 9), fields["era"])
        first, last = min(first, last), max(first, last)
        return Day.first_of(first), Day.last_of(last)
    iso_year = fields.get("iso_year")
    year = int(iso_year) if iso_year else _year(str(fields["year"]), fields["era"])
    if granularity == "year":
        return Day.first_of(year), Day.last_of(year)
    month = _month(fields, text)
    if granularity == "month":
        return Day.first_of(year, month), Day.last_of(year, month)
    day = int(str(fields["day"]))
    if not 1 <= day <= month_length(year, month):
        raise UsageError(f"no such day: {text!r}")
    return Day(year, month, day), Day(year, month, day)


def _year(digits: str, era: str | None) -> int:
    """Astronomical year: 1 BC is year 0, 490 BC is -489."""
    year = int(digits)
    if era is None:
        return year
    if year == 0:
        raise UsageError("there is no year 0 BC or AD; 1 BC is followed by AD 1")
    return 1 - year if era in BEFORE_COMMON_ERA else year


def _month(fields: dict[str, str | None], text: str) -> int:
    name = fields.get("month_name")
    month = MONTHS.get(name) if name else int(str(fields["month"]))
    if month is None or not 1 <= month <= 12:
        raise _unrecognised(text)
    return month


def _free_form(text: str) -> tuple[Day, Day]:
    """Leftovers with words in them ("Friday, 8 May 1992"), read by python-dateutil.

    dateutil fills whatever the text leaves out from ``default``; parsing twice
    with two defaults that differ in every field shows which fields the text
    really gave, so a missing day becomes a month period instead of a guess.
    """
    if not re.search(r"\d{3,}", text):
        # dateutil would expand a two-digit year relative to today's date.
        raise _unrecognised(text)
    from dateutil import parser  # lazy: slow, rarely needed

    try:
        low = parser.parse(text, default=datetime(2000, 1, 1))
        high = parser.parse(text, default=datetime(2004, 12, 31))
    except (ValueError, OverflowError):
        raise _unrecognised(text) from None
    if low.year != high.year or (low.day == high.day and low.month != high.month):
        raise _unrecognised(text)
    if low.month != high.month:
        return Day.first_of(low.year), Day.last_of(low.year)
    if low.day != high.day:
        return Day.first_of(low.year, low.month), Day.last_of(low.year, low.month)
    day = Day(low.year, low.month, low.day)
    return day, day


def _unrecognised(text: str) -> UsageError:
    return UsageError(f"cannot read {text!r} as a date; accepted forms: {ACCEPTED}")
