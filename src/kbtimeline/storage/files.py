"""Reading and writing files safely: text that is really text, and replacements that are atomic.

Every problem with a file becomes a KbTimelineError that names the file, so
the CLI reports it in one line. Events files, alias tables, corpus documents
and exports all go through here.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import IO, Literal, Protocol

from kbtimeline.errors import KbTimelineError

PARQUET_SUFFIX, PARQUET_HEADER = ".parquet", b"PAR1"  # a Parquet file's name, and its first (and last) bytes


class Readable(Protocol):
    """What can be read as bytes: a Path, a packaged file (Traversable), a file at a URL (``remote``)."""

    def open(self, mode: Literal["rb"]) -> IO[bytes]: ...


def read_text(file: Readable, name: str) -> str:
    """A whole file as text; missing, unreadable, not UTF-8, binary or blank is a KbTimelineError."""
    with open_binary(file, name) as stream:
        return ensure_text(decode(stream.read(), name), name)


def decode(content: bytes, name: str, offset: int = 0) -> str:
    """UTF-8 ``content`` (found ``offset`` bytes into ``name``) as text; a leading BOM is dropped."""
    try:
        text = content.decode("utf-8")  # not "utf-8-sig": its codec is one more module for a query to import
    except UnicodeDecodeError as error:
        raise KbTimelineError(f"{name}: not UTF-8 text (bad byte at {offset + error.start})") from None
    if offset == 0 and text.startswith("\ufeff"):
        text = text[1:]
    if "\0" in text:
        raise KbTimelineError(f"{name}: binary data, not text")
    return text


def ensure_text(text: str, name: str, what: str = "file") -> str:
    """``text`` itself, unless it is binary (a NUL) or blank, which nobody means to read."""
    if "\0" in text:
        raise KbTimelineError(f"{name}: binary data, not text")
    if not text.strip():
        raise KbTimelineError(f"{name}: empty {what}")
    return text


@contextmanager
def open_binary(file: Readable, name: str) -> Iterator[IO[bytes]]:
    """``file`` opened for reading, its failures told as KbTimelineErrors naming it."""
    try:
        with file.open("rb") as stream:
            yield stream
    except FileNotFoundError:
        raise KbTimelineError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise KbTimelineError(f"{name}: is a folder, not a file") from None
    except OSError as error:
        raise KbTimelineError(f"{name}: cannot read: {error.strerror or error}") from None


class Replacement:
    """A new version of ``target``, written beside it, that takes its place on ``commit()``.

    Until then ``target`` stays as it was; on any failure, or Ctrl-C, the new
    version is removed. Readers never see a half-written file, and a database
    being rebuilt keeps answering queries from the old one.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        self.path = target  # the temporary file, once entered
        self._committed = False

    def __enter__(self) -> Replacement:
        import tempfile  # lazy: only extract and index write files

        try:
            descriptor, name = tempfile.mkstemp(dir=self.target.parent, prefix=f".{self.target.name}.")
        except OSError as error:
            raise self._cannot_write(error) from None
        os.close(descriptor)
        self.path = Path(name)
        return self

    @classmethod
    def write_text(cls, target: Path, text: str, *, durable: bool = True) -> None:
        """Put ``text`` at ``target`` in one step: the old file, if any, stays whole until then."""
        with cls(target) as new:
            new.path.write_text(text, encoding="utf-8")
            new.commit(durable=durable)

    def commit(self, *, durable: bool = True) -> None:
        """Make the new version durable (unless a copy kept for convenience need not wait for the disk),
        with the old one's permissions, and put it in place."""
        if durable:
            descriptor = os.open(self.path, os.O_RDWR)
            try:
                os.fsync(descriptor)
            finally:
                os.close(descriptor)
        self.path.chmod(_mode_for(self.target))
        os.replace(self.path, self.target)
        self._committed = True

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        if not self._committed:
            self.path.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise self._cannot_write(error) from None

    def _cannot_write(self, error: OSError) -> KbTimelineError:
        return KbTimelineError(f"{self.target}: cannot write: {error.strerror or error}")


def holds_shards(path: Path) -> bool:
    """Whether ``path`` is a folder of Parquet shards (``*.parquet`` at any depth)."""
    return path.is_dir() and any(path.rglob(f"*{PARQUET_SUFFIX}"))


def is_parquet(path: Path) -> bool:
    """Whether ``path`` holds Parquet events (``storage.parquet``): a folder of shards, or a file with
    Parquet's header. Told here, from names and bytes, so the queries never import the Parquet module."""
    return holds_shards(path) or starts_with(path, PARQUET_HEADER)


def starts_with(file: Path, header: bytes) -> bool:
    try:
        with file.open("rb") as stream:
            return stream.read(len(header)) == header
    except OSError:
        return False  # whoever reads the file next says what is wrong with it


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual umask-based mode."""
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
