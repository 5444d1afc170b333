"""The one door from the terminal app to the rest of kbtimeline: storage, query and calendar.

Every import of the project's own modules in ``explore`` is here, so the app
follows the storage layer wherever it moves. The app never loads all events:
it asks for the page of events around a day (``around``), for the first and
last event (``bounds``) and for how many events start in each bucket of the
axis (``counts``), each of which an SQLite index answers from its indexes.

An SQLite connection serves only the thread that opened it, so ``Library``
keeps the events in one worker thread of its own and hands the app
coroutines: the screen keeps answering while a query runs. A coroutine
cancelled while its query runs (the app's exclusive workers cancel the load
a new key makes stale) interrupts that query, so the thread is free at once
for the next one.
"""

from __future__ import annotations

import asyncio
import shlex
import threading
from bisect import bisect_left
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

from kbtimeline import query, storage
from kbtimeline.errors import KbTimelineError, UsageError
from kbtimeline.model import Day, Event

__all__ = [
    "NO_FILTERS",
    "Day",
    "Event",
    "Filters",
    "Found",
    "Happening",
    "KbTimelineError",
    "Library",
    "Search",
    "happening_key",
]

Search = query.Search
T = TypeVar("T")

# The search command's options, which the search box reads among the words as the command line does.
BOX_OPTIONS = {"-w": "word", "--word": "word", "--regex": "regex", "--any": "any", "--exact": "exact"}


class Found(NamedTuple):
    """What a search asks of the events first: itself compiled, its first and last start, a page."""

    search: Search | None
    bounds: tuple[int, int] | None
    page: list[Happening]


class Filters(NamedTuple):
    """What the command line fixed for the whole session (the filters of ``timeline``)."""

    granularities: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()


NO_FILTERS = Filters()


class Happening(NamedTuple):
    """One thing that happened: its first mention (in date order) and all its mentions in view."""

    key: str
    event: Event
    mentions: tuple[Event, ...]


def happening_key(event: Event) -> str:
    """The id shared by every mention of one happening (``Event.happening``: its own id when alone)."""
    return event.happening


def group(events: Sequence[Event]) -> list[Happening]:
    """``events`` (in date order) as happenings, in the order of their first mentions."""
    mentions: dict[str, list[Event]] = {}
    for event in events:
        mentions.setdefault(happening_key(event), []).append(event)
    return [Happening(key, found[0], tuple(found)) for key, found in mentions.items()]


class _Events:
    """The synchronous side, living in the library's thread: criteria in, events or numbers out."""

    def __init__(self, data: Path | None, filters: Filters) -> None:
        self.events = storage.open_events(storage.locate(data))
        self.filters = filters
        self._aliases: dict[str, list[str]] | None = None
        # Refuse an unknown granularity or source now, before the terminal is taken over.
        self._records(self._criteria(None, limit=0))

    def _criteria(self, search: Search | None, **fields: Any) -> query.Criteria:
        # Every record on its own (``mentions``): the app groups the mentions of a page itself.
        return query.Criteria(
            search=search,
            granularities=self.filters.granularities,
            sources=self.filters.sources,
            mentions=True,
            **fields,
        )

    def _records(self, criteria: query.Criteria) -> list[Event]:
        return [entry.event for entry in self.events.select(criteria)]

    def compile(self, text: str, min_letters: int) -> Search | None:
        """The search ``text`` asks for, as the ``search`` command reads its arguments (``BOX_OPTIONS``
        and terms); None while an option is half typed or no term has ``min_letters`` letters or digits
        (characters, for a regular expression): a search for "s" would match most of a big index."""
        read = _arguments(text)
        if read is None:
            return None
        options, terms = read
        regex = "regex" in options
        if regex:
            terms = [term for term in terms if term]
            enough = any(len(term) >= min_letters for term in terms)
        else:
            terms = [term for term in terms if query.words(term)]
            enough = any(len("".join(query.words(term))) >= min_letters for term in terms)
        if not enough:
            return None
        if self._aliases is None:
            self._aliases = self.events.aliases()
        return query.compile_search(
            terms,
            match_any="any" in options,
            regex=regex,
            aliases={} if regex or "exact" in options else self._aliases,
            whole_words="word" in options,
        )

    def find(
        self, text: str, min_letters: int, day: int | None, count: int
    ) -> tuple[Search | None, tuple[int, int] | None, list[Event]]:
        """A typed search, its bounds and its page around day ``day`` (None: its first match) in one
        call: each call costs a trip to this thread and back, which a loaded machine makes slow."""
        search = self.compile(text, min_letters)
        bounds = self.bounds(search)
        if bounds is None:  # nothing matches
            return search, None, []
        return search, bounds, self.around(bounds[0] if day is None else day, search, count)

    def bounds(self, search: Search | None) -> tuple[int, int] | None:
        """Day numbers of the first event's start and the last event's start; None without events."""
        start_range = getattr(self.events, "start_range", None)  # an index reads both ends of its indexes
        if start_range is not None:
            return start_range(self._criteria(search))  # type: ignore[no-any-return]
        first = next(iter(self._records(self._criteria(search, limit=1))), None)
        last = next(iter(self._records(self._criteria(search, limit=1, reverse=True))), None)
        if first is None or last is None:
            return None
        return first.start.number(), max(last.start.number(), first.start.number())

    def around(self, day: int, search: Search | None, count: int) -> list[Event]:
        """Up to ``count`` events starting before ``day`` and ``count`` from it on, in date order."""
        around = getattr(self.events, "around", None)  # an index reads both sides from its indexes
        if around is not None:
            return around(self._criteria(search), day, count)  # type: ignore[no-any-return]
        after = self._criteria(search, start=Day.from_number(day), within=True, limit=count)
        before = self._criteria(search, end=Day.from_number(day - 1), reverse=True, limit=count)
        return [*reversed(self._records(before)), *self._records(after)]

    def counts(self, edges: Sequence[int], search: Search | None) -> list[int]:
        """How many events start in each bucket [edges[i], edges[i + 1]) of day numbers."""
        criteria = self._criteria(search)
        count_starts = getattr(self.events, "count_starts", None)  # an index counts from its own indexes
        if count_starts is not None:
            return list(count_starts(criteria, edges))
        window = criteria._replace(start=Day.from_number(edges[0]), end=Day.from_number(edges[-1] - 1))
        starts = sorted(event.start.number() for event in self._records(window))
        below = [bisect_left(starts, edge) for edge in edges]
        return [high - low for low, high in pairwise(below)]

    def source_text(self, source: str) -> str | None:
        return self.events.source_text(source)

    def interrupt(self) -> None:
        """Stop the running query, if the storage can (an index can; a JSON file's events are in memory)."""
        interrupt = getattr(self.events, "interrupt", None)
        if interrupt is not None:
            interrupt()


def _arguments(text: str) -> tuple[set[str], list[str]] | None:
    """The options (``BOX_OPTIONS``' names) and terms of typed text, split as a shell would
    ("Khojaly massacre" in quotes is one phrase) but keeping backslashes, which regular expressions
    need; an unbalanced quote, common while typing, counts as a space. After ``--`` every argument
    is a term. None while the last argument is the start of an option, still being typed."""
    lexer = shlex.shlex(text, posix=True)
    lexer.whitespace_split, lexer.escape = True, ""
    try:
        arguments = list(lexer)
    except ValueError:
        arguments = text.replace('"', " ").replace("'", " ").split()
    options: set[str] = set()
    terms: list[str] = []
    for number, argument in enumerate(arguments):
        if argument == "--":
            return options, terms + arguments[number + 1 :]
        if argument in BOX_OPTIONS:
            options.add(BOX_OPTIONS[argument])
        elif argument.startswith("-") and len(argument) > 1:
            typing = number == len(arguments) - 1 and not text[-1:].isspace()
            if typing and any(option.startswith(argument) for option in BOX_OPTIONS):
                return None
            raise UsageError(f"unknown option {argument}; the search box takes {', '.join(BOX_OPTIONS)}")
        else:
            terms.append(argument)
    return options, terms


class Library:
    """The events of ``--data`` (or the bundled ones), queried in a thread the app awaits."""

    def __init__(self, data: Path | None, filters: Filters = NO_FILTERS) -> None:
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kbtimeline-explore")
        self._events: _Events = self._thread.submit(_Events, data, filters).result()
        self.filters = filters
        self._running: object | None = None  # the call in the thread now, which a cancel may interrupt
        self._lock = threading.Lock()  # around _running: an interrupt reaches only the call it is meant for

    def close(self) -> None:
        self._thread.shutdown(wait=False, cancel_futures=True)

    async def _call(self, function: Callable[..., T], *args: Any) -> T:
        """``function(*args)`` in the thread; cancelled, it does not start, or its query stops."""
        call = object()

        def run() -> T:
            with self._lock:
                self._running = call
            try:
                return function(*args)
            finally:
                with self._lock:
                    self._running = None

        future = self._thread.submit(run)
        try:
            return await asyncio.wrap_future(future)
        except asyncio.CancelledError:
            with self._lock:
                if self._running is call:
                    self._events.interrupt()
            raise

    async def find(self, text: str, min_letters: int, day: int | None, count: int) -> Found:
        """The search ``text`` asks for, its bounds and its page around ``day`` (None: its first match)."""
        search, bounds, events = await self._call(self._events.find, text, min_letters, day, count)
        return Found(search, bounds, group(events))

    async def around(self, day: int, search: Search | None, count: int) -> list[Happening]:
        return group(await self._call(self._events.around, day, search, count))

    async def counts(self, edges: Sequence[int], search: Search | None) -> list[int]:
        return await self._call(self._events.counts, edges, search)

    def slow_to_count(self, search: Search | None) -> bool:
        """Whether counting may take longer than a page: counting a search reads all its matches, a
        source filter every event in the window. Granularities alone are counted from an index's table."""
        return search is not None or bool(self.filters.sources)

    async def source_text(self, source: str) -> str | None:
        return await self._call(self._events.source_text, source)
