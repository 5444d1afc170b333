"""The dask extra: asked for where it is missing, one line says what to install; elsewhere it is never imported."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import BUNDLED_SOURCE
from timeline_fixtures import write_events

HEAVY = ("dask", "distributed", "pyarrow", "fsspec")


def probe(arguments: list[str], blocked: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    """Run the CLI in a fresh interpreter where ``blocked`` modules cannot be imported; the last line
    of stderr lists the heavy modules that were imported, then the exit code."""
    script = (
        "import sys\n"
        f"for name in {blocked!r}:\n    sys.modules[name] = None\n"
        "from kbtimeline.cli import main\n"
        f"sys.argv = ['kbtimeline', *{arguments!r}]\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        f"print(sorted(name for name in {HEAVY!r} if sys.modules.get(name)), code, file=sys.stderr)\n"
    )
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("arguments", "missing", "reason"),
    [
        (["--scheduler", "tcp://127.0.0.1:8786"], "distributed", "a cluster needs dask and distributed"),
        (["--format", "parquet", "-o", "{out}.parquet"], "pyarrow", "Parquet needs pyarrow"),
        (["-o", "{out}.parquet"], "pyarrow", "Parquet chosen by the name of OUT"),
    ],
)
def test_without_the_extra_one_line_says_what_to_install(
    tmp_path: Path, arguments: list[str], missing: str, reason: str
) -> None:
    command = ["extract", str(BUNDLED_SOURCE), *[argument.format(out=tmp_path / "out") for argument in arguments]]
    result = probe(command, blocked=("dask", "distributed", "pyarrow"))
    message, status = result.stderr.splitlines()
    assert message.startswith("kbtimeline: error: ") and missing in message, reason
    assert "pip install 'kbtimeline[dask]'" in message, reason
    assert status == "[] 2", reason
    assert list(tmp_path.iterdir()) == [], "nothing written"


def test_without_pyarrow_parquet_data_says_what_to_install(tmp_path: Path) -> None:
    data = tmp_path / "events.parquet"
    data.write_bytes(b"PAR1")
    result = probe(["--data", str(data), "list"], blocked=("pyarrow",))
    message, status = result.stderr.splitlines()
    assert "reading Parquet needs pyarrow" in message and "kbtimeline[dask]" in message
    assert status == "[] 2"


@pytest.mark.parametrize(
    "arguments",
    [
        ["range", "1991", "1994", "--json"],
        ["search", "Shusha"],
        ["extract", str(BUNDLED_SOURCE), "--jobs", "1", "-f", "jsonl"],
    ],
)
def test_queries_and_local_extraction_never_import_the_extra(tmp_path: Path, arguments: list[str]) -> None:
    data = write_events(tmp_path / "events.json", [])
    result = probe(["--data", str(data), *arguments])
    assert result.stderr.splitlines()[-1] in ("[] None", "[] 0")


def test_the_modules_of_the_extra_import_it_only_when_used() -> None:
    script = (
        "import sys\n"
        "import kbtimeline.distributed, kbtimeline.storage.parquet, kbtimeline.storage.remote, kbtimeline.storage\n"
        f"print(sorted(name for name in {HEAVY!r} if name in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.stdout.strip() == "[]", result.stderr
