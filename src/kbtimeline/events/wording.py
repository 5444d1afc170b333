"""The last touches every title gets, whichever way its words were chosen.

A title is read alone on a timeline, so it must not carry the marks of being
cut out of a sentence: a bracket or quote without its partner, a stray comma
or dash at either end, a word that leads nowhere ("…captured by the"), a
lowercase first letter, the pronoun of a sentence the reader does not see.
"""

from __future__ import annotations

import re

from kbtimeline.events.reporting import reworded

MAX_WORDS = 17  # what a timeline line shows; a longer title beats a cut before the verb and its object
HARD_MAX_WORDS = 18  # the essential arguments may take a title this far before it is cut

PAIRS = (("(", ")"), ("[", "]"), ("{", "}"), ("“", "”"))
# Words a title may not end on: they promise more ("…the", "…of", "…and").
DANGLING = frozenset(
    "the a an of to in on at by for with and or but nor from as that which who whom whose its their his her "
    "into onto upon over under between among against during since until after before than".split()
)
# Words that open a clause: a cut just after one leaves a clause begun and not told.
SUBORDINATORS = frozenset("when where which who whom whose that while as after before because until since if".split())
# Openings that are not news: a conjunction, or the marker of a subordinate clause left alone.
_OPENING_LINK = re.compile(r"^(?:and|but|so|then|yet|or|nor)\b[\s,]*", re.IGNORECASE)
# A demonstrative or possessive that points into a sentence the reader does not see.
_ANAPHORIC_DETERMINER = re.compile(
    r"^(?:this|these|those|such|its|their|his|her)\s+(?=[a-z])(?!\w+ed\b|(?:was|were|is|are|has|had|led|began|became|"
    r"saw|made|took|came|brought|meant|gave|left|set|put|caused|followed|would|will|could|can|may|might)\b)",
    re.IGNORECASE,
)
# A time told relative to the story, left in a title after its date was taken out ("The siege was lifted
# a few months later, in May 1992"): read alone on a timeline it points nowhere.
_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|some|many|\d+)"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?|hours?)"
_RELATIVE_TIME = re.compile(
    rf",?\s*\b(?:{_NUMBER}\s+{_UNIT}\s+(?:later|earlier)|(?:(?:later|earlier)\s+)?(?:(?:on|in|by|during)\s+)?"
    r"(?:that|the (?:next|following|previous|same))\s+(?:day|morning|afternoon|evening|night|week|month|year))\b"
    r"(?!\s+(?:saw|was|were|of)\b)",
    re.IGNORECASE,
)
# Words every match of _RELATIVE_TIME holds: looking for them first is far cheaper than trying it at every character.
_RELATIVE_TIME_WORDS = re.compile(r"later|earlier|that|the (?:next|following|previous|same)", re.IGNORECASE)
_EDGE = " ,;:–—-/\"'“”‘’.…"


# Every title is tidied, and most need few of its substitutions: each is compiled once, and tried only
# on a title holding a character its matches need, or that it matches (``_rare``).
_SPACES = re.compile(r"\s+")
_EDITORS_NOTE = re.compile(r"\[[^\[\]]*\]")
_EMPTIED = re.compile(r"\(\s*[,;:]?\s*\)|\[\s*\]")
_SPACE_BEFORE_CLOSING = re.compile(r"\s+([,.;:)\]”’])")
_SPACE_AFTER_OPENING = re.compile(r"([(\[“‘])\s+")
_REPEATED_STOPS = re.compile(r"([,;:])(?:\s*[,;:])+")
_CONJUNCTION_COMMA = re.compile(r"\b(and|or|but),")
_ASIDE_ALONE = re.compile(r"^[(\[]([^()\[\]]*?)[\s,;]*[)\]]$")


# A stretch told by its end ("The siege lasted until 5 May 1942"): with the date gone, "The siege lasted" says
# nothing, and what happened at that date is the end ("He remained in office" still says where he was).
_UNTIL_BEFORE = re.compile(r"\b(?:until|till|up to)\s+$", re.IGNORECASE)
_STRETCH_VERB = re.compile(r"\b(?:lasted|continued|persisted|endured|went on)(…?)$")


def ended(title: str, before: str) -> str:
    """``title`` for a date that ends a stretch, said as the end: "The siege lasted" → "The siege ended".

    ``before``: the sentence up to the date phrase, which says whether the date was governed by "until".
    """
    return _STRETCH_VERB.sub(r"ended\1", title) if _UNTIL_BEFORE.search(before) else title


def tidy(text: str) -> str:
    """Spaces, punctuation and brackets as a reader expects them, the first letter a capital."""
    text = reworded(_SPACES.sub(" ", text))
    if "[" in text:
        text = _EDITORS_NOTE.sub("", text)  # an editor's note or insertion: "[full citation needed]", "[1992]"
    text = _RELATIVE_TIME.sub("", text) if _RELATIVE_TIME_WORDS.search(text) else text
    if "respectively" in text:  # it pairs with the dates taken out
        text = re.sub(r",?\s*\b(?:and\s+)?respectively\b", "", text)
    if "(" in text or "[" in text:
        text = _EMPTIED.sub("", text)  # brackets emptied by the date's removal
    text = _rare(_SPACE_BEFORE_CLOSING, r"\1", text)
    if "(" in text or "[" in text or "“" in text or "‘" in text:
        text = _SPACE_AFTER_OPENING.sub(r"\1", text)
    text = _rare(_REPEATED_STOPS, r"\1", text)  # ", ," left where a phrase was taken out
    text = _rare(_CONJUNCTION_COMMA, r"\1", text)
    text = text.strip()
    if text[:1] in ("(", "["):
        text = _ASIDE_ALONE.sub(r"\1", text)  # a clause that was an aside
    text = _balanced(text.strip(_EDGE)).strip(_EDGE)
    text = _rare(_REPEATED_STOPS, r"\1", text)  # ", \", I…": a lone quote gone leaves its commas
    text = _OPENING_LINK.sub("", text)
    text = _without_dangling_end(text)
    return text[:1].upper() + text[1:]


def _rare(pattern: re.Pattern[str], template: str, text: str) -> str:
    """``pattern.sub(template, text)``, searched for first: a substitution with a template that finds
    nothing costs more than twice a search."""
    return pattern.sub(template, text) if pattern.search(text) else text


def plain_subject(text: str) -> str:
    """ "Its members resigned" -> "The members resigned": a determiner pointing elsewhere made neutral."""
    return _ANAPHORIC_DETERMINER.sub("The ", text, count=1)


def cut(words: list[str], keep_at_least: int = 0) -> str:
    """The first words up to MAX_WORDS (more if ``keep_at_least`` asks, up to HARD_MAX_WORDS), marked "…".

    The cut goes back to a comma when one comes late enough, or to the end of the
    essentials when only a word or two would follow them, and never leaves a
    dangling word before the "…".
    """
    if len(words) <= MAX_WORDS:
        return " ".join(words)
    limit = min(max(MAX_WORDS, keep_at_least), HARD_MAX_WORDS - 1)
    if len(words) <= limit + 1:
        return " ".join(words)
    kept = words[:limit]
    if 0 < keep_at_least <= limit and len(kept) - keep_at_least < 3:  # "…signed an agreement promising…": a word or two
        kept = words[:keep_at_least]  # of the next phrase say nothing, the essentials end the title
    opening = [index for index in range(max(keep_at_least, len(kept) - 3), len(kept)) if kept[index] in SUBORDINATORS]
    if opening and opening[0] >= max(keep_at_least, 3):
        kept = kept[: opening[0]]  # "…made for Shusha when they were…": a clause begun and cut goes
    for index in range(len(kept) - 1, max(keep_at_least, MAX_WORDS // 2) - 2, -1):
        if kept[index].endswith(","):
            kept = kept[: index + 1]
            break
    while len(kept) > max(keep_at_least, 3) and kept[-1].lower().strip(",;:") in DANGLING:
        kept.pop()
    return _balanced(" ".join(kept).rstrip(",;:–—- ")) + "…"


def _balanced(text: str) -> str:
    """Each bracket and quote with its partner. A closing one without its partner ends an aside
    whose start was cut off, so the aside goes; an opening one never closed was cut, so it goes too."""
    for opening, closing in PAIRS:
        if opening not in text and closing not in text:
            continue  # most titles have no brackets: the walk below is the costly part
        depth = 0
        for position, char in enumerate(text):
            if char == opening:
                depth += 1
            elif char == closing and depth:
                depth -= 1
            elif char == closing:
                rest = text[position + 1 :].lstrip(" ,;:")
                text = rest if len(rest.split()) >= 3 else text[:position] + text[position + 1 :]
                return _balanced(text)
        while depth:
            position = text.rindex(opening)
            head = text[:position].rstrip(" ,;:")
            text = head if len(head.split()) >= 2 else text[:position] + text[position + 1 :]
            depth -= 1
    if text.count('"') % 2:
        text = text.replace('"', "")
    return text


def _without_dangling_end(text: str) -> str:
    if text.endswith("…"):
        return text
    words = text.split()
    while len(words) > 3 and words[-1].lower().strip(",;:") in DANGLING:
        words.pop()
    return " ".join(words).rstrip(_EDGE)
