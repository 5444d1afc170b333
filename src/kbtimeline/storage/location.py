"""Where the events are: the bundled timeline or ``--data PATH``, and the companions beside them.

Events are read from the bundled timeline (``kbtimeline/data/events.json`` in
an installed wheel, ``data/events.json`` in a source checkout) or from a file
or folder the user names. Next to the events file sit the optional alias
table ``aliases.json`` and the texts the events were taken from,
``sources/<source>.txt``, which ``show`` quotes around an event.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kbtimeline.errors import KbTimelineError
from kbtimeline.jsonio import parse_json
from kbtimeline.storage.files import holds_shards, read_text

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

EVENTS_FILE = "events.json"
ALIASES_FILE = "aliases.json"
SOURCES_FOLDER = "sources"


class Location(NamedTuple):
    """An events file and the folder around it, which may hold aliases.json and sources/.

    ``trusted``: the events are the bundled timeline, which kbtimeline wrote
    from events it had validated and its tests check, so reading them skips
    the checks (``Event.from_dict``).
    """

    events: Traversable
    folder: Traversable
    trusted: bool = False


def locate(data: Path | None) -> Location:
    """The events ``--data`` names (a file, a folder with events.json or of Parquet shards), or the bundled ones."""
    if data is None:
        return _bundled()
    if data.is_dir():
        if not (data / EVENTS_FILE).exists() and holds_shards(data):
            return Location(data, data)
        return Location(data / EVENTS_FILE, data)
    return Location(data, data.parent)


def load_aliases(location: Location) -> dict[str, list[str]]:
    """The alias table beside the events (aliases.json); empty if there is none."""
    file = location.folder / ALIASES_FILE
    return read_aliases(file) if file.is_file() else {}


def read_aliases(file: Traversable) -> dict[str, list[str]]:
    """The alias table in ``file``: {"canonical name": ["other spelling", ...]}."""
    name = str(file)
    table = parse_json(read_text(file, name), name)
    if not isinstance(table, dict):
        raise KbTimelineError(f'{name}: expected a JSON object {{"name": ["alias", ...]}}')
    for canonical, aliases in table.items():
        if not isinstance(aliases, list) or not all(isinstance(alias, str) for alias in aliases):
            raise KbTimelineError(f"{name}: {canonical!r}: aliases must be a list of strings")
    return table


def load_source_text(location: Location, source: str) -> str | None:
    """The text a source's events were taken from, or None when it is not at hand.

    A source extracted from a folder is named by its path there ("2020/notes"),
    so its text is looked up at the same path under sources/ (where ``extract
    -o`` keeps it), then beside the events (events.json written into the
    folder it was extracted from).
    """
    if not is_source_path(source):
        return None
    for folder in (location.folder / SOURCES_FOLDER, location.folder):
        try:
            return (folder / f"{source}.txt").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
    return None


def is_source_path(source: str) -> bool:
    """Whether a source id can name a file under sources/: printable parts between slashes, none empty,
    hidden or a backslash path ("Battle of Shusha (1992)", "2020/notes"; never "..", "/etc" or "a//b")."""
    parts = source.split("/")
    return len(source) <= 200 and all(
        part and not part.startswith(".") and "\\" not in part and part.isprintable() for part in parts
    )


def source_file(events_file: Path, source: str) -> Path | None:
    """Where ``extract -o events_file`` keeps the text of ``source`` for ``show``; None if its id names no file."""
    return events_file.parent / SOURCES_FOLDER / f"{source}.txt" if is_source_path(source) else None


def _bundled() -> Location:
    # importlib.resources.files("kbtimeline") is this very folder for an installed
    # wheel, but importing it costs ~5 ms a query should not pay; only a zipped
    # install needs it.
    for folder in (
        Path(__file__).parents[1] / "data",  # installed wheel (force-included there)
        Path(__file__).resolve().parents[3] / "data",  # editable install: the repo's data/
    ):
        if (folder / EVENTS_FILE).is_file():
            return Location(folder / EVENTS_FILE, folder, trusted=True)
    from importlib.resources import files

    packaged = files("kbtimeline") / "data"
    return Location(packaged / EVENTS_FILE, packaged, trusted=True)
