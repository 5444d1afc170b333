"""Vocabulary of English date phrases, as plain tables.

The grammar builds its alternations from these tables and the readers look
words up in them, so a word added here is both found and read. The month
words are calendar words shared with the rest of the package (``model``).
"""

from __future__ import annotations

from kbtimeline.model import MONTH_ABBREVIATIONS, MONTH_NAMES, MONTHS, SEASONS

__all__ = [
    "BOUNDARY_MODIFIERS",
    "COUNTED_NOUNS",
    "COUNTED_PART_ORDINALS",
    "DAY_ORDINALS",
    "DAY_PARTS",
    "DECADE_WORDS",
    "DIRECTION_WORDS",
    "EDGE_ADVERBS",
    "HOLIDAYS",
    "IDENTIFIER_WORDS",
    "MONTHS",
    "MONTH_ABBREVIATIONS",
    "MONTH_NAMES",
    "MOVABLE_HOLIDAYS",
    "NARROWING_ADJECTIVES",
    "NARROWING_NOUNS",
    "NARROWING_WORDS",
    "NUMBER_WORDS",
    "ORDINALS",
    "PART_ORDINALS",
    "PRESENT_DIRECTIONS",
    "SEASONS",
    "SPOKEN_CENTURIES",
    "SPOKEN_UNITS",
    "SPOKEN_YEAR_PARTS",
    "THINGS_NAMED_BY_YEAR",
    "WEEKDAYS",
]  # fmt: skip

# Words in front of a phrase that change how it is read but are not part of its span.
BOUNDARY_MODIFIERS = {
    "by": "before", "before": "before", "until": "before", "till": "before", "prior to": "before",
    "after": "after", "since": "after", "from": None,
    "around": "approx", "about": "approx", "approximately": "approx", "circa": "approx",
    "roughly": "approx", "c.": "approx", "ca.": "approx",
}  # fmt: skip

# Words at the head of a phrase that narrow it (kept in the span): the interval stays whole.
# An adjective in front: "early 1992", "mid-1992", "late in 1992", "the early part of 1992".
NARROWING_ADJECTIVES = {"early": "early", "mid": "mid", "middle": "mid", "late": "late"}
# A noun with "of": "the end of 1992", "the dawn of the 1990s", "the latter part of 1992".
NARROWING_NOUNS = {
    "beginning": "early", "start": "early", "dawn": "early", "early part": "early",
    "first days": "early", "first weeks": "early", "first months": "early",
    "middle": "mid", "middle part": "mid",
    "end": "late", "close": "late", "latter part": "late", "later part": "late",
    "last days": "late", "last weeks": "late", "last months": "late",
    "turn": "approx",
}  # fmt: skip
# "later in the year", "earlier in the month": the narrowing words of a story-relative edge.
EDGE_ADVERBS = {"later": "late", "earlier": "early"}
NARROWING_WORDS = NARROWING_ADJECTIVES | NARROWING_NOUNS | EDGE_ADVERBS

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip

# "the nineties": decades said in words (of the 1900s).
DECADE_WORDS = {
    "twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60, "seventies": 70,
    "eighties": 80, "nineties": 90,
}  # fmt: skip
# A year said in words, "nineteen ninety-six": its century, then the rest of it.
SPOKEN_CENTURIES = {"eighteen": 18, "nineteen": 19, "twenty": 20}
SPOKEN_YEAR_PARTS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SPOKEN_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "twenty-second": 22,
}  # fmt: skip
# The days of a month said in words ("March eighth").
DAY_ORDINALS = ORDINALS | {
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26, "twenty-seventh": 27,
    "twenty-eighth": 28, "twenty-ninth": 29, "thirtieth": 30, "thirty-first": 31,
}  # fmt: skip

# Which half or quarter of a year: "the last quarter of 1993" (a half caps at 2).
# Counted ones can stand without their year ("the third quarter", "third-quarter").
COUNTED_PART_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
PART_ORDINALS = COUNTED_PART_ORDINALS | {"last": 4, "final": 4, "former": 1, "latter": 4}

# Relative phrases: which way they move from the anchor, in units of their noun.
DIRECTION_WORDS = {
    "next": 1, "following": 1, "subsequent": 1, "later": 1, "after": 1,
    "previous": -1, "preceding": -1, "prior": -1, "earlier": -1, "before": -1,
    "same": 0, "that": 0, "this": 0,
}  # fmt: skip

# Nouns after a bare number that make it a count, not a year ("1500 soldiers").
COUNTED_NOUNS = frozenset(
    """
    people persons men women children soldiers troops civilians refugees casualties
    deaths dead killed wounded prisoners fighters volunteers militants officers tanks
    vehicles aircraft planes helicopters guns rifles rockets missiles shells tons tonnes
    km km2 sq mi miles metres meters feet ft kg kilometres kilometers hectares acres
    votes voters families homes houses villages residents inhabitants ethnic armenians
    azerbaijanis units copies pages dollars rubles euros manat victims ships men-of-war
""".split()
)

# Things named by the year they were made ("the 1978 treaty", "his 1997 book"): such a year
# is not where the story stands.
THINGS_NAMED_BY_YEAR = frozenset(
    """
    treaty agreement accord accords pact convention constitution act law charter protocol resolution
    book novel memoir biography film movie documentary album song report study paper article edition
    census model version map painting speech letter declaration manifesto
""".split()
)

# Words right before a number that make it an identifier or a quantity, not a year.
IDENTIFIER_WORDS = frozenset(
    """
    resolution resolutions no no. nos. number nr. page pages p. pp. vol. volume issue
    isbn issn doi chapter ch. section article art. paragraph para. rule law code
    flight route highway model type version us$ $ £ € ¥ # some nearly almost
    estimated total totaling totalling
""".split()
)

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip

# Parts of a day ("Friday afternoon", "In the morning"): the day is the value.
DAY_PARTS = ("morning", "afternoon", "evening", "night", "noon", "midday", "midnight", "dawn", "dusk")

# Words in front of a weekday, a month or a unit that say which one, counted from the time of writing.
PRESENT_DIRECTIONS = {
    "last": -1, "past": -1, "this past": -1,
    "this": 0, "current": 0, "present": 0,
    "next": 1, "coming": 1, "this coming": 1, "upcoming": 1,
}  # fmt: skip

# Days named rather than numbered: (month, day).
HOLIDAYS = {
    "Christmas": (12, 25), "Christmas Day": (12, 25), "Christmas Eve": (12, 24),
    "New Year's Day": (1, 1), "New Year's Eve": (12, 31),
}  # fmt: skip
# Days named for a weekday of a month (United States): (month, weekday, the first day it can fall on).
# Thanksgiving is the fourth Thursday of November, the first Thursday from the 22nd; Election Day
# the Tuesday after the first Monday of November.
MOVABLE_HOLIDAYS = {
    "Thanksgiving": (11, 3, 22), "Thanksgiving Day": (11, 3, 22), "Election Day": (11, 1, 2),
    "Memorial Day": (5, 0, 25), "Labor Day": (9, 0, 1), "Mother's Day": (5, 6, 8), "Father's Day": (6, 6, 15),
}  # fmt: skip
