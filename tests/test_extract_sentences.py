"""Sentence boundaries: where one ends, and where a period is not the end."""

from __future__ import annotations

import pytest

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
