"""The calendar arithmetic and the event schema."""

from __future__ import annotations

import datetime
from dataclasses import fields

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kbtimeline.model import Day, Event, SchemaError, parse_day

days = st.builds(
    lambda year, month, day: Day(year, month, min(day, 28)),
    st.integers(-3000, 3000),
    st.integers(1, 12),
    st.integers(1, 31),
)


@given(days)
def test_day_numbers_round_trip(day):
    assert Day.from_number(day.number()) == day
    assert day.plus_days(1).number() == day.number() + 1


@given(st.dates())
def test_day_numbers_agree_with_datetime(date):
    day = Day(date.year, date.month, date.day)
    assert day.number() == (date - datetime.date(1970, 1, 1)).days


@pytest.mark.parametrize(
    ("text", "day"),
    [("1992-05-08", Day(1992, 5, 8)), ("-0489-09-12", Day(-489, 9, 12)), ("0000-02-29", Day(0, 2, 29))],
)
def test_iso_days_round_trip(text, day):
    assert parse_day(text) == day
    assert day.iso() == text


@pytest.mark.parametrize("bad", ["1992-02-30", "1993-02-29", "92-05-08", "1992/05/08", 19920508, None])
def test_bad_days_are_schema_errors(bad):
    with pytest.raises(SchemaError):
        parse_day(bad)


RECORD = {
    "id": "abc", "source": "s", "start": "1992-05-08", "end": "1992-05-08", "granularity": "day",
    "modifier": None, "time": None, "when": "8 May 1992", "date_text": "8 May 1992", "date_span": [3, 13],
    "text": "On 8 May 1992 it fell.", "span": [0, 22], "title": "It fell", "section": "narrative",
    "anchored": False, "kind": "context", "happening": "def",
}  # fmt: skip


def test_event_round_trips_through_json_record():
    assert Event.from_dict(RECORD).to_dict() == RECORD


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        (RECORD, "every field given"),
        ({k: v for k, v in RECORD.items() if k not in ("kind", "happening", "section", "anchored")}, "defaults"),
        ({**RECORD, "start": "-0489-09-12", "end": "-0489-09-12"}, "a year BC"),
        ({**RECORD, "happening": ""}, "no happening: its own"),
        ({**RECORD, "parts": [{"date_span": [3, 5], "start": "1992-05-08", "end": "1992-05-08"}]}, "parts"),
    ],
)
def test_a_trusted_record_reads_as_the_checked_one(record, reason):
    assert Event.from_dict(record, trusted=True) == Event.from_dict(record), reason


def test_records_written_before_kind_and_happening_load_as_events_of_their_own():
    old = {name: value for name, value in RECORD.items() if name not in ("kind", "happening")}
    event = Event.from_dict(old)
    assert (event.kind, event.happening) == ("event", "abc")


def test_an_event_made_without_a_happening_is_its_own():
    event = Event.from_dict(RECORD)
    values = {field.name: getattr(event, field.name) for field in fields(event)}
    assert Event(**{**values, "happening": ""}).happening == event.id


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"granularity": "fortnight"}, "unknown granularity"),
        ({"modifier": "sometime"}, "unknown modifier"),
        ({"start": "1993-01-01"}, "before start"),
        ({"date_span": [5]}, "date_span"),
        ({"title": 3}, "title"),
        ({"kind": "background"}, "unknown kind"),
        ({"happening": 7}, "happening"),
        ({"section": "appendix"}, "unknown section 'appendix'"),
    ],
)
def test_schema_errors_name_the_field(change, message):
    with pytest.raises(SchemaError, match=message):
        Event.from_dict({**RECORD, **change})


def test_missing_field_is_named():
    record = dict(RECORD)
    del record["when"]
    with pytest.raises(SchemaError, match="'when'"):
        Event.from_dict(record)
