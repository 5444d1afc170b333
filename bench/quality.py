"""Extraction quality against the reference annotations in ../shared (when present).

    python bench/quality.py [--shared ../shared] [--errors N]

Prints value/relaxed F1 on the dev gold of the bundled article (score.py) and
on WikiWars documents 01–16 (score_timex.py), twice: for the records (what
``extract`` writes) and for every date found, apparatus included. Both
annotations mark dates in headings and table captions ("Diem era,
1955-1963"), which give no record, so the second figure is the one to
compare with date finding before apparatus was left out. TIMEX2, WikiWars' scheme, writes
a range "1751–1777" as two expressions, so for WikiWars each range event is
handed to the scorer as its two ``parts``; the dev gold uses our own guideline
and gets the events as they are.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from kbtimeline.extract import extract_events
from kbtimeline.model import Day, Event

ROOT = Path(__file__).resolve().parent.parent
WIKIWARS_CREATION_DATE = Day(2009, 12, 19)  # the corpus' document creation time (meta.json)
LABEL = {False: ", records", True: ", all dates incl. apparatus"}


def as_timex_mentions(event: Event) -> list[dict]:
    """One mention per range end (TIMEX2 convention), else the event itself."""
    ends = event.parts or [event]
    return [{"date_span": list(end.date_span), "start": end.start.iso(), "end": end.end.iso()} for end in ends]


def score_dev_gold(shared: Path, errors: int, apparatus: bool) -> None:
    text = (ROOT / "data" / "sources" / "first-nagorno-karabakh-war.txt").read_text(encoding="utf-8")
    events = extract_events(text, "first-nagorno-karabakh-war", apparatus=apparatus)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
        for event in events:
            out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
    command = [
        sys.executable,
        str(shared / "eval" / "score.py"),
        "--gold",
        str(shared / "eval" / "dev-gold.jsonl"),
        "--system",
        out.name,
        "--range",
        "0:22817",
        "--errors",
        str(errors),
    ]
    result = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    print(
        f"dev gold (bundled article, 0:22817){LABEL[apparatus]}: value F1 {result['value']['F1']:.3f}, "
        f"relaxed F1 {result['relaxed']['F1']:.3f}, strict F1 {result['strict']['F1']:.3f} "
        f"({result['system']} found, {result['gold']} gold)"
    )
    if errors:
        print(
            json.dumps(
                {key: result[key] for key in ("wrong_value", "missed", "spurious")}, indent=1, ensure_ascii=False
            )
        )


def score_wikiwars(shared: Path, errors: int, apparatus: bool) -> None:
    corpus = shared / "external" / "wikiwars-dev"
    with tempfile.TemporaryDirectory() as out_dir:
        for path in sorted(corpus.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            events = extract_events(text, path.stem, WIKIWARS_CREATION_DATE, apparatus=apparatus)
            lines = [json.dumps(m, ensure_ascii=False) for event in events for m in as_timex_mentions(event)]
            (Path(out_dir) / f"{path.stem}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        command = [
            sys.executable,
            str(shared / "eval" / "score_timex.py"),
            "--gold",
            str(corpus),
            "--system",
            out_dir,
            "--json",
        ]
        result = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        print(
            f"WikiWars dev (01–16){LABEL[apparatus]}: value F1 {result['value_interval']['f1']:.3f}, "
            f"relaxed F1 {result['relaxed']['f1']:.3f}, strict F1 {result['strict']['f1']:.3f}"
        )
        if errors:
            command = [*command[:-1], "--show-errors", str(errors)]
            print(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", type=int, default=0, help="list up to N errors of each kind")
    args = parser.parse_args()
    if not (args.shared / "eval").is_dir():
        sys.exit(f"no reference annotations at {args.shared}: pass --shared")
    for apparatus in (False, True):
        score_dev_gold(args.shared, args.errors, apparatus)
        score_wikiwars(args.shared, args.errors, apparatus)


if __name__ == "__main__":
    main()
