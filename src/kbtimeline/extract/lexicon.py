"""Vocabulary of English date phrases, as plain tables next to the code that uses them."""

from __future__ import annotations

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan.": 1, "feb.": 2, "mar.": 3, "apr.": 4, "jun.": 6, "jul.": 7, "aug.": 8,
    "sep.": 9, "sept.": 9, "sept": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}  # fmt: skip

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip

# (first month, number of months); winter starts in December and runs into the next year.
SEASONS = {
    "spring": (3, 3), "summer": (6, 3), "autumn": (9, 3), "fall": (9, 3), "winter": (12, 3),
}  # fmt: skip

# Words in front of a phrase that change how it is read but are not part of its span.
BOUNDARY_MODIFIERS = {
    "by": "before", "before": "before", "until": "before", "till": "before", "prior to": "before",
    "after": "after", "since": "after", "from": None,
    "around": "approx", "about": "approx", "approximately": "approx", "circa": "approx",
    "roughly": "approx", "c.": "approx", "ca.": "approx",
}  # fmt: skip

# Words at the head of a phrase that narrow it (kept in the span): the interval stays whole.
PHRASE_MODIFIERS = {
    "early": "early", "beginning": "early", "start": "early", "dawn": "early",
    "mid": "mid", "middle": "mid",
    "late": "late", "end": "late", "close": "late", "latter": "late",
    "turn": "approx", "circa": "approx", "c.": "approx", "ca.": "approx",
}  # fmt: skip

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
    "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "last": 4, "final": 4, "former": 1, "latter": 2,
}  # fmt: skip

# Relative phrases: which way they move from the anchor, in units of their noun.
DIRECTION_WORDS = {
    "next": 1, "following": 1, "subsequent": 1, "later": 1, "after": 1,
    "previous": -1, "preceding": -1, "prior": -1, "earlier": -1, "before": -1,
    "same": 0, "that": 0, "this": 0,
}  # fmt: skip

# Nouns after a bare number that make it a count, not a year ("1500 soldiers").
COUNTED_NOUNS = frozenset("""
    people persons men women children soldiers troops civilians refugees casualties
    deaths dead killed wounded prisoners fighters volunteers militants officers tanks
    vehicles aircraft planes helicopters guns rifles rockets missiles shells tons tonnes
    km km2 sq mi miles metres meters feet ft kg kilometres kilometers hectares acres
    votes voters families homes houses villages residents inhabitants ethnic armenians
    azerbaijanis units copies pages dollars rubles euros manat victims ships men-of-war
""".split())

# Words right before a number that make it an identifier or a quantity, not a year.
IDENTIFIER_WORDS = frozenset("""
    resolution resolutions no no. nos. number nr. page pages p. pp. vol. volume issue
    isbn issn doi chapter ch. section article art. paragraph para. rule law code
    flight route highway model type version us$ $ £ € ¥ # some nearly almost
    estimated total totaling totalling
""".split())

# Days named rather than numbered: (month, day).
HOLIDAYS = {
    "Christmas": (12, 25), "Christmas Day": (12, 25), "Christmas Eve": (12, 24),
    "New Year's Day": (1, 1), "New Year's Eve": (12, 31),
}  # fmt: skip
