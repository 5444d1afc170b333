"""Where events come from: the ``Events`` a query command asks, wherever they are kept.

``open_events`` hands the query commands an ``Events`` collection: the events
of a JSON file in memory (``jsonfile``), or an SQLite index (``sqlite``, made
by ``kbtimeline index``), which answers the same questions without reading
every event. ``files`` holds what every file needs (decoding, atomic
replacement); ``location`` finds the events and their companions. The
package never imports the CLI.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

from kbtimeline import query
from kbtimeline.model import Event
from kbtimeline.storage.files import Replacement, starts_with
from kbtimeline.storage.jsonfile import EventList, iter_events, load_events
from kbtimeline.storage.location import (
    SOURCES_FOLDER,
    Location,
    load_aliases,
    load_source_text,
    locate,
    read_aliases,
    source_file,
)

__all__ = [
    "SOURCES_FOLDER",
    "EventList",
    "Events",
    "Location",
    "Replacement",
    "iter_events",
    "load_aliases",
    "load_events",
    "load_source_text",
    "locate",
    "open_events",
    "read_aliases",
    "source_file",
]

SQLITE_HEADER = b"SQLite format 3\0"  # the first 16 bytes of every SQLite database


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


def open_events(location: Location) -> Events:
    """The events at ``location``: an SQLite index if the file is one (by its header), else JSON."""
    if isinstance(location.events, Path) and starts_with(location.events, SQLITE_HEADER):
        from kbtimeline.storage.sqlite import SqliteEvents  # lazy: sqlite3 costs JSON queries time

        return SqliteEvents(location)
    return EventList(location)
