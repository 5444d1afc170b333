"""The explorer driven through Textual's pilot: keys and clicks in, what the app shows out."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from kbtimeline.explore.app import ExploreApp
from kbtimeline.explore.data import Library
from kbtimeline.explore.screens import DetailsScreen, HelpScreen
from kbtimeline.explore.widgets.axis import Axis
from kbtimeline.explore.widgets.happenings import HappeningList
from kbtimeline.explore.window import fit
from kbtimeline.model import Day
from test_explore_data import spread
from timeline_fixtures import make_data_dir, write_events


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = make_data_dir(tmp_path)
    write_events(folder / "events.json", spread())
    return folder


@pytest.fixture
def app(data: Path) -> ExploreApp:
    library = Library(data)
    yield ExploreApp(library)
    library.close()


async def settle(pilot: Pilot[None]) -> None:
    """Until the loads the last key started have drawn."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def press(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


def status(app: ExploreApp) -> str:
    return str(app.query_one("#status", Static).render())


async def test_the_first_view_fits_all_events(app: ExploreApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first, last = Day(1980, 1, 1).number(), Day(1999, 12, 31).number()
        assert app.window.start <= first and last <= app.window.end
        assert app.window.name == "decades"
        assert "60 events start in view" in status(app)
        assert app.query_one(HappeningList).current is not None


async def test_zoom_changes_the_window_around_its_centre(app: ExploreApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        before = app.window
        await press(pilot, "plus")
        assert app.window.name == "years" and app.window.centre == before.centre
        assert app.window.span < before.span
        assert "years" in status(app) and app.window.label() in status(app)
        await press(pilot, "minus", "minus", "minus")
        assert app.window.name == "centuries"
        await press(pilot, "equals_sign")  # + without shift
        assert app.window.name == "decades"


async def test_panning_moves_the_window_and_the_list_follows(app: ExploreApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "plus")
        start = app.window.start
        await press(pilot, "right")
        assert app.window.start == start + round(app.window.span * 0.1)
        current = app.query_one(HappeningList).current  # the first happening from the new centre on
        assert current is not None and current.event.start.number() >= app.window.centre
        assert not [e for e in spread() if app.window.centre <= e.start.number() < current.event.start.number()]
        await press(pilot, "pagedown")
        assert app.window.start > start + app.window.span
        await press(pilot, "home")
        assert app.window.centre == Day(1980, 1, 1).number()
        await press(pilot, "end")
        assert app.window.centre == max(event.start for event in spread()).number()


async def test_the_list_cursor_moves_the_axis_and_a_click_on_the_axis_moves_the_cursor(app: ExploreApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "plus", "plus")  # months: one event at a time in view
        for key in ("down", "down", "up", "down"):
            await press(pilot, key)
            current = app.query_one(HappeningList).current
            assert current is not None and app.window.centre == current.event.start.number()
            assert app.query_one(Axis).cursor_key == current.key
        axis = app.query_one(Axis)
        await pilot.click(Axis, offset=(axis.region.width - 3, 5))
        await settle(pilot)
        clicked = app.window.centre
        current = app.query_one(HappeningList).current
        assert current is not None and current.event.start.number() >= clicked


async def test_search_filters_refits_and_escape_clears(app: ExploreApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        everything = app.window
        await press(pilot, "slash", *"ceasefire")
        assert app.query_one(Input).has_focus
        rows = app.query_one(HappeningList).happenings
        assert rows and all("ceasefire" in row.event.text for row in rows)
        starts = [event.start.number() for event in spread() if "ceasefire" in event.text]
        assert app.window.start <= min(starts) and max(starts) <= app.window.end
        assert app.window == fit(min(starts), max(starts)) != everything  # refitted to the matches
        assert "search: ceasefire" in status(app)
        assert f"{len(starts)} events start in view" in status(app)
        await press(pilot, "escape")
        assert app.search is None and not app.query_one(Input).display
        assert app.window == everything
        assert len(app.query_one(HappeningList).happenings) == 60


async def test_search_uses_aliases_and_phrases(app: ExploreApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "slash", *"Susa")  # no accents typed: Şuşa, Shusha, Shushi are one name
        rows = app.query_one(HappeningList).happenings
        assert rows and all("Shushi" in row.event.text for row in rows)
        await press(pilot, "enter")
        assert app.query_one(HappeningList).has_focus and app.search is not None


async def test_enter_shows_the_details_and_y_copies_the_id(app: ExploreApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        current = app.query_one(HappeningList).current
        assert current is not None
        await press(pilot, "enter")
        assert isinstance(app.screen, DetailsScreen)
        shown = " ".join(str(widget.render()) for widget in app.screen.query(Static))
        event = current.event
        assert event.when in shown and event.granularity in shown and event.text in shown
        assert f"{event.source}" in shown and f"{event.span[0]}–{event.span[1]}" in shown
        await press(pilot, "y")
        assert app.clipboard == event.id
        await press(pilot, "escape")
        assert not isinstance(app.screen, DetailsScreen)


async def test_question_mark_shows_the_keys(app: ExploreApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await press(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        await press(pilot, "escape")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.parametrize("key", ["q", "ctrl+c"])
async def test_q_and_ctrl_c_quit_with_exit_code_0(app: ExploreApp, key: str) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_a_search_waits_for_two_letters(app: ExploreApp) -> None:
    """One letter would match most of a big index: the view stays until a second one comes."""
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "slash", "C")
        assert app.search is None and "keep typing" in status(app)
        assert len(app.query_one(HappeningList).happenings) == 60
        await press(pilot, "l")
        assert app.search is not None and "search: Cl" in status(app)
        assert all("Clashes" in row.event.text for row in app.query_one(HappeningList).happenings)


async def test_the_mouse_wheel_zooms_and_a_drag_pans(app: ExploreApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        axis = app.query_one(Axis)
        axis.post_message(Axis.Zoomed(1))  # what the wheel up on the axis says
        await settle(pilot)
        assert app.window.name == "years"
        centre = app.window.centre
        await pilot.mouse_down(Axis, offset=(60, 4))
        await pilot.hover(Axis, offset=(50, 4))
        await pilot.mouse_up(Axis, offset=(50, 4))
        await settle(pilot)
        width = axis.content_size.width
        assert app.window.centre == centre + 10 * app.window.span // width  # dragged left: later dates


async def test_a_resize_counts_again_at_the_new_width(app: ExploreApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.resize_terminal(140, 45)
        await settle(pilot)
        assert len(app.counts) == app.query_one(Axis).content_size.width == 138
        assert "60 events start in view" in status(app)


async def test_no_color_leaves_the_cursor_visible(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    library = Library(data)
    app = ExploreApp(library)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert app.no_color
            happenings = app.query_one(HappeningList)
            assert happenings.get_component_rich_style("happenings--cursor").reverse
            assert app.query_one(Axis).get_component_rich_style("axis--cursor").reverse
    finally:
        library.close()


async def test_start_end_and_search_from_the_command_line_set_the_first_view(data: Path) -> None:
    library = Library(data)
    first, last = Day(1990, 1, 1).number(), Day(1992, 12, 31).number()
    app = ExploreApp(library, start=first, end=last, search="ceasefire")
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            assert app.window == fit(first, last)  # START END win over the matches' extent
            assert app.query_one(Input).display and app.query_one(Input).value == "ceasefire"
            assert all("ceasefire" in row.event.text for row in app.query_one(HappeningList).happenings)
    finally:
        library.close()


async def test_search_options_as_on_the_command_line_and_a_bad_expression_keeps_the_view(app: ExploreApp) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await press(pilot, "slash", *"--regex Cl.shes")
        rows = app.query_one(HappeningList).happenings
        assert app.search is not None and app.search.regex
        assert rows and all("Clashes" in row.event.text for row in rows)
        await press(pilot, *" [")  # an expression being typed, not yet valid
        assert "bad regular expression" in status(app)
        assert app.query_one(HappeningList).happenings == rows  # the last good search stays on screen
        await press(pilot, "backspace", "backspace", "ctrl+u", *"-w Shush")  # a whole word: Shushi is not Shush
        assert app.search is not None and app.search.whole_words
        assert app.query_one(HappeningList).happenings == [] and "0 events start in view" in status(app)
