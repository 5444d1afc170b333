"""The real ``kbtimeline explore`` in a real terminal (tmux): keys sent, the screen read back.

Skipped where tmux is missing (CI installs it: .ci/run).
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from test_explore_data import spread
from timeline_fixtures import make_data_dir, write_events

TMUX = shutil.which("tmux")
SCRIPT = shutil.which("kbtimeline", path=str(Path(sys.executable).parent))
pytestmark = pytest.mark.skipif(TMUX is None, reason="tmux is not installed (apt-get install tmux)")


class Terminal:
    """A detached tmux session running one command, 100x30."""

    def __init__(self, command: list[str], exit_file: Path) -> None:
        self.name = f"kbtimeline-{uuid.uuid4().hex[:8]}"
        shell = f"{shlex.join(command)}; echo $? > {shlex.quote(str(exit_file))}; sleep 60"
        self.tmux("new-session", "-d", "-s", self.name, "-x", "100", "-y", "30", shell)

    def tmux(self, *args: str) -> str:
        return subprocess.run([TMUX, *args], capture_output=True, text=True, check=True, timeout=10).stdout

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.name, *keys)

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.name)

    def wait_for(self, seen: Callable[[str], bool], what: str, seconds: float = 15) -> str:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = self.screen()
            if seen(screen):
                return screen
            time.sleep(0.1)
        raise AssertionError(f"never saw {what}; the screen:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run([TMUX, "kill-session", "-t", self.name], capture_output=True, timeout=10)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[tuple[Terminal, Path]]:
    data = make_data_dir(tmp_path)
    write_events(data / "events.json", spread())
    exit_file = tmp_path / "exit-code"
    command = [SCRIPT] if SCRIPT else [sys.executable, "-m", "kbtimeline"]
    session = Terminal([*command, "--data", str(data), "explore"], exit_file)
    yield session, exit_file
    session.close()


def test_explore_in_a_terminal_zooms_searches_and_quits_cleanly(terminal: tuple[Terminal, Path]) -> None:
    session, exit_file = terminal
    first = session.wait_for(lambda s: "60 events start in view" in s, "the first view")
    assert "decades" in first.splitlines()[0] and "1990" in first
    assert "Zoom in" in first  # the footer's keys

    session.keys("+")
    zoomed = session.wait_for(lambda s: "· years ·" in s.splitlines()[0], "the years level after +")
    assert "1990" in zoomed.splitlines()[1]  # the tick labels

    session.keys("/", "S", "h", "u", "s", "h", "a")
    # The page comes first ("counting…"), then the matches' counts.
    searched = session.wait_for(lambda s: "12 events start in view · search: Shusha" in s, "the search")
    assert "Shushi" in searched  # the alias found the sentences that spell it so

    session.keys("Enter")
    session.keys("Enter")
    details = session.wait_for(lambda s: "date phrase at" in s, "the details")
    assert "Esc closes" in details
    session.keys("Escape")
    session.wait_for(lambda s: "date phrase at" not in s, "the details closed")

    session.keys("q")
    deadline = time.monotonic() + 15
    while not exit_file.exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert exit_file.read_text().strip() == "0"
    assert "events start in view" not in session.screen()  # the terminal is as it was
