"""The zoomable time axis: tick labels, a ruler, a density strip and the happenings as points and bars."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from kbtimeline.explore.data import Happening
from kbtimeline.explore.window import Window

BLOCKS = " ▁▂▃▄▅▆▇█"
HEADER_ROWS = 3  # tick labels, ruler, density strip; the lanes of happenings fill the rest


class Axis(Widget):
    """Draws what the app hands it (``show``); tells the app what the mouse asks for by messages."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"axis--density", "axis--mark", "axis--cursor", "axis--tick"}

    class Panned(Message):
        """The axis was dragged by ``days`` (positive: later dates come into view)."""

        def __init__(self, days: int) -> None:
            super().__init__()
            self.days = days

    class Clicked(Message):
        """A click on the axis at day number ``day``."""

        def __init__(self, day: int) -> None:
            super().__init__()
            self.day = day

    class Resized(Message):
        """The axis has another width: its counts per column must be asked for again."""

    class Zoomed(Message):
        """The wheel asked for ``steps`` levels finer (negative: coarser)."""

        def __init__(self, steps: int) -> None:
            super().__init__()
            self.steps = steps

    def __init__(self, window: Window, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.window = window
        self.counts: list[int] = []
        self.happenings: Sequence[Happening] = ()
        self.cursor_key: str | None = None
        self._drag_from: int | None = None
        self._dragged = False

    def show(self, window: Window, counts: list[int], happenings: Sequence[Happening], cursor_key: str | None) -> None:
        self.window, self.counts, self.happenings, self.cursor_key = window, counts, happenings, cursor_key
        self.refresh()

    def render(self) -> Text:
        width, height = self.content_size.width, self.content_size.height
        if width <= 0:
            return Text()
        lines = [self._tick_labels(width), self._ruler(width), self._density(width)]
        lines += self._lanes(width, max(height - HEADER_ROWS, 0))
        return Text("\n", no_wrap=True, overflow="crop").join(lines[:height])

    def _tick_labels(self, width: int) -> Text:
        placed: list[tuple[int, str]] = []
        free_from = 0
        for day, label in self.window.ticks():
            column = self.window.column(day, width)
            if column >= free_from and column + len(label) <= width:
                placed.append((column, label))
                free_from = column + len(label) + 1
        return _line(width, [(column, label, self.get_component_rich_style("axis--tick")) for column, label in placed])

    def _ruler(self, width: int) -> Text:
        cells = ["─"] * width
        for day, _ in self.window.ticks():
            column = self.window.column(day, width)
            if 0 <= column < width:
                cells[column] = "┴"
        return Text("".join(cells), style="dim")

    def _density(self, width: int) -> Text:
        counts = self.counts[:width]
        most = max(counts, default=0)
        if not most:
            return Text(" " * width)
        steps = len(BLOCKS) - 1
        cells = [BLOCKS[0 if not n else max(1, round(n * steps / most))] for n in counts]
        return Text("".join(cells).ljust(width), style=self.get_component_rich_style("axis--density"))

    def _lanes(self, width: int, rows: int) -> list[Text]:
        """Each happening in the window as a point (one column) or a bar, in the first lane with room."""
        marks: list[list[tuple[int, str, Style]]] = [[] for _ in range(rows)]
        free_from = [0] * rows
        window = self.window
        styles = {name: self.get_component_rich_style(name) for name in ("axis--mark", "axis--cursor")}
        for happening in self.happenings:
            event = happening.event
            start, end = event.start.number(), event.end.number()
            if end < window.start or start > window.end:
                continue
            first = max(window.column(start, width), 0)
            last = min(window.column(end, width), width - 1)
            lane = next((i for i in range(rows) if free_from[i] <= first), None)
            if lane is None:
                continue  # more happenings than lanes: the density strip still counts them
            mark = "●" if first == last else "━" * (last - first + 1)
            style = styles["axis--cursor" if happening.key == self.cursor_key else "axis--mark"]
            marks[lane].append((first, mark, style))
            free_from[lane] = last + 2
        return [_line(width, lane) for lane in marks]

    def on_resize(self, event: events.Resize) -> None:
        self.post_message(self.Resized())

    # The mouse: drag to pan, click to go to a date, the wheel to zoom.

    def on_mouse_down(self, event: events.MouseDown) -> None:
        self._drag_from, self._dragged = event.x, False
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag_from is None or event.x == self._drag_from:
            return
        width = max(self.content_size.width, 1)
        self.post_message(self.Panned((self._drag_from - event.x) * self.window.span // width))
        self._drag_from, self._dragged = event.x, True

    def on_mouse_up(self, event: events.MouseUp) -> None:
        self.release_mouse()
        if self._drag_from is not None and not self._dragged:
            self.post_message(self.Clicked(self.window.day_at(event.x, max(self.content_size.width, 1))))
        self._drag_from = None

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.post_message(self.Zoomed(1))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.post_message(self.Zoomed(-1))


def _line(width: int, pieces: list[tuple[int, str, Style]]) -> Text:
    """A line ``width`` wide with each (column, text, style) piece in place; pieces come left to right."""
    line = Text(no_wrap=True, overflow="crop")
    for column, text, style in pieces:
        line.append(" " * (column - len(line)))
        line.append(text, style)
    line.append(" " * (width - len(line)))
    return line
