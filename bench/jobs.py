"""``extract --jobs 2`` against ``--jobs 1`` on a generated corpus of many documents, in the same run.

A corpus is cut from the bundled text into documents of varied sizes (4 to
100 KB by default, as a knowledge base's pages are; none longer than the text,
which would tell the same happenings again), --mb megabytes of them.
Each round runs, one after the other, on the first two cores only:
``kbtimeline extract CORPUS --fast --jobs 1``, the same with ``--jobs 2``, and
two ``--jobs 1`` processes side by side, each on half of the documents: what
two cores give at that moment to two processes that share nothing (each
paying its own start-up), to read the speed-up against. Wall times are
medians of --runs rounds; the CPU time is of all the processes of a run
(workers included), so what parallel work costs shows even on a busy machine.
The start-up of a process that extracts a one-line document is timed too: it
is paid once whatever --jobs says, and bounds the speed-up on a small corpus.

    python bench/jobs.py [--mb 4.6 9.2] [--runs 5] [--documents-kb 4 100] [--baseline REV]

With --baseline REV (a git revision), the --jobs 1 and --jobs 2 of that
revision's src/ run in the same rounds, interleaved with this checkout's.

Wall time is only fair on an idle machine: the load average is printed beside
it. Where Linux groups processes by session for scheduling (autogroup, the
default on desktops and many servers), a busy session elsewhere takes its
share whatever the number of processes here, and --jobs 2 gains nothing: as
root, ``setsid sh -c 'echo -20 > /proc/self/autogroup; python bench/jobs.py'``
puts this session ahead of the others for the length of the bench.

CPU time is not disturbed as much by other work, so a second figure is
read from it alone: the start-up's CPU time once, and the rest of --jobs 2's
split evenly over two cores, against --jobs 1's CPU time. It takes in what
running in parallel costs in work (forking, sending documents and events
between processes), not how evenly the work is shared, which the wall time
shows when the machine is idle.

The output of --jobs 2 is checked to be the bytes --jobs 1 writes.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.9  # --jobs 2 at least this many times as fast as --jobs 1 (issue 13)
SIDE = "two --jobs 1 side by side, halves"


class Run(NamedTuple):
    wall: float
    cpu: float  # user + system, of the process and the workers it waited for


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, nargs="+", default=[4.6], help="corpus sizes, in MB")
    parser.add_argument("--runs", type=int, default=5, help="rounds per corpus (medians taken)")
    parser.add_argument(
        "--documents-kb", type=int, nargs=2, default=(4, 100), metavar=("LOW", "HIGH"), help="document sizes"
    )
    parser.add_argument("--baseline", metavar="REV", help="a git revision timed in the same rounds")
    args = parser.parse_args()
    cores = sorted(os.sched_getaffinity(0))[:2] if hasattr(os, "sched_getaffinity") else []
    if len(cores) < 2:
        raise SystemExit("--jobs 2 vs --jobs 1: fewer than two cores available")
    # Bytecode written once and read after, as from an installed wheel, even where PYTHONDONTWRITEBYTECODE is set.
    environment = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    place = Place(cores, environment)
    sentences = [
        sentence
        for source in sorted((ROOT / "data" / "sources").glob("*.txt"))
        for sentence in re.split(r"(?<=[.?!]) (?=[A-Z])", source.read_text(encoding="utf-8"))
    ]
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        baseline = None
        if args.baseline:  # its src/ unpacked beside the corpus, found first on the path
            archive = ["git", "-C", str(ROOT), "archive", args.baseline, "src"]
            (folder / "baseline").mkdir()
            unpack = ["tar", "-x", "-C", str(folder / "baseline")]
            subprocess.run(unpack, input=subprocess.run(archive, capture_output=True, check=True).stdout, check=True)
            python_path = {"PYTHONPATH": str(folder / "baseline" / "src")}
            baseline = place._replace(environment={**environment, **python_path}, label=f" ({args.baseline})")
        tiny = folder / "tiny.txt"
        tiny.write_text(sentences[0][:200], encoding="utf-8")
        if baseline is not None:
            extract([tiny], 1, folder / "tiny.json", baseline)  # its bytecode written
        start_up = median([extract([tiny], 1, folder / "tiny.json", place) for _ in range(max(3, args.runs))])
        print(
            f"start-up, a one-line document, --jobs 1: {start_up.wall:.2f} s wall, {start_up.cpu:.2f} s CPU"
            " (paid once, whatever --jobs)"
        )
        for mb in args.mb:
            corpus = folder / f"corpus-{mb:g}"
            documents = generate(corpus, sentences, int(mb * 1e6), args.documents_kb)
            compare(corpus, documents, args.runs, [place] if baseline is None else [place, baseline], start_up)


def generate(folder: Path, sentences: list[str], size: int, kilobytes: tuple[int, int]) -> list[Path]:
    """Documents of runs of consecutive sentences, of sizes spread evenly on a log scale, ``size`` bytes in all."""
    chooser = random.Random(13)
    folder.mkdir()
    documents: list[Path] = []
    written = 0
    low, high = (kilobytes[0] * 1000, kilobytes[1] * 1000)
    while written < size:
        wanted = min(int(low * (high / low) ** chooser.random()), size - written)
        at, chosen, length = chooser.randrange(len(sentences)), [], 0
        while length < wanted:
            chosen.append(sentences[at % len(sentences)])
            length += len(chosen[-1].encode()) + 1
            at += 1
        path = folder / f"doc-{len(documents):04d}.txt"
        path.write_text(" ".join(chosen), encoding="utf-8")
        documents.append(path)
        written += path.stat().st_size
    return documents


def compare(corpus: Path, documents: list[Path], runs: int, places: list[Place], start_up: Run) -> None:
    """One corpus: --jobs 1, --jobs 2 (of this checkout, and of the baseline) and the two halves side by
    side, ``runs`` rounds, interleaved."""
    out = corpus.parent / "out"
    halves = [documents[0::2], documents[1::2]]
    measured: dict[str, list[Run]] = {}
    for _ in range(runs):
        for place in places:
            for jobs in (1, 2):
                output = out.with_suffix(f".{jobs}{place.label.strip(' ()')}.json")
                measured.setdefault(f"--jobs {jobs}{place.label}", []).append(extract([corpus], jobs, output, place))
        measured.setdefault(SIDE, []).append(side_by_side(halves, out, places[0]))
    for place in places:
        one, two = (out.with_suffix(f".{jobs}{place.label.strip(' ()')}.json").read_bytes() for jobs in (1, 2))
        if one != two:
            raise SystemExit(f"--jobs 2 wrote other bytes than --jobs 1{place.label}")
    sizes = sorted(document.stat().st_size for document in documents)
    mb = sum(sizes) / 1e6
    print(
        f"\n{len(documents)} documents, {mb:.2f} MB ({sizes[0] / 1e3:.0f} to {sizes[-1] / 1e3:.0f} KB, median"
        f" {statistics.median(sizes) / 1e3:.0f}), --fast, on 2 cores; median of {runs} rounds;"
        f" load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print(f"{'':<34} {'wall':>8} {'MB/s':>6} {'CPU':>8}")
    rows = {label: median(samples) for label, samples in measured.items()}
    for label, run in rows.items():
        print(f"{label:<34} {run.wall:>6.2f} s {mb / run.wall:>6.2f} {run.cpu:>6.2f} s")
    for place in places:
        first, second = rows[f"--jobs 1{place.label}"], rows[f"--jobs 2{place.label}"]
        speed_up = first.wall / second.wall
        verdict = "met" if speed_up >= TARGET else "NOT met"
        from_cpu = first.cpu / (start_up.cpu + (second.cpu - start_up.cpu) / 2)
        print(
            f"--jobs 2 / --jobs 1{place.label}, wall: {speed_up:.2f}x (target {TARGET:g}x: {verdict});"
            f" side by side: {first.wall / rows[SIDE].wall:.2f}x;"
            f" from CPU time alone (start-up once, the rest of --jobs 2 halved): {from_cpu:.2f}x"
        )


def median(runs: list[Run]) -> Run:
    return Run(statistics.median(run.wall for run in runs), statistics.median(run.cpu for run in runs))


def extract(inputs: list[Path], jobs: int, output: Path, place: Place) -> Run:
    """``kbtimeline extract INPUTS --fast --jobs JOBS -o OUTPUT`` at ``place``, as a user runs it."""
    started = time.perf_counter()
    cpu = _wait(_start(inputs, jobs, output, place))
    return Run(time.perf_counter() - started, cpu)


def side_by_side(halves: list[list[Path]], out: Path, place: Place) -> Run:
    """Two ``--jobs 1`` processes at once, each on half of the documents: wall time until both are done."""
    started = time.perf_counter()
    children = [_start(half, 1, out.with_suffix(f".half{number}.json"), place) for number, half in enumerate(halves)]
    cpu = sum(_wait(child) for child in children)
    return Run(time.perf_counter() - started, cpu)


class Place(NamedTuple):
    """Where the measured processes run: on which cores, with which environment (the baseline's path)."""

    cores: list[int]
    environment: dict[str, str]
    label: str = ""  # what the rows of a baseline say after "--jobs N"

    def enter(self) -> None:
        """In the child, before it starts."""
        os.sched_setaffinity(0, self.cores)


def _start(inputs: list[Path], jobs: int, output: Path, place: Place) -> subprocess.Popen[bytes]:
    """``kbtimeline extract`` started at ``place``; it keeps the texts beside OUTPUT, as by default."""
    command = [sys.executable, "-m", "kbtimeline", "extract", *map(str, inputs), "--fast", "--jobs", str(jobs)]
    child = subprocess.Popen(
        [*command, "-o", str(output)], stdout=subprocess.DEVNULL, preexec_fn=place.enter, env=place.environment
    )
    return child


def _wait(child: subprocess.Popen[bytes]) -> float:
    """Wait for the process; its CPU time (user + system), with that of the workers it waited for."""
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"kbtimeline extract failed with exit code {child.returncode}")
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
