"""Titles from rules on punctuation and a few word lists, for ``extract --fast`` and where no parse helps.

``rule_title`` takes the clause the commas and semicolons around the date
give, with the date phrase taken out where it is set apart; the parse-based
titles (``syntax``) fall back on it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence

from kbtimeline.events import wording
from kbtimeline.extract.sentences import split_sentences

__all__ = ["named_rule_title", "rule_title"]

Span = tuple[int, int]

_CLAUSE_BREAK = re.compile(r";|\s[–—]\s|,\s(?:but|while|whereas|although|though|and)\s|:\s")
_ASIDE = re.compile(r"\[[^\]]*\]|\([^()]*\)")
_LEAD_IN = re.compile(
    r"^(?:(?:and|but|so|then|however|meanwhile|moreover|also|thus|therefore|finally|eventually|"
    r"subsequently|later|afterwards|in response|as a result|according to [^,]+|in addition|"
    r"on|in|at|by|from|during|since|until|after|before|of|around|between|to)\b[\s,]*)+",
    re.IGNORECASE,
)
# Words of the date phrase before its preposition ("Sometime after 490 BC", "Beginning in 1970") and after
# the date ("at 11:30 a.m. local time", "from 1995 onward").
_RESIDUE_BEFORE = r"(?:sometime|sometimes|beginning|starting|early|late|shortly|soon|just)"
_RESIDUE_AFTER = re.compile(r"^\s*(?:local time|onwards?)\b", re.IGNORECASE)
# What governs a date and goes with it: "on", "in the early hours of", "by the end of".
_PREPOSITION = r"\b(?:on|in|at|by|from|during|since|until|of|around|between|to|after|before|through|throughout)\s+"
_GOVERNOR_AT_END = re.compile(
    rf"[\s,;:–—-]*(?:\b{_RESIDUE_BEFORE}\s+)?(?:{_PREPOSITION})?(?:\b(?:the|a)\s+(?:(?:early|late|small|first|last|very)\s+){{0,2}}"
    r"(?:night|morning|evening|eve|afternoon|dawn|dusk|day|days|week|weeks|end|beginning|start|middle|"
    rf"course|turn|half|hours|months|years|spring|summer|autumn|fall|winter)\s+of\s+)?(?:{_PREPOSITION})?$",
    re.IGNORECASE,
)
# Each part of _GOVERNOR_AT_END ends in white space and it holds at most 8 words, so where a match may
# start is found from the end of the text (reversed); it is tried only from there, not at every character.
_GOVERNOR_REACH = re.compile(r"(?:\s+\w+){0,8}[\s,;:–—-]*")
_OPENS_WITH_PREPOSITION = re.compile(rf"^\s*{_PREPOSITION}", re.IGNORECASE)
_COORDINATION = re.compile(r"^\s*(?:,\s*)?(?:and|or|to|–|-|,)\s*$")
# After a date that opens its clause with no comma, what shows the date was only the setting:
# the subject's first word ("The next day Armenian forces…", "A day later the council…"),
# or a verb of witnessing whose object is the news ("The same year saw clashes…").
_AFTER_OPENING_DATE = re.compile(r"^\s+(?:(?P<saw>saw|witnessed|brought|marked)\s+|(?=the\s|a\s|an\s|[A-Z]))")
# A clause opened by one of these is not news on its own: the news is the clause after the comma,
# unless the date is in the opening, which then is the news, without its opening word.
_SUBORDINATE = re.compile(
    r"^(?:although|though|whereas|despite|following|with|while|because|as|since|after|once|upon|when|to|amid)\s",
    re.IGNORECASE,
)
_CONCESSIVE = re.compile(r"^(?:although|though|even though|whereas|while)\s+(?=[^,]+,)", re.IGNORECASE)
# A list of names each with its date: the first name before its preposition, the next ones after a comma
# or "and", maybe after a short phrase of the name before ("Greece and Turkey in 1952, West Germany in 1955 by
# treaty, and finally Spain in 1982").
_NAME = r"(?:[A-Z][\w.'-]*\s+(?:(?:de|del|da|la|le|of|the|von|van)\s+)*)+"  # "San Fernando de Omoa"
_NAMES = rf"{_NAME}(?:and\s+{_NAME})?"
_FIRST_ITEM = re.compile(rf"(?<![\w'])({_NAMES})((?:in|on)\s+)$")
_LIST_LINK = re.compile(rf"(?:\s+[a-z][^,;]{{0,40}}(?=,))?,?\s+(?:and\s+)?(?:finally\s+)?({_NAMES})((?:in|on)\s+)")
# A clause the date opened with its verb, the subject after it ("In August began Operation Torch").
_INVERTED = re.compile(
    r"^(Began|Came|Followed|Ended|Started|Arrived|Emerged|Arose|Commenced)\s+((?:the\s+|a\s+|an\s+)?[A-Za-z][^,;()]*?)(?:[,;(].*)?$"
)
_ACCORDING_TO = re.compile(r"(?:^|,)\s*according to [^,]+,", re.IGNORECASE)
_RELATIVE_DATE = re.compile(r"^[^\d]*$")  # no digit: a date told relative to the story ("the next day")
_CLAUSE_OPENING = re.compile(r"(?:^|[,;]|\b(?:and|but|or|then))\s*$")  # where an adverbial date may stand
MIN_WORDS = 3
# A two-word clause that says what happened: a name and its verb in the past ("Hue fell", "Burgoyne surrendered").
_SHORT_CLAUSE = re.compile(
    r"^(?!(?:It|This|That|There|Was|Were|Had|Has|Is|Are|Been)\b)[A-Z][\w.'-]*\s+(?:[a-z]+ed|fell|won|lost|left|fled|rose|broke|began|came|took)$"
)
_PERSONAL_PRONOUN = re.compile(r"^(He|She|It|They|His|Her|Its|Their)\s")
_POINTING_CONSEQUENCE = re.compile(
    r"^(?:This|That)\s+(?:\w+ly\s+)?(?:led to|resulted in|brought about|caused|triggered|prompted|sparked|"
    r"was followed (?:up )?(?:by|with)|followed)\s+(.+)$"
)
_CLAUSE_END = re.compile(r"[,;]\s*(?:and|but)?\s*$")
_POSSESSIVES = frozenset("His Her Its Their".split())
# A name: capitalized words, maybe joined by "of", "and", "the", followed by a lowercase word (its verb).
_OPENING_NAME = re.compile(
    r"^((?:The\s+)?[A-Z][\w.'-]*(?:\s+(?:(?:of|and|the|de|von)\s+)*[A-Z][\w.'-]*){0,4}(?:\s+(?!(?:was|has|is|does)\b)[a-z]+s)?)(?=,|\s+[a-z])"
)
_LEAD_IN_PHRASE = re.compile(r"^(?:In|On|At|By|During|After|Before|Since|From|Following|Later|Then)\b[^,]{0,60},\s*")
_OPENING_PHRASE = re.compile(
    r"^(?:in particular|after|following|before|during|under|despite|amid|with|in|on|at|by)\b[^,]{0,100},\s+",
    re.IGNORECASE,
)
_TEMPORAL_CLAUSE = re.compile(r"^(?:when|as|while|once)\s+([^,]+),", re.IGNORECASE)
_AFTER_AND = re.compile(r",\s+and\s+$")
_PAST_VERB = re.compile(
    r"^[a-z]+ed(?:\s+(?:to|the|a|an|his|her|its|their|by|in|on|at|from|into|with|back|up|out|down|off)\b|\W*$)"
)
# An aside inside a clause: a phrase between commas opened by a preposition, a participle, a relative
# pronoun or an article (an appositive), short enough not to be the clause itself.
_INNER_ASIDE = re.compile(
    r",\s+(?:including\b[^;]{0,120}?|(?:with|on|in|made up of|led by|backed by|supported by|located|based|who|which|"
    r"whose|the|a|an|along|for example)\b(?:[^,;]|,(?=\d)){0,120}),(?=\s+(?!(?:the|a|an)\b)[a-z])"
)
# A name's reflexive before its verb, and a name's relative clause between commas before its verb.
_REFLEXIVE = re.compile(
    r"\b([A-Z][\w.'-]*)\s+(?:himself|herself|itself|themselves)\b(?=\s+(?:was|were|had|has|did|[a-z]+ed)\b)"
)
_NAME_RELATIVE = re.compile(
    r"^((?:The\s+)?(?:[A-Z][\w.'-]*\s*){1,4}),\s+(?:who|whose)\b[^,;()]{0,80},(?=\s+[a-z]+ed\b)"
)
_NOT_NAME_OPENINGS = frozenset(
    "under beginning starting following despite with after before during in on at by since from when while as "
    "although however meanwhile sometime early late who what which where why how there here one some many most "
    "all both each".split()
)
_NOT_NAMES = frozenset("He She It They We I This These Those There His Her Its Their The A An".split()) - {"The"}


def previous_sentence(text: str, start: int, reach: int = 1500) -> str:
    """The sentence before the one starting at ``start`` (empty at the start of the text)."""
    window_start = max(0, start - reach)
    sentences = list(split_sentences(text[window_start:start]))
    return text[window_start + sentences[-1].start : window_start + sentences[-1].end] if sentences else ""


def rule_title(sentence: str, date_start: int, date_end: int, others: Iterable[Span] = ()) -> str:
    """What happened, from punctuation and word lists: the clause holding the date, without the date.

    The date goes with what governs it ("on the night of 8 May") where a
    preposition or a comma sets it apart, or where it opens its clause before
    the subject ("The next day Armenian forces…"). A date that is part of the
    wording ("As winter approached") stays, or the title would not read.
    ``date_start`` and ``date_end`` are offsets in ``sentence``; ``others``,
    those of the sentence's other date phrases.
    """
    others = list(others)
    listed = _own_item(sentence, (date_start, date_end), others)
    if listed is not None:
        return rule_title(*listed)
    date_start, date_end = _with_coordinated(sentence, date_start, date_end, others)
    clause_start, clause_end = _clause(sentence, date_start, date_end)
    clause_start, clause_end = _news_part(sentence, clause_start, clause_end, date_start, date_end)
    before = sentence[clause_start:date_start]
    after = _RESIDUE_AFTER.sub("", sentence[date_end:clause_end])
    possessive = after.startswith(("'s", "’s"))  # "after Thursday's ruling": "after" governs the ruling
    stripped = before.rstrip() if possessive else _without_governor(before)
    set_apart = after.lstrip().startswith(",")
    governed = stripped != before.rstrip() or not after.strip(" .,;:") or (not before.strip() and set_apart)
    opening = _AFTER_OPENING_DATE.match(after) if not _LEAD_IN.sub("", before.strip(" ,;:–—-\"'“”")) else None
    if governed and set_apart and _OPENS_WITH_PREPOSITION.match(before) and not _holds_clause(before):
        clause = after  # "At their summit in 1992, the organization…": the opening is only the setting
    elif governed or opening:
        after = after[opening.end() :] if opening and opening.group("saw") else after
        after = re.sub(r"^[\s,]+", "", after)
        clause = f"{stripped} {after}" if stripped.strip() and after else stripped.strip() or after
    else:
        clause = sentence[clause_start:clause_end]
    clause = _without_relative_dates(clause, sentence, others)
    clause = _ACCORDING_TO.sub(" ", _without_asides_in_brackets(clause))
    clause = _without_opening_phrase(clause.strip(" ,;:–—-\"'“”"))
    clause = _LEAD_IN.sub("", clause)
    clause = _without_leading_date(clause, [sentence[start:end] for start, end in others])
    clause = _without_asides(_with_subject(clause, sentence, clause_start))
    clause = _uninverted(wording.tidy(clause))
    if len(clause.split()) < MIN_WORDS and not _SHORT_CLAUSE.match(clause):
        clause = wording.tidy(_ASIDE.sub("", sentence)) or sentence.strip()
    return wording.cut(clause.split())


def _without_asides_in_brackets(clause: str) -> str:
    """The clause without its brackets and parentheses, and a comma after one, before a past verb, that no
    comma before it pairs with: "the CSCE (later the OSCE), created the Minsk Group" -> "the CSCE created…"."""

    def dropped(found: re.Match[str]) -> str:
        paired = "," in clause[: found.start()].lstrip(" ,;:")  # a comma that opens the clause pairs with none
        return found.group(2) or "" if paired else ""

    return re.sub(rf"({_ASIDE.pattern})(\s*,(?=\s+[a-z]+ed\b))?", dropped, clause)


def _uninverted(clause: str) -> str:
    """ "Began Operation Torch, the invasion of…" -> "Operation Torch began": a clause the date opened with its
    verb, the subject after it, put in order; the subject stops at a comma and is short and verbless."""
    found = _INVERTED.match(clause)
    if found is None or re.search(r"\b[a-z]+(?:ed|ing)\b", found.group(2)) or len(found.group(2).split()) > 6:
        return clause
    return wording.tidy(f"{found.group(2)} {found.group(1).lower()}")


def _own_item(sentence: str, own: Span, others: list[Span]) -> tuple[str, int, int, list[Span]] | None:
    """A list of names each with its date ("adding Greece and Turkey in 1952, West Germany in 1955 and Spain
    in 1982"): the sentence with the names of the other dates taken out, the date's place in it and the
    other dates left, or None where the date is in no such list."""
    dates = sorted([own, *others])
    position = dates.index(own)
    first, last = position, position
    while first > 0 and _LIST_LINK.fullmatch(sentence[dates[first - 1][1] : dates[first][0]]):
        first -= 1
    while last + 1 < len(dates) and _LIST_LINK.fullmatch(sentence[dates[last][1] : dates[last + 1][0]]):
        last += 1
    opening = _FIRST_ITEM.search(sentence[: dates[first][0]])
    if last == first or opening is None:
        return None
    if position == first:
        item = opening.group(1) + opening.group(2)
    else:
        link = _LIST_LINK.fullmatch(sentence[dates[position - 1][1] : dates[position][0]])
        item = link.group(1) + link.group(2) if link else ""
    head = sentence[: opening.start(1)]
    tail = sentence[dates[last][1] :]
    text = f"{head}{item}{sentence[own[0] : own[1]]}{tail}"
    start = len(head) + len(item)
    shift = start + own[1] - own[0] - dates[last][1]
    kept = [span for span in dates[:first]] + [(a + shift, b + shift) for a, b in dates[last + 1 :]]
    return text, start, start + own[1] - own[0], kept


def _holds_clause(before: str) -> bool:
    """Whether the words before a date set apart by commas hold more than opening phrases ("In Greece, the
    War…, which had continued…, finally ended in"): then they are the clause, not its setting."""
    return "," in _OPENING_PHRASE.sub("", before.strip()).strip(" ,")


def _without_governor(text: str) -> str:
    """``text`` without what governs a date at its end (``_GOVERNOR_AT_END``), found from the end."""
    reach = _GOVERNOR_REACH.match(text[::-1])
    start = len(text) - (reach.end() if reach else 0)
    return text[:start] + _GOVERNOR_AT_END.sub("", text[start:])


def _without_opening_phrase(clause: str) -> str:
    """The clause without an opening phrase set apart by a comma ("after a three-day battle, Hue fell"),
    or, opened by "when"/"as"/"while", that opening clause alone without its marker: the setting goes."""
    opening = _OPENING_PHRASE.match(clause)
    if opening and len(clause[opening.end() :].split()) >= MIN_WORDS - 1:  # "after a three-day battle, Hue fell"
        return clause[opening.end() :]
    marked = _TEMPORAL_CLAUSE.match(clause)
    if marked and len(marked.group(1).split()) >= MIN_WORDS:
        return marked.group(1)
    return clause


def _with_subject(clause: str, sentence: str, clause_start: int) -> str:
    """A verb phrase after ", and" ("…, and refused to join the navy") with the sentence's subject."""
    if not (_AFTER_AND.search(sentence[:clause_start]) and _PAST_VERB.match(clause)):
        return clause
    opening = _LEAD_IN_PHRASE.sub("", sentence)
    subject = _OPENING_NAME.match(opening[:1].upper() + opening[1:])
    if subject is None or subject.group(1).split()[0] in _NOT_NAMES:
        return clause
    return f"{subject.group(1)} {clause}"


def _without_asides(clause: str) -> str:
    """The clause without a name's reflexive ("Saddam Hussein himself was captured") or its relative clause
    between commas ("Huerta, who commanded the army, conspired…"); if long, without the other asides set
    apart by commas ("The USS Maddox, on an intelligence mission along the coast, fired…"), first to last,
    until it fits: dropped before anything is cut."""
    clause = _REFLEXIVE.sub(r"\1", clause)
    clause = _NAME_RELATIVE.sub(r"\1", clause)
    while len(clause.split()) > wording.MAX_WORDS:
        aside = _INNER_ASIDE.search(clause)
        if aside is None:
            break
        clause = clause[: aside.start()] + clause[aside.end() - 1 :].lstrip(",")
    return clause


def named_rule_title(text: str, sentence: Span, own: Span, others: Sequence[Span]) -> str:
    """``rule_title`` of one date of the sentence at ``sentence`` in ``text``, with a pronoun that opens
    it replaced by the name a sentence before gives."""
    words = text[sentence[0] : sentence[1]]
    title = rule_title(words, *own, others=others)
    opening = title.split(" ", 1)[0]

    def here() -> list[str]:
        """Looked for only when the title opens with a pronoun: a pattern made of each title's first word
        would be compiled anew for most titles."""
        # a pronoun that opens a later clause ("…, and its forces collapsed") names the sentence's own subject first
        pronoun = re.search(rf"\b{re.escape(opening)}\b", words, re.IGNORECASE)
        return [words] if pronoun and _CLAUSE_END.search(words[: pronoun.start()]) else []

    # "It" is named from its own sentence only: before, it is as often a plan, a figure or no one
    before = [] if title.startswith("It ") else _sentences_before(text, sentence[0])
    title = _named(title, lambda: iter([*here(), *before]))
    return wording.plain_subject(_outcome(title))


def _outcome(title: str) -> str:
    """ "This led to fighting in the towns" -> "Fighting in the towns": a subject pointing at what was
    told before, with a verb of consequence, gives way to the consequence."""
    found = _POINTING_CONSEQUENCE.match(title)
    if found is None or len(found.group(1).split()) < MIN_WORDS:
        return title
    return wording.tidy(found.group(1))


def _sentences_before(text: str, start: int, count: int = 3) -> Iterator[str]:
    """Up to ``count`` sentences before ``start``, nearest first."""
    reach = 1500
    window_start = max(0, start - reach * count)
    sentences = list(split_sentences(text[window_start:start]))
    for sentence in reversed(sentences[-count:]):
        yield text[window_start + sentence.start : window_start + sentence.end]


def _named(title: str, before: Callable[[], Iterator[str]]) -> str:
    """A title opened by "He", "She", "It", "They" or a possessive ("Its forces") with the subject of a
    sentence before, when it opens that sentence as a name ("Hindenburg and Ludendorff", "The
    Russians") and agrees; a sentence opened by the same pronoun is passed over, as it speaks of the
    same one."""
    pronoun = _PERSONAL_PRONOUN.match(title)
    if pronoun is None:
        return title
    word = pronoun.group(1)
    name = next(filter(None, (_opening_name(sentence) for sentence in before() if not sentence.startswith(word))), None)
    if name is None:
        return title
    plural = " and " in name or name.endswith("s")
    if plural != (word in ("They", "Their")) or (word == "Its" and plural):
        return title
    if word in _POSSESSIVES:
        name = f"{name}'" if name.endswith("s") else f"{name}'s"
    named = (name + title[pronoun.end(1) :]).split()
    if len(named) < wording.HARD_MAX_WORDS:
        return " ".join(named)
    return wording.cut(" ".join(named).rstrip("…").split())


def _opening_name(sentence: str) -> str | None:
    """The name that opens ``sentence`` past its opening phrase, if it opens with one."""
    opening = _OPENING_PHRASE.sub("", _LEAD_IN_PHRASE.sub("", _ASIDE.sub("", sentence)))
    opening = _CONCESSIVE.sub("", opening)  # "Although the rebels were outnumbered, they…": the rebels
    subject = _OPENING_NAME.match(opening[:1].upper() + opening[1:])
    if subject is None or subject.group(1) == "The":
        return None
    first = subject.group(1).split()[0]
    not_a_name = first in _NOT_NAMES or first.lower() in _NOT_NAME_OPENINGS or first.lower().endswith("ing")
    return None if not_a_name else subject.group(1)


def _clause(sentence: str, date_start: int, date_end: int) -> Span:
    """The stretch between the clause breaks (";", " – ", ", but") around the date."""
    clause_start, clause_end = 0, len(sentence)
    for found in _CLAUSE_BREAK.finditer(sentence):
        if found.end() <= date_start:
            clause_start = found.end()
        elif found.start() >= date_end:
            clause_end = found.start()
            break
    return clause_start, clause_end


def _news_part(sentence: str, start: int, end: int, date_start: int, date_end: int) -> Span:
    """A clause opened by "Although…, " or "Following…, ": the main part, or the opening if the date
    is in it and it says more than the date ("After 1992, …" is only the setting)."""
    text = sentence[start:end]
    lead = len(text) - len(text.lstrip(" ,;:–—-\"'“”"))
    opener = _SUBORDINATE.match(text[lead:])
    comma = date_end - start if text[date_end - start : date_end - start + 2] == ", " else text.find(", ", lead)
    if opener is None or comma < 0:
        return start, end
    opening_words = len(text[lead + opener.end() : comma].split()) - len(sentence[date_start:date_end].split())
    if date_start >= start + comma or opening_words < MIN_WORDS + 1:
        return start + comma + 2, end
    return start + lead + opener.end(), start + comma


def _with_coordinated(sentence: str, start: int, end: int, others: list[Span]) -> Span:
    """The date with the dates coordinated with it ("in 1965 and 1977"): they go together."""
    changed = True
    while changed:
        changed = False
        for other_start, other_end in others:
            if other_end <= start and _COORDINATION.match(sentence[other_end:start]):
                start, changed = other_start, True
            elif other_start >= end and _COORDINATION.match(sentence[end:other_start]):
                end, changed = other_end, True
    return start, end


def _without_relative_dates(clause: str, sentence: str, others: list[Span]) -> str:
    """Another date told relative to the story ("on the next day") is residue wherever it is."""
    for start, end in others:
        phrase = sentence[start:end]
        if not _RELATIVE_DATE.match(phrase) or phrase not in clause:
            continue
        position = clause.index(phrase)
        before = _without_governor(clause[:position])
        rest = clause[position + len(phrase) :]
        adverbial = _CLAUSE_OPENING.search(clause[:position]) or not rest.strip(" .,;:")
        if before != clause[:position].rstrip() or rest.lstrip().startswith(",") or adverbial:
            clause = f"{before} {rest.lstrip(' ') if before.strip() else rest.lstrip(' ,')}"  # a comma it closed stays
    return clause


def _without_leading_date(clause: str, dates: list[str]) -> str:
    """The clause without another date that opens it set apart by a comma: the setting, not the news."""
    for date in dates:
        if clause.startswith(date) and re.match(r",|\s+(?:the|a|an|[A-Z])", clause[len(date) :]):
            rest = _LEAD_IN.sub("", clause[len(date) :].lstrip(" ,"))
            return rest if len(rest.split()) >= MIN_WORDS else clause
    return clause
