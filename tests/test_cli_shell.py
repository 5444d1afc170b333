"""Issue 14 through the installed script: views a reader can trust, and a CLI that behaves like gh and ripgrep.

Each test runs ``kbtimeline`` as a shell does (a subprocess; a pseudo-terminal
where a terminal matters), on the bundled events unless it says otherwise.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
from pathlib import Path

import pytest

from conftest import BUNDLED_SOURCE
from kbtimeline import periods, query, storage
from test_cli_process import KBTIMELINE, big_timeline, run
from timeline_fixtures import make_data_dir

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def at_a_terminal(*args: str, env: dict[str, str] | None = None) -> tuple[str, str]:
    """What ``kbtimeline ARGS`` writes to a terminal (a pseudo-terminal on stdout) and to stderr (a pipe)."""
    leader, follower = pty.openpty()
    environ = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "100", **(env or {})}
    environ.pop("NO_COLOR", None) if "NO_COLOR" not in (env or {}) else None
    process = subprocess.Popen([*KBTIMELINE, *args], stdout=follower, stderr=subprocess.PIPE, env=environ)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process is done writing
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    stderr = process.stderr.read().decode() if process.stderr else ""
    process.wait(timeout=60)
    return b"".join(chunks).decode(), stderr


def rows(result: subprocess.CompletedProcess[str]) -> list[list[str]]:
    assert result.returncode == 0, result.stderr
    return [line.split("\t") for line in result.stdout.splitlines()[1:]]


# 1. --limit states no falsehoods -------------------------------------------------------------------


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@pytest.mark.parametrize(("args", "limit"), [(["1992"], 10), (["1992", "1993"], 60), (["1992"], 30)])
def test_a_limited_timeline_calls_no_month_with_events_empty(args: list[str], limit: int) -> None:
    """Every stretch called empty ends before the first event left out, which the last line names."""
    result = run("timeline", *args, "-n", str(limit))
    assert result.returncode == 0, result.stderr
    *picture, note = result.stdout.splitlines()
    found = re.fullmatch(rf"more events from (\d{{4}}-\d\d-\d\d) on not shown \(--limit {limit}\)", note)
    assert found, note
    left_out = periods.parse_period(found[1])[0]
    # At most the limit: "late 1992" sorts with 1992 but is drawn from September, past the cut.
    assert 0.9 * limit <= sum(1 for line in picture if re.search(r" [0-9a-f]{10}$", line)) <= limit
    for line in picture:
        empty = re.search(r"(\w{3})(?: (\d{4}))?: \d+ empty months?", line)
        if empty:  # the last month of the empty stretch
            year = int(empty[2] or left_out.year)
            assert (year, MONTHS.index(empty[1]) + 1) < (left_out.year, left_out.month), line
    assert not any(line[:9].strip().startswith("1993") for line in picture), "no 1993 in the gutter: it is left out"


def test_a_range_drawn_as_a_timeline_is_cut_in_time_order() -> None:
    assert run("range", "1992", "-n", "10", "--format", "timeline").stdout == run("timeline", "1992", "-n", "10").stdout


# 2. Windows do not leak -----------------------------------------------------------------------------


def test_a_histogram_shows_only_its_window_and_counts_the_same_in_any() -> None:
    one = run("histogram", "1992")
    assert [line.split()[0] for line in one.stdout.splitlines()[1:] if "|" in line] == ["1992"]
    by_month = run("histogram", "1992", "--by", "month").stdout.splitlines()
    assert by_month[1].startswith("Jan 1992") and by_month[-2].startswith("Dec 1992"), "the window, no wider"

    def count(output: str, label: str) -> int:
        return next(int(line.split()[-1]) for line in output.splitlines() if line.startswith(label))

    assert count(run("histogram", "1991").stdout, "1991") == count(run("histogram", "1990", "1992").stdout, "1991")


def test_stats_count_the_busiest_year_inside_the_window() -> None:
    figures = json.loads(run("stats", "--from", "1993", "--to", "1993", "--json").stdout)
    assert figures["busiest_year"]["key"] == "1993" and figures["busiest_month"]["key"].startswith("1993-")


# 3. Dated inside first, then what merely encloses, marked ----------------------------------------


def test_a_range_lists_what_is_dated_inside_it_first() -> None:
    found = rows(run("range", "8 May 1992"))
    scopes = [row[-1] for row in found]
    assert scopes[0] == "inside" and scopes == sorted(scopes), "inside, then wider"
    inside = [row for row in found if row[-1] == "inside"]
    assert inside and all(row[1] == row[2] == "1992-05-08" for row in inside)
    assert any(row[1] < "1992-05-08" < row[2] for row in found if row[-1] == "wider"), (
        "what encloses the day comes after"
    )
    assert not any(row[4] == "early 20th century" for row in found), "early: the first third of the century only"
    as_json = json.loads(run("range", "8 May 1992", "--json").stdout)
    assert [record["scope"] for record in as_json] == scopes


def test_at_a_terminal_the_wider_ones_come_under_a_line_of_their_own() -> None:
    table, _ = at_a_terminal("range", "8 May 1992", "-n", "4")
    plain = ANSI.sub("", table)
    assert plain.index("8 May 1992") < plain.index("Dated more widely, reaching beyond the period:")
    assert plain.index("Dated more widely") < plain.index("February 1988 – May 1994")


def test_early_mid_and_late_are_thirds_in_ranges_and_the_data_keeps_the_whole() -> None:
    early = [row for row in rows(run("range", "1992-01-01", "1992-04-30")) if row[4] == "early 1992"]
    assert early and early[0][1:3] == ["1992-01-01", "1992-12-31"], "the data keeps the whole year"
    assert early[0][-1] == "inside", "its first third lies inside January to April"
    assert not any(row[4] == "early 1992" for row in rows(run("range", "1992-06", "1992-12")))


# 4. range reads kbtimeline's own labels -----------------------------------------------------------


@pytest.mark.parametrize(
    "label", ["winter 1991–1992", "early 1992", "20th century", "spring 1992", "1991-1994", "1990s", "mid-1992"]
)
def test_range_reads_the_labels_kbtimeline_prints(label: str) -> None:
    assert run("range", label).returncode == 0


def test_every_bundled_label_finds_its_event_inside_it() -> None:
    """Whatever `when` a listed event shows, `range "<when>"` reads it and finds the event inside."""
    events = storage.load_events(storage.locate(None))
    for event in events:
        if event.modifier in ("before", "after"):
            continue  # "before 1992" names no period; --to does
        first, last = periods.parse_period(event.when)
        assert query.scope(event, first, last) == query.INSIDE, event.when


def test_a_two_digit_year_is_refused_with_a_hint() -> None:
    result = run("range", "92")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and '0092 or "92 AD"' in result.stderr and "1992" in result.stderr


# 5. show quotes the user's own texts --------------------------------------------------------------


def test_show_quotes_the_text_of_events_one_extracted(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(BUNDLED_SOURCE.read_text(encoding="utf-8"), encoding="utf-8")
    events = tmp_path / "events.json"
    assert run("extract", str(article), "-o", str(events)).returncode == 0
    assert (tmp_path / "sources" / "article.txt").read_text(encoding="utf-8") == article.read_text(encoding="utf-8")
    event = json.loads(run("--data", str(events), "range", "8 May 1992", "--json").stdout)[0]
    shown = run("--data", str(events), "show", event["id"])
    assert "source text not available" not in shown.stdout
    assert "Facing ground incursions" in shown.stdout, "the sentence before it, from the text"
    index = tmp_path / "elsewhere" / "kb.sqlite"
    index.parent.mkdir()
    assert run("index", str(events), "-o", str(index)).returncode == 0
    article.unlink()
    (tmp_path / "sources" / "article.txt").unlink()
    assert "Facing ground incursions" in run("--data", str(index), "show", event["id"]).stdout, "stored in the index"


def test_documents_named_by_their_ids_lead_back_to_their_text_too(tmp_path: Path) -> None:
    documents = tmp_path / "docs.jsonl"
    documents.write_text(
        '{"id": "Battle of Shusha (1992)", "text": "Before. On 8 May 1992 it fell."}\n'
        '{"id": "../outside", "text": "In 1993 it ended."}\n',
        "utf-8",
    )
    (tmp_path / "out").mkdir()
    result = run("extract", str(documents), "-o", str(tmp_path / "out" / "events.json"))
    assert result.returncode == 0
    assert (tmp_path / "out" / "sources" / "Battle of Shusha (1992).txt").is_file()
    assert (
        result.stderr
        == "kbtimeline: warning: the text of '../outside' is not kept for show: its name cannot be a file name\n"
    )
    assert not (tmp_path / "outside.txt").exists()


def test_extract_into_the_folder_it_reads_keeps_no_copies_and_show_still_quotes(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("Before it all. On 8 May 1992 the town fell. After it all.", "utf-8")
    assert run("extract", str(tmp_path), "-o", str(tmp_path / "events.json")).returncode == 0
    assert not (tmp_path / "sources").exists(), "a later extract of the folder would read the copies"
    (event,) = json.loads((tmp_path / "events.json").read_text("utf-8"))
    assert "Before it all." in run("--data", str(tmp_path / "events.json"), "show", event["id"]).stdout


# 7. Global options anywhere ---------------------------------------------------------------------


def test_global_options_after_the_command(tmp_path: Path) -> None:
    data = make_data_dir(tmp_path)
    before = run("--data", str(data), "range", "1991", "1994")
    for args in (
        ["range", "1991", "1994", "--data", str(data)],
        ["range", "1991", "--data", str(data), "1994", "--debug"],
        ["range", "1991", "1994", f"--data={data}", "--color", "never"],
    ):
        after = run(*args)
        assert (after.returncode, after.stdout, after.stderr) == (0, before.stdout, ""), args
    assert run("range", "--data", str(data), "--", "1991").returncode == 0, "after --, nothing is moved"
    missing = run("range", "1991", "--data")
    assert missing.returncode == 2 and "--data" in missing.stderr and "Traceback" not in missing.stderr
    debug = run("--data", str(tmp_path / "missing.json"), "list")
    assert debug.returncode == 1
    traced = run("list", "--data", str(tmp_path / "missing.json"), "--debug")
    assert "Traceback" in traced.stderr, "--debug after the command shows the traceback"


# 8. search --word ------------------------------------------------------------------------------


def test_search_word_matches_whole_words_only() -> None:
    prefix, whole = rows(run("search", "UN")), rows(run("search", "UN", "--word"))
    assert len(whole) < len(prefix)
    assert whole and all(re.search(r"\bUN\b", row[6]) for row in whole)
    assert rows(run("search", "UN", "-w")) == whole
    assert run("search", "Shush", "-w", "--exact").stdout.count("\n") == 1, "no whole word Shush"


# 9. extract with nothing to read; JSON lines on stdin ------------------------------------------


def test_extract_of_a_folder_without_documents_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("In 1992.", "utf-8")
    result = run("extract", str(tmp_path))
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"kbtimeline: error: no documents to read in {tmp_path}: no file matches --glob '*.txt'\n"


def test_extract_sniffs_json_lines_documents_on_stdin_and_warns_of_other_json() -> None:
    documents = '{"id": "a", "text": "It fell on 8 May 1992."}\n{"id": "b", "text": "In 1993 it ended."}\n'
    result = subprocess.run([*KBTIMELINE, "extract", "-"], input=documents, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert [(event["source"], event["start"]) for event in json.loads(result.stdout)] == [
        ("a", "1992-05-08"),
        ("b", "1993-01-01"),
    ]
    other = subprocess.run(
        [*KBTIMELINE, "extract", "-"], input='{"note": "In 1992."}\n', capture_output=True, text=True
    )
    assert other.returncode == 0
    assert other.stderr.startswith("kbtimeline: warning: <stdin> looks like JSON") and other.stderr.count("\n") == 1


# 10. export to stdout and --within, show --json, stats --help ------------------------------------


def test_export_html_to_stdout(tmp_path: Path) -> None:
    result = subprocess.run(
        [*KBTIMELINE, "export", "--html", "-", "--from", "1992", "--to", "1993", "--within"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 0 and result.stdout.startswith("<!doctype html>")
    assert not (tmp_path / "-").exists()
    data = json.loads(re.search(r'id="kb-data">(.*?)</script>', result.stdout).group(1))  # type: ignore[union-attr]
    assert all("1992-01-01" <= event["start"] <= event["end"] <= "1993-12-31" for event in data["events"])
    overlapping = json.loads(run("export", "--timelinejs", "-", "--from", "1992", "--to", "1993").stdout)
    assert len(data["events"]) < len(overlapping["events"]), "--within leaves out what reaches beyond"


def test_show_json_and_stats_help() -> None:
    event = json.loads(run("list", "-n", "1", "--json").stdout)[0]
    assert json.loads(run("show", event["id"], "--json").stdout) == event
    assert "--format" not in run("stats", "--help").stdout


# 11. Colour --------------------------------------------------------------------------------------


def test_colour_follows_the_terminal_term_and_the_color_option() -> None:
    coloured, _ = at_a_terminal("range", "1992", "-n", "2")
    assert re.search(r"\x1b\[3\dm", coloured)
    dumb, _ = at_a_terminal("range", "1992", "-n", "2", env={"TERM": "dumb"})
    assert "\x1b[" not in dumb and "When" in dumb
    never, _ = at_a_terminal("timeline", "1992", "--color", "never")
    assert not re.search(r"\x1b\[3\dm", never)
    always = run("--color", "always", "histogram", "1992")
    assert re.search(r"\x1b\[3\dm", always.stdout), "colour in a pipe when asked"
    assert "\x1b[" not in run("histogram", "1992").stdout


def test_no_matching_events_at_a_terminal_goes_to_stderr() -> None:
    stdout, stderr = at_a_terminal("range", "490 BC")
    assert stdout == "" and ANSI.sub("", stderr).strip() == "No matching events."
    assert run("range", "490 BC", "--json").stdout == "[]\n", "a pipe still gets an empty result"


# 12. --ascii means ASCII -------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["timeline", "1992"], ["histogram", "--by", "decade"], ["stats"]])
def test_ascii_output_is_ascii(args: list[str]) -> None:
    unicode_text = run(*args, "--unicode").stdout
    result = run(*args, "--ascii")
    assert result.returncode == 0 and result.stdout.isascii()
    assert not unicode_text.isascii()


def test_ascii_transliterates_names_and_dashes(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text(
        "On 25–26 February 1992 the militia of Şuşa held the road. "
        "In March 1992 Событие Ходжалы was reported in Moscow.\n",
        encoding="utf-8",
    )
    events = tmp_path / "events.json"
    assert run("extract", str(text), "-o", str(events), "--fast").returncode == 0
    timeline = run("--data", str(events), "timeline", "1992", "--ascii", "--width", "120").stdout
    assert timeline.isascii()
    assert "Susa" in timeline, "Latin letters lose their accents"
    assert "Sobytie" in timeline, "Cyrillic in Latin letters"
    assert "25-26 February 1992" in timeline, "dashes become hyphens"


# 13. | head under pipefail -----------------------------------------------------------------------


def test_a_reader_leaving_early_is_success_under_pipefail(tmp_path: Path) -> None:
    data = big_timeline(tmp_path)
    script = 'set -o pipefail; "$@" | head -1 >/dev/null'
    result = subprocess.run(
        ["bash", "-c", script, "bash", *KBTIMELINE, "--data", str(data), "list"], capture_output=True, text=True
    )
    assert (result.returncode, result.stderr) == (0, "")
