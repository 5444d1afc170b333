"""Explore at scale: start-up and keystroke latency of ``kbtimeline explore`` on an SQLite index.

The index holds ``--events`` events (default 1,000,000), made as bench/scale.py
makes them (the bundled article's events copied with their years moved) and
kept in bench/.cache/. Two questions, each beside a baseline measured in the
same run:

- start-up: wall time of a fresh process from launch to the first full
  screen (the app runs headless and leaves after its first complete draw),
  beside ``python -c "import typer"`` (the floor every command pays) and
  ``kbtimeline --data INDEX range 1992 -n 1`` (a query command);
- keystrokes: a replayed session (zoom, pan, list moves, Home/End, search
  typed letter by letter, Esc) through Textual's pilot. "answered": from the
  press until the app has redrawn the axis, the list and the status line with
  what the key asked for (keys that load nothing, such as "/": until the
  pilot saw them handled, which costs the pilot itself some milliseconds:
  "handled, unbound F12" measures that alone); during a search or a filter
  the density strip follows when its counts are in ("density strip
  included"). The first key after start-up is reported on its own.
  "round trip": until the pilot finds the app idle again, which includes
  the pilot's own waiting, measured alone on an unbound key (F12) as the
  baseline. "storage": time spent in the storage thread per key. The machine
  may be shared: the load average is printed before and after, and beside
  the wall times the CPU time each key cost the whole process (from the press
  until idle, pilot included) and the storage thread, with the unbound key's
  as the baseline, which load does not inflate.

    python bench/explore.py [--events 1000000] [--size 100x30] [--rounds 3] [--granularity day]

To compare with another version of kbtimeline, run this script with that
version first on the path and an index it built (``--index``), e.g. from
an export of the main branch: ``PYTHONPATH=/tmp/main/src python
bench/explore.py --index /tmp/main/kb.sqlite``.

Target: every keystroke answered in under 100 ms; start-up under 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import scale
from kbtimeline.explore.app import ExploreApp
from kbtimeline.explore.data import Filters, Library

TARGET_KEY_MS, TARGET_START_S = 100, 1.0
BASELINE_KEY = "f12"
# (what the user does, keys)
SESSION = [
    ("zoom", ["plus", "plus", "minus", "minus", "plus", "plus", "plus"]),
    ("pan", ["right"] * 5 + ["left"] * 3 + ["pagedown", "pageup"]),
    ("home/end", ["end", "home"]),
    ("list", ["down"] * 12 + ["up"] * 6),
    ("zoom", ["plus", "down", "down", "minus", "minus", "minus", "minus"]),
    ("search", ["slash", *"Shusha"]),
    ("esc", ["escape"]),
    ("search", ["slash", *"Khojaly"]),
    ("list", ["enter", "down", "down", "down"]),
    ("esc", ["escape"]),
]
# Leaves after the first complete screen: the start-up a user waits for.
START_PROBE = """
import sys
from pathlib import Path
from kbtimeline.explore.app import ExploreApp
from kbtimeline.explore.data import Filters, Library

class FirstScreen(ExploreApp):
    def _draw(self, window):
        super()._draw(window)
        self.call_after_refresh(self.exit)

library = Library(Path(sys.argv[1]))
FirstScreen(library).run(headless=True, size=(100, 30))
library.close()
"""


class TimedApp(ExploreApp):
    """The app, noting when it last drew what a load brought."""

    first_drawn_at = drawn_at = 0.0

    def _draw(self, window: Any) -> None:
        super()._draw(window)
        TimedApp.drawn_at = time.perf_counter()
        TimedApp.first_drawn_at = TimedApp.first_drawn_at or TimedApp.drawn_at


class TimedLibrary(Library):
    """A Library that adds up the time its queries take in the storage thread."""

    spent = cpu = 0.0

    async def _call(self, function: Any, *args: Any) -> Any:
        def timed(*call_args: Any) -> Any:
            started, cpu = time.perf_counter(), time.thread_time()
            try:
                return function(*call_args)
            finally:
                TimedLibrary.spent += time.perf_counter() - started
                TimedLibrary.cpu += time.thread_time() - cpu

        return await super()._call(timed, *args)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000, help="events in the index")
    parser.add_argument("--size", default="100x30", help="terminal size, COLUMNSxROWS")
    parser.add_argument("--rounds", type=int, default=3, help="times the session is replayed")
    parser.add_argument("--granularity", "-g", action="append", default=[], help="replay with this filter too")
    parser.add_argument(
        "--index", type=Path, help="replay on this index instead (one an older kbtimeline built, to compare)"
    )
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))
    index = args.index or _index(args.events)
    print(
        f"index: {index} ({args.events:,} events, {index.stat().st_size / 1e6:.0f} MB); {scale._machine()}; {_load()}\n"
    )
    _start_up(index)
    print()
    asyncio.run(_keystrokes(index, (columns, rows), args.rounds, Filters()))
    if args.granularity:
        print()
        asyncio.run(_keystrokes(index, (columns, rows), args.rounds, Filters(tuple(args.granularity))))
    print(f"\n{_load()}")


def _load() -> str:
    """The load average: over the number of cores, wall times stretch; CPU times hardly do."""
    return "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())


def _index(count: int) -> Path:
    folder = scale._events(scale._base_texts(), count)
    index = folder / "kb.sqlite"
    if not index.exists():
        command = [*scale._kbtimeline(), "index", str(folder / "events.jsonl"), "-o", str(index)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return index


def _start_up(index: Path, runs: int = 5) -> None:
    rows = [
        ('python -c "import typer"  (floor)', [sys.executable, "-c", "import typer"]),
        (
            "kbtimeline --data INDEX range 1992 -n 1",
            [*scale._kbtimeline(), "--data", str(index), "range", "1992", "-n", "1"],
        ),
        ("explore: launch to first full screen", [sys.executable, "-c", START_PROBE, str(index)]),
    ]
    print(f"start-up, median of {runs} runs after a warm-up; CPU: user + system time of the process")
    for label, command in rows:
        subprocess.run(command, check=True, capture_output=True)
        times, cpu = [], []
        for _ in range(runs):
            started, before = time.perf_counter(), _children_cpu()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
            cpu.append(_children_cpu() - before)
        print(
            f"  {label:<42} {statistics.median(times) * 1000:>6.0f} ms   (max {max(times) * 1000:>4.0f} ms)"
            f"   CPU {statistics.median(cpu) * 1000:>5.0f} ms"
        )
    print(f"  target: explore's first screen in under {TARGET_START_S:.0f} s")


def _children_cpu() -> float:
    """Seconds of CPU the finished child processes used, user and system."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


async def _keystrokes(index: Path, size: tuple[int, int], rounds: int, filters: Filters) -> None:
    library = TimedLibrary(index, filters)
    app = TimedApp(library)
    by_kind: dict[str, list[float]] = defaultdict(list)
    cpu_by_kind: dict[str, list[float]] = defaultdict(list)
    complete: list[float] = []
    round_trips: list[float] = []
    storage: list[float] = []
    storage_cpu: list[float] = []
    cpu: list[float] = []
    baseline_cpu: list[float] = []
    baseline: list[float] = []
    handled_baseline: list[float] = []
    async with app.run_test(size=size) as pilot:
        await _settle(pilot)
        TimedApp.first_drawn_at, started = 0.0, time.perf_counter()
        await _timed(pilot, "plus")
        first_key = (TimedApp.first_drawn_at - started) * 1000
        await _timed(pilot, "minus")
        for _ in range(rounds):
            for kind, keys in SESSION:
                for key in keys:
                    before, before_cpu, started = TimedLibrary.spent, TimedLibrary.cpu, time.perf_counter()
                    TimedApp.first_drawn_at = 0.0
                    process_cpu = time.process_time()
                    handled, round_trip = await _timed(pilot, key)
                    cpu.append((time.process_time() - process_cpu) * 1000)
                    cpu_by_kind[kind].append(cpu[-1])
                    storage_cpu.append((TimedLibrary.cpu - before_cpu) * 1000)
                    drew = TimedApp.first_drawn_at > started
                    by_kind[kind].append((TimedApp.first_drawn_at - started) * 1000 if drew else handled)
                    complete.append((TimedApp.drawn_at - started) * 1000 if drew else handled)
                    round_trips.append(round_trip)
                    storage.append((TimedLibrary.spent - before) * 1000)
                    process_cpu = time.process_time()
                    baseline_handled, baseline_round_trip = await _timed(pilot, BASELINE_KEY)
                    baseline_cpu.append((time.process_time() - process_cpu) * 1000)
                    handled_baseline.append(baseline_handled)
                    baseline.append(baseline_round_trip)
        await pilot.press("q")
    library.close()
    everything = [ms for times in by_kind.values() for ms in times]
    filtered = f", only {', '.join(filters.granularities)} events" if filters.granularities else ""
    print(
        f"keystrokes at {size[0]}x{size[1]}{filtered}, {len(everything)} keys ({rounds} rounds of the session), in ms"
    )
    print(f"  {'answered':<40} {'n':>4} {'p50':>6} {'p95':>6} {'max':>6}")
    rows = [
        *((f"  {kind}", times) for kind, times in sorted(by_kind.items())),
        ("all keys", everything),
        ("all keys, density strip included", complete),
        (f"handled, unbound {BASELINE_KEY} (baseline)", handled_baseline),
        ("storage thread, per key", storage),
        ("round trip, all keys", round_trips),
        (f"round trip, unbound {BASELINE_KEY} (baseline)", baseline),
        *((f"  CPU until idle, {kind}", times) for kind, times in sorted(cpu_by_kind.items())),
        ("CPU until idle, all keys", cpu),
        (f"CPU until idle, unbound {BASELINE_KEY} (baseline)", baseline_cpu),
        ("CPU in the storage thread, per key", storage_cpu),
    ]
    for label, times in rows:
        print(f"  {label:<40} {len(times):>4} {_p(times, 50):>6.1f} {_p(times, 95):>6.1f} {max(times):>6.1f}")
    print(f"  (not counted above: the first key after start-up, +, answered in {first_key:.0f} ms)")
    over = sum(ms > TARGET_KEY_MS for ms in everything)
    print(f"  target: every key answered in under {TARGET_KEY_MS} ms; {over} of {len(everything)} were not")


async def _timed(pilot: Any, key: str) -> tuple[float, float]:
    """Milliseconds until the pilot saw the key handled, and until the app was idle again."""
    started = time.perf_counter()
    await pilot.press(key)
    handled = time.perf_counter()
    await _settle(pilot)
    return (handled - started) * 1000, (time.perf_counter() - started) * 1000


async def _settle(pilot: Any) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _p(values: list[float], percent: int) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


if __name__ == "__main__":
    main()
