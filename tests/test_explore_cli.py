"""``kbtimeline explore`` on the command line, and the walls around Textual."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from test_cli_process import run
from timeline_fixtures import make_data_dir

EXPLORE = Path(__file__).resolve().parents[1] / "src" / "kbtimeline" / "explore"


@pytest.mark.parametrize(
    "probe",
    [
        "import kbtimeline.cli",
        "from kbtimeline.cli import main\nsys.argv = ['kbtimeline', 'range', '1992', '--json']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass",
    ],
    ids=["importing the CLI", "running a query command"],
)
def test_the_other_commands_never_import_textual(probe: str) -> None:
    script = f"import sys\n{probe}\nprint('textual' in sys.modules, file=sys.stderr)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stderr.splitlines()[-1] == "False"


def test_only_the_data_module_reaches_into_the_rest_of_kbtimeline() -> None:
    """Storage and query may move; one adapter (explore/data.py) is then all that follows them."""

    def outside(name: str | None) -> bool:
        return bool(name) and name.split(".")[0] == "kbtimeline" and not name.startswith("kbtimeline.explore")

    reaching = set()
    for module in EXPLORE.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            if any(outside(name) for name in names):
                reaching.add(module.relative_to(EXPLORE).as_posix())
    assert reaching == {"data.py"}


def test_explore_has_help() -> None:
    result = run("explore", "--help")
    assert result.returncode == 0
    for option in ("--search", "--from", "--to", "--granularity", "--source", "START", "END"):
        assert option in result.stdout


# (arguments after --data, expected exit code, expected words in the one-line error, reason)
FAILURES = [
    (["explore", "-g", "fortnight"], 2, "unknown granularity 'fortnight'", "a filter no event could have"),
    (["explore", "--source", "elsewhere"], 2, "unknown source 'elsewhere'", "a source that is not there"),
    (["explore", "8/5/1992"], 2, "1992-05-08", "a date written ambiguously"),
]


@pytest.mark.parametrize(("args", "code", "words", "reason"), FAILURES, ids=[row[3] for row in FAILURES])
def test_bad_arguments_fail_before_the_screen_changes(
    tmp_path: Path, args: list[str], code: int, words: str, reason: str
) -> None:
    result = run("--data", str(make_data_dir(tmp_path)), *args)
    assert result.returncode == code
    assert result.stderr.count("\n") == 1 and words in result.stderr
    assert "\x1b[" not in result.stdout  # no screen was drawn


def test_a_missing_file_fails_before_the_screen_changes(tmp_path: Path) -> None:
    result = run("--data", str(tmp_path / "nowhere.json"), "explore")
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "no such file" in result.stderr


def test_explore_needs_a_terminal(tmp_path: Path) -> None:
    result = run("--data", str(make_data_dir(tmp_path)), "explore")  # stdout is a pipe here
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "explore needs a terminal" in result.stderr
    assert result.stdout == ""
