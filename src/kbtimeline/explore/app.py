"""``kbtimeline explore``: the timeline as one screen, an axis to zoom and a list kept in step with it.

The app holds the view (a ``Window``, the search, the page of happenings
and the cursor) and asks the ``Library`` for events only around the
window's centre and for counts per column, so it starts and answers as
fast on a million events in an SQLite index as on a hundred. Each
change of view applies at once and schedules one load in an exclusive
worker: keys pressed faster than the storage answers cancel the loads
they make stale, and the queries of those loads are interrupted, so only
the latest key's query runs to its end. No debounce: a search's first page
costs a few index lookups, and waiting would only add to every key.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Static

from kbtimeline.explore.data import NO_FILTERS, Day, Filters, Happening, KbTimelineError, Library, Search
from kbtimeline.explore.screens import DetailsScreen, HelpScreen
from kbtimeline.explore.widgets.axis import Axis
from kbtimeline.explore.widgets.happenings import HappeningList
from kbtimeline.explore.window import Window, fit

PAGE = 100  # happenings loaded on each side of the centre
EDGE = 3  # rows from a page's end at which the next page is loaded
MIN_LETTERS = 2  # typed before a search starts
COUNT_DELAY = 0.06  # seconds between drawing a search's page and counting its matches
FALLBACK_CENTRE = Day(2000, 1, 1).number()  # where an empty timeline is shown: no clock is read


class ExploreApp(App[None]):
    """The explorer over one ``Library``; ``start``/``end`` (day numbers) and ``search`` set the first view."""

    CSS_PATH = Path(__file__).with_name("explore.tcss")  # absolute: subclasses may live anywhere
    TITLE = "kbtimeline explore"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("plus,equals_sign", "zoom(1)", "Zoom in", key_display="+"),
        Binding("minus", "zoom(-1)", "Zoom out", key_display="-"),
        Binding("left", "pan(-0.1)", "Back", show=False),
        Binding("right", "pan(0.1)", "Forward", show=False),
        Binding("pageup", "pan(-1)", "Page back", show=False),
        Binding("pagedown", "pan(1)", "Page forward", show=False),
        Binding("home", "go('first')", "First", show=False),
        Binding("end", "go('last')", "Last", show=False),
        Binding("enter", "details", "Details"),
        # A priority binding runs as the key arrives: what is typed right after "/" goes to the box.
        Binding("slash", "search", "Search", key_display="/", priority=True),
        Binding("escape", "clear_search", "Clear", show=False),
        Binding("y", "copy_id", "Copy id"),
        Binding("question_mark", "help", "Keys", key_display="?"),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, library: Library, *, start: int | None = None, end: int | None = None, search: str = "") -> None:
        super().__init__()
        self.library = library
        self.window = fit(start, end) if start is not None and end is not None else Window(FALLBACK_CENTRE, 0)
        self._fixed_window = start is not None and end is not None
        self.search: Search | None = None
        self.search_text = search
        self.search_problem = ""  # why the text typed is no search (a bad regular expression), shown on the status line
        self.page: list[Happening] = []
        self.cursor = 0
        self.counts: list[int] = []
        self._bounds: tuple[int, int] | None = None
        self._window_before_search: Window | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield Axis(self.window, id="axis")
        yield HappeningList(id="happenings")
        yield Input(
            self.search_text, placeholder='search: words, "a phrase", -w, --regex; Enter keeps, Esc clears', id="search"
        )
        yield Static(self._key_line(), id="keys")

    def _key_line(self) -> Text:
        """The keys the bindings show, drawn once. Textual's Footer shows them too but rebuilds itself
        at each change of focus, which made "/", Enter and Esc tens of milliseconds slower."""
        line = Text(no_wrap=True, overflow="ellipsis")
        for binding in self.BINDINGS:
            if isinstance(binding, Binding) and binding.show:
                line.append(f" {self.get_key_display(binding)} ", style="bold")
                line.append(f"{binding.description} ")
        return line

    def on_mount(self) -> None:
        self.query_one(HappeningList).focus()
        search_box = self.query_one(Input)
        search_box.display = bool(self.search_text)
        self.call_after_refresh(self._start)

    def _start(self) -> None:
        self._search(self.search_text, first=True)

    # The view changes at once; the events follow in a worker.

    def action_zoom(self, steps: int) -> None:
        self.window = self.window.zoom(steps)
        self._reload(keep_cursor=True)

    def action_pan(self, fraction: float) -> None:
        self.window = self.window.pan(fraction)
        self._reload()

    def action_go(self, end: str) -> None:
        if self._bounds is not None:
            self.window = self.window.at(self._bounds[0] if end == "first" else self._bounds[1])
            self._reload()

    @on(Axis.Panned)
    def _dragged(self, message: Axis.Panned) -> None:
        self.window = self.window.at(self.window.centre + message.days)
        self._reload()

    @on(Axis.Clicked)
    def _clicked(self, message: Axis.Clicked) -> None:
        self.window = self.window.at(message.day)
        self._reload()

    @on(Axis.Resized)
    def _resized(self) -> None:
        if self.page or self.counts:  # not before the first load, which counts at the new width anyway
            self._reload(keep_cursor=True, new_page=False)

    @on(Axis.Zoomed)
    def _wheeled(self, message: Axis.Zoomed) -> None:
        self.action_zoom(message.steps)

    @on(HappeningList.Moved)
    def _moved(self, message: HappeningList.Moved) -> None:
        """The axis follows the cursor: the happening under it comes to the window's centre."""
        happening = message.happening
        if message.index >= len(self.page) or self.page[message.index] is not happening:
            return  # a load replaced the page since the move: the list shows the new one
        self.cursor = message.index
        self.window = self.window.at(happening.event.start.number())
        near_edge = self.cursor < EDGE or self.cursor >= len(self.page) - EDGE
        self._reload(keep_cursor=True, new_page=near_edge)

    def _reload(self, *, keep_cursor: bool = False, new_page: bool = True) -> None:
        key = self.page[self.cursor].key if keep_cursor and self.page else None
        self._load(self.window, key, new_page)

    @work(exclusive=True, group="load")
    async def _load(self, window: Window, cursor_key: str | None, new_page: bool) -> None:
        await self._fetch(window, window.centre if new_page else None, cursor_key)

    async def _fetch(self, window: Window, around: int | None, cursor_key: str | None = None) -> None:
        """The page of happenings around day ``around`` (None: keep the page) and the counts per
        column of ``window``, drawn as they come."""
        if around is not None:
            self._place(await self.library.around(around, self.search, PAGE), around, cursor_key)
        await self._count(window)

    def _place(self, page: list[Happening], around: int, cursor_key: str | None = None) -> None:
        """Show ``page``, the cursor on ``cursor_key`` when it is there, else on the first happening
        from day ``around`` on."""
        keys = [happening.key for happening in page]
        if cursor_key in keys:
            cursor = keys.index(cursor_key)
        else:
            cursor = next((i for i, h in enumerate(page) if h.event.start.number() >= around), len(page) - 1)
        self.page, self.cursor = page, max(cursor, 0)

    async def _count(self, window: Window) -> None:
        """The counts per column of ``window``. Counting the matches of a search or the events of
        some sources can take longer than the page: the page is then drawn first, and the density
        strip when its counts are in."""
        edges = window.edges(max(self.query_one(Axis).content_size.width, 1))
        if self.library.slow_to_count(self.search):
            self.counts = []
            self._draw(window)
            # The next key typed within this pause cancels the count before it occupies the storage thread.
            await asyncio.sleep(COUNT_DELAY)
        self.counts = await self.library.counts(edges, self.search)
        self._draw(window)

    def _draw(self, window: Window) -> None:
        current = self.page[self.cursor] if self.page else None
        spans = self.search.spans if self.search is not None else None
        self.query_one(HappeningList).show(self.page, self.cursor, spans)
        self.query_one(Axis).show(window, self.counts, self.page, current.key if current else None)
        count = sum(self.counts)
        counted = f"{count:,} event{'' if count == 1 else 's'} start in view" if self.counts else "counting…"
        status = f"{window.label()} · {window.name} · {counted}"
        if self.search_problem:
            status += f" · search: {self.search_problem}"
        elif self.search is not None:
            status += f" · search: {self.search_text}"
        elif self.search_text.strip():
            status += " · search: keep typing"
        self.query_one("#status", Static).update(Text(status, no_wrap=True, overflow="ellipsis"), layout=False)

    # Search as you type.

    def action_search(self) -> None:
        if len(self.screen_stack) > 1:  # details or help are open
            return
        search_box = self.query_one(Input)
        if self._window_before_search is None:
            self._window_before_search = self.window
        search_box.display = True
        self.screen.set_focus(search_box)  # at once, not after a refresh as focus() does

    @on(Input.Changed, "#search")
    def _typed(self, message: Input.Changed) -> None:
        if message.value != self.search_text:  # not the box being filled with --search at the start
            self._search(message.value)

    @on(Input.Submitted, "#search")
    def _submitted(self) -> None:
        self.screen.set_focus(self.query_one(HappeningList))  # at once: the next key is the list's

    def action_clear_search(self) -> None:
        search_box = self.query_one(Input)
        if not search_box.display:
            return
        with search_box.prevent(Input.Changed):
            search_box.value = ""
        search_box.display = False
        self.screen.set_focus(self.query_one(HappeningList))
        if self._window_before_search is not None:
            self.window, self._window_before_search = self._window_before_search, None
        self._search("", keep_window=True)

    @work(exclusive=True, group="load")
    async def _search(self, text: str, *, first: bool = False, keep_window: bool = False) -> None:
        """Search ``text`` (as the search command would), refit the axis to the matches and load.

        Text that is no search (a bad regular expression, an unknown option)
        keeps the view of the last search; the status line says why.
        """
        self.search_text = text
        keep = keep_window or (first and self._fixed_window)
        try:
            found = await self.library.find(text, MIN_LETTERS, self.window.centre if keep else None, PAGE)
        except KbTimelineError as error:
            self.search_problem = str(error)
            self._draw(self.window)
            return
        self.search, self._bounds, self.search_problem = found.search, found.bounds, ""
        if self._bounds is not None and not keep:
            self.window = fit(*self._bounds)
        self._place(found.page, self.window.centre if keep or self._bounds is None else self._bounds[0])
        await self._count(self.window)

    # One happening.

    def action_details(self) -> None:
        if self.page and not isinstance(self.screen, DetailsScreen):
            self._details(self.page[self.cursor])

    @work(exclusive=True, group="details")
    async def _details(self, happening: Happening) -> None:
        source_text = await self.library.source_text(happening.event.source)
        await self.push_screen(DetailsScreen(happening, source_text, self.search))

    def action_copy_id(self) -> None:
        if self.page:
            event_id = self.page[self.cursor].event.id
            self.copy_to_clipboard(event_id)
            self.notify(f"copied {event_id}")

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


def run(
    data: Path | None,
    *,
    start: Day | None = None,
    end: Day | None = None,
    search: str = "",
    filters: Filters = NO_FILTERS,
) -> None:
    """Open the events (an unreadable file or an unknown filter fails here, before the screen
    changes), run the app until q or Ctrl+C, and give the terminal back as it was."""
    library = Library(data, filters)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        library.close()
        raise KbTimelineError("explore needs a terminal; for a pipe or a file, use list, timeline or export")
    start, end = start or end, end or start  # one end alone (--from, --to) is a window of its own
    try:
        ExploreApp(
            library,
            start=start.number() if start is not None else None,
            end=end.number() if end is not None else None,
            search=search,
        ).run()
    finally:
        library.close()
