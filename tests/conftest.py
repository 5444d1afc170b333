"""Shared fixtures: paths into the repository, never into ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BUNDLED_SOURCE = ROOT / "data" / "sources" / "first-nagorno-karabakh-war.txt"


@pytest.fixture(scope="session")
def bundled_text() -> str:
    return BUNDLED_SOURCE.read_text(encoding="utf-8")
