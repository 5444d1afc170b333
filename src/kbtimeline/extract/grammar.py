"""The shapes of English date phrases, as regular expressions.

Each rule is written once, as a function of ``group``: the scanner compiles all
rules into one alternation with anonymous groups (one linear pass over the
text finds every span), and each rule is compiled again on its own with named
groups, to read the parts of a span the scanner found. ``phrases.RULES`` binds
each rule to its reader and lists them from the most to the least specific: at
one position the first rule that matches wins. The alternations of words are
built from the tables in ``lexicon``.

Every repetition is bounded and anchored on words or digits, so scanning stays
linear in the length of the text, whatever the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from kbtimeline.extract.lexicon import (
    COUNTED_PART_ORDINALS,
    DAY_ORDINALS,
    DAY_PARTS,
    DECADE_WORDS,
    EDGE_ADVERBS,
    HOLIDAYS,
    MONTH_ABBREVIATIONS,
    MONTH_NAMES,
    MOVABLE_HOLIDAYS,
    NARROWING_ADJECTIVES,
    NARROWING_NOUNS,
    NUMBER_WORDS,
    ORDINALS,
    PART_ORDINALS,
    PRESENT_DIRECTIONS,
    SEASONS,
    SPOKEN_CENTURIES,
    SPOKEN_UNITS,
    SPOKEN_YEAR_PARTS,
    WEEKDAYS,
)

Group = Callable[[str, str], str]


def words(table: Iterable[str], *, capital: bool = False, either_case: bool = True) -> str:
    """An alternation of the table's words, longest first, spaces as any white space.

    ``either_case``: the first letter may be upper or lower case ("Early", "early");
    ``capital``: only upper case (month names, so that "may" is not May).
    """
    alternatives = []
    for word in sorted(table, key=lambda word: (-len(word), word)):  # a set's order varies by run
        body = r"\s+".join(re.escape(part) for part in word.split())
        first = word[0]
        if capital:
            body = re.escape(first.upper()) + body[len(re.escape(first)) :]
        elif either_case and first.isalpha():
            body = f"[{first.upper()}{first.lower()}]" + body[1:]
        alternatives.append(body)
    return "(?:" + "|".join(alternatives) + ")"


# A month name, or an abbreviation with its dot or before a day or year ("Sept 5, 1992");
# never the start of a longer word ("Maychew", "Marcher").
MONTH = (
    "(?:" + words(MONTH_NAMES, capital=True)
    + "|" + words(MONTH_ABBREVIATIONS, capital=True) + r"(?:\.|(?=\s+\d)))(?![A-Za-z])"
)  # fmt: skip
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
# A year, not a part of a number ("1,500", "4.1992"), a decade ("1990s", "1990's") or a code.
YEAR4 = r"(?<![\d,.$£€/])(?:1\d{3}|20\d{2}|2100)(?!\d|,\d|\.\d|/\d|s\b|(?<=0)'s\b)"
ERA_AFTER = r"(?:BCE|BC|B\.C\.(?:E\.)?|B\.C(?![\w.])|AD|A\.D\.|CE)(?![A-Za-z])"
ERA_YEAR = rf"(?:(?<![\d,.])\d{{1,4}}\s?{ERA_AFTER}|(?:AD|A\.D\.)\s?\d{{1,4}}(?!\d))"
HOLIDAY = words({**HOLIDAYS, **MOVABLE_HOLIDAYS}, capital=True)
SEASON = words(SEASONS)
SEASON_WORDS = words(SEASONS, either_case=False)[3:-1]
ORDINAL_WORD = words(ORDINALS, either_case=False)
PART_ORDINAL = words(PART_ORDINALS, either_case=False)
DECADE_WORDS_RE = words(DECADE_WORDS, either_case=False)
NUMBER_WORD = "(?:" + words(NUMBER_WORDS)[3:-1] + r"|\d{1,3})"
UNIT = r"(?:day|week|month|year|decade)s?"
# Not part of a name or an adjective: "The Sunday Mail", "Bloody Sunday Inquiry", "Sunday school"
# (a capitalised word after it other than a month makes it a name).
WEEKDAY = (
    words(WEEKDAYS, capital=True)
    + r"(?![A-Za-z])(?!\s+(?:[Ss]chools?\b|[Pp]apers?\b|(?!"
    + words(MONTH_NAMES, capital=True)
    + r")[A-Z][a-z]))"
)
DAY_PART = words(DAY_PARTS, either_case=False)
# "coming", "current", "upcoming" only after "the" or "this" ("the coming week"): a phrase never
# starts with them, which keeps common first letters out of the trigger words.
PRESENT = (
    "(?:"
    + words([word for word in PRESENT_DIRECTIONS if word[0] not in "cu"])
    + r"|(?:(?<=[Tt]he\s)|(?<=[Tt]his\s))"
    + words([word for word in PRESENT_DIRECTIONS if word[0] in "cu"], either_case=False)
    + ")"
)
# Time zones after a clock time in news ("15:00 GMT Saturday").
ZONE = r"(?:\s+(?:GMT|UTC|EST|EDT|CST|CDT|MST|MDT|PST|PDT|BST|CET|local\s+time|[A-Z][a-z]+\s+time))?"
# A clock time that says it is one: "5:34 AM", "5 a.m."; "14:45" alone could be a score.
CLOCK = (
    r"(?:[01]?\d|2[0-3]):[0-5]\d\s?(?:[AaPp]\.?[Mm]\.?)"
    r"|(?:1[0-2]|0?[1-9])\s?(?:[AaPp]\.[Mm]\.|[AaPp][Mm]\b)"
)
# Before a day ("14:45 on 2 April") a 24-hour time is clear enough.
TIME = rf"(?:[01]?\d|2[0-3]):[0-5]\d(?![\w.]\w)|{CLOCK}"
# "early", "mid-", "the end of", "the first days of": narrows a phrase, kept in its span.
NARROWER = (
    r"(?:(?:[Tt]he\s+)?(?:[Vv]ery\s+)?" + words(NARROWING_ADJECTIVES) + r"(?:\s+part\s+of|\s+in)?[\s-]"
    r"|[Mm]id-"
    r"|[Tt]he\s+" + words(NARROWING_NOUNS, either_case=False) + r"\s+of\s+)"
)


def _then_year(group: Group, name: str) -> str:
    """An optional year after a day or a holiday: "8 May[, 1992]", "Christmas[ 1963]".

    A bracketed year belongs to the date it completes: "On May 18, [1992] the army…", "May 18 (1992)"
    is 18 May 1992, not a day of the story's year beside a year of its own.
    """
    bracketed_open = r"(?:[\[(](?=\d{4}[\])]))?"
    bracketed_close = r"(?:(?<=[\[(]\d{4})[\])])?"
    return r"(?:,?\s+" + bracketed_open + group(name, f"{ERA_YEAR}|{YEAR4}") + bracketed_close + ")?"


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


def season_range(group: Group) -> str:
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
        + "|"
        + group("first_season", SEASON)
        + r"\s?(?:[–—/-]|\sto\s)\s?"
        + group("second_season", SEASON)
        + r",?\s+(?:of\s+)?"
        + group("y_seasons", year)
        + ")"
    )


def date_range(group: Group) -> str:
    return (
        group("left", _range_side(group, "l_", right=False))
        + r"(?!-\d\d-\d)"  # the year of an ISO day ("2005-12-31") starts no range 2005–12
        + group("conn", r"\s?[–—-]\s?|/|\s+(?:to|until|till|through|and)\s+")
        + group("right", _range_side(group, "r_", right=True))
    )


def time_day(group: Group) -> str:
    return group("time", TIME) + ZONE + r",?\s+(?:on\s+)?(?:the\s+)?" + group("date", _simple(group, "t_"))


def clock(group: Group) -> str:
    """A time of day on its own ("at 5:34 AM", "At 19:15", "19:00 hr"): it falls on the day the
    narrative is at. A bare "19:15" could be a score; after "at" or before "hours" it is a time."""
    return (
        group(
            "time",
            CLOCK
            + r"|(?:[01]?\d|2[0-3]):?[0-5]\d\s?(?:hrs?|hours)\b"
            + r"|(?<=[Aa]t\s)(?:[01]?\d|2[0-3]):[0-5]\d(?![\w:.]\w|:)",
        )
        + ZONE
    )


def day_part(group: Group) -> str:
    """ "In the morning", "during the night", "at midday", "by mid afternoon": the day the narrative is at
    (unless a day follows: "at noon Thursday", "mid-afternoon yesterday")."""
    return (
        r"(?:(?<=[Ii]n\s)|(?<=[Dd]uring\s))[Tt]he\s+(?:early\s+|late\s+)?"
        + group("part", DAY_PART)
        + r"\b(?!\s+(?:hours\s+)?of\b)"  # "the afternoon of the next day": the next phrase says which day
        + r"|(?:(?<=[Aa]t\s)|(?<=[Bb]y\s)|(?<=[Ii]n\s)|(?<=[Uu]ntil\s))"
        + group("alone", r"noon|midday|midnight|[Mm]id[\s-]?(?:morning|afternoon|evening)")
        + r"\b(?!\s+(?:on|of|yesterday|today|tomorrow|tonight)\b|,?\s+"
        + WEEKDAY
        + ")"
    )


def ordinal_day(group: Group) -> str:
    """ "the 28th of that month", "On the 5th": a day of the month the narrative is in."""
    return (
        r"[Tt]he\s+"
        + group("day", r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)")
        + r"(?:\s+of\s+(?:that|the\s+same|the)\s+month\b|(?=\s*[,.;:)]|\s+(?:and|when|as|at|was|were|saw)\b))"
    )


def offset_date(group: Group) -> str:
    """ "One month prior, on 26 November": the date itself carries the value."""
    return (
        NUMBER_WORD
        + rf"\s+{UNIT}\s+(?:prior|earlier|later|before|after),?\s+(?:on|in)\s+"
        + group("date", _simple(group, "o_"))
    )


def _count_of_units(group: Group) -> str:
    """ "two days", "three weeks": what "two days later", "three weeks ago", "ten days after the vote" count."""
    return group("count", NUMBER_WORD) + r"\s+" + group("unit", UNIT)


def _counted_part(group: Group, name: str) -> str:
    """ "second quarter", "half", "period": a part of a year, counted or not, its groups named after ``name``."""
    return (
        "(?:"
        + group(f"{name}_ordinal", words(COUNTED_PART_ORDINALS, either_case=False))
        + r"[\s-])?"
        + group(f"{name}_part", r"half|quarter|period")
        + r"\b"
    )


def part_of_year(group: Group) -> str:
    return (
        r"(?:[Tt]he\s+)?(?:"
        + group("ordinal", PART_ORDINAL)
        + r"\s+"
        + group("part", r"half|quarter")
        + "|"
        + group("two_quarters", r"(?:first|last)\s+two\s+quarters")  # a half: "the first two quarters of 1990"
        + r")\s+of\s+(?:"
        + group("year", f"{ERA_YEAR}|{YEAR4}")
        + "|"
        + group("anaphor", r"(?:the|that)\s+(?:same\s+)?year")
        + "|"
        + group("of_rel_year", r"next|last|this")
        + r"\s+year\b"
        + r")|(?:[Tt]he\s+)?"
        + group("year_first", YEAR4)
        + r"\s+"
        + _counted_part(group, "year_first")
        + "|"
        # "next year's first quarter"; "last year's quarter", "the corresponding period last year",
        # "the quarter a year ago": the quarter reported, a year before
        + group("rel_year", r"[Nn]ext|[Ll]ast|[Tt]his")
        + r"\s+year['’]s\s+"
        + _counted_part(group, "rel_year")
        + r"|[Tt]he\s+(?:(?:corresponding|comparable|same)\s+)?(?:quarter|period)\s+"
        + group("year_before", r"last\s+year|a\s+year\s+(?:ago|earlier)")
        + r"\b|(?:[Tt]he\s+)?"
        + group("bare_ordinal", words(COUNTED_PART_ORDINALS))
        + r"[\s-]"
        + group("bare_part", r"quarter")
        + r"\b|"
        + group("q", r"Q[1-4]|H[12]")
        + r"\s+"
        + group("qyear", YEAR4)
    )


def decade(group: Group) -> str:
    """ "the 1990s", "the late 1980s", "the '80s", "the nineties" (a short or spoken decade is of the 1900s)."""
    return (
        r"(?:[Tt]he\s+)?"
        + group("narrow", NARROWER)
        + "?(?:"
        + group("decade", r"(?<![\d,.])(?:\d{3}0|\d{2}0(?=s\s?B))")
        + r"'?s\b(?:\s?"
        + group("decade_era", r"BCE|BC|B\.C\.(?:E\.)?")
        + r")?|['’]"
        + group("decade_short", r"\d0")  # "the '80s": of the 1900s
        + r"s\b|(?<=the\s)"
        + group("decade_word", words(DECADE_WORDS, either_case=False))
        + r"\b)"
    )


def spoken_year(group: Group) -> str:
    """A year said in words, as in broadcast transcripts: "nineteen ninety-six", "the year two thousand"."""
    return (
        r"(?:"
        + group("month", MONTH)
        + r"\s+)?(?:[Tt]he\s+year\s+)?(?:"
        + group("century", words(SPOKEN_CENTURIES))
        + r"[\s-]+"
        + group("tens", words(SPOKEN_YEAR_PARTS, either_case=False))
        + r"(?:-"
        + group("units", words(SPOKEN_UNITS, either_case=False))
        + r")?|"
        + group("thousand", r"(?<=year\s)two\s+thousand")
        + r")\b"
    )


def short_year(group: Group) -> str:
    """A year cut to two digits after an apostrophe: "Club of '89", "the '99 Boys" (its century from the story)."""
    return r"(?<=[\s(]['’])" + group("yy", r"\d{2}") + r"(?![\w'’%]|[,.]\d)"  # not "''60 Minutes''"


def spoken_day(group: Group) -> str:
    """A day said in words after its month, as in broadcast transcripts: "March eighth"."""
    day = words(DAY_ORDINALS, either_case=False)
    return group("month", MONTH) + r"\s+(?:the\s+)?" + group("day", day) + r"(?![\w-])"


def century(group: Group) -> str:
    ordinal = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|{ORDINAL_WORD})"
    return (
        r"(?:[Tt]he\s+)?"
        + group("narrow", NARROWER)
        + "?"
        + group("ordinal", ordinal)
        + r"(?:[\s-]+[Cc]entury(?:\s+"
        + group("era", ERA_AFTER)
        + r")?|-(?=\s+(?:and|or|to)\s+(?:\w+[\s-]+)?\w+[\s-]century))"
    )


def season(group: Group) -> str:
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


def counted_from_happening(group: Group) -> str:
    """ "four days after the vote", "the day after the massacre", "two weeks before the election":
    counted from a happening the text names (its words, up to a clause break, are the anchor); "the fifth
    day of the rebellion" is its fifth day."""
    return (
        "(?:(?:"
        + _count_of_units(group)
        + r"|[Tt]he\s+"
        + group("the_unit", r"day|week|month|year")
        + r")\s+"
        + group("way", r"after|before")
        + r"|[Tt]he\s+"
        + group("nth", ORDINAL_WORD)
        + r"\s+day\s+of(?!\s+(?:the\s+)?(?:month|year|week|decade|century|war|conflict)\b))"
        + r"\s+"
        + group(
            "anchor",
            r"(?!\d|(?:that|this|which|it|then|last|past|coming|(?:the\s+)?(?:same|next|following|previous|new)\b)|"
            + MONTH
            + "|"
            + WEEKDAY
            + ")"
            r"[A-Za-z][\w'’-]*(?:[ \t]+(?!(?:and|but|when|while|which|who|as|in|on|at|to)\b)[\w'’-]+){0,5}",
        )
    )


def anaphoric(group: Group) -> str:
    """Phrases that take their value from the narrative so far ("the next day")."""
    noun = r"day|morning|afternoon|evening|night|week|month|quarter|year|decade|century|" + SEASON_WORDS
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
        + r"\b|[Tt]he\s+"  # "the previous Friday", "the following April": the one before or after the story's
        + group("named_dir", r"next|following|previous|preceding|subsequent")
        + r"\s+(?:"
        + group("named_weekday", WEEKDAY)
        + "|"
        + group("named_month", MONTH)
        + r")|"
        + group("that", r"(?:[Ll]ater|[Ee]arlier)\s+that|[Tt]hat")
        + r"\s+(?:same\s+)?"
        + group("that_noun", noun)
        + r"\b(?!-)|"
        + _count_of_units(group)
        + r"\s+"
        + group("way", r"later|earlier|previously|(?:before|after)(?=\s*[,.;:)])")
        + r"\b(?!\s+than\b)|[Tt]he\s+day\s+"
        + group("day_dir", r"after|before|following")
        + r"(?:(?<=following)(?!\s+(?:the|a|an|his|her|its|their)\b)|(?=\s*[.,;:)]|\s+(?:and|when|as|in)\b))|"
        + group(
            "edge",
            r"[Tt]he\s+(?:" + words(NARROWING_NOUNS, either_case=False)[3:-1] + r"|rest)\s+of\s+the"
            r"|" + words([*NARROWING_ADJECTIVES, *EDGE_ADVERBS]) + r"\s+in\s+the",
        )
        + r"\s+"
        + group("edge_noun", r"year|month")
        + r"\b|"
        # "later in the day" (not "at the end of the day", which says "in the end")
        + group("edge_day", words([*NARROWING_ADJECTIVES, *EDGE_ADVERBS]) + r"\s+in\s+the\s+day")
        + r"\b|"
        + group("end_noun", r"[Mm]onth|[Yy]ear")
        + r"['’]s\s+end\b|"  # "At month's end"
        + group("new_year", r"[Tt]he\s+[Nn]ew\s+[Yy]ear")  # "before the new year": 1 January of the next
        + r"\b(?!['’]s|\s+(?:of|in)\b)"
    )


def weekday(group: Group) -> str:
    """A day named by its weekday: "Friday", "last Tuesday", "early Monday", "10 p.m. Wednesday",
    "Friday afternoon", "Saturday, April 25" (then the date carries the value)."""
    return (
        r"(?:(?:[Tt]he\s+)?"
        + group("rel", PRESENT)
        + r"\s+)?(?:"
        + group("narrow", r"[Ee]arly|[Ll]ate|[Ee]arlier|[Ll]ater")
        + r"\s+)?(?:"
        + group("time", f"(?:{TIME}){ZONE}|[Nn]oon|[Mm]idnight")
        + r",?\s+(?:on\s+)?)?"
        + group("weekday", WEEKDAY + r"|(?:[Tt]he\s+)?weekend\b")
        + r"(?:\s+"
        + group("part", DAY_PART)
        + r"\b)?(?:,?\s+(?:the\s+)?"
        + group("date", _simple(group, "w_"))
        + r")?"
    )


def deictic(group: Group) -> str:
    """Phrases relative to the time of writing; kept only when a reference date is given.

    "this week" is written at the time of writing in news and at the story's
    time in a narrative: the reader marks it, the resolver decides."""
    return (
        group("word", r"[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ll]ast\s+night")
        + r"\b(?!-)|"
        + group("month", MONTH)
        + r"\s+"
        + group("month_rel", r"last|this|next")
        + r"\s+year\b|"
        + r"(?:[Tt]he\s+(?=(?:past|last|coming|current|present|upcoming)\s))?(?:"
        + group("narrow", r"[Ee]arl(?:y|ier)|[Ll]ater?|[Mm]id(?:dle)?")
        + r"[\s-](?:in\s+)?)?(?<!\bto\s)"
        + group("rel", PRESENT)
        + r"\s+"
        + group(
            "noun",
            r"(?:fiscal\s+)?year|month|week(?:end)?|quarter|decade|century|day|morning|afternoon|evening|"
            + SEASON_WORDS,
        )
        + r"\b(?!-)|"
        + r"(?:"
        + group("narrow_b", r"[Ee]arly|[Ll]ate|[Mm]id")
        + r"[\s-])?"
        + group("rel_month", PRESENT)
        + r"\s+"
        + group("month_b", MONTH)
        + r"(?:\s+"
        + group("day_b", DAY)
        + r")?|"
        + _count_of_units(group)
        + r"\s+"
        + group("ago", r"ago|from\s+now|hence")
        # "would be redeemed in five years": that far ahead (the reader checks the tense)
        + r"\b|(?<=[Ii]n\s)(?![Aa]n?\s)"
        + group("in_count", NUMBER_WORD)
        + r"\s+"
        + group("in_unit", UNIT)
        + r"\b(?!['’-]|\s+(?:of|or|and|to|ago|from|hence|later|earlier|before|after|since|time|running)\b)|"
        + r"(?:[Tt]he\s+)?(?:comparable\s+)?"
        + group("year_ago", r"[Yy]ear-(?:ago|earlier)")
        + r"(?:\s+"
        + group("year_ago_part", r"(?:third\s+|fourth\s+|first\s+|second\s+)?(?:quarter|period)")
        + r")?\b|"
        + group("the_quarter", r"[Tt]he\s+(?:(?:latest|most\s+recent)\s+)?quarter|[Tt]he\s+latest\s+period")
        + r"\b(?![\s-]+(?:of|century)\b|-)|"
        # "for the full year", "through the first nine months of the year", "a high for the year of $42":
        # the year written in
        + group(
            "the_year",
            r"(?:(?<=[Ff]or\s)|(?<=[Oo]f\s)|(?<=[Dd]uring\s))[Tt]he\s+(?:full\s+)?(?:fiscal\s+)?year\b"
            r"(?!\s+(?:\d|two|before|after|earlier|later|ago|when|that|in|of(?!\s+[$£€#])|to|since)\b|[-'’])",
        )
        + "|"
        + group("year_end", r"[Yy]ear[-\s]end\b|[Yy]ear['’]s\s+end\b")
    )


def plain(group: Group) -> str:
    """A simple date, maybe narrowed ("early May 1992") or widened to its week ("the week of March 6")."""
    return (
        "(?:" + group("narrow", NARROWER) + "|" + group("week_of", r"[Tt]he\s+week\s+of\s+") + ")?" + _simple(group, "")
    )


def named(name: str, pattern: str) -> str:
    """A rule's group as a named group, to read the parts of a span."""
    return f"(?P<{name}>{pattern})"


def anonymous(_name: str, pattern: str) -> str:
    """A rule's group without a name, for the one scanner of all rules."""
    return f"(?:{pattern})"


def scanner(rules: Iterable[tuple[str, Callable[[Group], str]]]) -> re.Pattern[str]:
    """All rules in one alternation, in order; the match's ``lastgroup`` names the rule.

    Anchored on a word boundary so that "1992" inside "A1992b" is not a year.
    """
    return re.compile(r"(?<![\w])(?:" + "|".join(f"(?P<{name}>{build(anonymous)})" for name, build in rules) + ")")


# The words a date phrase can start with. Finding these first and trying the
# rules only there is ten times faster than trying every rule at every word;
# a test checks that every phrase the rules find starts at a trigger.
_AFTER_THE = "|".join(
    [r"\d", r"['’]\d0s", "very", "next", "following", "previous", "preceding", "same", "prior", "subsequent",
     "day", "years?", SEASON_WORDS, ORDINAL_WORD, "year", "quarter", "weekend", "comparable", "latest", "most",
     "full", "fiscal", "corresponding", DECADE_WORDS_RE, PART_ORDINAL, "week", "month", "rest", r"new\s+year",
     words(PRESENT_DIRECTIONS, either_case=False),
     words(NARROWING_ADJECTIVES, either_case=False), DAY_PART,
     words({noun.split()[0] for noun in NARROWING_NOUNS}, either_case=False)]
)  # fmt: skip
# The first characters a trigger may start with ("coming", "upcoming" only after "the" or "this").
_TRIGGER_FIRST = "0-9AaCDEeFfHJLlMmNnOoPpQSsTtVvWwYy"
# What may follow a number of one to three digits that starts a date: an ordinal ending, a clock
# time ("5:34", "5 pm", "0945 hrs"), an era ("9 BC"), a decade before BC ("190s BC"), a range ("5–6",
# "5/6", "5 to 6", "5, 1992 to"), a month ("8 May", "8 of May") or a unit ("5 days ago"). Most bare
# numbers in prose ("1,000 kilometres", "1.2 million", "57,470 casualties") are followed by none of
# these; each was a scanner try that found nothing (more than half of all tries on news text).
_AFTER_DIGITS = (
    r"(?:st|nd|rd|th|:|/|,\s+\d|s\s?B|\s?[–—-]|\s?[AaPp]\.?[Mm]|\s?(?:B\.?C|A\.?D|CE)|\s?h"
    + r"|\s+(?:of\s+)?"
    + MONTH
    + r"|\s+(?:to|until|till|through|and)\s|\s+"
    + UNIT
    + ")"
)
_TRIGGERS = (
    r"\d{1,2}(?![\d,.]\d)(?=\d?"
    + _AFTER_DIGITS
    + r")|(?<=['’])\d\d|\d{4}(?![\d,.]\d)|"
    + r"\d{3}(?=\s?(?:[–—-]\s?\d|B\.?C|A\.?D|CE\b))"
    + f"|{MONTH}|AD\\b|A\\.D\\.|Q[1-4]\\b|H[12]\\b|{HOLIDAY}"
    + r"|[Tt]he(?=\s+(?i:"
    + _AFTER_THE
    + r"))"
    + r"|(?:[Tt]hat|[Tt]his)(?=\s+(?:same|day|morning|afternoon|evening|night|week|month|quarter|year|decade|century|"
    + SEASON_WORDS
    + r")\b)"
    + "|"
    + words(NARROWING_ADJECTIVES)
    + r"|[Vv]ery(?=\s)|"
    + SEASON
    + r"|[Yy]ear-|[Mm]onth['’]s\s+end\b|[Yy]ear(?=\s+end\b|['’]s\s+end\b)|"
    + words(SPOKEN_CENTURIES)
    + r"(?=[\s-]+[a-z])"
    + r"|[Nn]ext|[Ff]ollowing|[Pp]revious|[Pp]receding|[Ss]ame|[Pp]rior|[Ss]ubsequent|[Ll]ater|[Ee]arlier"
    r"|[Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight|[Ll]ast|[Pp]ast|[Nn]oon|[Mm]idnight|"
    + PRESENT
    + "|"
    + WEEKDAY
    + "|"
    + words(COUNTED_PART_ORDINALS)
    + r"(?=[\s-]quarter)"
    r"|" + ORDINAL_WORD + r"(?=[\s-]+[Cc]entury|-\s)"
    r"|" + NUMBER_WORD + r"(?=\s+(?:day|week|month|year|decade)s?\b)"
)


# Building an alternation grouped by first character. Python's regex engine
# skips, in one step, a branch that starts with a character other than the one
# at the position; a branch that starts with a group or a repeat it must enter.
# Grouped, each position tries the alternatives of its own first character
# only: the trigger stage runs about 3x faster, and finds the same matches.


def by_first_character(alternation: str, allowed: str) -> str:
    """``alternation`` (``a|b|…``) with its alternatives grouped under their first character,
    each group keeping their order: ``[Tt]he|May|this`` -> ``T(?:he)|t(?:he|his)|M(?:ay)``.

    At one position only alternatives starting with the character there can
    match, so the first that matches is the same. Groups are distributed over
    what follows them (``(?:a|b)c`` -> ``ac|bc``); alternatives starting with a
    character outside the class ``allowed`` are left out.
    """
    groups: dict[str, list[str]] = {}
    for alternative in _alternatives(alternation):
        for head, rest in _heads(alternative):
            if head == _DIGIT or re.fullmatch(f"[{allowed}]", head):
                groups.setdefault(head, []).append(rest)
    return "(?:" + "|".join(f"{head}(?:{'|'.join(rests)})" for head, rests in groups.items()) + ")"


_CASES = re.compile(r"\[([A-Za-z])([A-Za-z])\]")  # "[Tt]"
_DIGIT = "[0-9]"  # what a digit opening a trigger is: other scripts' digits (\d) never were
_DIGITS = re.compile(r"\\d(?:\{(\d+)(?:,(\d+))?\})?")  # "\d", "\d{4}", "\d{1,2}"


def _heads(alternative: str) -> list[tuple[str, str]]:
    """The (first character, rest) pairs one alternative stands for, in order."""
    if alternative.startswith("(?:"):
        end = _group_end(alternative)
        if alternative[end : end + 1] in ("?", "*", "+", "{"):
            raise ValueError(f"an optional group cannot be grouped by its first character: {alternative}")
        tail = alternative[end:]
        return [pair for inner in _alternatives(alternative[3 : end - 1]) for pair in _heads(inner + tail)]
    if alternative.startswith(("(?<=", "(?<!")):  # looking behind: moved after the first character
        end = _group_end(alternative)
        return [(head, f"{alternative[: end - 1]}{head})" + rest) for head, rest in _heads(alternative[end:])]
    cases = _CASES.match(alternative)
    if cases and cases[1].lower() == cases[2].lower():
        return [(cases[1], alternative[4:]), (cases[2], alternative[4:])]
    digits = _DIGITS.match(alternative)
    if digits:
        low, high = digits[1], digits[2]
        more = (
            ""
            if low is None
            else f"\\d{{{int(low) - 1}}}"
            if high is None
            else f"\\d{{{int(low) - 1},{int(high) - 1}}}"
        )
        return [(_DIGIT, more + alternative[digits.end() :])]
    if alternative[:1].isdigit():  # with the other digits, so that the order of alternatives holds
        return [(_DIGIT, f"(?<={alternative[0]})" + alternative[1:])]
    if alternative[:1].isalpha():
        return [(alternative[0], alternative[1:])]
    raise ValueError(f"cannot tell the first character of {alternative}")


def _alternatives(body: str) -> list[str]:
    """The top-level alternatives of a pattern."""
    parts, start = [], 0
    for position, token, depth, live in _tokens(body):
        if live and token == "|" and depth == 0:
            parts.append(body[start:position])
            start = position + 1
    parts.append(body[start:])
    return parts


def _group_end(pattern: str) -> int:
    """Where the group that opens ``pattern`` ends (just after its ")")."""
    for position, token, depth, live in _tokens(pattern):
        if live and token == ")" and depth == 0:
            return position + 1
    raise ValueError(f"unbalanced group: {pattern}")


def _tokens(pattern: str) -> Iterator[tuple[int, str, int, bool]]:
    """Each escape pair or character of a regular expression: (position, token, group depth after it,
    whether it is syntax). Escapes and what stands inside a character class are not syntax."""
    depth, position, in_class = 0, 0, False
    while position < len(pattern):
        char = pattern[position]
        if char == "\\":
            yield position, pattern[position : position + 2], depth, False
            position += 2
            continue
        live = not in_class
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        yield position, char, depth, live
        position += 1


TRIGGER = re.compile(r"(?<!\w)" + by_first_character(_TRIGGERS, _TRIGGER_FIRST))
