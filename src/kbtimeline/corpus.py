"""What ``extract`` reads: the documents of a corpus, listed cheaply and read where they are extracted.

A PATH is a text file (one document, named after the file), ``-`` (standard
input, the document "stdin"), a folder (every file below it whose name
matches a pattern, in sorted order, each named by its path inside the folder
without extension: "2020/notes"), or a JSON lines file of documents, one
``{"id": ..., "text": ..., "reference_date": "YYYY-MM-DD"}`` object per line
(``reference_date`` optional), named by their ids. Standard input is read as
JSON lines documents when its first line is one (``--input-format auto``).
Each path may also be a URL (``s3://bucket/corpus``, ``file:///shared/corpus``),
read through fsspec (``remote``).

Listing yields light ``Document`` values: a path to read, or the bytes of one
JSON line. ``read`` turns one into its source id and text in whichever
process extracts it, so workers read their own files and the lister never
holds more than the documents in flight. A document that cannot be read
becomes a KbTimelineError naming it, never the end of the run.

For workers on other machines (``distributed``) a JSON lines file can also be
listed unread, as one ``Document`` whose ``lines`` say where it is: the
workers then read it a byte range at a time (``line_documents``), with the
very code that reads it here, and number its lines from the newlines that
precede each range (``count_newlines``).
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from fnmatch import fnmatchcase
from pathlib import Path
from typing import IO, Any, NamedTuple

from kbtimeline.errors import KbTimelineError, SchemaError
from kbtimeline.model import Day, parse_day
from kbtimeline.storage import files, remote

STDIN, STDIN_SOURCE = "-", "stdin"
INPUT_FORMATS = ("auto", "text", "jsonl")  # auto: *.jsonl files hold JSON lines documents, the rest is text
MB = 1_000_000


class LineRange(NamedTuple):
    """Some lines of a JSON lines file, unread: those that begin in the bytes from ``start`` to ``end``.

    As ``dask.bag.read_text`` splits a file: the range begins after the first
    newline at or after ``start`` (at the file's start when ``start`` is 0) and
    ends with the line that holds the first newline at or after ``end`` (the
    end of the file when ``end`` is None). Ranges that meet end to end hold
    every line once, however the boundaries fall.
    """

    path: str
    start: int
    end: int | None
    max_size: int  # the longest line read (--max-doc-size); a longer one is reported, unread


class Document(NamedTuple):
    """One document as listed: how to get its text, and what to call it meanwhile."""

    name: str  # what messages call it: the path of a file, "<stdin>", or "docs.jsonl:17"
    size: int  # bytes, for the progress bar and for batching
    source: str = ""  # the source id; "" for a JSON document, which carries its own
    content: bytes | None = None  # standard input or one JSON line; None: the file at ``name``
    error: str | None = None  # why it cannot be read, found while listing
    lines: LineRange | None = None  # a whole JSON lines file listed unread, for workers to read in ranges


class Text(NamedTuple):
    """A document read: the source id its events get, its text, and its own "now" if it has one."""

    source: str
    text: str
    reference_date: Day | None = None


def list_documents(
    paths: Iterable[str],
    *,
    glob: str,
    input_format: str,
    stdin: IO[bytes],
    max_size: int,
    warn: Callable[[str], object] = lambda message: None,
    unread_json: bool = False,
) -> Iterator[Document]:
    """The documents ``paths`` name, in order; too large ones (over ``max_size`` bytes) as failures.

    ``input_format`` says how files are read: "jsonl" as JSON lines documents,
    "text" as text, "auto" by their name (``*.jsonl``: documents), standard
    input by its first line. ``warn`` hears of input that is read as text
    but looks like JSON. ``unread_json``: a JSON lines file (standard input
    aside, which only this process can read) is one ``Document`` whose
    ``lines`` span it, left for the workers of a cluster to read.
    """
    folder_sources: set[str] = set()

    def is_jsonl(path: str) -> bool:
        return input_format == "jsonl" or (input_format == "auto" and path.endswith(".jsonl"))

    for path in paths:
        if path == STDIN:
            yield from _from_stdin(stdin, max_size, sniff=input_format == "auto", jsonl=is_jsonl(path), warn=warn)
        elif (listed := _folder(path, glob)) is not None:
            for file, relative in listed:
                if is_jsonl(file):
                    yield from _json_file(file, max_size, unread_json)
                else:
                    yield _text_file(file, _unique(relative, folder_sources), max_size)
        elif is_jsonl(path):
            yield from _json_file(path, max_size, unread_json)
        else:
            yield _text_file(path, Path(path).stem, max_size)


def total_size(paths: Iterable[str], glob: str) -> int | None:
    """How many bytes ``list_documents`` will go through; None when standard input or a URL is among them."""
    total = 0
    for path in paths:
        if path == STDIN or remote.is_url(path):
            return None
        files = _walk(Path(path), glob) if os.path.isdir(path) else [Path(path)]
        total += sum(_size(str(file)) for file in files)
    return total


def read(document: Document) -> Text:
    """The text of a listed document; a KbTimelineError names it if it cannot be read."""
    if document.error is not None:
        raise KbTimelineError(document.error)
    if document.lines is not None:  # many documents: a mistake of the caller, not of the corpus
        raise ValueError(f"{document.name}: a JSON lines file listed unread is read by line_documents")
    if document.content is None:
        return Text(document.source, files.read_text(_file(document.name), document.name))
    if not document.source:
        return _json_text(document.name, document.content)
    return Text(document.source, files.ensure_text(files.decode(document.content, document.name), document.name))


def _text_file(path: str, source: str, max_size: int) -> Document:
    size = _size(path)
    return Document(path, size, source=source, error=_too_large(path, size, max_size))


def _from_stdin(
    stdin: IO[bytes], max_size: int, *, sniff: bool, jsonl: bool, warn: Callable[[str], object]
) -> Iterator[Document]:
    """Standard input as one text document, or as JSON lines documents: asked for, or (``sniff``)
    when its first line is a JSON object with "id" and "text", as ``extract`` writes none and
    ``jq -c`` does."""
    first = stdin.readline(max_size + 1)
    if jsonl or (sniff and _is_document_line(first)):
        yield from _json_documents(io.BufferedReader(_Chained(first, stdin)), "<stdin>", max_size)
        return
    if sniff and first.lstrip()[:1] in (b"{", b"["):
        warn(
            '<stdin> looks like JSON but not like JSON lines documents ({"id": ..., "text": ...} per line); '
            "reading it as text"
        )
    content = first + stdin.read(max_size + 1 - len(first))  # no further: a larger input is refused, not held
    error = _too_large("<stdin>", len(content), max_size)
    yield Document("<stdin>", len(content), source=STDIN_SOURCE, content=content, error=error)


def _is_document_line(line: bytes) -> bool:
    """Whether ``line`` reads as one JSON lines document: an object with "id" and "text"."""
    if not line.lstrip().startswith(b"{"):
        return False
    try:
        record = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return False
    return isinstance(record, dict) and "id" in record and "text" in record


class _Chained(io.RawIOBase):
    """A line already read, then the rest of the stream: to read from the start after a look."""

    def __init__(self, head: bytes, rest: IO[bytes]) -> None:
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self.head[: len(buffer)] if self.head else self.rest.read(len(buffer))
        self.head = self.head[len(chunk) :] if self.head else b""
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _json_file(path: str, max_size: int, unread: bool) -> Iterator[Document]:
    """The documents of a JSON lines file; ``unread``: the file as one ``Document`` spanning its lines,
    unless it is empty or missing (size 0), which is read here: the same report, or nothing, as locally."""
    whole = LineRange(path, 0, None, max_size)
    size = _size(path) if unread else 0
    if size:
        yield Document(path, size, lines=whole)
    else:
        yield from line_documents(whole)


def line_documents(lines: LineRange, newlines_before: int = 0) -> Iterator[Document]:
    """The documents of the lines of ``lines``, named by their line numbers, which ``newlines_before``
    (the newlines in the file before ``lines.start``) gives; the file that cannot be read, as a failure."""
    first = newlines_before + (2 if lines.start else 1)  # the newline that ends the line cut at start too
    try:
        with files.open_binary(_file(lines.path), lines.path) as stream:
            if lines.start:
                stream.seek(lines.start)
                _skip_line(stream)
            yield from _json_documents(stream, lines.path, lines.max_size, first=first, end=lines.end)
    except KbTimelineError as error:  # the file itself: missing, a folder, unreadable
        yield Document(lines.path, 0, error=str(error))


def count_newlines(lines: LineRange) -> int:
    """The newlines in the bytes ``lines.start`` to ``lines.end`` (not the lines it holds): what numbers the
    lines of the ranges after it, so an open end counts none. 0 when the file cannot be read: reading its
    lines will say why."""
    try:
        with files.open_binary(_file(lines.path), lines.path) as stream:
            stream.seek(lines.start)
            count, left = 0, (lines.end or lines.start) - lines.start
            while left > 0 and (chunk := stream.read(min(MB, left))):
                count, left = count + chunk.count(b"\n"), left - len(chunk)
            return count
    except KbTimelineError:
        return 0


def _json_documents(
    stream: IO[bytes], name: str, max_size: int, *, first: int = 1, end: int | None = None
) -> Iterator[Document]:
    """One document per non-blank line, numbered from ``first``; a line longer than ``max_size`` is
    skipped unread. With ``end``, only the lines that begin at or before that offset (``LineRange``)."""
    number = first - 1
    while (end is None or stream.tell() <= end) and (line := stream.readline(max_size + 1)):
        number += 1
        where, size = f"{name}:{number}", len(line)
        if size > max_size and not line.endswith(b"\n"):
            size += _skip_line(stream)
            yield Document(where, size, error=_too_large(where, size, max_size))
        elif line.strip():
            yield Document(where, size, content=line)


def _skip_line(stream: IO[bytes]) -> int:
    """Read past the rest of the current line, a piece at a time; its length in bytes."""
    skipped = 0
    while piece := stream.readline(MB):
        skipped += len(piece)
        if piece.endswith(b"\n"):
            break
    return skipped


def _json_text(name: str, content: bytes) -> Text:
    """A JSON document's id, text and reference date, each checked."""
    try:
        record = json.loads(files.decode(content, name))
    except json.JSONDecodeError as error:
        raise KbTimelineError(f"{name}: not valid JSON: {error.msg} (column {error.colno})") from None
    if not isinstance(record, dict) or "id" not in record or "text" not in record:
        raise KbTimelineError(f'{name}: expected a JSON object with "id" and "text"')
    identifier, text, reference = record["id"], record["text"], record.get("reference_date")
    if isinstance(identifier, bool) or not isinstance(identifier, (str, int)) or not str(identifier).strip():
        raise KbTimelineError(f'{name}: "id" must be a non-empty string or a number')
    named = f"{name} (id {str(identifier)!r})"
    if not isinstance(text, str):
        raise KbTimelineError(f'{named}: "text" must be a string')
    try:
        day = None if reference is None else parse_day(reference)
    except SchemaError:
        raise KbTimelineError(f"{named}: reference_date {reference!r} is not a day (YYYY-MM-DD)") from None
    return Text(str(identifier), files.ensure_text(text, named, what="text"), day)


def _file(name: str) -> Path | remote.RemoteFile:
    return remote.RemoteFile(name) if remote.is_url(name) else Path(name)


def _folder(path: str, glob: str) -> Iterator[tuple[str, str]] | None:
    """The files of the folder ``path`` (local or a URL) with their names inside it; None if it is no folder."""
    if remote.is_url(path):
        return remote.folder(path, glob)
    if not os.path.isdir(path):
        return None
    return ((str(file), file.relative_to(path).with_suffix("").as_posix()) for file in _walk(Path(path), glob))


def _walk(folder: Path, glob: str) -> Iterator[Path]:
    """Files below ``folder`` whose name matches ``glob``, depth first in name order: stable across runs."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError:
        return  # an unreadable subfolder holds nothing we can read
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(Path(entry.path), glob)
        elif entry.is_file() and fnmatchcase(entry.name, glob):
            yield Path(entry.path)


def _unique(source: str, taken: set[str]) -> str:
    """``source``, or ``source~2``, ``source~3``... if it is taken (notes.txt and notes.md)."""
    unique, number = source, 1
    while unique in taken:
        number += 1
        unique = f"{source}~{number}"
    taken.add(unique)
    return unique


def _size(path: str) -> int:
    if remote.is_url(path):
        return remote.size(path)
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # reading it will say what is wrong


def _too_large(name: str, size: int, max_size: int) -> str | None:
    if size <= max_size:
        return None
    shown = f"{size / MB:.1f} MB" if size >= MB / 10 else f"{size:,} bytes"
    return f"{name}: too large ({shown}; --max-doc-size is {max_size / MB:g} MB)"
