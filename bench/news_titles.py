"""News titles to read: a seeded sample of dated records of TBAQ news, both modes, beside a baseline's.

    python bench/news_titles.py [--shared ../shared] [--sample 40] [--seed 2024] [--baseline SRC] [--out PATH]

Each TBAQ document (TimeBank + AQUAINT) is read with its creation date as
``reference_date``; the documents held out for the round's blind judgement are
left out. For ``--sample`` records drawn with ``--seed`` it prints the
sentence, the date phrase and the title of the rules (``extract --fast``) and
of the parser; with ``--baseline SRC`` (the ``src`` folder of another
checkout, e.g. the main branch) the baseline's titles of the same records
first. Readability is judged by a person reading this list; the script grades
nothing. ``--out PATH`` writes the rows as JSON lines for a judge.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
from pathlib import Path

from kbtimeline.events import parse
from kbtimeline.events.titles import retitle
from kbtimeline.extract import extract_events
from kbtimeline.model import Day

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ("tbaq-timebank", "tbaq-aquaint")
# Reserved for a blind judgement of titles: never read here.
HELD_OUT = frozenset("NYT20000406.0002 APW19980301.0720 wsj_0583 AP900815-0044 wsj_0568 APW19980501.0480".split())


def rows(shared: Path) -> list[dict[str, str]]:
    """Every dated record of the news documents, in document order, with its title in each mode."""
    modes = {"fast": False, **({"parser": True} if parse.available() else {})}
    found = []
    for corpus in CORPORA:
        folder = shared / "external" / corpus
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))["docs"]
        for name, info in sorted(meta.items()):
            if name in HELD_OUT or name[:1].isdigit():
                continue
            text = (folder / f"{name}.txt").read_text(encoding="utf-8")
            events = extract_events(text, name, Day(*map(int, info["dct"][:10].split("-"))))
            titled = {mode: retitle(events, text, parser=on) for mode, on in modes.items()}
            for index, event in enumerate(events):
                row = {"doc": name, "date": event.date_text, "sentence": text[event.span[0] : event.span[1]]}
                found.append(row | {mode: titled[mode][index].title for mode in modes})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--sample", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--baseline", type=Path, help="the src folder of another checkout: its titles first")
    parser.add_argument("--out", type=Path, help="write the sampled rows as JSON lines")
    parser.add_argument("--all-json", action="store_true", help=argparse.SUPPRESS)  # the baseline's run
    args = parser.parse_args()
    found = rows(args.shared)
    if args.all_json:
        json.dump(found, sys.stdout)
        return
    before = None
    if args.baseline is not None:
        command = [sys.executable, __file__, "--shared", str(args.shared), "--all-json"]
        environment = os.environ | {"PYTHONPATH": str(args.baseline.resolve())}
        before = json.loads(subprocess.run(command, env=environment, capture_output=True, check=True).stdout)
        if [(row["doc"], row["date"]) for row in before] != [(row["doc"], row["date"]) for row in found]:
            sys.exit("the baseline finds other dates: its titles cannot be set beside these")
    chosen = sorted(random.Random(args.seed).sample(range(len(found)), min(args.sample, len(found))))
    print(f"{len(chosen)} of {len(found)} dated news records, seed {args.seed}")
    for number, index in enumerate(chosen):
        row = found[index]
        print(f"#{number} {row['doc']} [{row['date']}] {row['sentence'][:300]!r}")
        for mode in ("fast", "parser"):
            if mode in row:
                if before is not None and before[index].get(mode) != row[mode]:
                    print(f"   {mode:6} before: {before[index].get(mode)}")
                print(f"   {mode:6}: {row[mode]}")
    if args.out is not None:
        args.out.write_text("".join(json.dumps(found[index]) + "\n" for index in chosen), encoding="utf-8")


if __name__ == "__main__":
    main()
