"""The installed ``kbtimeline`` script as a shell runs it: pipes, signals, exit codes."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kbtimeline.model import Day
from timeline_fixtures import make_data_dir, make_event, write_events

SCRIPT = shutil.which("kbtimeline", path=str(Path(sys.executable).parent))
MODULE = [sys.executable, "-m", "kbtimeline"]
KBTIMELINE = [SCRIPT] if SCRIPT else MODULE  # the installed script, as a shell finds it


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KBTIMELINE, *args], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("entry", [[SCRIPT], MODULE], ids=["script", "python -m"])
def test_entry_points_answer(entry: list[str | None], tmp_path: Path) -> None:
    if entry == [None]:
        pytest.skip("the kbtimeline script is not installed next to this interpreter")
    data = make_data_dir(tmp_path)
    result = subprocess.run(
        [*entry, "--data", str(data), "range", "1992", "--json"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert [event["when"] for event in json.loads(result.stdout)] == [
        "26 February 1992",
        "May 1992",
    ]
    assert result.stderr == ""


def big_timeline(folder: Path, count: int = 3000) -> Path:
    """Enough events that their tsv overflows a pipe's buffer."""
    sentences = [f"Event number {n} happened in {1900 + n % 100}." for n in range(count)]
    text = " ".join(sentences)
    events = []
    for n, sentence in enumerate(sentences):
        year = 1900 + n % 100
        first, last = Day.first_of(year), Day.last_of(year)
        events.append(make_event(sentence, str(year), first, last, "year", str(year), text=text))
    return write_events(folder / "big.json", events)


@pytest.mark.parametrize("size", ["small", "big"])
def test_a_reader_that_leaves_early_costs_no_noise(tmp_path: Path, size: str) -> None:
    data = big_timeline(tmp_path) if size == "big" else make_data_dir(tmp_path)
    script = '"$@" 2>"$ERRORS" | head -1; echo "${PIPESTATUS[0]}" >"$STATUS"'
    env = {**os.environ, "ERRORS": str(tmp_path / "errors"), "STATUS": str(tmp_path / "status")}
    shown = subprocess.run(
        ["bash", "-c", script, "bash", *KBTIMELINE, "--data", str(data), "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert shown.stdout.startswith("id\tstart\tend")
    assert (tmp_path / "errors").read_text() == "", "no 'Exception ignored', no traceback"
    assert (tmp_path / "status").read_text().strip() == "0", "a reader that stops early is success (README)"


def wait_until_reading_a_pipe(pid: int) -> None:
    """Block until the process waits on its stdin pipe (Linux /proc), or a few seconds passed."""
    wchan = Path(f"/proc/{pid}/wchan")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if not wchan.exists():
            time.sleep(2)  # no /proc to ask: give start-up ample time
            return
        if "pipe" in wchan.read_text():
            return
        time.sleep(0.05)


def test_ctrl_c_exits_130_quietly() -> None:
    process = subprocess.Popen(
        [*KBTIMELINE, "extract", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    wait_until_reading_a_pipe(process.pid)
    process.send_signal(signal.SIGINT)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 130
    assert stderr == "" and stdout == ""


def test_a_missing_data_file_is_one_line_and_exit_1(tmp_path: Path) -> None:
    result = run("--data", str(tmp_path / "nope.json"), "list")
    assert result.returncode == 1
    assert result.stderr == f"kbtimeline: error: {tmp_path / 'nope.json'}: no such file\n"


def test_a_bad_date_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run("--data", str(make_data_dir(tmp_path)), "range", "8/5/1992")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "1992-05-08" in result.stderr


@pytest.mark.parametrize(
    ("args", "code", "reason"),
    [
        (["--version"], 0, "success"),
        (["range", "8/5/1992"], 2, "a usage error"),
        (["--data", "/nonexistent/events.json", "list"], 1, "an error"),
    ],
)
def test_the_quick_exit_runs_the_exit_hooks_and_keeps_the_code(args: list[str], code: int, reason: str) -> None:
    """The console script's ``run`` skips freeing memory at exit, not what exit hooks do, nor their output."""
    probe = (
        "import atexit, sys\n"
        "atexit.register(print, 'the hook ran')\n"
        "from kbtimeline.__main__ import run\n"
        "sys.argv = ['kbtimeline', *sys.argv[1:]]\n"
        "run()\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=60)
    assert result.returncode == code, reason
    assert result.stdout.endswith("the hook ran\n"), reason


@pytest.mark.parametrize("args", [["range", "1991", "1994", "--json"], ["search", "Shusha"]])
def test_the_query_path_stays_light(tmp_path: Path, args: list[str]) -> None:
    """Queries never import rich, dateutil, pydantic, the extractor, spaCy, Textual, Dask, pyarrow or the
    modules of the other commands, nor multiprocessing: they cost start-up time."""
    data = write_events(tmp_path / "events.json", [])
    probe = (
        "import sys\n"
        "from kbtimeline.cli import main\n"
        f"sys.argv = ['kbtimeline', '--data', {str(data)!r}, *{args!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('rich', 'dateutil', 'pydantic', 'kbtimeline.extract', 'kbtimeline.events', 'spacy',\n"
        "         'textual', 'dask', 'distributed', 'pyarrow', 'multiprocessing',\n"
        "         'kbtimeline.cli.pictures', 'kbtimeline.cli.building', 'kbtimeline.corpus')\n"
        "print(sorted(name for name in heavy if name in sys.modules), file=sys.stderr)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stderr.splitlines()[-1] == "[]"


def test_the_command_table_names_every_command_and_its_module() -> None:
    """A run imports only the module ``COMMAND_MODULES`` names for its command, and --help lists them in its order."""
    from kbtimeline.cli import app
    from kbtimeline.cli.root import COMMAND_MODULES

    registered = {
        command.name or command.callback.__name__: command.callback.__module__  # type: ignore[union-attr]
        for command in app.registered_commands
    }
    assert registered == {name: f"kbtimeline.cli.{module}" for name, module in COMMAND_MODULES.items()}
    assert list(registered) == list(COMMAND_MODULES)


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        (["--color", "never", "list", "-n", "1"], "a global option and its value before the command"),
        (["list", "-n", "1", "--color", "never"], "a global option after the command"),
        (["--debug", "list", "-n", "1"], "a global flag before the command"),
    ],
)
def test_global_options_around_the_command(tmp_path: Path, args: list[str], reason: str) -> None:
    data = str(make_data_dir(tmp_path))
    result = run("--data", data, *args)
    assert (result.returncode, result.stderr) == (0, ""), reason
    assert result.stdout == run("--data", data, "list", "-n", "1").stdout, reason


def test_the_core_never_imports_the_cli_framework() -> None:
    probe = (
        "import sys\n"
        "import kbtimeline.periods, kbtimeline.query, kbtimeline.output.render, kbtimeline.storage\n"
        "print(sorted(m for m in ('typer', 'click', 'rich') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]"
