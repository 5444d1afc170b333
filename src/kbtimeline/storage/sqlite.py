"""Events in an SQLite index: queries answered from indexes instead of reading every event.

``kbtimeline index`` writes the database (``build``); ``--data kb.sqlite``
queries it through ``SqliteEvents``, which returns exactly what
``query.select`` returns on the same events as a JSON file. SQL only narrows
and orders: the range and the filters are plain comparisons, the sort is
``query.SORTS`` spelled in columns, and a search asks the full-text index
for candidates, on which the very test the JSON backend runs
(``Search.matches_text``) then decides.

Layout, schema version 7 (3: kind and happening columns; 4: granularity ranks with "week"; 5: focus columns;
6: representative, ``happening_words`` and an index on happening; 7: prefix indexes, the kind in ``words``,
``starts``):

- ``meta(key, value)``: ``format`` marks the database as a kbtimeline index,
  ``schema`` its layout version, ``aliases`` the alias table as JSON,
  ``longest`` the longest event of each granularity in days, as JSON (an
  overlap query then only looks at events starting at most that long
  before the range: with ``-g day``, a few years rather than a century).
- ``events``: rowid = rank in the date order ascending (``query.SORTS["date"]``,
  ties in input order), ``position`` = place in the input; the sort and filter
  columns; each record's ``kind`` and ``happening``; ``representative``:
  1 on the record that stands for its happening (``query.select``'s choice,
  made once while indexing), so a view reads one row per happening; and
  ``focus_start``/``focus_end``, the day numbers of ``query.focus`` (the
  third an early/mid/late event is about), which ranges match, as
  ``query.in_range`` does. The full-text index yields rowids ascending, so a
  search sorted by date reads its candidates already in order and its first
  page costs a few lookups; other orders break ties on ``position``.
- ``records``: the same rowid; ``record``, the event as one line of JSON
  lines. Apart from ``events`` so that ordering thousands of candidates
  touches a few narrow pages, not a page or so each.
- ``words``: FTS5 over each sentence's folded words (``query.words``),
  joined by spaces and tokenized on spaces only, so its tokens are exactly
  the words the search patterns see; the same rowid. An event's words are
  in column ``folded``, a context record's in ``folded_context``: a search
  for events alone names the column and reads no context record. Prefix
  indexes of two and three letters answer the short prefixes typed in
  ``explore`` from one list each instead of merging those of every word.
- ``happening_words``: the same over the words of all the records of each
  happening, under its representative's rowid: a search for happenings
  reads its candidates from it as a search for records reads ``words``.
- ``starts``: for each kind, granularity and start day, ``through``: how
  many records of that kind and granularity start on that day or before;
  ``explore``'s density strip counts the events of a granularity in a
  bucket from a lookup at each of its edges instead of reading them.
- ``vocabulary``: the spelling each word (folded) first had, in first-seen
  order (input order, not rowid order); "did you mean" reads it instead of
  every sentence.
- ``sources``: each source, with its text when it was at hand.
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, islice, pairwise
from pathlib import Path
from typing import Any

from kbtimeline import query
from kbtimeline.errors import Interrupted, KbTimelineError
from kbtimeline.jsonio import jsonl_line
from kbtimeline.model import GRANULARITY_RANK, KINDS, Event
from kbtimeline.storage.location import Location, load_source_text

FORMAT = "kbtimeline-index"
SCHEMA_VERSION = "7"  # see the layout above
BATCH = 10_000  # events inserted per executemany
READ_CHUNK = 100  # events read per statement: few enough that a first page comes at once

# An event's columns, in the layout and in staging alike.
EVENT_COLUMNS = """
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    start_key INTEGER NOT NULL,
    end_key INTEGER NOT NULL,
    granularity_rank INTEGER NOT NULL,
    date_start INTEGER NOT NULL,
    date_end INTEGER NOT NULL,
    kind TEXT NOT NULL,
    happening TEXT NOT NULL,
    focus_start INTEGER NOT NULL,
    focus_end INTEGER NOT NULL"""

SCHEMA = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE events (rowid INTEGER PRIMARY KEY,{EVENT_COLUMNS},
    position INTEGER NOT NULL,
    representative INTEGER NOT NULL
);
CREATE TABLE records (rowid INTEGER PRIMARY KEY, record TEXT NOT NULL);
CREATE VIRTUAL TABLE words USING fts5(
    folded, folded_context, content='', columnsize=0, prefix='2 3', tokenize="ascii tokenchars '_'"
);
CREATE VIRTUAL TABLE happening_words USING fts5(
    folded, content='', columnsize=0, prefix='2 3', tokenize="ascii tokenchars '_'"
);
CREATE TABLE starts (
    kind TEXT NOT NULL,
    granularity_rank INTEGER NOT NULL,
    start_key INTEGER NOT NULL,
    through INTEGER NOT NULL,
    PRIMARY KEY (kind, granularity_rank, start_key)
) WITHOUT ROWID;
CREATE TABLE vocabulary (rowid INTEGER PRIMARY KEY, spelling TEXT NOT NULL);
CREATE TABLE sources (source TEXT PRIMARY KEY, text TEXT);
"""
# The events as they arrive, keyed by input position: their ranks are known once all are in.
STAGING = f"""
CREATE TABLE staging.events (position INTEGER PRIMARY KEY,{EVENT_COLUMNS}
);
CREATE TABLE staging.records (position INTEGER PRIMARY KEY, record TEXT NOT NULL);
CREATE TABLE staging.words (position INTEGER PRIMARY KEY, folded TEXT NOT NULL);
"""
# Built after the rows are in: one sort per index instead of one insertion per row.
# events_by_date serves ranges too: an overlap query bounds start_key from both
# sides with meta.longest, so no index on end_key is needed. Both end on position,
# the tie-break, so that they give their order whole, without a sort.
INDEXES = """
CREATE INDEX events_by_date ON events (start_key, granularity_rank, end_key, source, date_start, date_end, position);
CREATE INDEX events_by_source ON events (source, date_start, date_end, position);
CREATE INDEX events_by_id ON events (id);
CREATE INDEX events_by_happening ON events (happening, position);
INSERT INTO words (words) VALUES ('optimize');
INSERT INTO main.happening_words (rowid, folded)
    SELECT r.rowid, (SELECT group_concat(w.folded, ' ')
                     FROM main.events m JOIN staging.words w ON w.position = m.position
                     WHERE m.happening = r.happening)
    FROM main.events r WHERE r.representative = 1 ORDER BY r.rowid;
INSERT INTO happening_words (happening_words) VALUES ('optimize');
"""
# Stored granularities are ranks (model.GRANULARITY_RANK): reordering GRANULARITIES changes the schema.

SENTENCE = "json_extract(record, '$.text')"  # an event's sentence, read from its record
# query.SORTS as columns; a test holds the two to the same order.
ORDER = {
    "date": ("start_key", "granularity_rank", "end_key", "source", "date_start", "date_end"),
    "source": ("source", "date_start", "date_end"),
    "granularity": ("granularity_rank", "start_key", "end_key", "source", "date_start", "date_end"),
}
# From staging to the layout: events take rowids 1, 2, ... in the date order, ties
# in input order; records and words follow them in rowid order, so every table is
# written front to back.
# A happening's representative: the record whose id is the happening, else its first (as query.select).
RANK = f"""
CREATE TABLE staging.representatives AS
    SELECT COALESCE(MIN(CASE WHEN id = happening THEN position END), MIN(position)) AS position
    FROM staging.events GROUP BY happening;
CREATE UNIQUE INDEX staging.representatives_by_position ON representatives (position);
INSERT INTO main.events
    SELECT NULL, id, source, start_key, end_key, granularity_rank, date_start, date_end, kind, happening,
        focus_start, focus_end, position, position IN (SELECT position FROM staging.representatives)
    FROM staging.events
    ORDER BY {", ".join(ORDER["date"])}, position;
INSERT INTO main.records
    SELECT e.rowid, r.record FROM main.events e JOIN staging.records r ON r.position = e.position ORDER BY e.rowid;
INSERT INTO main.words (rowid, folded, folded_context)
    SELECT e.rowid, iif(e.kind = 'event', w.folded, ''), iif(e.kind = 'event', '', w.folded)
    FROM main.events e JOIN staging.words w ON w.position = e.position ORDER BY e.rowid;
INSERT INTO main.starts
    SELECT kind, granularity_rank, start_key,
        sum(count(*)) OVER (PARTITION BY kind, granularity_rank ORDER BY start_key)
    FROM main.events GROUP BY kind, granularity_rank, start_key
"""


def build(
    path: Path,
    events: Iterable[Event],
    aliases: Mapping[str, list[str]],
    source_text: Callable[[str], str | None],
) -> int:
    """Write ``events`` into a new index at ``path`` (an empty file); returns how many there were.

    ``source_text`` gives the text of each source, stored so that ``show``
    can quote it without the files. The caller makes the file appear
    atomically; here nothing is synchronised before the end. The events wait
    in a temporary database (in SQLite's temporary directory, about as big as
    the index) until all are in: only then is their date order, the rowids,
    known.
    """
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("ATTACH '' AS staging")  # a temporary file, gone with the connection
        connection.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA staging.journal_mode = OFF;" + SCHEMA + STAGING
        )
        connection.execute("BEGIN")
        figures = _insert_events(connection, events)
        _run(connection, RANK)
        connection.executemany(
            "INSERT INTO vocabulary (spelling) VALUES (?)", ((spelling,) for spelling in figures.vocabulary.values())
        )
        connection.executemany(
            "INSERT INTO sources VALUES (?, ?)", ((source, source_text(source)) for source in figures.sources)
        )
        meta = {
            "format": FORMAT,
            "schema": SCHEMA_VERSION,
            "aliases": json.dumps(aliases, ensure_ascii=False),
            "longest": json.dumps(figures.longest),
        }
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        _run(connection, INDEXES)
        connection.execute("COMMIT")
    except sqlite3.Error as error:
        raise KbTimelineError(f"{path}: cannot write the index: {error}") from None
    finally:
        connection.close()
    return figures.count


def _run(connection: sqlite3.Connection, script: str) -> None:
    """The statements of ``script`` one by one, inside the open transaction (executescript would commit first)."""
    for statement in script.split(";\n"):
        connection.execute(statement)


class _Figures:
    """What building learns while the events stream past: the rest of the database."""

    def __init__(self) -> None:
        self.count = 0
        self.longest: dict[str, int] = {}  # per granularity
        self.vocabulary: dict[str, str] = {}
        self.sources: dict[str, None] = {}


def _insert_events(connection: sqlite3.Connection, events: Iterable[Event]) -> _Figures:
    """Stage the events in input order, a batch at a time: memory stays flat however many there are."""
    figures = _Figures()
    spelled: set[str] = set()  # spellings already folded: most words come again and again
    stream = iter(events)
    while batch := list(islice(stream, BATCH)):
        rows, records, words = [], [], []
        for event in batch:
            figures.count += 1
            start, end = event.start.number(), event.end.number()
            figures.longest[event.granularity] = max(figures.longest.get(event.granularity, 0), end - start)
            figures.sources.setdefault(event.source)
            low, high = query.focus(event)
            rows.append((
                figures.count, event.id, event.source, start, end, GRANULARITY_RANK[event.granularity],
                *event.date_span, event.kind, event.happening, low.number(), high.number(),
            ))  # fmt: skip
            records.append((figures.count, jsonl_line(event)))
            words.append((figures.count, " ".join(query.words(event.text))))
            for spelling in query.written_words(event.text):
                if spelling not in spelled:
                    spelled.add(spelling)
                    figures.vocabulary.setdefault(query.fold(spelling), spelling)
        connection.executemany("INSERT INTO staging.events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        connection.executemany("INSERT INTO staging.records VALUES (?, ?)", records)
        connection.executemany("INSERT INTO staging.words VALUES (?, ?)", words)
    return figures


class SqliteEvents:
    """The events of an index, answering what ``storage.Events`` asks without loading them."""

    def __init__(self, location: Location) -> None:
        self.location = location
        self.path = Path(str(location.events))
        try:
            self._db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            self._meta = dict(self._db.execute("SELECT key, value FROM meta"))
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                raise self._foreign() from None
            raise self._unreadable(error) from None
        except sqlite3.DatabaseError as error:
            raise self._unreadable(error) from None
        if self._meta.get("format") != FORMAT:
            raise self._foreign()
        if self._meta.get("schema") != SCHEMA_VERSION:
            raise KbTimelineError(
                f"{self.path}: index schema {self._meta.get('schema')}, this kbtimeline reads "
                f"{SCHEMA_VERSION}; run kbtimeline index again"
            )
        self._hits: tuple[str, list[int]] = ("", [])  # the last word search's matches: see _matched

    def select(self, criteria: query.Criteria) -> Iterator[query.Happening]:
        """What ``query.select`` answers: one entry per happening, or (``--mentions``) per record.

        With ``inside_first``, two queries, each in the index's order: the
        entries dated inside the range, then the wider ones (read only when
        the first run out), so that a page of a large range still costs a few
        lookups, not a sort of every event in it.
        """
        query.check(criteria, (source for (source,) in self._rows("SELECT source FROM sources")))
        if not criteria.inside_first or criteria.within or (criteria.start is None and criteria.end is None):
            return self._select(criteria._replace(inside_first=False))
        parts = criteria._replace(inside_first=False)
        both = chain(self._select(parts._replace(within=True)), self._select(parts, wider_only=True))
        return both if criteria.limit is None else islice(both, criteria.limit)

    def _select(self, criteria: query.Criteria, wider_only: bool = False) -> Iterator[query.Happening]:
        """The entries of one part of a query: all of them, or (``wider_only``) those reaching beyond the range."""
        if criteria.mentions:
            return (query.Happening(event) for event in self._records(criteria, wider_only))
        happenings = self._happenings(self._representatives(criteria, wider_only), criteria.search)
        return happenings if criteria.search is None or criteria.limit is None else islice(happenings, criteria.limit)

    def _records(self, criteria: query.Criteria, wider_only: bool) -> Iterator[Event]:
        """SQL finds and orders the candidates, by rowid; their events are then read in that order.

        A search is decided by ``Search.matches_text`` on each candidate's
        sentence, the test the JSON backend runs: the full-text index only
        keeps the candidates few, and is exact enough that the test runs on
        the candidates once sorted, as they are read. A regular expression
        has no words to look up, so SQL runs the test itself, on every event
        in range. A word search starts from the full-text index, which yields
        its candidates by rowid, ascending: in the date order they need no
        sort. Sorting rowids rather than whole records keeps SQLite's sorter
        small, and reading lazily lets a page of results (``--limit``,
        ``| head``) stop the query early.
        """
        where, parameters = self._where(criteria, wider_only)
        search = criteria.search
        by_words = self._by_words(criteria)
        tables = "words JOIN events ON events.rowid = words.rowid" if by_words else "events"
        order = _order(criteria, "words" if by_words else None)
        sql = f"SELECT events.rowid FROM {tables} WHERE {where} ORDER BY {order}"
        if search is None and criteria.limit is not None:
            sql += f" LIMIT {int(criteria.limit)}"
        rowids = (rowid for (rowid,) in self._rows(sql, parameters))
        events = self._read(rowids, None if search is None else search.matches_text)
        return events if search is None or criteria.limit is None else islice(events, criteria.limit)

    def count_starts(self, criteria: query.Criteria, edges: Sequence[int]) -> list[int]:
        """How many events ``criteria`` asks for start in each bucket [edges[i], edges[i + 1]) of day numbers.

        Rowids are ranks in the date order, so the first event starting on or
        after an edge tells in one index lookup how many start before it: a
        word search counts its matches (``_matched``) below those ranks.
        Without words or sources, ``starts`` tells how many events of each
        granularity start before an edge. Other filters read the starts in
        the window.
        """
        if (search := self._words_alone(criteria)) is not None:
            matched = self._matched(search, criteria.context)  # rowid r is rank r - 1: before a rank when r <= it
            below = [bisect_right(matched, self._rank(edge)) for edge in edges]
        elif criteria.search is None and not criteria.sources:
            kinds = KINDS if criteria.context else ("event",)
            ranks = [GRANULARITY_RANK[name] for name in criteria.granularities or GRANULARITY_RANK]
            groups = ", ".join("(?, ?)" for _ in kinds for _ in ranks)
            sql = (
                "SELECT coalesce(sum((SELECT through FROM starts WHERE kind = g.column1 AND granularity_rank = "
                f"g.column2 AND start_key < ? ORDER BY start_key DESC LIMIT 1)), 0) FROM (VALUES {groups}) g"
            )
            pairs = [value for kind in kinds for rank in ranks for value in (kind, rank)]
            below = [next(self._rows(sql, [edge, *pairs]))[0] for edge in edges]
        else:
            where, parameters = self._where(criteria._replace(start=None, end=None))
            tables = "words JOIN events ON events.rowid = words.rowid" if self._by_words(criteria) else "events"
            sql = f"SELECT start_key FROM {tables} WHERE {where} AND start_key >= ? AND start_key < ?"
            counted = sorted(key for (key,) in self._rows(sql, [*parameters, edges[0], edges[-1]]))
            below = [bisect_left(counted, edge) for edge in edges]
        return [high - low for low, high in pairwise(below)]

    def start_range(self, criteria: query.Criteria) -> tuple[int, int] | None:
        """Day numbers of the earliest and latest start among the events ``criteria`` asks for (its range
        aside); None when there are none. Rowids follow the starts: the first and the last rowid found
        tell, and each is read in order from its end, which stops at the first found."""
        tables, rowid, where, parameters = self._found(criteria._replace(start=None, end=None))
        ends = [
            f"SELECT start_key FROM events WHERE rowid = "
            f"(SELECT {rowid} FROM {tables} WHERE {where} ORDER BY {rowid} {direction} LIMIT 1)"
            for direction in ("ASC", "DESC")
        ]
        found = [next(self._rows(sql, parameters), (None,))[0] for sql in ends]
        return None if found[0] is None else (found[0], found[1])

    def around(self, criteria: query.Criteria, day: int, count: int) -> list[Event]:
        """Up to ``count`` events starting before day number ``day`` and ``count`` from it on, in the date
        order, among those ``criteria`` asks for (its range aside).

        The rank of ``day`` splits the rowids in two, and each side is read
        from it outwards: a page anywhere in a million events costs a few lookups.
        """
        rank = self._rank(day)
        tables, rowid, where, parameters = self._found(criteria._replace(start=None, end=None))
        sides = [
            f"SELECT {rowid} FROM {tables} WHERE {where} AND {rowid} {side} ? ORDER BY {rowid}{order} LIMIT ?"
            for side, order in (("<=", " DESC"), (">", ""))
        ]
        before = [found for (found,) in self._rows(sides[0], [*parameters, rank, count])]
        after = [found for (found,) in self._rows(sides[1], [*parameters, rank, count])]
        keep = criteria.search.matches_text if criteria.search is not None else None
        return list(self._read(iter([*reversed(before), *after]), keep))

    def _found(self, criteria: query.Criteria) -> tuple[str, str, str, list[Any]]:
        """Tables, rowid column, condition and parameters that find the rowids ``criteria`` asks for,
        read in rowid order: by the full-text index for a word search (by the column of the kinds
        asked for alone, when no other filter needs the events joined), else by the events' own."""
        if (search := self._words_alone(criteria)) is not None:
            return "words", "rowid", "words MATCH ?", [_kind_match(search, criteria.context)]
        where, parameters = self._where(criteria)
        if self._by_words(criteria):
            return "words JOIN events ON events.rowid = words.rowid", "words.rowid", where, parameters
        return "events", "events.rowid", where, parameters

    def _matched(self, search: query.Search, context: bool) -> list[int]:
        """The rowids of the records a word search finds, ascending: of events alone, or (``context``) of all.

        Counting needs them all, which for a short prefix is a good part of
        the index; moving the window during a search counts again, so they are
        kept, for the last search.
        """
        match = _kind_match(search, context)
        if self._hits[0] != match:
            self._hits = ("", [])  # an interrupted read keeps nothing
            found = self._rows("SELECT rowid FROM words WHERE words MATCH ? ORDER BY rowid", (match,))
            self._hits = (match, [rowid for (rowid,) in found])
        return self._hits[1]

    def _rank(self, day: int) -> int:
        """How many events start before day number ``day``."""
        sql = "SELECT min(rowid) FROM events WHERE start_key = (SELECT min(start_key) FROM events WHERE start_key >= ?)"
        rowid = next(self._rows(sql, (day,)))[0]
        if rowid is None:  # none starts that late: all start before
            rowid = (next(self._rows("SELECT max(rowid) FROM events"))[0] or 0) + 1  # rowids are 1..count
        return int(rowid) - 1

    @staticmethod
    def _by_words(criteria: query.Criteria) -> bool:
        return criteria.search is not None and not criteria.search.regex

    @staticmethod
    def _words_alone(criteria: query.Criteria) -> query.Search | None:
        """The search of ``criteria`` if it is a word search and no granularity or source is asked:
        its matches (``_matched``) then answer without reading the events."""
        alone = not criteria.granularities and not criteria.sources and SqliteEvents._by_words(criteria)
        return criteria.search if alone else None

    def _representatives(self, criteria: query.Criteria, wider_only: bool) -> Iterator[Event]:
        """``query.select``'s grouping rule in SQL: the representatives dated and kept as asked, in order.

        A word search reads them from ``happening_words``, which holds the
        words of every mention of a happening: its candidates, of which
        ``_happenings`` keeps those with a mention that has the words. A
        regular expression has no words to look up: every representative is
        a candidate, tested as it is read, so a page of results stops early.
        """
        where, parameters = self._where(criteria._replace(search=None), wider_only)
        search = criteria.search
        by_words = search is not None and not search.regex
        tables = "happening_words JOIN events ON events.rowid = happening_words.rowid" if by_words else "events"
        if search is not None and by_words:
            where += " AND happening_words MATCH ?"
            parameters.append(_match(search))
        order = _order(criteria, "happening_words" if by_words else None)
        sql = f"SELECT events.rowid FROM {tables} WHERE representative = 1 AND {where} ORDER BY {order}"
        if search is None and criteria.limit is not None:
            sql += f" LIMIT {int(criteria.limit)}"
        return self._read(rowid for (rowid,) in self._rows(sql, parameters))

    def _happenings(self, representatives: Iterator[Event], search: query.Search | None) -> Iterator[query.Happening]:
        """Each representative with the ids of its happening's records, in input order, a chunk at a time;
        with ``search``, only those with a record whose sentence ``Search.matches_text`` keeps."""
        sentence = "NULL" if search is None else f"(SELECT {SENTENCE} FROM records WHERE records.rowid = events.rowid)"
        while chunk := list(islice(representatives, READ_CHUNK)):
            happenings = [event.happening for event in chunk]
            marks = ", ".join("?" * len(happenings))
            sql = f"SELECT happening, id, {sentence} FROM events WHERE happening IN ({marks})"
            sql += " ORDER BY happening, position"
            mentions: dict[str, list[str]] = {}
            found: set[str] = set()
            for happening, event_id, text in self._rows(sql, happenings):
                mentions.setdefault(happening, []).append(event_id)
                if search is not None and happening not in found and search.matches_text(text):
                    found.add(happening)
            yield from (
                query.Happening(event, tuple(mentions[event.happening]))
                for event in chunk
                if search is None or event.happening in found
            )

    def mentions(self, event: Event) -> list[Event]:
        sql = "SELECT rowid FROM events WHERE happening = ? ORDER BY position"
        return list(self._read(rowid for (rowid,) in self._rows(sql, (event.happening,))))

    def find(self, event_id: str) -> Event:
        if not event_id:
            return query.find([], event_id)
        upper = _after(event_id)
        bound = "id >= ?" if upper is None else "id >= ? AND id < ?"
        parameters = (event_id,) if upper is None else (event_id, upper)
        sql = f"SELECT rowid FROM events WHERE {bound} ORDER BY position"
        return query.find(self._read(rowid for (rowid,) in self._rows(sql, parameters)), event_id)

    def texts(self) -> Iterator[str]:
        return (spelling for (spelling,) in self._rows("SELECT spelling FROM vocabulary ORDER BY rowid"))

    def aliases(self) -> dict[str, list[str]]:
        return json.loads(self._meta["aliases"])  # type: ignore[no-any-return]

    def source_text(self, source: str) -> str | None:
        # The files beside the index, if it holds none.
        stored = next(self._rows("SELECT text FROM sources WHERE source = ?", (source,)), (None,))[0]
        return stored if stored is not None else load_source_text(self.location, source)

    def _longest(self, granularities: Iterable[str]) -> int:
        """The longest event, in days, of these granularities (of all when none is named)."""
        longest: dict[str, int] = json.loads(self._meta["longest"])
        return max((longest.get(name, 0) for name in granularities or longest), default=0)

    def _where(self, criteria: query.Criteria, wider_only: bool = False) -> tuple[str, list[Any]]:
        """The SQL condition for everything but the order, with its parameters.

        The range is ``query.in_range`` spelled in day numbers, on the focus
        columns: keep the two the same. The bounds on ``start_key`` only let
        events_by_date narrow the search (a focus lies inside its interval,
        which is at most ``longest`` days long). ``wider_only`` keeps the
        events that reach beyond the range (``query.scope``).
        """
        clauses: list[str] = ["1" if criteria.context else "kind = 'event'"]
        parameters: list[Any] = []
        if criteria.start is not None:
            start = criteria.start.number()
            clauses += ["focus_start >= ?" if criteria.within else "focus_end >= ?", "start_key >= ?"]
            parameters += [start, start - self._longest(criteria.granularities)]
        if criteria.end is not None:
            end = criteria.end.number()
            clauses += ["focus_end <= ?" if criteria.within else "focus_start <= ?", "start_key <= ?"]
            parameters += [end, end]
        if wider_only:
            bounds = [
                (column, sign, day)
                for column, sign, day in (("focus_start", ">=", criteria.start), ("focus_end", "<=", criteria.end))
                if day is not None
            ]
            clauses.append("NOT (" + " AND ".join(f"{column} {sign} ?" for column, sign, _ in bounds) + ")")
            parameters += [day.number() for _, _, day in bounds]
        for column, values in (
            ("granularity_rank", [GRANULARITY_RANK[name] for name in criteria.granularities]),
            ("source", list(criteria.sources)),
        ):
            if values:
                clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
                parameters += values
        search = criteria.search
        if search is not None and search.regex:
            self._db.create_function("kb_matches", 1, search.matches_text, deterministic=True)
            clauses.append(f"(SELECT kb_matches({SENTENCE}) FROM records WHERE rowid = events.rowid)")
        elif search is not None:  # select joins words
            clauses.append("words MATCH ?")
            parameters.append(_match(search))
        return " AND ".join(clauses), parameters

    def _read(self, rowids: Iterator[int], keep: Callable[[str], bool] | None = None) -> Iterator[Event]:
        """The events of ``rowids``, in that order, a chunk at a time; with ``keep``, only those
        whose sentence it keeps (tested before the event is built, which costs more)."""
        while chunk := list(islice(rowids, READ_CHUNK)):
            marks = ", ".join("?" * len(chunk))
            records = dict(self._rows(f"SELECT rowid, record FROM records WHERE rowid IN ({marks})", chunk))
            for rowid in chunk:
                record = json.loads(records[rowid])
                if keep is None or keep(record["text"]):
                    yield Event.from_dict(record, trusted=True)  # written here from validated events

    def interrupt(self) -> None:
        """Stop the query running in the thread that uses the index: ``Interrupted`` is raised there.

        The one method another thread may call. A query stops between two rows
        it reads; with no query running, this does nothing.
        """
        self._db.interrupt()

    def _rows(self, sql: str, parameters: Iterable[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """The rows of a query as they come; a database damaged past its header says so here."""
        try:
            yield from self._db.execute(sql, tuple(parameters))
        except sqlite3.ProgrammingError:
            raise
        except sqlite3.OperationalError as error:
            if str(error) == "interrupted":
                raise Interrupted(self.path) from None
            raise self._unreadable(error) from None
        except sqlite3.DatabaseError as error:
            raise self._unreadable(error) from None

    def _foreign(self) -> KbTimelineError:
        return KbTimelineError(f"{self.path}: an SQLite database, but not a kbtimeline index (see kbtimeline index)")

    def _unreadable(self, error: sqlite3.Error) -> KbTimelineError:
        return KbTimelineError(f"{self.path}: damaged or unreadable SQLite database ({error}); index it again")


def _order(criteria: query.Criteria, words: str | None) -> str:
    """The ORDER BY of ``criteria``: its sort's columns, then input position, as Python's stable sort breaks
    ties, reversed or not.

    A word search in the date order ascending orders by the rowid of the
    full-text table it reads (``words``, or ``happening_words``) instead,
    the same order (see the layout) but the one the full-text index yields:
    SQLite then neither sorts the candidates nor reads past the first page.
    Without words, events_by_date gives the columns' order as fast,
    and it also applies the range and the filters.
    """
    if words is not None and criteria.sort == "date" and not criteria.reverse:
        return f"{words}.rowid"
    descending = " DESC" if criteria.reverse else ""
    return ", ".join(f"{column}{descending}" for column in ORDER[criteria.sort]) + ", position"


def _match(search: query.Search) -> str:
    """The FTS5 query that finds the candidates of a word search: every event it can match.

    Each spelling is a phrase whose last word may go on ("Shush" finds
    "Shushi"): the same as the search pattern, a term matching the start of
    a word; or, for whole words, may not.
    """
    star = "" if search.whole_words else "*"
    terms = [
        "(" + " OR ".join('"' + " ".join(spelling) + '"' + star for spelling in alternatives) + ")"
        for alternatives in search.spellings
    ]
    return (" OR " if search.match_any else " AND ").join(terms)


def _kind_match(search: query.Search, context: bool) -> str:
    """``_match`` among the words of events alone (column ``folded``), or (``context``) of all records."""
    return _match(search) if context else f"folded : ({_match(search)})"


def _after(prefix: str) -> str | None:
    """The least string greater than every string that starts with ``prefix``; None if there is none."""
    stem = prefix.rstrip(chr(0x10FFFF))
    return stem[:-1] + chr(ord(stem[-1]) + 1) if stem else None
