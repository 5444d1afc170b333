"""Dates counted from a happening the text names: "four days after the vote", "the day after the massacre".

A careful reader finds where the text dated that happening: an earlier sentence
that names it ("the vote" -> "Parliament voted on 3 May"; "the fall of Girona" ->
"Girona fell on 5 February") and holds a date. The date nearest the happening's
words is the anchor. Said right after a date ("On 27 June, two days after the
invasion"), the phrase is that date. With neither, the phrase has no value: it
is left out, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

Value = TypeVar("Value")

# Words that do not say which happening: articles, prepositions, pronouns, and the verbs
# of beginning and ending ("ten days after the battle began").
_STOP_WORDS = frozenset(
    """
    the a an of in on at to by for from with and or its his her their our this that these those
    began begun begin begins started start starts ended end ends was were had has have been being is are
    first last second final
    """.split()
)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ed", "es", "s", "e")
_MIN_STEM = 3
_SHARED_PREFIX = 4
_MAX_KEYS = 3
# How far back to look: the happenings of a story are named near where they are counted from.
LOOK_BACK = 200
# How near (in characters) the happening's words must stand to the date that dates it.
_NEAR = 120
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_AFTER_WAY = re.compile(r"\b(?:after|before|day\s+of)\s+")  # "the fifth day of the rebellion"
_SENTENCE_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s|\n")
_APPOSITION = re.compile(r"\s*(?:,|[-–—])\s*")


def _stem(word: str) -> str:
    word = word.lower().replace("’", "'").removesuffix("'s")
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            return word[: -len(suffix)]
    return word


def _same_word(stem: str, other: str) -> bool:
    """ "voted" and "vote", "invaded" and "invasion": one stem, or the first letters shared."""
    if stem == other:
        return True
    return min(len(stem), len(other)) >= _SHARED_PREFIX and stem[:_SHARED_PREFIX] == other[:_SHARED_PREFIX]


def happening_words(phrase_text: str) -> tuple[list[str], list[str]]:
    """The stems that name the happening after "after"/"before"/"day of", and those of them that are names.

    "the fall of Girona" -> (["fall", "giron"], ["giron"]); at most three, in order."""
    found = _AFTER_WAY.search(phrase_text)
    if found is None:
        return [], []
    keys, names = [], []
    for word in _WORD.findall(phrase_text[found.end() :]):
        if word.lower() in _STOP_WORDS:
            continue
        stem = _stem(word)
        keys.append(stem)
        if word[0].isupper():
            names.append(stem)
        if len(keys) == _MAX_KEYS:
            break
    return keys, names


def said_with(text: str, start: int, dated: Sequence[tuple[int, int, Value]]) -> Value | None:
    """The date the phrase at ``start`` stands beside ("On 27 June 1950, two days after the KPA
    invaded"), whose value it has; None when it does not follow a date."""
    if dated and _APPOSITION.fullmatch(text, dated[-1][1], start):
        return dated[-1][2]
    return None


def happening_date(text: str, start: int, end: int, dated: Sequence[tuple[int, int, Value]]) -> Value | None:
    """The value of the date that dates the happening ``text[start:end]`` counts from, or None.

    ``dated`` holds the spans and values of the dates before the phrase, in text order.
    """
    keys, names = happening_words(text[start:end])
    if not keys:
        return None
    needed = max(1, (len(keys) + 1) // 2)
    own_sentence = _sentence_start(text, start)
    for index in range(len(dated) - 1, max(-1, len(dated) - 1 - LOOK_BACK), -1):
        date_start, date_end, _ = dated[index]
        if date_end > own_sentence:
            continue
        low, high = _sentence_start(text, date_start), min(_sentence_end(text, date_end), start)
        places = _named_at(text, low, high, keys)
        matched = {key for key, _ in places}
        if len(matched) < needed or not all(name in matched for name in names):
            continue
        in_sentence = [item for item in dated[: index + 1] if item[0] >= low]
        distance, value = min(
            ((min(abs(item[0] - place) for _, place in places), item[2]) for item in in_sentence),
            key=lambda near: near[0],  # the nearest date; of two as near, the first (values do not order)
        )
        if distance <= _NEAR:  # the date is told with the happening, not elsewhere in a long sentence
            return value
    return None


def _named_at(text: str, low: int, high: int, keys: list[str]) -> list[tuple[str, int]]:
    """Which of ``keys`` the text between ``low`` and ``high`` names, and where."""
    places: list[tuple[str, int]] = []
    for word in _WORD.finditer(text, low, high):
        stem = _stem(word.group())
        places.extend((key, word.start()) for key in keys if _same_word(key, stem))
    return places


def _sentence_start(text: str, position: int) -> int:
    low = max(0, position - 600)
    start = low
    for found in _SENTENCE_BREAK.finditer(text, low, position):
        start = found.end()
    return start


def _sentence_end(text: str, position: int) -> int:
    found = _SENTENCE_BREAK.search(text, position, position + 600)
    return found.start() if found else min(len(text), position + 600)
