"""Which records tell one happening: the lead and the body, the body and a footnote, a split date.

Two records of different sentences of one source join when their dates are
compatible and they share enough rare words: each shared word weighs by how
few dated sentences of the text hold it (its inverse document frequency), so
"Khojaly", "822", "bombardment" weigh much and "Armenian" nothing in a text
about Armenia; the words of one name ("Great Britain", "Bao Dai") weigh as
one. Words for what happened are read as their sense first (``synonyms``:
"truce" and "agreed to cease hostilities" are both ``~ceasefire``), and a
people's name as its country's ("Russian", "Russia").
How much is enough depends on how the dates relate:

- the same day: one rare word in common ("voted", "Lachin") that is not the
  topic of the whole text: a word more than ``COMMON_SHARE`` of all its
  sentences hold, dated or not ("Iraq" and "Kuwait" in a short article on
  the Gulf crisis, where few sentences carry a date and each word looks rare
  among them; the strikers in an article about a strike). A day that dates
  many of the text's sentences (``CROWDED_SHARE``: "yesterday" in a news
  article) holds many happenings, so two of its records share what was done
  (a sense, or a rare word: "voted") and one more rare word or name
  ("~union", "Lachin"), none of them the topic;
- two days a day apart (sources often disagree by one): a shared name and
  the same kind of happening (a shared sense), weighing ``SAME_DATE_WEIGHT``
  off the topic, and if either day is crowded, what two records of one
  crowded day share ("Iraq" and "weapons inspectors" on Thursday and Friday
  of an article on Iraq's weapons tell two happenings);
- otherwise (one interval inside or across the other): a shared name (a
  capitalised word, a number that is not a year, a unit's ordinal: "Khojaly",
  "822", "366th") and the same kind of happening, when the coarser interval
  is a month or less, else weighing together at least ``NESTED_WEIGHT``; or a
  name and a rare word for what happened weighing that much (a capitalised
  word the text also writes in lowercase counts as such a word: the
  "Massacre" of "the Khojaly Massacre"); or, naming nothing rare, the same
  kind of happening and two more rare words (a lead's summary and the body's
  account, ``LEAD_WORDS``);
- a date that names its happening by kind, before it ("since the 1994
  ceasefire") or after it ("by the end of the war in 1994"), joins a record
  of that kind whose sentence holds the words that tell which one ("the
  war", "Lachin" of "the capture of Lachin on 18 May"), even one that sums
  up more; one that names it by date alone ("the death toll of the events of
  25–26 February") joins what the text just told at that date.

What a record says is the part of its sentence nearer its date than any
other date of the sentence, without the anchors it is placed against ("after
the resignation of X": another happening). A happening it names by its name
("during Operation Ring") says also what the text tells of that happening
where it gives no date: the sentences the name opens or that give it
("Codenamed Operation Ring, Soviet forces and the local OMON entered
villages…"), so a reader's "villages seized by OMON in May–July 1991" is the
operation of April–May 1991; two records that name different happenings by
their names ("Operation Ring", "Operation Heron") are two happenings. "The
town", "the city", "the events" stand for the names of the dated sentence
before, but count only in an account of the same kind of happening ("they
managed to capture the town" after "the army attacked Shusha").

They never join when one is context, when a date is a bound ("by July",
"since 1991": a state up to or from a time, not a happening at it) or the
time of telling ("now", "today"), when they report different stages of a
fight ("attacked" on 8 May, "captured" on 9 May; "an offensive to capture"
is still an attack; a capture and the withdrawal that undid it; talks held
and talks that came to an end), or when the
coarser one sums up several happenings ("four resolutions passed in 1993",
"captured seven districts"). Two dates of one sentence never join, unless
they are one date split in two ("On May 18, [1992]": the halves share their
words), one stretch cut into consecutive periods ("during the spring and
summer of 1991"), or a year that restates the date of its own sentence ("in
April 2016 with the 2016 clashes"). A group keeps one interval every member
agrees with, so a chain of loose matches cannot drift from May to September.
"early", "mid" and "late" narrow an interval to its first, middle or last
third for these comparisons.

Each record's ``happening`` is the id of its group's representative: an event
before context, then the most precise date, then the earliest in the text.
Records more than a thousand records apart are not compared: an account and
its retelling lie within one article, and the time stays linear on a text of
any length (``_matches``). Which words count is decided from the text's own
frequencies, so the same rules hold on any text; no parser is needed, so ``extract --fast`` groups as
the default does. Pure: records in, records out.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace

from kbtimeline.events.synonyms import PREFIX, senses, stages_differ
from kbtimeline.extract.lexicon import MONTHS
from kbtimeline.extract.sentences import Sentence, split_sentences
from kbtimeline.model import Event

# Words that are capitalised or frequent for reasons other than naming a happening.
STOPWORDS = frozenset(
    """
    a about above after again against all also although among an and another any are as at be because been
    before being between both but by can could did do does during each early either few first following for
    from further had has have having he her here hers him his how however i if in into is it its itself just
    last late later least less many may mid might more most much must my near neither no nor not now of off
    on once one only or other our out over own per same several she should since so some such than that the
    their them then there these they this those through thus to too under until up upon very was we were
    what when where whether which while who whom whose why will with within would year years yet day days
    month months week weeks spring summer autumn fall winter season decade century war said according
    ad bc bce ce ca
""".split()
) | {name.rstrip(".") for name in MONTHS}
# A word held by more than this share of the dated sentences weighs nothing (log(1/0.1) = 2.3).
COMMON_SHARE = 0.1
# A short text says little about which words are rare: it counts as this many sentences at least.
MIN_SENTENCES = 50
SAME_DATE_WEIGHT = 3.0  # one word rarer than in 1 sentence of 20
SAME_DAY_THINGS = 2  # what was done and one more word or name shared by two records of a crowded day
# A day that dates more than this share of the dated sentences, and CROWDED_SENTENCES at least, is crowded.
CROWDED_SHARE = 0.25
CROWDED_SENTENCES = 3
NESTED_WEIGHT = 6.0  # two shared words, a name among them, about that rare together
MONTH_DAYS = 31  # an interval this long or shorter holds few happenings of one kind at one place
SEASON_DAYS = 89  # a season or longer: it may sum up several happenings of a month or a day
LEAD_WORDS = 3  # a summary and its account that name nothing rare: the same kind of happening and two more words
STEM = 7  # letters that stand for a word: "captured" and "capture", but "militia" and "military" apart
_REACH = 60  # characters before a date where the words that govern it ("by", "the events of", "the") are
_ANCHOR_REACH = 200  # characters before a date where an anchor it sits in ("after the losses in") may open
_SLACK_DAYS = 1  # between two single days only: sources disagree by a day, not by a year
_WINDOW = 1000  # records apart in the text: farther ones are not compared (``_matches``)
_WORD = re.compile(r"[^\W_][\w'’]*")  # "Russian-brokered" is "Russian" and "brokered"
_YEAR = re.compile(r"\d{4}")
# What may stand between the two halves of one split date: "May 18, [1992]", "August/September 1956".
_SPLIT = re.compile(r"[\s,/\[\]()]*(?:in\s+)?")  # "May 18, [1992]" is read as one; "May 18 [in 1992]" is not
# Consecutive periods coordinated under one "during": "during the spring and summer of 1991".
_STRETCH_BEFORE = re.compile(r"\b(?:during|throughout|through|over)\s+(?:the\s+)?$", re.IGNORECASE)
_COORDINATED = re.compile(r"\s*(?:and|,\s*and|to|through|–|-)\s*(?:the\s+)?", re.IGNORECASE)
# A count of several things sums up happenings: "four resolutions", "seven districts", "a number of operations".
_SUMMARY = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|several|numerous|a number of|a series of)"
    r"(?:\s+[\w-]+){0,4}?\s+[a-z][a-z-]+s\b",
    re.IGNORECASE,
)
# A bound: "by late February", "since 1991", "until May" date a state up to or from a time.
_BOUND_BEFORE = re.compile(r"\b(?:by|since|until|till|before|after)\s+(?:the\s+)?$", re.IGNORECASE)
# "now", "today" date the telling, not a happening: two of them need not be one.
_TELLING = re.compile(r"(?:right\s+)?(?:now|today|currently|at present|presently|nowadays)", re.IGNORECASE)
_NOUN_AFTER = re.compile(r"\s+[a-z]{3,}")
_SUFFIX = re.compile(r"(?:ations?|ments?|ings?|ed|es|s)$")
# A people's name is its country's: "Russian" and "Russia", "Azerbaijani" and "Azerbaijan".
_DEMONYM = re.compile(r"(?<=ia)ns?$|(?<=an)is?$")
_POSSESSIVE = re.compile(r"['’]s?$")  # "Zapata's" is "Zapata"
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")  # "the 366th": a unit's number is a name
_SIDE_BY_SIDE = re.compile(r"[\s.'’-]*")  # between two words of one name: "Ter-Petrosyan", "Bao Dai"
_INITIAL = re.compile(r"[A-Z]")  # a name's initial stands between its words: "Dwight D. Eisenhower"
# Another happening the record's is placed against ("after the resignation of X"): its words are not the record's.
_ANCHOR = r"\b(?:after|following|before|prior to|in the wake of)\b[^,;:.]*"
_ANCHOR_AFTER = re.compile(_ANCHOR, re.IGNORECASE)
_ANCHOR_CLOSED = re.compile(_ANCHOR + r"[,;]", re.IGNORECASE)  # before the date, closed before it
_ANCHOR_OPEN = re.compile(_ANCHOR + r"$", re.IGNORECASE)  # the date inside it
# A place or happening named by what it is, not by its name ("the town", "the events of 25 February"):
# it stands for a name of the dated sentence before.
_ANAPHOR = re.compile(r"\bthe (?:town|city|village|events?|incident)\b(?! of (?-i:[A-Z]))", re.IGNORECASE)
# A happening named by its date alone: "the casualties of the events of 25–26 February".
_EVENTS_OF = re.compile(r"\bthe (?:events?|incidents?|happenings?|fighting) (?:of|on|in)\s+$", re.IGNORECASE)
# A date that says which one of a kind of happening it names: "the 1994 ceasefire", "the 2016 clashes".
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|[A-Z]\w*['’]s)\s+$")
_NAMED_AFTER = re.compile(r"\s+((?:[A-Z][\w'’-]*\s+){0,3})([a-z][\w-]*(?:\s+[a-z]+){0,2})")
# ... or that follows the happening it dates: "by the end of the war in 1994", "the capture of Lachin on 18 May".
_NAMED_BEFORE = re.compile(r"\b(the\s+[a-z][\w-]*(?:\s+of))(?:\s+the)?\s+([\w'’-]+)?\s+(?:in|on|during)\s+$")
# One happening told twice in one sentence: "in April 2016 with the 2016 Nagorno-Karabakh clashes".
_RESTATED = re.compile(r"\s*,?\s*(?:with|during|amid|in|at)\s+the\s+$", re.IGNORECASE)
# A happening named by its name: "Operation Ring", "the Battle of the Bulge", "the Tet Offensive".
_HEADS_BEFORE = "Operation|Battles? of|Siege of"  # "Operation Ring", "the Battle of the Bulge"
_HEADS_AFTER = "Offensive|Massacre|Campaign|Uprising|Rebellion|Revolt|Pogrom|Incident|Raid"  # "the Tet Offensive"
_NAMED_HAPPENING = re.compile(
    rf"\b(?:{_HEADS_BEFORE})((?:\s+the)?(?:\s+(?!The\b)[A-Z][\w'’-]*)+)"
    rf"|((?:(?!The\b)[A-Z][\w'’-]*\s+)+)(?:{_HEADS_AFTER})\b"
)
_HEAD = re.compile(rf"\b(?:{_HEADS_BEFORE}|{_HEADS_AFTER})\b")  # a quick look before the pattern's slow one
# What stands before a name that opens its sentence ("The Tet Offensive began…"), or before one given
# ("Codenamed Operation Ring, …", "a revolt known as the Easter Rising").
_OPENS = re.compile(r"\W*(?:the\s+)?", re.IGNORECASE)
_GIVES_NAME = re.compile(r"\b(?:code-?named|known as|called|dubbed|named)\s+(?:the\s+)?\W?$", re.IGNORECASE)
_THIRDS = {"early": (0, 1), "mid": (1, 2), "late": (2, 3)}
Topic = Callable[[], frozenset[str]]  # the words of the whole text's topic, read when first asked for


@dataclass
class _Record:
    """A record seen by the grouping: its own words, weighed, and its interval as day numbers."""

    position: int
    event: Event
    names: frozenset[str]
    words: frozenset[str]
    first: int
    last: int
    summary: bool
    aloof: bool  # context, a bound or the time of telling: joins nothing
    named: frozenset[str]  # the kind of happening the date names ("the 1994 ceasefire"), as senses
    named_by: frozenset[str]  # the words that tell which one ("Lachin" of "the capture of Lachin on 18 May")
    links: frozenset[tuple[str, str]]  # names side by side, words of one name: ("bao", "dai")
    borrowed: frozenset[str] = frozenset()  # names of the dated sentence before, for "the town"
    by_date: bool = False  # names its happening by the date alone: "the events of 25–26 February"
    own: str = ""  # the part of the sentence that is this record's (``_own_words``)
    called: frozenset[str] = frozenset()  # the happenings it names by their names: "ring" of "Operation Ring"


def group_happenings(events: list[Event], texts: Mapping[str, str] | None = None) -> list[Event]:
    """The records with ``happening`` set, in the same order; records of different sources never join.

    ``texts``: the whole text of each source, by source. Its undated sentences
    tell the topic of a news article, whose few dated sentences cannot.
    """
    by_source: dict[str, list[int]] = {}
    for position, event in enumerate(events):
        by_source.setdefault(event.source, []).append(position)
    happening = [event.id for event in events]
    for positions in by_source.values():
        text = (texts or {}).get(events[positions[0]].source)
        for group in _groups([events[position] for position in positions], text):
            head = min(group, key=lambda member: _precedence(member.event))
            for member in group:
                happening[positions[member.position]] = head.event.id
    return [
        event if event.happening == chosen else replace(event, happening=chosen)
        for event, chosen in zip(events, happening, strict=True)
    ]


def _precedence(event: Event) -> tuple[bool, int, int]:
    """Events before context, then the shortest interval, then the earliest in the text."""
    return (event.kind != "event", event.end.number() - event.start.number(), event.date_span[0])


def _groups(events: list[Event], text: str | None) -> list[list[_Record]]:
    records = _records(events)
    weight = _weights(records)
    # The whole text's sentences, split when first asked for: most texts need them seldom.
    split = functools.cache(lambda: list(split_sentences(text or "")))
    _describe(records, text or "", split)
    # Read only when two records of one day meet: most texts need it seldom, and it reads the whole text.
    topic = functools.cache(lambda: _topic(text, split()))
    crowded = _crowded_days(records)
    parent = list(range(len(records)))
    bounds = {index: (record.first, record.last) for index, record in enumerate(records)}
    sentences = {index: {record.event.span} for index, record in enumerate(records)}

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def join(left: int, right: int) -> None:
        """Join two groups of different sentences whose intervals meet; the group keeps what they share."""
        left, right = root(left), root(right)
        first = max(bounds[left][0], bounds[right][0])
        last = min(bounds[left][1], bounds[right][1])
        one_day_each = bounds[left][0] == bounds[left][1] and bounds[right][0] == bounds[right][1]
        if left == right or first > last + (_SLACK_DAYS if one_day_each else 0) or sentences[left] & sentences[right]:
            return
        parent[right] = left
        bounds[left] = (min(first, last), max(first, last))
        sentences[left] |= sentences.pop(right)

    for left, right in _split_dates(records):
        _pool_words(records[left], records[right])
        left, right = root(left), root(right)
        if left == right:
            continue
        parent[right] = left
        (a_first, a_last), (b_first, b_last) = bounds[left], bounds[right]
        if max(a_first, b_first) <= min(a_last, b_last):  # one date split in two: the finer half
            bounds[left] = (max(a_first, b_first), min(a_last, b_last))
        else:  # a stretch: both periods
            bounds[left] = (min(a_first, b_first), max(a_last, b_last))
        sentences[left] |= sentences.pop(right)
    for left, right in _matches(records, weight, topic, crowded):
        join(left, right)
    groups: dict[int, list[_Record]] = {}
    for index, record in enumerate(records):
        groups.setdefault(root(index), []).append(record)
    return list(groups.values())


def _records(events: list[Event]) -> list[_Record]:
    dates_of: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for event in events:
        dates_of.setdefault(event.span, []).append(event.date_span)
    records = []
    for position, event in enumerate(events):
        own = _own_words(event, dates_of[event.span])
        names, words, links = _words(own)
        first, last = _bounds(event)
        # What governs a date stands right before it: a short reach keeps the searches anchored there cheap.
        before = event.text[max(0, event.date_span[0] - event.span[0] - _REACH) : event.date_span[0] - event.span[0]]
        after = event.text[event.date_span[1] - event.span[0] :]
        names_a_happening = _NOUN_AFTER.match(after) is not None  # "since the 1994 ceasefire"
        bound = event.modifier in ("before", "after") or (
            _BOUND_BEFORE.search(before) is not None and not names_a_happening
        )
        aloof = event.kind == "context" or bound or _TELLING.fullmatch(event.date_text) is not None
        summary = _SUMMARY.search(own) is not None
        named, named_by = _named(before, after)
        by_date = _EVENTS_OF.search(before) is not None
        records.append(
            _Record(
                position,
                event,
                names,
                words,
                first,
                last,
                summary,
                aloof,
                named,
                named_by,
                links,
                by_date=by_date,
                own=own,
            )
        )
    # A capitalised word the text also writes in lowercase is a common noun in a name
    # ("the Khojaly Massacre", "Operation Ring"): it says what happened, it names nothing.
    common = _common(records)
    for record in records:
        nouns = record.names & common
        record.names, record.words = record.names - nouns, record.words | nouns
    previous: _Record | None = None
    for record in records:
        if previous is not None and record.event.span != previous.event.span and _ANAPHOR.search(record.event.text):
            record.borrowed = _words(previous.event.text)[0] - common
        if previous is None or record.event.span != previous.event.span:
            previous = record
    return records


def _describe(records: list[_Record], text: str, sentences: Callable[[], list[Sentence]]) -> None:
    """A record that names a happening by its name ("during Operation Ring") takes the names and words of
    the undated sentences that say what that happening was: those the name opens ("Operation Ring was
    viewed as an attempt by Moscow…") or that give it ("Codenamed Operation Ring, Soviet forces and the
    local OMON entered villages…"). A sentence that names it in passing ("after Operation Ring", "her
    coverage of Operation Ring") tells something else, and one with a date tells its own records."""
    naming: dict[str, list[_Record]] = {}  # the words that name a happening, as written -> the records
    for record in records:
        matches = list(_NAMED_HAPPENING.finditer(record.own)) if _HEAD.search(record.own) else []
        record.called = frozenset(map(_happening_name, matches))
        for match in matches:
            naming.setdefault(match.group(), []).append(record)
    if not naming:
        return
    # The names as the records write them: a plain search, quicker than the pattern over a whole text.
    written = re.compile("|".join(map(re.escape, sorted(naming, key=len, reverse=True))))
    hits = list(written.finditer(text))
    starts = [sentence.start for sentence in sentences()] if hits else []
    dated = {record.event.span for record in records}
    common = _common(records)
    # What the text says of each name, gathered before it is given to the records that name it: a text that
    # names one happening in every copy of itself costs its names and its records, not their product.
    told_names: dict[str, set[str]] = {}
    told_words: dict[str, set[str]] = {}
    for match in hits:
        sentence = sentences()[max(0, bisect.bisect_right(starts, match.start()) - 1)]
        told = text[sentence.start : match.start()]
        if (sentence.start, sentence.end) in dated or not (_OPENS.fullmatch(told) or _GIVES_NAME.search(told)):
            continue
        names, words, _ = _words(senses(text[sentence.start : sentence.end])[1])
        told_names.setdefault(match.group(), set()).update(names - common)
        told_words.setdefault(match.group(), set()).update(words | (names & common))
    for name, gained in told_names.items():
        for record in naming[name]:
            record.names = record.names | gained
            record.words = record.words | told_words[name]


def _happening_name(match: re.Match[str]) -> str:
    """The name of a named happening, whatever its case and spacing: "ring" of "Operation Ring"."""
    return " ".join((match.group(1) or match.group(2)).lower().split())


def _common(records: list[_Record]) -> set[str]:
    """The words the text writes in lowercase: in a capitalised name they say what happened, they name nothing."""
    return {word for record in records for word in record.words}


def _named(before: str, after: str) -> tuple[frozenset[str], frozenset[str]]:
    """What a date names, as senses, and the words that tell which one of that kind: an attributive date
    ("the 2016 Tovuz clashes": clashes, Tovuz's) or one that follows its happening ("the end of the war in
    1994": an end, the war's); else nothing."""
    if _ATTRIBUTIVE_BEFORE.search(before):
        noun = _NAMED_AFTER.match(after)
        which, kind = (noun.group(1), noun.group(2)) if noun else ("", "")
    else:
        noun = _NAMED_BEFORE.search(before)
        kind, which = (noun.group(1), noun.group(2) or "") if noun else ("", "")
    said = senses(kind)[0]
    return said, frozenset(word.lower() for word in _WORD.findall(which)) if said else frozenset()


def _holds(record: _Record, words: frozenset[str]) -> bool:
    """Whether the sentence of ``record`` holds every one of ``words``."""
    return all(re.search(rf"\b{re.escape(word)}\b", record.event.text, re.IGNORECASE) for word in words)


def _pool_words(one: _Record, other: _Record) -> None:
    """The halves of one date split in two ("On May 18, [1992] the army entered…") share their words."""
    for field in ("names", "words", "borrowed", "named", "named_by", "links"):
        pooled = getattr(one, field) | getattr(other, field)
        setattr(one, field, pooled)
        setattr(other, field, pooled)


def _bounds(event: Event) -> tuple[int, int]:
    """The interval as day numbers, narrowed to its first, middle or last third by "early", "mid", "late"."""
    first, last = event.start.number(), event.end.number()
    if event.modifier in _THIRDS:
        low, high = _THIRDS[event.modifier]
        length = last - first + 1
        first, last = first + length * low // 3, first + length * high // 3 - 1
    return first, last


def _weights(records: list[_Record]) -> dict[str, float]:
    """Each word's weight: log(sentences / sentences holding it), nothing for the common ones."""
    holding: dict[tuple[int, int], set[str]] = {}
    for record in records:
        holding.setdefault(record.event.span, set()).update(record.names | record.words)
    frequency = Counter(word for words in holding.values() for word in words)
    sentences = max(len(holding), MIN_SENTENCES)
    return {word: math.log(sentences / count) for word, count in frequency.items() if count <= COMMON_SHARE * sentences}


def _crowded_days(records: list[_Record]) -> frozenset[int]:
    """The days (day numbers) that date more than ``CROWDED_SHARE`` of the dated sentences, and
    ``CROWDED_SENTENCES`` at least: "yesterday" in a news article, a day that holds many happenings."""
    sentences: dict[int, set[tuple[int, int]]] = {}
    for record in records:
        if record.first == record.last:
            sentences.setdefault(record.first, set()).add(record.event.span)
    dated = len({record.event.span for record in records})
    return frozenset(
        day
        for day, spans in sentences.items()
        if len(spans) >= CROWDED_SENTENCES and len(spans) > CROWDED_SHARE * dated
    )


def _topic(text: str | None, sentences: list[Sentence]) -> frozenset[str]:
    """The words held by more than ``COMMON_SHARE`` of all the ``sentences`` of ``text``, dated or not
    (counted as ``MIN_SENTENCES`` at least): what a news article is about ("Iraq", "Kuwait"), though few of
    its sentences carry a date."""
    if text is None:
        return frozenset()
    frequency: Counter[str] = Counter()
    count = 0
    for sentence in sentences:
        # Plain stems: a sense ("~attack") always counts as what was done, topic or not.
        frequency.update({_token(word)[1] for word in set(_WORD.findall(text, sentence.start, sentence.end))})
        count += 1
    share = COMMON_SHARE * max(count, MIN_SENTENCES)
    return frozenset(word for word, held in frequency.items() if word and held > share)


def _own_words(event: Event, dates: list[tuple[int, int]]) -> str:
    """The part of the sentence nearer this date than any other of its dates, dates left out.

    A date in brackets ("the Khojaly Massacre (1992)") dates what comes before
    it: it owns the words back to the previous date.
    """
    offset = event.span[0]
    text = event.text
    ordered = sorted(dates)
    index = ordered.index(event.date_span)
    own_start, own_end = event.date_span[0] - offset, event.date_span[1] - offset
    previous = (ordered[index - 1][0] - offset, ordered[index - 1][1] - offset) if index else None
    next_start = ordered[index + 1][0] - offset if index + 1 < len(ordered) else len(text)
    bracketed = text[own_start - 1 : own_start] == "(" and text[own_end : own_end + 1] == ")"
    start = previous[1] if bracketed and previous else _boundary(text, *previous, own_start) if previous else 0
    last = index + 1 == len(ordered)
    end = own_end + 1 if bracketed else len(text) if last else _boundary(text, own_start, own_end, next_start)
    return _ANCHOR_CLOSED.sub(" ", text[start:own_start]) + " " + _ANCHOR_AFTER.sub(" ", text[own_end:end])


def _boundary(text: str, start: int, end: int, next_start: int) -> int:
    """Where the words of the date at ``start:end`` stop and those of the next date begin.

    The comma that closes an anchor the date sits in ("After the losses in
    1992, Russia started…"); else halfway, moved to the end of a word.
    """
    comma = text.find(",", end, next_start)
    if comma != -1 and _ANCHOR_OPEN.search(text[max(0, start - _ANCHOR_REACH) : start]):
        return comma + 1
    middle = (end + next_start) // 2
    space = text.find(" ", middle, next_start)
    return space if space != -1 else middle


def _words(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[tuple[str, str]]]:
    """Names (capitalised words, numbers that are not years, ordinals) and the other content words, as stems;
    and the names that stand side by side, words of one name ("Bao Dai", "Ho Chi Minh")."""
    said, text = senses(text)
    names: set[str] = set()
    words: set[str] = set(said)
    links: set[tuple[str, str]] = set()
    previous, previous_end = "", -1
    for match in _WORD.finditer(text):
        is_name, stem = _token(match.group())
        side_by_side = bool(previous) and _SIDE_BY_SIDE.fullmatch(text, previous_end, match.start()) is not None
        if is_name and stem:
            if side_by_side:
                links.add((previous, stem))
            previous, previous_end = stem, match.end()
        elif side_by_side and _INITIAL.fullmatch(match.group()):
            previous_end = match.end()  # "Dwight D. Eisenhower"
        else:
            previous = ""
        if stem:
            (names if is_name else words).add(stem)
    return frozenset(names), frozenset(words), frozenset(links)


@functools.lru_cache(maxsize=16384)
def _token(word: str) -> tuple[bool, str]:
    """Whether ``word`` is a name, and its stem ("" for a word that counts for nothing)."""
    word = _POSSESSIVE.sub("", word)
    lower = word.lower()
    if not word or lower in STOPWORDS or _YEAR.fullmatch(word):
        return False, ""
    if (word[0].isupper() and len(word) > 1) or (word.isdigit() and len(word) >= 3) or _ORDINAL.fullmatch(word):
        return True, _stem(_DEMONYM.sub("", lower))
    return False, _stem(lower) if word[0].isalpha() and len(word) > 3 else ""


@functools.lru_cache(maxsize=4096)
def _stem(word: str) -> str:
    """A crude stem: "demanding" and "demand", "bombardment" and "bombarded", "Armenians" and "Armenian"."""
    stripped = _SUFFIX.sub("", word)
    return (stripped if len(stripped) >= 4 else word)[:STEM]


def _tell_one_day(
    names: frozenset[str],
    words: frozenset[str],
    links: frozenset[tuple[str, str]],
    weight: dict[str, float],
    topic: Topic,
) -> bool:
    """A crowded day holds many happenings of one story: two records of it share what they did (a sense, or
    a rare word) and one more thing ("voted" and "~union"; "President" and "asked"), none of them the topic."""
    rare = {word for word in names | words if weight.get(word, 0.0) > 0} - topic()
    senses_said = {word for word in words if word.startswith(PREFIX)}
    things = len(rare | senses_said) - sum(1 for left, right in links if left in rare and right in rare)
    return bool((rare & words) | senses_said) and things >= SAME_DAY_THINGS


def _split_dates(records: list[_Record]) -> Iterable[tuple[int, int]]:
    """Neighbouring dates of one sentence that are one date ("May 18, [1992]") or one stretch."""
    for left, right in zip(range(len(records)), range(1, len(records)), strict=False):
        first, second = records[left].event, records[right].event
        if first.span != second.span:
            continue
        between = first.text[first.date_span[1] - first.span[0] : second.date_span[0] - first.span[0]]
        before = first.text[: first.date_span[0] - first.span[0]]
        (a_first, a_last), (b_first, b_last) = _bounds(first), _bounds(second)
        inside = (a_first <= b_first and b_last <= a_last) or (b_first <= a_first and a_last <= b_last)
        split = bool(_SPLIT.fullmatch(between)) and inside
        stretch = bool(_COORDINATED.fullmatch(between) and _STRETCH_BEFORE.search(before)) and b_first == a_last + 1
        restated = bool(_RESTATED.fullmatch(between)) and second.granularity == "year" and a_first >= b_first
        after_second = second.text[second.date_span[1] - second.span[0] :]
        restated = restated and a_last <= b_last and _NAMED_AFTER.match(after_second) is not None
        if split or stretch or restated:
            yield left, right


def _matches(
    records: list[_Record], weight: dict[str, float], topic: Topic, crowded: frozenset[int]
) -> Iterator[tuple[int, int]]:
    """Pairs of records of different sentences that tell one happening, in text order.

    Only records at most ``_WINDOW`` records apart in the text are compared:
    an account and the summary or retelling of it that a reader ties to it lie
    within one article, and the longest hold a few hundred dated statements
    (183 in WikiWars' World War I, 189 in the bundled article), so on such a
    text every pair is compared. A longer text is a collection (a book, a
    feed, articles run together) whose far parts tell their own happenings:
    bounding the reach keeps the time and the pairs kept linear in the text,
    where a text that tells one happening in each of its thousand copies would
    have a million pairs. The records are taken in blocks of ``_WINDOW``: a
    pair within reach has its first record in one block and its second in
    that block or the next, so each block is swept with the next.
    """
    partners: dict[int, array[int]] = {}  # the pairs, by their first record: the second ones
    for block in range(0, len(records), _WINDOW):
        reach = range(block, min(block + 2 * _WINDOW, len(records)))
        for left, right in _candidates(records, reach, weight):
            first, second = min(left, right), max(left, right)
            near = first < block + _WINDOW and second - first <= _WINDOW  # else another block's, or out of reach
            if near and _tell_one_happening(records[left], records[right], weight, topic, crowded):
                partners.setdefault(first, array("q")).append(second)
    return ((first, second) for first in sorted(partners) for second in sorted(partners[first]))


def _candidates(records: list[_Record], among: range, weight: dict[str, float]) -> Iterator[tuple[int, int]]:
    """The pairs of the records ``among`` that may tell one happening, each once.

    Only records whose intervals meet and that share a word that weighs
    something are compared (no rule joins two records without one): a sweep
    over the starts within each word's records, not every pair, so a long text
    of many dates in one year costs little more than its records.
    """
    by_start = sorted((index for index in among if not records[index].aloof), key=lambda index: records[index].first)
    holding: dict[str, list[int]] = {}  # a word that weighs -> the places in by_start of the records with it
    for place, index in enumerate(by_start):
        record = records[index]
        for word in record.names | record.borrowed | record.words:
            if weight.get(word, 0.0) > 0:
                holding.setdefault(word, []).append(place)
    for place, left in enumerate(by_start):
        reach = records[left].last + _SLACK_DAYS
        candidates: set[int] = set()
        for word in records[left].names | records[left].borrowed | records[left].words:
            places = holding.get(word, ())
            for later in range(bisect.bisect_right(places, place), len(places)):
                if records[by_start[places[later]]].first > reach:
                    break
                candidates.add(places[later])
        for later in candidates:
            yield left, by_start[later]


def _tell_one_happening(
    first: _Record, second: _Record, weight: dict[str, float], topic: Topic, crowded: frozenset[int]
) -> bool:
    """The rules of the module docstring, for two records."""
    one, other = first.event, second.event
    if one.span == other.span or first.aloof or second.aloof:
        return False
    slack = _SLACK_DAYS if first.first == first.last and second.first == second.last else 0
    if first.first > second.last + slack or second.first > first.last + slack:
        return False
    if stages_differ(first.words, second.words):
        return False
    if first.called and second.called and not first.called & second.called:  # "Operation Ring", "Operation Heron"
        return False
    shared_words = first.words & second.words
    said = any(word.startswith(PREFIX) for word in shared_words)  # the same kind of happening
    with_borrowed = (first.names | first.borrowed) & (second.names | second.borrowed)
    if first.by_date or second.by_date:  # "the events of 25–26 February", after an account of them
        return any(weight.get(name, 0.0) > 0 for name in with_borrowed)
    # "The town" stands for a name of the sentence before only in an account of the same kind of happening.
    shared_names = with_borrowed if said else first.names & second.names
    names = [weight.get(name, 0.0) for name in shared_names]
    words = [weight.get(word, 0.0) for word in shared_words]
    # The words of one name ("Bao Dai") weigh as one: each link counts its lighter word out.
    one_name = sum(
        min(weight.get(left, 0.0), weight.get(right, 0.0))
        for left, right in first.links & second.links
        if left in shared_names and right in shared_names
    )
    total = sum(names) + sum(words) - one_name
    rare_name = any(value > 0 for value in names)
    rare_word = any(value > 0 for value in words)
    if first.first == first.last and second.first == second.last:
        busy = first.first in crowded or second.first in crowded
        if first.first == second.first and one.granularity == "day":
            if total < SAME_DATE_WEIGHT:
                return False
        elif not (rare_name and said and total >= SAME_DATE_WEIGHT):  # a day apart
            return False
        if busy:
            return _tell_one_day(shared_names, shared_words, first.links, weight, topic)
        return sum(weight.get(word, 0.0) for word in (shared_names | shared_words) - topic()) >= SAME_DATE_WEIGHT
    # "since the 1994 ceasefire" and the ceasefire signed in May 1994: a happening named by its kind, and by
    # the words that tell which one ("the end of the war in 1994"), is the one the other tells in those words.
    for record, teller in ((first, second), (second, first)):
        if any(weight.get(word, 0.0) > 0 for word in record.named & shared_words) and _holds(teller, record.named_by):
            return True
    coarser = first if first.last - first.first > second.last - second.first else second
    if coarser.summary:
        return False
    # Within a month a name and the kind of happening tell it; a year holds many of one kind at one place.
    narrow = coarser.last - coarser.first < MONTH_DAYS
    if said and ((rare_name and (narrow or total >= NESTED_WEIGHT)) or sum(value > 0 for value in words) >= LEAD_WORDS):
        return True
    # A happening of a day or a month inside a season or a year may be a part of what the coarser one
    # sums up: a name and a word are not enough there without the same kind of happening.
    finer = second if coarser is first else first
    part = coarser.last - coarser.first >= SEASON_DAYS and finer.last - finer.first < MONTH_DAYS
    return rare_name and rare_word and total >= NESTED_WEIGHT and not part
