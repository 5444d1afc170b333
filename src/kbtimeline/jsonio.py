"""Events to and from JSON: indented arrays and JSON lines, written as they come.

What one event looks like in JSON is ``Event.to_dict``/``Event.from_dict``
(model.py); this module is how many of them sit in a file or a pipe. Writers
yield text piece by piece, so a query over millions of events writes its first
lines at once and ``| head`` stops it early; readers say where a broken record
is (file, line, column or index).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from json.encoder import encode_basestring  # the json module's own string quoting (ensure_ascii=False)
from typing import Any, Protocol

from kbtimeline.errors import KbTimelineError, SchemaError
from kbtimeline.model import Event

FORMATS = ("json", "jsonl")  # an indented array, or one object per line


class Record(Protocol):
    """What is written as one JSON object: an event, or a happening (``query.Happening``)."""

    def to_dict(self) -> dict[str, Any]: ...


def jsonl_line(event: Record, extra: Mapping[str, Any] | None = None) -> str:
    """One event as a line of JSON lines; ``extra`` fields (a query's remarks on it) after its own."""
    return dumps(_record(event, extra)) + "\n"


def json_object(event: Record) -> str:
    """One event alone, as an indented JSON object (``show --json``)."""
    return json.dumps(event.to_dict(), ensure_ascii=False, indent=2) + "\n"


def json_item(event: Record, extra: Mapping[str, Any] | None = None) -> str:
    """One event as an item of the indented JSON array ``json_array`` writes."""
    return "  " + dumps(_record(event, extra), "\n    ")


def _record(event: Record, extra: Mapping[str, Any] | None) -> dict[str, Any]:
    return event.to_dict() if not extra else {**event.to_dict(), **extra}


def dumps(value: Any, newline: str | None = None) -> str:
    """``json.dumps(value, ensure_ascii=False)``, or with ``indent=2`` when ``newline`` is given
    (a line break and the indentation of the value's members), byte for byte.

    Written field by field with the json module's own string quoting: the
    records are small dicts of strings, numbers and lists, for which
    ``json.dumps`` spends most of its time setting itself up (about 4x slower).
    """
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if type(value) is int:
        return str(value)
    if isinstance(value, dict) and value and all(type(key) is str for key in value):
        if newline is None:
            return "{" + ", ".join(f"{encode_basestring(k)}: {dumps(v)}" for k, v in value.items()) + "}"
        inner = newline + "  "
        members = (f"{encode_basestring(k)}: {dumps(v, inner)}" for k, v in value.items())
        return "{" + newline + ("," + newline).join(members) + newline[:-2] + "}"
    if isinstance(value, (list, tuple)) and value:
        if newline is None:
            return "[" + ", ".join(dumps(v) for v in value) + "]"
        inner = newline + "  "
        return "[" + newline + ("," + newline).join(dumps(v, inner) for v in value) + newline[:-2] + "]"
    if newline is None:  # empty containers, floats, keys that are not strings: as json writes them
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", newline[:-2])


def json_array(items: Iterable[str]) -> Iterator[str]:
    """The items (from ``json_item``) as one JSON array, written as they come.

    Byte for byte what ``json.dumps(records, indent=2)`` writes for the whole
    list, without ever holding the list.
    """
    empty = True
    for item in items:
        yield ("[\n" if empty else ",\n") + item
        empty = False
    yield "[]\n" if empty else "\n]\n"


def parse_json(text: str, name: str, first_line: int = 1) -> Any:
    """``text`` (from ``name``, starting at line ``first_line``) as JSON; a KbTimelineError says where it breaks."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        line = first_line + error.lineno - 1
        raise KbTimelineError(f"{name}:{line}:{error.colno}: not valid JSON: {error.msg}") from None


def read_event(record: object, where: str, trusted: bool = False) -> Event:
    """One decoded JSON record as an Event; a SchemaError starts with ``where`` it was found.
    ``trusted``: a record kbtimeline wrote, read unchecked (``Event.from_dict``)."""
    try:
        return Event.from_dict(record, trusted=trusted)
    except SchemaError as error:
        raise SchemaError(f"{where}: {error}") from None
