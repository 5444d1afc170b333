"""Shared fixtures: paths into the repository, never into ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# The property tests draw the same examples on every run, so a suite that passed passes again and CI judges
# the change, not the luck of the draw. To search further: pytest --hypothesis-profile=explore
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile("default")

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_SOURCE = ROOT / "data" / "sources" / "first-nagorno-karabakh-war.txt"


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return BUNDLED_SOURCE.read_text(encoding="utf-8")
