"""The axis arithmetic: zoom levels, panning, buckets, ticks and fitting, without a screen."""

from __future__ import annotations

import itertools

import pytest

from kbtimeline.explore.window import LEVELS, Window, day_label, fit
from kbtimeline.model import Day

D = Day


def n(year: int, month: int = 1, day: int = 1) -> int:
    return Day(year, month, day).number()


# (first, last, expected level name, reason)
FITS = [
    (n(1992, 5, 8), n(1992, 5, 8), "days", "one day fits the finest window"),
    (n(1992, 5, 1), n(1992, 5, 31), "months", "a whole month plus a margin needs the next level"),
    (n(1992, 1, 1), n(1992, 10, 1), "months", "most of a year fits a year's window"),
    (n(1988), n(1994), "years", "the war years fit ten years"),
    (n(1867), n(2020), "centuries", "a century and a half needs the coarsest level"),
    (n(-489), n(2020), "centuries", "more than the coarsest span still gets the coarsest"),
]
assert len({row[:2] for row in FITS}) == len(FITS)


@pytest.mark.parametrize(("first", "last", "level", "reason"), FITS, ids=[row[3] for row in FITS])
def test_fit_picks_the_finest_level_that_shows_both_ends(first: int, last: int, level: str, reason: str) -> None:
    window = fit(first, last)
    assert window.name == level
    if window.span >= last - first + 1:
        assert window.start <= first and last <= window.end


def test_zoom_keeps_the_centre_and_stops_at_both_ends() -> None:
    window = Window(n(1992, 5, 8), 0)
    assert [window.zoom(steps).name for steps in range(-1, 6)] == [
        "centuries", "centuries", "decades", "years", "months", "days", "days",
    ]  # fmt: skip
    assert {window.zoom(steps).centre for steps in range(5)} == {window.centre}


@pytest.mark.parametrize("level", range(len(LEVELS)))
def test_pan_moves_by_a_fraction_of_the_span(level: int) -> None:
    window = Window(n(1992), level)
    assert window.pan(1).start == window.end + 1 or abs(window.pan(1).start - window.end - 1) <= 1
    assert window.pan(-0.1).pan(0.1) == window


@pytest.mark.parametrize("width", [1, 7, 78, 138])
@pytest.mark.parametrize("level", range(len(LEVELS)))
def test_buckets_cover_the_window_once(level: int, width: int) -> None:
    window = Window(n(1992, 5, 8), level)
    edges = window.edges(width)
    assert edges[0] == window.start and edges[-1] == window.end + 1
    assert all(a <= b for a, b in itertools.pairwise(edges))
    assert all(
        window.column(edge, width) == column for column, edge in enumerate(edges[:-1]) if edge < edges[column + 1]
    )


# (window, expected first tick labels, reason)
TICKS = [
    (Window(n(1992, 7, 1), 2), ["1988", "1989", "1990"], "years: every 1 January"),
    (Window(n(1992, 7, 1), 1), ["1950", "1960", "1970"], "decades: every tenth year"),
    (Window(n(1992, 7, 1), 3), ["1992", "Feb", "Mar"], "months: month names, the year at January"),
    (Window(n(1992, 5, 16), 4), ["1 May", "8", "15"], "days: the first of the month named, then weeks"),
    (Window(n(-480), 2), ["486 BC", "485 BC", "484 BC"], "years before 1 are written BC"),
]


@pytest.mark.parametrize(("window", "labels", "reason"), TICKS, ids=[row[2] for row in TICKS])
def test_ticks_are_labelled_by_the_unit_of_the_level(window: Window, labels: list[str], reason: str) -> None:
    ticks = list(window.ticks())
    assert [label for _, label in ticks[: len(labels)]] == labels
    assert all(window.start <= day <= window.end for day, _ in ticks)


def test_day_labels_read_as_dates() -> None:
    assert day_label(n(1992, 5, 8)) == "8 May 1992"
    assert day_label(n(-489, 9, 12)) == "12 Sep 490 BC"
