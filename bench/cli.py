"""Start-up cost of the query commands, side by side with their floor and with jq.

A query answers in a few milliseconds; what a person waits for is the
interpreter and Typer starting. So the baseline is ``python -c "import
typer"``: the least any Typer command can cost. jq, doing the same range
filter on the same file, shows what a non-Python tool costs.

    python bench/cli.py [--runs 20] [--data PATH]

Without --data it queries the bundled timeline (data/events.json), as a user
does who names no file, and once more the same file named with --data, which
is read with every record checked.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.1  # a query may cost at most this much more than importing Typer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20, help="runs per command (median taken)")
    parser.add_argument("--data", type=Path, help="events file to query")
    args = parser.parse_args()
    data = args.data or ROOT / "data" / "events.json"
    count = len(json.loads(data.read_text(encoding="utf-8")))
    print(f"{count} events in {data}; median of {args.runs} runs each\n")

    # The bundled timeline is read unchecked (it was checked when built); a file named with --data is checked.
    kbtimeline = [*_kbtimeline(), "--data", str(data)] if args.data else _kbtimeline()
    rows = [
        ('python -c "import typer"  (floor)', [sys.executable, "-c", "import typer"]),
        # kbtimeline pauses the cyclic GC while Typer is imported (cli/__init__): this row shows what
        # that alone is worth, so the ratios can be read against it too.
        ("  the floor, GC paused", [sys.executable, "-c", "import gc; gc.disable(); import typer"]),
        ("kbtimeline range 1991 1994 --json", [*kbtimeline, "range", "1991", "1994", "--json"]),
        ("kbtimeline search Shusha", [*kbtimeline, "search", "Shusha"]),
        ("kbtimeline list", [*kbtimeline, "list"]),
        ("kbtimeline stats", [*kbtimeline, "stats"]),
    ]
    queries = len(rows) - 2  # the rows the target applies to
    if not args.data:
        checked = [*_kbtimeline(), "--data", str(data), "range", "1991", "1994", "--json"]
        rows.append(("  the same range, --data (checked)", checked))
    jq = shutil.which("jq")
    if jq:
        overlap = '[.[] | select(.start <= "1994-12-31" and .end >= "1991-01-01")]'
        rows.append(("jq range filter (same file)", [jq, overlap, str(data)]))
        search = '[.[] | select(.text | test("shusha"; "i"))]'
        rows.append(("jq search (regex, no aliases)", [jq, search, str(data)]))

    medians = _medians([command for _, command in rows], args.runs)
    floor = medians[0]
    print(f"{'command':<38} {'CPU':>9}  {'x floor':>7}")
    for (label, _), seconds in zip(rows, medians, strict=True):
        print(f"{label:<38} {seconds * 1000:>7.1f}ms  {seconds / floor:>6.2f}x")
    if not jq:
        print("\njq is not installed: its rows are skipped (apt-get install jq to add them).")
    worst = max(medians[2 : 2 + queries]) / floor
    verdict = "met" if worst <= TARGET else "NOT met"
    print(f"\ntarget: query commands at most {TARGET}x the floor; the slowest is {worst:.2f}x: {verdict}")


def _medians(commands: list[list[str]], runs: int) -> list[float]:
    """Median CPU time (user + system) of each command; runs interleave, so a busy moment hits all alike.

    CPU time, not wall time: on a machine shared with other work, waiting for a
    core says nothing about the command.
    """
    # An installed wheel has its bytecode compiled by pip; let the warm-up run
    # write ours even where PYTHONDONTWRITEBYTECODE is set.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    times: list[list[float]] = [[] for _ in commands]
    for run in range(runs + 1):
        for command, samples in zip(commands, times, strict=True):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True, env=env)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if run:  # the first round only warms caches
                samples.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return [statistics.median(samples) for samples in times]


def _kbtimeline() -> list[str]:
    """The installed console script next to this interpreter, as a user runs it."""
    script = shutil.which("kbtimeline", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "kbtimeline"]


if __name__ == "__main__":
    main()
