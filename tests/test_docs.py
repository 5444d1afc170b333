"""The README documents every command and every option the app has."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
import typer.main

from kbtimeline.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
GROUP = typer.main.get_command(app)
COMMANDS = sorted(GROUP.commands)  # type: ignore[attr-defined]


def options(command: object) -> list[str]:
    return [
        name
        for param in command.params  # type: ignore[attr-defined]
        if param.param_type_name == "option"
        for name in (*param.opts, *param.secondary_opts)
    ]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_a_section(command: str) -> None:
    assert f"### `{command}" in README


@pytest.mark.parametrize(
    ("command", "option"),
    [(None, name) for name in options(GROUP)]
    + [(name, option) for name in COMMANDS for option in options(GROUP.commands[name])],  # type: ignore[attr-defined]
)
def test_every_option_is_documented(command: str | None, option: str) -> None:
    assert f"`{option}" in README, f"{option} of {command or 'kbtimeline'} is not in README.md"


def test_the_exit_codes_are_documented() -> None:
    section = README.split("## Exit codes", 1)[1]
    for code in ("0", "1", "2", "130"):
        assert f"| {code} " in section


def shown_examples() -> list[tuple[str, str]]:
    """Each README code block that starts with ``$ kbtimeline ...``: the command and the output shown."""
    examples = []
    for block in README.split("```\n$ ")[1:]:
        command, _, rest = block.partition("\n")
        examples.append((command, rest.split("```", 1)[0]))
    return examples


@pytest.mark.parametrize(("command", "shown"), shown_examples())
def test_the_examples_show_what_kbtimeline_prints(command: str, shown: str) -> None:
    """Run on the bundled events, as a pipe sees them: the README shows real output."""
    from typer.testing import CliRunner

    name, *args = shlex.split(command)
    assert name == "kbtimeline"
    result = CliRunner().invoke(app, args)
    assert (result.exit_code, result.stdout) == (0, shown)
