"""A document's own date (dateline, date line), and what extract says about document dates."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kbtimeline.extract import extract
from kbtimeline.extract.dateline import document_date
from kbtimeline.model import Day

DATELINES = [
    ("WASHINGTON (AP) — March 22, 2013 — The Senate voted.", Day(2013, 3, 22), "news dateline with dashes"),
    ("Friday, 22 March 2013\n\nThe Senate voted.", Day(2013, 3, 22), "a date line with its weekday"),
    ("2013-03-22\nThe Senate voted.", Day(2013, 3, 22), "an ISO date line"),
    ("Minutes of the meeting\n14 May 1998\n\nPresent: all.", Day(1998, 5, 14), "a date line under a title"),
    ("On 8 May 1992 the town fell after a siege by forces that came from the north.", None,
     "a date in the story's first sentence is not the document's date"),
    ("The war began.\nIt ended on 8 May 1992 after long fighting in the hills of the region.", None,
     "a date inside a sentence"),
    ("March 1992\nThe month began.", None, "a month is not a day"),
    ("", None, "empty text"),
    ("The story begins here and goes on.\n" * 20 + "8 May 1992\n", None, "a date line after the story began"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "day", "reason"), DATELINES, ids=[row[-1] for row in DATELINES])
def test_document_date(text, day, reason):
    assert document_date(text) == day


def test_left_out_phrases_are_counted_without_a_reference_date():
    text = "Prices rose last year. Two days ago it fell. In 1992 it rose."
    assert extract(text).left_out == 2
    assert extract(text, reference_date=Day(2000, 1, 1)).left_out == 0


def _kbtimeline(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kbtimeline", *args], capture_output=True, text=True, timeout=60)


def test_reference_date_auto_reads_the_dateline_and_says_so(tmp_path: Path):
    path = tmp_path / "news.txt"
    path.write_text("WASHINGTON (AP) — March 22, 2013 — The Senate voted Friday. Last year it failed.\n")
    result = _kbtimeline("extract", str(path), "--reference-date", "auto", "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(event["date_text"], event["start"]) for event in events] == [
        ("March 22, 2013", "2013-03-22"),
        ("Friday", "2013-03-22"),
        ("Last year", "2012-01-01"),
    ]
    assert result.stderr == f"kbtimeline: {path}: reference date 2013-03-22, read from its date line\n"


def test_extract_says_how_many_phrases_it_left_out(tmp_path: Path):
    path = tmp_path / "news.txt"
    path.write_text("The Senate voted in 1992. Last year it failed. Three days ago it passed.\n")
    result = _kbtimeline("extract", str(path), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    assert [json.loads(line)["date_text"] for line in result.stdout.splitlines()] == ["1992"]
    assert result.stderr == (
        f'kbtimeline: {path}: 2 phrases relative to the time of writing ("last year", "two days ago") '
        "left out: no reference date (--reference-date)\n"
    )


def test_reference_date_auto_without_a_dateline(tmp_path: Path):
    path = tmp_path / "story.txt"
    path.write_text("The Senate voted in 1992.\n")
    result = _kbtimeline("extract", str(path), "--reference-date", "auto", "--format", "jsonl")
    assert result.returncode == 0
    assert "no date line" in result.stderr
