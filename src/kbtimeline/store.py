"""Where events come from, and where extracted events go.

Events are read from the bundled timeline (``kbtimeline/data/events.json`` in
an installed wheel, ``data/events.json`` in a source checkout) or from a file
or folder the user names. Next to the events file sit the optional alias
table ``aliases.json`` and the texts the events were taken from,
``sources/<source>.txt``, which ``show`` quotes around an event.

Every problem with a file becomes a KbTimelineError that names the file and,
where it helps, the line or the index of the offending event.

``open_events`` hands the query commands an ``Events`` collection: the events
of a JSON file in memory, or an SQLite index (``kbtimeline index``), which
answers the same questions without reading every event.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple, Protocol

from kbtimeline import query
from kbtimeline.model import Event, KbTimelineError, SchemaError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

EVENTS_FILE = "events.json"
ALIASES_FILE = "aliases.json"
SOURCES_FOLDER = "sources"
SQLITE_HEADER = b"SQLite format 3\0"  # the first 16 bytes of every SQLite database
PARQUET_HEADER, PARQUET_SUFFIX = b"PAR1", ".parquet"  # a Parquet file (or a folder of them)


class Location(NamedTuple):
    """An events file and the folder around it, which may hold aliases.json and sources/."""

    events: Traversable
    folder: Traversable


def locate(data: Path | None) -> Location:
    """The events ``--data`` names (a file or a folder with events.json), or the bundled ones."""
    if data is None:
        return _bundled()
    if data.is_dir():
        if not (data / EVENTS_FILE).exists() and _holds_parquet(data):
            return Location(data, data)
        return Location(data / EVENTS_FILE, data)
    return Location(data, data.parent)


class Events(Protocol):
    """What the query commands ask of the events, wherever they are kept."""

    def select(self, criteria: query.Criteria) -> Iterable[Event]:
        """The events ``criteria`` asks for, in its order (as ``query.select``)."""

    def find(self, event_id: str) -> Event:
        """The event with this id or id prefix (as ``query.find``)."""

    def texts(self) -> Iterable[str]:
        """Texts holding every word of the events, in first-seen order: "did you mean" reads them."""

    def aliases(self) -> dict[str, list[str]]:
        """The alias table search widens names with."""

    def source_text(self, source: str) -> str | None:
        """The text a source's events were taken from, or None."""


class EventList:
    """Events read whole from a JSON file into memory, with the companions beside the file."""

    def __init__(self, location: Location) -> None:
        self.location = location

    @cached_property
    def events(self) -> list[Event]:
        return load_events(self.location)

    def select(self, criteria: query.Criteria) -> list[Event]:
        return query.select(self.events, criteria)

    def find(self, event_id: str) -> Event:
        return query.find(self.events, event_id)

    def texts(self) -> Iterator[str]:
        return (event.text for event in self.events)

    def aliases(self) -> dict[str, list[str]]:
        return load_aliases(self.location)

    def source_text(self, source: str) -> str | None:
        return load_source_text(self.location, source)


def open_events(location: Location) -> Events:
    """The events at ``location``: an SQLite index if the file is one (by its header), else JSON."""
    if isinstance(location.events, Path) and _starts_with(location.events, SQLITE_HEADER):
        from kbtimeline.sqlite_store import SqliteEvents  # lazy: sqlite3 costs JSON queries time

        return SqliteEvents(location)
    return EventList(location)


def load_events(location: Location) -> list[Event]:
    """Events from a JSON array, from JSON lines (one event object per line) or from Parquet."""
    return list(iter_events(location))


def iter_events(location: Location) -> Iterator[Event]:
    """The events of a JSON array, of JSON lines or of Parquet (a file or a folder), as they are read.

    JSON lines are read one line at a time, so an index can be built from
    millions of events in little memory; an array is read whole.
    """
    name = str(location.events)
    if isinstance(location.events, Path) and (
        _holds_parquet(location.events) or _starts_with(location.events, PARQUET_HEADER)
    ):
        from kbtimeline.parquet import read_events  # lazy: pyarrow, only for Parquet

        yield from read_events(location.events)
        return
    with open_binary(location.events, name) as stream:
        offset, seen = 0, False
        for number, raw in enumerate(stream, start=1):
            line = decode(raw, name, offset)
            offset += len(raw)
            if not line.strip():
                continue
            if not seen and line.lstrip().startswith("["):
                records = _parse_json(line + decode(stream.read(), name, offset), name, number)
                yield from (_event(record, f"{name}: event at index {i}") for i, record in enumerate(records))
                return
            seen = True
            yield _event(_parse_json(line, name, first_line=number), f"{name}:{number}")
    if not seen:
        raise KbTimelineError(f"{name}: empty file")


def load_aliases(location: Location) -> dict[str, list[str]]:
    """The alias table beside the events (aliases.json); empty if there is none."""
    file = location.folder / ALIASES_FILE
    return read_aliases(file) if file.is_file() else {}


def read_aliases(file: Traversable) -> dict[str, list[str]]:
    """The alias table in ``file``: {"canonical name": ["other spelling", ...]}."""
    name = str(file)
    table = _parse_json(read_text(file, name), name)
    if not isinstance(table, dict):
        raise KbTimelineError(f'{name}: expected a JSON object {{"name": ["alias", ...]}}')
    for canonical, aliases in table.items():
        if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
            raise KbTimelineError(f"{name}: {canonical!r}: aliases must be a list of strings")
    return table


def load_source_text(location: Location, source: str) -> str | None:
    """The text a source's events were taken from, or None when it is not at hand.

    A source extracted from a folder is named by its path there ("2020/notes"),
    so its text is looked up at the same path under sources/.
    """
    if not re.fullmatch(r"\w[\w.-]*(/\w[\w.-]*)*", source):  # a source id, never ".." or absolute
        return None
    try:
        return (location.folder / SOURCES_FOLDER / f"{source}.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def read_text(file: Traversable, name: str) -> str:
    """A whole file as text; missing, unreadable, not UTF-8, binary or blank is a KbTimelineError."""
    with open_binary(file, name) as stream:
        return ensure_text(decode(stream.read(), name), name)


def decode(content: bytes, name: str, offset: int = 0) -> str:
    """UTF-8 ``content`` (found ``offset`` bytes into ``name``) as text; a leading BOM is dropped."""
    try:
        text = content.decode("utf-8-sig" if offset == 0 else "utf-8")
    except UnicodeDecodeError as error:
        raise KbTimelineError(f"{name}: not UTF-8 text (bad byte at {offset + error.start})") from None
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
def open_binary(file: Traversable, name: str) -> Iterator[BinaryIO]:
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

    def commit(self) -> None:
        """Make the new version durable, with the old one's permissions, and put it in place."""
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


def _bundled() -> Location:
    # importlib.resources.files("kbtimeline") is this very folder for an installed
    # wheel, but importing it costs ~5 ms a query should not pay; only a zipped
    # install needs it.
    for folder in (
        Path(__file__).parent / "data",  # installed wheel (force-included there)
        Path(__file__).resolve().parents[2] / "data",  # editable install: the repo's data/
    ):
        if (folder / EVENTS_FILE).is_file():
            return Location(folder / EVENTS_FILE, folder)
    from importlib.resources import files

    packaged = files("kbtimeline") / "data"
    return Location(packaged / EVENTS_FILE, packaged)


def _holds_parquet(path: Path) -> bool:
    """Whether ``path`` is a folder of Parquet shards (events.json, when there is one, comes first)."""
    return path.is_dir() and any(path.rglob(f"*{PARQUET_SUFFIX}"))


def _starts_with(file: Path, header: bytes) -> bool:
    try:
        with file.open("rb") as stream:
            return stream.read(len(header)) == header
    except OSError:
        return False  # whoever reads the file next says what is wrong with it


def _parse_json(text: str, name: str, first_line: int = 1) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        line = first_line + error.lineno - 1
        raise KbTimelineError(f"{name}:{line}:{error.colno}: not valid JSON: {error.msg}") from None


def _event(record: object, where: str) -> Event:
    try:
        return Event.from_dict(record)
    except SchemaError as error:
        raise SchemaError(f"{where}: {error}") from None


def _mode_for(path: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual umask-based mode."""
    try:
        return os.stat(path).st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
