"""The human label of an event's date: "8 May 1992", "early 1993", "winter 1992–93"."""

from __future__ import annotations

from kbtimeline.model import MONTH_NAMES, Day, year_label

_MODIFIER_WORDS = {"early": "early ", "mid": "mid-", "late": "late ", "before": "before ",
                   "after": "after ", "approx": "c. "}  # fmt: skip
_SEASON_NAMES = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}


def interval_label(start: Day, end: Day, granularity: str) -> str:
    """The shortest usual English for an interval of the given granularity."""
    if granularity == "day":
        if start == end:
            return f"{start.day} {MONTH_NAMES[start.month - 1]} {year_label(start.year)}"
        return _span_label(start, end, with_day=True)
    if granularity == "week":
        return f"week of {start.day} {MONTH_NAMES[start.month - 1]} {year_label(start.year)}"
    if granularity == "month":
        if (start.year, start.month) == (end.year, end.month):
            return f"{MONTH_NAMES[start.month - 1]} {year_label(start.year)}"
        return _span_label(start, end, with_day=False)
    if granularity == "season" and (end.year * 12 + end.month) - (start.year * 12 + start.month) > 2:
        last = _SEASON_NAMES.get((end.month - 2 - 1) % 12 + 1, "season")  # "summer–autumn 1919"
        return f"{_SEASON_NAMES.get(start.month, 'season')}–{last} {year_label(end.year)}"
    if granularity == "season":
        name = _SEASON_NAMES.get(start.month, "season")
        if name == "winter":
            return f"winter {year_label(start.year)}–{year_label(end.year)}"
        return f"{name} {year_label(start.year)}"
    if granularity in ("quarter", "half"):
        size = 3 if granularity == "quarter" else 6
        prefix = "Q" if granularity == "quarter" else "H"
        first = f"{prefix}{(start.month - 1) // size + 1} {year_label(start.year)}"
        if (start.year, start.month + size - 1) == (end.year, end.month):
            return first
        return f"{first} – {prefix}{(end.month - 1) // size + 1} {year_label(end.year)}"
    if granularity == "decade":
        if start.year <= 0:  # "the 470s BC": 479 to 470 BC
            return f"{1 - end.year}s BC"
        return f"{start.year}s" if end.year - start.year == 9 else f"{start.year}s–{end.year - 9}s"
    if granularity == "century":
        number = start.year // 100 + 1 if start.year >= 0 else (-start.year - 1) // 100 + 1
        era = " BC" if start.year < 0 else ""
        return f"{_ordinal(number)} century{era}"
    if start.year == end.year:
        return year_label(start.year)
    return f"{year_label(start.year)}–{year_label(end.year)}"


def _span_label(start: Day, end: Day, *, with_day: bool) -> str:
    def part(day: Day) -> str:
        text = MONTH_NAMES[day.month - 1]
        return f"{day.day} {text}" if with_day else text

    if start.year != end.year:
        return f"{part(start)} {year_label(start.year)} – {part(end)} {year_label(end.year)}"
    if with_day and start.month == end.month:
        return f"{start.day}–{end.day} {MONTH_NAMES[end.month - 1]} {year_label(end.year)}"
    return f"{part(start)}–{part(end)} {year_label(end.year)}"


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def when_label(start: Day, end: Day, granularity: str, modifier: str | None, time: str | None) -> str:
    """ "8 May 1992", "early 1993", "winter 1992–93", "12 May 1994, 00:01"."""
    label = (_MODIFIER_WORDS.get(modifier, "") if modifier else "") + interval_label(start, end, granularity)
    return f"{label}, {time}" if time else label
