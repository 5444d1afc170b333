"""Events -> text, for a terminal and for a pipe, at a fixed width."""

from __future__ import annotations

import dataclasses
import io
import json
import re

import pytest

from kbtimeline.errors import UsageError
from kbtimeline.output.render import Environment, choose_format, render, render_event
from kbtimeline.query import compile_search
from timeline_fixtures import ALIASES, BY_WHEN, EVENTS, SOURCE_TEXT

TWO = [BY_WHEN["26 February 1992"], BY_WHEN["May 1992"]]
PIPE = Environment(is_tty=False, width=50)
TERMINAL = Environment(is_tty=True, width=50)
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def lines(text: str) -> list[str]:
    """Rendered lines without the padding rich leaves at their ends."""
    return [line.rstrip() for line in text.splitlines()]


def test_tsv() -> None:
    assert render(TWO, "tsv") == (
        "id\tstart\tend\tgranularity\twhen\tsource\ttext\tmentions\n"
        "1791e77202\t1992-02-26\t1992-02-26\tday\t26 February 1992\twar\t"
        "The Khojaly massacre happened on 26 February 1992.\t\n"
        "0dd39fb065\t1992-05-01\t1992-05-31\tmonth\tMay 1992\twar\t"
        "In May 1992 Armenian forces took Shushi [citation needed].\t\n"
    )


def test_tsv_keeps_one_event_per_line() -> None:
    messy = dataclasses.replace(EVENTS[0], text="a\tb\nc\r\nd")
    assert render([messy], "tsv").splitlines()[1].endswith("\ta b c  d\t")


def test_csv() -> None:
    quoted = dataclasses.replace(EVENTS[0], text='He said "no", then left.')
    assert render([quoted], "csv") == (
        "id,start,end,granularity,when,source,text,mentions\n"
        'd99de95df1,1988-02-20,1988-02-20,day,20 February 1988,war,"He said ""no"", then left.",\n'
    )


def test_json_is_the_event_schema_indented() -> None:
    text = render(TWO, "json")
    assert json.loads(text) == [event.to_dict() for event in TWO]
    assert text.startswith('[\n  {\n    "id": "1791e77202",\n')
    assert "Ağdam" in render([BY_WHEN["summer 1993"]], "json"), "not escaped to \\u011f"


def test_jsonl_is_one_object_per_line() -> None:
    text = render(TWO, "jsonl")
    assert [json.loads(line) for line in text.splitlines()] == [e.to_dict() for e in TWO]


@pytest.mark.parametrize(("fmt", "empty"), [("json", "[]\n"), ("jsonl", ""), ("tsv", None)])
def test_nothing_to_show(fmt: str, empty: str | None) -> None:
    expected = empty if empty is not None else "id\tstart\tend\tgranularity\twhen\tsource\ttext\tmentions\n"
    assert render([], fmt) == expected


def test_table_for_a_pipe_wraps_and_keeps_brackets() -> None:
    assert lines(render(TWO, "table", PIPE)) == [
        "When               Event                ID",
        "──────────────────────────────────────────────────",
        "26 February 1992   The Khojaly          1791e77202",
        "                   massacre happened",
        "                   on 26 February",
        "                   1992.",
        "May 1992           In May 1992          0dd39fb065",
        "                   Armenian forces",
        "                   took Shushi",
        "                   [citation needed].",
    ]


def test_table_at_a_terminal_is_the_same_table_in_colour() -> None:
    highlight = compile_search(["Shusha"], aliases=ALIASES).spans
    coloured = render(TWO, "table", TERMINAL, highlight)
    assert ANSI.sub("", coloured) == render(TWO, "table", PIPE)
    assert "\x1b[1;33mShushi\x1b[0m" in coloured, "search matches are highlighted"
    assert "\x1b[36m" in coloured, "dates are coloured"


def test_no_color_keeps_emphasis_but_drops_colour() -> None:
    highlight = compile_search(["Shusha"], aliases=ALIASES).spans
    plain = render(TWO, "table", TERMINAL._replace(no_color=True), highlight)
    assert not re.search(r"\x1b\[[0-9;]*3[0-9]m", plain)
    assert "\x1b[1mShushi\x1b[0m" in plain


def test_table_shows_sources_when_there_are_several() -> None:
    other = dataclasses.replace(EVENTS[0], id="0000000000", source="peace")
    assert lines(render([other, EVENTS[4]], "table", Environment(width=70)))[0].split() == [
        "When", "Event", "Source", "ID"
    ]  # fmt: skip


def test_table_wraps_long_text_instead_of_cutting_it() -> None:
    long = dataclasses.replace(EVENTS[0], text=" ".join(["Stepanakert"] * 12) + " end.")
    shown = render([long], "table", Environment(width=40))
    assert shown.count("Stepanakert") == 12 and "end." in shown and "…" not in shown


def test_empty_table_says_so() -> None:
    assert render([], "table", PIPE) == "No matching events.\n"


# (--format, --json, --jsonl, at a terminal, chosen, reason)
CHOICES = [
    (None, False, False, True, "table", "a person at a terminal gets a table"),
    (None, False, False, False, "tsv", "a pipe gets tsv"),
    ("csv", False, False, True, "csv", "--format wins"),
    (None, True, False, True, "json", "--json"),
    (None, False, True, False, "jsonl", "--jsonl"),
    ("json", True, False, False, "json", "saying json twice is fine"),
]


@pytest.mark.parametrize(("name", "as_json", "as_jsonl", "tty", "chosen", "reason"), CHOICES)
def test_choose_format(name: str | None, as_json: bool, as_jsonl: bool, tty: bool, chosen: str, reason: str) -> None:
    env = Environment(is_tty=tty)
    assert choose_format(name, json=as_json, jsonl=as_jsonl, env=env) == chosen, reason


def test_choose_format_refuses_unknown_and_conflicting_formats() -> None:
    with pytest.raises(UsageError, match="unknown format 'xml'; accepted: table, tsv, csv"):
        choose_format("xml", json=False, jsonl=False, env=PIPE)
    with pytest.raises(UsageError, match="choose one output format, not json and jsonl"):
        choose_format(None, json=True, jsonl=True, env=PIPE)


@pytest.mark.parametrize(
    ("fmt", "reason"),
    [
        ("nope", "a misspelt format must not silently fall back to csv"),
        ("timeline", "the timeline is drawn by the views, not written by render"),
        ("JSON", "formats are lower case, as --format lists them"),
    ],
)
def test_render_refuses_unknown_formats(fmt: str, reason: str) -> None:
    with pytest.raises(UsageError, match=f"cannot write events as {fmt!r}"):
        render(TWO, fmt)


def test_environment_detects_a_pipe_and_no_color() -> None:
    assert Environment.detect(io.StringIO(), {"NO_COLOR": "1"}) == Environment(no_color=True)
    assert Environment.detect(io.StringIO(), {}) == PIPE._replace(width=80)


FIELDS = [
    "May 1992",
    "id          0dd39fb065",
    "start       1992-05-01",
    "end         1992-05-31",
    "granularity month",
    "modifier    -",
    "time        -",
    "date text   May 1992",
    "source      war, characters 50-108 (date 53-61)",
    "section     narrative",
    "kind        event",
    "happening   0dd39fb065 (this record stands for it)",
    "anchored    no",
    "",
]


def test_show_quotes_the_source_around_the_sentence() -> None:
    assert lines(render_event(BY_WHEN["May 1992"], SOURCE_TEXT, PIPE)) == [
        *FIELDS,
        SOURCE_TEXT.strip(),
    ]


def test_show_at_a_terminal_highlights_the_date_in_the_bold_sentence() -> None:
    shown = render_event(BY_WHEN["May 1992"], SOURCE_TEXT, TERMINAL._replace(width=300))
    assert shown.splitlines()[-1] == (
        "Clashes began on 20 February 1988 in Stepanakert. "
        "\x1b[1mIn \x1b[0m\x1b[1;7mMay 1992\x1b[0m"
        "\x1b[1m Armenian forces took Shushi [citation needed].\x1b[0m "
        "The Khojaly massacre happened on 26 February 1992. "
        "Ağdam fell in the summer of 1993. A ceasefire was signed in May 1994."
    )


def test_show_cuts_long_context_at_word_boundaries() -> None:
    event = BY_WHEN["May 1992"]
    padding = "word " * 100
    text = padding + SOURCE_TEXT.strip() + " " + padding
    shifted = dataclasses.replace(
        event,
        span=(event.span[0] + len(padding), event.span[1] + len(padding)),
        date_span=(event.date_span[0] + len(padding), event.date_span[1] + len(padding)),
    )
    context = lines(render_event(shifted, text, PIPE))[-1]
    assert context.startswith("…word ") and context.endswith(" word…")
    assert event.text in context


def test_show_without_the_source_shows_the_sentence() -> None:
    assert lines(render_event(BY_WHEN["May 1992"], None, PIPE)) == [
        *FIELDS,
        "In May 1992 Armenian forces took Shushi [citation needed].",
        "(source text not available: showing the sentence alone)",
    ]


def test_show_falls_back_when_the_source_no_longer_matches() -> None:
    shown = lines(render_event(BY_WHEN["May 1992"], "a different text altogether", PIPE))
    assert shown[-2] == "In May 1992 Armenian forces took Shushi [citation needed]."
