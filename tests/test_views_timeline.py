# ruff: noqa: E501 -- the pictures are exact output: en dashes and 120-column lines are the point
"""Exact timelines at fixed widths: what a person sees is the contract.

Each expected picture was looked at in a terminal before it was frozen here;
a change to any of them should be one a person would also want.
"""

from __future__ import annotations

import pytest

from kbtimeline.model import KbTimelineError, parse_day
from kbtimeline.output.views import render_timeline
from test_views_fixtures import ANCIENT, OVERLAP, WAR, event

day = parse_day

WAR_80 = """\
1918 ├   ● May 1918                Armenia, Azerbaijan and Georgia…   2312711ac5
1919 ├
1920 ├   ● April 1920              Shusha partly destroyed by Azerb…  4a9973b5bc
     ┆     1921–1922: 2 empty years
1923 ├   ● 1923                    Nagorno-Karabakh Autonomous Obla…  351e5f8bbc
     ┆     1924–1935: 12 empty years
1936 ├   ● 1936                    Aghasi Khanjian murdered           2d1be282af
     ┆     1937–1964: 28 empty years
1965 ├   ● 1965                    Demonstrations in Yerevan to uni…  5875ebad40
     ┆     1966–1987: 22 empty years
1988 ├   ● 1988                    Sumgait pogrom                     46d7cad351
     │ ┏━━ February 1988 to May 1994  The First Nagorno-Karabakh War  9937569ba4
     │ ┃ ● 20 February 1988        NKAO parliament votes to unite t…  b0f2732d50
1989 ├ ┃
1990 ├ ┃ ● 23 August 1990          Armenia declares independence fr…  9e42f8a249
1991 ├ ┃ ● 31 December 1991        The Soviet Union ceases to exist   6f1da9b8e7
1992 ├ ┃ ● January 1992            CIS forces set up headquarters a…  f310315072
     │ ┃ ● 16 June 1992            Abulfaz Elchibey elected leader…   6e2ea68407
1993 ├ ┃ ● October 1993            Aliyev formally elected presiden…  bc88e55f82
1994 ├ ╹ ● May 1994                Russian-brokered ceasefire signed  a3bcbcc45d
     ┆     1995–1997: 3 empty years
1998 ├ ┏━━ 1998 to 2005            Julfa cemetery destroyed after a…  2412e11945
     │ ┃ ● 30 March 1998           Robert Kocharyan elected preside…  652a6628e3
     ┆ ┃   1999–2004: 6 empty years
2005 ├ ╹
     ┆     2006–2013: 8 empty years
2014 ├   ● July–August 2014        Ceasefire breaches escalate tens…  90831b68fa
     ┆     2015–2019: 5 empty years
2020 ├   ● 27 September 2020       The second war begins along the…   8b4a827c26"""

WAR_40_ASCII = """\
1918 +   * May 1918     Armenia, Azer...
1919 +
1920 +   * April 1920   Shusha partly...
     :     1921-1922: 2 empty years
1923 +   * 1923         Nagorno-Karab...
     :     1924-1935: 12 empty years
1936 +   * 1936         Aghasi Khanji...
     :     1937-1964: 28 empty years
1965 +   * 1965         Demonstration...
     :     1966-1987: 22 empty years
1988 +   * 1988         Sumgait pogrom
     | +-- February 1988 to May 1994...
     | | * 20 February 1988  NKAO par...
1989 + |
1990 + | * 23 August 1990  Armenia de...
1991 + | * 31 December 1991  The Sovi...
1992 + | * January 1992  CIS forces s...
     | | * 16 June 1992  Abulfaz Elch...
1993 + | * October 1993  Aliyev forma...
1994 + ' * May 1994     Russian-broke...
     :     1995-1997: 3 empty years
1998 + +-- 1998 to 2005  Julfa cemete...
     | | * 30 March 1998  Robert Koch...
     : |   1999-2004: 6 empty years
2005 + '
     :     2006-2013: 8 empty years
2014 +   * July–August 2014  Ceasefir...
     :     2015-2019: 5 empty years
2020 +   * 27 September 2020  The sec...
(ids hidden below 60 columns)"""

WAR_120_WINDOW = """\
     ┆     1985–1987: 3 empty years
1988 ├   ● 1988                       Sumgait pogrom                                             46d7cad351
     │ ┏━━ February 1988 to May 1994  The First Nagorno-Karabakh War                             9937569ba4
     │ ┃ ● 20 February 1988           NKAO parliament votes to unite the region with Armenia     b0f2732d50
1989 ├ ┃
1990 ├ ┃ ● 23 August 1990             Armenia declares independence from the Soviet Union        9e42f8a249
1991 ├ ┃ ● 31 December 1991           The Soviet Union ceases to exist                           6f1da9b8e7
1992 ├ ┃ ● January 1992               CIS forces set up headquarters at Stepanakert              f310315072
     │ ┃ ● 16 June 1992               Abulfaz Elchibey elected leader of Azerbaijan              6e2ea68407
1993 ├ ┃ ● October 1993               Aliyev formally elected president of Azerbaijan            bc88e55f82
1994 ├ ╹ ● May 1994                   Russian-brokered ceasefire signed                          a3bcbcc45d
     ┆     1995–1997: 3 empty years
1998 ├ ┏━━ 1998 to 2005               Julfa cemetery destroyed after a halt when first revealed  2412e11945
     │ ┃ ● 30 March 1998              Robert Kocharyan elected president                         652a6628e3
     ┆ ┃   1999–2000: 2 empty years"""

MONTHS_80_ASCII = """\
1992 Jan + |-- February 1988 to May 1994  The First Nagorno-Karab...  9937569ba4
         | | * January 1992           CIS forces set up headquart...  f310315072
         : |   Feb-May 1992: 4 empty months
     Jun + | * 16 June 1992           Abulfaz Elchibey elected le...  6e2ea68407
         : |   Jul 1992-Sep 1993: 15 empty months
1993 Oct + | * October 1993           Aliyev formally elected pre...  bc88e55f82
         : |   Nov-Dec 1993: 2 empty months"""

ANCIENT_80 = """\
490 BC ├   ● 12 September 490 BC  Battle of Marathon           9d83307696
       ┆     489 BC–481 BC: 9 empty years
480 BC ├   ● 480 BC               Battle of Thermopylae        96f5f22939
       ┆     479 BC–324 BC: 156 empty years
323 BC ├   ● 11 June 323 BC       Ἀλέξανδρος dies in Babylon   923399f521
       ┆     322 BC–28 BC: 295 empty years
 27 BC ├ ┏━━ 27 BC to AD 14       Augustus rules as emperor    acf17311fe
       ┆ ┃   26 BC–AD 13: 39 empty years
 AD 14 ├ ╹
       ┆     AD 15–AD 78: 64 empty years
 AD 79 ├   ● 24 August AD 79      Vesuvius buries Pompeii      5c036bf995
       ┆     AD 80–AD 799: 720 empty years
AD 800 ├   ● 25 December 800      Charlemagne crowned emperor  55594e98b2"""

ANCIENT_40_ASCII = """\
490 BC +   * 12 September 490 BC  Bat...
       :     489 BC-481 BC: 9 empty y...
480 BC +   * 480 BC      Battle of Th...
       :     479 BC-324 BC: 156 empty...
323 BC +   * 11 June 323 BC  Ἀλέξανδρ...
       :     322 BC-28 BC: 295 empty...
 27 BC + +-- 27 BC to AD 14  Augustus...
       : |   26 BC-AD 13: 39 empty years
 AD 14 + '
       :     AD 15-AD 78: 64 empty years
 AD 79 +   * 24 August AD 79  Vesuviu...
       :     AD 80-AD 799: 720 empty...
AD 800 +   * 25 December 800  Charlem...
(ids hidden below 60 columns)"""

OVERLAP_40 = """\
1900 ├ ┏━━ 1900 to 1950  First long int…
     ┆ ┃   1901–1909: 9 empty years
1910 ├ ┃ ● 1910 to 1920  Second interval
1911 ├ ┃
1912 ├ ┃ ● 1912 to 1915  Third interval
1913 ├ ┃ ● May 1913     A point inside…
     ┆ ┃   1914–1924: 11 empty years
1925 ├ ┃ ● 1925 to 1930  Fourth, in a f…
     ┆ ┃   1926–1949: 24 empty years
1950 ├ ╹
(ids hidden below 60 columns)"""

OVERLAP_80 = """\
1900 ├ ┏━━━━━━ 1900 to 1950  First long interval       0150677c86
     ┆ ┃       1901–1909: 9 empty years
1910 ├ ┃ ┏━━━━ 1910 to 1920  Second interval           005761ffb5
1911 ├ ┃ ┃
1912 ├ ┃ ┃ ┏━━ 1912 to 1915  Third interval            8e5398cdcb
1913 ├ ┃ ┃ ┃ ● May 1913      A point inside all three  942620b21e
1914 ├ ┃ ┃ ┃
1915 ├ ┃ ┃ ╹
     ┆ ┃ ┃     1916–1919: 4 empty years
1920 ├ ┃ ╹
     ┆ ┃       1921–1924: 4 empty years
1925 ├ ┃ ┏━━━━ 1925 to 1930  Fourth, in a freed lane   1a9ccec531
     ┆ ┃ ┃     1926–1929: 4 empty years
1930 ├ ┃ ╹
     ┆ ┃       1931–1949: 19 empty years
1950 ├ ╹"""

OVERLAP_120_ASCII = """\
1900 + +------ 1900 to 1950  First long interval       0150677c86
     : |       1901-1909: 9 empty years
1910 + | +---- 1910 to 1920  Second interval           005761ffb5
1911 + | |
1912 + | | +-- 1912 to 1915  Third interval            8e5398cdcb
1913 + | | | * May 1913      A point inside all three  942620b21e
1914 + | | |
1915 + | | '
     : | |     1916-1919: 4 empty years
1920 + | '
     : |       1921-1924: 4 empty years
1925 + | +---- 1925 to 1930  Fourth, in a freed lane   1a9ccec531
     : | |     1926-1929: 4 empty years
1930 + | '
     : |       1931-1949: 19 empty years
1950 + '"""

SINGLE_40 = """\
1994 May ├ ● May 1994  Russian-brokered…
(ids hidden below 60 columns)"""

SINGLE_120_ASCII = """\
1994 May + * May 1994  Russian-brokered ceasefire signed  a3bcbcc45d"""

# fmt: off
EXACT = [
    # (name, events, options, expected, reason)
    ("war-80", WAR, dict(width=80), WAR_80, "points, bars from start to end year, lone empty year ticked, runs folded"),
    ("war-40-ascii", WAR, dict(width=40, ascii=True), WAR_40_ASCII, "narrow ASCII: titles and a long label cut, ids give way with a note"),
    ("war-120-window", WAR, dict(width=120, start=day("1985-01-01"), end=day("2000-12-31")), WAR_120_WINDOW, "window: empty start folded, events outside left out, 1998-2005 bar runs off the bottom"),
    ("months-80-ascii", WAR, dict(width=80, ascii=True, start=day("1992-01-01"), end=day("1993-12-31")), MONTHS_80_ASCII, "two years zoom to months; the war began before the window, so no start cap"),
    ("ancient-80", ANCIENT, dict(width=80), ANCIENT_80, "BC and AD years before 1000; a bar across the era boundary; Greek title"),
    ("ancient-40-ascii", ANCIENT, dict(width=40, ascii=True), ANCIENT_40_ASCII, "BC in ASCII at 40 columns"),
    ("overlap-40", OVERLAP, dict(width=40), OVERLAP_40, "one lane when narrow: other intervals become points, their ends add no lines"),
    ("overlap-80", OVERLAP, dict(width=80), OVERLAP_80, "three lanes deep, a freed lane reused, leaders cross no bar"),
    ("overlap-120-ascii", OVERLAP, dict(width=120, ascii=True), OVERLAP_120_ASCII, "lanes in ASCII"),
    ("single-40", WAR[13:14], dict(width=40), SINGLE_40, "a single event is a one-month view"),
    ("single-120-ascii", WAR[13:14], dict(width=120, ascii=True), SINGLE_120_ASCII, "a single event, wide, ASCII"),
]
# fmt: on
assert len({case[0] for case in EXACT}) == len(EXACT), "case names must be unique"


@pytest.mark.parametrize(
    ("events", "options", "expected"),
    [pytest.param(events, options, expected, id=name) for name, events, options, expected, _ in EXACT],
)
def test_exact_picture(events, options, expected):
    assert render_timeline(events, **options) == expected


@pytest.mark.parametrize("width", [40, 80, 120])
@pytest.mark.parametrize("ascii", [False, True])
def test_no_events_says_so(width, ascii):
    assert render_timeline([], width=width, ascii=ascii) == "No events."


def test_a_window_that_no_event_overlaps_is_empty():
    window = {"start": day("1966-01-01"), "end": day("1987-12-31")}
    assert render_timeline(WAR, width=80, **window) == "No events."


ZOOM = [
    # (start, end, months in the gutter?, reason)
    ("1992-01-01", "1992-12-31", True, "one calendar year"),
    (
        "1991-12-01",
        "1993-01-31",
        True,
        "three calendar years, though barely more than one year long",
    ),
    ("1991-01-01", "1994-12-31", False, "four calendar years"),
]


@pytest.mark.parametrize(("start", "end", "months", "reason"), ZOOM)
def test_month_markers_only_when_zoomed_in(start, end, months, reason):
    picture = render_timeline(WAR, width=80, start=day(start), end=day(end))
    assert (" Jan " in picture or " Dec " in picture) is months, reason


def test_title_cannot_break_the_line_or_inject_escapes():
    hostile = event("1990-01-01", "1990-01-31", "month", "January\n1990", "a\nb\x1b[31mred\tc")
    assert render_timeline([hostile], width=80) == (f"1990 Jan ├ ● January 1990  a b[31mred c  {hostile.id}")


def test_an_interval_is_a_point_within_one_unit_and_a_bar_across_units():
    summer = event("1991-05-01", "1991-07-31", "month", "May–July 1991", "Spring and Summer operation")
    later = event("1994-01-01", "1994-01-31", "month", "January 1994", "Later")
    assert "● May–July 1991" in render_timeline([summer, later], width=80)
    assert "┏━━ May–July 1991" in render_timeline([summer], width=80)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"width": 19}, "width must be at least 20 columns, not 19"),
        (
            {"width": 80, "start": day("1990-01-01"), "end": day("1989-12-31")},
            "the end 1989-12-31 is before the start 1990-01-01",
        ),
    ],
)
def test_impossible_requests_are_user_errors(options, message):
    with pytest.raises(KbTimelineError, match=message):
        render_timeline(WAR, **options)
