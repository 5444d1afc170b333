"""extract PATHs that are URLs: listed and read through fsspec like local files and folders."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kbtimeline import cli
from kbtimeline.storage import remote

fsspec = pytest.importorskip("fsspec")

SENTENCES = {
    "corpus/b.txt": "A ceasefire came in May 1994.",
    "corpus/a/z.txt": "On 8 May 1992 the town fell.",
    "corpus/a.txt": "In 1990 it began.",
    "corpus/a/skip.md": "In 1991 nothing.",
    "corpus/docs.jsonl": json.dumps({"id": "doc", "text": "In March 1988 protests began."}) + "\n",
}


@pytest.fixture
def memory() -> Iterator[str]:
    """A corpus in fsspec's in-memory filesystem, reached only by its URL."""
    filesystem = fsspec.filesystem("memory")
    for name, text in SENTENCES.items():
        filesystem.pipe(f"/kbtest/{name}", text.encode())
    yield "memory://kbtest"
    filesystem.rm("/kbtest", recursive=True)


@pytest.mark.parametrize(
    ("path", "glob", "expected", "reason"),
    [
        ("corpus", "*.txt", [("a/z", "1992"), ("a", "1990"), ("b", "1994")], "a folder: depth first in name order"),
        ("corpus", "*.*l", [("doc", "1988")], "JSON lines documents in a folder, by --glob"),
        ("corpus/b.txt", "*.txt", [("b", "1994")], "one file, named after it"),
        ("corpus/docs.jsonl", "*.txt", [("doc", "1988")], "a JSON lines file at a URL"),
    ],
)
def test_a_url_is_read_like_a_local_path(
    memory: str, path: str, glob: str, expected: list[tuple[str, str]], reason: str
) -> None:
    result = CliRunner().invoke(cli.app, ["extract", f"{memory}/{path}", "--glob", glob, "-f", "jsonl", "--jobs", "1"])
    assert result.exit_code == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(event["source"], event["start"][:4]) for event in events] == expected, reason


def test_a_file_url_gives_the_bytes_of_its_path(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "one.txt").write_text("On 8 May 1992 the town fell.", encoding="utf-8")
    (tmp_path / "two.txt").write_text("In 1994 a ceasefire came.", encoding="utf-8")
    as_path, as_url = (
        CliRunner().invoke(cli.app, ["extract", path, "-f", "jsonl", "--jobs", "1"]).stdout
        for path in (str(tmp_path), tmp_path.as_uri())
    )
    assert as_url == as_path and as_path.count("\n") == 2


@pytest.mark.parametrize(
    ("url", "message", "reason"),
    [
        ("memory://kbtest/missing.txt", "memory://kbtest/missing.txt: no such file", "a file that is not there"),
        ("nosuchprotocol://x/y.txt", "nosuchprotocol://x/y.txt: ", "a protocol fsspec does not know"),
    ],
)
def test_a_url_that_cannot_be_read_is_one_line_and_exit_1(memory: str, url: str, message: str, reason: str) -> None:
    result = CliRunner().invoke(cli.app, ["extract", url, "--jobs", "1"])
    assert result.exit_code == 1, reason
    assert result.stderr.count("\n") == 1 and message in result.stderr, reason


@pytest.mark.parametrize(
    ("path", "expected"),
    [("s3://bucket/key", True), ("file:///tmp/a.txt", True), ("notes.txt", False), ("C:/notes.txt", False)],
)
def test_what_is_a_url(path: str, expected: bool) -> None:
    assert remote.is_url(path) is expected
