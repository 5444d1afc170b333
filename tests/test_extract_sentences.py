"""Sentence boundaries: where one ends, and where a period is not the end."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbtimeline.extract import sentences
from kbtimeline.extract.sentences import SentenceIndex, split_sentences

# (text, the sentences expected, reason)
SPLITS = [
    ("It fell. Then it rose.", ["It fell.", "Then it rose."], "a plain end"),
    ("President George H. W. Bush met him.", ["President George H. W. Bush met him."], "initials"),
    ("The U.S. Senate voted. It passed.", ["The U.S. Senate voted.", "It passed."], "an abbreviation with dots"),
    ("See p. 145 of the report.", ["See p. 145 of the report."], "a page reference"),
    ("Resolution No. 10 passed.", ["Resolution No. 10 passed."], "No. and a number"),
    ("About 4.5 million fled. Many died.", ["About 4.5 million fled.", "Many died."], "a decimal point"),
    ("At 2:45 p.m. the shelling began.", ["At 2:45 p.m. the shelling began."], "p.m. before lower case"),
    ("He left in 1992. de Waal says so.", ["He left in 1992.", "de Waal says so."], "a name with a particle"),
    ("It was de facto. independence came later.", ["It was de facto. independence came later."],
     "lower case after a period is not a new sentence"),
    ("Wilson 1991. Отчет Томаса.", ["Wilson 1991.", "Отчет Томаса."], "a Cyrillic capital starts one"),
    ("It ended in 1994. Şuşa was quiet.", ["It ended in 1994.", "Şuşa was quiet."], "a Turkish capital"),
    ("Athens, 490 BC. Ελλάδα won.", ["Athens, 490 BC.", "Ελλάδα won."], "a Greek capital"),
    ('He wrote "Да". "Нет" came back.', ['He wrote "Да".', '"Нет" came back.'], "a quote before the capital"),
    ("It fell.[12] Then it rose.", ["It fell.[12]", "Then it rose."], "a footnote mark stays with its sentence"),
    ("In his book (1998), R.E. Smith reports the losses.", ["In his book (1998), R.E. Smith reports the losses."],
     "dotted initials before a name go on"),
    ("He issued Proclamation No. 2914, 3 C.F.R. 99 (1953), effective until 1978.",
     ["He issued Proclamation No. 2914, 3 C.F.R. 99 (1953), effective until 1978."],
     "dotted initials before a number go on"),
    ("It was signed by J.R.R. Tolkien and others.", ["It was signed by J.R.R. Tolkien and others."],
     "three initials before a name"),
    ("Troops of the N.K.V.D. The army retreated.", ["Troops of the N.K.V.D.", "The army retreated."],
     "dotted initials before 'The' end a sentence"),
    ("He joined the N.K.V.D. In 1937 he was shot.", ["He joined the N.K.V.D.", "In 1937 he was shot."],
     "dotted initials before 'In' end a sentence"),
    ("It was run by the K.G.B. He fled.", ["It was run by the K.G.B.", "He fled."],
     "dotted initials before a pronoun end a sentence"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected", "reason"), SPLITS, ids=[row[-1] for row in SPLITS])
def test_sentences(text: str, expected: list[str], reason: str) -> None:
    assert [text[sentence.start : sentence.end] for sentence in split_sentences(text)] == expected


def test_a_span_is_held_by_its_sentence() -> None:
    text = "It fell. Then on 8 May it rose."
    index = SentenceIndex(text)
    start = text.index("8 May")
    held = index.holding(start, start + len("8 May"))
    assert held is not None and text[held.start : held.end] == "Then on 8 May it rose."


# Words before a dot: listed abbreviations in any case, initials, dotted initials of every length, the
# Kelvin sign (its lower case is "k") and the long s (a case-blind pattern takes it for "s"), digits,
# underscores; then the marks after the dot and what may open the next sentence.
_BEFORE_DOTS = [
    "Mr", "mR", "MRS", "u.s", "U.S.S.R", "u.\u212a", "e.G", "p", "P", "I", "H", "x", "2", "_", "é", "\u017ft",
    "\u212a", "A.B", "A.B.C.D.E", "A.B.C.D.E.F", "R.E", "xR.E", "x.R.E", "etc", "vs", "No", "Dr", "word", "",
]  # fmt: skip
_AFTER_DOTS = [". ", "! ", ".) ", '." ', ".[12] ", ".. ", ".\n", "."]
_OPENING = ["The", "the", "Smith", "99", "de Waal", "(It", '"So', ""]
_AROUND_DOTS = st.lists(
    st.tuples(st.sampled_from([" ", "(", "-", ""]), *map(st.sampled_from, (_BEFORE_DOTS, _AFTER_DOTS, _OPENING))),
    max_size=8,
).map(lambda parts: " ".join("".join(part) for part in parts))


def _word_before_dot(text: str, dot: int) -> str | None:
    """The reference: the run of word characters and dots before ``dot``, within twelve characters."""
    found = re.search(r"([\w.]+)\.$", text[max(0, dot - 12) : dot + 1])
    return found.group(1) if found else None


@settings(max_examples=500, deadline=None)
@given(_AROUND_DOTS)
def test_the_marks_of_the_sentence_end_pattern_read_the_word_before_the_dot(text):
    """The pattern marks what a word-by-word reading of the word before each dot says."""
    for end in sentences._END.finditer(text):
        word = _word_before_dot(text, end.start())
        abbreviation = word is not None and (
            (len(word) == 1 and word.isalpha() and word != "I") or word.lower() in sentences.ABBREVIATIONS
        )
        initials = word is not None and re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word) is not None
        assert sentences._is_abbreviation(end) is abbreviation, word
        assert (end.group("initials") is not None) is initials, word


_AROUND_VERBS = [
    "s", "ss", "ed", "is", "was", "bass", "the", "Abc", "aBcs", "x-s", "o’s", "don't", "1s", "_s", "éd", "be",
    "who", "won", "say", "says", "(said)", "[ran]", " ", " ", "-", "'", "’",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_AROUND_VERBS), max_size=12).map("".join), st.booleans())
def test_the_finite_verb_pattern_agrees_with_testing_each_word(sentence, strict):
    sentence_without = sentences._BRACKETED.sub(" ", sentence)
    if strict:
        sentence_without = sentences._RELATIVE.sub(" ", sentence_without)
    words = re.findall(r"(?<![\w'’-])[a-z][a-z'’-]*", sentence_without)
    expected = any(
        word in sentences.FINITE_VERBS
        or word.endswith("ed")
        or (not strict and word in sentences.PRESENT_VERBS)
        or (not strict and word.endswith("s") and not word.endswith("ss"))
        for word in words
    )
    assert sentences.has_finite_verb(sentence, strict=strict) is expected
