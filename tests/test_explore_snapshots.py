"""How the explorer looks, at 80x24 and 140x45: SVG snapshots (pytest-textual-snapshot).

The data is the hand-made fixture, never data/events.json, so that a change
in extraction does not change these pictures. After a deliberate change of
look: ``pytest tests/test_explore_snapshots.py --snapshot-update``, then
look at the pictures before committing them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from kbtimeline.explore.app import ExploreApp
from kbtimeline.explore.data import Library
from test_explore_app import settle
from test_explore_data import spread
from timeline_fixtures import make_data_dir, write_events

SIZES = {"80x24": (80, 24), "140x45": (140, 45)}
# (name, keys pressed, reason)
VIEWS = [
    ("start", [], "the first view: all events fitted"),
    ("zoomed", ["plus", "down", "down"], "a decade's years, the cursor on the third happening"),
    ("search", ["slash", *"Shusha"], "a search: matches highlighted, the axis refitted"),
    ("details", ["down", "enter"], "one happening in full"),
]


@pytest.fixture
def library(tmp_path: Path) -> Library:
    folder = make_data_dir(tmp_path)
    write_events(folder / "events.json", spread())
    library = Library(folder)
    yield library
    library.close()


def pressing(keys: list[str]) -> Callable[[Pilot[None]], Awaitable[None]]:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(("name", "keys", "reason"), VIEWS, ids=[row[0] for row in VIEWS])
def test_the_screen_looks_as_before(
    snap_compare: Callable[..., bool], library: Library, size: str, name: str, keys: list[str], reason: str
) -> None:
    assert snap_compare(ExploreApp(library), terminal_size=SIZES[size], run_before=pressing(keys))
