"""kbtimeline index: what the database holds, how it is replaced, and what a bad one says."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kbtimeline import cli, storage
from kbtimeline.storage import sqlite as sqlite_store
from timeline_fixtures import ALIASES, BY_WHEN, EVENTS, SOURCE_TEXT, make_data_dir, write_events

SHUSHA = BY_WHEN["May 1992"]


def kbtimeline(*args: str) -> Result:
    return CliRunner().invoke(cli.app, list(args))


def index(*args: str) -> Path:
    """Index and return the database (the path after -o)."""
    result = kbtimeline("index", *args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == result.stderr == ""
    return Path(args[args.index("-o") + 1])


def failed(result: Result) -> str:
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


def test_the_database_stands_alone(tmp_path: Path) -> None:
    """Aliases and source texts go in: moved away from its folder, it still finds and quotes."""
    database = index(str(make_data_dir(tmp_path)), "-o", str(tmp_path / "kb.sqlite"))
    moved = tmp_path / "far" / "away.db"  # any name: the header says what it is
    moved.parent.mkdir()
    database.rename(moved)
    found = kbtimeline("--data", str(moved), "search", "Shusha", "--jsonl")
    assert [json.loads(line)["id"] for line in found.stdout.splitlines()] == [SHUSHA.id]
    shown = kbtimeline("--data", str(moved), "show", SHUSHA.id).stdout
    assert shown.splitlines()[-1].startswith("Clashes began on 20 February 1988")
    events = storage.open_events(storage.locate(moved))
    assert isinstance(events, sqlite_store.SqliteEvents)
    assert events.aliases() == ALIASES
    assert events.source_text(SHUSHA.source) == SOURCE_TEXT
    assert events.source_text("absent") is None


def test_aliases_from_a_file_and_several_events_files(tmp_path: Path) -> None:
    first = write_events(tmp_path / "first.json", EVENTS[:2])
    rest = tmp_path / "rest.jsonl"
    rest.write_text("".join(json.dumps(e.to_dict(), ensure_ascii=False) + "\n" for e in EVENTS[2:]), "utf-8")
    (tmp_path / "names.json").write_text('{"Shusha": ["Shushi"]}', encoding="utf-8")
    database = index(str(first), str(rest), "--aliases", str(tmp_path / "names.json"), "-o", str(tmp_path / "kb"))
    assert storage.open_events(storage.locate(database)).aliases() == {"Shusha": ["Shushi"]}
    listed = kbtimeline("--data", str(database), "list", "--sort", "source", "--jsonl").stdout
    assert [json.loads(line)["id"] for line in listed.splitlines()] == [
        event.id for event in sorted(EVENTS, key=lambda event: event.date_span)
    ]


def test_reindexing_replaces_the_database_in_one_step(tmp_path: Path) -> None:
    database = index(str(write_events(tmp_path / "one.json", EVENTS[:1])), "-o", str(tmp_path / "kb.sqlite"))
    reader = sqlite3.connect(database)  # a query running meanwhile keeps its own copy
    index(str(write_events(tmp_path / "all.json", EVENTS)), "-o", str(database))
    assert reader.execute("SELECT count(*) FROM events").fetchone() == (1,)
    assert sqlite3.connect(database).execute("SELECT count(*) FROM events").fetchone() == (len(EVENTS),)
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(EVENTS[0].to_dict()) + "\n{oops\n", encoding="utf-8")
    assert "broken.jsonl:2:2: not valid JSON" in failed(kbtimeline("index", str(broken), "-o", str(database)))
    assert sqlite3.connect(database).execute("SELECT count(*) FROM events").fetchone() == (len(EVENTS),)
    assert sorted(os.listdir(tmp_path)) == ["all.json", "broken.jsonl", "kb.sqlite", "one.json"], "no leftovers"


def test_an_index_of_nothing_answers_nothing(tmp_path: Path) -> None:
    database = index(str(write_events(tmp_path / "none.json", [])), "-o", str(tmp_path / "kb.sqlite"))
    assert kbtimeline("--data", str(database), "range", "1992", "--json").stdout == "[]\n"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda path: path.write_bytes(b"SQLite format 3\0" + b"\xff" * 200), "damaged or unreadable SQLite database"),
        (lambda path: sqlite3.connect(path).execute("CREATE TABLE songs (title TEXT)"),
         "an SQLite database, but not a kbtimeline index"),
        (lambda path: sqlite3.connect(path).executescript(
            "CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('format', 'other');"),
         "an SQLite database, but not a kbtimeline index"),
        (lambda path: sqlite3.connect(path, isolation_level=None).executescript(
            "CREATE TABLE meta (key TEXT, value TEXT);"
            "INSERT INTO meta VALUES ('format', 'kbtimeline-index'), ('schema', '0');"),
         "index schema 0, this kbtimeline reads 7; run kbtimeline index again"),
    ],
    ids=["corrupt", "foreign", "another marker", "another schema"],
)  # fmt: skip
def test_a_bad_database_is_one_line_and_exit_1(tmp_path: Path, make: object, message: str) -> None:
    path = tmp_path / "kb.sqlite"
    make(path)  # type: ignore[operator]
    assert failed(kbtimeline("--data", str(path), "list")).startswith(f"kbtimeline: error: {path}: {message}")


def test_a_database_damaged_past_its_header(tmp_path: Path) -> None:
    database = index(str(make_data_dir(tmp_path)), "-o", str(tmp_path / "kb.sqlite"))
    content = bytearray(database.read_bytes())
    page = 4096
    content[page * 2 :] = b"\x00\xff" * ((len(content) - page * 2) // 2)
    database.write_bytes(bytes(content))
    result = kbtimeline("--data", str(database), "list")
    assert result.exit_code == 1
    assert f"kbtimeline: error: {database}: damaged or unreadable SQLite database" in result.stderr


def test_index_cannot_write(tmp_path: Path) -> None:
    data = make_data_dir(tmp_path)
    message = failed(kbtimeline("index", str(data), "-o", str(tmp_path / "missing" / "kb.sqlite")))
    assert "missing/kb.sqlite: cannot write" in message


def test_queries_on_an_index_stay_light(tmp_path: Path) -> None:
    """An index query neither loads the extractor nor reads every event; a JSON query skips sqlite3."""
    database = index(str(make_data_dir(tmp_path)), "-o", str(tmp_path / "kb.sqlite"))
    probe = (
        "import sys\n"
        "from kbtimeline.cli import main\n"
        "sys.argv = ['kbtimeline', *sys.argv[1:]]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('rich', 'dateutil', 'kbtimeline.extract', 'sqlite3')\n"
        "print(sorted(name for name in heavy if name in sys.modules), file=sys.stderr)\n"
    )
    for data, expected in ((database, "['sqlite3']"), (tmp_path / "data", "[]")):
        result = subprocess.run(
            [sys.executable, "-c", probe, "--data", str(data), "search", "Shusha"],
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert result.stderr.splitlines()[-1] == expected


def test_index_has_help_with_an_example() -> None:
    shown = kbtimeline("index", "--help").stdout
    assert "kbtimeline index events.jsonl -o kb.sqlite" in shown.split("Example", 1)[1]


def test_kind_and_happening_are_stored_and_returned(tmp_path: Path) -> None:
    """The index keeps each record's kind and happening, as columns and in the record it returns."""
    first, second = EVENTS[0], EVENTS[1]
    marked = [replace(first, kind="context"), replace(second, happening=first.id), *EVENTS[2:]]
    database = index(str(write_events(tmp_path / "events.json", marked)), "-o", str(tmp_path / "kb.sqlite"))
    with sqlite3.connect(database) as connection:
        columns = dict(connection.execute("SELECT id, kind || ' ' || happening FROM events").fetchall())
    assert columns[first.id] == f"context {first.id}" and columns[second.id] == f"event {first.id}"
    events = storage.open_events(storage.locate(database))
    assert (events.find(first.id).kind, events.find(second.id).happening) == ("context", first.id)
