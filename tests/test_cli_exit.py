"""The fast exit (``cli.run`` ends the process without the interpreter's teardown) loses no output.

Output is read through a pipe, as a shell's next command reads it, and must be
whole however large; exit codes stay those of ``main``.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from kbtimeline.model import Day, Event, event_id
from timeline_fixtures import write_events

MODULE = [sys.executable, "-m", "kbtimeline"]


def year_event(number: int) -> Event:
    year = 1900 + number % 100
    sentence = f"In {year} event {number} happened " + "at length " * 20 + "."
    return Event(
        id=event_id(f"s{number}", (3, 7)), source=f"s{number}", start=Day(year, 1, 1), end=Day(year, 12, 31),
        granularity="year", modifier=None, time=None, when=str(year), date_text=str(year), date_span=(3, 7),
        text=sentence, span=(0, len(sentence)), title=f"Event {number} happened",
    )  # fmt: skip


def test_large_output_arrives_whole_through_a_pipe(tmp_path: Path) -> None:
    """More than a pipe's buffer (64 KB) of events, in JSON lines and as an array."""
    events = [year_event(number) for number in range(2000)]
    data = write_events(tmp_path / "events.json", events)
    for args in (["list", "--json"], ["range", "1900", "1999", "--json"]):
        result = subprocess.run([*MODULE, "--data", str(data), *args], capture_output=True, timeout=120)
        assert result.returncode == 0, result.stderr
        assert len(json.loads(result.stdout)) == len(events), args


def test_exit_codes_survive_the_fast_exit(tmp_path: Path) -> None:
    data = write_events(tmp_path / "events.json", [year_event(92)])
    cases = [  # (arguments, exit code, reason)
        (["range", "1992"], 0, "a query that finds something"),
        (["range", "not-a-year"], 2, "a usage error"),
        (["--data", str(tmp_path / "missing.json"), "list"], 1, "an error of the core"),
        (["no-such-command"], 2, "Click's own usage error, all commands kept for its message"),
    ]
    for args, code, reason in cases:
        full = args if args[0] == "--data" else ["--data", str(data), *args]
        result = subprocess.run([*MODULE, *full], capture_output=True, text=True, timeout=60)
        assert result.returncode == code, (reason, result.stderr)
        assert code == 0 or result.stderr.strip(), reason
