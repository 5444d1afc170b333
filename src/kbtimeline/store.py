"""Where events come from, and where extracted events go.

Events are read from the bundled timeline (``kbtimeline/data/events.json`` in
an installed wheel, ``data/events.json`` in a source checkout) or from a file
or folder the user names. Next to the events file sit the optional alias
table ``aliases.json`` and the texts the events were taken from,
``sources/<source>.txt``, which ``show`` quotes around an event.

Every problem with a file becomes a KbTimelineError that names the file and,
where it helps, the line or the index of the offending event.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from kbtimeline.model import Event, KbTimelineError, SchemaError

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

EVENTS_FILE = "events.json"
ALIASES_FILE = "aliases.json"
SOURCES_FOLDER = "sources"
STDIN_SOURCE = "stdin"


class Location(NamedTuple):
    """An events file and the folder around it, which may hold aliases.json and sources/."""

    events: Traversable
    folder: Traversable


def locate(data: Path | None) -> Location:
    """The events ``--data`` names (a file or a folder with events.json), or the bundled ones."""
    if data is None:
        return _bundled()
    if data.is_dir():
        return Location(data / EVENTS_FILE, data)
    return Location(data, data.parent)


def load_events(location: Location) -> list[Event]:
    """Events from a JSON array or from JSON lines (one event object per line)."""
    name = str(location.events)
    text = _read_text(location.events, name)
    if text.lstrip().startswith("["):
        records = _parse_json(text, name)
        return [_event(record, f"{name}: event at index {i}") for i, record in enumerate(records)]
    return [
        _event(_parse_json(line, name, first_line=number), f"{name}:{number}")
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    ]


def load_aliases(location: Location) -> dict[str, list[str]]:
    """The alias table {"canonical name": ["other spelling", ...]}; empty if there is none."""
    file = location.folder / ALIASES_FILE
    if not file.is_file():
        return {}
    name = str(file)
    table = _parse_json(_read_text(file, name), name)
    if not isinstance(table, dict):
        raise KbTimelineError(f'{name}: expected a JSON object {{"name": ["alias", ...]}}')
    for canonical, aliases in table.items():
        if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
            raise KbTimelineError(f"{name}: {canonical!r}: aliases must be a list of strings")
    return table


def load_source_text(location: Location, source: str) -> str | None:
    """The text a source's events were taken from, or None when it is not at hand."""
    if not re.fullmatch(r"\w[\w.-]*", source):  # a source id, never a path
        return None
    try:
        return (location.folder / SOURCES_FOLDER / f"{source}.txt").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def read_input(path: str, stdin: BinaryIO) -> tuple[str, str]:
    """(source id, text) of one ``extract`` input: the file's stem, or "stdin" for ``-``."""
    if path == "-":
        return STDIN_SOURCE, _decode(stdin.read(), "<stdin>")
    file = Path(path)
    return file.stem, _read_text(file, path)


def write_atomic(path: Path, text: str) -> None:
    """Replace ``path`` by ``text`` in one step: on any failure, or Ctrl-C, the old file stays."""
    import tempfile  # lazy: only extract writes files

    temporary: Path | None = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=path.parent, prefix=f".{path.name}.", delete=False
        ) as handle:
            temporary = Path(handle.name)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        temporary.chmod(_mode_for(path))
        os.replace(temporary, path)
    except BaseException as error:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise KbTimelineError(f"{path}: cannot write: {error.strerror or error}") from None
        raise


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


def _read_text(file: Traversable, name: str) -> str:
    try:
        content = file.read_bytes()
    except FileNotFoundError:
        raise KbTimelineError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise KbTimelineError(f"{name}: is a folder, not a file") from None
    except OSError as error:
        raise KbTimelineError(f"{name}: cannot read: {error.strerror or error}") from None
    return _decode(content, name)


def _decode(content: bytes, name: str) -> str:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise KbTimelineError(f"{name}: not UTF-8 text (bad byte at {error.start})") from None
    if "\0" in text:
        raise KbTimelineError(f"{name}: binary data, not text")
    if not text.strip():
        raise KbTimelineError(f"{name}: empty file")
    return text


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
