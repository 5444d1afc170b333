"""Events kept in a file (a JSON array, JSON lines, or Parquet), read whole into memory to be queried."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

from kbtimeline import query
from kbtimeline.errors import KbTimelineError
from kbtimeline.jsonio import parse_json, read_event
from kbtimeline.model import Event
from kbtimeline.storage.files import decode, is_parquet, open_binary
from kbtimeline.storage.location import Location, load_aliases, load_source_text


class EventList:
    """Events read whole from a file into memory, with the companions beside the file."""

    def __init__(self, location: Location) -> None:
        self.location = location

    @cached_property
    def events(self) -> list[Event]:
        return load_events(self.location)

    def select(self, criteria: query.Criteria) -> list[query.Happening]:
        return query.select(self.events, criteria)

    def mentions(self, event: Event) -> list[Event]:
        return [other for other in self.events if other.happening == event.happening]

    def find(self, event_id: str) -> Event:
        return query.find(self.events, event_id)

    def texts(self) -> Iterator[str]:
        return (event.text for event in self.events)

    def aliases(self) -> dict[str, list[str]]:
        return load_aliases(self.location)

    def source_text(self, source: str) -> str | None:
        return load_source_text(self.location, source)


def load_events(location: Location) -> list[Event]:
    """Events from a JSON array, from JSON lines (one event object per line) or from Parquet."""
    return list(iter_events(location))


def iter_events(location: Location) -> Iterator[Event]:
    """The events of a JSON array, of JSON lines or of Parquet (a file or a folder of shards), as they are read.

    JSON lines and Parquet are read a piece at a time, so an index can be
    built from millions of events in little memory; an array is read whole.
    """
    name, trusted = str(location.events), location.trusted
    if isinstance(location.events, Path) and is_parquet(location.events):
        from kbtimeline.storage.parquet import read_events  # lazy: only Parquet data pays for it

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
                records = parse_json(line + decode(stream.read(), name, offset), name, number)
                yield from (
                    read_event(record, f"{name}: event at index {i}", trusted) for i, record in enumerate(records)
                )
                return
            seen = True
            yield read_event(parse_json(line, name, first_line=number), f"{name}:{number}", trusted)
    if not seen:
        raise KbTimelineError(f"{name}: empty file")
