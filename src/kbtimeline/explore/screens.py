"""The screens over the explorer: one happening in full (Enter) and the keys (?)."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from kbtimeline.explore.data import Event, Happening, Search

CONTEXT_CHARS = 400  # of source text shown on each side of the sentence

KEYS = [
    ("+ / -", "zoom in / out: centuries, decades, years, months, days (or the mouse wheel on the axis)"),
    ("← / →", "move the window back / forward a tenth of its width (or drag the axis)"),
    ("PgUp / PgDn", "move the window a whole width"),
    ("Home / End", "go to the first / last event"),
    ("↑ / ↓", "previous / next happening; the axis follows (or click a row, or the axis)"),
    ("Enter", "the happening in full: sentence, source text, other mentions"),
    ("/", "search as you type (from two letters), as the search command does; Enter keeps it, Esc clears it"),
    ("", '"a phrase" in quotes; options as on the command line: -w (whole words), --regex, --any, --exact'),
    ("y", "copy the id of the happening under the cursor"),
    ("?", "this help"),
    ("q / Ctrl+C", "quit"),
]


class HelpScreen(ModalScreen[None]):
    """The keys, over the app; any of Esc, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        table = Table.grid(padding=(0, 2))
        table.add_column(justify="right", style="bold", no_wrap=True)
        table.add_column()
        for key, meaning in KEYS:
            table.add_row(key, meaning)
        yield VerticalScroll(Static(table), Static(Text("Esc closes this help.", style="italic")), id="help")


class DetailsScreen(ModalScreen[None]):
    """One happening: its date, the sentence with the date phrase marked, the text around it,
    its other mentions, where it comes from; ``y`` copies its id."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "dismiss", "Close"),
        Binding("y", "copy_id", "Copy id"),
    ]

    def __init__(self, happening: Happening, source_text: str | None, search: Search | None) -> None:
        super().__init__()
        self.happening = happening
        self.source_text = source_text
        self.search = search

    def compose(self) -> ComposeResult:
        event = self.happening.event
        yield VerticalScroll(
            Static(self._heading(event), id="details-heading"),
            Static(self._sentence(event), id="details-sentence"),
            Static(self._source_around(event), id="details-context"),
            Static(self._mentions(), id="details-mentions"),
            Static(Text(f"Esc closes · y copies the id {event.id}", style="italic")),
            id="details",
        )

    def action_copy_id(self) -> None:
        self.app.copy_to_clipboard(self.happening.event.id)
        self.notify(f"copied {self.happening.event.id}")

    def _heading(self, event: Event) -> Text:
        modifier = f", {event.modifier}" if event.modifier else ""
        heading = Text.assemble((event.when, "bold"), f"  ({event.granularity}{modifier})\n", (event.title, "bold"))
        heading.append(
            f"\nid {event.id} · source {event.source} · sentence at {event.span[0]}–{event.span[1]}"
            f" · date phrase at {event.date_span[0]}–{event.date_span[1]}",
            style="dim",
        )
        return heading

    def _sentence(self, event: Event) -> Text:
        sentence = Text(event.text)
        start, end = event.date_span[0] - event.span[0], event.date_span[1] - event.span[0]
        if 0 <= start < end <= len(event.text):
            sentence.stylize("bold underline reverse", start, end)
        if self.search is not None:
            for hit_start, hit_end in self.search.spans(event.text):
                sentence.stylize("bold italic", hit_start, hit_end)
        return sentence

    def _source_around(self, event: Event) -> Text:
        text = self.source_text
        if text is None or event.span[1] > len(text):
            return Text("(the source text is not at hand)", style="dim italic")
        begin = max(event.span[0] - CONTEXT_CHARS, 0)
        finish = min(event.span[1] + CONTEXT_CHARS, len(text))
        context = Text("…" if begin else "", style="dim")
        context.append(text[begin : event.span[0]], style="dim")
        context.append(text[event.span[0] : event.span[1]], style="bold")
        context.append(text[event.span[1] : finish] + ("…" if finish < len(text) else ""), style="dim")
        return context

    def _mentions(self) -> Text:
        others = self.happening.mentions[1:]
        if not others:
            return Text("No other mention of this happening in view.", style="dim")
        lines = Text(f"{len(others)} other mention(s):\n", style="bold")
        for other in others:
            lines.append(f"  {other.when} · {other.source} {other.span[0]}–{other.span[1]} · ")
            lines.append(other.text + "\n")
        return lines
