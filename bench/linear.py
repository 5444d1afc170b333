"""Is extraction linear in one document? ``extract --fast`` on one document of N MB, for several N.

Issue 13 asks that time stay linear in the input and peak memory stay at most
15x the largest document on any text. A pass over a whole document that
compares its parts with each other (grouping's joins, say) hides on a corpus
of many small documents and shows on one large one: here each size is one
document built as ``bench/extract.py --hostile`` builds its 20 MB one (the
bundled article repeated, a paragraph break between copies), and the date
flood. For each, the whole ``kbtimeline extract --fast`` process: CPU time
(user + system) as MB/s, and the child's peak memory as a multiple of the
document. Flat MB/s across sizes is linear time.

``--baseline REV`` runs a git revision (or another checkout) first, on the
same files in the same run, and says whether its output is byte for byte the
same (a bound that keeps ordinary documents unchanged still changes these).

    python bench/linear.py [--sizes 2 4 8 20] [--flood] [--baseline REV]
"""

from __future__ import annotations

import argparse
import filecmp
import functools
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from extract import ARTICLE, ROOT, TARGET_MEMORY, hostile_inputs, run_extract


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=float, nargs="+", default=[2, 4, 8], help="document sizes in MB")
    parser.add_argument("--flood", action="store_true", help="also the 5.7 MB flood of date-like tokens")
    parser.add_argument("--baseline", help="a git revision or another checkout, run first on each document")
    args = parser.parse_args()
    text = ARTICLE.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        trees = {"this checkout": ROOT / "src"}
        if args.baseline:
            trees = {f"baseline {args.baseline}": _unpacked(args.baseline, folder), **trees}
        # Built one at a time, each dropped before the next: a child's peak counts this process's at the fork.
        documents = {f"{size:g} MB prose": functools.partial(_repeated, text, size) for size in args.sizes}
        if args.flood:
            documents["date flood"] = lambda: list(hostile_inputs(text))[1][1]
        print(f"{'document':<14} {'tree':<24} {'MB':>6} {'CPU s':>7} {'MB/s':>7} {'peak MB':>8} {'x doc':>6}")
        for name, build in documents.items():
            path = folder / "document.txt"
            path.write_text(build(), encoding="utf-8")
            size = path.stat().st_size / 1e6
            outputs = []
            for tree, source in trees.items():
                out = folder / f"{len(outputs)}.jsonl"
                os.environ["PYTHONPATH"] = str(source)
                run = run_extract(
                    [str(path), "--fast", "--format", "jsonl", "--jobs", "1", "--no-sources", "-o", str(out)]
                )
                outputs.append(out)
                print(
                    f"{name:<14} {tree:<24} {size:>6.2f} {run.cpu:>7.1f} {size / run.cpu:>7.3f} "
                    f"{run.peak_mb:>8.0f} {run.peak_mb / size:>5.1f}x"
                )
            if len(outputs) == 2:
                print(f"{'':<14} output {'identical' if filecmp.cmp(*outputs, shallow=False) else 'differs'}")
    print(f"aim: flat MB/s across sizes (linear time); peak at most {TARGET_MEMORY:g}x the document")


def _repeated(text: str, mb: float) -> str:
    """One document of about ``mb`` MB: the article repeated, as ``hostile_inputs`` builds its 20 MB one."""
    copies = int(mb * 1_000_000) // len(text.encode("utf-8")) + 1
    return "\n\n".join([text] * copies)


def _unpacked(baseline: str, folder: Path) -> Path:
    """The src/ of ``baseline``: another checkout's, or a git revision's unpacked under ``folder``."""
    if Path(baseline).is_dir():
        return Path(baseline).resolve() / "src"
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", baseline, "src"], capture_output=True, check=True)
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder / "src"


if __name__ == "__main__":
    sys.exit(main())
