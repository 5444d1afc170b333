"""Events as Parquet: written by extract, read back by --data and index, equal to the JSON they come from."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import BUNDLED_SOURCE, ROOT
from kbtimeline import cli, storage
from kbtimeline.model import Event
from kbtimeline.storage import parquet

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

BUNDLED_EVENTS = ROOT / "data" / "events.json"


def kbtimeline(*args: str) -> Result:
    return CliRunner().invoke(cli.app, list(args))


def bundled() -> list[Event]:
    return storage.load_events(storage.locate(BUNDLED_EVENTS))


def jsonl(events: list[Event]) -> list[str]:
    return [json.dumps(event.to_dict(), ensure_ascii=False) + "\n" for event in events]


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled events as a JSON file, a JSON lines file, a Parquet file and a folder of shards, with aliases."""
    folder = tmp_path_factory.mktemp("kb")
    for name in ("events.json", "aliases.json"):
        shutil.copy(ROOT / "data" / name, folder / name)
    lines = jsonl(bundled())
    (folder / "events.jsonl").write_text("".join(lines), encoding="utf-8")
    parquet.write(lines, folder / "events.parquet", keep=lambda: True)
    parquet.write(lines, folder / "shards", keep=lambda: True, shard_rows=50)
    shutil.copy(ROOT / "data" / "aliases.json", folder / "shards" / "aliases.json")
    return folder


def test_the_columns_are_the_json_fields_nested_as_lists() -> None:
    fields = {name for event in bundled() for name in event.to_dict()}
    columns = parquet.schema()
    assert set(columns.names) == fields | {"parts"}
    assert columns.field("date_span").type == pa.list_(pa.int64())
    assert pa.types.is_struct(columns.field("parts").type.value_type)


@pytest.mark.parametrize(
    ("target", "reason"),
    [
        ("events.parquet", "a name ending in .parquet: one file"),
        ("shards", "any other name: a folder of shards, 50 events each here"),
    ],
)
def test_written_then_read_back_the_events_are_equal(kb: Path, target: str, reason: str) -> None:
    path = kb / target
    expected = bundled()
    assert list(parquet.read_events(path)) == expected, reason
    if path.is_dir():
        shards = sorted(path.glob("*.parquet"))
        assert len(shards) == -(-len(expected) // 50)
        assert [pq.ParquetFile(shard).metadata.num_rows for shard in shards[:-1]] == [50] * (len(shards) - 1)


def test_an_empty_event_list_is_a_file_with_the_columns(tmp_path: Path) -> None:
    parquet.write([], tmp_path / "none.parquet", keep=lambda: True)
    assert pq.read_schema(tmp_path / "none.parquet").names == parquet.schema().names
    assert list(parquet.read_events(tmp_path / "none.parquet")) == []


@pytest.mark.parametrize(
    "query",
    [
        ["range", "1991", "1994", "--jsonl"],
        ["search", "Shusha", "--jsonl"],
        ["list", "-g", "day", "--sort", "source", "-n", "30", "--json"],
        ["stats", "--json"],
        ["timeline", "1992", "--width", "100"],
    ],
)
def test_data_parquet_answers_as_the_json_it_was_written_from(kb: Path, query: list[str]) -> None:
    expected = kbtimeline("--data", str(kb / "events.json"), *query)
    assert expected.exit_code == 0 and expected.stdout
    for data in ("events.parquet", "shards"):
        result = kbtimeline("--data", str(kb / data), *query)
        assert (result.exit_code, result.stdout) == (0, expected.stdout), data


def test_an_index_of_parquet_answers_as_an_index_of_json_lines(kb: Path, tmp_path: Path) -> None:
    queries = [["range", "1991", "1994", "--jsonl"], ["search", "Shusha", "--any", "--jsonl"], ["list", "--json"]]
    indexes = {}
    for name in ("events.jsonl", "events.parquet", "shards"):
        index = tmp_path / f"{name}.sqlite"
        built = kbtimeline("index", str(kb / name), "-o", str(index), "--aliases", str(kb / "aliases.json"))
        assert built.exit_code == 0, built.stderr
        indexes[name] = [kbtimeline("--data", str(index), *query).stdout for query in queries]
    assert indexes["events.parquet"] == indexes["events.jsonl"] == indexes["shards"]
    assert all(indexes["events.jsonl"])


def test_extract_writes_parquet_that_reads_back_as_its_json_lines(tmp_path: Path) -> None:
    as_jsonl = kbtimeline("extract", str(BUNDLED_SOURCE), "-f", "jsonl")
    written = kbtimeline("extract", str(BUNDLED_SOURCE), "-o", str(tmp_path / "kb.parquet"))  # by its name
    assert (as_jsonl.exit_code, written.exit_code) == (0, 0)
    assert jsonl(list(parquet.read_events(tmp_path / "kb.parquet"))) == as_jsonl.stdout.splitlines(keepends=True)


def test_extract_replaces_a_folder_of_shards_whole(tmp_path: Path) -> None:
    shards, text = tmp_path / "shards", tmp_path / "one.txt"
    text.write_text("On 8 May 1992 the town fell. In 1994 a ceasefire came.", encoding="utf-8")
    assert kbtimeline("extract", str(BUNDLED_SOURCE), "-f", "parquet", "-o", f"{shards}/").exit_code == 0
    assert kbtimeline("extract", str(text), "-f", "parquet", "-o", str(shards)).exit_code == 0
    assert [event.start.year for event in parquet.read_events(shards)] == [1992, 1994]
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".")] == [], "no temporary left"


@pytest.mark.parametrize(
    ("args", "code", "message", "reason"),
    [
        (["-f", "parquet"], 2, "--format parquet writes a file or a folder: give -o OUT", "no stdout for binary"),
        (["-f", "parquet", "-o", "{folder}"], 1, "a folder holding more than Parquet files", "never removed"),
    ],
)
def test_extract_parquet_refusals(tmp_path: Path, args: list[str], code: int, message: str, reason: str) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me", encoding="utf-8")
    result = kbtimeline("extract", str(BUNDLED_SOURCE), *[arg.format(folder=folder) for arg in args])
    assert result.exit_code == code, reason
    assert result.stderr.count("\n") == 1 and message in result.stderr, reason
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "keep me"


def test_when_no_document_is_read_the_old_output_stays(tmp_path: Path) -> None:
    old = tmp_path / "kb.parquet"
    parquet.write(jsonl(bundled()[:3]), old, keep=lambda: True)
    before = old.read_bytes()
    result = kbtimeline("extract", str(tmp_path / "missing.txt"), "-o", str(old))
    assert result.exit_code == 1 and "no such file" in result.stderr
    assert old.read_bytes() == before


def damaged(folder: Path) -> Path:
    path = folder / "damaged.parquet"
    path.write_bytes(b"PAR1 this is no Parquet file")
    return path


def without_titles(folder: Path) -> Path:
    table = pa.Table.from_pylist([event.to_dict() for event in bundled()[:2]]).drop_columns(["title"])
    path = folder / "no-title.parquet"
    pq.write_table(table, path)
    return path


@pytest.mark.parametrize(
    ("make", "message", "reason"),
    [
        (damaged, "not a readable Parquet file", "the magic number, then garbage"),
        (without_titles, "row 0: missing field 'title'", "another tool's table without a field"),
    ],
)
def test_bad_parquet_is_one_line_and_exit_1(tmp_path: Path, make: object, message: str, reason: str) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    for args in (["--data", str(path), "list"], ["index", str(path), "-o", str(tmp_path / "kb.sqlite")]):
        result = kbtimeline(*args)
        assert result.exit_code == 1, reason
        assert result.stderr.count("\n") == 1 and message in result.stderr, reason
