"""Extraction quality against the reference annotations in ../shared (when present).

    python bench/quality.py [--shared ../shared] [--errors N] [--baseline REV]

Prints value/relaxed F1 on the dev gold of the bundled article (score.py), on
WikiWars documents 01–16 (narrative) and on TBAQ (TimeBank + AQUAINT news, each
document read with its creation date as ``reference_date``), both scored by
score_timex.py. The dev gold and WikiWars are scored twice: for the records
(what ``extract`` writes) and for every date found, apparatus included. Both
annotations mark dates in headings and table captions ("Diem era,
1955-1963"), which give no record, so the second figure is the one to compare
with date finding before apparatus was left out. TIMEX2/TIMEX3 write a range
"1751–1777" as two expressions, so for those corpora each range event is
handed to the scorer as its two ``parts``; the dev gold uses our own guideline
and gets the events as they are.

``--baseline REV`` scores the extractor of a git revision (or of another
checkout's folder) in the same run, printed first, so before and after sit side
by side: ``python bench/quality.py --shared ../shared --baseline c186219``
(an extractor older than the apparatus work is scored for its records only).
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
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
    events = extract_events(text, "first-nagorno-karabakh-war", **({"apparatus": True} if apparatus else {}))
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
            events = extract_events(
                text, path.stem, WIKIWARS_CREATION_DATE, **({"apparatus": True} if apparatus else {})
            )
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


def score_tbaq(shared: Path, errors: int) -> None:
    """News: every document read relative to its creation date, as a news reader does.

    Each part (TimeBank, AQUAINT) is scored on its own, then both together (all 256
    articles, gold and system files side by side in one folder)."""
    with tempfile.TemporaryDirectory() as gold_dir, tempfile.TemporaryDirectory() as out_dir:
        for name in ("tbaq-timebank", "tbaq-aquaint"):
            corpus = shared / "external" / name
            meta = json.loads((corpus / "meta.json").read_text(encoding="utf-8"))
            with tempfile.TemporaryDirectory() as part_dir:
                for doc, info in meta["docs"].items():
                    with open(corpus / f"{doc}.txt", encoding="utf-8", newline="") as handle:
                        text = handle.read()
                    year, month, day = (int(field) for field in info["dct"][:10].split("-"))
                    events = extract_events(text, doc, Day(year, month, day))
                    lines = [json.dumps(m, ensure_ascii=False) for event in events for m in as_timex_mentions(event)]
                    for folder in (part_dir, out_dir):
                        (Path(folder) / f"{doc}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
                    for suffix in (".txt", ".gold.jsonl"):
                        (Path(gold_dir) / f"{doc}{suffix}").symlink_to(corpus / f"{doc}{suffix}")
                _score_timex(shared, corpus, Path(part_dir), f"TBAQ {name[5:]}", errors)
        _score_timex(shared, Path(gold_dir), Path(out_dir), "TBAQ both (256 articles)", 0)


def _score_timex(shared: Path, gold: Path, system: Path, label: str, errors: int) -> None:
    command = [
        sys.executable,
        str(shared / "eval" / "score_timex.py"),
        "--gold",
        str(gold),
        "--system",
        str(system),
        "--json",
    ]
    result = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    value, relaxed = result["value_interval"], result["relaxed"]
    print(
        f"{label}: value F1 {value['f1']:.3f} (P {value['precision']:.3f}, R {value['recall']:.3f}), "
        f"relaxed F1 {relaxed['f1']:.3f}, strict F1 {result['strict']['f1']:.3f}"
    )
    if errors:
        command = [*command[:-1], "--show-errors", str(errors)]
        print(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--errors", type=int, default=0, help="list up to N errors of each kind")
    parser.add_argument("--baseline", help="a git revision (e.g. c186219) or another checkout, scored first")
    parser.add_argument("--only", choices=("dev", "wikiwars", "tbaq"), help="score one corpus only")
    args = parser.parse_args()
    if not (args.shared / "eval").is_dir():
        sys.exit(f"no reference annotations at {args.shared}: pass --shared")
    if args.baseline:
        print(f"== baseline: {args.baseline}", flush=True)
        only = ["--only", args.only] if args.only else []
        with tempfile.TemporaryDirectory() as unpacked:
            checkout = Path(args.baseline)
            if not checkout.is_dir():  # a git revision: its src/ unpacked in a temporary folder
                archive = subprocess.run(
                    ["git", "-C", str(ROOT), "archive", args.baseline, "src"], capture_output=True, check=True
                ).stdout
                subprocess.run(["tar", "-x", "-C", unpacked], input=archive, check=True)
                checkout = Path(unpacked)
            environment = {**os.environ, "PYTHONPATH": str(checkout.resolve() / "src")}
            subprocess.run([sys.executable, __file__, "--shared", str(args.shared), *only], env=environment, check=True)
        print(f"== this checkout: {ROOT}", flush=True)
    knows_apparatus = "apparatus" in inspect.signature(extract_events).parameters
    for apparatus in (False, True) if knows_apparatus else (False,):
        if args.only in (None, "dev"):
            score_dev_gold(args.shared, args.errors, apparatus)
        if args.only in (None, "wikiwars"):
            score_wikiwars(args.shared, args.errors, apparatus)
    if args.only in (None, "tbaq"):
        score_tbaq(args.shared, args.errors)


if __name__ == "__main__":
    main()
