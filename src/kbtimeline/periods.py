"""Read the dates people type on the command line as whole calendar periods.

``range 1991 1994`` means 1991-01-01 to 1994-12-31: every bound names a period
(a day, a month, a year, a decade) and a START takes its first day, an END its
last. The common forms are read here from a small table of patterns, top to
bottom; python-dateutil only sees free-form leftovers that contain a month
name, and is never allowed to fill a missing year, month or day from today.

The labels kbtimeline itself prints are read first (``LABELS``): "early 1992"
(its first third, as ``model.third`` cuts it), "winter 1991–1992", "spring
1992", "20th century", "Q1 1992", "H1 1992", "c. 1992", and two periods
joined by a dash or "to" ("1991-1994", "1992–93", "25–26 February 1992",
"May–July 1991"), which span from the first's first day to the second's last.
A year of fewer than four digits is refused unless an era says which it is
(``92`` could be 1992: write 1992, 0092 or "92 AD").
"""

from __future__ import annotations

import re
from datetime import datetime

from kbtimeline.errors import SchemaError, UsageError
from kbtimeline.model import MONTHS, SEASONS, THIRDS, Day, month_length, parse_day, third

BEFORE_COMMON_ERA = {"bc", "bce"}

# Quoted as a shell needs them, since each bound is one argument.
ACCEPTED = (
    '1992, 1990s, "490 BC", "May 1992", 1992-05, "8 May 1992", "May 8, 1992", 1992-05-08, '
    '"early 1992", "spring 1992", "winter 1991–1992", "20th century", 1991-1994'
)

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

# The labels kbtimeline prints, tried after PATTERNS: (pattern, reader name).
_ONE = r"(?P<rest>(?:(?! ?[–—] ?| - | to ).)+?)"  # one period: no joiner (JOINER) inside
LABELS = (
    (rf"{_ONE},? \d{{1,2}}:\d{{2}}", "time"),  # "12 May 1994, 00:01": the day
    (rf"(?:c\.|ca\.|circa|about) ?{_ONE}", "approx"),
    (rf"(?P<modifier>early|mid|late)(?: |-){_ONE}", "third"),
    (r"(?P<season>spring|summer|autumn|fall|winter)(?: of)? (?P<first>\d{4})"
     r"(?:(?: ?[–—-] ?| to )(?P<last>\d{2}|\d{4}))?", "season"),
    (r"(?P<number>\d{1,2})(?:st|nd|rd|th) century(?: (?P<era>bc|bce|ad|ce))?", "century"),
    (rf"(?P<part>[qh])(?P<index>[1-4]) {_ONE}", "part"),
)  # fmt: skip
# Between the two periods of a span: a dash (spaced or not) or "to".
JOINER = r" ?[–—] ?| - |(?<=\w)-(?=\w)| to "


def parse_period(text: str) -> tuple[Day, Day]:
    """The first and last day of the period ``text`` names ("May 1992" -> 1 to 31 May)."""
    normal = " ".join(text.strip().casefold().split())
    if re.fullmatch(AMBIGUOUS, normal):
        raise UsageError(
            f"ambiguous date {text!r}: day and month order differs by country; "
            f'write it as YYYY-MM-DD or with a month name, e.g. 1992-05-08 or "8 May 1992"'
        )
    # Every label has a word or a time in it: a bound of digits alone (1992, 1991-1994) skips
    # compiling them, which is most of what reading it costs.
    labelled = re.search(r"[a-z:]", normal)
    for pattern, reader in LABELS if labelled else ():  # first: "spring 1992" would pass for a month and a year
        match = re.fullmatch(pattern, normal)
        if match:
            return _label(match.groupdict(), reader, text)
    for pattern, granularity in PATTERNS:
        match = re.fullmatch(pattern, normal)
        if match:
            return _period(match.groupdict(), granularity, text)
    span = _span(normal)
    if span is not None:
        return span
    if re.search(r"[a-z]", normal):
        return _free_form(text)
    raise _unrecognised(text)


def _label(fields: dict[str, str | None], reader: str, text: str) -> tuple[Day, Day]:
    """One of kbtimeline's own labels (``LABELS``) as the period it names."""
    if reader in ("time", "approx"):
        return parse_period(str(fields["rest"]))
    if reader == "third":
        first, last = parse_period(str(fields["rest"]))
        return third(first, last, THIRDS[str(fields["modifier"])])
    if reader == "season":
        first_month, length = SEASONS[str(fields["season"])]
        year = int(str(fields["first"]))
        last_year = year + (first_month + length - 1 > 12)
        if fields["last"] is not None:
            given = _full_year(str(fields["last"]), year)
            if given != last_year and not (first_month + length - 1 <= 12 and given == year):
                raise UsageError(f"{text!r}: a {fields['season']} runs from {year} into {last_year}, not {given}")
        last_month = (first_month + length - 2) % 12 + 1
        return Day.first_of(year, first_month), Day.last_of(last_year, last_month)
    if reader == "century":
        number = int(str(fields["number"]))
        if number == 0:
            raise _unrecognised(text)
        if fields["era"] in BEFORE_COMMON_ERA:  # the 5th century BC is 500 to 401 BC
            return Day.first_of(1 - number * 100), Day.last_of(1 - (number - 1) * 100 - 1)
        return Day.first_of((number - 1) * 100), Day.last_of(number * 100 - 1)
    first, last = parse_period(str(fields["rest"]))
    if (first.month, first.day, last.month, last.day) != (1, 1, 12, 31) or first.year != last.year:
        raise _unrecognised(text)
    size = 3 if fields["part"] == "q" else 6
    month = (int(str(fields["index"])) - 1) * size + 1
    if month > 12:
        raise _unrecognised(text)
    return Day.first_of(first.year, month), Day.last_of(first.year, month + size - 1)


def _span(normal: str) -> tuple[Day, Day] | None:
    """Two periods joined by a dash or "to", from the first's first day to the second's last.

    The first may lean on the second for what it leaves out ("25–26
    February 1992", "May–July 1991"), and a two-digit second year takes the
    first's century ("1992–93"). None when no split reads.
    """
    for joiner in re.finditer(JOINER, normal):
        left, right = normal[: joiner.start()], normal[joiner.end() :]
        if not left or not right:
            continue
        if re.fullmatch(r"\d{2}", right) and re.fullmatch(r"\d{4}", left):
            right = left[:2] + right
        try:
            last = parse_period(right)[1]
        except UsageError:
            continue
        words = right.split()
        for borrowed in range(len(words)):  # "25" + " February 1992", "May" + " 1991"
            try:
                first = parse_period(" ".join([left, *words[len(words) - borrowed :]]))[0]
            except UsageError:
                continue
            if first > last:
                raise UsageError(f"{normal!r}: the first period is after the second; give the earlier first")
            return first, last
    return None


def _full_year(digits: str, near: int) -> int:
    """A year written in full, or its last two digits in the century of ``near`` (1992–93)."""
    return int(digits) if len(digits) > 2 else near - near % 100 + int(digits)


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
    """Astronomical year: 1 BC is year 0, 490 BC is -489; a short year needs an era (or leading zeros)."""
    year = int(digits)
    if era is None:
        if len(digits) < 4:
            raise UsageError(
                f"year {digits!r} is ambiguous: write it in full (19{digits[-2:].zfill(2)}), "
                f'or as {year:04d} or "{year} AD" for the year {year}'
            )
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
