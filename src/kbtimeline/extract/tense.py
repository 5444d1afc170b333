"""Whether the words around a date speak of the past or the future of the time of writing.

"The talks ended in October", written in March 2013, is October 2012; "the talks
will resume in October" is October 2013. A careful reader of news settles such
dates by the tense of their clause. This is a cheap reading of the clause's
auxiliaries and verb endings, not a parser: a future marker wins (reported
speech, "said it would meet Friday", points forward), then a past one; with
neither, the caller keeps its default.
"""

from __future__ import annotations

import re
from typing import Literal

_WINDOW = 160
# The clause ends at a sentence end, a semicolon or a line break; not at the dot of an
# abbreviation ("Roe vs. Wade", "U.S. officials", "Dr. Slepian", "Oct. 23"). The lookahead first:
# the engine tries the pattern at every character, and one cheap test there is 15x faster than
# running all the lookbehinds before seeing that the character is no stop.
_CLAUSE_END = re.compile(
    r"(?=[.!?;](?:\s|$))(?<!\b[A-Z])(?<!\bvs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bMrs)(?<!\bGen)(?<!\bSen)(?<!\bRep)"
    r"(?<!\bGov)(?<!\bJan)(?<!\bFeb)(?<!\bAug)(?<!\bSep)(?<!\bOct)(?<!\bNov)(?<!\bDec)(?<!\bSept)"
    r"[.!?;](?:\s|$)|\n"
)
# The last clause end of a window: the engine runs to the window's end and tries ``_CLAUSE_END`` going back,
# stopping at the first it finds; finding them all from the start to keep the last cost 5x more. It ends
# where the last of them would: two ends are at most two characters long, and one can hide another only by
# taking its line break along ("." + "\n"), which ends at the same place.
_LAST_CLAUSE_END = re.compile(r"(?s:.*)(?:" + _CLAUSE_END.pattern + ")")
_FUTURE = re.compile(
    r"\b(?:will|won't|shall|would|'ll|(?:is|are|was|were)\s+(?:due|set|scheduled|expected|going|slated|planning)"
    r"|to\s+be\s+(?:held|released|signed|completed|made|paid)|plans?\s+to|intends?\s+to|upcoming"
    r"|expects?\s+to|next(?!\s+to\b)|coming)\b",
    re.IGNORECASE,
)
# "The sale, which had been expected, is part of a plan to pay it down by February": a clause set off
# by commas, the main verb after it, tells of something else ("Taylor, who stepped down as chairman,
# president and …" lists titles).
_RELATIVE_CLAUSE = re.compile(
    r",\s+(?:which|who|whose|whom)\b[^,]*,(?=\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might)\b)"
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|told|ago|last|earlier|began|came|went|took|gave|made|met|held|left|fell|rose"
    r"|won|lost|saw|found|sent|spoke|wrote|got|put|set|shot|hit|ran|broke|brought|bought|sold|paid|led|fought"
    r"|[a-z]{2,}ed)\b",
    re.IGNORECASE,
)


# The words nearest a date that say which way it lies: "said Friday" (past), "will succeed him
# Feb. 1" (future), "effective Dec. 7" and "until March 6" (a deadline ahead).
_FUTURE_WORDS = frozenset(
    "will would shall won't wouldn't going expected expects expect scheduled due slated plans "
    "intends effective until through upcoming next coming payable ahead".split()
)
_PAST_WORDS = frozenset(
    "was were had did said says told ago last earlier began came went took gave made met held left fell "
    "rose won lost saw found sent spoke wrote got put shot hit ran broke brought bought sold paid led fought "
    "since".split()
)
_UNTIL_WORDS = frozenset("until till".split())
_PASSIVE = frozenset("be been being".split())
# Words that point ahead only before certain words: "set to expire", "set for Friday" (but "set a
# record Friday"), "as soon as Tuesday", "planned to leave Thursday" (but "as planned Saturday night").
_FUTURE_BEFORE = {
    "set": frozenset("to for".split()),
    "soon": frozenset(["as"]),
    "planned": frozenset(["to"]),
    "plan": frozenset(["to"]),
}
# A participle after a determiner is an adjective ("the reduced dividend is payable Jan. 2").
_DETERMINERS = frozenset("a an the its his her their this that these those our".split())
_ADVERBS = frozenset("still yet so very most more less newly".split())
# Words in -ed that are no past tense.
_NOT_PAST = frozenset("succeed proceed exceed indeed united hundred kindred naked sacred wicked".split())
# Words that place a thing rather than tell of it ("rescued off the coast of Florida in late November"):
# the verb before them is no farther from the date.
_PLACING = frozenset("the a an of in on at off near into onto from across".split())
_WORD = re.compile(r"[A-Za-z']+")
_NEAR_WORDS_BEFORE, _NEAR_WORDS_AFTER = 6, 4


def _word_tense(word: str, before: str = "", after: str = "") -> Literal["past", "future"] | None:
    """What one word says of the tense, given the words just before and after it."""
    lowered = word.lower()
    if lowered == "next" and after.lower() == "to":
        return None  # "next to the embassy": a place
    if lowered in _FUTURE_WORDS or lowered.endswith("'ll") or after.lower() in _FUTURE_BEFORE.get(lowered, ()):
        return "future"
    if lowered in _PAST_WORDS:
        return "past"
    if len(lowered) > 4 and lowered.endswith("ed"):
        adjective = before.lower() in _DETERMINERS or lowered in _NOT_PAST
        return None if adjective else "past"
    return None


def _word_before(words: list[str], index: int) -> str:
    """The word before ``words[index]``, past any adverb ("a still unspecified date": "a")."""
    index -= 1
    while index > 0 and (words[index].lower() in _ADVERBS or words[index].lower().endswith("ly")):
        index -= 1
    return words[index] if index >= 0 else ""


def tense_of(text: str, start: int, end: int) -> Literal["past", "future"] | None:
    """The tense of the clause holding ``text[start:end]``, or None when it does not say.

    The verb nearest before the date decides ("said Friday that he would ..." is
    past), then the one nearest after it, then any marker in the clause. A
    possessive date ("Wednesday's ruling") names something that has happened;
    a plan seen from after it ("it had been due to expire Friday") may lie on
    either side, so the tense is not told.
    """
    if text.startswith("'s", end) or text.startswith("’s", end):
        return "past"
    before, after = _clause_around(text, start, end)
    words_before, words_after = _WORD.findall(before), _WORD.findall(after)
    nearest_before = [
        index for index in range(len(words_before) - 1, -1, -1) if words_before[index].lower() not in _PLACING
    ]
    nearest_after = range(len(words_after))
    for words, order in (
        (words_before, nearest_before[:_NEAR_WORDS_BEFORE]),
        (words_after, nearest_after[:_NEAR_WORDS_AFTER]),
    ):
        for index in order:
            tense = _word_tense(
                words[index], _word_before(words, index), words[index + 1] if index + 1 < len(words) else ""
            )
            if tense == "past" and index and words[index - 1].lower() in _PASSIVE:
                continue  # "will be held Thursday": the auxiliary before the participle decides
            if tense == "future" and "had" in (word.lower() for word in words[max(0, index - 2) : index]):
                return None  # "it had been due to expire Friday": a plan seen from after it, either side
            if words[index].lower() in _UNTIL_WORDS and "had" in (word.lower() for word in words_after):
                return "past"  # "Until Thursday, they had not called him a suspect": up to a day now past
            if tense is not None:
                return tense
    clause = _RELATIVE_CLAUSE.sub(" ", f"{before} {after}")
    if _FUTURE.search(clause):
        return "future"
    if _PAST.search(clause):
        return "past"
    return None


# A clause that looks back from where the story stands: a word that says so
# ("Meanwhile", "earlier", "previously") and the past perfect ("had been beaten").
# The past perfect alone is too common in histories to mean a flashback.
_PARTICIPLE = (
    r"(?:(?:not|never|already|also|just|been|[a-z]+ly)\s+){0,2}[a-z]+(?:ed|en|wn|ght|ne|un|ut|ft|ld|id|de|st|ck)\b"
)
_LOOKING_BACK = re.compile(r"\b(?:[Mm]eanwhile|[Ee]arlier|[Pp]reviously)\b.{0,80}\bhad\s+" + _PARTICIPLE)


def looks_back(text: str, start: int, end: int) -> bool:
    """Whether the clause holding ``text[start:end]`` tells of something before the story's present.

    A date in such a flashback lies before where the story stands and does not
    move it on ("Meanwhile the army had been beaten in late August", told after
    December, is the August before; "since January", told in June, is the January before)."""
    before, after = _clause_around(text, start, end)
    return (
        _SINCE.search(before) is not None
        or _PERFECT_RELATIVE.search(before) is not None
        or _LOOKING_BACK.search(f"{before} {after}") is not None
    )


def in_perfect_relative(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` stands in a relative clause in the past perfect ("forces that had invaded
    Burma in late 1943"): what it tells came before the story's present."""
    if _PERFECT_RELATIVE.search(text, max(0, start - _WINDOW), start) is None:
        return False  # the clause lies within the window: no need to find where it starts
    before, _ = _clause_around(text, start, end)
    return _PERFECT_RELATIVE.search(before) is not None


# "Chinese forces that had invaded Northern Burma in late 1943 besieged …": a relative clause in the past
# perfect tells what came before the story's present.
_PERFECT_RELATIVE = re.compile(r"\b(?:that|which|who)\s+had\s+" + _PARTICIPLE + r"[^,;:]*$")
# "boycotting the meetings since January": what has lasted since a month began before the story's present.
_SINCE = re.compile(r"\b[Ss]ince\s+$")


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the clause before and after ``text[start:end]``, within a window."""
    low = max(0, start - _WINDOW)
    before = text[low:start]
    last = _LAST_CLAUSE_END.match(before)
    if last is not None:
        before = before[last.end() :]
    after = text[end : end + _WINDOW]
    stop = _CLAUSE_END.search(after)
    if stop is not None:
        after = after[: stop.start()]
    return before, after


# "that lasted until the fall of Budapest in February 1945": the end of a state told from its
# start, a glance ahead after which the story goes on from where it was.
_UNTIL = re.compile(r"\b(?:until|till)\b(?!.*\b(?:when|then|and|but)\b)", re.IGNORECASE)
_UNTIL_WORD = re.compile(r"until|till", re.IGNORECASE)  # what any match of _UNTIL holds


def glances_ahead(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` ends a state that its clause tells from an earlier point ("lasted until")."""
    if _UNTIL_WORD.search(text, max(0, start - _WINDOW), start) is None:
        return False  # asked of every date, and most have no "until" near: the clause need not be found
    before, _ = _clause_around(text, start, end)
    return _UNTIL.search(before) is not None
