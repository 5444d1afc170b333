"""The shipped data/events.json is exactly what the tool makes from data/sources/."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from kbtimeline.events import parse


@pytest.mark.skipif(not parse.available(), reason="data/events.json has the parser's titles: pip install '.[nlp]'")
def test_bundled_events_are_regenerated_by_the_tool():
    sources = sorted((ROOT / "data" / "sources").glob("*.txt"))
    assert sources, "no bundled sources"
    result = subprocess.run(
        [sys.executable, "-m", "kbtimeline", "extract", *map(str, sources), "--format", "json"],
        capture_output=True, text=True, encoding="utf-8", check=True,
    )  # fmt: skip
    committed = (ROOT / "data" / "events.json").read_text(encoding="utf-8")
    assert result.stdout == committed, "data/events.json is stale: run the command in the README to regenerate it"


def test_bundled_source_is_the_seed_text():
    """Offsets must agree with the reference annotations, so the text is kept byte for byte."""
    text = (ROOT / "data" / "sources" / "first-nagorno-karabakh-war.txt").read_bytes()
    assert len(text) == 115725 and text.startswith(b"The First Nagorno-Karabakh War was")
