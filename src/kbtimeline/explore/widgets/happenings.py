"""The list of happenings, one row each (date label, title, mention count), with a cursor.

It shows a page of happenings around the axis's centre, the ones the app
loaded; the cursor's moves are messages, and the app decides what follows
(the axis moves to the happening, or a new page is loaded near the edges).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widget import Widget

from kbtimeline.explore.data import Happening

DATE_WIDTH = 20
TIMES = "\N{MULTIPLICATION SIGN}"  # before a mention count: "x3" written with the sign
Spans = Callable[[str], list[tuple[int, int]]]


class HappeningList(Widget, can_focus=True):
    """Rows of happenings; the one under the cursor is highlighted, search hits too."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "happenings--cursor",
        "happenings--date",
        "happenings--count",
        "happenings--hit",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
    ]

    class Moved(Message):
        """The cursor went to row ``index``, which shows ``happening``."""

        def __init__(self, index: int, happening: Happening) -> None:
            super().__init__()
            self.index = index
            self.happening = happening

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.happenings: Sequence[Happening] = ()
        self.cursor = 0
        self.spans: Spans | None = None
        self._top = 0  # first row drawn

    @property
    def current(self) -> Happening | None:
        return self.happenings[self.cursor] if 0 <= self.cursor < len(self.happenings) else None

    def show(self, happenings: Sequence[Happening], cursor: int, spans: Spans | None) -> None:
        self.happenings, self.spans = happenings, spans
        self.cursor = min(max(cursor, 0), max(len(happenings) - 1, 0))
        self.refresh()

    def action_move(self, rows: int) -> None:
        if self.happenings:
            self._go(min(max(self.cursor + rows, 0), len(self.happenings) - 1))

    def on_click(self, event: events.Click) -> None:
        row = self._top + event.y
        if 0 <= row < len(self.happenings):
            self._go(row)

    def _go(self, row: int) -> None:
        """Move now, so that keys pressed before the app answers add up; the app then follows."""
        self.cursor = row
        self.refresh()
        self.post_message(self.Moved(row, self.happenings[row]))

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.action_move(1)

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.action_move(-1)

    def render(self) -> Text:
        width, height = self.content_size.width, self.content_size.height
        if not self.happenings:
            return Text("No events here. Zoom out (-), pan (← →) or clear the search (Esc).")
        # Keep the cursor in view, a little away from the edges when it can be.
        margin = min(2, height // 4)
        if self.cursor < self._top + margin:
            self._top = max(self.cursor - margin, 0)
        elif self.cursor >= self._top + height - margin:
            self._top = self.cursor - height + margin + 1
        self._top = max(min(self._top, len(self.happenings) - height), 0)
        rows = [self._row(index, width) for index in range(self._top, min(self._top + height, len(self.happenings)))]
        return Text("\n", no_wrap=True, overflow="crop").join(rows)

    def _row(self, index: int, width: int) -> Text:
        happening = self.happenings[index]
        event = happening.event
        count = f" {TIMES}{len(happening.mentions)}" if len(happening.mentions) > 1 else ""
        date = _shortened(event.when, DATE_WIDTH)
        title_width = max(width - DATE_WIDTH - 1 - len(count), 1)
        title = Text(_shortened(event.title, title_width))
        if self.spans is not None:
            for start, end in self.spans(title.plain):
                title.stylize(self.get_component_rich_style("happenings--hit"), start, end)
        row = Text.assemble(
            (date.ljust(DATE_WIDTH), self.get_component_rich_style("happenings--date")),
            " ",
            title,
            (count, self.get_component_rich_style("happenings--count")),
        )
        row.pad_right(width - len(row.plain))
        if index == self.cursor:
            row.stylize(self.get_component_rich_style("happenings--cursor"))
        return row


def _shortened(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
