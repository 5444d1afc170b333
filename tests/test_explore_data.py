"""The explorer's door to storage: the same page, counts and bounds from a JSON file and from its index."""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
import re
from pathlib import Path

import pytest

from kbtimeline import query
from kbtimeline.errors import UsageError
from kbtimeline.explore.data import Filters, Library, group, happening_key
from kbtimeline.explore.window import Window
from kbtimeline.model import Day, Event
from kbtimeline.storage import sqlite
from timeline_fixtures import ALIASES, EVENTS, SOURCE_TEXT, make_data_dir, write_events


def spread(count: int = 60) -> list[Event]:
    """The fixture's events again and again, moved over twenty years, some on the same day."""
    return [
        dataclasses.replace(
            EVENTS[k % len(EVENTS)],
            id=f"e{k:03d}",
            start=Day(1980 + k // 3, 1 + k % 12, 1 + k % 5),
            end=Day(1980 + k // 3, 1 + k % 12, 1 + k % 5 + (k % 7 == 0) * 20),
            granularity="day" if k % 7 else "month",
            happening="",  # each copy a happening of its own, not one more mention of the original's
        )
        for k in range(count)
    ]


def with_context(events: list[Event]) -> list[Event]:
    """``events`` and, among them, context records with the same words and dates, which the app never shows."""
    context = [dataclasses.replace(event, id=f"c{event.id}", kind="context") for event in events[::4]]
    return [*events, *context]


@pytest.fixture(scope="module")
def backends(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = make_data_dir(tmp_path_factory.mktemp("explore"))
    write_events(folder / "events.json", with_context(spread()))
    index = folder / "kb.sqlite"
    sqlite.build(index, with_context(spread()), ALIASES, lambda source: SOURCE_TEXT)
    return {"json": folder / "events.json", "sqlite": index}


def answers(path: Path, search: str, filters: Filters) -> tuple[object, ...]:
    async def ask() -> tuple[object, ...]:
        library = Library(path, filters)
        try:
            found, bounds, page = await library.find(search, 1, Day(1990, 3, 1).number(), 7)
            window = Window(Day(1990, 6, 1).number(), 1)
            counts = await library.counts(window.edges(37), found)
            first_page = await library.find(search, 1, None, 7)  # around the first match
            return bounds, counts, [happening.key for happening in [*page, *first_page.page]]
        finally:
            library.close()

    return asyncio.run(ask())


# (search as typed, filters, reason)
QUESTIONS = [
    ("", Filters(), "no search: counts from rowids alone"),
    ("Shusha", Filters(), "an alias widens the search (the sentences say Shushi)"),
    ('"Khojaly massacre"', Filters(), "a quoted phrase"),
    ('"Khojaly massa', Filters(), "an unbalanced quote while typing is a space"),
    ("ceasefire", Filters(granularities=("month",)), "a search and a granularity filter"),
    ("", Filters(granularities=("day",)), "a filter without a search reads the starts"),
    ("Stepanakert", Filters(sources=("war",)), "a search and a source filter"),
    ("nowhere", Filters(), "no match: no bounds, zero counts, an empty page"),
]
assert len({row[:2] for row in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.parametrize(("search", "filters", "reason"), QUESTIONS, ids=[row[2] for row in QUESTIONS])
def test_an_index_answers_as_the_json_file_does(
    backends: dict[str, Path], search: str, filters: Filters, reason: str
) -> None:
    from_json = answers(backends["json"], search, filters)
    assert answers(backends["sqlite"], search, filters) == from_json
    bounds, counts, page = from_json
    assert (bounds is None) == (search == "nowhere") == (sum(counts) == 0) == (page == [])  # type: ignore[arg-type]


def test_counts_are_the_events_starting_in_each_bucket(backends: dict[str, Path]) -> None:
    window = Window(Day(1990, 6, 1).number(), 1)
    starts = [event.start.number() for event in spread()]
    edges = window.edges(37)
    expected = [sum(low <= start < high for start in starts) for low, high in itertools.pairwise(edges)]
    _, counts, _ = answers(backends["sqlite"], "", Filters())
    assert counts == expected and sum(expected) > 0


def test_the_page_holds_events_on_both_sides_of_the_day() -> None:
    library = Library(None)
    try:
        page = asyncio.run(library.around(Day(1992, 5, 8).number(), None, 5))
    finally:
        library.close()
    starts = [happening.event.start for happening in page]
    assert starts == sorted(starts)
    assert starts[0] < Day(1992, 5, 8) <= starts[-1]


def test_an_unknown_filter_fails_before_the_app_starts(backends: dict[str, Path]) -> None:
    with pytest.raises(ValueError, match="unknown source 'elsewhere'"):
        Library(backends["sqlite"], Filters(sources=("elsewhere",)))


# (events' happening ids, expected groups as (key, mentions), reason)
GROUPS = [
    ([None, None], [("a", 1), ("b", 1)], "no happening given: each event is its own"),
    (["h1", "h1"], [("h1", 2)], "two mentions of one happening are one row"),
    (["h1", None, "h1"], [("h1", 2), ("b", 1)], "a row sits at its first mention"),
]


@pytest.mark.parametrize(("happenings", "expected", "reason"), GROUPS, ids=[row[2] for row in GROUPS])
def test_mentions_group_by_happening(
    happenings: list[str | None], expected: list[tuple[str, int]], reason: str
) -> None:
    events = [
        dataclasses.replace(EVENTS[0], id=event_id, happening=happening or "")  # "": the event's own id
        for event_id, happening in zip("abc", happenings, strict=False)
    ]
    assert [(h.key, len(h.mentions)) for h in group(events)] == expected
    assert happening_key(events[0]) == (happenings[0] or "a")


def test_events_on_the_same_day_are_counted_and_paged_once_each(tmp_path: Path) -> None:
    """Ranks break ties by position: three events of one day fall in one bucket and one page side."""
    same_day = [
        dataclasses.replace(EVENTS[0], id=f"t{k}", start=Day(1990, 5, 8), end=Day(1990, 5, 8), happening="")
        for k in range(3)
    ]
    events = [*spread(12), *same_day]
    folder = make_data_dir(tmp_path)
    write_events(folder / "events.json", events)
    sqlite.build(folder / "kb.sqlite", events, ALIASES, lambda source: SOURCE_TEXT)
    day = Day(1990, 5, 8).number()
    for path in (folder / "events.json", folder / "kb.sqlite"):
        library = Library(path)
        try:
            counts = asyncio.run(library.counts([day - 1, day, day + 1], None))
            page = asyncio.run(library.around(day, None, 2))
        finally:
            library.close()
        assert counts == [0, 3], path.name
        assert len(page) == 4 and [h.key for h in page][2:] == ["t0", "t1"], path.name  # two from the day on


def test_a_cancelled_call_stops_its_query_and_frees_the_thread(backends: dict[str, Path]) -> None:
    """The app cancels the load a new key makes stale: its query must not hold the storage thread."""
    counting = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000000) SELECT count(*) FROM n"
    )

    async def cancel_then_ask() -> list[int]:
        library = Library(backends["sqlite"])
        index = library._events.events
        try:
            stale = asyncio.create_task(library._call(lambda: next(index._rows(counting))))  # tens of seconds
            await asyncio.sleep(0.3)
            stale.cancel()
            with pytest.raises(asyncio.CancelledError):
                await stale
            return await asyncio.wait_for(library.counts([0, 10**6], None), timeout=5)  # the thread is free again
        finally:
            library.close()

    assert asyncio.run(cancel_then_ask()) == [60]


# (typed in the search box, the search command's terms and options it means or an error, reason)
BOX = [
    ("Shusha", (["Shusha"], {}), "words: aliases on, as search Shusha"),
    ("-w Shusha", (["Shusha"], {"whole_words": True}), "-w as in search -w"),
    ("Shusha --word", (["Shusha"], {"whole_words": True}), "an option after the words, as the command line allows"),
    ("--exact Shusha", (["Shusha"], {"aliases": {}}), "--exact: no other spellings"),
    ("--any Shusha ceasefire", (["Shusha", "ceasefire"], {"match_any": True}), "--any: one term is enough"),
    (r"--regex Sh\w+i", ([r"Sh\w+i"], {"regex": True, "aliases": {}}), "a backslash stays, as in single quotes"),
    ('--regex "Shush[ai] "', (["Shush[ai] "], {"regex": True, "aliases": {}}), "quotes keep a space"),
    ("-- --ceasefire", (["--ceasefire"], {}), "after --, a dash is a term's"),
    ("--reg", None, "an option half typed: no search yet"),
    ("-w S", None, "one letter: no search yet"),
    ("--regex Shush[", "bad regular expression", "a regular expression not yet closed"),
    ("-x Shusha", "unknown option -x", "an option the search command does not have"),
    ("--reg Shusha", "unknown option --reg", "a half option followed by words is a typo"),
    ("-w --regex Shu", "do not combine", "as search -w --regex"),
]
assert len({row[0] for row in BOX}) == len(BOX)


@pytest.mark.parametrize(("typed", "meant", "reason"), BOX, ids=[row[2] for row in BOX])
def test_the_search_box_reads_the_search_commands_options(
    backends: dict[str, Path], typed: str, meant: tuple[list[str], dict[str, object]] | str | None, reason: str
) -> None:
    library = Library(backends["json"])
    try:
        if isinstance(meant, str):
            with pytest.raises(UsageError, match=re.escape(meant)):
                asyncio.run(library.find(typed, 2, 0, 0))
            return
        found = asyncio.run(library.find(typed, 2, 0, 0)).search
    finally:
        library.close()
    if meant is None:
        assert found is None
    else:
        terms, options = meant
        assert found == query.compile_search(terms, **{"aliases": ALIASES, **options})  # type: ignore[arg-type]
