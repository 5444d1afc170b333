"""Rule titles: the shortcuts taken for speed give what the plain patterns give."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from kbtimeline.events import rules

# The words and marks _GOVERNOR_AT_END is made of, and some it is not, so that generated
# texts end in every shape it may or may not match.
_PIECES = (
    "sometime after the very early hours of on", "beginning in the first last days of until",
    "on the night of", "by the end of", "Sometime after", "beginning in", "the very last",
    "days of", "through", "a", "the", "of", "early", "late", "fighting", "army", "took", "\u017fame", "wee\u212a",
    " ", "  ", "\n", ",", ";", ":", " – ", "—", "-", "é", "_", "2",
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(st.sampled_from(_PIECES), max_size=20).map("".join), st.sampled_from(("", " ", "\n", " \n")))
def test_the_governor_found_from_the_end_is_the_one_the_pattern_finds(text: str, end: str) -> None:
    text += end
    assert rules._without_governor(text) == rules._GOVERNOR_AT_END.sub("", text)
