"""Turn phrases into calendar intervals, reading them in context as a careful reader would.

The resolver walks the phrases in text order and keeps one piece of state, the
*anchor*: the interval of the last phrase it resolved. "On 8 May" takes its
year from the anchor, "the next day" counts from it, "December" after "the
1992–1993 winter" is the December inside that winter. Phrases that speak of
the time of writing ("last year") need a reference date passed in; without
one they are left out, never resolved against today's clock.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import assert_never

from kbtimeline.extract.anchors import LOOK_BACK, happening_date, said_with
from kbtimeline.extract.lexicon import SEASONS
from kbtimeline.extract.phrases import Phrase, Tense, Unit
from kbtimeline.model import GRANULARITY_RANK, Day, month_length

_BACKWARD_STEP_COST = 2
# A year mentioned in passing this far before the story is background, not the story going back.
_BACKGROUND_YEARS = 10


@dataclass(frozen=True)
class Interval:
    start: Day
    end: Day
    granularity: str


@dataclass(frozen=True)
class Resolved:
    """A phrase with its calendar value; ``parts`` are the two ends of a range."""

    phrase: Phrase
    interval: Interval
    anchored: bool
    parts: tuple[Interval, Interval] | None = None


@dataclass(frozen=True)
class Narrative:
    """Where the story stands: the last date it moved to, and the last one precise to a month.

    A year mentioned in passing ("a campaign planned for 1976", "the 1990s")
    does not say which March "on 11 March" is; the last precise date does.
    """

    latest: Interval | None = None
    precise: Interval | None = None
    in_passing: bool = False
    # The document date when the text is news written at that date: then "this week",
    # weekdays and months without a year are read from it rather than from the story.
    now: Day | None = None
    # The quarter a report is about ("third-quarter profit rose"): what "a year earlier" compares with.
    period: Interval | None = None

    def moved_to(self, interval: Interval, in_passing: bool = False) -> Narrative:
        precise = interval if GRANULARITY_RANK[interval.granularity] <= GRANULARITY_RANK["month"] else self.precise
        # "1987 saw a renewed wave … and so 1987 saw little change": said again, the year still stands; so
        # does one inside the span the story stands in ("Throughout 1915-17 … on the fighting in 1917").
        inside = self.latest is not None and self.latest.start <= interval.start and interval.end <= self.latest.end
        in_passing = in_passing and not (inside and not self.in_passing)
        return Narrative(interval, precise, in_passing, self.now, self.period)

    def anchor(self) -> Interval | None:
        """The anchor against which to read a month or a day named without its year."""
        if self.precise is None or self.latest is None:
            return self.latest
        if GRANULARITY_RANK[self.latest.granularity] > GRANULARITY_RANK["year"]:
            return self.precise
        # "On December 7, 1941 … 1941 …": a year that holds the last precise date restates it.
        if self.latest.start <= self.precise.start and self.precise.end <= self.latest.end:
            return self.precise
        # A year in passing ahead of the story ("a campaign planned for 1976") does not move it,
        # nor does one far behind it ("had not met since 1614", told in 1788); one just behind
        # it ("the theaters converged in 1781", after 1782) is the story going back.
        behind = self.precise.start.year - self.latest.end.year
        if self.in_passing and (self.latest.start >= self.precise.start or behind > _BACKGROUND_YEARS):
            return self.precise
        return self.latest


def resolve_all(phrases: Iterable[Phrase], reference_date: Day | None = None, text: str = "") -> Iterator[Resolved]:
    """Resolve phrases in text order; phrases with no calendar value are skipped.

    With a reference date, a text that speaks mostly of the years around it is
    news written at that date: its story starts there, and what it leaves to the
    reader's present ("Friday", "in October", "this week") is read from it. Any
    other text (a history with its download date) is read from its own story,
    and the reference date only serves what is plainly relative to the time of
    writing ("three years ago"). ``text``, the text the phrases were found in, lets
    "four days after the vote" count from where it dated the vote.
    """
    phrases = list(phrases)
    narrative = Narrative()
    if reference_date is not None and _reads_as_news(phrases, reference_date):
        narrative = Narrative(now=reference_date).moved_to(Interval(reference_date, reference_date, "day"))
    dated: list[tuple[int, int, Interval]] = []
    for position, phrase in enumerate(phrases):
        if phrase.kind == "happening":
            resolved = _from_happening(phrase, text, dated)
        elif (bracketed := _bracketed_date(phrase, phrases[position + 1 : position + 2], text)) is not None:
            resolved = Resolved(phrase, bracketed, anchored=True)
        elif (named := _season_dated_after(phrase, phrases[position + 1 : position + 2], text)) is not None:
            resolved = Resolved(phrase, named, anchored=True)
        else:
            resolved = resolve(phrase, narrative, reference_date)
        if resolved is None:
            continue
        dated.append((phrase.start, phrase.end, resolved.interval))
        if len(dated) > 2 * LOOK_BACK:  # only the last dates can date a happening
            del dated[:LOOK_BACK]
        yield resolved
        if (
            (_moves_narrative(phrase) or _news_day(phrase, narrative))
            and not _leaps_ahead(resolved, narrative)
            and not _aside_ahead(resolved, narrative, phrases[position + 1 : position + 1 + _ASIDE_LOOKAHEAD])
        ):
            narrative = narrative.moved_to(resolved.interval, phrase.passing)
        # A quarter not yet ended in news ("will result in a fourth-quarter charge") is not the one reported.
        if _names_the_period(phrase) and (narrative.now is None or resolved.interval.end < narrative.now):
            narrative = replace(narrative, period=resolved.interval)


def needs_reference_date(phrase: Phrase) -> bool:
    """Whether only the time of writing gives the phrase a value ("last year", "two days ago").

    "today" is left out of the count: outside news it mostly means "nowadays"."""
    return phrase.kind == "deictic" and not (phrase.unit == "day" and phrase.offset == 0)


# A text that writes out this many years, most of them far from its date, is a history.
_HISTORY_YEARS, _HISTORY_NEAR_SHARE = 8, 0.4
# News names the days of the week it reports; histories hardly ever do.
_NEWS_WEEKDAYS = 3


def _reads_as_news(phrases: list[Phrase], reference_date: Day) -> bool:
    """Whether the text is written at its date about that time (news, a report), not a history.

    News names few years, and those mostly background, and names weekdays; a
    history names many years, few of them near its download date (a Wikipedia
    article on a war), and hardly any weekday."""
    years = [phrase.year for phrase in phrases if phrase.kind == "date" and phrase.year is not None]
    near = sum(abs(year - reference_date.year) <= 1 for year in years)
    weekdays = sum(phrase.kind == "weekday" for phrase in phrases)
    return len(years) < _HISTORY_YEARS or near >= _HISTORY_NEAR_SHARE * len(years) or weekdays >= _NEWS_WEEKDAYS


def _moves_narrative(phrase: Phrase) -> bool:
    """Whether the narrative now stands at this phrase's date.

    "the previous year" and "three years earlier" glance back, "the day after the
    battle" looks back at a happening told before, and "last year" speaks from the
    time of writing: after them the story goes on where it was.
    """
    if phrase.kind in ("deictic", "happening") or phrase.attributive or phrase.looks_back:
        return False
    return not (phrase.kind == "anaphoric" and phrase.offset is not None and phrase.offset < 0)


def _news_day(phrase: Phrase, narrative: Narrative) -> bool:
    """ "today", "yesterday" in news: the day the report goes on from ("later in the day"). In a history
    "today" means nowadays and moves nothing."""
    return narrative.now is not None and phrase.kind == "deictic" and phrase.unit == "day"


_BRACKET_OPENS = re.compile(r"\s*\(")


def _bracketed_date(phrase: Phrase, following: list[Phrase], text: str) -> Interval | None:
    """ "two years later (218 BC)": the date in brackets says what the relative phrase means."""
    if phrase.kind != "anaphoric" or not following or following[0].kind != "date" or following[0].year is None:
        return None
    if not _BRACKET_OPENS.fullmatch(text, phrase.end, following[0].start):
        return None
    return _date(following[0], Narrative())


# "launched their main summer offensive against southern Russia in June 1942": the date the
# sentence gives the happening a season names says which summer.
_SAME_CLAUSE = re.compile(r"[^.;:!?()]{1,80}")


def _season_dated_after(phrase: Phrase, following: list[Phrase], text: str) -> Interval | None:
    """The season naming a happening ("the summer offensive"), in the year of a date the clause gives it next."""
    if phrase.kind != "season_anaphoric" or not phrase.attributive or phrase.season is None or not following:
        return None
    date = following[0]
    if date.kind != "date" or date.year is None or not _SAME_CLAUSE.fullmatch(text, phrase.end, date.start):
        return None
    winter_ends = phrase.season == "winter" and date.month is not None and date.month <= 2
    return _season_of(phrase.season, date.year - winter_ends)


def _from_happening(phrase: Phrase, text: str, dated: list[tuple[int, int, Interval]]) -> Resolved | None:
    """ "four days after the vote": from the date of the vote, if the text dated it (``anchors``)."""
    beside = said_with(text, phrase.start, dated)
    if beside is not None:
        return Resolved(phrase, beside, anchored=True)
    happened = happening_date(text, phrase.start, phrase.end, dated)
    if happened is None or phrase.unit is None or phrase.offset is None:
        return None
    interval = _shift(happened, phrase.unit, phrase.offset)
    return None if interval is None else Resolved(phrase, interval, anchored=True)


def _leaps_ahead(resolved: Resolved, narrative: Narrative) -> bool:
    """ "… a siege that lasted until February 1945", told in October 1944, ends a state in a later
    year: a glance ahead, after which the story goes on from October 1944. Within the story's year
    ("persisted until the Convention met on 20 September") the story does move there."""
    story = narrative.latest
    return resolved.phrase.ahead and story is not None and resolved.interval.start.year > story.end.year


# A date this many years ahead of the story, after which the text names the story's years again within
# the next few dates, was an aside ("On April 9 Baghdad fell … In November 2008, protesters staged a
# similar stomping … On April 15 the invasion ended", a 2003 story).
_ASIDE_YEARS, _ASIDE_LOOKAHEAD = 3, 8


def _aside_ahead(resolved: Resolved, narrative: Narrative, following: list[Phrase]) -> bool:
    """Whether a written year far ahead of the story is an aside: the story's own years come back next."""
    story = narrative.latest
    if resolved.phrase.year is None or story is None or narrative.now is not None:
        return False
    if resolved.interval.start.year - story.end.year < _ASIDE_YEARS:
        return False
    next_year = next((phrase.year for phrase in following if phrase.kind == "date" and phrase.year is not None), None)
    return next_year is not None and next_year <= story.end.year + 1


def resolve(phrase: Phrase, narrative: Narrative, reference_date: Day | None = None) -> Resolved | None:
    """The calendar value of one phrase where the story stands, or None when it has none."""
    kind = phrase.kind
    if kind == "range":
        return _range(phrase, narrative)
    if _compares_with_period(phrase, narrative):
        assert narrative.period is not None
        return Resolved(phrase, _shift_years(narrative.period, -1), True)
    if kind == "deictic":
        interval = None if reference_date is None else _deictic(phrase, narrative, reference_date)
    elif kind == "present":
        if narrative.now is not None:
            interval = _relative(phrase, _day(narrative.now), from_now=True)
        else:
            interval = _anaphoric(phrase, narrative)
    elif kind == "weekday":
        interval = _weekday(phrase, narrative)
    elif kind == "date":
        interval = _date(phrase, narrative)
    elif kind == "season":
        interval = _season(phrase)
    elif kind == "season_anaphoric":
        interval = _season_from_anchor(phrase, narrative.anchor())
    elif kind == "decade":
        interval = _decade(phrase)
    elif kind == "century":
        interval = _century(phrase)
    elif kind == "part" or kind == "part_anaphoric":
        interval = _part(phrase, narrative)
    elif kind == "anaphoric":
        interval = _anaphoric(phrase, narrative)
    elif kind == "happening":
        return None  # counted from a happening the text dated: resolve_all reads the text (_from_happening)
    else:
        assert_never(kind)
    if interval is None:
        return None
    anchored = kind not in ("season", "decade", "century", "part") and not (kind == "date" and phrase.year is not None)
    return Resolved(phrase, interval, anchored)


def _names_the_period(phrase: Phrase) -> bool:
    """ "third-quarter profit", "in the third quarter": the quarter a report is on is named
    without its year; "the 1988 second quarter" is one it compares with."""
    return phrase.kind == "part_anaphoric" and phrase.unit == "quarter" and not phrase.offset  # or "this year's"


def _compares_with_period(phrase: Phrase, narrative: Narrative) -> bool:
    """ "Profit rose to $5 million from $4 million a year earlier", in a report on a quarter:
    the same quarter a year before, not the whole year."""
    a_year_back = (phrase.unit, phrase.offset) in (("year", -1), ("quarter", -5))  # "the year-ago quarter"
    return narrative.now is not None and narrative.period is not None and phrase.counted and a_year_back


def _shift_years(interval: Interval, years: int) -> Interval:
    start, end = interval.start, interval.end
    return replace(
        interval,
        start=Day(start.year + years, start.month, min(start.day, month_length(start.year + years, start.month))),
        end=Day(end.year + years, end.month, min(end.day, month_length(end.year + years, end.month))),
    )


def _deictic(phrase: Phrase, narrative: Narrative, reference_date: Day) -> Interval | None:
    """From the time of writing; in a history, "two years ago" (in a quotation) counts from the story.

    "today" in a history is the reference date: it means nowadays."""
    story = narrative.latest
    if narrative.now is None and story is not None and not (phrase.unit == "day" and phrase.offset == 0):
        return _relative(phrase, story)
    return _relative(phrase, _day(reference_date), from_now=True)


def _end(phrase: Phrase, narrative: Narrative) -> Interval | None:
    """One end of a range: a date, or a season ("summer-fall 1919")."""
    return _season(phrase) if phrase.kind == "season" else _date(phrase, narrative)


def _day(day: Day) -> Interval:
    return Interval(day, day, "day")


def _range(phrase: Phrase, narrative: Narrative) -> Resolved | None:
    """Both ends; the left one where the story stands, the right one after the left one.

    A range whose right end comes before the end of its left one ("1416 to May")
    is not a range: its parts would not lie within it."""
    assert phrase.parts is not None, "a range phrase has its two ends"
    left_phrase, right_phrase = (part._replace(tense=phrase.tense) for part in phrase.parts)
    left = _end(_year_of_month_range(left_phrase, right_phrase, narrative), narrative)
    right = _end(right_phrase, Narrative().moved_to(left) if left else narrative)
    if left is None or right is None or right.end < left.end or right.start < left.start:
        return None
    coarser = max(left.granularity, right.granularity, key=GRANULARITY_RANK.__getitem__)
    anchored = left_phrase.year is None or right_phrase.year is None
    return Resolved(phrase, Interval(left.start, right.end, coarser), anchored, (left, right))


def _year_of_month_range(left: Phrase, right: Phrase, narrative: Narrative) -> Phrase:
    """ "from October to March" told in March 1945 is October 1944 to March 1945: the whole range
    is placed where the story stands, not its first month alone."""
    if left.kind != "date" or left.year is not None or right.year is not None or narrative.now is not None:
        return left
    anchor = narrative.anchor()
    if anchor is None or left.month is None or right.month is None or left.looks_back:
        return left
    return left._replace(year=_year_for_month(left.month, anchor, (right.month - left.month) % 12))


# ---------------------------------------------------------------- explicit and partial dates


def _date(phrase: Phrase, narrative: Narrative) -> Interval | None:
    year, month, day = phrase.year, phrase.month, phrase.day
    if year is None and month is None and phrase.number is not None:  # "'89": the nearest such year
        anchor = narrative.anchor()
        around = narrative.now.year if narrative.now is not None else anchor.start.year if anchor else None
        if around is None:
            return None
        year = min(
            range(around - 100, around + 100), key=lambda near: (near % 100 != phrase.number, abs(near - around))
        )
    if year is None and month is not None and narrative.now is not None:
        year = _year_from_now(month, day, narrative.now, phrase.tense)
    if year is None:
        anchor = narrative.anchor()
        if anchor is None or month is None:
            return None
        if phrase.looks_back:
            year = _year_looking_back(month, anchor)
        elif phrase.tense == "future":  # "the queen would follow him on 16 October", told in January
            year = (
                anchor.start.year
                if (month, day or 1) >= (anchor.start.month, anchor.start.day)
                else anchor.start.year + 1
            )
        else:
            year = _year_for_month(month, anchor)
    if month is None:
        return Interval(Day.first_of(year), Day.last_of(year), "year")
    if day is None and phrase.weekday is not None and phrase.number is not None:  # "Thanksgiving"
        first = Day(year, month, phrase.number)
        day = phrase.number + (phrase.weekday - first.weekday()) % 7
    if day is None:
        return Interval(Day.first_of(year, month), Day.last_of(year, month), "month")
    if day > month_length(year, month):
        return None
    if phrase.unit == "week":  # "the week of March 6"
        monday = Day(year, month, day).plus_days(-Day(year, month, day).weekday())
        return Interval(monday, monday.plus_days(6), "week")
    return Interval(Day(year, month, day), Day(year, month, day), "day")


def _year_from_now(month: int, day: int | None, now: Day, tense: Tense) -> int:
    """The year of a month (and day) named without one in news written on ``now``.

    Past tense: the last such date up to now ("in October", written in March 2013,
    is October 2012); future: the next one from now; otherwise the nearest one.
    A date within two months of ``now`` stays in its year whatever the tense:
    news tells of deadlines just ahead and events just past in either tense ("the
    offer had been set to expire Nov. 6", written on 2 November).
    """
    first = Day(now.year, month, day or 1).number()
    last = Day(now.year, month, day or month_length(now.year, month)).number()
    if tense == "past" and first > now.number() + _NEAR_DAYS:
        return now.year - 1
    if tense == "future" and last < now.number() - _NEAR_DAYS:
        return now.year + 1
    if tense is None:  # the nearest such date
        return min((now.year - 1, now.year, now.year + 1), key=lambda year: _distance(year, month, day, now))
    return now.year


def _distance(year: int, month: int, day: int | None, now: Day) -> int:
    first = Day(year, month, day or 1).number()
    last = Day(year, month, day or month_length(year, month)).number()
    return max(first - now.number(), now.number() - last, 0)


_NEAR_DAYS = 62


def _year_looking_back(month: int, anchor: Interval) -> int:
    """The year of the last such month up to the end of the anchor (a flashback)."""
    return anchor.end.year if month <= anchor.end.month else anchor.end.year - 1


def _year_for_month(month: int, anchor: Interval, reach: int = 0) -> int:
    """Which year a month named without one belongs to, given where the narrative stands.

    The month inside the anchor if there is one ("December" after "the 1992–1993
    winter" is December 1992). Otherwise the nearest one, counting a step back
    as twice a step forward, because narratives mostly move on: "January" after
    "27 December 1991" is January 1992, but "by December" after "February 1993"
    is December 1992 and "October" after "the winter of 1993–94" is October 1993. ``reach``: the
    months a range runs past its first one; a range that holds the anchor costs nothing.
    """
    first = anchor.start.year * 12 + anchor.start.month - 1
    last = anchor.end.year * 12 + anchor.end.month - 1

    def cost(year: int) -> int:
        index = year * 12 + month - 1
        if index > last:
            return index - last
        if index + reach < first:
            return _BACKWARD_STEP_COST * (first - index - reach) + 1
        return 0

    return min(range(anchor.start.year - 1, anchor.end.year + 2), key=cost)


def _season(phrase: Phrase) -> Interval | None:
    if phrase.season is None or phrase.year is None:
        return None
    return _season_of(phrase.season, phrase.year)


def _season_of(season: str, year: int) -> Interval:
    first_month, length = SEASONS[season]
    last_month = (first_month + length - 2) % 12 + 1
    last_year = year + (last_month < first_month)
    return Interval(Day.first_of(year, first_month), Day.last_of(last_year, last_month), "season")


def _season_from_anchor(phrase: Phrase, anchor: Interval | None) -> Interval | None:
    """ "the winter" after "10 January 1994" is the winter of 1993–94."""
    if anchor is None or phrase.season is None or GRANULARITY_RANK[anchor.granularity] > GRANULARITY_RANK["year"]:
        return None
    if anchor.granularity == "season":  # "they passed the winter. Early in spring …": seasons move on
        return _season_near(phrase.season, anchor.start, 0 if phrase.season == _season_name(anchor) else 1)
    year = anchor.start.year
    if phrase.season == "winter" and anchor.granularity != "year" and anchor.start.month <= 2:
        year -= 1
    return _season_of(phrase.season, year)


def _season_name(interval: Interval) -> str:
    """The season a season interval is ("fall" and "autumn" alike)."""
    return next(name for name, (first, _) in SEASONS.items() if first == interval.start.month)


def _decade(phrase: Phrase) -> Interval | None:
    if phrase.number is None:
        return None
    return Interval(Day.first_of(phrase.number), Day.last_of(phrase.number + 9), "decade")


def _century(phrase: Phrase) -> Interval | None:
    number = phrase.number
    if number is None:
        return None
    if number > 0:
        first = (number - 1) * 100
        return Interval(Day.first_of(first), Day.last_of(first + 99), "century")
    first = 1 + number * 100  # the 5th century BC: 500 BC (-499) to 401 BC (-400)
    return Interval(Day.first_of(first), Day.last_of(first + 99), "century")


def _part(phrase: Phrase, narrative: Narrative) -> Interval | None:
    """ "the third quarter of 1992"; without its year, of the year the text is at, or next ("next year's
    first quarter"); without its number ("the 1988 period"), the quarter the report is on."""
    year = phrase.year
    number = phrase.number
    if number is None and narrative.period is not None and phrase.unit == "quarter":
        number = (narrative.period.start.month - 1) // 3 + 1
    if number is None and year is not None:  # "the 1988 period", no quarter reported: the year
        return Interval(Day.first_of(year), Day.last_of(year), "year")
    if number is None or phrase.unit not in ("quarter", "half"):
        return None
    months = 3 if phrase.unit == "quarter" else 6
    first_month = (number - 1) * months + 1
    if year is None and narrative.now is not None:
        year = narrative.now.year
        # A quarter not yet begun is last year's, unless the sentence looks ahead.
        if phrase.offset is None and phrase.tense != "future" and Day(year, first_month, 1) > narrative.now:
            year -= 1
    if year is None:
        if narrative.latest is None:
            return None
        year = narrative.latest.start.year
    year += phrase.offset or 0
    last_month = first_month + months - 1
    return Interval(Day.first_of(year, first_month), Day.last_of(year, last_month), phrase.unit)


# ---------------------------------------------------------------- relative to the anchor


def _anaphoric(phrase: Phrase, narrative: Narrative) -> Interval | None:
    anchor = narrative.anchor() if phrase.unit in ("day", "month") else narrative.latest
    if anchor is not None and GRANULARITY_RANK[anchor.granularity] > GRANULARITY_RANK["year"]:
        anchor = narrative.anchor()  # "Hitler's 1930s aggressions … twenty years earlier" counts from the story
    if anchor is None:
        return None
    return _relative(phrase, anchor)


def _weekday(phrase: Phrase, narrative: Narrative) -> Interval | None:
    """ "Friday": the Friday nearest the anchor on the side the tense says (news: the document date).

    "last Friday" is the one before, "next Friday" the one after, "this Friday"
    the one of the anchor's week (on or after it); a bare one in the future tense
    the next one from the anchor, else the last one up to it.
    """
    anchor = narrative.now
    if anchor is None:
        story = narrative.anchor()
        if story is None or story.granularity != "day":
            return None
        anchor = story.end
    assert phrase.weekday is not None, "a weekday phrase names its day"
    if phrase.offset in (-1, 1):
        day = _weekday_step(anchor, phrase.weekday, phrase.offset)
        return Interval(day, day.plus_days(1) if phrase.unit == "weekend" else day, "day")
    back = (anchor.weekday() - phrase.weekday) % 7
    forward = (phrase.weekday - anchor.weekday()) % 7
    if phrase.offset == 0 or phrase.tense == "future":
        delta = forward
    elif phrase.tense is None and narrative.now is not None and forward < back:
        delta = forward  # no verb says which way: the nearest one ("meet separately Monday", written Friday)
    else:  # news mostly reports what has happened
        delta = -back
    day = anchor.plus_days(delta)
    return Interval(day, day.plus_days(1) if phrase.unit == "weekend" else day, "day")


def _weekday_step(day: Day, weekday: int, offset: int) -> Day:
    """The ``weekday`` (0 Monday) just before ``day`` (offset -1) or just after it (+1), never ``day`` itself."""
    if offset < 0:
        return day.plus_days(-((day.weekday() - weekday) % 7 or 7))
    return day.plus_days((weekday - day.weekday()) % 7 or 7)


def _relative(phrase: Phrase, anchor: Interval, *, from_now: bool = False) -> Interval | None:
    """``offset`` units away from the anchor (the story's date, or the time of writing).

    ``from_now``: the anchor is the time of writing, from which "last May" is the
    May before it and "last summer" the summer before it; from a story's date the
    same words count whole years ("the following winter")."""
    offset = phrase.offset or 0
    if phrase.unit == "year" and (phrase.month is not None or phrase.season is not None):
        year = (anchor.start.year if offset <= 0 else anchor.end.year) + offset
        if phrase.month is not None:
            return _date(phrase._replace(kind="date", year=year), Narrative())
        assert phrase.season is not None
        return _season_of(phrase.season, year)
    if phrase.weekday is not None:  # "the previous Friday": the one before the story's day
        if anchor.granularity != "day":
            return None
        return _day(_weekday_step(anchor.end if offset > 0 else anchor.start, phrase.weekday, offset))
    if phrase.unit == "month" and phrase.month is not None:  # "last May", "this May", "next May", "the following May"
        now = anchor.start if offset <= 0 else anchor.end
        year = now.year
        if offset < 0 and phrase.month >= now.month:
            year -= 1
        elif offset > 0 and phrase.month <= now.month:
            year += 1
        return _date(phrase._replace(kind="date", year=year), Narrative())
    if phrase.unit == "season":
        if from_now and phrase.season is not None:
            return _season_near(phrase.season, anchor.start, offset)
        if offset and phrase.season is not None and GRANULARITY_RANK[anchor.granularity] < GRANULARITY_RANK["year"]:
            # "the next spring" after the winter of 1777–78 is the spring of 1778
            return _season_near(phrase.season, anchor.end if offset > 0 else anchor.start, offset)
        return _season_from_anchor(phrase, _shift_year(anchor, offset))
    if phrase.unit is None:
        return None
    shifted = _shift(anchor, phrase.unit, offset)
    if shifted is not None and phrase.unit == "month" and phrase.day is not None:  # "the 28th of that month"
        year, month = shifted.start.year, shifted.start.month
        if phrase.day > month_length(year, month):
            return None
        return _day(Day(year, month, phrase.day))
    return shifted


def _season_near(season: str, now: Day, offset: int) -> Interval:
    """The season before now (-1), the one now is in or this year's (0), the next one (+1)."""
    candidates = [_season_of(season, year) for year in range(now.year - 2, now.year + 2)]
    if offset < 0:
        return [season for season in candidates if season.end < now][-1]
    if offset > 0:
        return next(season for season in candidates if season.start > now)
    holding = [season for season in candidates if season.start <= now <= season.end]
    if holding:
        return holding[0]
    return next(season for season in candidates if season.start.year == now.year)


def _shift_year(anchor: Interval, offset: int) -> Interval:
    if offset == 0:
        return anchor
    year = (anchor.end if offset > 0 else anchor.start).year + offset
    return Interval(Day.first_of(year), Day.last_of(year), "year")


def _shift(anchor: Interval, unit: Unit, offset: int) -> Interval | None:
    """Move from the anchor by ``offset`` units; forward from its end, backward from its start."""
    base = anchor.end if offset > 0 else anchor.start
    if unit == "day":
        if anchor.granularity != "day":
            return None
        # "the same day", "at 5:30PM" after "May 6 and 7th": the last day the story reached
        day = (anchor.end if offset >= 0 else anchor.start).plus_days(offset)
        return Interval(day, day, "day")
    if unit == "month":
        if GRANULARITY_RANK[anchor.granularity] > GRANULARITY_RANK["month"]:
            return None
        index = base.year * 12 + base.month - 1 + offset
        year, month = divmod(index, 12)
        return Interval(Day.first_of(year, month + 1), Day.last_of(year, month + 1), "month")
    if unit in ("week", "weekend"):
        if anchor.granularity not in ("day", "week"):
            return None
        monday = base.plus_days(7 * offset - base.weekday())
        if unit == "weekend":
            return Interval(monday.plus_days(5), monday.plus_days(6), "day")
        return Interval(monday, monday.plus_days(6), "week")
    if unit == "quarter":
        if GRANULARITY_RANK[anchor.granularity] > GRANULARITY_RANK["quarter"]:
            return None
        year, quarter = divmod(base.year * 4 + (base.month - 1) // 3 + offset, 4)
        return Interval(Day.first_of(year, quarter * 3 + 1), Day.last_of(year, quarter * 3 + 3), "quarter")
    if unit == "year":
        if GRANULARITY_RANK[anchor.granularity] > GRANULARITY_RANK["year"] and offset == 0:
            return None
        year = base.year + offset
        return Interval(Day.first_of(year), Day.last_of(year), "year")
    if unit in ("decade", "century"):
        size = 10 if unit == "decade" else 100
        if base.year <= 0:  # BC: "the 460s BC" is 469 to 460 BC, the 5th century BC 500 to 401 BC
            before_christ = 1 - base.year
            number = before_christ // size if unit == "decade" else (before_christ + size - 1) // size
            later = number - offset  # later in time is fewer years before Christ
            last_bc = later * size if unit == "decade" else (later - 1) * size + 1
            return Interval(Day.first_of(1 - (last_bc + size - 1)), Day.last_of(1 - last_bc), unit)
        first = (base.year // size + offset) * size
        return Interval(Day.first_of(first), Day.last_of(first + size - 1), unit)
    return None
