"""Views show one entry per happening; --mentions shows every record, --all context too (issue 11).

Through the real entry point, on a fixture whose happenings are known
(timeline_fixtures.HAPPENINGS): the lead's "1992" and the body's "26
February 1992" tell one happening, shown as the body's record; a ceasefire
told once; a book's year, context.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kbtimeline import cli
from kbtimeline.model import Event
from timeline_fixtures import BOOK, CAPTURE, CEASEFIRE, HAPPENINGS, LEAD, make_happenings_dir, write_events

TWO = (LEAD.id, CAPTURE.id)  # the mentions of the capture, in the order of the text


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_happenings_dir(tmp_path_factory.mktemp("happenings"))


def run(data: Path, *args: str) -> Result:
    result = CliRunner().invoke(cli.app, ["--data", str(data), *args])
    assert result.exit_code == 0, result.stderr
    return result


def rows(data: Path, *args: str) -> list[tuple[str, str]]:
    """(id, mentions column) of each tsv row: the last but range's scope, which follows it."""
    header, *lines = run(data, *args, "--format", "tsv").stdout.splitlines()
    column = header.split("\t").index("mentions")
    assert header.split("\t")[column + 1 :] == (["scope"] if args[0] == "range" else [])
    return [(line.split("\t")[0], line.split("\t")[column]) for line in lines]


# (arguments, (id, mentions column) of each row, reason)
VIEWS = [
    (["list"], [(CAPTURE.id, "2"), (CEASEFIRE.id, "1")],
     "one row per happening, its finer-dated record though the lead comes first; the book is context"),
    (["list", "--mentions"], [(LEAD.id, ""), (CAPTURE.id, ""), (CEASEFIRE.id, "")],
     "every record, as records: no count"),
    (["list", "--all"], [(CAPTURE.id, "2"), (CEASEFIRE.id, "1"), (BOOK.id, "1")], "context too"),
    (["list", "--all", "--mentions"], [(LEAD.id, ""), (CAPTURE.id, ""), (CEASEFIRE.id, ""), (BOOK.id, "")],
     "everything extract wrote"),
    (["list", "-n", "1", "-r"], [(CEASEFIRE.id, "1")], "limit and reverse count happenings"),
    (["list", "-g", "year", "--mentions"], [(LEAD.id, "")], "a filter asks each record under --mentions"),
    (["list", "-g", "year"], [], "a filter asks the representative: the capture is dated to a day"),
    (["search", "Khojaly"], [(CAPTURE.id, "2")], "found through the lead's sentence, shown as the capture"),
    (["search", "Khojaly", "--mentions"], [(LEAD.id, "")], "only the record that says it"),
    (["search", "town", "ceasefire", "--any"], [(CAPTURE.id, "2"), (CEASEFIRE.id, "1")], "any term"),
    (["search", "book"], [], "context is left out of a search too"),
    (["search", "book", "--all"], [(BOOK.id, "1")], "unless --all"),
    (["search", "--regex", "^In "], [(CAPTURE.id, "2")], "a regular expression asks every mention too"),
    (["range", "May 1992"], [], "the happening is where its representative is: February"),
    (["range", "May 1992", "--mentions"], [(LEAD.id, "")], "the lead's year overlaps May"),
    (["range", "1992", "--within"], [(CAPTURE.id, "2")], "within the year"),
    (["range", "2022"], [], "a book's year is not an event"),
    (["range", "2022", "--all"], [(BOOK.id, "1")], "but is there to see with --all"),
    (["list", "--sort", "granularity", "--all"], [(CAPTURE.id, "2"), (CEASEFIRE.id, "1"), (BOOK.id, "1")],
     "sorted as happenings"),
    (["range", "February 1992", "--mentions"], [(CAPTURE.id, ""), (LEAD.id, "")],
     "records inside first: the capture's day, then the lead's year, which reaches beyond February"),
    (["range", "1992", "1994", "-r"], [(CEASEFIRE.id, "1"), (CAPTURE.id, "2")], "happenings inside, newest first"),
    (["search", "Khojaly", "--word"], [(CAPTURE.id, "2")], "whole words are asked of every mention too"),
    (["search", "Khojal", "--word"], [], "and are whole"),
]  # fmt: skip
assert len({tuple(args) for args, _, _ in VIEWS}) == len(VIEWS), "every view once"


@pytest.mark.parametrize(("args", "expected", "reason"), VIEWS, ids=[" ".join(args) for args, _, _ in VIEWS])
def test_one_row_per_happening(data: Path, args: list[str], expected: list[tuple[str, str]], reason: str) -> None:
    assert rows(data, *args) == expected, reason


def test_json_is_the_representative_with_its_mentions(data: Path) -> None:
    shown = json.loads(run(data, "list", "--json").stdout)
    assert shown == [{**CAPTURE.to_dict(), "mentions": list(TWO)}, {**CEASEFIRE.to_dict(), "mentions": [CEASEFIRE.id]}]
    lines = run(data, "search", "Khojaly", "--jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == [{**CAPTURE.to_dict(), "mentions": list(TWO)}]


def test_a_range_places_a_happening_by_its_representative(data: Path) -> None:
    """Its scope is the representative's: the capture is dated inside February, though its lead says 1992;
    in JSON the scope follows the mentions, as in tsv."""
    shown = json.loads(run(data, "range", "February 1992", "--json").stdout)
    assert shown == [{**CAPTURE.to_dict(), "mentions": list(TWO), "scope": "inside"}]
    assert list(shown[0])[-2:] == ["mentions", "scope"]
    records = [
        json.loads(line) for line in run(data, "range", "February 1992", "--jsonl", "--mentions").stdout.splitlines()
    ]
    assert records == [{**CAPTURE.to_dict(), "scope": "inside"}, {**LEAD.to_dict(), "scope": "wider"}]


def test_json_with_mentions_is_the_plain_records(data: Path) -> None:
    shown = json.loads(run(data, "list", "--json", "--mentions", "--all").stdout)
    assert shown == [event.to_dict() for event in HAPPENINGS]


def test_table_says_how_many_mentions(data: Path) -> None:
    table = run(data, "list", "--format", "table").stdout
    assert "(2 mentions)" in table
    assert table.count("mentions") == 1, "a happening told once has no count"
    assert "mentions" not in run(data, "list", "--format", "table", "--mentions").stdout


def test_histogram_counts_happenings(data: Path) -> None:
    by_year = run(data, "histogram", "1992", "1994", "--width", "40").stdout.splitlines()
    assert [line.split()[-1] for line in by_year[1:]] == ["1", "0", "1"]
    records = run(data, "histogram", "1992", "1994", "--width", "40", "--mentions").stdout.splitlines()
    assert [line.split()[-1] for line in records[1:]] == ["2", "0", "1"]


def test_stats_count_happenings_and_their_mentions(data: Path) -> None:
    figures = json.loads(run(data, "stats", "--json").stdout)
    assert (figures["events"], figures["mentions"], figures["latest"]["id"]) == (2, 3, CEASEFIRE.id)
    with_context = json.loads(run(data, "stats", "--json", "--all").stdout)
    assert (with_context["events"], with_context["mentions"], with_context["latest"]["id"]) == (3, 4, BOOK.id)
    records = json.loads(run(data, "stats", "--json", "--mentions").stdout)
    assert (records["events"], records["mentions"]) == (3, 3)
    assert "2 (3 mentions) from 1 source" in run(data, "stats").stdout


def test_timeline_draws_one_line_per_happening(data: Path) -> None:
    picture = run(data, "timeline", "1992", "1994", "--width", "100").stdout
    assert (picture.count(CAPTURE.id), picture.count(LEAD.id), picture.count(CEASEFIRE.id)) == (1, 0, 1)
    assert "(2 mentions)" in picture
    every = run(data, "timeline", "1992", "1994", "--width", "100", "--mentions").stdout
    assert (every.count(CAPTURE.id), every.count(LEAD.id)) == (1, 1)


def test_export_has_one_slide_per_happening(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "slides.json"
    run(data, "export", "--timelinejs", str(out))
    slides = json.loads(out.read_text("utf-8"))["events"]
    assert [slide["text"]["headline"] for slide in slides] == [f"(2 mentions) {CAPTURE.title}", CEASEFIRE.title]
    run(data, "export", "--timelinejs", str(out), "--force", "--all", "--mentions")
    assert len(json.loads(out.read_text("utf-8"))["events"]) == 4
    page = tmp_path / "page.html"
    run(data, "export", "--html", str(page))
    html = page.read_text("utf-8")
    assert (CAPTURE.id in html, LEAD.id in html, BOOK.id in html) == (True, False, False)


@pytest.mark.parametrize(
    ("shown", "listed", "reason"),
    [
        (LEAD, [CAPTURE], "a mention lists the record that stands for its happening"),
        (CAPTURE, [LEAD], "the representative lists the other mentions"),
        (CEASEFIRE, [], "a happening told once lists nothing"),
    ],
)
def test_show_lists_the_other_mentions(data: Path, shown: Event, listed: list[Event], reason: str) -> None:
    text = run(data, "show", shown.id).stdout
    assert f"happening   {CAPTURE.id}" in text or shown is CEASEFIRE, reason
    assert [event.id for event in HAPPENINGS if f"  {event.id}  " in text] == [event.id for event in listed], reason


def test_files_without_kind_and_happening_are_events_of_their_own(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    write_events(old, HAPPENINGS)
    records = json.loads(old.read_text("utf-8"))
    for record in records:
        del record["kind"], record["happening"]
    old.write_text(json.dumps(records), "utf-8")
    assert rows(old, "list") == [(LEAD.id, "1"), (CAPTURE.id, "1"), (CEASEFIRE.id, "1"), (BOOK.id, "1")]
