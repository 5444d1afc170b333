"""Which records are events of the story and which are context.

A date can be true and still not mark a happening of the story: the year of a
statistic or of a table the text lost ("the strength of each side in
1993–1994 was:"), the release of a book or film, a comparison ("as in
1991–1992"), a counterfactual ("would have been resolved in 1997"), the date
of a report or an opinion. Those records get ``kind = "context"``; views leave them out
unless asked. The cues are plain English and read only the record's sentence
and where its date sits in it, so they hold on any text; each cue has a name,
which the tests use as the reason for a row.

The rules err towards "event": hiding a happening costs a reader more than
showing a context line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import replace

from kbtimeline.model import Event

# Works whose date is their own, not the story's.
_WORK = (
    r"book|novel|film|movie|documentary|video game|game|album|song|play|opus|episode|series|memoir|"
    r"report|study|article|paper|census|survey|interview|edition|biography|essay|poem"
)
_WORK_RELEASED = re.compile(
    rf"\b(?:{_WORK})s?\b.*\b(?:published|released|premiered|aired|screened|came out|went on sale)\b"
    rf"|\b(?:published|released|premiered|aired|screened)\b.*\b(?:{_WORK})s?\b",
    re.IGNORECASE,
)
_RELEASE_STEMS = ("published", "released", "premiered", "aired", "screened", "came out", "went on sale")
# The date names a work or a prize: "his 1997 book", "a 2009 census", "the 2007 Tribeca Film Festival's prize".
_WORK_AFTER_DATE = re.compile(
    rf"^\s*(?:[A-Z][\w-]*\s+){{0,3}}(?:'s\s+|’s\s+)?(?i:{_WORK}|festival|prize|award)s?\b",
)
# A comparison: "as in 1991–1992", "than in 1990", "compared with (the carnage of) 1988", "as of May 2007",
# or with what another time saw, within one comma ("guarantees like those it would conclude with Russia (in
# 1997"), but not a likeness of what the clause tells ("troops like those of the 3rd Army crossed the river in
# May 1916").
# A figure: "886 million shares", "$2.03 a share", "4 pence"; not the first day of a span ("from 3 to 5 May").
_UNIT = r"(?!(?:to|through|till|until|and|or)\b)[a-z]+"
_FIGURE = rf"(?:an?\s+)?[$€£]?\d[\d,.]*(?:\s*(?:%|percent|per cent|{_UNIT}(?:\s+{_UNIT})?))?"
_COMPARISON_BEFORE = re.compile(
    r"\b(?:as in|than (?:in|during|at|on)|as during|as of|like in|similar to|compared (?:with|to)|relative to)"
    r"\s+(?:the\s+)?(?:[a-z]+\s+(?:of|in)\s+)?$"
    r"|\b(?:like|unlike|similar to)\s+(?:those|that|the ones?)\s+(?!of\b)[^;:.,]*$"
    # A figure to measure against, with the time it held: "up from 443.6 million Thursday", "compared with
    # 1.8353 marks and 141.52 yen Wednesday", "to $747.8 million from $623.5 million a year ago".
    rf"|\b(?:from|compared (?:with|to))\s+{_FIGURE}(?:\s*,?\s*(?:(?:and|or)\s+)?{_FIGURE})*\s*,?\s+(?:(?:on|in)\s+)?$",
    re.IGNORECASE,
)
# A look back measured against another time: "since the previous year", "as in the year before".
_LOOKING_BACK = frozenset({"the previous year", "the year before", "the preceding year", "the prior year"})
_LOOKING_BACK_BEFORE = re.compile(r"\b(?:since|as in|than in|than|during|for|compared (?:with|to))\s+$", re.I)
# Counterfactuals and plans: "would have been resolved in 1997", "elections due in June".
_UNREAL_BEFORE = re.compile(
    r"\b(?:would|could|might|should|must) have\b[^;:.]*$"
    r"|\b(?:due|scheduled|slated|planned|projected|set) (?:for|in|on|by)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_UNREAL_AFTER = re.compile(r"\b(?:would|could|might|should|must) have\b", re.IGNORECASE)
# A forecast or an expectation: "is expected to do little better in the fourth quarter", "will continue through
# next year", "predicted earnings of $4 a share for this year", "his estimate for next year": what someone
# expects of a time, not what happened at it. A day someone "will" act on is a plan the news reports ("The
# monarch will meet Bush on Thursday"), so "will" counts for a coarser time only; "the will of the people" is
# no future, "an estimated 20,000 died in 1992" a count of what happened, and "Cuba predicted Wednesday"
# dates the predicting.
_EXPECTING = (
    r"\b(?:is|are|was|were)\s+(?:widely\s+)?expected\s+to|\bexpects?\s+to"
    r"|\b(?:predict(?:s|ed)?|forecasts?)\s+(?!(?:on|in|at|during)\s+$)(?=\w)|\bestimates?\s+for"
)
_WILL = (
    r"(?<!\bthe )(?<!\bhis )(?<!\bher )(?<!\btheir )(?<!\bits )\bwill\s+(?:not\s+|also\s+|likely\s+|probably\s+)?"
    r"(?!be\s+\w+ed\b)[a-z]{2,}"
)
_EXPECTING_BEFORE = re.compile(rf"(?:{_EXPECTING})[^;:.,]*$", re.IGNORECASE)
_WILL_BEFORE = re.compile(rf"(?:{_WILL})\b[^;:.,]*$", re.IGNORECASE)
_EXPECTING_AFTER = re.compile(rf"^[^;:.]*?(?:{_EXPECTING})", re.IGNORECASE)
_WILL_AFTER = re.compile(rf"^[^;:.]*?(?:{_WILL})\b", re.IGNORECASE)
# What follows the date is its clause's only where the date opens it ("Next year, the company will…"); after
# "officials said Monday" or "the earthquake last month", the date is the saying's or the noun's.
_OPENS_CLAUSE = re.compile(r"^\W*(?:(?:in|by|for|during|through|over|from|until|on|at)\s+(?:the\s+)?)?$", re.IGNORECASE)
# An attribution: "X opined in 2008", "a correspondent who visited in 1994 noted that",
# "testified to by X, in 1992". "was reported to have" is hearsay about a happening, not
# the date of a report: a passive counts only with its agent ("by").
_SAYING = r"opined|noted|wrote|testified|observed|commented|remarked|stated|reported|argued"
_NOT_PASSIVE = r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )"
# Before the date: the verb with its agent or right before the date ("opined in 2008"), not
# "noted that by December" (the date then belongs to what was said).
_SAYING_BEFORE = re.compile(
    rf"\b(?:{_SAYING})\s+(?:to\s+)?by\b[^;]*$|{_NOT_PASSIVE}\b(?:{_SAYING}|reporting)(?:\s+(?!that\b)\w+){{0,2}}\s+$",
    re.IGNORECASE,
)
# After the date: the clause's own verb, not one of a relative clause ("a resolution, which stated").
_SAYING_AFTER = re.compile(rf"{_NOT_PASSIVE}\b(?:{_SAYING}|reporting)\b", re.IGNORECASE)
_RELATIVE_CLAUSE = re.compile(r"\b(?:which|who|that|and)\b", re.IGNORECASE)
_SAYING_STEMS = ("opined", "noted", "wrote", "testified", "observed", "commented", "remarked", "stated", "report",
                 "argued")  # fmt: skip
_SAYING_WINDOW = 200  # characters each side of the date, within its clause
# A statistic: a quantity with a measuring verb ("were producing 21.5 million tons",
# "possessed a fleet of 12 gunships", "had dwindled to three-quarters").
_QUANTITY = re.compile(
    r"\b\d[\d,.]*\s*(?:%|percent|per cent|million|billion|thousand|tons?|tonnes|barrels)"
    r"|\b(?:a total of|a fleet of|dozens of|hundreds of|thousands of|half|a third|three-quarters|two-thirds)\b"
    r"|\b\d{1,3}(?:,\d{3})+\b",
    re.IGNORECASE,
)
_MEASURE = re.compile(
    r"\b(?:producing|produced|production|possess\w*|(?<!-)numbered|totall?ed|amounted|output|dwindled|dropped|"
    r"stood at)\b",
    re.IGNORECASE,
)
# A lead-in to a table or list ("The strength of each side in 1993–1994 was:"): a copula waits at the colon for
# figures the text lost or lists, so the date is theirs, like a statistic's. Its date is still a date of the text.
# Only a date that ends the subject counts: "On 5 May the terms were:" dates the terms, which the list gives.
_LEAD_IN_AFTER = re.compile(r"^[)\]]?\s+(?:was|were|is|are)\s*:", re.IGNORECASE)
# A running total since or up to a date: "since the June 1992 offensive, they had captured dozens of tanks",
# "had bought 481,000 shares through Sept. 29".
_SINCE_BEFORE = re.compile(r"\b(?:since|through)\s+(?:the\s+)?$", re.IGNORECASE)
# A century used as an adjective ("late nineteenth- and early twentieth-century figures")
# describes, it does not date.
_CENTURY_ADJECTIVE = re.compile(r"-century$|-$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[;:]|\.\s")
# A voice the story is not told in: a witness speaking ("X told us this on 15 February") or the
# present of the telling ("The 1992–94 war figures heavily in popular media"), which is analysis.
# "I" after or before a capitalised word is a numeral ("World War I", "I Corps"); words in quotes are someone's, quoted.
_FIRST_PERSON = re.compile(r"\b(?:me|my|we|us|our)\b|(?:^|(?<![\w'’-])[a-z][\w'’-]*[,;:]?\s+|[,;:]\s+)I\b(?!\s+[A-Z])")
_QUOTED = re.compile(r"\"[^\"]*(?:\"|$)|“[^”]*(?:”|$)|``.*?(?:''|$)")
_SUBJECT_OPENING = re.compile(r"\s*(?:[Tt]he\s+|[Ii]ts\s+|[Tt]heir\s+)?")
_PAST = re.compile(r"\b(?:was|were|had|did|been|\w{2,}ed)\b", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:is|are|remains?|continues?|persists?|figures)\b")
# A text mostly told in one of those voices (a memoir, a story in the present) keeps its dates as events:
# the voice counts only where under this share of a text's dated sentences use it ...
VOICE_SHARE = 0.2
# ... and a text of fewer dated sentences is too short to tell which voice is its own.
VOICE_SENTENCES = 5


class _Date:
    """A record's sentence seen from its date: the words of its clause before it and after it, itself, and
    the rest of the sentence after it."""

    def __init__(self, event: Event) -> None:
        offset = event.span[0]
        start, end = event.date_span[0] - offset, event.date_span[1] - offset
        self.sentence, self.phrase = event.text, event.text[start:end]
        self.before, self.after = _clause_before(event.text[:start]), _clause_after(event.text[end:])
        self.following = event.text[end:]
        self.granularity = event.granularity


def _clause_before(text: str) -> str:
    ends = list(_CLAUSE_END.finditer(text))
    return text[ends[-1].end() :] if ends else text


def _clause_after(text: str) -> str:
    end = _CLAUSE_END.search(text)
    return text[: end.start()] if end else text


def _work(date: _Date) -> bool:
    return _released(date.sentence) or _WORK_AFTER_DATE.match(date.after) is not None


def _comparison(date: _Date) -> bool:
    looking_back = date.phrase.lower() in _LOOKING_BACK and _LOOKING_BACK_BEFORE.search(date.before) is not None
    return looking_back or _COMPARISON_BEFORE.search(date.before) is not None


def _unreal(date: _Date) -> bool:
    own_clause = _RELATIVE_CLAUSE.split(date.after, 1)[0]  # "in 1954, 80 per cent would have voted for X"
    return bool(_UNREAL_BEFORE.search(date.before) or _UNREAL_AFTER.search(own_clause))


def _forecast(date: _Date) -> bool:
    coarse = date.granularity not in ("day", "week")
    if _EXPECTING_BEFORE.search(date.before) or (coarse and _WILL_BEFORE.search(date.before)):
        return True
    own_clause = _RELATIVE_CLAUSE.split(date.after, 1)[0]
    if _OPENS_CLAUSE.match(date.before) is None:
        return False
    return _EXPECTING_AFTER.search(own_clause) is not None or (coarse and _WILL_AFTER.search(own_clause) is not None)


def _attribution(date: _Date) -> bool:
    if not _says(date.sentence):
        return False
    return bool(
        _SAYING_BEFORE.search(date.before[-_SAYING_WINDOW:])
        or _SAYING_AFTER.search(_RELATIVE_CLAUSE.split(date.after[:_SAYING_WINDOW], 1)[0])
    )


def _statistic(date: _Date) -> bool:
    return _quantified(date.sentence) and (_measured(date.sentence) or _SINCE_BEFORE.search(date.before) is not None)


# What holds for a whole sentence is decided once for all its dates.
@functools.lru_cache(maxsize=256)
def _says(sentence: str) -> bool:
    lower = sentence.lower()
    return any(verb in lower for verb in _SAYING_STEMS)


@functools.lru_cache(maxsize=256)
def _released(sentence: str) -> bool:
    lower = sentence.lower()  # most sentences hold no release verb: looking for one is cheap
    return any(verb in lower for verb in _RELEASE_STEMS) and _WORK_RELEASED.search(sentence) is not None


@functools.lru_cache(maxsize=256)
def _quantified(sentence: str) -> bool:
    return _QUANTITY.search(sentence) is not None


@functools.lru_cache(maxsize=256)
def _measured(sentence: str) -> bool:
    return _MEASURE.search(sentence) is not None


def _caption(date: _Date) -> bool:
    return _LEAD_IN_AFTER.match(date.following) is not None


def _descriptive(date: _Date) -> bool:
    return bool(_CENTURY_ADJECTIVE.search(date.phrase)) and "-century" in (date.phrase + date.after[:40]).lower()


def _testimony(date: _Date) -> bool:
    return _first_person(date.sentence)


def _present(date: _Date) -> bool:
    # Only a date of the subject the sentence opens with ("The 1992–94 war figures…"): a happening named
    # further on ("is serving a sentence for the 1995 assassination") is still the story's.
    return _SUBJECT_OPENING.fullmatch(date.before) is not None and _in_present(date.sentence)


@functools.lru_cache(maxsize=4096)  # asked of every sentence of a text, then again of each record
def _first_person(sentence: str) -> bool:
    return _FIRST_PERSON.search(_QUOTED.sub(" ", sentence)) is not None


@functools.lru_cache(maxsize=4096)
def _in_present(sentence: str) -> bool:
    return _PRESENT.search(sentence) is not None and _PAST.search(sentence) is None


# Each cue with the name a test row gives as its reason, tried in this order.
CUES: tuple[tuple[str, Callable[[_Date], bool]], ...] = (
    ("work", _work),
    ("comparison", _comparison),
    ("counterfactual", _unreal),
    ("forecast", _forecast),
    ("attribution", _attribution),
    ("statistic", _statistic),
    ("caption", _caption),
    ("descriptive", _descriptive),
    ("testimony", _testimony),
    ("present", _present),
)
# The cues of a voice, and the test on a whole sentence that says whether it speaks in that voice.
VOICES = {"testimony": _first_person, "present": _in_present}


def context_cue(event: Event, own_voices: frozenset[str] = frozenset()) -> str | None:
    """The name of the first cue that makes ``event`` context, or None for an event of the story.

    ``own_voices``: the voice cues ("testimony", "present") that are the text's own way of telling, not cues.
    """
    date = _Date(event)
    return next((name for name, cue in CUES if name not in own_voices and cue(date)), None)


def classify(events: list[Event]) -> list[Event]:
    """The records with their ``kind`` set, in the same order."""
    voices: dict[str, frozenset[str]] = {}
    for source in {event.source for event in events}:
        sentences = {event.text for event in events if event.source == source}
        voices[source] = frozenset(
            name
            for name, speaks in VOICES.items()
            if len(sentences) >= VOICE_SENTENCES and sum(map(speaks, sentences)) >= VOICE_SHARE * len(sentences)
        )
    return [replace(event, kind="context" if context_cue(event, voices[event.source]) else "event") for event in events]
