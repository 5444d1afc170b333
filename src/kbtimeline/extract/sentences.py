"""Sentence boundaries, and which sentences are apparatus (citations, titles, headings) rather than prose.

A period ends a sentence only when what follows looks like a new sentence and
what precedes is not an abbreviation, an initial ("George H. W. Bush"), a page
reference ("p. 145") or a number ("No. 10", "4.5 million"). Dotted initials
("R.E. Appleman", "3 C.F.R. 99") end one only before a word that opens
sentences ("in the U.S.S.R. The army…"): a name or a number after them goes on.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass

ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr st mt ft jr sr gen lt col capt maj sgt cpl adm cmdr gov sen rep pres prof rev
    hon no nos vol vols p pp ed eds op cit ibid al etc vs cf ca c approx fig figs est dept
    inc ltd co corp univ assn bros jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n u.s.s.r e.g i.e a.m p.m b.c a.d
""".split()
)


# The one character outside ASCII whose lower case is an ASCII letter: the Kelvin sign.
_ALSO_LOWER = {"k": "\u212a"}


def _dot_after(words: list[str]) -> str:
    """A pattern for "the dot just matched ends one of ``words`` standing alone" (no letter, digit or dot
    before it), in any case: one lookbehind per length of word, as a lookbehind has one width."""
    by_length: dict[int, list[str]] = {}
    for word in words:
        # the characters whose lower case is the word's ("[Mm][Rr]"), not (?i): it also takes U+017F for s
        cased = "".join(
            f"[{char.upper()}{char}{_ALSO_LOWER.get(char, '')}]" if char.isalpha() else re.escape(char) for char in word
        )
        by_length.setdefault(len(word), []).append(cased)
    return "|".join(rf"(?<=(?<![\w.])(?:{'|'.join(cased)})\.)" for cased in by_length.values())


# An end of sentence: punctuation, closing quotes or brackets, bracketed notes
# such as "[full citation needed]" or "[12]", then space and, maybe after an
# opening quote or bracket, the first character of the next sentence
# (``_NEXT``). A name may start with a lowercase particle ("de Waal").
# The abbreviation tests are in the pattern, tried only after a dot: an empty group tells that the dot
# ends a listed abbreviation (``abbreviation``); a word of one letter or digit (``single``: an initial if a
# letter); single letters each followed by a dot, two or more, up to twelve characters ("R.E", "C.F.R",
# the last dot the match's: ``initials``).
_END = re.compile(
    # what must follow, seen first: the tests below are not made in "1.9", "U.S.-led" or ". . ."
    r"[.!?](?=[\"'”’)\]\[]|\s+[\w\"“'‘(\[])"
    rf"(?:(?:{_dot_after(sorted(ABBREVIATIONS))})(?P<abbreviation>))?"
    r"(?:(?<=(?<![\w.])\w\.)(?P<single>))?"
    r"(?:(?:"
    + "|".join(rf"(?<=(?<![\w.])(?:[A-Za-z]\.){{{count}}}[A-Za-z]\.)" for count in range(1, 6))
    + r")(?P<initials>))?"
    r"[\"'”’)\]]*(?:\[[^\[\]\n]{0,40}\])*"
    r"(?=\s+(?:(?:de|van|von|al|d')[\s-][A-Z]|[\"“'‘(\[]?(?P<next>\w)))"
)
# Words that open sentences rather than go on with a name: after dotted initials, only these end one.
SENTENCE_OPENERS = frozenset(
    """
    the a an in on at by for from to with after before during when while as if since until though although
    but and or so yet however meanwhile then thus there this that these those it its he she they we i you
    his her their our my some many most all no one two three several both each
""".split()
)
_NEXT_WORD = re.compile(r"[\s\"“'‘(\[]*([\w'’-]+)")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


MAX_SENTENCE = 600
# A line break and the white space after it. The pattern starts at the newline, which the engine
# finds at once; one that starts with the blanks before it is tried at every character of the
# text. Those blanks are taken back by ``_blanks_before``.
_LINE_BREAK = re.compile(r"\n\s*")
_HEADING_LENGTH = 70


def split_sentences(text: str) -> Iterator[Sentence]:
    """Sentences with their offsets; leading and trailing white space is left out."""
    block_start = 0
    for line_break in _LINE_BREAK.finditer(text):
        line_end = _blanks_before(text, line_break.start())
        if _ends_block(text, line_end, line_break):
            yield from _split_block(text, block_start, line_end)
            block_start = line_break.end()
    yield from _split_block(text, block_start, len(text))


def _blanks_before(text: str, newline: int) -> int:
    """Where the spaces and tabs before ``newline`` start: the end of the line's text. The white space
    after the line break before stops them, so each is passed over once."""
    while newline and text[newline - 1] in " \t":
        newline -= 1
    return newline


def _ends_block(text: str, line_end: int, line_break: re.Match[str]) -> bool:
    """A blank line ends a sentence; so does a line break after closing punctuation
    or after a heading (a short line without it) when a new sentence follows."""
    if line_break.group().count("\n") > 1:
        return True
    following = text[line_break.end() : line_break.end() + 1]
    if not following or not (following.isupper() or following.isdigit() or following in '"“('):
        return False
    line = text[text.rfind("\n", 0, line_end) + 1 : line_end]
    if line[-1:] in '.!?:"”)]':
        return True
    return len(line) <= _HEADING_LENGTH and line[-1:] not in ",;"


def _split_block(text: str, start: int, end: int) -> Iterator[Sentence]:
    for match in _END.finditer(text, start, end):
        if not _opens_sentence(match) or _is_abbreviation(match) or _goes_on(text, match):
            continue
        yield from _sentence(text, start, match.end())
        start = match.end()
    yield from _sentence(text, start, end)


def _sentence(text: str, start: int, end: int) -> Iterator[Sentence]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        start += len(chunk) - len(chunk.lstrip())
        yield Sentence(start, start + len(stripped))


class SentenceIndex:
    """The sentences of a text, and which one holds a given span."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.sentences = list(split_sentences(text))
        self._starts = [sentence.start for sentence in self.sentences]

    def holding(self, start: int, end: int) -> Sentence | None:
        """The sentence that holds [start, end) whole, if one does.

        Text without punctuation (a table flattened to one line, a list of
        dates) can make one "sentence" of many pages; then the words around
        the span stand in for it, so each event's text stays readable and
        extraction stays linear in the size of the input.
        """
        index = bisect.bisect_right(self._starts, start) - 1
        if index < 0 or self.sentences[index].end < end:
            return None
        sentence = self.sentences[index]
        if sentence.end - sentence.start <= MAX_SENTENCE:
            return sentence
        return self._window(sentence, start, end)

    def _window(self, sentence: Sentence, start: int, end: int) -> Sentence:
        reach = MAX_SENTENCE // 2
        left, right = sentence.start, sentence.end
        if start - reach > left:
            space = self.text.find(" ", start - reach, start)
            left = space + 1 if space >= 0 else start
        if end + reach < right:
            space = self.text.rfind(" ", end, end + reach)
            right = space if space >= 0 else end
        return Sentence(left, right)


def _opens_sentence(end: re.Match[str]) -> bool:
    """A capital in any script ("Şuşa", "Отчет", "Ελλάδα") or a digit; the regex cannot
    tell capitals beyond Latin-1, so ``str.isupper`` does."""
    following = end.group("next")
    return following is None or following.isupper() or following.isdigit()


def _is_abbreviation(end: re.Match[str]) -> bool:
    if end.group("abbreviation") is not None:
        return True
    if end.group("single") is None:
        return False
    word = end.string[end.start() - 1]
    return word.isalpha() and word != "I"  # an initial: "H. W. Bush" (but "World War I." ends a sentence)


def _goes_on(text: str, end: re.Match[str]) -> bool:
    """Dotted initials before a name or a number ("R.E. Appleman reports", "3 C.F.R. 99 (1953)"): the
    sentence goes on; before a word that opens sentences ("the U.S.S.R. The army…") it ends."""
    if end.group("initials") is None:
        return False
    following = _NEXT_WORD.match(text, end.end())
    return following is not None and following.group(1).lower() not in SENTENCE_OPENERS


# "de Waal", "Cooley", "HRW", "Croissant and Smith": capitalised names and particles only.
_AUTHORS = r"(?:de |van |von |al-)?[A-Z][\w'’-]*(?:\s(?:[A-Z][\w'’-]*|de|van|von|and|&|et al\.)){0,3}"

# Signals of reference metadata: access and archive dates, identifiers, page
# ranges, "Author (date). Title" and "Author 2003, p. 316" shapes.
_CITATION_ANYWHERE = re.compile(
    r"\bArchived\s+\d{1,2}\s+\w+\s+\d{4}\s+at\b|\bRetrieved\b(?: on)? \d|\bRetrieved \w+ \d"
    r"|\bArchived\b.{0,40}\b(?:from the original|Wayback Machine)"
    r"|\bISBN\b|\bISSN\b|\bdoi:|\bOCLC\b|https?://|\bAccessed\b|\bAccess date\b"
    r"|\bpp?\.\s\d+(?:[–-]\d+)?\.?$"
    r"|\(PDF\)|\b(?:University Press|Publishers|Publishing)\b"
)
# Every signal above holds one of these words: most sentences have none, and
# looking for them is far cheaper than trying the pattern at every character.
_CITATION_WORDS = (
    "Archived", "Retrieved", "ISBN", "ISSN", "doi:", "OCLC", "http", "Access", "p.", "(PDF)", "Publish",
    "University Press",
)  # fmt: skip
_CITATION_WORD = re.compile("|".join(map(re.escape, _CITATION_WORDS)))  # one search, not one per word
# A word of a list of authors: a capitalised name or initials, a particle, "and", "ed.", a number
# ("Greenwood Publishing Group, 2000 Panossian, Razmik (2002)"); never a lowercase word of prose.
_AUTHOR_WORD = r"(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|\d+|de|van|von|al|and|&|et al\.|eds?\.)"
_CITATION_AT_START = re.compile(
    # "Brown, Anne (12 May 2004)", "Rubin, Barry; Kirişci, Kemal, eds. (2001)": names up to the date
    rf"(?:de |van |von |al-)?[A-ZÀ-ÖØ-Þ][^\s.,]*(?:\s{_AUTHOR_WORD}){{0,3}},"
    rf"(?:[\s,;]+{_AUTHOR_WORD}){{1,12}}\s?\((?:\d{{1,2}}\s)?(?:[A-Z][a-z]+\s)?\d{{4}}[a-z]?\)"
    rf"|{_AUTHORS}\s(?:19|20)\d\d[a-z]?(?:,\s(?:pp?\.|chapter)|\.?$)"
)


def is_citation(sentence: str) -> bool:
    """True for reference metadata ("Retrieved 12 January 2021", "de Waal 2003, p. 316")."""
    if _CITATION_AT_START.match(sentence):
        return True
    return _CITATION_WORD.search(sentence) is not None and _CITATION_ANYWHERE.search(sentence) is not None


# Weaker signals, trusted only among the notes: a sentence that is little more
# than a date ("2 September 2016."), a quoted title followed by its punctuation
# ('"Tensions Renewed," Jane's Intelligence Review'), a page ("p. A12").
_REFERENCE_LIKE = re.compile(
    r"^[\W\d]*(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\.?\s+)?(?:\d{1,2},?\s+)?\d{4}[\W\d]*$"
    r"|\"[^\"]{3,200}[,.]?\"[,.]?\s+[A-Z(]|\bpp?\.\s?[A-Z]?\d"
    r"|\b[A-Z][a-z]+,\s[A-Z][\w.]*(?:\s[A-Z][\w.]*)?\s\(|\(\d{4}[a-z]?\)"
    r"|\([^()]*\d{4}\)\.?$|^[^.]{0,120}:\s.*\d{4}\W*$"
)
_MIN_NOTE_WORDS = 6


def is_reference_like(sentence: str) -> bool:
    """True for what, among footnotes and references, is metadata rather than a note."""
    return (
        _REFERENCE_LIKE.search(sentence) is not None
        or len(sentence.split()) < _MIN_NOTE_WORDS
        or not has_finite_verb(sentence, strict=True)
    )


# Apparatus without metadata: what is not a statement at all. A statement has
# a finite verb; without a tagger, a lowercase word that can be one stands for
# it (an auxiliary, a common irregular past, or a word ending in -ed or -s).
# Titles of works, infobox rows and headings have none: "Speech given by
# Baroness Cox in April 1998", "The Making of the Region 1918–1925", "Diem era,
# 1955-1963". Headline-style titles capitalise their verbs, so they count too.
FINITE_VERBS = frozenset(
    """
    is are was were be been am has have had will would can could did does do may might shall should must
    began became came fell rose grew ran won lost led made held went saw gave fought broke met left set sent
    built struck brought took told knew thought found stood kept hit cut shot drove wrote spoke chose froze bore
    drew threw flew shook sank sprang spread swept fled fed bred paid laid said sold bought caught taught sought
    meant lent spent dealt felt let quit split burst cast cost hurt shut withdrew overran overthrew undertook
    overcame arose rode hid bit lit slew beat sat ate put got became upheld forbade forgave
    says goes seems remains becomes read
""".split()
)
# Present-tense verbs with no ending, as news writes them ("Officials say", "Talks resume
# next Tuesday"): too common in statements to count a sentence with one as apparatus.
PRESENT_VERBS = frozenset(
    """
    say tell think believe expect hope want need plan intend agree disagree deny insist warn fear
    resume continue begin start end open close remain stay keep hold meet vote decide seek try
    come go take make give get see show know rise fall grow drop gain lose win face join leave
    return arrive visit attack claim report announce confirm accuse urge call ask demand offer
    """.split()
)
_LOWER_WORD_START, _LOWER_WORD_END = r"(?<![\w'’-])", r"(?![a-z'’-])"  # a whole word: "[a-z][a-z'’-]*"


def _finite_verb(verbs: frozenset[str], *, plural_s: bool) -> re.Pattern[str]:
    """A lowercase word that is one of ``verbs``, or ends in -ed (or, with ``plural_s``, in -s but not
    -ss). One search of the sentence stops at the first; testing each word in Python cost
    far more. The verbs are grouped by first letter, so each word tries only its own."""
    by_first: dict[str, list[str]] = {}
    for verb in sorted(verbs, key=lambda verb: (-len(verb), verb)):
        by_first.setdefault(verb[0], []).append(re.escape(verb[1:]))
    listed = "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in sorted(by_first.items()))
    endings = r"(?<=ed)" + (r"|(?<=s)(?<!ss)" if plural_s else "")
    return re.compile(
        rf"{_LOWER_WORD_START}(?:(?:{listed}){_LOWER_WORD_END}|[a-z][a-z'’-]*(?:{endings}){_LOWER_WORD_END})"
    )


_FINITE_VERB = _finite_verb(FINITE_VERBS | PRESENT_VERBS, plural_s=True)
_FINITE_VERB_STRICT = _finite_verb(FINITE_VERBS, plural_s=False)
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
# A verb of a relative clause ("a film by X, who won the prize") does not make its sentence a statement.
_RELATIVE = re.compile(r"\b(?:who|which|that|whose)\b(?:\s+\S+){0,3}")


def has_finite_verb(sentence: str, strict: bool = False) -> bool:
    """True when some lowercase word of ``sentence``, outside brackets, can be a finite verb.

    ``strict`` (for footnotes and references, where titles and lists abound)
    leaves out words in -s, which are mostly plurals, and relative clauses.
    """
    if strict:
        sentence = _RELATIVE.sub(" ", _BRACKETED.sub(" ", sentence))
        return _FINITE_VERB_STRICT.search(sentence) is not None
    return _verb_outside_brackets(sentence)


_OPENING = re.compile(r"[(\[]")


def _verb_outside_brackets(sentence: str) -> bool:
    """Whether ``_FINITE_VERB`` finds a word of ``sentence`` with its bracketed parts blanked out.

    Blanking them all first read the whole text, and ``sets_a_scene`` asks this of the rest of a
    line, which may be a long paragraph: here the first verb found ends the reading. A word never
    holds a bracket and a bracket is never part of a word, so a verb of the blanked text is a verb
    found here that does not lie inside a bracketed part (found in the order blanking finds them).
    """
    position = 0
    while (verb := _FINITE_VERB.search(sentence, position)) is not None:
        if _OPENING.search(sentence, position, verb.start()) is None:
            return True
        bracketed = _BRACKETED.search(sentence, position)
        if bracketed is None or bracketed.start() >= verb.start():
            return True
        position = bracketed.end()
    return False


# A translated title in brackets opening a sentence: "[Report of the Centre on ...] "События..."".
_BRACKETED_OPENING = re.compile(r"\[[^\[\]]{20,}\]")
# A web address without its scheme: "1news.az", "presidentruo.org".
_DOMAIN_END = re.compile(r"\.(?:com|org|net|gov|edu|info|az|am|ru|ge|tr|uk|de|fr|int)\b")
_DOMAIN = re.compile(r"\b[\w-]+" + _DOMAIN_END.pattern)


def is_apparatus(sentence: str) -> bool:
    """True for what is not prose: citation metadata, titles, captions, rows, sentences without a verb."""
    return (
        is_citation(sentence)
        or not has_finite_verb(sentence)
        or _BRACKETED_OPENING.match(sentence) is not None
        # the ending first: it starts with a dot, which the engine finds at once; the name before it
        # is tried at every word
        or (_DOMAIN_END.search(sentence) is not None and _DOMAIN.search(sentence) is not None)
    )


# "Atlanta nineteen ninety-six. A bomb blast shocks the Olympic games.": a short verbless sentence that
# the prose of its line goes on from sets the scene, as broadcast scripts do.
_SCENE_MAX = 60
_REST_OF_LINE = re.compile(r"[ \t]+([^\n]+)")


def sets_a_scene(text: str, sentence: Sentence) -> bool:
    """Whether a sentence without a verb is a short scene-setter with prose after it on its line."""
    words = text[sentence.start : sentence.end]
    if len(words) > _SCENE_MAX or not words.endswith(".") or is_citation(words):
        return False
    rest = _REST_OF_LINE.match(text, sentence.end)
    return rest is not None and has_finite_verb(rest.group(1)) and not is_citation(rest.group(1))


_HEADING_MAX = 100
_NO_HEADING_END = tuple(".!?;:,\"”'’")


def is_heading(text: str, sentence: Sentence) -> bool:
    """A line on its own, short, without closing punctuation, with more text after it:
    a section heading ("Campaign of 1904"), a table row or a caption."""
    line_start = sentence.start == 0 or text[sentence.start - 1] == "\n"
    rest = text[sentence.end : sentence.end + _HEADING_MAX].lstrip(" \t")
    return (
        line_start
        and rest[:1] == "\n"
        and bool(rest.strip())
        and sentence.end - sentence.start <= _HEADING_MAX
        and not text[sentence.start : sentence.end].endswith(_NO_HEADING_END)
    )
