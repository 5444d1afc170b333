"""Events in, entries out: the range, search, filter, grouping into happenings, sort and limit behind every query.

Pure: no files, no terminal. Search compares *folded* text (accents and case
removed, a few letters transliterated) so ``Susa`` finds "Şuşa", and it
widens a place name to its other spellings from the alias table, because the
article spells the same town several ways.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from kbtimeline.errors import KbTimelineError, UsageError
from kbtimeline.model import GRANULARITIES, GRANULARITY_RANK, THIRDS, Day, Event, third

# Letters NFKD leaves whole but a reader of the Latin alphabet treats as a
# plain letter; ə follows the usual Azerbaijani transliteration (Ağdərə ->
# Agdara).
TRANSLITERATION = {
    "\N{LATIN SMALL LETTER DOTLESS I}": "i", "ə": "a", "ø": "o", "đ": "d", "ð": "d",
    "ł": "l", "ħ": "h", "æ": "ae", "œ": "oe", "þ": "th",
}  # fmt: skip

Spelling = tuple[str, ...]  # a name as its folded words: ("nagorno", "karabakh")


class _FoldTable(dict[int, str]):
    """A ``str.translate`` table that works out each character's folding once, on first sight."""

    def __missing__(self, code: int) -> str:
        import unicodedata  # lazy: ASCII text, most of it, never gets here

        decomposed = unicodedata.normalize("NFKD", chr(code))
        bare = "".join(char for char in decomposed if not unicodedata.combining(char)).casefold()
        folded = "".join(TRANSLITERATION.get(char, char) for char in bare)
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Case- and accent-free form of ``text`` for comparison ("Şuşa" -> "susa")."""
    return text.lower() if text.isascii() else text.translate(_FOLD)


def words(text: str) -> list[str]:
    """The folded words of ``text``; punctuation and hyphens separate words."""
    return written_words(fold(text))


def written_words(text: str) -> list[str]:
    """The words of ``text`` as written, for a vocabulary that keeps their spelling."""
    return re.findall(r"\w+", text)


class Search(NamedTuple):
    """A compiled query: one pattern per term; all must match (with ``match_any``, one).

    ``spellings`` keeps, for each term, the folded word sequences its pattern
    accepts (none for regular expressions), so an index can look them up
    without reading the patterns back.
    """

    patterns: tuple[re.Pattern[str], ...]
    match_any: bool = False
    regex: bool = False
    spellings: tuple[tuple[Spelling, ...], ...] = ()
    whole_words: bool = False

    def matches(self, event: Event) -> bool:
        return self.matches_text(event.text)

    def matches_text(self, text: str) -> bool:
        """The test behind ``matches``, on a sentence alone: what an SQL function can call."""
        haystack = text if self.regex else fold(text)
        hits = (pattern.search(haystack) for pattern in self.patterns)
        return any(hits) if self.match_any else all(hits)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the terms occur in ``text`` (original offsets), for highlighting."""
        if self.regex:
            found = (m.span() for p in self.patterns for m in p.finditer(text))
            return [(start, end) for start, end in found if end > start]
        folded, origins = _fold_with_origins(text)
        return [
            (origins[m.start()], origins[m.end() - 1] + 1)
            for pattern in self.patterns
            for m in pattern.finditer(folded)
        ]


def compile_search(
    query: Sequence[str],
    *,
    match_any: bool = False,
    regex: bool = False,
    aliases: Mapping[str, Sequence[str]] | None = None,
    whole_words: bool = False,
) -> Search:
    """Each item of ``query`` is one term; the words inside one item must appear together.

    A term matches at the start of a word: "Shusha" finds "Shusha's", but "war"
    does not find "toward"; with ``whole_words`` it matches whole words only
    ("UN" finds "UN", not "United"). A term that spells a name in ``aliases``
    also matches every other spelling of that name; pass no aliases for exact terms.
    """
    if not query or not all(term.strip() for term in query):
        raise UsageError("empty search query; give at least one word, e.g. search Shusha")
    if regex and whole_words:
        raise UsageError("--word and --regex do not combine; write \\b around the expression instead")
    if regex:
        patterns = tuple(_compile_regex(term) for term in query)
        return Search(patterns, match_any=match_any, regex=True)
    index = _alias_index(aliases or {})
    compiled, alternatives_of_terms = [], []
    for term in query:
        phrase = tuple(words(term))
        if not phrase:
            raise UsageError(f"search term {term!r} has no letters or digits to look for")
        # Longest spelling first, so a highlight covers "Nagorno-Karabakh", not "Nagorno".
        spellings = sorted({phrase} | index.get(phrase, set()), key=lambda s: (-len(" ".join(s)), s))
        alternatives = "|".join(r"\W+".join(map(re.escape, spelling)) for spelling in spellings)
        end = r"(?!\w)" if whole_words else ""
        compiled.append(re.compile(rf"(?<!\w)(?:{alternatives}){end}"))
        alternatives_of_terms.append(tuple(spellings))
    return Search(tuple(compiled), match_any=match_any, spellings=tuple(alternatives_of_terms), whole_words=whole_words)


def suggest(texts: Iterable[str], query: Sequence[str], aliases: Mapping[str, Sequence[str]]) -> list[str]:
    """Known words close to the query words that occur nowhere: the "did you mean" list.

    ``texts`` are the events' sentences, or any texts holding the same words
    in the same first-seen order (an index keeps just those words): a word is
    suggested in the spelling it first had.
    """
    import difflib  # lazy: only needed when a search found nothing

    names = [name for canonical, others in aliases.items() for name in (canonical, *others)]
    vocabulary: dict[str, str] = {}
    for text in [*texts, *names]:
        for word in written_words(text):
            vocabulary.setdefault(fold(word), word)
    suggestions: list[str] = []
    for word in (word for term in query for word in words(term)):
        if any(known.startswith(word) for known in vocabulary):
            continue
        for close in difflib.get_close_matches(word, vocabulary, n=3, cutoff=0.75):
            if vocabulary[close] not in suggestions:
                suggestions.append(vocabulary[close])
    return suggestions


SORTS: dict[str, Callable[[Event], tuple[Any, ...]]] = {
    "date": Event.sort_key,
    "source": lambda event: (event.source, event.date_span),
    "granularity": lambda event: (GRANULARITY_RANK[event.granularity], *event.sort_key()),
}


class Criteria(NamedTuple):
    """Everything a query command can ask for; ``select`` checks it makes sense.

    ``inside_first``: the entries dated inside the period come before those that reach beyond it
    (``scope``, of a happening its representative's), each part in the order ``sort`` asks for.
    """

    start: Day | None = None
    end: Day | None = None
    within: bool = False
    search: Search | None = None
    granularities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    sort: str = "date"
    reverse: bool = False
    limit: int | None = None
    inside_first: bool = False
    context: bool = False  # --all: context records too, not only events
    mentions: bool = False  # --mentions: every record on its own, not one entry per happening


class Happening(NamedTuple):
    """One entry of a view: the record shown and the ids of the records it stands for.

    ``event`` is the happening's representative (the record whose id is the
    ``happening`` of them all); ``mentions`` the ids of all its records, in
    input order, itself included. Under ``--mentions`` every record is an
    entry of its own and ``mentions`` is empty: a record, not a happening.
    """

    event: Event
    mentions: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The representative's record, plus ``mentions`` when the entry is a happening."""
        record = self.event.to_dict()
        if self.mentions:
            record["mentions"] = list(self.mentions)
        return record


def select(events: Sequence[Event], criteria: Criteria) -> list[Happening]:
    """The entries ``criteria`` asks for, sorted, reversed and limited as it says: the one grouping rule.

    One entry per happening, its representative: the record whose id is the
    records' ``happening`` (the first in input order when none is, or several
    are). A happening is shown with its representative's date, so the range,
    ``granularities``, ``sources`` and the kind (context left out unless
    ``criteria.context``) are asked of the representative: a "1992" mention
    of a late-February happening does not put it in May. The words are
    asked of every mention: a search finds the happening when any of its
    sentences has them (the footnote that names Khojaly). Sort and limit
    count happenings; ``inside_first`` puts those whose representative is
    dated inside the range (``scope``) first. With ``criteria.mentions``
    every record is asked everything and is an entry of its own. The SQLite
    index mirrors this rule (``storage.sqlite.SqliteEvents.select``).

    By default an event is in a range when its interval overlaps it: "1992"
    overlaps a range ending 1992-01-31. ``within`` keeps only events whose
    whole interval lies inside.
    """
    check(criteria, (event.source for event in events))
    search = criteria.search
    if criteria.mentions:
        chosen = [
            Happening(event)
            for event in events
            if _shown(event, criteria) and (search is None or search.matches(event))
        ]
    else:
        members: dict[str, list[int]] = {}
        for number, event in enumerate(events):
            members.setdefault(event.happening, []).append(number)
        # (representative's input position, its happening's positions), in the representatives' input order
        groups = sorted(
            (next((n for n in numbers if events[n].id == happening), numbers[0]), numbers)
            for happening, numbers in members.items()
        )
        chosen = [
            Happening(events[first], tuple(events[n].id for n in numbers))
            for first, numbers in groups
            if _shown(events[first], criteria) and (search is None or any(search.matches(events[n]) for n in numbers))
        ]
    chosen.sort(key=lambda entry: SORTS[criteria.sort](entry.event), reverse=criteria.reverse)
    if criteria.inside_first:  # a stable sort: each part keeps the order above
        chosen.sort(key=lambda entry: scope(entry.event, criteria.start, criteria.end) != INSIDE)
    return chosen if criteria.limit is None else chosen[: criteria.limit]


def _shown(event: Event, criteria: Criteria) -> bool:
    """Whether a view may show ``event`` as it is dated and kept: everything ``criteria`` asks but the words."""
    return (
        in_range(event, criteria.start, criteria.end, within=criteria.within)
        and (not criteria.granularities or event.granularity in criteria.granularities)
        and (not criteria.sources or event.source in criteria.sources)
        and (criteria.context or event.kind == "event")
    )


def focus(event: Event) -> tuple[Day, Day]:
    """The part of its interval an event is about: "early 1992" is January to April 1992.

    The data keeps the whole interval (``start``/``end``, the annotation
    guideline's convention); ranges, views and pictures use the first,
    middle or last third for early, mid and late (``model.third``).
    """
    part = THIRDS.get(event.modifier or "")
    return (event.start, event.end) if part is None else third(event.start, event.end, part)


def in_range(event: Event, start: Day | None, end: Day | None, *, within: bool = False) -> bool:
    """The one rule for "is this event in that period": its ``focus`` overlaps it (or, ``within``, lies inside).

    An open side (None) accepts everything. The SQLite index stores each
    event's focus and mirrors this rule in SQL (``storage.sqlite``); the
    views call it.
    """
    low, high = focus(event)
    if within:
        return (start is None or low >= start) and (end is None or high <= end)
    return (start is None or high >= start) and (end is None or low <= end)


INSIDE, WIDER = "inside", "wider"


def scope(event: Event, start: Day | None, end: Day | None) -> str:
    """``INSIDE`` when the event is dated inside the period (its focus lies within it), else ``WIDER``:
    it reaches beyond the period (encloses it, or runs over one of its ends)."""
    return INSIDE if in_range(event, start, end, within=True) else WIDER


class Shown(NamedTuple):
    """What a picture of a limited query shows: the events, the period they span, and whether some were cut.

    ``next`` is the start of the first event left out (None when none was): the picture says from where on
    (or, newest first, up to where) events are missing.
    """

    events: list[Event]
    start: Day | None
    end: Day | None
    cut: bool
    next: Day | None = None


def cut_to_limit(events: Sequence[Event], criteria: Criteria) -> Shown:
    """``events`` (selected with one more than ``criteria.limit``) cut to the limit, with the period they span.

    When the limit leaves events out, the period stops where the events left
    out begin: in date order nothing starts between the last event shown and
    the first left out, so the view runs to the day before that one (at least
    to the last start shown) and no month after it passes for empty. Newest
    first, the same from the other side; in another order the left-out events
    may be anywhere, so the view spans the starts shown.
    """
    limit, first, last = criteria.limit, criteria.start, criteria.end
    if limit is None or len(events) <= limit:
        return Shown(list(events), first, last, False)
    shown, left_out = list(events[:limit]), events[limit].start
    starts = [event.start for event in shown] or [left_out]
    by_date = criteria.sort == "date"
    if not by_date or criteria.reverse:
        low = min(min(starts), left_out.plus_days(1)) if by_date else min(starts)
        first = low if first is None else max(first, low)
    if not by_date or not criteria.reverse:
        high = max(max(starts), left_out.plus_days(-1)) if by_date else max(starts)
        last = high if last is None else min(last, high)
    return Shown(shown, first, last, True, left_out)


def check(criteria: Criteria, sources: Iterable[str]) -> None:
    """Refuse criteria no event list could answer, with the same message whoever keeps the events.

    ``sources`` are the sources of the events (repeats allowed); they are only
    read when ``criteria`` names some, as listing them can cost a scan.
    """
    _check_choice("granularity", criteria.granularities, GRANULARITIES)
    _check_choice("sort", (criteria.sort,), tuple(SORTS))
    if criteria.sources:
        _check_choice("source", criteria.sources, tuple(sorted(set(sources))))
    if criteria.limit is not None and criteria.limit < 0:
        raise UsageError(f"limit must be 0 or more, not {criteria.limit}")


def find(events: Iterable[Event], event_id: str) -> Event:
    """The event with this id, or the one event whose id starts with it (like a git hash)."""
    candidates = [event for event in events if event.id.startswith(event_id)] if event_id else []
    exact = [event for event in candidates if event.id == event_id]
    if exact or len(candidates) == 1:
        return (exact or candidates)[0]
    if not candidates:
        raise KbTimelineError(f"no event with id {event_id!r}; list shows the ids")
    ids = ", ".join(sorted(event.id for event in candidates)[:5])
    raise UsageError(f"id {event_id!r} matches {len(candidates)} events ({ids}); type more of it")


def _check_choice(what: str, given: Iterable[str], accepted: Sequence[str]) -> None:
    for value in given:
        if value not in accepted:
            raise UsageError(f"unknown {what} {value!r}; accepted: {', '.join(accepted)}")


def _compile_regex(term: str) -> re.Pattern[str]:
    try:
        return re.compile(term, re.IGNORECASE)
    except re.error as error:
        raise UsageError(f"bad regular expression {term!r}: {error}") from None


def _alias_index(aliases: Mapping[str, Sequence[str]]) -> dict[Spelling, set[Spelling]]:
    """Every spelling -> all spellings of the names it belongs to."""
    index: dict[Spelling, set[Spelling]] = {}
    for canonical, others in aliases.items():
        group = {tuple(words(name)) for name in (canonical, *others)} - {()}
        for spelling in group:
            index.setdefault(spelling, set()).update(group)
    return index


def _fold_with_origins(text: str) -> tuple[str, list[int]]:
    """Folded text plus, for each folded character, the index of the character it came from."""
    if text.isascii():
        return text.lower(), list(range(len(text)))
    pieces = [(_FOLD[ord(char)], index) for index, char in enumerate(text)]
    return "".join(piece for piece, _ in pieces), [i for piece, i in pieces for _ in piece]
