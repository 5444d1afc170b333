# ruff: noqa: E501 -- the pictures are exact output: en dashes and 120-column lines are the point
"""Counting events into buckets, and the exact bar charts and sparklines drawn from them."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbtimeline.model import Event, KbTimelineError, parse_day
from kbtimeline.output.views import BY, count_buckets, render_histogram, render_sparkline
from kbtimeline.output.views.histogram import busiest_bucket
from test_views_fixtures import ANCIENT, WAR, event

day = parse_day


def year(when: str, granularity: str = "year") -> Event:
    """An event whose only interesting part is when it starts and how precisely."""
    return event(f"{when}-01-01", f"{when}-12-31", granularity, when, f"{granularity} {when}")


# fmt: off
COUNTING = [
    # (name, events, by, {key: count} of non-empty buckets, uncounted, reason)
    ("span-counts-at-start", [WAR[5]], "year", {"1988": 1}, 0, "a 1988-1994 war adds to 1988 only"),
    ("year-in-year", [year("1992")], "year", {"1992": 1}, 0, "year granularity is a year's worth"),
    ("year-not-in-month", [year("1992")], "month", {}, 1, "a bare year would be a false January spike"),
    ("decade-not-in-year", [year("1990", "decade")], "year", {}, 1, "the 1990s are not 1990"),
    ("decade-in-decade", [year("1990", "decade")], "decade", {"1990": 1}, 0, "the 1990s are a decade"),
    ("century-never", [year("1901", "century")], "decade", {}, 1, "a century is coarser than any bucket"),
    ("month-in-month", [WAR[0]], "month", {"1918-05": 1}, 0, "May 1918"),
    ("bc-decade", [ANCIENT[0]], "decade", {"-0498": 1}, 0, "490 BC is in the 490s BC, 499 to 490 BC"),
    ("bc-year", [ANCIENT[0]], "year", {"-0489": 1}, 0, "490 BC is astronomical year -489"),
    ("era-boundary", [year("0000"), year("0001")], "decade", {"-0008": 1, "0001": 1}, 0, "1 BC and AD 1 are different decades"),
]
# fmt: on
assert len({case[0] for case in COUNTING}) == len(COUNTING), "case names must be unique"


@pytest.mark.parametrize(
    ("events", "by", "expected", "uncounted"),
    [pytest.param(*case[1:5], id=case[0]) for case in COUNTING],
)
def test_counting(events, by, expected, uncounted):
    counts = count_buckets(events, by)
    assert {bucket.key: bucket.count for bucket in counts.buckets if bucket.count} == expected
    assert counts.uncounted == uncounted


def test_buckets_run_without_holes_and_the_window_is_the_axis():
    """The axis is the window, no wider: an event starting after it (1920) is not counted there."""
    counts = count_buckets(WAR[:2], "year", start=day("1917-01-01"), end=day("1919-12-31"))
    assert [(bucket.label, bucket.count) for bucket in counts.buckets] == [
        ("1917", 0),
        ("1918", 1),
        ("1919", 0),
    ]


def test_a_bucket_counts_the_same_in_every_window():
    """Events count where they start, inside the window only: 1918 reads 1 however wide the window."""
    for first, last in (("1918-01-01", "1918-12-31"), ("1900-01-01", "1930-12-31"), ("1918-01-01", "1925-12-31")):
        counts = count_buckets(WAR[:2], "year", start=day(first), end=day(last))
        assert {bucket.label: bucket.count for bucket in counts.buckets}.get("1918") == 1, (first, last)
        assert counts.buckets[0].key == first[:4] and counts.buckets[-1].key == last[:4]


def test_decade_labels_across_the_eras():
    events = [year(y) for y in ("-0010", "-0009", "0000", "0001", "0010", "0790", "1990")]
    labels = [bucket.label for bucket in count_buckets(events, "decade").buckets if bucket.count]
    assert labels == ["10s BC", "9 to 1 BC", "AD 1 to 9", "AD 10s", "AD 790s", "1990s"]


starts = st.sampled_from(["-0490", "0000", "0001", "1917", "1918", "1992", "1993"])


@settings(deadline=None)
@given(
    st.lists(st.tuples(starts, st.sampled_from(["year", "decade", "century"])), max_size=12),
    st.sampled_from(BY),
    st.sampled_from([(None, None), ("1900-01-01", "1993-06-30"), ("0001-01-01", "0001-12-31")]),
)
def test_the_busiest_bucket_is_the_first_of_the_most_counted(when, by, window):
    """``stats`` names its busiest year and month without counting every empty bucket: the same answer."""
    events = [year(start, granularity) for start, granularity in when]
    start, end = (day(side) if side else None for side in window)
    buckets = count_buckets(events, by, start=start, end=end).buckets
    expected = max(buckets, key=lambda bucket: bucket.count) if buckets else None
    assert busiest_bucket(events, by, start=start, end=end) == expected


def test_unknown_bucket_is_a_user_error():
    with pytest.raises(KbTimelineError, match="cannot count by 'week'"):
        count_buckets(WAR, "week")


DECADES_80 = """\
decade      │ events
1910s       │████████▏ 1
1920s       │████████████████▎ 2
1930s       │████████▏ 1
1940s–1950s ┆ 0
1960s       │████████▏ 1
1970s       │ 0
1980s       │████████████████████████▍ 3
1990s       │█████████████████████████████████████████████████████████████████ 8
2000s       │ 0
2010s       │████████▏ 1
2020s       │████████▏ 1"""

YEARS_40_ASCII = """\
year      | events
1918      |######### 1
1919      | 0
1920      |######### 1
1921-1922 : 0
1923      |######### 1
1924-1935 : 0
1936      |######### 1
1937-1964 : 0
1965      |######### 1
1966-1987 : 0
1988      |########################### 3
1989      | 0
1990      |######### 1
1991      |######### 1
1992      |################## 2
1993      |######### 1
1994      |######### 1
1995-1997 : 0
1998      |################## 2
1999-2013 : 0
2014      |######### 1
2015-2019 : 0
2020      |######### 1"""

MONTHS_120 = """\
month             │ events
May 1918          │█████████████████████████████████████████████████▌ 1
Jun 1918–Mar 1920 ┆ 0
Apr 1920          │█████████████████████████████████████████████████▌ 1
May 1920–Jan 1988 ┆ 0
Feb 1988          │███████████████████████████████████████████████████████████████████████████████████████████████████ 2
Mar 1988–Jul 1990 ┆ 0
Aug 1990          │█████████████████████████████████████████████████▌ 1
Sep 1990–Nov 1991 ┆ 0
Dec 1991          │█████████████████████████████████████████████████▌ 1
Jan 1992          │█████████████████████████████████████████████████▌ 1
Feb 1992–May 1992 ┆ 0
Jun 1992          │█████████████████████████████████████████████████▌ 1
Jul 1992–Sep 1993 ┆ 0
Oct 1993          │█████████████████████████████████████████████████▌ 1
Nov 1993–Apr 1994 ┆ 0
May 1994          │█████████████████████████████████████████████████▌ 1
Jun 1994–Feb 1998 ┆ 0
Mar 1998          │█████████████████████████████████████████████████▌ 1
Apr 1998–Jun 2014 ┆ 0
Jul 2014          │█████████████████████████████████████████████████▌ 1
Aug 2014–Aug 2020 ┆ 0
Sep 2020          │█████████████████████████████████████████████████▌ 1
5 events dated less precisely than a month not counted"""

ANCIENT_DECADES_80_ASCII = """\
decade          | events
490s BC         |############################################################# 1
480s BC         |############################################################# 1
470s BC-330s BC : 0
320s BC         |############################################################# 1
310s BC-30s BC  : 0
20s BC          |############################################################# 1
10s BC-AD 60s   : 0
AD 70s          |############################################################# 1
AD 80s-AD 790s  : 0
AD 800s         |############################################################# 1"""

SINGLE_40 = """\
month             │ events
Jan 1994–Apr 1994 ┆ 0
May 1994          │███████████████████ 1
Jun 1994–Dec 1994 ┆ 0"""

SPARK_YEARS_40 = """\
1918 ▃▂ ▂     ▂    █▃▃  ▂▂ 2020"""

SPARK_YEARS_80_ASCII = """\
1918 -: :     :    @--  :: 2020  peak 7 in 1988-1992 (5 years a mark)"""

SPARK_YEARS_120 = """\
1918 ▃▃▃      ▃             ▃           █▆█▃ ▆       ▃  ▃ 2020  peak 3 in 1988–1989 (2 years a mark)"""

SPARK_ANCIENT_120_ASCII = """\
490 BC @  =     = =             = AD 800  peak 2 in 490 BC-441 BC (50 years a mark)"""

SPARK_SINGLE_40 = """\
1994 █ 1994  peak 1 in 1994"""

# fmt: off
EXACT = [
    # (name, render, counts, options, expected, reason)
    ("decades-80", render_histogram, count_buckets(WAR, "decade"), dict(width=80), DECADES_80, "decades; a lone empty decade shown, two folded"),
    ("years-40-ascii", render_histogram, count_buckets(WAR, "year"), dict(width=40, ascii=True), YEARS_40_ASCII, "years in ASCII; the war counts once, in 1988"),
    ("months-120", render_histogram, count_buckets(WAR, "month"), dict(width=120), MONTHS_120, "months fold decades of nothing; year-dated events reported, not counted"),
    ("ancient-decades-80-ascii", render_histogram, count_buckets(ANCIENT, "decade"), dict(width=80, ascii=True), ANCIENT_DECADES_80_ASCII, "BC decades as historians count them"),
    ("single-40", render_histogram, count_buckets(WAR[13:14], "month", start=day("1994-01-01"), end=day("1994-12-31")), dict(width=40), SINGLE_40, "one event; the window adds empty months either side"),
    ("spark-years-40", render_sparkline, count_buckets(WAR, "year"), dict(width=40), SPARK_YEARS_40, "narrow: 5-year marks, the note gives way"),
    ("spark-years-80-ascii", render_sparkline, count_buckets(WAR, "year"), dict(width=80, ascii=True), SPARK_YEARS_80_ASCII, "ASCII ramp and hyphen; the note says what a mark stands for"),
    ("spark-years-120", render_sparkline, count_buckets(WAR, "year"), dict(width=120), SPARK_YEARS_120, "2-year marks with the peak"),
    ("spark-ancient-120-ascii", render_sparkline, count_buckets(ANCIENT, "year"), dict(width=120, ascii=True), SPARK_ANCIENT_120_ASCII, "490 BC to AD 800 in 50-year marks"),
    ("spark-single-40", render_sparkline, count_buckets(WAR[13:14], "year"), dict(width=40), SPARK_SINGLE_40, "a single event"),
]
# fmt: on
assert len({case[0] for case in EXACT}) == len(EXACT), "case names must be unique"


@pytest.mark.parametrize(
    ("render", "counts", "options", "expected"),
    [pytest.param(*case[1:5], id=case[0]) for case in EXACT],
)
def test_exact_picture(render, counts, options, expected):
    assert render(counts, **options) == expected


@pytest.mark.parametrize("render", [render_histogram, render_sparkline])
@pytest.mark.parametrize(
    ("events", "expected"),
    [
        ([], "No events."),
        ([year("1992")], "No events. (1 event dated less precisely than a month not counted)"),
    ],
)
def test_nothing_to_count_says_so(render, events, expected):
    assert render(count_buckets(events, "month"), width=80) == expected
