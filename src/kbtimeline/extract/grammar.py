"""The shapes of English date phrases, as regular expressions.

Each rule is written once, as a function of ``group``: the scanner compiles all
rules into one alternation with anonymous groups (one linear pass over the
text finds every span), and each rule is compiled again on its own with named
groups, to read the parts of a span the scanner found. Rules are listed from
the most to the least specific: at one position the first rule that matches wins.

Every repetition is bounded and anchored on words or digits, so scanning stays
linear in the length of the text, whatever the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

Group = Callable[[str, str], str]

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
# A year, not a part of a number ("1,500", "4.1992"), a decade ("1990s", "1990's") or a code.
YEAR4 = r"(?<![\d,.$£€/])(?:1\d{3}|20\d{2}|2100)(?!\d|,\d|\.\d|/\d|s\b|(?<=0)'s\b)"
ERA_AFTER = r"(?:BCE|BC|B\.C\.(?:E\.)?|B\.C(?![\w.])|AD|A\.D\.|CE)(?![A-Za-z])"
ERA_YEAR = rf"(?:(?<![\d,.])\d{{1,4}}\s?{ERA_AFTER}|(?:AD|A\.D\.)\s?\d{{1,4}}(?!\d))"
HOLIDAY = r"(?:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's\s+(?:Day|Eve))"
SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"
ORDINAL_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty-first)"
)
NUMBER_WORD = (
    r"(?:[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en"
    r"|[Ee]leven|[Tt]welve|[Tt]hirteen|[Ff]ourteen|[Ff]ifteen|[Ss]ixteen|[Ss]eventeen"
    r"|[Ee]ighteen|[Nn]ineteen|[Tt]wenty|[Tt]hirty|[Ff]orty|[Ff]ifty|\d{1,3})"
)
UNIT = r"(?:day|week|month|year|decade)s?"
# A clock time that says it is one: "5:34 AM", "5 a.m."; "14:45" alone could be a score.
CLOCK = (
    r"(?:[01]?\d|2[0-3]):[0-5]\d\s?(?:[AaPp]\.?[Mm]\.?)"
    r"|(?:1[0-2]|0?[1-9])\s?(?:[AaPp]\.[Mm]\.|[AaPp][Mm]\b)"
)
# Before a day ("14:45 on 2 April") a 24-hour time is clear enough.
TIME = rf"(?:[01]?\d|2[0-3]):[0-5]\d(?![\w.]\w)|{CLOCK}"
# "early", "mid-", "the end of", "the first days of": narrows a phrase, kept in its span.
NARROWER = (
    r"(?:(?:[Tt]he\s+)?(?:[Vv]ery\s+)?(?:[Ee]arly|[Ll]ate|[Mm]id(?:dle)?)(?:\s+part\s+of|\s+in)?[\s-]"
    r"|[Mm]id-"
    r"|[Tt]he\s+(?:end|beginning|start|middle|close|turn|latter\s+part|early\s+part"
    r"|first\s+days|last\s+days|first\s+weeks|last\s+weeks)\s+of\s+)"
)


def _then_year(group: Group, name: str) -> str:
    """An optional year after a day or a holiday: "8 May[, 1992]", "Christmas[ 1963]"."""
    return r"(?:,?\s+" + group(name, f"{ERA_YEAR}|{YEAR4}") + ")?"


def _simple(group: Group, prefix: str) -> str:
    """A date that stands alone: ISO, day-month(-year), month-day(-year), month-year, year."""
    p = prefix
    return (
        "(?:"
        + group(f"{p}iso", r"(?<![\d-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)")
        + "|"
        + group(f"{p}dmy_d", DAY)
        + r"\s+(?:of\s+)?"
        + group(f"{p}dmy_m", MONTH)
        + _then_year(group, f"{p}dmy_y")
        + "|"
        + group(f"{p}mdy_m", MONTH)
        + r"\s+(?:the\s+)?"
        + group(f"{p}mdy_d", DAY)
        + _then_year(group, f"{p}mdy_y")
        + "|"
        + group(f"{p}my_m", MONTH)
        + r",?\s+(?:of\s+)?"
        + group(f"{p}my_y", f"{ERA_YEAR}|{YEAR4}")
        + "|"
        + group(f"{p}holiday", HOLIDAY)
        + _then_year(group, f"{p}holiday_y")
        + "|"
        + group(f"{p}y", f"{ERA_YEAR}|{YEAR4}")
        + "|"
        + group(f"{p}m", MONTH)
        + ")"
    )


def _range_side(group: Group, prefix: str, *, right: bool) -> str:
    """One end of a range: a simple date, or the bare day or short year a range allows."""
    p = prefix
    if right:
        extra = "|" + group(f"{p}yy", r"(?<![\d,])\d{2}(?!\d|,\d|\s*%)")
    else:
        extra = "|" + group(f"{p}num", r"(?<![\d,.])\d{1,4}(?!\d|[,.]\d)")
    return (
        "(?:"
        + group(f"{p}narrow", NARROWER)
        + "?(?:"
        + _simple(group, p)
        + "|"
        + group(f"{p}day", DAY)
        + r"(?:,\s+"
        + group(f"{p}day_y", YEAR4)
        + ")?"
        + extra
        + "))"
    )


def _season_range(group: Group) -> str:
    year = f"(?:{YEAR4}|{ERA_YEAR})"
    tail = f"(?:{YEAR4}|\\d{{2}}(?!\\d))"
    return (
        r"(?:[Tt]he\s+)?"
        + group("narrow", NARROWER)
        + "?(?:"
        + group("season", SEASON)
        + r"\s+(?:of\s+)?"
        + group("y1", year)
        + r"\s?[–—/-]\s?"
        + group("y2", tail)
        + "|"
        + group("y1b", year)
        + r"\s?[–—/-]\s?"
        + group("y2b", tail)
        + r"\s+"
        + group("seasonb", SEASON)
        + ")"
    )


def _range(group: Group) -> str:
    return (
        group("left", _range_side(group, "l_", right=False))
        + group("conn", r"\s?[–—-]\s?|\s+(?:to|until|till|through|and)\s+")
        + group("right", _range_side(group, "r_", right=True))
    )


def _time_day(group: Group) -> str:
    return (
        group("time", TIME)
        + r",?\s+(?:on\s+)?(?:the\s+)?"
        + group("date", _simple(group, "t_"))
    )


def _clock(group: Group) -> str:
    """A time of day on its own ("at 5:34 AM"): it falls on the day the narrative is at."""
    return group("time", CLOCK)


def _offset_date(group: Group) -> str:
    """ "One month prior, on 26 November": the date itself carries the value."""
    return (
        NUMBER_WORD
        + rf"\s+{UNIT}\s+(?:prior|earlier|later|before|after),?\s+(?:on|in)\s+"
        + group("date", _simple(group, "o_"))
    )


def _part_of_year(group: Group) -> str:
    return (
        r"(?:[Tt]he\s+)?"
        + group("ordinal", r"first|second|third|fourth|last|final|latter|former|1st|2nd|3rd|4th")
        + r"\s+"
        + group("part", r"half|quarter")
        + r"\s+of\s+(?:"
        + group("year", f"{ERA_YEAR}|{YEAR4}")
        + "|"
        + group("anaphor", r"(?:the|that)\s+(?:same\s+)?year")
        + ")|"
        + group("q", r"Q[1-4]|H[12]")
        + r"\s+"
        + group("qyear", YEAR4)
    )


def _decade(group: Group) -> str:
    return (
        r"(?:[Tt]he\s+)?"
        + group("narrow", NARROWER)
        + "?"
        + group("decade", r"(?<![\d,.])\d{3}0")
        + r"'?s\b"
    )


def _century(group: Group) -> str:
    ordinal = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})"
    return (
        r"(?:[Tt]he\s+)?"
        + group("narrow", NARROWER)
        + "?"
        + group("ordinal", ordinal)
        + r"(?:[\s-]+century(?:\s+"
        + group("era", ERA_AFTER)
        + r")?|-(?=\s+(?:and|or|to)\s+(?:\w+[\s-]+)?\w+[\s-]century))"
    )


def _season(group: Group) -> str:
    return (
        r"(?:[Tt]he\s+)?"
        + group("narrow", NARROWER)
        + "?(?:"
        + group("year_first", f"{ERA_YEAR}|{YEAR4}")
        + r"\s+"
        + group("season_b", SEASON)
        + "|"
        + group("season", SEASON)
        + r"(?:\s+(?:of\s+)?"
        + group("year", f"{ERA_YEAR}|{YEAR4}")
        + "|"
        + group("anaphor", r"\s+of\s+(?:that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year")
        + r")?)(?![\w-])"
    )


def _anaphoric(group: Group) -> str:
    """Phrases that take their value from the narrative so far ("the next day")."""
    noun = r"day|morning|afternoon|evening|night|week|month|year|spring|summer|autumn|fall|winter"
    return (
        "(?:(?:"
        + group("day_first", DAY)
        + r"\s+)?"
        + group("month", MONTH)
        + r"(?:\s+"
        + group("day_after", DAY)
        + r")?|"
        + group("season", SEASON)
        + r")\s+of\s+(?:"
        + group("of_dir", r"that|the\s+same|the\s+following|the\s+next|the\s+previous")
        + r")\s+year"
        + r"|(?:[Tt]he\s+|[Tt]hat\s+)?"
        + group("dir", r"[Nn]ext|[Ff]ollowing|[Pp]revious|[Pp]receding|[Ss]ame|[Pp]rior|[Ss]ubsequent")
        + r"\s+"
        + group("noun", noun)
        + r"\b|"
        + group("that", r"(?:[Ll]ater|[Ee]arlier)\s+(?:that|this)|[Tt]hat|(?<!\bto\s)[Tt]his")
        + r"\s+(?:same\s+)?"
        + group("that_noun", noun)
        + r"\b(?!-)|"
        + group("count", NUMBER_WORD)
        + r"\s+"
        + group("unit", UNIT)
        + r"\s+"
        + group("way", r"later|earlier")
        + r"\b|[Tt]he\s+day\s+"
        + group("day_dir", r"after|before")
        + r"(?=\s*[.,;:)]|\s+(?:and|when|as|in)\b)|"
        + group("edge", r"[Tt]he\s+(?:end|beginning|start|middle|rest|latter\s+part|early\s+part)\s+of\s+the"
                r"|(?:[Ll]ater|[Ll]ate|[Ee]arly|[Ee]arlier)\s+in\s+the")
        + r"\s+"
        + group("edge_noun", r"year|month")
        + r"\b"
    )


def _deictic(group: Group) -> str:
    """Phrases relative to the time of writing; kept only when a reference date is given."""
    return (
        group("word", r"[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Nn]ow")
        + r"\b(?!-)|"
        + group("rel", r"[Ll]ast|[Nn]ext|[Pp]ast")
        + r"\s+"
        + group("noun", r"year|month|week|spring|summer|autumn|fall|winter")
        + r"\b|"
        + group("count", NUMBER_WORD)
        + r"\s+"
        + group("unit", UNIT)
        + r"\s+ago\b"
    )


def _plain(group: Group) -> str:
    return group("narrow", NARROWER) + "?" + _simple(group, "")


@dataclass(frozen=True)
class Rule:
    name: str
    build: Callable[[Group], str]


RULES = (
    Rule("time_day", _time_day),
    Rule("offset_date", _offset_date),
    Rule("season_range", _season_range),
    Rule("part_of_year", _part_of_year),
    Rule("range", _range),
    Rule("decade", _decade),
    Rule("century", _century),
    Rule("season", _season),
    Rule("anaphoric", _anaphoric),
    Rule("deictic", _deictic),
    Rule("clock", _clock),
    Rule("plain", _plain),
)


def _named(name: str, pattern: str) -> str:
    return f"(?P<{name}>{pattern})"


def _anonymous(_name: str, pattern: str) -> str:
    return f"(?:{pattern})"


# Anchored on a word boundary so that "1992" inside "A1992b" is not a year.
SCANNER = re.compile(
    r"(?<![\w])(?:" + "|".join(f"(?P<{rule.name}>{rule.build(_anonymous)})" for rule in RULES) + ")"
)
PARSERS = {rule.name: re.compile(rule.build(_named)) for rule in RULES}

# The words a date phrase can start with. Finding these first and trying the
# rules only there is ten times faster than trying every rule at every word;
# a test checks that every phrase the rules find starts at a trigger.
_AFTER_THE = (
    r"\d|early|late|mid|middle|very|end|beginning|start|close|turn|latter|former|first|second|third"
    r"|fourth|last|final|next|following|previous|preceding|same|prior|subsequent|day|years?"
    r"|spring|summer|autumn|fall|winter|" + ORDINAL_WORD[3:-1]
)
# The first characters of all triggers, in front so the regex engine can skip ahead fast.
_TRIGGER_FIRST = "0-9AaCDEeFfHJLlMmNnOoPpQSsTtVvWwYy"
TRIGGER = re.compile(
    rf"(?<!\w)(?=[{_TRIGGER_FIRST}])(?:"
    r"\d{1,2}(?![\d,.]\d)|\d{4}(?![\d,.]\d)|\d{3}(?=\s?(?:[–—-]\s?\d|B\.?C|A\.?D|CE\b))"
    r"|" + MONTH[3:-1] + r"|AD\b|A\.D\.|Q[1-4]\b|H[12]\b|Christmas|New\s+Year"
    r"|[Tt]he(?=\s+(?i:" + _AFTER_THE + r"))"
    r"|(?:[Tt]hat|[Tt]his)(?=\s+(?:same|day|morning|afternoon|evening|night|week|month|year|spring|summer"
    r"|autumn|fall|winter)\b)"
    r"|[Ee]arly|[Ll]ate|[Mm]id|[Mm]iddle|[Vv]ery(?=\s)|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter"
    r"|[Nn]ext|[Ff]ollowing|[Pp]revious|[Pp]receding|[Ss]ame|[Pp]rior|[Ss]ubsequent|[Ll]ater|[Ee]arlier"
    r"|[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Nn]ow\b|[Ll]ast|[Pp]ast"
    r"|" + ORDINAL_WORD + r"(?=[\s-]+century|-\s)"
    r"|" + NUMBER_WORD + r"(?=\s+(?:day|week|month|year|decade)s?\b))"
)
