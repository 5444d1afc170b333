"""Every command, format and error through the Typer app, with exact output."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from kbtimeline import __version__, cli, query, storage
from kbtimeline.errors import KbTimelineError
from kbtimeline.model import Event
from kbtimeline.output.render import Environment
from timeline_fixtures import BY_WHEN, EVENTS, make_data_dir, write_events

CHRONOLOGICAL = sorted(EVENTS, key=lambda event: event.sort_key())
HEADER = "id\tstart\tend\tgranularity\twhen\tsource\ttext\n"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return make_data_dir(tmp_path)


def kbtimeline(*args: str, env: Environment | None = None, stdin: str | None = None) -> Result:
    """Run the app as the console script would, with an Environment standing in for stdout."""
    return CliRunner().invoke(cli.app, list(args), obj=env, input=stdin)


def query_with(data: Path, *args: str, env: Environment | None = None) -> Result:
    return kbtimeline("--data", str(data), *args, env=env)


def tsv_rows(*whens: str) -> str:
    events = [BY_WHEN[when] for when in whens]
    return HEADER + "".join(
        f"{e.id}\t{e.start.iso()}\t{e.end.iso()}\t{e.granularity}\t{e.when}\t{e.source}\t{e.text}\n" for e in events
    )


def range_rows(*scoped: tuple[str, str]) -> str:
    """What range writes: the tsv columns and each event's scope, inside the period or wider."""
    events = [(BY_WHEN[when], scope) for when, scope in scoped]
    return HEADER.replace("\n", "\tscope\n") + "".join(
        f"{e.id}\t{e.start.iso()}\t{e.end.iso()}\t{e.granularity}\t{e.when}\t{e.source}\t{e.text}\t{scope}\n"
        for e, scope in events
    )


def ok(result: Result) -> str:
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    return result.stdout


def failed(result: Result, code: int) -> str:
    """The one line a failure prints, after checking the exit code and that nothing else came."""
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


# range ------------------------------------------------------------------------


def test_range_of_one_year_prints_tsv_in_a_pipe(data: Path) -> None:
    result = query_with(data, "range", "1992")
    assert ok(result) == range_rows(("26 February 1992", "inside"), ("May 1992", "inside"))


def test_range_between_two_periods(data: Path) -> None:
    result = query_with(data, "range", "1991", "1994", "--json")
    assert [e["when"] for e in json.loads(ok(result))] == [
        "26 February 1992", "May 1992", "summer 1993", "May 1994"
    ]  # fmt: skip


def test_range_within(data: Path) -> None:
    assert ok(query_with(data, "range", "1992-05-01", "1992-05-15")) == range_rows(("May 1992", "wider"))
    assert ok(query_with(data, "range", "1992-05-01", "1992-05-15", "--within")) == range_rows()


def test_range_at_a_terminal_prints_a_table(data: Path) -> None:
    result = query_with(data, "range", "May 1992", env=Environment(is_tty=True, width=50))
    assert [line.rstrip() for line in ANSI.sub("", ok(result)).splitlines()] == [
        "When       Event                        ID",
        "──────────────────────────────────────────────────",
        "May 1992   In May 1992 Armenian         0dd39fb065",
        "           forces took Shushi",
        "           [citation needed].",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["1994", "1991"], "start '1994' is after end '1991'; give the earlier date first"),
        (["8/5/1992"], "ambiguous date '8/5/1992'"),
        (["someday"], "cannot read 'someday' as a date; accepted forms: 1992, 1990s"),
    ],
)
def test_range_usage_errors(data: Path, args: list[str], message: str) -> None:
    assert message in failed(query_with(data, "range", *args), 2)


def test_range_without_start_is_a_click_usage_error(data: Path) -> None:
    result = query_with(data, "range")
    assert result.exit_code == 2
    assert "Missing argument 'START'" in result.stderr


# search -----------------------------------------------------------------------


def test_search_finds_other_spellings(data: Path) -> None:
    assert ok(query_with(data, "search", "Shusha")) == tsv_rows("May 1992")


def test_search_exact_does_not_and_suggests(data: Path) -> None:
    result = query_with(data, "search", "Shusha", "--exact")
    assert result.exit_code == 0
    assert result.stdout == HEADER
    assert result.stderr == "kbtimeline: no match; did you mean: Shushi?\n"


def test_search_any_and_phrases(data: Path) -> None:
    any_of = query_with(data, "search", "Khojaly", "ceasefire", "--any")
    assert ok(any_of) == tsv_rows("26 February 1992", "May 1994")
    assert ok(query_with(data, "search", "Khojaly massacre")) == tsv_rows("26 February 1992")


def test_search_regex_and_dates(data: Path) -> None:
    assert ok(query_with(data, "search", "--regex", "^(In|A) ")) == tsv_rows("May 1992", "May 1994")
    assert ok(query_with(data, "search", "--regex", "^(In|A) ", "--to", "1993")) == tsv_rows("May 1992")


def test_search_table_highlights_matches(data: Path) -> None:
    result = query_with(data, "search", "Shusha", env=Environment(is_tty=True, width=80))
    assert "\x1b[1;33mShushi\x1b[0m" in ok(result)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([""], "empty search query"),
        (["--regex", "("], "bad regular expression '('"),
        (["x", "--from", "1993", "--to", "1992"], "start '1993' is after end '1992'"),
    ],
)
def test_search_usage_errors(data: Path, args: list[str], message: str) -> None:
    assert message in failed(query_with(data, "search", *args), 2)


# list and the shared options ----------------------------------------------------


def test_list_everything_in_order(data: Path) -> None:
    assert ok(query_with(data, "list")) == tsv_rows(*(e.when for e in CHRONOLOGICAL))


def test_list_filters_sort_limit_reverse(data: Path) -> None:
    days = query_with(data, "list", "-g", "day", "--reverse")
    assert ok(days) == tsv_rows("26 February 1992", "20 February 1988")
    assert ok(query_with(data, "list", "-n", "1", "-r")) == tsv_rows("May 1994")
    assert ok(query_with(data, "list", "--from", "1993", "-s", "war")) == tsv_rows("summer 1993", "May 1994")
    by_granularity = query_with(data, "list", "--sort", "granularity", "--limit", "3")
    assert ok(by_granularity) == tsv_rows("20 February 1988", "26 February 1992", "May 1992")


def _as_json(text: str) -> list[dict[str, object]]:
    return json.loads(text)


def _as_jsonl(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]


def _as_csv(text: str) -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(text)))


def _as_tsv(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.splitlines()]


def _table_cells(text: str) -> list[list[str]]:
    """The table's words, row by row, for a table whose cells fit on one line."""
    return [line.split() for line in text.splitlines() if line.strip() and set(line.strip()) != {"─"}]


def _row(event: Event) -> list[str]:
    return [event.id, event.start.iso(), event.end.iso(), event.granularity, event.when, event.source, event.text]


FIRST_TWO = CHRONOLOGICAL[:2]
COLUMNS = ["id", "start", "end", "granularity", "when", "source", "text"]
# (format, how to read the output back, what it must read as, reason)
FORMAT_CASES = [
    ("json", _as_json, [event.to_dict() for event in FIRST_TWO], "an array of the full event records"),
    ("jsonl", _as_jsonl, [event.to_dict() for event in FIRST_TWO], "one full event record per line"),
    ("csv", _as_csv, [COLUMNS, *map(_row, FIRST_TWO)], "header, then the columns quoted as CSV needs"),
    ("tsv", _as_tsv, [COLUMNS, *map(_row, FIRST_TWO)], "header, then tab-separated columns"),
]


@pytest.mark.parametrize(("fmt", "read", "expected", "reason"), FORMAT_CASES, ids=[case[0] for case in FORMAT_CASES])
def test_every_format(data: Path, fmt: str, read: Callable[[str], object], expected: object, reason: str) -> None:
    shown = ok(query_with(data, "list", "--format", fmt, "-n", "2"))
    assert read(shown) == expected, reason


def test_every_format_table(data: Path) -> None:
    """When, Event and ID columns (one source: no Source column), one row per event, nothing cut."""
    wide = Environment(is_tty=False, width=200)
    cells = _table_cells(ok(query_with(data, "list", "--format", "table", "-n", "2", env=wide)))
    assert cells == [["When", "Event", "ID"], *([*e.when.split(), *e.text.split(), e.id] for e in FIRST_TWO)]


def test_every_format_timeline(data: Path) -> None:
    """The picture `timeline` draws: each event's date label, title and id on a line of its own."""
    shown = ok(query_with(data, "list", "--format", "timeline", "-n", "2", env=Environment(width=100)))
    for event in FIRST_TWO:
        (line,) = [line for line in shown.splitlines() if event.id in line]
        assert event.when in line and event.title[:20] in line


def test_short_forms_of_the_json_formats(data: Path) -> None:
    records = [event.to_dict() for event in CHRONOLOGICAL]
    assert json.loads(ok(query_with(data, "list", "--json"))) == records
    lines = ok(query_with(data, "list", "--jsonl")).splitlines()
    assert [json.loads(line) for line in lines] == records


def test_an_empty_json_result_is_an_empty_array(data: Path) -> None:
    assert ok(query_with(data, "range", "2000", "--json")) == "[]\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "xml"], "unknown format 'xml'; accepted: table, tsv, csv, json, jsonl"),
        (["--json", "--jsonl"], "choose one output format, not json and jsonl"),
        (["-g", "fortnight"], "unknown granularity 'fortnight'; accepted: day, week, month"),
        (["--sort", "when"], "unknown sort 'when'; accepted: date, source, granularity"),
        (["--source", "peace"], "unknown source 'peace'; accepted: war"),
        (["-n", "-1"], "limit must be 0 or more, not -1"),
        (["--from", "soon"], "cannot read 'soon' as a date"),
    ],
)
def test_list_usage_errors(data: Path, args: list[str], message: str) -> None:
    assert message in failed(query_with(data, "list", *args), 2)


# show -------------------------------------------------------------------------


def test_show_an_event_in_its_context(data: Path) -> None:
    event = BY_WHEN["May 1992"]
    shown = ok(query_with(data, "show", event.id[:4])).splitlines()
    assert shown[:3] == ["May 1992", f"id          {event.id}", "start       1992-05-01"]
    assert shown[-1].startswith("Clashes began on 20 February 1988 in Stepanakert. In May 1992")


def test_show_without_source_text(data: Path) -> None:
    (data / "sources" / "war.txt").unlink()
    shown = ok(query_with(data, "show", BY_WHEN["May 1992"].id)).splitlines()
    assert shown[-2:] == [
        "In May 1992 Armenian forces took Shushi [citation needed].",
        "(source text not available: showing the sentence alone)",
    ]


def test_show_an_unknown_id(data: Path) -> None:
    message = failed(query_with(data, "show", "zzz"), 1)
    assert message == "kbtimeline: error: no event with id 'zzz'; list shows the ids\n"


# extract ----------------------------------------------------------------------


def test_extract_from_stdin() -> None:
    result = kbtimeline("extract", "-", stdin="On 8 May 1992 the town fell.")
    events = json.loads(ok(result))
    assert [(e["source"], e["start"], e["end"], e["granularity"], e["date_text"]) for e in events] == [
        ("stdin", "1992-05-08", "1992-05-08", "day", "8 May 1992")
    ]


def test_extract_several_files_into_one_list(tmp_path: Path) -> None:
    (tmp_path / "fall.txt").write_text("On 8 May 1992 the town fell.", encoding="utf-8")
    (tmp_path / "truce.txt").write_text("A ceasefire came in May 1994.", encoding="utf-8")
    out = tmp_path / "events.jsonl"
    result = kbtimeline("extract", str(tmp_path / "fall.txt"), str(tmp_path / "truce.txt"), "-o", str(out))
    assert ok(result) == ""
    events = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(e["source"], e["start"], e["date_text"]) for e in events] == [
        ("fall", "1992-05-08", "8 May 1992"),
        ("truce", "1994-05-01", "May 1994"),
    ]
    again = tmp_path / "again.jsonl"
    kbtimeline("extract", str(tmp_path / "fall.txt"), str(tmp_path / "truce.txt"), "-o", str(again))
    assert again.read_bytes() == out.read_bytes(), "the same input gives the same output"


def test_extract_output_loads_back(tmp_path: Path) -> None:
    (tmp_path / "fall.txt").write_text("On 8 May 1992 the town fell.", encoding="utf-8")
    out = tmp_path / "events.json"
    ok(kbtimeline("extract", str(tmp_path / "fall.txt"), "-o", str(out), "--format", "json"))
    assert [e.date_text for e in storage.load_events(storage.locate(out))] == ["8 May 1992"]


def test_extract_reports_bad_files_and_writes_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("On 8 May 1992 the town fell.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes(b"caf\xe9 in 1992")
    out = tmp_path / "events.json"
    out.write_text("old", encoding="utf-8")
    paths = [str(tmp_path / name) for name in ("missing.txt", "empty.txt", "latin1.txt")]
    result = kbtimeline("extract", paths[0], str(good), *paths[1:], "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"kbtimeline: error: {paths[0]}: no such file",
        f"kbtimeline: error: {paths[1]}: empty file",
        f"kbtimeline: error: {paths[2]}: not UTF-8 text (bad byte at 3)",
    ]
    assert [e["source"] for e in json.loads(out.read_text(encoding="utf-8"))] == ["good"]


def test_extract_with_nothing_readable_keeps_the_old_output(tmp_path: Path) -> None:
    out = tmp_path / "events.json"
    out.write_text("old", encoding="utf-8")
    result = kbtimeline("extract", str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "old"


def test_extract_refuses_two_sources_of_the_same_name(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "notes.txt").write_text("In 1992.", encoding="utf-8")
    result = kbtimeline("extract", str(tmp_path / "a" / "notes.txt"), str(tmp_path / "b" / "notes.txt"))
    assert result.exit_code == 1
    assert "source 'notes' was already read; rename it" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "csv"], "unknown format 'csv' for extract; accepted: json, jsonl"),
        (["--reference-date", "March 2024"], "reference date 'March 2024' is not a day"),
    ],
)
def test_extract_usage_errors(args: list[str], message: str) -> None:
    assert message in failed(kbtimeline("extract", "-", *args, stdin="In 1992."), 2)


# data files and the one place errors become exit codes -------------------------


def test_data_from_the_environment(data: Path) -> None:
    result = CliRunner().invoke(cli.app, ["list", "--to", "1988"], env={"KBTIMELINE_DATA": str(data)})
    assert ok(result) == tsv_rows("20 February 1988")


def test_data_as_a_single_file(tmp_path: Path) -> None:
    path = write_events(tmp_path / "mine.json", EVENTS[:1])
    assert ok(kbtimeline("--data", str(path), "list")) == tsv_rows("20 February 1988")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "events.json: no such file"),
        (b"[1992", "events.json:1:6: not valid JSON: Expecting ',' delimiter"),
        (b'[{"id": "x"}]', "events.json: event at index 0: missing field"),
    ],
)
def test_bad_data_is_a_runtime_error(tmp_path: Path, content: bytes | None, message: str) -> None:
    path = tmp_path / "events.json"
    if content is not None:
        path.write_bytes(content)
    assert message in failed(kbtimeline("--data", str(path), "list"), 1)


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    result = kbtimeline("--debug", "--data", str(tmp_path / "none.json"), "list")
    assert result.exit_code == 1
    assert isinstance(result.exception, KbTimelineError)


def test_ctrl_c_exits_130(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(query, "select", interrupted)
    result = query_with(data, "list")
    assert result.exit_code == 130
    assert result.stderr == ""


def test_a_bug_is_one_line_without_debug(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("oops")

    monkeypatch.setattr(query, "select", broken)
    message = failed(query_with(data, "list"), 1)
    assert message == ("kbtimeline: error: internal error: RuntimeError('oops') (run with --debug to see where)\n")


def test_version() -> None:
    assert ok(kbtimeline("--version")) == f"kbtimeline {__version__}\n"


@pytest.mark.parametrize("command", ["range", "search", "list", "show", "extract"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    shown = ok(kbtimeline(command, "--help"))
    assert f"kbtimeline {command} " in shown.split("Example", 1)[1]
    assert ok(kbtimeline(command, "-h")) == shown


def test_help_keeps_brackets_literal() -> None:
    assert "[END]" in ok(kbtimeline("range", "--help"))
