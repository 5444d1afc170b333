"""The event record and the calendar arithmetic it rests on.

Python's ``datetime.date`` stops at year 1, but history does not: a battle in
490 BC is year -489 in astronomical numbering. So calendar days here are plain
``Day`` tuples (year, month, day) that compare chronologically, print as ISO
(``-0489-09-12``) and convert to a day number for arithmetic.

The JSON field names of ``Event`` are a public contract: other tools read
``events.json``, so they are written and validated in exactly one place.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

# Re-exported: the error types lived here once, and callers that import them from here keep working.
from kbtimeline.errors import KbTimelineError as KbTimelineError
from kbtimeline.errors import SchemaError as SchemaError

GRANULARITIES = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century")
MODIFIERS = ("early", "mid", "late", "before", "after", "approx")
SECTIONS = ("narrative", "notes", "apparatus")  # "apparatus" only when asked for (extract_events)
# "event": a happening of the story at that date; "context": dated but not one
# (a statistic's year, a work's release, a comparison, a plan, an attribution).
KINDS = ("event", "context")

# Coarser granularities sort after finer ones that start on the same day.
GRANULARITY_RANK = {name: rank for rank, name in enumerate(GRANULARITIES)}

# The calendar words, in one place: the extractor reads them in text, the
# command line in dates typed by hand, and the views and labels print them.
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# Lower-case month word (no trailing dot) -> month number.
MONTHS = {name.lower(): number for number, name in enumerate(MONTH_NAMES, 1)} | MONTH_ABBREVIATIONS
# (first month, number of months); winter starts in December and runs into the next year.
SEASONS = {
    "spring": (3, 3), "summer": (6, 3), "autumn": (9, 3), "fall": (9, 3), "winter": (12, 3),
}  # fmt: skip


def year_label(year: int) -> str:
    """An astronomical year as people write it: 1988, AD 79, 490 BC (year -489).

    A year before 1000 says its era: a bare "79" reads as a count, not a year.
    """
    if year <= 0:
        return f"{1 - year} BC"
    return str(year) if year >= 1000 else f"AD {year}"


def is_leap(year: int) -> bool:
    """Proleptic Gregorian leap year, valid for astronomical years (0 is leap)."""
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def month_length(year: int, month: int) -> int:
    if month == 2:
        return 29 if is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


class Day(NamedTuple):
    """A proleptic Gregorian calendar day with an astronomical year."""

    year: int
    month: int
    day: int

    def iso(self) -> str:
        sign = "-" if self.year < 0 else ""
        return f"{sign}{abs(self.year):04d}-{self.month:02d}-{self.day:02d}"

    def number(self) -> int:
        """Days since 1970-01-01 (negative before), for day arithmetic."""
        year, month = self.year - (self.month <= 2), self.month
        era = year // 400
        year_of_era = year - era * 400
        day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + self.day - 1
        day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
        return era * 146097 + day_of_era - 719468

    @classmethod
    def from_number(cls, number: int) -> Day:
        number += 719468
        era = number // 146097
        day_of_era = number - era * 146097
        year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36524 - day_of_era // 146096) // 365
        day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
        shifted_month = (5 * day_of_year + 2) // 153
        day = day_of_year - (153 * shifted_month + 2) // 5 + 1
        month = shifted_month + (3 if shifted_month < 10 else -9)
        return cls(year_of_era + era * 400 + (month <= 2), month, day)

    def plus_days(self, days: int) -> Day:
        return Day.from_number(self.number() + days)

    def weekday(self) -> int:
        """0 for Monday to 6 for Sunday (1970-01-01 was a Thursday)."""
        return (self.number() + 3) % 7

    @classmethod
    def first_of(cls, year: int, month: int = 1) -> Day:
        return cls(year, month, 1)

    @classmethod
    def last_of(cls, year: int, month: int = 12) -> Day:
        return cls(year, month, month_length(year, month))


_ISO_DAY = re.compile(r"(-?)(\d{4,})-(\d{2})-(\d{2})")


def parse_day(value: object) -> Day:
    """Read an ISO day as written in events.json (``1992-05-08``, ``-0489-01-01``)."""
    match = _ISO_DAY.fullmatch(value) if isinstance(value, str) else None
    if not match:
        raise SchemaError(f"not an ISO day (YYYY-MM-DD): {value!r}")
    sign, year, month, day = match.groups()
    parsed = Day(-int(year) if sign else int(year), int(month), int(day))
    if not 1 <= parsed.month <= 12 or not 1 <= parsed.day <= month_length(parsed.year, parsed.month):
        raise SchemaError(f"no such calendar day: {value!r}")
    return parsed


# early/mid/late: which third of its interval a modifier points at (query.focus).
THIRDS = {"early": 0, "mid": 1, "late": 2}


def third(start: Day, end: Day, part: int) -> tuple[Day, Day]:
    """The first (0), middle (1) or last (2) third of ``start``..``end``.

    Cut at month boundaries when the interval is at least three whole months
    (a year: January-April, May-August, September-December; a century: 400
    months each), else at day boundaries; an interval under three days has
    no thirds and is kept whole.
    """
    first_month, last_month = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    months = last_month - first_month + 1
    if start.day == 1 and end.day == month_length(end.year, end.month) and months >= 3:
        low, high = first_month + (months * part + 1) // 3, first_month + (months * (part + 1) + 1) // 3 - 1
        return Day(low // 12, low % 12 + 1, 1), Day.last_of(high // 12, high % 12 + 1)
    first, days = start.number(), end.number() - start.number() + 1
    if days < 3:
        return start, end
    return Day.from_number(first + (days * part + 1) // 3), Day.from_number(first + (days * (part + 1) + 1) // 3 - 1)


class Part(NamedTuple):
    """One end of a range such as "25–26 February": where it is and what it means."""

    date_span: tuple[int, int]
    start: Day
    end: Day

    def to_dict(self) -> dict[str, Any]:
        return {"date_span": list(self.date_span), "start": self.start.iso(), "end": self.end.iso()}


@dataclass(frozen=True, slots=True)
class Event:
    """One dated statement: a calendar interval tied to the sentence it dates."""

    id: str
    source: str
    start: Day
    end: Day
    granularity: str
    modifier: str | None
    time: str | None
    when: str
    date_text: str
    date_span: tuple[int, int]
    text: str
    span: tuple[int, int]
    title: str
    section: str = "narrative"
    anchored: bool = False
    parts: tuple[Part, ...] = ()
    kind: str = "event"
    happening: str = ""  # the id of the record that stands for its happening; "" means its own id

    def __post_init__(self) -> None:
        if not self.happening:
            object.__setattr__(self, "happening", self.id)

    def sort_key(self) -> tuple[Any, ...]:
        """Chronological; at the same start finer granularity first, then source order."""
        return (self.start, GRANULARITY_RANK[self.granularity], self.end, self.source, self.date_span)

    def to_dict(self) -> dict[str, Any]:
        record: dict[str, Any] = {
            "id": self.id,
            "source": self.source,
            "start": self.start.iso(),
            "end": self.end.iso(),
            "granularity": self.granularity,
            "modifier": self.modifier,
            "time": self.time,
            "when": self.when,
            "date_text": self.date_text,
            "date_span": list(self.date_span),
            "text": self.text,
            "span": list(self.span),
            "title": self.title,
            "section": self.section,
            "anchored": self.anchored,
            "kind": self.kind,
            "happening": self.happening,
        }
        if self.parts:
            record["parts"] = [part.to_dict() for part in self.parts]
        return record

    @classmethod
    def from_dict(cls, record: object, *, trusted: bool = False) -> Event:
        """Validate one JSON record; a SchemaError names the offending field.

        ``trusted``: a record kbtimeline wrote from events it had validated (the
        bundled timeline, which its tests check too; an index's records) is read
        without the checks, which cost as much as reading it.
        """
        if trusted:
            return cls._from_record(record, _iso_day)
        if not isinstance(record, dict):
            raise SchemaError(f"an event must be a JSON object, not {type(record).__name__}")
        try:
            for name, allowed, default in _WORDS:
                value = record.get(name, default) if default != "" else record[name]
                if value not in allowed:
                    raise SchemaError(f"unknown {name} {value!r}")
            for name in _STRINGS:
                _string(record, name)
            if "happening" in record:
                _string(record, "happening")
            for part in (record, *(record.get("parts") or ())):
                _offsets(part, "date_span")
            _offsets(record, "span")
            event = cls._from_record(record, parse_day)
        except KeyError as missing:
            raise SchemaError(f"missing field {missing.args[0]!r}") from None
        except TypeError as wrong:
            raise SchemaError(f"malformed event: {wrong}") from None
        if event.end < event.start:
            raise SchemaError(f"end {record['end']} is before start {record['start']}")
        return event

    @classmethod
    def _from_record(cls, record: Any, day: Callable[[str], Day]) -> Event:
        """The event of a record whose fields are known to be right; ``day`` reads its ISO days."""
        return cls(
            id=record["id"],
            source=record["source"],
            start=day(record["start"]),
            end=day(record["end"]),
            granularity=record["granularity"],
            modifier=record.get("modifier"),
            time=record.get("time"),
            when=record["when"],
            date_text=record["date_text"],
            date_span=_pair(record["date_span"]),
            text=record["text"],
            span=_pair(record["span"]),
            title=record["title"],
            section=record.get("section", "narrative"),
            anchored=bool(record.get("anchored", False)),
            parts=tuple(
                Part(_pair(part["date_span"]), day(part["start"]), day(part["end"]))
                for part in record.get("parts") or ()
            ),
            kind=record.get("kind", "event"),
            happening=record.get("happening", ""),  # "": its own id (__post_init__)
        )


# The fields from_dict checks: words from a vocabulary (name, allowed values, default when absent;
# "" for none: the field is required), and strings.
_WORDS = (
    ("granularity", GRANULARITIES, ""),
    ("modifier", (*MODIFIERS, None), None),
    ("kind", KINDS, "event"),
    ("section", SECTIONS, "narrative"),
)
_STRINGS = ("id", "source", "when", "date_text", "text", "title")


def _iso_day(text: str) -> Day:
    """An ISO day known to be valid: "1992-05-08", "-0489-09-12"."""
    year, month, day = text.rsplit("-", 2)
    return Day(int(year), int(month), int(day))


def _pair(offsets: list[int]) -> tuple[int, int]:
    return offsets[0], offsets[1]


def _string(record: dict[str, Any], name: str) -> str:
    value = record[name]
    if not isinstance(value, str):
        raise SchemaError(f"field {name!r} must be a string")
    return value


def _offsets(record: dict[str, Any], name: str) -> tuple[int, int]:
    value = record[name]
    if (
        not isinstance(value, list)
        or len(value) != 2
        or not all(isinstance(offset, int) for offset in value)
        or value[0] > value[1]
    ):
        raise SchemaError(f"field {name!r} must be [start, end] character offsets")
    return value[0], value[1]


def event_id(source: str, date_span: tuple[int, int]) -> str:
    """A short id that stays the same when the same input is extracted again."""
    import hashlib  # only extraction makes ids; the query path should not pay for the import

    digest = hashlib.blake2b(f"{source}\0{date_span[0]}\0{date_span[1]}".encode(), digest_size=5)
    return digest.hexdigest()
