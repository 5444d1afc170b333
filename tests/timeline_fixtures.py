"""Small hand-made timelines for the CLI-side tests; never the generated data/events.json."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from kbtimeline.model import Day, Event, event_id

SOURCE = "war"
SOURCE_TEXT = (
    "Clashes began on 20 February 1988 in Stepanakert. "
    "In May 1992 Armenian forces took Shushi [citation needed]. "
    "The Khojaly massacre happened on 26 February 1992. "
    "Ağdam fell in the summer of 1993. "
    "A ceasefire was signed in May 1994.\n"
)
# (sentence, date phrase, start, end, granularity, when)
SPECS = [
    ("Clashes began on 20 February 1988 in Stepanakert.", "20 February 1988",
     Day(1988, 2, 20), Day(1988, 2, 20), "day", "20 February 1988"),
    ("In May 1992 Armenian forces took Shushi [citation needed].", "May 1992",
     Day(1992, 5, 1), Day(1992, 5, 31), "month", "May 1992"),
    ("The Khojaly massacre happened on 26 February 1992.", "26 February 1992",
     Day(1992, 2, 26), Day(1992, 2, 26), "day", "26 February 1992"),
    ("Ağdam fell in the summer of 1993.", "summer of 1993",
     Day(1993, 6, 1), Day(1993, 8, 31), "season", "summer 1993"),
    ("A ceasefire was signed in May 1994.", "May 1994",
     Day(1994, 5, 1), Day(1994, 5, 31), "month", "May 1994"),
]  # fmt: skip
ALIASES = {"Shusha": ["Shushi", "Şuşa"], "Aghdam": ["Agdam", "Ağdam"]}


def make_event(
    sentence: str,
    date_text: str,
    start: Day,
    end: Day,
    granularity: str,
    when: str,
    source: str = SOURCE,
    text: str = SOURCE_TEXT,
) -> Event:
    """An event whose offsets point into ``text`` the way the extractor's do."""
    span_start = text.index(sentence)
    date_start = text.index(date_text, span_start)
    date_span = (date_start, date_start + len(date_text))
    return Event(
        id=event_id(source, date_span),
        source=source,
        start=start,
        end=end,
        granularity=granularity,
        modifier=None,
        time=None,
        when=when,
        date_text=date_text,
        date_span=date_span,
        text=sentence,
        span=(span_start, span_start + len(sentence)),
        title=f"{when}: {sentence}",
    )


EVENTS = [make_event(*spec) for spec in SPECS]
BY_WHEN = {event.when: event for event in EVENTS}


def write_events(path: Path, events: list[Event]) -> Path:
    """``events`` as a JSON array file, the way events.json is written."""
    path.write_text(json.dumps([event.to_dict() for event in events], ensure_ascii=False), "utf-8")
    return path


def make_data_dir(root: Path) -> Path:
    """A --data folder laid out as the bundled data is: events, aliases and source text."""
    folder = root / "data"
    (folder / "sources").mkdir(parents=True)
    write_events(folder / "events.json", EVENTS)
    (folder / "aliases.json").write_text(json.dumps(ALIASES, ensure_ascii=False), "utf-8")
    (folder / "sources" / f"{SOURCE}.txt").write_text(SOURCE_TEXT, "utf-8")
    return folder


# A text with known happenings: the lead's "1992" and the body's "26 February 1992" tell one happening,
# whose representative is the body's (the finer date) though the lead comes first; the ceasefire is a
# happening of one record; the book's year is context.
HAPPENINGS_SOURCE = "khojaly"
HAPPENINGS_TEXT = (
    "In 1992 Khojaly fell. "
    "Armenian forces captured the town on 26 February 1992. "
    "A ceasefire was signed on 12 May 1994. "
    "A book about the war was published in 2022.\n"
)
LEAD, CAPTURE, CEASEFIRE, BOOK = (
    make_event(sentence, date_text, start, end, granularity, when, HAPPENINGS_SOURCE, HAPPENINGS_TEXT)
    for sentence, date_text, start, end, granularity, when in [
        ("In 1992 Khojaly fell.", "1992", Day(1992, 1, 1), Day(1992, 12, 31), "year", "1992"),
        ("Armenian forces captured the town on 26 February 1992.", "26 February 1992",
         Day(1992, 2, 26), Day(1992, 2, 26), "day", "26 February 1992"),
        ("A ceasefire was signed on 12 May 1994.", "12 May 1994", Day(1994, 5, 12), Day(1994, 5, 12), "day",
         "12 May 1994"),
        ("A book about the war was published in 2022.", "2022", Day(2022, 1, 1), Day(2022, 12, 31), "year", "2022"),
    ]
)  # fmt: skip
LEAD = dataclasses.replace(LEAD, happening=CAPTURE.id)
BOOK = dataclasses.replace(BOOK, kind="context")
HAPPENINGS = [LEAD, CAPTURE, CEASEFIRE, BOOK]  # in the order of the text


def make_happenings_dir(root: Path) -> Path:
    """A --data folder of ``HAPPENINGS``, with their source text."""
    folder = root / "happenings"
    (folder / "sources").mkdir(parents=True)
    write_events(folder / "events.json", HAPPENINGS)
    (folder / "sources" / f"{HAPPENINGS_SOURCE}.txt").write_text(HAPPENINGS_TEXT, "utf-8")
    return folder
