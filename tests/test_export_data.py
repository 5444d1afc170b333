"""What goes into an exported page and a TimelineJS file: dates, geometry, escaping."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import replace

import pytest

from kbtimeline.model import Day, Event
from kbtimeline.output.export import page_data, render_html, to_timelinejs
from kbtimeline.output.export.html import script_json, view_fields
from kbtimeline.output.export.timelinejs import date_object, timelinejs_year
from timeline_fixtures import EVENTS, make_event

HOSTILE = "</script><script>alert(1)</script>"
HOSTILE_SENTENCE = f'On 8 May 1992 a page said "{HOSTILE}" and \'<b id="injected">x</b>\' \u2028 & more.'


def event_of(start: Day, end: Day, granularity: str, when: str = "then", time: str | None = None) -> Event:
    """A minimal event with the given interval; the text does not matter here."""
    sentence = f"It happened {when}."
    return replace(make_event(sentence, when, start, end, granularity, when, text=sentence), time=time)


def hostile_event() -> Event:
    return make_event(
        HOSTILE_SENTENCE, "8 May 1992", Day(1992, 5, 8), Day(1992, 5, 8), "day", "8 May 1992",
        text=HOSTILE_SENTENCE,
    )  # fmt: skip


# ---------------------------------------------------------------- TimelineJS dates

# (start, end, granularity, time) -> (start_date, end_date or None)
DATE_CASES = [
    (Day(1992, 2, 26), Day(1992, 2, 26), "day", None,
     {"year": 1992, "month": 2, "day": 26}, None),
    (Day(1992, 2, 25), Day(1992, 2, 26), "day", None,
     {"year": 1992, "month": 2, "day": 25}, {"year": 1992, "month": 2, "day": 26}),
    (Day(1994, 5, 12), Day(1994, 5, 12), "day", "00:01",
     {"year": 1994, "month": 5, "day": 12, "hour": 0, "minute": 1}, None),
    (Day(1992, 5, 1), Day(1992, 5, 31), "month", None, {"year": 1992, "month": 5}, None),
    (Day(1988, 2, 1), Day(1994, 5, 31), "month", None,
     {"year": 1988, "month": 2}, {"year": 1994, "month": 5}),
    (Day(1992, 12, 1), Day(1993, 2, 28), "season", None,
     {"year": 1992, "month": 12}, {"year": 1993, "month": 2}),
    (Day(1993, 4, 1), Day(1993, 6, 30), "quarter", None,
     {"year": 1993, "month": 4}, {"year": 1993, "month": 6}),
    (Day(1993, 1, 1), Day(1993, 6, 30), "half", None,
     {"year": 1993, "month": 1}, {"year": 1993, "month": 6}),
    (Day(1993, 1, 1), Day(1993, 12, 31), "year", None, {"year": 1993}, None),
    (Day(1990, 1, 1), Day(1999, 12, 31), "decade", None, {"year": 1990}, {"year": 1999}),
    (Day(1901, 1, 1), Day(2000, 12, 31), "century", None, {"year": 1901}, {"year": 2000}),
]  # fmt: skip


@pytest.mark.parametrize(("start", "end", "granularity", "time", "first", "last"), DATE_CASES)
def test_timelinejs_dates_carry_only_the_parts_the_granularity_allows(
    start: Day, end: Day, granularity: str, time: str | None, first: dict, last: dict | None
) -> None:
    slide = to_timelinejs([event_of(start, end, granularity, time=time)])["events"][0]
    assert slide["start_date"] == first
    assert slide.get("end_date") == last


def test_a_time_only_refines_a_day_and_a_malformed_time_is_dropped() -> None:
    assert date_object(Day(1992, 5, 1), "month", "14:30") == {"year": 1992, "month": 5}
    assert date_object(Day(1992, 5, 1), "day", "half past two") == {
        "year": 1992, "month": 5, "day": 1,
    }  # fmt: skip


@pytest.mark.parametrize(("astronomical", "timelinejs"), [(1992, 1992), (1, 1), (0, -1), (-1, -2), (-489, -490)])
def test_bc_years_are_numbered_as_timelinejs_labels_them(astronomical: int, timelinejs: int) -> None:
    # TimelineJS shows year -490 as "490 BCE"; kbtimeline's 490 BC is astronomical -489.
    assert timelinejs_year(astronomical) == timelinejs


def test_a_bc_battle_keeps_its_day() -> None:
    marathon = event_of(Day(-489, 9, 12), Day(-489, 9, 12), "day", "12 September 490 BC")
    slide = to_timelinejs([marathon])["events"][0]
    assert slide["start_date"] == {"year": -490, "month": 9, "day": 12}
    assert slide["display_date"] == "12 September 490 BC"


# ---------------------------------------------------------------- TimelineJS document


def test_slides_carry_title_sentence_label_and_id() -> None:
    document = to_timelinejs(EVENTS)
    assert "title" not in document
    first = document["events"][0]
    assert first["text"] == {"headline": EVENTS[0].title, "text": EVENTS[0].text}
    assert first["display_date"] == EVENTS[0].when
    assert first["unique_id"] == EVENTS[0].id
    assert [slide["unique_id"] for slide in document["events"]] == [e.id for e in EVENTS]


def test_title_slide_and_groups() -> None:
    document = to_timelinejs(EVENTS, title="War & peace")
    assert document["title"]["text"] == {
        "headline": "War &amp; peace", "text": "5 events from war",
    }  # fmt: skip
    assert all("group" not in slide for slide in document["events"])  # one source: no groups
    other = replace(EVENTS[0], source="<other>")
    grouped = to_timelinejs([*EVENTS, other])["events"]
    assert [slide["group"] for slide in grouped] == ["war"] * 5 + ["&lt;other&gt;"]


def test_timelinejs_text_is_html_escaped() -> None:
    # TimelineJS puts headline, text and date into the page with innerHTML.
    slide = to_timelinejs([hostile_event()])["events"][0]
    text = slide["text"]["text"]
    assert "<" not in text and ">" not in text and '"' not in text and "'" not in text
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&quot;" in text and "&#x27;" in text and "&amp; more" in text
    assert "<" not in slide["text"]["headline"]
    assert json.loads(json.dumps(to_timelinejs([hostile_event()]))) == to_timelinejs([hostile_event()])


# ---------------------------------------------------------------- page geometry


def test_a_day_is_a_point_at_noon_or_at_its_time() -> None:
    day = event_of(Day(1970, 1, 2), Day(1970, 1, 2), "day")
    assert view_fields(day) | {"mark": None} == {
        "from": 1.5, "to": 1.5, "point": True, "mark": None,
    }  # fmt: skip
    dawn = replace(day, time="06:00")
    assert view_fields(dawn)["from"] == view_fields(dawn)["to"] == 1.25


@pytest.mark.parametrize(
    ("start", "end", "granularity", "days"),
    [
        (Day(1992, 2, 25), Day(1992, 2, 26), "day", 2),
        (Day(1992, 2, 1), Day(1992, 2, 29), "month", 29),
        (Day(1992, 1, 1), Day(1992, 12, 31), "year", 366),
        (Day(-489, 1, 1), Day(-489, 12, 31), "year", 365),
    ],
)
def test_an_interval_is_as_wide_as_its_days(start: Day, end: Day, granularity: str, days: int) -> None:
    fields = view_fields(event_of(start, end, granularity))
    assert fields["point"] is False
    assert fields["from"] == start.number()
    assert fields["to"] - fields["from"] == days


def test_bc_intervals_lie_before_ad_ones_on_the_axis() -> None:
    bc = view_fields(event_of(Day(0, 1, 1), Day(0, 12, 31), "year"))
    ad = view_fields(event_of(Day(1, 1, 1), Day(1, 12, 31), "year"))
    assert bc["to"] == ad["from"]


def test_the_date_phrase_mark_counts_utf16_units() -> None:
    sentence = "🙂 Ağdam fell on 23 July 1993."
    event = make_event(sentence, "23 July 1993", Day(1993, 7, 23), Day(1993, 7, 23), "day",
                       "23 July 1993", text="Before. " + sentence)  # fmt: skip
    start, end = view_fields(event)["mark"]
    python_start = sentence.index("23 July")
    assert (start, end) == (python_start + 1, python_start + 1 + len("23 July 1993"))  # 🙂 is 2 units
    stray = replace(event, date_span=(0, 3))  # outside the sentence: no mark rather than a wrong one
    assert view_fields(stray)["mark"] is None


# ---------------------------------------------------------------- the page


def embedded(page: str) -> str:
    match = re.search(r'<script type="application/json" id="kb-data">(.*?)</script>', page, re.S)
    assert match
    return match[1]


def test_page_data_round_trips_to_the_events() -> None:
    events = [*EVENTS, hostile_event()]
    data = json.loads(embedded(render_html(events, "War")))
    assert data == json.loads(json.dumps(page_data(events)))
    assert [Event.from_dict(record) for record in data["events"]] == events
    assert data["granularities"][0] == "day"


def test_embedded_json_cannot_end_its_script_element() -> None:
    page = render_html([hostile_event()], "War")
    text = embedded(page)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\u2028" not in text and "\u2029" not in text
    assert "\\u003c/script\\u003e" in text
    assert page.lower().count("</script") == 2  # the data element's and the code's own
    assert "alert(1)" not in page.replace(text, "")


def test_script_json_escapes_only_inside_strings() -> None:
    value = {"a": "<!-- </script> & \u2028\u2029 é"}
    assert json.loads(script_json(value)) == value
    assert script_json(value) == '{"a":"\\u003c!-- \\u003c/script\\u003e \\u0026 \\u2028\\u2029 é"}'


def test_a_lone_surrogate_survives_as_an_escape() -> None:
    value = {"a": "x\ud800y"}
    assert script_json(value) == '{"a":"x\\ud800y"}'
    assert json.loads(script_json(value)) == value
    script_json(value).encode("utf-8")  # writable


def test_page_title_is_escaped() -> None:
    page = render_html(EVENTS, '</title><script>alert("t")</script>')
    assert "<title>&lt;/title&gt;&lt;script&gt;alert(&quot;t&quot;)&lt;/script&gt;</title>" in page
    assert '<h1 id="kb-title">&lt;/title&gt;' in page


def test_data_is_not_read_as_a_template() -> None:
    sentence = "In May 1992 someone wrote {{js}} and {{title}}."
    event = make_event(sentence, "May 1992", Day(1992, 5, 1), Day(1992, 5, 31), "month",
                       "May 1992", text=sentence)  # fmt: skip
    page = render_html([event], "War")
    assert "{{js}} and {{title}}" in embedded(page)
    assert page.count("use strict") == 1


def test_page_is_self_contained_and_pins_its_code() -> None:
    page = render_html(EVENTS, "War")
    assert not re.search(r"\b(src|href)\s*=", page, re.I)
    assert "http://" not in page and "https://" not in page and "@import" not in page
    scripts = re.findall(r"<script>(.*?)</script>", page, re.S)
    styles = re.findall(r"<style>(.*?)</style>", page, re.S)
    assert len(scripts) == len(styles) == 1
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy and "default-src 'none'" in policy[1]
    for name, text in (("script-src", scripts[0]), ("style-src", styles[0])):
        digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
        assert f"{name} 'sha256-{digest}'" in policy[1]
    assert "</script" not in scripts[0].lower() and "<!--" not in scripts[0]


def test_an_empty_timeline_still_renders() -> None:
    data = json.loads(embedded(render_html([], "Nothing")))
    assert data["events"] == []
