"""Find date phrases in text and read what their words say, before any context.

A ``Phrase`` records only what is written: "8 May" has a day and a month and no
year. Filling the year in is the resolver's job (``resolve.py``), which knows
the narrative around it. Nothing here guesses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Literal, NamedTuple

from kbtimeline.extract import grammar
from kbtimeline.extract.lexicon import (
    BOUNDARY_MODIFIERS,
    COUNTED_NOUNS,
    DAY_ORDINALS,
    DECADE_WORDS,
    DIRECTION_WORDS,
    HOLIDAYS,
    IDENTIFIER_WORDS,
    MONTHS,
    MOVABLE_HOLIDAYS,
    NARROWING_WORDS,
    NUMBER_WORDS,
    ORDINALS,
    PART_ORDINALS,
    PRESENT_DIRECTIONS,
    SEASONS,
    SPOKEN_CENTURIES,
    SPOKEN_UNITS,
    SPOKEN_YEAR_PARTS,
    THINGS_NAMED_BY_YEAR,
    WEEKDAYS,
)
from kbtimeline.extract.tense import glances_ahead, in_perfect_relative, looks_back, tense_of

# What a phrase is, and so how the resolver reads it:
#   date              year, month and day as far as written ("8 May", "1992"); ``number`` alone: the last
#                     two digits of a year ("'89")
#   season            a season of a written year ("the winter of 1991–1992")
#   season_anaphoric  a season whose year comes from the story ("the winter")
#   decade, century   ``number`` is the first year of the decade / the century (negative BC)
#   part, part_anaphoric  ``number``-th ``unit`` (quarter or half) of ``year`` / of the story's year
#   range             ``parts`` are its two ends, each a date
#   anaphoric         ``offset`` ``unit``s from where the story stands ("the next day")
#   deictic           ``offset`` ``unit``s from the time of writing ("last year", "two weeks ago");
#                     with a ``month``: "last May" (offset -1, unit month), "June last year" (unit year)
#   present           the time of writing in news, the story's time in a narrative ("this year",
#                     "earlier this month", "the end of the year")
#   weekday           a day named by ``weekday`` (0 Monday); ``offset`` -1 last, +1 next, 0 this,
#                     None bare: then the tense says which side of the anchor it lies on
#   happening         ``offset`` ``unit``s from a happening the text names ("four days after the vote")
Kind = Literal[
    "date", "season", "season_anaphoric", "decade", "century", "part", "part_anaphoric", "range",
    "anaphoric", "deictic", "present", "weekday", "happening",
]  # fmt: skip
# What an anaphoric or deictic phrase moves by; "season" moves by the phrase's ``season``.
Unit = Literal["day", "week", "weekend", "month", "season", "quarter", "half", "year", "decade", "century"]
# Whether the sentence speaks of the past or the future of its time of writing (None: cannot tell).
Tense = Literal["past", "future"] | None


class Phrase(NamedTuple):
    """A date phrase as written (see ``Kind`` for what each field means for each kind).

    For anaphoric and deictic phrases ``unit`` is what moves and ``offset`` how
    far (+1 next, -1 previous, 0 same).
    """

    start: int
    end: int
    kind: Kind
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: str | None = None
    number: int | None = None
    unit: Unit | None = None
    offset: int | None = None
    modifier: str | None = None
    time: str | None = None
    parts: tuple[Phrase, Phrase] | None = None
    passing: bool = False  # a bare year mentioned in passing ("planned for 1976")
    weekday: int | None = None
    tense: Tense = None
    looks_back: bool = False  # told in a flashback: lies before the story's present, does not move it
    attributive: bool = False  # a year naming a thing ("the 1978 treaty"), not setting the story's time
    ahead: bool = False  # the end of a state told from its start ("lasted until May"): does not move the story
    counted: bool = False  # "a year ago", "a year earlier": a point of comparison moved back, not a named period


class NotADate(Exception):
    """Raised inside the reader when a match turns out not to be a date."""


def find_phrases(text: str) -> Iterator[Phrase]:
    """Every date phrase in ``text``, left to right, never overlapping."""
    pending: Phrase | None = None
    for phrase in _scan(text):
        if pending is not None:
            yield _sharing_year(text, pending, phrase)
        pending = phrase
    if pending is not None:
        yield pending


_COORDINATION = re.compile(r"\s*(?:,\s*)?(?:and|or|to|,)\s+$")


def _sharing_year(text: str, phrase: Phrase, following: Phrase) -> Phrase:
    """ "April and June 1955", "the spring and early summer of 1943": one year for both."""
    lacks_year = phrase.year is None and (
        (phrase.kind == "date" and phrase.month is not None) or phrase.kind == "season_anaphoric"
    )
    if not lacks_year or following.year is None or following.kind not in ("date", "season"):
        return phrase
    if not _COORDINATION.fullmatch(text, phrase.end, following.start):
        return phrase
    kind = "season" if phrase.kind == "season_anaphoric" else phrase.kind
    return phrase._replace(kind=kind, year=following.year)


def _scan(text: str) -> Iterator[Phrase]:
    position = 0
    for trigger in grammar.TRIGGER.finditer(text):
        if trigger.start() < position:
            continue
        match = SCANNER.match(text, trigger.start())
        if match is None:
            continue
        phrase = _read_from(text, match.start(), first_rule=match.lastgroup)
        if phrase is not None:
            if _needs_tense(phrase):
                start, end = phrase.start, phrase.end
                phrase = phrase._replace(tense=tense_of(text, start, end), looks_back=looks_back(text, start, end))
            elif phrase.passing:  # "forces that had invaded Burma in late 1943": a year told looking back
                phrase = phrase._replace(looks_back=in_perfect_relative(text, phrase.start, phrase.end))
            if phrase.kind in ("date", "range") and glances_ahead(text, phrase.start, phrase.end):
                phrase = phrase._replace(ahead=True)
            yield _with_boundary_modifier(text, phrase)
            position = phrase.end


def _needs_tense(phrase: Phrase) -> bool:
    """A date without its year, or a weekday: which one it is depends on the tense around it."""
    if phrase.kind == "weekday":
        return phrase.offset is None
    if phrase.kind == "range" and phrase.parts is not None:
        return any(_needs_tense(part) for part in phrase.parts)
    if phrase.kind == "part_anaphoric":  # "third-quarter profit rose", written in March: last year's
        return phrase.offset is None
    return phrase.kind == "date" and phrase.year is None and phrase.month is not None


def _read_from(text: str, start: int, first_rule: str | None) -> Phrase | None:
    """Try the rules in order from the one the scanner chose; the first reading wins."""
    for rule in RULES[_RULE_INDEX[first_rule] if first_rule else 0 :]:
        match = rule.pattern.match(text, start)
        if match is None or match.end() == start:
            continue
        try:
            return rule.read(text, match)
        except NotADate:
            continue
    return None


# ---------------------------------------------------------------- reading values

_DIGITS = re.compile(r"\d+")


def _digits(token: str) -> int:
    """The first number written in digits in a token the grammar matched ("25th" -> 25)."""
    found = _DIGITS.search(token)
    assert found is not None, token  # the grammar only lets tokens with digits through
    return int(found[0])


def _year(token: str | None) -> int | None:
    """ "1992" -> 1992; "490 BC" -> -489 (astronomical); "AD 9" -> 9."""
    if token is None:
        return None
    digits = _digits(token)
    if "B" in token:
        if digits == 0:
            raise NotADate
        return 1 - digits
    return digits


def _day(token: str | None) -> int | None:
    return None if token is None else _digits(token)


def _month(token: str | None) -> int | None:
    return None if token is None else MONTHS[token.lower().rstrip(".")]


_NARROWING = re.compile(
    r"(?<![a-z])(" + "|".join(re.escape(word) for word in sorted(NARROWING_WORDS, key=len, reverse=True))
    + r")(?![a-z])"
)  # fmt: skip


def _narrower(token: str | None) -> str | None:
    """ "early", "mid-", "the end of", "the dawn of" -> early | mid | late (| approx for "the turn of")."""
    if not token:
        return None
    found = _NARROWING.search(re.sub(r"\s+", " ", token.lower()))
    return NARROWING_WORDS[found[1]] if found else None


def _time(token: str | None) -> str | None:
    """ "12:01 AM" -> "00:01"; "2:45 pm" -> "14:45"; "5 a.m." -> "05:00"; "1915 hours" -> "19:15"."""
    if token is None:
        return None
    clock = re.match(r"(\d{1,2}?)(\d\d)\s?h|(\d{1,2})(?::(\d\d))?", token)  # "1915 hours" or "19:15"
    assert clock is not None, token  # the grammar's times start with the hour
    hours, minutes = (int(clock[1]), int(clock[2])) if clock[1] else (int(clock[3]), int(clock[4] or 0))
    meridiem = re.search(r"([AaPp])\.?[Mm]", token)
    if meridiem:
        hours = hours % 12 + (12 if meridiem[1].lower() == "p" else 0)
    return f"{hours:02d}:{minutes:02d}"


def _simple(match: re.Match[str], prefix: str, start: int, end: int) -> Phrase:
    """Read the groups of ``grammar._simple`` into a date phrase."""

    def get(name: str) -> str | None:
        return match.group(prefix + name)

    iso, holiday = get("iso"), get("holiday")
    if iso:
        iso_year, iso_month, iso_day = (int(part) for part in iso.split("-"))
        return _checked(Phrase(start, end, "date", year=iso_year, month=iso_month, day=iso_day))
    if holiday:
        holiday_start = match.start(prefix + "holiday")
        if _IN_A_NAME.search(match.string, max(0, holiday_start - 24), holiday_start):
            raise NotADate  # "White Christmas", a song: a quoted name
        name, holiday_year = re.sub(r"\s+", " ", holiday), _year(get("holiday_y"))
        if name in MOVABLE_HOLIDAYS:  # its day depends on its year: the first such weekday from ``number``
            holiday_month, weekday, first_day = MOVABLE_HOLIDAYS[name]
            return Phrase(start, end, "date", year=holiday_year, month=holiday_month, weekday=weekday, number=first_day)
        holiday_month, holiday_day = HOLIDAYS[name]
        return Phrase(start, end, "date", year=holiday_year, month=holiday_month, day=holiday_day)
    year = _year(get("dmy_y") or get("mdy_y") or get("my_y") or get("y"))
    month = _month(get("dmy_m") or get("mdy_m") or get("my_m") or get("m"))
    day = _day(get("dmy_d") or get("mdy_d"))
    return _checked(Phrase(start, end, "date", year=year, month=month, day=day))


_IN_A_NAME = re.compile(r"[\"“‘][A-Z][a-z]+\s$")


def _checked(phrase: Phrase) -> Phrase:
    """Refuse impossible days ("31 April"); 29 February waits for its year."""
    if phrase.day is not None and phrase.month is not None:
        longest = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[phrase.month - 1]
        if phrase.day > longest:
            raise NotADate
    return phrase


# ---------------------------------------------------------------- one reader per rule


def _read_plain(text: str, match: re.Match[str]) -> Phrase:
    phrase = _simple(match, "", match.start(), match.end())
    modifier = _narrower(match.group("narrow"))
    if match.group("m") and not modifier and not _month_alone_is_date(text, match):
        raise NotADate
    if match.group("y") and not modifier and not _year_alone_is_date(text, match.start("y"), match.end("y")):
        raise NotADate
    if match.group("y") and not modifier:  # "the post-1959 politics": after 1959
        modifier = {"post-": "after", "pre-": "before"}.get(_previous_word(text, match.start()))
    passing = phrase.month is None and not _sets_the_scene(text, match.start())
    names = _ATTRIBUTIVE if phrase.month is None else _NAMED_HAPPENING  # "the August 1792 uprising"
    attributive = phrase.year is not None and (
        (names.match(text, match.end()) is not None and _previous_word(text, match.start()) in _DETERMINERS)
        or (
            _NAME_THEN_YEAR.search(text, max(0, match.start() - 40), match.start()) is not None
            and _IN_RUNNING_TEXT.match(text, match.end()) is not None
        )
    )
    if match.group("week_of"):  # "the week of March 6": the week that holds the day
        if phrase.day is None:
            raise NotADate
        phrase = phrase._replace(unit="week")
    return phrase._replace(modifier=modifier, passing=passing, attributive=attributive)


# "the summer offensive", "Meade's fall campaign": a season naming a happening (told about, maybe a
# flashback), dated by the story but not a step of it.
_NAMES_A_HAPPENING = re.compile(r"\s+(?i:offensives?|campaigns?|counteroffensives?|counter-offensives?)\b")

# "the August 1792 uprising", "the May 1994 ceasefire": a dated happening named in passing.
_NAMED_HAPPENING = re.compile(r"\s+(?!(?:and|or|to|in|on|at|of|by|for|when|as|was|were|is|had|has)\b)[a-z]{3,}\b")

# "the 1978 treaty", "his 1997 book": a year before the name of a thing made then names the
# thing, and does not set the story's time ("the 1777 campaign" does: a happening, not a thing).
_DETERMINERS = frozenset("the his her its their a an this that whose our my your".split())
_ATTRIBUTIVE = re.compile(r"\s+(?:[A-Z][a-z]+\s+)?(?i:" + "|".join(sorted(THINGS_NAMED_BY_YEAR)) + r")s?\b")


# "the Civil Constitution of the Clergy (1790) and …": a year in brackets after a name dates the
# thing named; in a heading ("National Assembly (1789)") it sets the scene.
_NAME_THEN_YEAR = re.compile(r"[A-Z][\w'’-]+\s\($")
_IN_RUNNING_TEXT = re.compile(r"\)[ \t]*[^\s]")


def _read_time_day(text: str, match: re.Match[str]) -> Phrase:
    phrase = _simple(match, "t_", match.start(), match.end())
    if phrase.day is None:
        raise NotADate
    return phrase._replace(time=_time(match.group("time")))


def _read_offset_date(text: str, match: re.Match[str]) -> Phrase:
    phrase = _simple(match, "o_", match.start(), match.end())
    if phrase.day is None and phrase.month is None:
        raise NotADate
    return phrase


def _read_day_part(text: str, match: re.Match[str]) -> Phrase:
    time = _time_of_day(match.group("alone")) if match.group("alone") in ("noon", "midday", "midnight") else None
    return Phrase(match.start(), match.end(), "anaphoric", unit="day", offset=0, time=time)


def _read_ordinal_day(text: str, match: re.Match[str]) -> Phrase:
    return Phrase(match.start(), match.end(), "anaphoric", unit="month", offset=0, day=_day(match.group("day")))


def _read_clock(text: str, match: re.Match[str]) -> Phrase:
    return Phrase(match.start(), match.end(), "anaphoric", unit="day", offset=0, time=_time(match.group("time")))


def _read_season_range(text: str, match: re.Match[str]) -> Phrase:
    if match.group("first_season"):  # "summer-fall 1919", "winter-spring of 1920": the year is the last season's
        year = _year(match.group("y_seasons"))
        assert year is not None, "the rule has a year"
        first, second = match.group("first_season").lower(), match.group("second_season").lower()
        first_year = year if SEASONS[first][0] <= SEASONS[second][0] else year - 1
        left = Phrase(match.start("first_season"), match.end("first_season"), "season", year=first_year, season=first)
        right = Phrase(match.start("second_season"), match.end(), "season", year=year, season=second)
        return Phrase(match.start(), match.end(), "range", parts=(left, right))
    first = _year(match.group("y1") or match.group("y1b"))
    assert first is not None, "the rule has a first year"
    second_token = match.group("y2") or match.group("y2b")
    second = _expand_short_year(first, second_token)
    if second != first + 1:
        raise NotADate
    season = (match.group("season") or match.group("seasonb")).lower()
    if season != "winter":
        raise NotADate
    return Phrase(
        match.start(), match.end(), "season", year=first, season=season,
        modifier=_narrower(match.group("narrow")),
    )  # fmt: skip


def _expand_short_year(first: int, token: str) -> int:
    """The second year of "1992–94" or "1992–1994"."""
    value = int(token)
    if len(token) == 2:
        value = first - first % 100 + value
        if value <= first:
            value += 100
    return value


def _read_part_of_year(text: str, match: re.Match[str]) -> Phrase:
    if match.group("q"):
        label = match.group("q")
        return Phrase(
            match.start(), match.end(), "part", year=int(match.group("qyear")),
            unit="quarter" if label[0] == "Q" else "half", number=int(label[1]),
        )  # fmt: skip
    start, end = match.start(), match.end()
    if match.group("year_before") or (match.group("rel_year") == "last" and not match.group("rel_year_ordinal")):
        return Phrase(start, end, "deictic", unit="quarter", offset=-5, counted=True)  # the same quarter a year before
    ordinal = match.group("year_first_ordinal") or match.group("rel_year_ordinal")
    if match.group("year_first") or match.group("rel_year"):  # "the 1988 second quarter", "next year's first quarter"
        unit: Unit = "half" if (match.group("year_first_part") or match.group("rel_year_part")) == "half" else "quarter"
        number = PART_ORDINALS[ordinal] if ordinal else None  # "the 1988 period": the part the report is on
        if (unit == "half" and (number is None or number > 2)) or (number is None and match.group("rel_year")):
            raise NotADate
        if match.group("rel_year"):
            offset = PRESENT_DIRECTIONS[match.group("rel_year").lower()]
            return Phrase(start, end, "part_anaphoric", unit=unit, number=number, offset=offset)
        return Phrase(start, end, "part", year=_year(match.group("year_first")), unit=unit, number=number)
    if match.group("bare_ordinal"):  # "the third quarter": of the year the text stands in
        number = PART_ORDINALS[match.group("bare_ordinal").lower()]
        return Phrase(match.start(), match.end(), "part_anaphoric", unit="quarter", number=number)
    part: Unit = "half"
    if match.group("two_quarters"):
        number = 1 if match.group("two_quarters").startswith("first") else 2
    else:
        number = PART_ORDINALS[match.group("ordinal").lower()]
        part = "half" if match.group("part").lower() == "half" else "quarter"
    if part == "half":
        number = min(number, 2)
    if match.group("anaphor"):
        return Phrase(match.start(), match.end(), "part_anaphoric", unit=part, number=number)
    if match.group("of_rel_year"):  # "the first quarter of next year"
        offset = PRESENT_DIRECTIONS[match.group("of_rel_year")]
        return Phrase(match.start(), match.end(), "part_anaphoric", unit=part, number=number, offset=offset)
    return Phrase(match.start(), match.end(), "part", year=_year(match.group("year")), unit=part, number=number)


def _read_range(text: str, match: re.Match[str]) -> Phrase:
    connector = match.group("conn").strip()
    if connector == "/" and not (match.group("l_m") and (match.group("r_my_m") or match.group("r_m"))):
        raise NotADate  # "August/September 1956", not "1992/93" nor "8/5"
    between = re.search(r"\b[Bb]etween\s+$", text[max(0, match.start() - 9) : match.start()])
    two_days = bool(match.group("l_day") and match.group("r_dmy_m")) or bool(
        match.group("l_mdy_d") and match.group("r_day") and not _counts(text, match.end())
    )  # "May 6 and 7th", "the 28 and 29 August": two days of one month; "May 6 and 7 soldiers" counts
    if connector == "and" and not (between or two_days):
        raise NotADate
    left = _range_end(match, "l_", match.start("left"), match.end("left"))
    right = _range_end(match, "r_", match.start("right"), match.end("right"))
    left, right = _complete_range_ends(left, right)
    if not _is_forward(left, right):
        raise NotADate
    if left.year is None and right.year is None and left.month is None and right.month is None:
        raise NotADate
    if connector in ("-", "–", "—") and (left.day is None) != (right.day is None):
        raise NotADate
    if right.year is not None and right.month is None and left.month is not None and left.year is None:
        raise NotADate  # "May–1992" is not a phrase
    return Phrase(match.start(), match.end(), "range", parts=(left, right))


def _range_end(match: re.Match[str], prefix: str, start: int, end: int) -> Phrase:
    if match.group(prefix + "day"):
        day, year = _day(match.group(prefix + "day")), _year(match.group(prefix + "day_y"))
        return Phrase(start, end, "date", day=day, year=year)
    if match.group(prefix + "num") if prefix == "l_" else False:
        return Phrase(start, end, "date", number=int(match.group(prefix + "num")))
    if match.group(prefix + "yy") if prefix == "r_" else False:
        return Phrase(start, end, "date", number=int(match.group(prefix + "yy")))
    phrase = _simple(match, prefix, start, end)
    return phrase._replace(modifier=_narrower(match.group(prefix + "narrow")))


def _complete_range_ends(left: Phrase, right: Phrase) -> tuple[Phrase, Phrase]:
    """Share what one end says with the other: "25–26 February 1992", "1992–94"."""
    if left.number is not None:  # "480–479 BC": a bare number takes the era of the other end
        if right.year is None or right.year > 0 or right.month is not None:
            raise NotADate
        left = left._replace(year=1 - left.number, number=None)
    if right.day is not None and right.month is None and right.year is None and left.month is None:
        right = right._replace(day=None, number=right.day)  # "1915-17": a short year, not a day
    if right.number is not None:  # a two-digit year: "1992–94"
        if left.year is None or left.month is not None or left.year < 100 or right.number <= left.year % 100:
            raise NotADate
        right = right._replace(year=_expand_short_year(left.year, f"{right.number:02d}"), number=None)
    if left.day is not None and left.month is None:
        if right.month is None or right.day is None:
            raise NotADate  # "25–26 February", never "25 to February"
        left = left._replace(month=right.month)
    if right.day is not None and right.month is None:
        if left.month is None or left.day is None:
            raise NotADate  # "February 25–26", never "May to 8"
        right = right._replace(month=left.month)
    if left.month is not None and right.month is None and right.year is None:
        raise NotADate
    if left.year is None and right.year is not None and left.month is not None:
        left = left._replace(year=right.year - (left.month > (right.month or 12)))
    if right.year is None and left.year is not None and right.month is not None:
        right = right._replace(year=left.year + (right.month < (left.month or 1)))
    if left.year is not None and right.year is not None and left.year > 0 > right.year:
        raise NotADate
    if left.year is not None and left.year > 0 and right.year is not None and right.year <= 0:
        left = left._replace(year=1 - left.year)  # "1000–900 BC": the era covers both
    return _checked(left), _checked(right)


def _is_forward(left: Phrase, right: Phrase) -> bool:
    def key(phrase: Phrase) -> tuple[int, int, int]:
        return (phrase.year or 0, phrase.month or 0, phrase.day or 0)

    if (left.year is None) != (right.year is None):
        return False
    if left.year is None and left.day is None and right.day is None and left.month and right.month:
        return left.month != right.month  # "from October to March" runs into the next year
    return key(left) < key(right)


def _read_decade(text: str, match: re.Match[str]) -> Phrase:
    word = match.group("decade_word")
    if word:
        number = 1900 + DECADE_WORDS[word.lower()]
    elif match.group("decade_short"):
        number = 1900 + int(match.group("decade_short"))
    else:
        number = int(match.group("decade"))
    if match.group("decade_era"):  # "the 470s BC": 479 to 470 BC
        number = 1 - (number + 9)
    return Phrase(match.start(), match.end(), "decade", number=number, modifier=_narrower(match.group("narrow")))


def _read_short_year(text: str, match: re.Match[str]) -> Phrase:
    # The span holds the apostrophe. The year names a thing of its time ("the Club of '89"), it does not
    # set the story's time.
    return Phrase(match.start() - 1, match.end(), "date", number=int(match.group("yy")), attributive=True)


def _read_spoken_day(text: str, match: re.Match[str]) -> Phrase:
    day = DAY_ORDINALS[match.group("day").lower()]
    return _checked(Phrase(match.start(), match.end(), "date", month=_month(match.group("month")), day=day))


def _read_spoken_year(text: str, match: re.Match[str]) -> Phrase:
    if match.group("thousand"):
        year = 2000
    else:
        year = SPOKEN_CENTURIES[match.group("century").lower()] * 100 + SPOKEN_YEAR_PARTS[match.group("tens")]
        year += SPOKEN_UNITS[match.group("units")] if match.group("units") else 0
    return Phrase(match.start(), match.end(), "date", year=year, month=_month(match.group("month")))


def _read_century(text: str, match: re.Match[str]) -> Phrase:
    token = match.group("ordinal").lower()
    number = ORDINALS[token] if token in ORDINALS else _digits(token)
    if number < 1 or number > 22:
        raise NotADate
    era = match.group("era")
    return Phrase(
        match.start(), match.end(), "century", number=-number if era and "B" in era else number,
        modifier=_narrower(match.group("narrow")),
    )  # fmt: skip


def _read_season(text: str, match: re.Match[str]) -> Phrase:
    season = (match.group("season") or match.group("season_b")).lower()
    year = _year(match.group("year") or match.group("year_first"))
    modifier = _narrower(match.group("narrow"))
    word_start = match.start("season") if match.group("season") else match.start("season_b")
    names_a_happening = _NAMES_A_HAPPENING.match(text, match.end()) is not None
    if year is None:
        fall_alone = season == "fall" and not _FALL_AND_SEASON.match(text, match.end())
        shares_a_year = _SEASON_AND_SEASON_YEAR.match(text, match.end()) is not None  # "summer and autumn 1918"
        if not (names_a_happening or shares_a_year) and (
            fall_alone or not _season_alone_is_date(text, match.start(), word_start)
        ):
            raise NotADate
        if match.group("anaphor"):
            return Phrase(
                match.start(), match.end(), "anaphoric", season=season, unit="year",
                offset=_direction(match.group("anaphor").rsplit(maxsplit=1)[0]), modifier=modifier,  # "of that| year"
            )  # fmt: skip
        return Phrase(
            match.start(), match.end(), "season_anaphoric", season=season, modifier=modifier,
            attributive=names_a_happening,
        )  # fmt: skip
    return Phrase(match.start(), match.end(), "season", year=year, season=season, modifier=modifier)


# "summer and autumn 1918": a season before another one with a year shares it (``_sharing_year``).
_SEASON_AND_SEASON_YEAR = re.compile(
    r"\s+(?:and|or|to)\s+(?:early\s+|late\s+)?(?:" + grammar.SEASON_WORDS + r")\s+(?:of\s+)?\d{3,4}\b"
)
# "throughout the fall and winter": "fall" alone is a season only beside another one.
_FALL_AND_SEASON = re.compile(r"\s+and\s+(?:winter|spring|summer)\b")


def _season_alone_is_date(text: str, start: int, word_start: int) -> bool:
    """ "the winter", "As winter approached", "the severe Manchurian winter" are dates; "a brutal
    winter", "summer camp" are not."""
    if (
        start == word_start
        and _previous_word(text, start) not in _SEASON_CONTEXT
        and not _THE_AND_ADJECTIVES.search(text, max(0, start - 40), start)
    ):
        return False
    following = _NEXT_WORD.match(text, word_start)  # not text[word_start:].split(): that copies the rest
    return following is None or following.group(1) not in _SEASON_AS_ADJECTIVE


_NEXT_WORD = re.compile(r"\S+\s+(\S+)")
_THE_AND_ADJECTIVES = re.compile(r"\b[Tt]he\s+(?:(?!of\b|and\b|in\b)[A-Za-z-]+\s+){1,2}$")


def _read_anaphoric(text: str, match: re.Match[str]) -> Phrase:
    start, end = match.start(), match.end()
    if match.group("of_dir"):
        offset = _direction(match.group("of_dir"))
        month = _month(match.group("month"))
        day = _day(match.group("day_first") or match.group("day_after"))
        season = match.group("season").lower() if match.group("season") else None
        return _checked(
            Phrase(start, end, "anaphoric", month=month, day=day, season=season, unit="year", offset=offset)
        )
    if match.group("dir"):
        unit, season = _noun(match.group("noun"))
        offset = _direction(match.group("dir"))
        # "next year" without an article speaks from the present in news ("the next year" from the story)
        kind: Kind = "present" if match.start("dir") == start and offset == 1 else "anaphoric"
        return Phrase(start, end, kind, unit=unit, season=season, offset=offset)
    if match.group("named_dir"):  # "the previous Friday", "the following April": counted from the story's date
        offset = _direction(match.group("named_dir"))
        if match.group("named_weekday"):
            return Phrase(start, end, "anaphoric", unit="day", weekday=WEEKDAYS[match.group("named_weekday").lower()],
                          offset=offset)  # fmt: skip
        return Phrase(start, end, "anaphoric", unit="month", month=_month(match.group("named_month")), offset=offset)
    if match.group("that"):
        unit, season = _noun(match.group("that_noun"))
        return Phrase(start, end, "anaphoric", unit=unit, season=season, offset=0)
    if match.group("count"):
        count = _count(match.group("count"))
        sign = 1 if match.group("way").lower() in ("later", "after") else -1
        unit, _ = _noun(match.group("unit"))
        if unit == "decade" and count == 1:  # "a decade earlier" is ten years; "two decades earlier", said
            unit, count = "year", 10  # in 1965, is the 1940s
        return Phrase(start, end, "anaphoric", unit=unit, offset=sign * count, counted=True)
    if match.group("day_dir"):
        offset = -1 if match.group("day_dir") == "before" else 1  # "the day after", "the day following"
        return Phrase(start, end, "anaphoric", unit="day", offset=offset)
    if match.group("new_year"):  # "eight days before the new year": 1 January after the story's date
        return Phrase(start, end, "anaphoric", unit="year", offset=1, month=1, day=1)
    if match.group("end_noun"):  # "at month's end": the end of the month where the story stands
        unit, _ = _noun(match.group("end_noun"))
        return Phrase(start, end, "present", unit=unit, offset=0, modifier="late")
    if match.group("edge_day"):  # "later in the day": the day the story (or the news) stands at
        return Phrase(start, end, "anaphoric", unit="day", offset=0, modifier=_narrower(match.group("edge_day")))
    modifier = _narrower(match.group("edge"))
    unit, _ = _noun(match.group("edge_noun"))
    return Phrase(start, end, "present", unit=unit, offset=0, modifier=modifier)


def _read_counted_from_happening(text: str, match: re.Match[str]) -> Phrase:
    if _LASTING.search(text, max(0, match.start() - 24), match.start()):
        raise NotADate  # "for about a year after the offensive stalled": how long, not when
    unit: Unit = "day"
    if match.group("nth"):  # "the fifth day of the rebellion": four days after it began
        count, sign = ORDINALS[match.group("nth").lower()] - 1, 1
    else:
        unit, _ = _noun(match.group("unit") or match.group("the_unit"))
        count = _count(match.group("count")) if match.group("count") else 1
        sign = 1 if match.group("way") == "after" else -1
    end = match.start("anchor")
    previous = ""
    for word in _ANCHOR_WORD.finditer(text, match.start("anchor"), match.end()):
        if word.group().lower() in MONTHS or (
            word.group()[0].isupper() and previous[:1].islower() and previous not in _BEFORE_A_NAME
        ):
            break  # "the day after the battle Ludendorff told ...": a new clause's subject; a month is a date
        end, previous = word.end(), word.group()
    return Phrase(match.start(), end, "happening", unit=unit, offset=sign * count)


_ANCHOR_WORD = re.compile(r"[\w'’-]+")
_LASTING = re.compile(r"\b[Ff]or\s+(?:about\s+|nearly\s+|almost\s+|some\s+|over\s+)?$")
_BEFORE_A_NAME = frozenset("of the a an".split())


def _read_deictic(text: str, match: re.Match[str]) -> Phrase:
    start, end = match.start(), match.end()
    if match.group("word"):
        word = " ".join(match.group("word").lower().split())
        if word in ("today", "tomorrow") and (_GENERIC_AFTER.match(text, end) or _previous_word(text, start) == "of"):
            raise NotADate  # "today's youth", "the people of tomorrow": an age, not a day
        if text[start].isupper() and _NAME_BEFORE.search(text, max(0, start - 40), start):
            raise NotADate  # "USA Today", "This is VOA Today": a name
        offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(word, 0)
        return Phrase(start, end, "deictic", unit="day", offset=offset)
    if match.group("month"):  # "June last year"
        offset = PRESENT_DIRECTIONS[match.group("month_rel").lower()]
        return Phrase(start, end, "deictic", unit="year", month=_month(match.group("month")), offset=offset)
    if match.group("rel_month"):  # "last May": the May before the time of writing
        offset = PRESENT_DIRECTIONS[" ".join(match.group("rel_month").lower().split())]
        modifier = _narrower(match.group("narrow_b"))
        kind: Kind = "present" if offset == 0 else "deictic"
        return _checked(Phrase(start, end, kind, unit="month", month=_month(match.group("month_b")),
                               day=_day(match.group("day_b")), offset=offset, modifier=modifier))  # fmt: skip
    if match.group("year_ago"):  # "year-earlier", "the year-ago quarter" (the same quarter a year before)
        if match.group("year_ago_part"):
            return Phrase(start, end, "deictic", unit="quarter", offset=-5)
        return Phrase(start, end, "deictic", unit="year", offset=-1, counted=True)
    if match.group("the_year"):  # "for the year": the year the text is written in (news) or at (a story)
        return Phrase(start, end, "present", unit="year", offset=0)
    if match.group("year_end"):  # "by year-end": the end of the year
        return Phrase(start, end, "present", unit="year", offset=0, modifier="late")
    if match.group("the_quarter"):  # "the quarter" a company reports on: the last one ended
        return Phrase(start, end, "deictic", unit="quarter", offset=-1)
    if match.group("rel"):
        offset = PRESENT_DIRECTIONS[" ".join(match.group("rel").lower().split())]
        unit, season = _noun(match.group("noun").split()[-1])
        modifier = _narrower(match.group("narrow"))
        kind = "present" if offset == 0 else "deictic"
        return Phrase(start, end, kind, unit=unit, season=season, offset=offset, modifier=modifier)
    if match.group("in_count"):  # "will be redeemed in five years"; "fell in two years" is how long it took
        if tense_of(text, start, end) != "future":
            raise NotADate
        unit, _ = _noun(match.group("in_unit"))
        return Phrase(start, end, "deictic", unit=unit, offset=_count(match.group("in_count")), counted=True)
    unit, _ = _noun(match.group("unit"))
    sign = -1 if match.group("ago").lower() == "ago" else 1
    return Phrase(start, end, "deictic", unit=unit, offset=sign * _count(match.group("count")), counted=True)


# A capitalised word inside a sentence just before "Today" makes it part of a name.
_NAME_BEFORE = re.compile(r"[a-z,;]\s+[A-Z][A-Za-z]*\s+$")
# "today's world", "today's youth", "tomorrow's leaders": the present age, not the day.
_GENERIC_AFTER = re.compile(
    r"['’]s\s+(?:\w+\s+)?(?:world|society|youth|generations?|young|kids|children|teenagers|leaders|standards"
    r"|technology|culture|computers)\b"
)


def _read_weekday(text: str, match: re.Match[str]) -> Phrase:
    start, end = match.start(), match.end()
    time = _time_of_day(match.group("time"))
    rel, word = match.group("rel"), match.group("weekday").lower()
    if word.endswith("weekend") and (match.group("date") or (word == "weekend" and rel is None)):
        raise NotADate  # "a weekend" is any weekend
    if match.group("date"):  # "Saturday, April 25": the date says which Saturday
        phrase = _simple(match, "w_", start, end)
        if phrase.month is not None and phrase.day is not None:
            return phrase._replace(time=time)
        if phrase.year is not None:
            raise NotADate
        end = match.end("part") if match.group("part") else match.end("weekday")  # "Sunday, March eighth"
    offset = PRESENT_DIRECTIONS[" ".join(rel.lower().split())] if rel else None
    if word.endswith("weekend"):  # "the weekend", "last weekend": its Saturday and Sunday
        return Phrase(start, end, "weekday", weekday=WEEKDAYS["saturday"], unit="weekend", offset=offset)
    return Phrase(start, end, "weekday", weekday=WEEKDAYS[word], offset=offset, time=time)


def _time_of_day(token: str | None) -> str | None:
    """A clock time, or "noon" / "midnight" said in words."""
    if token is None:
        return None
    word = token.lower()
    if word in ("noon", "midday", "midnight"):
        return "00:00" if word == "midnight" else "12:00"
    return _time(token)


def _direction(words: str) -> int:
    return DIRECTION_WORDS[words.split()[-1].lower()]


_UNITS: dict[str, Unit] = {
    "day": "day", "morning": "day", "afternoon": "day", "evening": "day", "night": "day",
    "week": "week", "weekend": "weekend", "month": "month", "year": "year", "decade": "decade",
    "century": "century",
    "quarter": "quarter", "half": "half",
}  # fmt: skip


def _noun(noun: str) -> tuple[Unit, str | None]:
    """The unit a noun counts in, and the season when it names one ("the next winter")."""
    word = noun.lower()
    if word in SEASONS:
        return "season", word
    return _UNITS[word.removesuffix("s")], None


def _count(token: str) -> int:
    return int(token) if token.isdigit() else NUMBER_WORDS[token.lower()]


class Rule(NamedTuple):
    """A shape of date phrase (``grammar``) and the reader of what its groups say."""

    name: str
    build: Callable[[grammar.Group], str]
    read: Callable[[str, re.Match[str]], Phrase]

    @property
    def pattern(self) -> re.Pattern[str]:
        return _PATTERNS[self.name]


# From the most to the least specific: at one position the first rule that reads wins.
RULES = (
    Rule("time_day", grammar.time_day, _read_time_day),
    Rule("offset_date", grammar.offset_date, _read_offset_date),
    Rule("season_range", grammar.season_range, _read_season_range),
    Rule("part_of_year", grammar.part_of_year, _read_part_of_year),
    Rule("range", grammar.date_range, _read_range),
    Rule("decade", grammar.decade, _read_decade),
    Rule("spoken_year", grammar.spoken_year, _read_spoken_year),
    Rule("spoken_day", grammar.spoken_day, _read_spoken_day),
    Rule("short_year", grammar.short_year, _read_short_year),
    Rule("century", grammar.century, _read_century),
    Rule("season", grammar.season, _read_season),
    Rule("counted_from_happening", grammar.counted_from_happening, _read_counted_from_happening),
    Rule("anaphoric", grammar.anaphoric, _read_anaphoric),
    Rule("deictic", grammar.deictic, _read_deictic),
    Rule("weekday", grammar.weekday, _read_weekday),
    Rule("clock", grammar.clock, _read_clock),
    Rule("day_part", grammar.day_part, _read_day_part),
    Rule("ordinal_day", grammar.ordinal_day, _read_ordinal_day),
    Rule("plain", grammar.plain, _read_plain),
)
_PATTERNS = {rule.name: re.compile(rule.build(grammar.named)) for rule in RULES}
_RULE_INDEX = {rule.name: index for index, rule in enumerate(RULES)}
SCANNER = grammar.scanner((rule.name, rule.build) for rule in RULES)


# ---------------------------------------------------------------- telling dates from numbers

# The word before a position, read backwards: matched once at the start of the reversed window, where a
# search for "([\w.$£€#/-]+)\s*$" tried every start in it (3x slower; asked up to three times a date).
_WORD_BEFORE_REVERSED = re.compile(r"\s*([\w.$£€#/-]+)")
_MONTH_CONTEXT = frozenset(
    "in of by since until till from to during early late mid before after through between "
    "and or that this next last following same each every throughout the into for".split()
)


def _previous_word(text: str, position: int) -> str:
    found = _WORD_BEFORE_REVERSED.match(text[max(0, position - 24) : position][::-1])
    return found.group(1)[::-1].lower() if found else ""


_EARLIEST_BARE_YEAR = 1500
_BEFORE_OLD_YEAR = frozenset("of the year and or to c. ca. circa around about".split())
_YEAR_PREPOSITIONS = frozenset("in by since until till during before after from through".split())
_SEASON_CONTEXT = (_MONTH_CONTEXT - {"for"}) | {"as", "the", "that", "this"}  # "clothes for winter": any winter
_SEASON_AS_ADJECTIVE = frozenset(
    "camp camps school schools holiday holidays vacation clothing uniforms "
    "palace residence house home olympics games solstice equinox".split()
)


_SCENE_SETTER = re.compile(
    r"(?:^|[.!?:;]\s+|\n\s*|\b(?:the|his|her|its|their|a|an)\s+)"
    r"(?:(?:In|By|During|Since|After|From|Until|Throughout|Before|Between|Early\s+in|Late\s+in)\s+)?$"
)


def _sets_the_scene(text: str, start: int) -> bool:
    """ "In 1777, ..." opening a sentence or a heading, or "the 1777 campaign", set the
    story's year; "... for a campaign planned for 1976." mentions a year in passing."""
    return _SCENE_SETTER.search(text[max(0, start - 24) : start]) is not None


def _month_alone_is_date(text: str, match: re.Match[str]) -> bool:
    """A bare month name is a date only where a preposition says so ("In May", not "may"); "the
    March to Versailles", "battles along the March." name a march."""
    before = _previous_word(text, match.start())
    if before == "the" and _MONTH_AS_NOUN.match(text, match.end()):
        return False
    if before in ("a", "an"):  # "under a June agreement", "a March operation"
        return _MONTH_BEFORE_A_NOUN.match(text, match.end()) is not None
    if before not in _MONTH_CONTEXT and _THE_AND_ADJECTIVES.search(text, max(0, match.start() - 40), match.start()):
        return _MONTH_BEFORE_A_NOUN.match(text, match.end()) is not None  # "the costly August battles"
    if (before == "" or before.endswith((".", "!", "?"))) and _MONTH_AS_SUBJECT.match(text, match.end()):
        return True  # "September saw the Germans fight on"
    return before in _MONTH_CONTEXT


_MONTH_AS_NOUN = re.compile(r"\s*[.;:!?]|\s+(?:to|of|through|across|from)\b")
_MONTH_BEFORE_A_NOUN = re.compile(
    r"\s+(?!(?:to|of|through|across|from|and|or|for|on|in|at|against|the|his|her|its|their|was|were|is)\b)[a-z]{3,}\b"
)
_MONTH_AS_SUBJECT = re.compile(r"\s+(?:saw|brought|witnessed|marked)\b")


def _counts(text: str, end: int) -> bool:
    """Whether the number ending at ``end`` counts something ("1500 soldiers")."""
    next_word = re.match(r"\s+([A-Za-z]+)", text[end : end + 24])
    return next_word is not None and next_word.group(1).lower() in COUNTED_NOUNS


def _year_alone_is_date(text: str, start: int, end: int) -> bool:
    """ "In 1992" is a year, and so is "1954-told"; "Resolution 1416", "1500 soldiers", "p. 1991",
    "1990-series" are not."""
    token = text[start:end]
    if not token[0].isdigit():
        return True
    if not token.isdigit():
        return True  # "490 BC", "990 A.D.": the era says it is a year
    before = _previous_word(text, start)
    if before in ("post-", "pre-"):
        return True  # "the post-1959 politics"
    if before in IDENTIFIER_WORDS or before.endswith(("-", "/", "$")):
        return False
    after = text[end : end + 24]
    if re.match(r"[-/](?!(?:told|born|built|made|era|[a-z]+ed)\b)\w|\s*%|[.,]\d|\s*(?:km|sq|mi)\b", after):
        return False
    if before in _YEAR_PREPOSITIONS:
        return True  # "In 1991 troops left": a preposition says it is a time
    if int(token) < _EARLIEST_BARE_YEAR and before not in _BEFORE_OLD_YEAR:
        return False  # "Armenians killed 1000": an early year must be introduced as one
    return not _counts(text, end)


# ---------------------------------------------------------------- words just before a phrase

_BOUNDARY = re.compile(
    r"\b(" + "|".join(re.escape(word) for word in sorted(BOUNDARY_MODIFIERS, key=len, reverse=True)) + r")\s+$",
    re.IGNORECASE,
)


def _with_boundary_modifier(text: str, phrase: Phrase) -> Phrase:
    """ "By 3 April" is before; "after May 1994" after; "around 1992" approximate."""
    if phrase.modifier is not None or phrase.kind in ("anaphoric", "deictic"):
        return phrase
    found = _BOUNDARY.search(text[max(0, phrase.start - 16) : phrase.start])
    if not found:
        return phrase
    return phrase._replace(modifier=BOUNDARY_MODIFIERS[found.group(1).lower()])
