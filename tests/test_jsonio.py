"""The hand-written JSON writer against the json module, and the extractor against its frozen output.

``jsonio.dumps`` exists for speed only (issue 13), so it must write exactly
what ``json.dumps`` writes; the frozen output guards the speed work on the
extractor: its records on a seeded generated corpus must not change.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbtimeline.extract import extract_events
from kbtimeline.jsonio import dumps, json_array, json_item, jsonl_line
from kbtimeline.model import Day, Event, Part

TRICKY = [
    "", "plain", 'quote " inside', "back\\slash", "new\nline\ttab\r", "\x00\x1f\x7f", "é ü ß",
    "Şuşa Отчет Ελλάδα", "emoji 😀", "\u2028\u2029", "\ud800 lone surrogate", "“curly” ‘quotes’", "[bracketed]",
]  # fmt: skip

values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text() | st.sampled_from(TRICKY),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.lists(inner, max_size=3).map(tuple)
        | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(value=values)
def test_dumps_writes_what_json_dumps_writes(value):
    assert dumps(value) == json.dumps(value, ensure_ascii=False)
    assert dumps(value, "\n  ") == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("text", TRICKY)
def test_event_writers_match_json_dumps_on_tricky_strings(text):
    """With a query's extra fields too (a float, a list of strings)."""
    event = Event(
        id="t-1", source=text, start=Day(1992, 5, 8), end=Day(1992, 5, 9), granularity="day", modifier=None,
        time="05:00", when=text, date_text=text, date_span=(3, 8), text=text, span=(0, 20), title=text,
        parts=(Part((3, 4), Day(1992, 5, 8), Day(1992, 5, 8)), Part((6, 8), Day(1992, 5, 9), Day(1992, 5, 9))),
    )  # fmt: skip
    record = event.to_dict()
    assert jsonl_line(event) == json.dumps(record, ensure_ascii=False) + "\n"
    assert "".join(json_array([json_item(event)])) == json.dumps([record], ensure_ascii=False, indent=2) + "\n"
    extra = {"score": 0.25, "matched": [text, "x"], "empty": []}
    with_extra = {**record, **extra}
    assert jsonl_line(event, extra) == json.dumps(with_extra, ensure_ascii=False) + "\n"
    assert json_item(event, extra) == "  " + json.dumps(with_extra, ensure_ascii=False, indent=2).replace("\n", "\n  ")


# ------------------------------------------------------------- the extractor's frozen output

WORDS = [
    "8", "25–26", "1992", "1992–94", "May", "February", "late", "early", "mid-", "the", "winter", "of",
    "next", "day", "year", "following", "same", "In", "on", "by", "BC", "AD", "490", "1,500", "No.", "p.",
    "12:01", "AM", "and", "between", "to", "from", ".", ",", "–", "(", ")", "\n", "\n\n", "1990s",
    "century", "twentieth", "spring", "that", "three", "years", "earlier", "later", "Retrieved", "Q3",
    "half", "first", "Christmas", "ago", "last", "yesterday", "Friday", "Sept", "week", "weekend", "this",
    "quarter", "noon", "10 p.m.", "said", "will", "troops", "captured", "Shusha", "the town", "was", "fought",
    "on 9 May 1992", "in early 1993", "By April", "Between 1416 and 1420", "the 1978 treaty", "summer of 1991",
]  # fmt: skip
FROZEN = Path(__file__).parent / "data" / "extract_frozen.jsonl"


def generated_corpus() -> list[str]:
    """Texts of date words and prose words, seeded: the same texts on every machine and run."""
    generator = random.Random(13)
    return [" ".join(generator.choices(WORDS, k=generator.randint(5, 80))) for _ in range(250)]


def frozen_lines() -> list[str]:
    """Each text's records with what the extractor decides (titles, kinds, grouping are events/' concern)."""
    lines = []
    for number, text in enumerate(generated_corpus()):
        reference = Day(1998, 2, 19) if number % 2 else None
        for event in extract_events(text, f"g{number}", reference):
            record = event.to_dict()
            for later in ("title", "kind", "happening", "text", "id"):  # "span" says where "text" is
                del record[later]
            lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def test_extractor_output_on_generated_text_is_unchanged():
    """Frozen from the extractor before the speed work; regenerate only for a wanted change of output:
    python -c 'import tests.test_jsonio as t; t.FROZEN.write_text("\\n".join(t.frozen_lines()) + "\\n")'"""
    assert frozen_lines() == FROZEN.read_text(encoding="utf-8").splitlines()
