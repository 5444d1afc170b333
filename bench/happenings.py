"""Kinds, apparatus and happenings of the bundled article against its hand labels (when present).

    python bench/happenings.py [--shared ../shared] [--list] [--parser] [--unseen]

The labels (``eval/quality/bundled.labels.jsonl``) judge every record the
bundled article gave before the events work: its kind (event, background,
apparatus) and ``dup_of``, the earliest record of the same happening. Records
are matched to labels by ``date_span``. Prints, beside the same figures for
the labelled records as they were (every record an event of its own):

- apparatus records left (target 0);
- the kind confusion (labels' background = our context);
- the share of labelled duplicate pairs (a record and its ``dup_of``) that
  share a happening (target >= 90%);
- the share of happenings that join records the labels keep apart
  (target <= 5%), over all happenings and over those with two records or more.

With ``--unseen``, also the texts no label judges (WikiWars dev, TBAQ news):
per corpus, its records and how many of them are in a happening of two
records or more, a figure to set beside the same run on another revision;
a change that moves it is read by hand, join by join.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from kbtimeline.model import Day, Event
from kbtimeline.pipeline import records

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "first-nagorno-karabakh-war"


def figures(events: list[Event], labels: dict[tuple[int, int], dict], show: bool) -> dict[str, object]:
    """The four figures of the module docstring for ``events``."""
    found = {event.date_span: event for event in events}
    matched = [(labels[span], event) for span, event in found.items() if span in labels]
    apparatus = [event for label, event in matched if label["kind"] == "apparatus"]
    confusion = Counter((label["kind"], event.kind) for label, event in matched if label["kind"] != "apparatus")
    by_id = {label["id"]: label for label in labels.values()}
    spans = [(tuple(label["date_span"]), tuple(by_id[label["dup_of"]]["date_span"])) for label in labels.values()
             if label["dup_of"]]  # fmt: skip
    pairs = [(found[member], found[head]) for member, head in spans if member in found and head in found]
    joined = [pair for pair in pairs if pair[0].happening == pair[1].happening]
    group_of = {tuple(label["date_span"]): label["dup_of"] or label["id"] for label in labels.values()}
    happenings: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        happenings[event.happening].append(event)
    apart = [
        members for members in happenings.values()
        if len({group_of[event.date_span] for event in members if event.date_span in group_of}) > 1
    ]  # fmt: skip
    multiple = [members for members in happenings.values() if len(members) > 1]
    if show:
        for event in apparatus:
            print(f"  apparatus left: {event.date_text!r}: {event.text[:100]!r}")
        for label, event in matched:
            if label["kind"] != "apparatus" and (label["kind"] == "event") != (event.kind == "event"):
                print(f"  label {label['kind']}, ours {event.kind}: {event.date_text!r}: {event.text[:100]!r}")
        for first, second in pairs:
            if first.happening != second.happening:
                print(
                    f"  not joined: {second.date_text!r} {second.text[:70]!r} / {first.date_text!r} {first.text[:70]!r}"
                )
        for members in apart:
            print("  over-merged: " + " / ".join(f"{event.date_text!r} {event.text[:50]!r}" for event in members))
    return {
        "records": len(events),
        "apparatus left": len(apparatus),
        "kind (label -> ours)": dict(sorted(confusion.items())),
        "duplicate pairs joined": f"{len(joined)}/{len(pairs)} = {len(joined) / max(1, len(pairs)):.0%}",
        "happenings joining apart": f"{len(apart)}/{len(happenings)} = {len(apart) / max(1, len(happenings)):.1%}"
        f" (of those with 2+ records: {len(apart)}/{len(multiple)})",
    }


def unseen(shared: Path) -> None:
    """Records, and records in happenings of two or more, per external corpus (fast mode)."""
    wikiwars_date = Day(2009, 12, 19)  # the corpus' document creation time (its meta.json)
    for name in ("wikiwars-dev", "tbaq-timebank", "tbaq-aquaint"):
        corpus = shared / "external" / name
        dates = {
            doc: info["dct"]
            for doc, info in json.loads((corpus / "meta.json").read_text("utf-8")).get("docs", {}).items()
        }
        total = joined = 0
        for path in sorted(corpus.glob("*.txt")):
            with open(path, encoding="utf-8", newline="") as handle:
                text = handle.read()
            dct = dates.get(path.stem)
            reference = Day(*(int(field) for field in dct[:10].split("-"))) if dct else wikiwars_date
            events = records(text, path.stem, reference).events
            sizes = Counter(event.happening for event in events)
            total += len(events)
            joined += sum(size for size in sizes.values() if size > 1)
        print(f"{name:28} {total} records, {joined} in happenings of 2+ records")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--list", action="store_true", help="list every apparatus left, kind error and pair missed")
    parser.add_argument("--parser", action="store_true", help="titles from spaCy's parse, as extract does by default")
    parser.add_argument("--unseen", action="store_true", help="also count joins on WikiWars dev and TBAQ news")
    args = parser.parse_args()
    path = args.shared / "eval" / "quality" / "bundled.labels.jsonl"
    if not path.is_file():
        sys.exit(f"no labels at {path}: pass --shared")
    labels = {tuple(label["date_span"]): label for label in map(json.loads, path.read_text("utf-8").splitlines())}
    text = (ROOT / "data" / "sources" / f"{SOURCE}.txt").read_text(encoding="utf-8")
    for name, value in figures(records(text, SOURCE, None, parser=args.parser).events, labels, args.list).items():
        print(f"{name:28} {value}")
    kinds = Counter(label["kind"] for label in labels.values())
    pairs = sum(1 for label in labels.values() if label["dup_of"])
    print(
        f"baseline, the labelled records as they were (every one an event of its own): {len(labels)} records, "
        f"apparatus {kinds['apparatus']}, background shown as event {kinds['background']}/{kinds['background']}, "
        f"duplicate pairs joined 0/{pairs}, happenings joining apart 0"
    )
    if args.unseen:
        unseen(args.shared)


if __name__ == "__main__":
    main()
