"""What holds for every view: purity, width, colour only when asked, ASCII when asked."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kbtimeline.model import GRANULARITIES, Day, Event, KbTimelineError
from kbtimeline.output.views import (
    MIN_WIDTH,
    compute_stats,
    count_buckets,
    render_histogram,
    render_sparkline,
    render_stats,
    render_timeline,
)
from test_views_fixtures import WAR, event

ANSI = re.compile(r"\x1b\[[0-9;]*m")

Render = Callable[..., str]
VIEWS: dict[str, Callable[[list[Event]], Render]] = {
    "timeline": lambda events: lambda **options: render_timeline(events, **options),
    "histogram": lambda events: lambda **options: render_histogram(count_buckets(events, "year"), **options),
    "sparkline": lambda events: lambda **options: render_sparkline(count_buckets(events, "month"), **options),
    "stats": lambda events: lambda **options: render_stats(compute_stats(events), **options),
}


def test_views_import_neither_typer_nor_rich():
    probe = (
        "import sys, kbtimeline.output.views; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('typer', 'rich')))"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("view", VIEWS)
def test_colour_only_when_asked_and_the_same_text_beneath(view):
    render = VIEWS[view](WAR)
    plain, coloured = render(width=80), render(width=80, color=True)
    assert "\x1b" not in plain
    assert "\x1b[" in coloured
    assert ANSI.sub("", coloured) == plain


@pytest.mark.parametrize("view", VIEWS)
def test_a_width_too_small_to_draw_in_is_a_user_error(view):
    with pytest.raises(KbTimelineError, match=f"at least {MIN_WIDTH} columns"):
        VIEWS[view](WAR)(width=MIN_WIDTH - 1)


days = st.builds(Day, st.integers(-1500, 2100), st.integers(1, 12), st.integers(1, 28))


any_text = st.text(max_size=90)


@st.composite
def events(draw: st.DrawFn, text: st.SearchStrategy[str] = any_text) -> Event:
    """Any event: dates before and after year 0, any length, any label and title."""
    first = draw(days)
    # Built from fields, not Day arithmetic: the views only compare days and read their parts.
    other = Day(first.year + draw(st.sampled_from([0, 1, 10, 100])), first.month, first.day)
    start, end = sorted((first, draw(st.sampled_from([first, other]))))
    granularity = draw(st.sampled_from(GRANULARITIES))
    return event(start.iso(), end.iso(), granularity, draw(text), draw(text))


event_lists = st.lists(events(), max_size=12, unique_by=lambda event: event.id)
widths = st.integers(MIN_WIDTH, 160)


@settings(deadline=None)
@given(event_lists, widths, st.booleans(), st.sampled_from(list(VIEWS)))
def test_no_line_is_wider_than_asked_coloured_or_not(events, width, ascii, view):
    render = VIEWS[view](events)
    plain = render(width=width, ascii=ascii)
    assert max(len(line) for line in plain.splitlines()) <= width
    assert ANSI.sub("", render(width=width, ascii=ascii, color=True)) == plain


@settings(deadline=None)
@given(event_lists, st.integers(60, 160))
def test_every_event_has_one_line_that_ends_in_its_whole_id(events, width):
    lines = render_timeline(events, width=width).splitlines()
    for each in events:
        assert sum(line.endswith(each.id) for line in lines) == 1


ascii_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=60)


@settings(deadline=None)
@given(
    st.lists(events(ascii_text), max_size=8, unique_by=lambda event: event.id),
    widths,
    st.sampled_from(list(VIEWS)),
)
def test_ascii_views_add_nothing_but_ascii(events, width, view):
    assert VIEWS[view](events)(width=width, ascii=True).isascii()
