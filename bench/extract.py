"""Extraction throughput and quality, side by side with dateparser and datefinder.

Throughput decides whether a whole knowledge base can be re-extracted on every
change, so it is measured in MB/s (10^6 bytes of UTF-8 input per second) on the
bundled article and on a corpus --scale times its size, best of --repeat runs.
Everything runs in this one process, pinned to one core where the OS allows:
kbtimeline's extract_events is single-threaded pure Python, so one core is what
it gets in real use, and no competitor may borrow a second one. The competitors
run in the same process on the same text, so the ratios are not skewed by
another machine or a busier moment. dateparser is far slower than kbtimeline,
so the competitors are timed on the 1x text only.

Speed alone would flatter a tool that finds little, so when ../shared/eval is
present each tool's output on the bundled article is scored against the dev
gold with its score.py (value and relaxed F1 over characters 0:22817).

The figures the issue's targets name are for the whole ``kbtimeline extract``
process on one core (start-up, reading, extraction, titles, kinds, grouping,
writing): ``--fast`` on a corpus of --process-scale copies of the text, one
document each, the parser's titles on --parser-scale copies, as CPU time (user + system) of the child,
median of --repeat runs, with the child's own peak memory. CPU time, not wall
time: the machine may be shared, and waiting for a core says nothing about
the tool. With --hostile, two inputs built to hurt are timed too: 20 MB of
prose in one document, and 5.7 MB of date-like tokens; their peak memory is
given as a multiple of the document (target: at most 15x). On a machine with two
cores or more, ``--fast --jobs 2`` is run against ``--jobs 1`` on the --process-scale
corpus, both free to use two cores: the speed-up is in wall time (target: 1.9x),
printed with the load average, as another process on the machine disturbs it.

    python bench/extract.py [--repeat 3] [--scale 100] [--process-scale 30] [--parser-scale 5]
                            [--hostile] [--shared ../shared]

dateparser and datefinder are not kbtimeline dependencies: install them next to
it for this script only (pip install dateparser datefinder). Without them only
kbtimeline's rows are printed.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

from kbtimeline.events.titles import retitle
from kbtimeline.extract import extract_events

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "data" / "sources" / "first-nagorno-karabakh-war.txt"
GOLD_RANGE = "0:22817"  # the extent of the dev gold; the rest of the article is held out
TARGET_MBPS, TARGET_VS_DATEPARSER, TARGET_MEMORY, TARGET_JOBS = 5.0, 20.0, 15.0, 1.9
WARM_UP_CHARS = 5_000  # enough to load dateparser's language data and compile every regex
# Both competitors are asked for the first day of a missing month or day instead
# of today's, so their output does not depend on the day the benchmark runs.
DATEPARSER_SETTINGS = {
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
    "PREFER_MONTH_OF_YEAR": "first",
}
DATEFINDER_BASE_DATE = datetime(1, 1, 1)
INSTALL_HINT = "pip install dateparser datefinder"


@dataclass(frozen=True)
class Mention:
    """A dated mention in score.py's plain shape: character span and inclusive day interval."""

    start: int
    end: int
    first: str
    last: str

    def to_json(self) -> str:
        record = {"start": self.start, "end": self.end, "from": self.first, "to": self.last}
        return json.dumps(record)


@dataclass(frozen=True)
class Tool:
    """One extractor: the call that is timed, and the untimed conversion of what it found."""

    name: str
    find: Callable[[str], list[Any]]
    mentions: Callable[[str, list[Any]], list[Mention]]
    on_large_corpus: bool = False  # dateparser would need minutes per run there


@dataclass(frozen=True)
class Row:
    """One measurement: a tool's throughput on a corpus, and its quality on the 1x text."""

    tool: str
    corpus: str
    mbps: float
    scores: tuple[float, float] | None = None  # value F1, relaxed F1
    unplaced: int = 0  # matches whose text could not be found, so went unscored


@dataclass(frozen=True)
class Scorer:
    """The shared dev gold and its score.py."""

    gold: Path
    script: Path

    @classmethod
    def under(cls, shared: Path) -> Scorer | None:
        scorer = cls(shared / "eval" / "dev-gold.jsonl", shared / "eval" / "score.py")
        return scorer if scorer.gold.is_file() and scorer.script.is_file() else None

    def f1(self, mentions: list[Mention]) -> tuple[float, float]:
        """Value and relaxed F1, from score.py run as its authors run it."""
        with tempfile.TemporaryDirectory() as work:
            system = Path(work) / "system.jsonl"
            system.write_text("".join(m.to_json() + "\n" for m in mentions), encoding="utf-8")
            command = [
                sys.executable,
                str(self.script),
                "--gold",
                str(self.gold),
                "--system",
                str(system),
                "--range",
                GOLD_RANGE,
            ]
            run = subprocess.run(command, capture_output=True, text=True, check=True)
        result = json.loads(run.stdout)
        return result["value"]["F1"], result["relaxed"]["F1"]

    def annotates(self, text: str) -> bool:
        """Whether the gold was annotated on this very text: its offsets are wrong otherwise."""
        lines = self.gold.read_text(encoding="utf-8").splitlines()
        items = [json.loads(line) for line in lines if line.strip()]
        return all(text[item["start"] : item["end"]] == item["text"] for item in items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (best taken)")
    parser.add_argument("--scale", type=int, default=100, help="copies of the text, large corpus")
    parser.add_argument("--process-scale", type=int, default=30, help="copies of the text, whole-process --fast")
    parser.add_argument("--parser-scale", type=int, default=5, help="copies of the text, whole-process parser titles")
    parser.add_argument("--hostile", action="store_true", help="also time the two hostile inputs (a few minutes)")
    parser.add_argument(
        "--shared",
        type=Path,
        default=ROOT.parent / "shared",
        help="directory holding eval/dev-gold.jsonl and eval/score.py",
    )
    args = parser.parse_args()
    if args.repeat < 1 or args.scale < 2:
        parser.error("--repeat must be at least 1 and --scale at least 2")

    cores = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    pinned = pin_to_one_core()
    text = ARTICLE.read_text(encoding="utf-8")
    large = f"{args.scale}x"
    # Paragraph breaks between copies keep one copy's last sentence out of the next.
    corpora = {"1x": text, large: "\n\n".join([text] * args.scale)}
    scorer = Scorer.under(args.shared)

    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}), "
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, {pinned}; "
        f"best of {args.repeat} (--repeat)"
    )
    print(
        f"text: {ARTICLE.relative_to(ROOT)}, 1x = {size_mb(text):.3f} MB, "
        f"{large} = {size_mb(corpora[large]):.2f} MB (MB = 10^6 bytes of UTF-8)\n"
    )
    # The whole-process runs come first: a child's peak memory counts this process's at the fork, so it is
    # taken while this process is still small (the competitors and the in-process runs make it grow).
    with contextlib.redirect_stdout(io.StringIO()) as whole_process:
        fast = print_whole_process(text, args, cores)
    tools, missing = available_tools()  # imports the competitors, which take much memory
    rows = [row for tool in tools for row in measure(tool, corpora, args.repeat, scorer)]
    print_table(rows)
    print_aims(rows, large)
    print_notes(rows, missing, size_mb(corpora[large]))
    print_quality_caveats(rows, scorer, args.shared, text)
    print(f"\npeak RSS of this process: {peak_rss_mb():.0f} MB")
    print(whole_process.getvalue(), end="")
    beside = ", ".join(f"{row.tool} {row.mbps:.2f} MB/s" for row in rows if row.tool != "kbtimeline")
    verdict = "met" if fast >= TARGET_MBPS else "NOT met"
    print(f"--fast, whole process: {fast:.2f} MB/s (aim >= {TARGET_MBPS:g} MB/s: {verdict})", end="")
    print(f"; in this run, in-process on 1x: {beside}" if beside else "")
    print(f"command: {shlex.join([sys.executable, *sys.argv])}")


def pin_to_one_core() -> str:
    """Restrict this process to one CPU, so every tool is measured on one core."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this OS)"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def available_tools() -> tuple[list[Tool], list[str]]:
    """kbtimeline, then each competitor that imports; the names of those that do not."""
    tools = [Tool("kbtimeline", kbtimeline_find, kbtimeline_mentions, on_large_corpus=True)]
    missing = []
    for name, load in (("dateparser", dateparser_tool), ("datefinder", datefinder_tool)):
        try:
            tools.append(load())
        except ImportError:
            missing.append(name)
    return tools, missing


def kbtimeline_find(text: str) -> list[Any]:
    """Dates with rule titles (``extract --fast``); bench/titles.py times the parser's titles."""
    return retitle(extract_events(text, "bench"), text, parser=False)


def kbtimeline_mentions(text: str, events: list[Any]) -> list[Mention]:
    return [Mention(*event.date_span, event.start.iso(), event.end.iso()) for event in events]


def dateparser_tool() -> Tool:
    """dateparser.search_dates, told the language so it does not try every one it knows."""
    from dateparser.search import search_dates

    def find(text: str) -> list[Any]:
        return search_dates(text, languages=["en"], settings=DATEPARSER_SETTINGS) or []

    return Tool("dateparser", find, located)


def datefinder_tool() -> Tool:
    """datefinder.find_dates, its (datetime, string) pairs turned round to dateparser's order.

    Its ``index=True`` offsets are not character offsets (they drift after the first
    non-ASCII character), so spans come from the matched string, as for dateparser.
    """
    import datefinder

    def find(text: str) -> list[Any]:
        found = datefinder.find_dates(text, source=True, base_date=DATEFINDER_BASE_DATE)
        return [(matched, when) for when, matched in found]

    return Tool("datefinder", find, located)


def located(text: str, found: Iterable[tuple[str, datetime]]) -> list[Mention]:
    """Character spans for (matched string, datetime) pairs, looked for in text order.

    Both competitors report the text they matched but no usable offsets, and one
    datetime rather than an interval: that day becomes both ends. They rewrite
    whitespace (a no-break space comes back as a space), so any run of whitespace
    matches any other. A string not found after the previous one is left out.
    """
    mentions, cursor = [], 0
    for matched, when in found:
        words = matched.split()
        hit = re.compile(r"\s+".join(map(re.escape, words))).search(text, cursor) if words else None
        if hit:
            cursor = hit.end()
            day = when.date().isoformat()
            mentions.append(Mention(hit.start(), hit.end(), day, day))
    return mentions


def measure(tool: Tool, corpora: dict[str, str], repeat: int, scorer: Scorer | None) -> list[Row]:
    """Throughput on each corpus the tool runs on; F1 from what it found in the 1x text."""
    tool.find(corpora["1x"][:WARM_UP_CHARS])  # lazy loading and regex compiling are not throughput
    rows = []
    for corpus, text in corpora.items():
        if corpus != "1x" and not tool.on_large_corpus:
            continue
        seconds, found = best_time(tool.find, text, repeat)
        if corpus == "1x" and scorer:
            mentions = tool.mentions(text, found)
            rows.append(
                Row(tool.name, corpus, size_mb(text) / seconds, scorer.f1(mentions), len(found) - len(mentions))
            )
        else:
            rows.append(Row(tool.name, corpus, size_mb(text) / seconds))
    return rows


def best_time(find: Callable[[str], list[Any]], text: str, repeat: int) -> tuple[float, list[Any]]:
    """The least CPU time of ``repeat`` runs (the least disturbed one) and what the last run found."""
    best, found = float("inf"), []
    for _ in range(repeat):
        started = time.process_time()
        found = find(text)
        best = min(best, time.process_time() - started)
    return best, found


@dataclass(frozen=True)
class Run:
    """One ``kbtimeline extract`` process: its CPU time, its own peak resident memory, its wall time.

    The CPU time and the peak take in the worker processes it waited for (``--jobs``).
    """

    cpu: float
    peak_mb: float
    wall: float = 0.0


def run_extract(arguments: list[str], cores: list[int] | None = None) -> Run:
    """``kbtimeline extract ARGUMENTS`` as a user runs it; its own rusage, from wait4.

    The child runs on this process's one core (``pin_to_one_core``), or on ``cores``. Setting
    them makes it a fork, not a vfork: a vfork'd child's peak memory takes in this process's
    own peak (a fork's, only what this process holds when it starts the child).
    """
    command = [sys.executable, "-m", "kbtimeline", "extract", *arguments]
    on = cores if cores is not None else os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    on_cores = None if on is None else lambda: os.sched_setaffinity(0, on)
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, preexec_fn=on_cores)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise SystemExit(f"{shlex.join(command)} failed with exit code {child.returncode}")
    peak = usage.ru_maxrss / 1e6 if sys.platform == "darwin" else usage.ru_maxrss * 1024 / 1e6
    return Run(usage.ru_utime + usage.ru_stime, peak, wall)


def median_run(arguments: list[str], repeat: int, cores: list[int] | None = None) -> Run:
    runs = [run_extract(arguments, cores) for _ in range(repeat)]
    return Run(
        statistics.median(run.cpu for run in runs),
        max(run.peak_mb for run in runs),
        statistics.median(run.wall for run in runs),
    )


def print_whole_process(text: str, args: argparse.Namespace, cores: list[int]) -> float:
    """The issue's figures: the whole ``extract`` process, --fast and parser titles, and hostile inputs.

    Returns the MB/s of --fast.
    """
    fast = 0.0
    print(f"\nwhole process, one core: kbtimeline extract --jobs 1, CPU time, median of {args.repeat}")
    print(f"{'mode':<24} {'corpus':>9} {'MB/s':>7} {'peak MB':>8} {'x doc':>6}  (x doc: peak / the document)")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        cases = [("--fast", args.process_scale, ["--fast"])]
        if parser_available():
            cases.append(("parser titles", args.parser_scale, []))
        for label, scale, flags in cases:
            # A corpus is many documents: one copy per file (one document of many copies would
            # mostly time the grouping of the same happenings told again and again).
            corpus = folder / label.strip("-").replace(" ", "-")
            corpus.mkdir()
            for copy in range(scale):
                (corpus / f"copy-{copy:03d}.txt").write_text(text, encoding="utf-8")
            mb = scale * size_mb(text)
            run = median_run([str(corpus), *flags, "--jobs", "1", "-o", str(folder / "out.json")], args.repeat)
            print(f"{label:<24} {mb:>7.2f}MB {mb / run.cpu:>7.2f} {run.peak_mb:>8.0f} {'-':>6}")
            fast = fast or mb / run.cpu
        print_jobs(folder / "fast", args.process_scale * size_mb(text), args.repeat, cores)
        if not parser_available():
            print("parser titles: not measured (spaCy or its model missing: pip install 'kbtimeline[nlp]')")
        if args.hostile:
            for label, hostile in hostile_inputs(text):
                path = folder / "hostile.txt"
                path.write_text(hostile, encoding="utf-8")
                del hostile  # not held by this process while the child runs (see ``run_extract``)
                mb = path.stat().st_size / 1e6
                run = run_extract([str(path), "--fast", "--jobs", "1", "-o", str(folder / "out.json")])
                print(
                    f"{label:<24} {mb:>7.2f}MB {mb / run.cpu:>7.2f} {run.peak_mb:>8.0f} {run.peak_mb / mb:>5.1f}x"
                    f"  ({run.cpu:.1f} s)"
                )
    print(f"aim: --fast >= {TARGET_MBPS:g} MB/s; peak memory <= {TARGET_MEMORY:g}x the largest document")
    return fast


def print_jobs(corpus: Path, mb: float, repeat: int, cores: list[int]) -> None:
    """``--fast --jobs 2`` against ``--jobs 1`` on the same corpus, both free to use two cores.

    A speed-up is a matter of wall time, which another process on the machine
    disturbs: the load average is printed beside it. The CPU time of both runs
    (workers included) shows what parallel work costs on its own: with no
    more CPU time, two idle cores give close to twice the speed.
    """
    if len(cores) < 2:
        print("--jobs 2 vs --jobs 1: not measured (fewer than two cores available)")
        return
    out = str(corpus.parent / "out.json")
    one, two = (median_run([str(corpus), "--fast", "--jobs", jobs, "-o", out], repeat, cores[:2]) for jobs in "12")
    print(f"\n--fast on two cores, {mb:.2f} MB, median of {repeat}: wall time (MB/s), CPU time of all its processes")
    for label, run in (("--jobs 1", one), ("--jobs 2", two)):
        print(
            f"{label:<9} wall {run.wall:6.2f} s ({mb / run.wall:5.2f} MB/s)"
            f"  CPU {run.cpu:6.2f} s  peak {run.peak_mb:4.0f} MB"
        )
    speed_up = one.wall / two.wall
    verdict = "met" if speed_up >= TARGET_JOBS else "NOT met"
    print(
        f"aim: --jobs 2 >= {TARGET_JOBS:g}x --jobs 1: {speed_up:.2f}x -> {verdict}"
        f" (CPU time {two.cpu / one.cpu:.2f}x; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs:"
        " wall time is only fair on an idle machine)"
    )


def parser_available() -> bool:
    from kbtimeline.events import parse

    return parse.available()


def hostile_inputs(text: str) -> Iterator[tuple[str, str]]:
    """20 MB of prose in one document, and a 5.7 MB flood of date-like tokens, one at a time."""
    copies = 20_000_000 // len(text.encode("utf-8")) + 1
    yield "hostile: 20 MB prose", "\n\n".join([text] * copies)
    tokens = "1991 – May 12 1,500 BC the winter of early 1990s "
    yield "hostile: date flood", tokens * (5_700_000 // len(tokens.encode("utf-8")))


def size_mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def print_table(rows: list[Row]) -> None:
    """One line per tool and corpus; the ratio is to kbtimeline on the same corpus."""
    reference = {row.corpus: row.mbps for row in rows if row.tool == "kbtimeline"}
    print(f"{'tool':<12} {'corpus':<7} {'MB/s':>8} {'x kbtimeline':>13} {'value F1':>9} {'relaxed F1':>11}")
    for row in rows:
        value, relaxed = (f"{f1:.3f}" for f1 in row.scores) if row.scores else ("-", "-")
        ratio = f"{row.mbps / reference[row.corpus]:.3f}x"
        print(f"{row.tool:<12} {row.corpus:<7} {row.mbps:>8.3f} {ratio:>13} {value:>9} {relaxed:>11}")
    print()


def print_aims(rows: list[Row], large: str) -> None:
    """The issue's two targets, met or not, in figures from this run."""
    speed = {(row.tool, row.corpus): row.mbps for row in rows}
    mbps = speed[("kbtimeline", large)]
    print(
        f"aim >= {TARGET_MBPS:g} MB/s on one core: kbtimeline {mbps:.2f} MB/s on {large} "
        f"-> {'met' if mbps >= TARGET_MBPS else 'NOT met'}"
    )
    if ("dateparser", "1x") in speed:
        ratio = speed[("kbtimeline", "1x")] / speed[("dateparser", "1x")]
        print(
            f"aim >= {TARGET_VS_DATEPARSER:g}x dateparser: kbtimeline {ratio:.1f}x as fast "
            f"on 1x -> {'met' if ratio >= TARGET_VS_DATEPARSER else 'NOT met'}"
        )
    else:
        print(f"aim >= {TARGET_VS_DATEPARSER:g}x dateparser: not measured (no dateparser)")


def print_notes(rows: list[Row], missing: list[str], large_mb: float) -> None:
    """How the competitors were called and why they have fewer rows."""
    print("\nnotes:")
    print("- kbtimeline's extract_events is single-threaded; every tool ran in this one process.")
    competitors = {row.tool: row.mbps for row in rows if row.tool != "kbtimeline"}
    if "dateparser" in competitors:
        print(
            f"- dateparser {version('dateparser')}: search_dates(text, languages=['en'],\n"
            f"    settings={DATEPARSER_SETTINGS})"
        )
    if "datefinder" in competitors:
        engine = os.environ.get("DATEFINDER_DEFAULT_ENGINE", "v2")
        base = DATEFINDER_BASE_DATE
        print(
            f"- datefinder {version('datefinder')} (engine {engine}): find_dates(text, "
            f"source=True, base_date=datetime({base.year}, {base.month}, {base.day}))"
        )
    if competitors:
        seconds = large_mb / min(competitors.values())
        print(f"- competitors timed on 1x only: the slowest would need ~{seconds:.0f} s per run on the large corpus.")
    if missing:
        print(f"- {' and '.join(missing)} not installed, so not compared: {INSTALL_HINT}")


def print_quality_caveats(rows: list[Row], scorer: Scorer | None, shared: Path, text: str) -> None:
    """What the F1 columns can and cannot say."""
    if scorer is None:
        print(f"- quality skipped: no eval/dev-gold.jsonl and eval/score.py under {shared}")
        return
    print(f"- F1: score.py on the dev gold, characters {GOLD_RANGE} of the 1x text.")
    if any(row.tool != "kbtimeline" for row in rows):
        print(
            "- dateparser and datefinder return one datetime per match, not an interval: scored\n"
            "    as from = to = that day, so a year or month mention never has the gold's value."
        )
    for row in rows:
        if row.unplaced:
            print(f"- {row.tool}: {row.unplaced} matched strings not found in the text, unscored")
    if not scorer.annotates(text):
        print(f"- WARNING: the dev gold's spans do not fit {ARTICLE.name}: its F1 is meaningless")


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports KiB, macOS bytes)."""
    import resource  # Unix only, and needed only here

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1e6 if sys.platform == "darwin" else peak * 1024 / 1e6


if __name__ == "__main__":
    main()
