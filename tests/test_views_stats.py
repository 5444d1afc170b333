# ruff: noqa: E501 -- the pictures are exact output, as wide as the width under test
"""Figures about events: the JSON-able dict, and the text drawn from it."""

from __future__ import annotations

import json

import pytest

from kbtimeline.output.views import compute_stats, render_stats
from test_views_fixtures import ANCIENT, WAR, event

MIXED = [
    *ANCIENT,
    event(
        "1990-01-01",
        "1999-12-31",
        "decade",
        "the 1990s",
        "A decade elsewhere",
        source="other-source",
    ),
]


def test_figures_of_the_war():
    assert compute_stats(WAR) == {
        "events": 18,
        "mentions": 18,
        "sources": [{"name": "first-nagorno-karabakh-war", "events": 18}],
        "granularities": [
            {"name": "day", "events": 6},
            {"name": "month", "events": 7},
            {"name": "year", "events": 5},
        ],
        "earliest": {
            "id": "2312711ac5",
            "date": "1918-05-01",
            "when": "May 1918",
            "title": "Armenia, Azerbaijan and Georgia declare independence",
        },
        "latest": {
            "id": "8b4a827c26",
            "date": "2020-09-27",
            "when": "27 September 2020",
            "title": "The second war begins along the Line of Contact",
        },
        "busiest_year": {"key": "1988", "label": "1988", "events": 3},
        "busiest_month": {"key": "1988-02", "label": "Feb 1988", "events": 2},
    }


@pytest.mark.parametrize("events", [WAR, MIXED, []], ids=["war", "mixed", "empty"])
def test_figures_survive_json_unchanged(events):
    stats = compute_stats(events)
    assert json.loads(json.dumps(stats)) == stats


def test_no_events_has_no_answers():
    stats = compute_stats([])
    assert stats == {
        "events": 0,
        "mentions": 0,
        "sources": [],
        "granularities": [],
        "earliest": None,
        "latest": None,
        "busiest_year": None,
        "busiest_month": None,
    }
    assert render_stats(stats, width=40) == "No events."


def test_the_latest_ends_last_and_ties_go_to_the_earliest():
    stats = compute_stats(MIXED)
    assert stats["latest"]["when"] == "the 1990s"
    assert stats["latest"]["date"] == "1999-12-31"
    assert stats["busiest_year"] == {"key": "-0489", "label": "490 BC", "events": 1}
    assert stats["sources"][0] == {"name": "first-nagorno-karabakh-war", "events": 6}


WAR_80 = """\
events         18 from 1 source
earliest       May 1918  Armenia, Azerbaijan and Georgia declare in…  2312711ac5
latest         27 September 2020  The second war begins along the L…  8b4a827c26
busiest year   1988: 3 events
busiest month  Feb 1988: 2 events

source                     │ events
first-nagorno-karabakh-war │█████████████████████████████████████████████████ 18

granularity │ events
day         │███████████████████████████████████████████████████████▊ 6
month       │█████████████████████████████████████████████████████████████████ 7
year        │██████████████████████████████████████████████▍ 5"""

MIXED_40_ASCII = """\
events         7 from 2 sources
earliest       12 Septemb...  9d83307696
latest         the 1990s...  7e5085e9b2
busiest year   490 BC: 1 event
busiest month  Sep 490 BC: 1 event

source                     | events
first-nagorno-karabakh-war |########## 6
other-source               |## 1

granularity | events
day         |######################### 5
year        |##### 1
decade      |##### 1"""

SINGLE_120 = """\
events         1 from 1 source
earliest       May 1918  Armenia, Azerbaijan and Georgia declare independence  2312711ac5
latest         May 1918  Armenia, Azerbaijan and Georgia declare independence  2312711ac5
busiest year   1918: 1 event
busiest month  May 1918: 1 event

source                     │ events
first-nagorno-karabakh-war │██████████████████████████████████████████████████████████████████████████████████████████ 1

granularity │ events
month       │█████████████████████████████████████████████████████████████████████████████████████████████████████████ 1"""

# fmt: off
EXACT = [
    # (name, events, options, expected, reason)
    ("war-80", WAR, dict(width=80), WAR_80, "one source; long titles cut before the id, never the id"),
    ("mixed-40-ascii", MIXED, dict(width=40, ascii=True), MIXED_40_ASCII, "two sources, BC earliest, the latest is the one that ends last"),
    ("single-120", WAR[:1], dict(width=120), SINGLE_120, "a single event is both earliest and latest"),
]
# fmt: on
assert len({case[0] for case in EXACT}) == len(EXACT), "case names must be unique"


@pytest.mark.parametrize(
    ("events", "options", "expected"),
    [pytest.param(*case[1:4], id=case[0]) for case in EXACT],
)
def test_exact_picture(events, options, expected):
    assert render_stats(compute_stats(events), **options) == expected
