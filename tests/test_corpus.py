"""Listing and reading the documents of a corpus: names, order, sizes, and what cannot be read."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from kbtimeline import corpus
from kbtimeline.corpus import Document, Text
from kbtimeline.model import Day, KbTimelineError


def listed(*paths: str, stdin: bytes = b"", input_format: str = "auto", max_size: int = 10**6) -> list[Document]:
    return list(
        corpus.list_documents(
            paths, glob="*.txt", input_format=input_format, stdin=io.BytesIO(stdin), max_size=max_size
        )
    )


def test_a_file_is_named_after_its_stem_and_stdin_is_stdin(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("On 8 May 1992 the town fell.", encoding="utf-8")
    documents = listed(str(path), "-", stdin=b"In 1993.")
    assert [corpus.read(document) for document in documents] == [
        Text("article", "On 8 May 1992 the town fell."),
        Text("stdin", "In 1993."),
    ]
    assert [document.size for document in documents] == [28, 8]


def test_a_folder_lists_its_files_depth_first_by_name(tmp_path: Path) -> None:
    for name in ("b.txt", "a/z.txt", "a/y/x.txt", "a.txt", "c.md", "a/.hidden.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("In 1992.", encoding="utf-8")
    assert [document.source for document in listed(str(tmp_path))] == ["a/.hidden", "a/y/x", "a/z", "a", "b"]


def test_json_documents_carry_their_ids_and_reference_dates(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(
        '\ufeff{"id": "a", "text": "In 1992."}\n\n{"id": 7, "text": "Last year.", "reference_date": "2000-01-31"}\n',
        encoding="utf-8",
    )
    documents = listed(str(path))
    assert [document.name for document in documents] == [f"{path}:1", f"{path}:3"]
    assert [corpus.read(document) for document in documents] == [
        Text("a", "In 1992."),
        Text("7", "Last year.", Day(2000, 1, 31)),
    ]


def test_a_line_too_long_is_skipped_without_being_held(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    long = json.dumps({"id": "long", "text": "x" * 5000})
    path.write_text(f"{long}\n" + json.dumps({"id": "short", "text": "In 1992."}) + "\n", encoding="utf-8")
    first, second = listed(str(path), max_size=100)
    assert first.content is None and first.size == len(long) + 1
    too_large = r"docs\.jsonl:1: too large \(5,0\d\d bytes; --max-doc-size is 0\.0001 MB"
    with pytest.raises(KbTimelineError, match=too_large):
        corpus.read(first)
    assert corpus.read(second) == Text("short", "In 1992.")


# (content or None for a missing file, part of the message)
BAD_FILES = [
    (None, "no such file"),
    (b"", "empty file"),
    (b" \n\t", "empty file"),
    (b"caf\xe9", "not UTF-8 text"),
    (b"\x00\x01", "binary data"),
]


@pytest.mark.parametrize(("content", "message"), BAD_FILES)
def test_a_file_that_cannot_be_read(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    (document,) = listed(str(path))
    with pytest.raises(KbTimelineError, match=re.escape(f"{path}: {message}")):
        corpus.read(document)


# (JSON line, part of the message, reason)
BAD_LINES = [
    (b'{"id": "a"}', 'expected a JSON object with "id" and "text"', "no text"),
    (b'["a", "text"]', 'expected a JSON object with "id" and "text"', "not an object"),
    (b'{"id": true, "text": "x"}', '"id" must be a non-empty string or a number', "a boolean id"),
    (b'{"id": " ", "text": "x"}', '"id" must be a non-empty string or a number', "a blank id"),
    (b'{"id": "a", "text": 3}', "(id 'a'): \"text\" must be a string", "a number for text"),
    (b'{"id": "a", "text": " "}', "(id 'a'): empty text", "blank text"),
    (b'{"id": "a", "text": "x", "reference_date": "1992-02-30"}', "reference_date '1992-02-30' is not a day",
     "no such day"),
    (b'{"id": "a", "text": "caf\xe9"}', "not UTF-8 text (bad byte at 24)", "Latin-1 inside JSON"),
    (b"{", "not valid JSON: Expecting property name", "broken JSON"),
]  # fmt: skip


@pytest.mark.parametrize(("line", "message", "reason"), BAD_LINES)
def test_a_json_document_that_cannot_be_read(line: bytes, message: str, reason: str) -> None:
    (document,) = listed("-", stdin=line + b"\n", input_format="jsonl")
    with pytest.raises(KbTimelineError, match=re.escape(message)) as raised:
        corpus.read(document)
    assert str(raised.value).startswith("<stdin>:1"), reason


def test_a_missing_jsonl_file_is_one_failed_document(tmp_path: Path) -> None:
    (document,) = listed(str(tmp_path / "none.jsonl"))
    with pytest.raises(KbTimelineError, match=r"none\.jsonl: no such file"):
        corpus.read(document)


def test_too_large_stdin_is_refused_unread() -> None:
    (document,) = listed("-", stdin=b"In 1992. " * 100, max_size=50)
    assert document.size == 51
    with pytest.raises(KbTimelineError, match=r"<stdin>: too large"):
        corpus.read(document)


def test_total_size_counts_what_will_be_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("12345", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("123", encoding="utf-8")
    (tmp_path / "sub" / "c.md").write_text("123", encoding="utf-8")
    assert corpus.total_size([str(tmp_path), str(tmp_path / "a.txt")], "*.txt") == 13
    assert corpus.total_size([str(tmp_path), "-"], "*.txt") is None


def test_json_lines_files_in_a_folder_hold_documents(tmp_path: Path) -> None:
    (tmp_path / "2020").mkdir()
    (tmp_path / "2020" / "docs.jsonl").write_text('{"id": "a", "text": "In 1992."}\n', encoding="utf-8")
    (tmp_path / "notes.jsonl").write_text("In 1993.", encoding="utf-8")
    found = corpus.list_documents(
        [str(tmp_path)], glob="*.jsonl", input_format="auto", stdin=io.BytesIO(), max_size=10**6
    )
    first, second = found
    assert corpus.read(first) == Text("a", "In 1992.")
    with pytest.raises(KbTimelineError, match=r"notes\.jsonl:1: not valid JSON"):
        corpus.read(second)
    as_text = corpus.list_documents(
        [str(tmp_path)], glob="*.jsonl", input_format="text", stdin=io.BytesIO(), max_size=10**6
    )
    assert [document.source for document in as_text] == ["2020/docs", "notes"]


def ranged(path: Path, size: int, max_size: int) -> list[Document]:
    """The documents of ``path`` read as a cluster reads them: ranges of ``size`` bytes, each numbering its
    lines from the newlines counted in the ranges before it."""
    total, documents, newlines = path.stat().st_size, [], 0
    for start in range(0, total, size):
        lines = corpus.LineRange(str(path), start, start + size if start + size < total else None, max_size)
        documents += corpus.line_documents(lines, newlines)
        newlines += corpus.count_newlines(lines)
    return documents


def test_ranges_of_a_json_lines_file_hold_each_line_once_wherever_they_are_cut(tmp_path: Path) -> None:
    """Every range size from one byte to the whole file: boundaries on a newline, just after one, mid-line."""
    path = tmp_path / "docs.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "In 1992."}),
        "",
        "{broken",
        "\n",
        json.dumps({"id": "b", "text": "x" * 60}),
    ]
    path.write_bytes(("\n".join(lines) + "\n" + json.dumps({"id": "c", "text": "In 1994."})).encode())  # no last \n
    whole = listed(str(path), max_size=50)
    assert [(document.name[-2:], document.error is None) for document in whole] == [
        (":1", True), (":3", True), (":6", False), (":7", True),
    ], "blank lines numbered but skipped, the long one reported"  # fmt: skip
    for size in range(1, path.stat().st_size + 2):
        assert ranged(path, size, max_size=50) == whole, f"ranges of {size} bytes"


def test_a_json_lines_file_listed_unread_is_one_document_spanning_it(tmp_path: Path) -> None:
    path, empty = tmp_path / "docs.jsonl", tmp_path / "empty.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "In 1992."}) + "\n", encoding="utf-8")
    empty.write_bytes(b"")
    documents = list(
        corpus.list_documents(
            [str(path), str(empty), str(tmp_path / "missing.jsonl")],
            glob="*.txt", input_format="auto", stdin=io.BytesIO(), max_size=99, unread_json=True,
        )
    )  # fmt: skip
    assert documents == [
        Document(str(path), path.stat().st_size, lines=corpus.LineRange(str(path), 0, None, 99)),
        Document(str(tmp_path / "missing.jsonl"), 0, error=f"{tmp_path / 'missing.jsonl'}: no such file"),
    ], "the file spanned, not read; an empty or missing one read here, as on one machine"
    with pytest.raises(ValueError, match="listed unread"):
        corpus.read(documents[0])
