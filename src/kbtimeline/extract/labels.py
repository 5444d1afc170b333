"""Human labels for an event: its date ("winter 1992–93") and a short title of what happened."""

from __future__ import annotations

import re
from collections.abc import Iterable

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
    """"8 May 1992", "early 1993", "winter 1992–93", "12 May 1994, 00:01"."""
    label = (_MODIFIER_WORDS.get(modifier, "") if modifier else "") + interval_label(start, end, granularity)
    return f"{label}, {time}" if time else label


# ---------------------------------------------------------------- titles

_CLAUSE_BREAK = re.compile(r";|\s[–—]\s|,\s(?:but|while|whereas|although|though|and)\s|:\s")
_ASIDE = re.compile(r"\[[^\]]*\]|\([^()]*\)")
_LEAD_IN = re.compile(
    r"^(?:(?:and|but|so|then|however|meanwhile|moreover|also|thus|therefore|finally|eventually|"
    r"subsequently|later|afterwards|in response|as a result|according to [^,]+|in addition|"
    r"on|in|at|by|from|during|since|until|after|before|of|around|between|to)\b[\s,]*)+",
    re.IGNORECASE,
)
_PREPOSITION_AT_END = re.compile(
    r"[\s,;:–—-]*\b(?:on|in|at|by|from|during|since|until|of|around|between|to|after|before)\s+$",
    re.IGNORECASE,
)
TITLE_WORDS, TITLE_MIN_WORDS = 14, 6


def make_title(sentence: str, date_start: int, date_end: int, others: Iterable[tuple[int, int]] = ()) -> str:
    """What happened, in a dozen words: the clause holding the date, with the date taken out.

    The date goes only where a preposition or a comma sets it apart ("On 8 May,",
    "in early 1993"); a date that is part of the wording ("As winter approached",
    "The same year saw") stays, or the title would not read. ``date_start`` and
    ``date_end`` are offsets of the date phrase within ``sentence``; ``others``,
    those of the sentence's other date phrases, which may not open the title
    ("On 5 May, with Russia acting as mediator, … at 12:01 AM on 12 May").
    """
    clause_start, clause_end = 0, len(sentence)
    for found in _CLAUSE_BREAK.finditer(sentence):
        if found.end() <= date_start:
            clause_start = found.end()
        elif found.start() >= date_end:
            clause_end = found.start()
            break
    before = sentence[clause_start:date_start]
    after = sentence[date_end:clause_end]
    stripped = _PREPOSITION_AT_END.sub("", before)
    set_apart = stripped != before or (not before.strip() and after.lstrip().startswith(","))
    if set_apart:
        after = re.sub(r"^[\s,]+", "", after)
        clause = f"{stripped} {after}" if stripped and after else stripped or after
    else:
        clause = sentence[clause_start:clause_end]
    clause = _ASIDE.sub("", clause)
    clause = _LEAD_IN.sub("", clause.strip(" ,;:–—-\"'“”"))
    clause = _without_leading_date(clause, [sentence[start:end] for start, end in others])
    clause = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s+", " ", clause)).strip(" ,;:.–—-\"'“”")
    if len(clause.split()) < 3:
        clause = re.sub(r"\s+", " ", _ASIDE.sub("", sentence)).strip(" .")
    return _shortened(clause[:1].upper() + clause[1:])


def _without_leading_date(clause: str, dates: list[str]) -> str:
    """The clause without another date that opens it set apart by a comma: the setting, not the news."""
    for date in dates:
        if clause.startswith(date) and clause[len(date) :].startswith(","):
            rest = _LEAD_IN.sub("", clause[len(date) :].lstrip(" ,"))
            return rest if len(rest.split()) >= 3 else clause
    return clause


def _shortened(title: str) -> str:
    """At most a dozen words, cut after a comma when one comes late enough."""
    words = title.split()
    if len(words) <= TITLE_WORDS:
        return title
    kept = words[:TITLE_WORDS]
    for index in range(len(kept) - 1, TITLE_MIN_WORDS - 2, -1):
        if kept[index].endswith(","):
            return " ".join(kept[: index + 1]).rstrip(",") + "…"
    return " ".join(kept).rstrip(",;:") + "…"
