"""Every query gives the same output on a JSON file and on its SQLite index (kbtimeline index)."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import ROOT
from kbtimeline import cli, query, storage
from kbtimeline.model import Day, Event, KbTimelineError
from kbtimeline.output.render import Environment
from kbtimeline.storage.sqlite import ORDER
from timeline_fixtures import BY_WHEN, EVENTS, make_data_dir, write_events

SHUSHA = BY_WHEN["May 1992"].id

# (arguments, reason); each runs on both datasets, the small fixture and the bundled article
QUERIES = [
    (["range", "1992"], "one year, overlapping"),
    (["range", "1991", "1994", "--json"], "two periods, as JSON"),
    (["range", "1992-05-01", "1992-05-15", "--within"], "within: nothing lies inside"),
    (["range", "May 1992", "--within", "--jsonl"], "within a month"),
    (["range", "490 BC", "480 BC"], "an empty result"),
    (["range", "1993", "-g", "month"], "a month-level span from 1988 reaches in: the longest of its granularity"),
    (["list", "--from", "1993", "-g", "day", "-g", "year"], "two granularities, the longer of their longest"),
    (["search", "Shusha"], "aliases widen a name"),
    (["search", "Shusha", "--exact"], "no aliases, and a did-you-mean"),
    (["search", "susa"], "accents folded"),
    (["search", "Şuşa"], "accents typed"),
    (["search", "Khojaly massacre"], "a phrase"),
    (["search", "Khojaly", "ceasefire", "--any"], "any term"),
    (["search", "Khojaly", "ceasefire"], "every term"),
    (["search", "Stepan"], "a term matches the start of a word"),
    (["search", "war"], "not inside a word (toward)"),
    (["search", "Nagorno-Karabakh", "--from", "1992", "--to", "1993"], "hyphenated, in a range"),
    (["search", "Stepanakret"], "did you mean"),
    (["search", "--regex", "^(In|A) "], "a regular expression"),
    (["search", "--regex", "Shush[ai]", "--exact", "--to", "1993"], "a regular expression in a range"),
    (["search", "Ходжалы"], "Cyrillic"),
    (["search", "1992", "-n", "3", "-r"], "a number, limited and reversed"),
    (["search", "Shusha", "-r"], "a search reversed"),
    (["search", "the", "--sort", "source", "-n", "4"], "a search by source, limited"),
    (["search", "the", "--sort", "granularity", "-r", "--jsonl"], "a search by granularity, reversed"),
    (["search", "the", "--from", "1992-03", "--to", "1993", "-n", "2"], "a search in a range, limited"),
    (["search", "the", "-g", "day", "-s", "war"], "a search filtered"),
    (["list"], "everything"),
    (["list", "-g", "day", "--reverse"], "one granularity, reversed"),
    (["list", "-g", "day", "-g", "month", "--sort", "granularity"], "two granularities"),
    (["list", "-n", "1", "-r"], "the latest"),
    (["list", "-n", "0"], "nothing asked"),
    (["list", "--sort", "granularity", "--limit", "3"], "by granularity"),
    (["list", "--sort", "source", "--jsonl"], "by source"),
    (["list", "--sort", "source", "-r", "--format", "csv"], "by source, reversed"),
    (["list", "--from", "1993", "--format", "timeline"], "the timeline format"),
    (["list", "--source", "peace"], "an unknown source"),
    (["list", "-g", "fortnight"], "an unknown granularity"),
    (["show", SHUSHA[:5]], "show, quoting the source text"),
    (["show", "zzz"], "an unknown id"),
    (["show", ""], "an empty id"),
    (["stats"], "stats"),
    (["stats", "--json", "--from", "1992"], "stats as JSON"),
    (["timeline", "1988", "1994", "--width", "90"], "a timeline"),
    (["timeline", "--search", "Shusha"], "a timeline of a search"),
    (["histogram", "1988", "1994", "--by", "month", "--spark"], "a sparkline"),
    # issue 14: every new option answers the same from the index
    (["range", "8 May 1992"], "inside first, then the wider ones, with their scope"),
    (["range", "8 May 1992", "--jsonl", "-n", "5"], "the scope in JSON lines, limited after the inside ones"),
    (["range", "1992", "-r", "--json"], "inside first, each part newest first"),
    (["range", "1992", "--sort", "source", "-n", "7"], "inside first, each part by source"),
    (["range", "early 1992"], "a label: early is the first third"),
    (["range", "late 1992", "--within"], "within the last third"),
    (["range", "winter 1991–1992", "--format", "csv"], "a winter"),
    (["range", "20th century", "-n", "3"], "a century"),
    (["range", "1950"], "early 20th century is its first third only: not here"),
    (["range", "1930", "--within", "--json"], "nor here: a third of a century is not within a year"),
    (["range", "1991-1994", "-g", "day", "-n", "4"], "a span in one argument"),
    (["range", "92"], "a short year is refused"),
    (["search", "UN", "--word"], "whole words"),
    (["search", "UN", "Khojaly", "-w", "--any"], "whole words, any"),
    (["search", "Nagorno", "-w"], "a whole word inside a hyphenated name"),
    (["search", "Shush", "-w", "--exact"], "no partial word"),
    (["show", SHUSHA[:5], "--json"], "show as JSON"),
    (["histogram", "1992"], "a window is the axis"),
    (["histogram", "1990", "1992", "--by", "month"], "by month from the window's start"),
    (["histogram", "--from", "1993", "--by", "decade"], "an open window"),
    (["timeline", "1992", "-n", "10"], "a limited timeline names where events were left out"),
    (["list", "-n", "4", "-r", "--format", "timeline"], "newest first, limited"),
    (["timeline", "1992", "1993", "--ascii", "--width", "70"], "all ASCII"),
    (["export", "--html", "-", "--from", "1992", "--to", "1993", "--within"], "a page on stdout, within a window"),
    (["export", "--timelinejs", "-", "--search", "Shusha", "--within"], "TimelineJS on stdout"),
    (["range", "1991", "1994", "--data", "PLACEHOLDER"], "a global option after the command"),
]  # fmt: skip
assert len({tuple(args) for args, _ in QUERIES}) == len(QUERIES), "every query once"


@pytest.fixture(scope="module", params=["fixture", "bundled"])
def backends(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A data folder and its index, built by the CLI, in another folder so nothing is shared."""
    root = tmp_path_factory.mktemp(request.param)
    data = make_data_dir(root) if request.param == "fixture" else ROOT / "data"
    index = root / "elsewhere" / "kb.sqlite"
    index.parent.mkdir()
    result = CliRunner().invoke(cli.app, ["index", str(data), "-o", str(index)])
    assert result.exit_code == 0, result.stderr
    return data, index


def run(data: Path, args: list[str], env: Environment | None = None) -> Result:
    """``args`` on ``data``; a ``--data PLACEHOLDER`` among them names ``data`` after the command instead."""
    if "PLACEHOLDER" in args:
        return CliRunner().invoke(cli.app, [str(data) if arg == "PLACEHOLDER" else arg for arg in args], obj=env)
    return CliRunner().invoke(cli.app, ["--data", str(data), *args], obj=env)


@pytest.mark.parametrize(("args", "reason"), QUERIES, ids=[" ".join(args) for args, _ in QUERIES])
def test_same_output_on_both_backends(backends: tuple[Path, Path], args: list[str], reason: str) -> None:
    data, index = backends
    on_json, on_index = run(data, args), run(index, args)
    assert (on_index.exit_code, on_index.stdout, on_index.stderr) == (
        on_json.exit_code,
        on_json.stdout,
        on_json.stderr,
    ), reason


def test_same_table_at_a_terminal(backends: tuple[Path, Path]) -> None:
    data, index = backends
    terminal = Environment(is_tty=True, width=100)
    on_json = run(data, ["search", "Shusha", "Khojaly", "--any"], terminal)
    assert run(index, ["search", "Shusha", "Khojaly", "--any"], terminal).stdout == on_json.stdout


def bundled_words() -> list[str]:
    """Every 5th distinct word of the bundled events, and the first three letters of each."""
    events = storage.load_events(storage.locate(None))
    spelled = list(dict.fromkeys(word for event in events for word in query.written_words(event.text)))
    chosen = spelled[::5]
    return sorted(set(chosen) | {word[:3] for word in chosen})


def test_every_word_search_agrees(tmp_path: Path) -> None:
    """Hundreds of searches, straight through both backends: the full-text index never loses a match."""
    location = storage.locate(None)
    index = tmp_path / "kb.sqlite"
    assert CliRunner().invoke(cli.app, ["index", str(location.events), "-o", str(index)]).exit_code == 0
    on_json, on_index = storage.open_events(location), storage.open_events(storage.locate(index))
    aliases = on_json.aliases()
    words = bundled_words()
    assert len(words) > 300
    for number, word in enumerate(words):
        neighbour = words[(number * 7) % len(words)]
        for terms, match_any in (([word], False), ([word, neighbour], True), ([f"{neighbour} {word}"], False)):
            criteria = query.Criteria(search=query.compile_search(terms, match_any=match_any, aliases=aliases))
            assert list(on_index.select(criteria)) == on_json.select(criteria), terms


# (start, end, granularity, source, date_span): ties on every key but the last, and a duplicate
TANGLED = [
    (Day(1992, 1, 1), Day(1992, 12, 31), "year", "b", (5, 9)),
    (Day(1992, 1, 1), Day(1992, 1, 31), "month", "b", (5, 9)),
    (Day(1992, 1, 1), Day(1992, 1, 15), "decade", "b", (7, 8)),
    (Day(1992, 1, 1), Day(1992, 1, 1), "day", "b", (50, 60)),
    (Day(1992, 1, 1), Day(1992, 1, 1), "day", "b", (1, 2)),
    (Day(1992, 1, 1), Day(1992, 1, 1), "day", "a", (50, 60)),
    (Day(1992, 1, 1), Day(1992, 1, 1), "day", "a", (10, 20)),
    (Day(1992, 1, 1), Day(1992, 1, 1), "day", "a", (10, 30)),
    (Day(1992, 1, 1), Day(1992, 1, 1), "day", "a", (15, 16)),
    (Day(1991, 6, 1), Day(1993, 5, 31), "year", "a", (3, 4)),
    (Day(1992, 1, 1), Day(1992, 1, 1), "day", "a", (10, 20)),
    (Day(-489, 9, 12), Day(-489, 9, 12), "day", "c", (0, 1)),
]


def both_backends(tmp_path: Path, events: list[Event]) -> tuple[storage.Events, storage.Events]:
    """``events`` as a JSON file and as its index."""
    path = write_events(tmp_path / "events.json", events)
    index = tmp_path / "kb.sqlite"
    assert CliRunner().invoke(cli.app, ["index", str(path), "-o", str(index)]).exit_code == 0
    return storage.open_events(storage.locate(path)), storage.open_events(storage.locate(index))


def test_ties_break_the_same_way_in_sql(tmp_path: Path) -> None:
    """sqlite_store.ORDER spells query.SORTS; equal keys keep input order, reversed or not, searched or not,
    inside the range first or not.

    The index numbers events in the date order: a search in that order reads
    rowids, every other order sorts columns; both must come out as Python's.
    """
    sentences = [event.text for event in EVENTS[:3]]
    events = [
        dataclasses.replace(EVENTS[0], id=f"e{n}", start=start, end=end, granularity=granularity, source=source,
                            date_span=span, text=sentences[n % 3])
        for n, (start, end, granularity, source, span) in enumerate(TANGLED)
    ]  # fmt: skip
    on_json, on_index = both_backends(tmp_path, events)
    assert tuple(ORDER) == tuple(query.SORTS)
    searches = [None, query.compile_search(["in"]), query.compile_search(["Shushi", "massacre"], match_any=True)]
    ranges = [(None, None), (Day(1992, 1, 1), None), (None, Day(1991, 12, 31)), (Day(1992, 1, 2), Day(1993, 1, 1))]
    for sort, reverse, search, (start, end), within, limit, inside_first in itertools.product(
        query.SORTS, (False, True), searches, ranges, (False, True), (None, 3), (False, True)
    ):
        criteria = query.Criteria(start, end, within, search, sort=sort, reverse=reverse, limit=limit)
        criteria = criteria._replace(inside_first=inside_first)
        assert [e.id for e in on_index.select(criteria)] == [e.id for e in on_json.select(criteria)], criteria


def test_find_agrees_on_repeated_and_shared_ids(tmp_path: Path) -> None:
    """find reads candidates in input order, not rowid order: of two events with one id, the first in the input."""
    ids = ["abc2", "abc1", "zz", "abc1", "abd"]
    events = [
        dataclasses.replace(EVENTS[0], id=event_id, date_span=(n, n + 1), start=Day(1980 - n, 1, 1))
        for n, event_id in enumerate(ids)
    ]
    on_json, on_index = both_backends(tmp_path, events)
    for prefix in ("abc1", "abc2", "zz", "z", "abd", "ab", "abc", "q"):
        assert found(on_index, prefix) == found(on_json, prefix), prefix


def found(events: storage.Events, prefix: str) -> Event | str:
    """What find answers: the event, or the error it raises."""
    try:
        return events.find(prefix)
    except KbTimelineError as error:
        return f"{type(error).__name__}: {error}"


def test_thirds_match_the_same_way_in_sql(tmp_path: Path) -> None:
    """Early, mid and late match ranges by their third (query.focus) in both backends, inside first or not."""
    spans = [
        (Day(1992, 1, 1), Day(1992, 12, 31), "year"),
        (Day(1990, 1, 1), Day(1999, 12, 31), "decade"),
        (Day(1900, 1, 1), Day(1999, 12, 31), "century"),
        (Day(1992, 5, 1), Day(1992, 5, 31), "month"),
        (Day(1992, 5, 8), Day(1992, 5, 8), "day"),
    ]
    events = [
        dataclasses.replace(EVENTS[0], id=f"e{n}-{modifier}", start=start, end=end, granularity=granularity,
                            modifier=modifier, date_span=(n, n + 1))
        for n, ((start, end, granularity), modifier) in enumerate(
            itertools.product(spans, (None, "early", "mid", "late", "before"))
        )
    ]  # fmt: skip
    on_json, on_index = both_backends(tmp_path, events)
    ranges = [
        (Day(1992, 1, 1), Day(1992, 4, 30)), (Day(1992, 9, 1), Day(1992, 12, 31)), (Day(1950, 1, 1), None),
        (None, Day(1933, 4, 30)), (Day(1992, 5, 1), Day(1992, 5, 10)), (Day(1996, 9, 1), Day(1999, 12, 31)),
    ]  # fmt: skip
    for (start, end), within, inside_first, reverse in itertools.product(
        ranges, (False, True), (False, True), (False, True)
    ):
        criteria = query.Criteria(start, end, within, reverse=reverse, inside_first=inside_first)
        expected = [event.id for event in on_json.select(criteria)]
        assert [event.id for event in on_index.select(criteria)] == expected, criteria
    early_century = query.Criteria(Day(1950, 1, 1), Day(1950, 12, 31))
    assert not any(event.id.endswith("-early") and event.granularity == "century"
                   for event in on_index.select(early_century))  # fmt: skip
