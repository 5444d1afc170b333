"""Scale: extracting a 100 MB corpus on 1 and 2 processes or Dask workers, and querying a million events.

Two questions, each answered side by side in one run:

- extraction: MB/s of ``kbtimeline extract FOLDER`` with ``--jobs 1`` and
  ``--jobs 2``, and with ``--scheduler`` on a Dask cluster of 1 and then 2
  workers (one thread each, on this machine: ``dask scheduler`` and
  ``dask worker`` processes, started before the clock starts; the runs of
  all rows interleave, after one that warms up, and the median counts), the speed-up
  over ``--jobs 1``, and the peak memory of the largest process the command
  starts (for the cluster rows: of the client alone); the cluster rows need
  the ``dask`` extra and are left out without it;
- queries at a million events: median wall time and peak memory of a range
  and a search that return a page of results (read through ``| head``, or
  asked for with ``-n``), on the SQLite index (``kbtimeline index``) and on
  the JSON lines file it was built from, beside the floor that every Typer
  command pays, ``python -c "import typer"``.

The corpus is the bundled article and, when present, the WikiWars dev texts
(../shared/external/wikiwars-dev), copied over and over with their years
moved, so that each copy tells of other dates. The million events are those
the base texts give, copied the same way with their dates moved by whole
years. Both are generated once and kept in bench/.cache/.

    python bench/scale.py [--size-mb 100] [--events 1000000] [--runs 7] [--json-runs 3]
                          [--extract-runs 1] [--only extraction]

Targets: a page from the index in at most 1.5x the floor, in at most 100 MB;
an extraction speed-up of at least 1.8x on 2 cores.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import shlex
import shutil
import socket
import statistics
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from itertools import islice
from pathlib import Path
from typing import Any, NamedTuple

from kbtimeline.model import Day, event_id, month_length, parse_day

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / "bench" / ".cache"
WIKIWARS = ROOT.parent / "shared" / "external" / "wikiwars-dev"
TARGET_FLOOR_RATIO, TARGET_MEMORY_MB, TARGET_SPEED_UP = 1.5, 100, 1.8
PAGE_LINES = 10  # what `| head` reads before it closes the pipe
YEAR = re.compile(r"\b(1[0-9]{3}|20[0-9]{2})\b")


class Run(NamedTuple):
    seconds: float
    peak_mb: float


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=100, help="corpus size for the extraction rows")
    parser.add_argument("--events", type=int, default=1_000_000, help="events for the query rows")
    parser.add_argument("--runs", type=int, default=7, help="runs per query on the index and the floor")
    parser.add_argument("--json-runs", type=int, default=3, help="runs per query on the JSON file (slow)")
    parser.add_argument("--extract-runs", type=int, default=1, help="runs per extraction row, after a warm-up")
    parser.add_argument("--only", choices=("extraction", "queries"), help="answer one of the two questions")
    args = parser.parse_args()
    _run([sys.executable, "-c", "pass"])  # the launcher starts while this process is small
    kbtimeline = _kbtimeline()
    bases = _base_texts()
    print(f"base texts: {len(bases)} ({sum(len(t.encode()) for t in bases.values()) / 1e6:.2f} MB); {_machine()}\n")
    if args.only != "queries":
        _extraction(kbtimeline, bases, args.size_mb, args.extract_runs)
        print()
    if args.only != "extraction":
        _queries(kbtimeline, bases, args.events, args.runs, args.json_runs)


# Extraction ------------------------------------------------------------------


def _extraction(kbtimeline: list[str], bases: dict[str, str], size_mb: float, runs_each: int) -> None:
    corpus = _corpus(bases, size_mb)
    size = sum(file.stat().st_size for file in corpus.rglob("*.txt")) / 1e6
    print(f"extraction of {corpus.relative_to(ROOT)} ({size:.1f} MB, {_count(corpus)} files)")
    # (name of the output, options, Dask workers or None for local processes)
    rows: list[tuple[str, list[str], int | None]] = [(f"jobs{n}", ["--jobs", str(n)], None) for n in (1, 2)]
    if shutil.which("dask", path=str(Path(sys.executable).parent)):
        rows += [(f"workers{n}", ["--scheduler", "ADDRESS"], n) for n in (1, 2)]
    else:
        print("(no Dask cluster rows: pip install 'kbtimeline[dask]')")
    outputs = [CACHE / f"extracted-{name}.jsonl" for name, _, _ in rows]
    commands = [
        [*kbtimeline, "extract", str(corpus), *options, "-o", str(output)]
        for (_, options, _), output in zip(rows, outputs, strict=True)
    ]
    with ExitStack() as clusters:  # both clusters up through all the runs, which interleave
        addresses = {workers: clusters.enter_context(_dask_cluster(workers)) for _, _, workers in rows}
        measured = _medians([
            ([addresses[workers] if word == "ADDRESS" else word for word in command], runs_each, False)
            for (_, _, workers), command in zip(rows, commands, strict=True)
        ])  # fmt: skip
    width = max(len(_shown(command)) for command in commands) + 14
    print(f"median of {runs_each} run(s) each, after one that warms up")
    print(f"{'command':<{width}} {'seconds':>8} {'MB/s':>6} {'speed-up':>8} {'peak MB':>8}")
    for (_, _, workers), command, run in zip(rows, commands, measured, strict=True):
        figures = f"{run.seconds:>8.1f} {size / run.seconds:>6.2f} {measured[0].seconds / run.seconds:>7.2f}x"
        shown = _shown(command) + (f"  ({workers} worker{'s' * (workers > 1)})" if workers else "")
        print(f"{shown:<{width}} {figures} {run.peak_mb:>8.0f}")
    same = all(filecmp.cmp(outputs[0], output, shallow=False) for output in outputs[1:])
    events = sum(1 for _ in outputs[0].open(encoding="utf-8"))
    print(f"{events:,} events; all {len(outputs)} outputs identical to --jobs 1: {same}")
    print(f"target: speed-up >= {TARGET_SPEED_UP}x on 2 cores (this machine: {os.cpu_count()} cores)")


@contextmanager
def _dask_cluster(workers: int | None) -> Iterator[str]:
    """A scheduler and ``workers`` one-thread workers on this machine, as ``dask`` starts them on a
    real cluster; the scheduler's address. Nothing (an empty address) when ``workers`` is None."""
    if workers is None:
        yield ""
        return
    from distributed import Client  # not before: only the cluster rows need it

    dask = shutil.which("dask", path=str(Path(sys.executable).parent))
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address, quiet = f"tcp://127.0.0.1:{port}", {"stderr": subprocess.DEVNULL, "stdout": subprocess.DEVNULL}
    common = ["--host", "127.0.0.1", "--no-dashboard"]
    processes = [subprocess.Popen([dask, "scheduler", "--port", str(port), *common], **quiet)]  # type: ignore[call-overload]
    try:
        with Client(address, timeout=60, set_as_default=False) as client:
            for _ in range(workers):
                processes.append(subprocess.Popen([dask, "worker", address, "--nthreads", "1", *common], **quiet))  # type: ignore[call-overload]
            client.wait_for_workers(workers, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
            process.wait()


def _corpus(bases: dict[str, str], size_mb: float) -> Path:
    """Copies of the base texts with their years moved, up to ``size_mb``."""

    def make(folder: Path) -> None:
        written, copy = 0, 0
        while written < size_mb * 1e6:
            shift = _shift(copy)
            for name, text in bases.items():
                moved = YEAR.sub(lambda match, shift=shift: str(int(match.group()) + shift), text)
                file = folder / f"copy{copy:04d}" / f"{name}.txt"
                file.parent.mkdir(parents=True, exist_ok=True)
                file.write_text(moved, encoding="utf-8")
                written += len(moved.encode())
            copy += 1

    return _made_once(CACHE / f"corpus-{size_mb:g}mb", make)


# Queries -----------------------------------------------------------------------


def _queries(kbtimeline: list[str], bases: dict[str, str], count: int, runs: int, json_runs: int) -> None:
    folder = _events(bases, count)
    events, index = folder / "events.jsonl", folder / "kb.sqlite"
    if not index.exists():
        command = [*kbtimeline, "index", str(events), "-o", str(index)]
        run = _run(command)
        print(f"{_shown(command)}: {run.seconds:.0f} s, peak {run.peak_mb:.0f} MB")
    print(
        f"queries at {count:,} events: {events.relative_to(ROOT)} ({events.stat().st_size / 1e6:.0f} MB) "
        f"and its index {index.name} ({index.stat().st_size / 1e6:.0f} MB)"
    )
    # (arguments, read through `| head`, also timed on the JSON file: each run there reads it all)
    queries = [
        (["range", "1991", "1994", "--json"], True, True),
        (["search", "Shusha", "--jsonl"], True, True),
        (["range", "1991", "1994", "-n", "20"], False, False),
        (["search", "Khojaly massacre", "-n", "20"], False, False),
        (["list", "--from", "1992", "-g", "day", "-n", "20", "--json"], False, False),
        (["search", "Stepanakret"], False, False),
        # one entry per happening (the default) beside every record: a page costs the same
        (["search", "the", "-n", "20"], False, False),
        (["search", "the", "-n", "20", "--mentions"], False, False),
        (["search", "--regex", "Shush[ai]", "-n", "20"], False, False),
    ]
    floor = [sys.executable, "-c", "import typer"]
    rows = [(f"{_shown(floor)}  (floor)", floor, runs, False)] + [
        (_shown(command) + (f" | head -{PAGE_LINES}" if page else ""), command, times, page)
        for arguments, page, on_json in queries
        for data, times in ((index, runs), (events, json_runs))[: 1 + on_json]
        for command in [[*kbtimeline, "--data", str(data), *arguments]]
    ]
    measured = _medians([(command, times, page) for _, command, times, page in rows])
    width = max(len(label) for label, *_ in rows)
    print(f"{'command':<{width}} {'median':>8} {'x floor':>7} {'peak MB':>8}")
    for (label, *_), run in zip(rows, measured, strict=True):
        ratio = run.seconds / measured[0].seconds
        print(f"{label:<{width}} {run.seconds * 1000:>6.0f}ms {ratio:>6.2f}x {run.peak_mb:>8.0f}")
    print(f"target on the index: at most {TARGET_FLOOR_RATIO}x the floor and {TARGET_MEMORY_MB} MB")


def _events(bases: dict[str, str], count: int) -> Path:
    """``count`` events as JSON lines, events.jsonl, with aliases.json beside them."""

    def make(folder: Path) -> None:
        from kbtimeline.pipeline import records as extracted  # not before: the benchmark stays small

        shutil.copy(ROOT / "data" / "aliases.json", folder / "aliases.json")
        records = [event.to_dict() for name, text in bases.items() for event in extracted(text, name, None).events]
        with (folder / "events.jsonl").open("w", encoding="utf-8") as out:
            out.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in islice(_copies(records), count))

    return _made_once(CACHE / f"kb-happenings-{count}", make)


def _made_once(folder: Path, make: Callable[[Path], None]) -> Path:
    """``folder``, filled by ``make`` unless an earlier run finished filling it."""
    done = folder / ".complete"
    if not done.exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        make(folder)
        done.touch()
    return folder


def _copies(records: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The records again and again, each copy a source of its own, its dates moved by whole years, its
    records' happenings its own."""
    spans = {record["id"]: tuple(record["date_span"]) for record in records}
    copy = 0
    while True:
        shift = _shift(copy)
        for record in records:
            moved = dict(record, source=f"{record['source']}~{copy}", start=_moved(record["start"], shift))
            moved["end"] = _moved(record["end"], shift)
            moved["id"] = event_id(moved["source"], tuple(record["date_span"]))
            moved["happening"] = event_id(moved["source"], spans[record["happening"]])
            if "parts" in record:
                moved["parts"] = [
                    dict(part, start=_moved(part["start"], shift), end=_moved(part["end"], shift))
                    for part in record["parts"]
                ]
            yield moved
        copy += 1


def _shift(copy: int) -> int:
    """Years to move copy ``copy`` by: 0 first, then spread over about six centuries."""
    return (copy * 37) % 601 - 300 if copy else 0


def _moved(iso: str, years: int) -> str:
    day = parse_day(iso)
    year = day.year + years
    return Day(year, day.month, min(day.day, month_length(year, day.month))).iso()


# Measuring -----------------------------------------------------------------------


# Runs one command a line (JSON: [command, page lines]), answers [seconds, peak kB, exit code]. On
# Linux a process's peak memory starts from that of whoever started it (the peak is kept across
# exec), so the commands are started by this small process, not by the benchmark, which grows.
LAUNCHER = """
import json, os, subprocess, sys, time
for line in sys.stdin:
    command, lines = json.loads(line)
    started = time.perf_counter()
    output = subprocess.PIPE if lines else subprocess.DEVNULL
    process = subprocess.Popen(command, stdout=output, stderr=subprocess.DEVNULL)
    for _ in range(lines):
        if not process.stdout.readline():
            break
    if lines:
        process.stdout.close()  # as `| head` does when it has its lines
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    print(json.dumps([seconds, usage.ru_maxrss, os.waitstatus_to_exitcode(status)]), flush=True)
"""
_launcher: subprocess.Popen[str] | None = None


def _run(command: list[str], page: bool = False) -> Run:
    """Wall time and peak resident memory (of the largest process) of one run; with ``page``,
    only the first lines are read and the pipe is closed, as `| head` does."""
    global _launcher
    if _launcher is None:
        _launcher = subprocess.Popen(
            [sys.executable, "-c", LAUNCHER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=_env()
        )
    assert _launcher.stdin is not None and _launcher.stdout is not None
    _launcher.stdin.write(json.dumps([command, PAGE_LINES if page else 0]) + "\n")
    _launcher.stdin.flush()
    seconds, peak_kb, code = json.loads(_launcher.stdout.readline())
    if code not in (0, 141, -13):  # 141, -13: the pipe closed under it
        raise SystemExit(f"failed ({code}): {_shown(command)}")
    return Run(seconds, peak_kb / 1024)


def _medians(commands: list[tuple[list[str], int, bool]]) -> list[Run]:
    """Median time and peak memory of each (command, runs, page); the runs interleave, so a busy
    moment hits all alike, after a round that warms up (bytecode compiled, files in the page cache)."""
    samples: list[list[Run]] = [[] for _ in commands]
    for round_number in range(max(runs for _, runs, _ in commands) + 1):
        for (command, runs, page), taken in zip(commands, samples, strict=True):
            if round_number <= runs:
                run = _run(command, page)
                taken.extend([run] if round_number else [])
    return [Run(statistics.median(r.seconds for r in taken), max(r.peak_mb for r in taken)) for taken in samples]


def _env() -> dict[str, str]:
    # An installed wheel has its bytecode compiled by pip; let the warm-up run write ours.
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def _base_texts() -> dict[str, str]:
    files = sorted((ROOT / "data" / "sources").glob("*.txt"))
    if WIKIWARS.is_dir():
        files += sorted(WIKIWARS.glob("*.txt"))
    return {file.stem: file.read_text(encoding="utf-8") for file in files}


def _kbtimeline() -> list[str]:
    """The installed console script next to this interpreter, as a user runs it."""
    script = shutil.which("kbtimeline", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "kbtimeline"]


def _shown(command: list[str]) -> str:
    """The command as one would type it: the script by name, paths relative to the checkout."""
    words = [Path(command[0]).name if i == 0 else word for i, word in enumerate(command)]
    return shlex.join(word.replace(f"{ROOT}/", "") for word in words)


def _count(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.txt"))


def _machine() -> str:
    return f"Python {sys.version.split()[0]}, {os.cpu_count()} cores"


if __name__ == "__main__":
    main()
