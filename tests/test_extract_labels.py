"""The human label of an interval ("8 May 1992", "early 1993"); titles are tested in test_events_titles."""

from __future__ import annotations

import pytest

from kbtimeline.extract.labels import when_label
from kbtimeline.model import Day

# fmt: off
WHEN = [
    (Day(1992, 5, 8), Day(1992, 5, 8), "day", None, None, "8 May 1992", "a day"),
    (Day(1992, 5, 1), Day(1992, 5, 31), "month", None, None, "May 1992", "a month"),
    (Day(1993, 1, 1), Day(1993, 12, 31), "year", "early", None, "early 1993", "modifier first"),
    (Day(1992, 1, 1), Day(1992, 12, 31), "year", "mid", None, "mid-1992", "mid- joins"),
    (Day(1992, 12, 1), Day(1993, 2, 28), "season", None, None, "winter 1992–1993", "winter spans years"),
    (Day(1918, 3, 1), Day(1918, 5, 31), "season", None, None, "spring 1918", "spring"),
    (Day(1992, 2, 25), Day(1992, 2, 26), "day", None, None, "25–26 February 1992", "day range"),
    (Day(1988, 2, 1), Day(1994, 5, 31), "month", None, None, "February 1988 – May 1994", "month range"),
    (Day(1992, 1, 1), Day(1997, 12, 31), "year", None, None, "1992–1997", "year range"),
    (Day(1990, 1, 1), Day(1999, 12, 31), "decade", None, None, "1990s", "decade"),
    (Day(1900, 1, 1), Day(1999, 12, 31), "century", None, None, "20th century", "century"),
    (Day(-499, 1, 1), Day(-400, 12, 31), "century", None, None, "5th century BC", "BC century"),
    (Day(-489, 1, 1), Day(-489, 12, 31), "year", None, None, "490 BC", "BC year"),
    (Day(1992, 1, 1), Day(1992, 6, 30), "half", None, None, "H1 1992", "half"),
    (Day(1994, 5, 12), Day(1994, 5, 12), "day", None, "00:01", "12 May 1994, 00:01", "time"),
    (Day(1993, 4, 3), Day(1993, 4, 3), "day", "before", None, "before 3 April 1993", "before"),
]
# fmt: on


@pytest.mark.parametrize(
    ("start", "end", "granularity", "modifier", "time", "label", "reason"), WHEN, ids=[row[-1] for row in WHEN]
)
def test_when_label(start, end, granularity, modifier, time, label, reason):
    assert when_label(start, end, granularity, modifier, time) == label
