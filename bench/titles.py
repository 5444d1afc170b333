"""Titles: mechanical faults in both modes, extraction speed of both modes, files for a blind review.

    python bench/titles.py [--shared ../shared] [--before OLD_EVENTS.json] [--scale 20] [--judge-out PATH]

Prints, for the bundled article and (when ../shared is there) the WikiWars dev
articles, the share of titles with a fault found by eval/title_lint.py (a
floor, not the rubric: readability is judged blind by a person), for the
rules (``extract --fast``) and for the parser; with ``--before`` the same for
the titles of an older events file, as the baseline. Then the speed of
extraction on one core: dates only, dates + rule titles, dates + parser titles,
on the bundled text repeated ``--scale`` times.

``--judge-out PATH`` writes, for each record labelled in
eval/quality/bundled.labels.jsonl (matched by date span), a JSON line with the
sentence, when and title only, in the labels' order, for a judge who does not
know which system wrote them; the rule titles go to PATH with "-fast" before
its suffix. This script grades nothing by the labels.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import shlex
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from extract import pin_to_one_core, size_mb  # bench/extract.py: the same core pinning and MB
from kbtimeline.events import parse
from kbtimeline.events.titles import retitle
from kbtimeline.extract import extract_events
from kbtimeline.model import Day, Event

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "data" / "sources" / "first-nagorno-karabakh-war.txt"
WIKIWARS_CREATION_DATE = Day(2009, 12, 19)
TARGET_FAULTS = 0.03


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--before", type=Path, help="an events file whose titles are the baseline")
    parser.add_argument("--scale", type=int, default=20, help="copies of the bundled text for the speed runs")
    parser.add_argument("--judge-out", type=Path, help="write the labelled records' titles for a blind review")
    args = parser.parse_args()
    lint = _title_lint(args.shared)
    modes = {"rules": False, **({"parser": True} if parse.available() else {})}
    if "parser" not in modes:
        print("spaCy or its model is not installed (pip install '.[nlp]'): rules only")
    text = ARTICLE.read_text(encoding="utf-8")
    titled = {name: retitle(extract_events(text, ARTICLE.stem), text, parser=on) for name, on in modes.items()}

    if lint is None:
        print(f"no eval/title_lint.py under {args.shared}: title faults not measured")
    else:
        print(f"title_lint faults (aim < {TARGET_FAULTS:.0%}), share of titles:")
        if args.before:
            before = [record["title"] for record in json.loads(args.before.read_text(encoding="utf-8"))]
            _print_faults(f"bundled, before ({args.before})", before, lint)
        for name, events in titled.items():
            _print_faults(f"bundled, {name}", [event.title for event in events], lint)
        for name, on in modes.items():
            corpus = sorted((args.shared / "external" / "wikiwars-dev").glob("*.txt"))
            titles = [event.title for path in corpus for event in _wikiwars(path, on)]
            if titles:
                _print_faults(f"WikiWars dev 01–16 (unseen), {name}", titles, lint)

    print(f"\nspeed, one core ({pin_to_one_core()}), bundled text x{args.scale}:")
    large = "\n\n".join([text] * args.scale)
    runs: dict[str, Callable[[str], list[Event]]] = {"dates only (extract_events)": lambda t: extract_events(t, "b")}
    for name, on in modes.items():
        runs[f"dates + {name} titles"] = lambda t, on=on: retitle(extract_events(t, "b"), t, parser=on)
    if "parser" in modes:
        retitle(extract_events(text[:3000], "b"), text[:3000], parser=True)  # the model's loading is not throughput
    baseline = None
    for name, run in runs.items():
        started = time.perf_counter()
        run(large)
        mbps = size_mb(large) / (time.perf_counter() - started)
        baseline = baseline or mbps
        print(f"  {name:<30} {mbps:8.3f} MB/s  ({mbps / baseline:.3f}x dates only)")

    if args.judge_out:
        _write_for_judging(args.shared, args.judge_out, titled)
    print(f"\ncommand: {shlex.join([sys.executable, *sys.argv])}")


def _title_lint(shared: Path) -> Callable[[str], str | None] | None:
    path = shared / "eval" / "title_lint.py"
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("title_lint", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module.lint


def _wikiwars(path: Path, parser: bool) -> list[Event]:
    text = path.read_text(encoding="utf-8")
    return retitle(extract_events(text, path.stem, WIKIWARS_CREATION_DATE), text, parser=parser)


def _print_faults(name: str, titles: list[str], lint: Callable[[str], str | None]) -> None:
    faults = Counter(reason for title in titles if (reason := lint(title)) is not None)
    share = sum(faults.values()) / len(titles) if titles else 0.0
    kinds = ", ".join(f"{reason} {count}" for reason, count in faults.most_common())
    print(f"  {name:<45} {share:6.1%} of {len(titles)}  {kinds}")


def _write_for_judging(shared: Path, out: Path, titled: dict[str, list[Event]]) -> None:
    labels_path = shared / "eval" / "quality" / "bundled.labels.jsonl"
    if not labels_path.is_file():
        print(f"no {labels_path}: nothing written for judging")
        return
    labels = [json.loads(line) for line in labels_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for name, events in titled.items():
        by_span = {event.date_span: event for event in events}
        path = out if name == "parser" or len(titled) == 1 else out.with_name(f"{out.stem}-fast{out.suffix}")
        lines, missing = [], 0
        for label in labels:
            event = by_span.get(tuple(label["date_span"]))
            if event is None:
                missing += 1
                continue
            lines.append(
                json.dumps({"sentence": event.text, "when": event.when, "title": event.title}, ensure_ascii=False)
            )
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"for judging ({name} titles): {path}, {len(lines)} records ({missing} labelled spans not extracted)")


if __name__ == "__main__":
    main()
