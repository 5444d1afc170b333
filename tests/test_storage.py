"""Where events come from: files, folders, the bundled data; and how errors name the culprit."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kbtimeline import storage
from kbtimeline.model import Event, KbTimelineError
from timeline_fixtures import ALIASES, EVENTS, SOURCE, SOURCE_TEXT, make_data_dir, write_events

ROOT = Path(__file__).resolve().parents[1]


def test_a_folder_holds_events_aliases_and_sources(tmp_path: Path) -> None:
    location = storage.locate(make_data_dir(tmp_path))
    assert storage.load_events(location) == EVENTS
    assert storage.load_aliases(location) == ALIASES
    assert storage.load_source_text(location, SOURCE) == SOURCE_TEXT


def test_a_file_finds_its_companions_next_to_it(tmp_path: Path) -> None:
    folder = make_data_dir(tmp_path)
    location = storage.locate(folder / "events.json")
    assert location == storage.Location(folder / "events.json", folder)
    assert storage.load_aliases(location) == ALIASES


def test_json_lines_with_blank_lines_and_a_byte_order_mark(tmp_path: Path) -> None:
    lines = [json.dumps(event.to_dict(), ensure_ascii=False) for event in EVENTS]
    path = tmp_path / "events.jsonl"
    path.write_text("\ufeff" + "\n\n".join(lines) + "\n", encoding="utf-8")
    assert storage.load_events(storage.locate(path)) == EVENTS


def test_only_the_bundled_events_are_read_unchecked(tmp_path: Path) -> None:
    """The bundled timeline is read without the checks (Location.trusted) into the very events the checks
    make; a file named with --data, the same file included, is checked."""
    bundled = storage.locate(None)
    assert bundled.trusted
    assert not storage.locate(Path(str(bundled.events))).trusted
    assert not storage.locate(make_data_dir(tmp_path)).trusted
    records = json.loads(bundled.events.read_text(encoding="utf-8"))
    assert storage.load_events(bundled) == [Event.from_dict(record) for record in records]


def test_bundled_data_is_the_checkouts_in_any_install() -> None:
    """Editable installs read data/ of the checkout; wheels carry a copy of it."""
    location = storage.locate(None)
    bundled = Path(str(location.events)).read_bytes()
    assert bundled == (ROOT / "data" / "events.json").read_bytes()
    assert storage.load_source_text(location, "first-nagorno-karabakh-war") is not None


def record(**changes: object) -> str:
    return json.dumps({**EVENTS[0].to_dict(), **changes})


# (file name, content, part of the message, reason)
BAD_EVENT_FILES = [
    ("events.json", None, "events.json: no such file", "missing"),
    ("events.json", b"", "events.json: empty file", "empty"),
    ("events.json", b"[\xff]", "events.json: not UTF-8 text (bad byte at 1)", "not UTF-8"),
    ("events.json", b"[\0]", "binary data", "a NUL byte is no text"),
    ("events.json", b'[\n  {"id": }\n]', "events.json:2:10: not valid JSON", "line and column"),
    ("events.jsonl", f"{record()}\n{{oops\n".encode(), "events.jsonl:2:2: not valid JSON",
     "JSON lines: the line"),
    ("events.json", f"[{record()}, {{}}]".encode(), "event at index 1: missing field",
     "the index of the bad event"),
    ("events.json", f"[{record(granularity='fortnight')}]".encode(),
     "event at index 0: unknown granularity 'fortnight'", "a value outside the schema"),
    ("events.jsonl", f"{record()}\n\n{record(start='1992-02-30')}\n".encode(),
     "events.jsonl:3: no such calendar day", "JSON lines: the line of the bad event"),
    ("events.jsonl", b"42\n", "events.jsonl:1: an event must be a JSON object", "not an object"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "message", "reason"), BAD_EVENT_FILES)
def test_bad_events_file(tmp_path: Path, name: str, content: bytes | None, message: str, reason: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(KbTimelineError) as raised:
        storage.load_events(storage.locate(path))
    assert message in str(raised.value), reason
    assert str(path) in str(raised.value), "the message names the file"


def test_a_folder_without_events(tmp_path: Path) -> None:
    with pytest.raises(KbTimelineError, match=r"events\.json: no such file"):
        storage.load_events(storage.locate(tmp_path))


def test_an_events_path_that_is_a_folder_inside(tmp_path: Path) -> None:
    (tmp_path / "events.json").mkdir()
    with pytest.raises(KbTimelineError, match="is a folder"):
        storage.load_events(storage.locate(tmp_path))


# (aliases.json content, part of the message, reason)
BAD_ALIASES = [
    ('["Shusha"]', "expected a JSON object", "a list, not a table"),
    ('{"Shusha": "Shushi"}', "'Shusha': aliases must be a list of strings", "a bare string"),
    ('{"Shusha": [1]}', "'Shusha': aliases must be a list of strings", "a number"),
    ('{"Shusha": [}', "aliases.json:1:13: not valid JSON", "broken JSON"),
]


@pytest.mark.parametrize(("content", "message", "reason"), BAD_ALIASES)
def test_bad_aliases(tmp_path: Path, content: str, message: str, reason: str) -> None:
    write_events(tmp_path / "events.json", EVENTS)
    (tmp_path / "aliases.json").write_text(content, encoding="utf-8")
    with pytest.raises(KbTimelineError, match=message):
        storage.load_aliases(storage.locate(tmp_path))


def test_no_aliases_file_means_no_aliases(tmp_path: Path) -> None:
    assert storage.load_aliases(storage.locate(write_events(tmp_path / "e.json", EVENTS))) == {}


def test_source_text_is_only_ever_a_file_in_sources(tmp_path: Path) -> None:
    location = storage.locate(make_data_dir(tmp_path))
    (tmp_path / "secret.txt").write_text("no", encoding="utf-8")
    assert storage.load_source_text(location, "../../secret") is None
    assert storage.load_source_text(location, "sub/../../secret") is None
    assert storage.load_source_text(location, "absent") is None


def test_a_source_from_a_folder_has_its_text_at_the_same_path(tmp_path: Path) -> None:
    location = storage.locate(make_data_dir(tmp_path))
    (tmp_path / "data" / "sources" / "2020").mkdir()
    (tmp_path / "data" / "sources" / "2020" / "notes.txt").write_text("In 2020.", encoding="utf-8")
    assert storage.load_source_text(location, "2020/notes") == "In 2020."


def test_json_lines_are_read_as_they_come(tmp_path: Path) -> None:
    """An index is built from a stream: the first events come before a bad line is even read."""
    path = tmp_path / "events.jsonl"
    path.write_text(json.dumps(EVENTS[0].to_dict()) + "\n{oops\n", encoding="utf-8")
    events = storage.iter_events(storage.locate(path))
    assert next(events) == EVENTS[0]
    with pytest.raises(KbTimelineError, match=r"events\.jsonl:2:2: not valid JSON"):
        next(events)


def write_atomic(path: Path, text: str) -> None:
    with storage.Replacement(path) as new:
        new.path.write_text(text, encoding="utf-8")
        new.commit()


def test_replacement_replaces_and_keeps_permissions(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "new"
    assert path.stat().st_mode & 0o777 == 0o640
    assert os.listdir(tmp_path) == ["events.json"]


def test_replacement_gives_a_new_file_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.json", "[]")
    finally:
        os.umask(umask)
    assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o644


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_replacement_leaves_the_old_file_on_failure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: BaseException
) -> None:
    path = tmp_path / "events.json"
    path.write_text("old", encoding="utf-8")

    def fail(descriptor: int) -> None:
        raise failure

    monkeypatch.setattr(os, "fsync", fail)
    with pytest.raises(KbTimelineError if isinstance(failure, OSError) else KeyboardInterrupt):
        write_atomic(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert os.listdir(tmp_path) == ["events.json"], "no temporary file is left behind"


def test_replacement_into_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(KbTimelineError, match="cannot write"):
        write_atomic(tmp_path / "nope" / "events.json", "[]")
