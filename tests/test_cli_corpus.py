"""extract on a corpus: folders, JSON lines documents, several processes, documents that fail."""

from __future__ import annotations

import json
import os
import pty
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from conftest import BUNDLED_SOURCE
from kbtimeline import cli
from test_cli_process import KBTIMELINE

SENTENCES = ["On 8 May 1992 the town fell.", "A ceasefire came in May 1994.", "In March 1988 protests began."]


def kbtimeline(*args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(cli.app, list(args), input=stdin)


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def events_of(output: str) -> list[tuple[str, str]]:
    """(source, start) of each event in JSON lines output."""
    return [(event["source"], event["start"]) for event in map(json.loads, output.splitlines())]


def test_a_folder_is_read_recursively_in_name_order(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "b.txt", SENTENCES[1])
    write(corpus / "a" / "z.txt", SENTENCES[0])
    write(corpus / "a" / "notes.md", "In 1990 nothing happened.")
    write(corpus / "c.txt", SENTENCES[2])
    result = kbtimeline("extract", str(corpus), "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert events_of(result.stdout) == [("a/z", "1992-05-08"), ("b", "1994-05-01"), ("c", "1988-03-01")]


def test_glob_chooses_the_files_and_names_stay_unique(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write(corpus / "notes.md", SENTENCES[0])
    write(corpus / "notes.txt", SENTENCES[1])
    write(corpus / "sub" / "notes.md", SENTENCES[2])
    write(corpus / "image.png", b"\x89PNG\0")
    result = kbtimeline("extract", str(corpus), "--glob", "notes.*", "-f", "jsonl")
    assert result.exit_code == 0, result.stderr
    assert events_of(result.stdout) == [
        ("notes", "1992-05-08"), ("notes~2", "1994-05-01"), ("sub/notes", "1988-03-01")
    ]  # fmt: skip


def docs(*records: dict[str, object]) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def test_json_lines_documents_from_a_file_and_from_stdin(tmp_path: Path) -> None:
    lines = docs(
        {"id": "fall", "text": SENTENCES[0]},
        {"id": 42, "text": "Last year the war went on.", "reference_date": "2000-06-01"},
        {"id": "truce", "text": SENTENCES[1]},
    )
    from_file = kbtimeline("extract", str(write(tmp_path / "docs.jsonl", lines)), "-f", "jsonl")
    assert from_file.exit_code == 0, from_file.stderr
    assert events_of(from_file.stdout) == [("fall", "1992-05-08"), ("42", "1999-01-01"), ("truce", "1994-05-01")]
    from_stdin = kbtimeline("extract", "-", "--input-format", "jsonl", "-f", "jsonl", stdin=lines)
    assert from_stdin.stdout == from_file.stdout


def test_text_input_format_reads_a_jsonl_file_as_text(tmp_path: Path) -> None:
    path = write(tmp_path / "notes.jsonl", f'{{"note": "{SENTENCES[0]}"}}\n')
    result = kbtimeline("extract", str(path), "--input-format", "text", "-f", "jsonl")
    assert events_of(result.stdout) == [("notes", "1992-05-08")]


def test_bad_documents_are_reported_and_skipped(tmp_path: Path) -> None:
    """Binary, not UTF-8, too large, broken JSON: one line each, the rest written, exit 1."""
    corpus = tmp_path / "corpus"
    write(corpus / "1-good.txt", SENTENCES[0])
    write(corpus / "2-binary.txt", b"In 1992\0\x01\x02")
    write(corpus / "3-latin1.txt", b"caf\xe9 in 1992")
    write(corpus / "4-huge.txt", SENTENCES[1] * 40)
    write(corpus / "5-good.txt", SENTENCES[2])
    jsonl = write(tmp_path / "docs.jsonl", docs(
        {"id": "ok", "text": SENTENCES[1]},
        {"id": "nul", "text": "In 1992\u0000"},
        {"id": "big", "text": SENTENCES[1] * 40},
        {"id": "when", "text": SENTENCES[1], "reference_date": "May 2000"},
        {"text": SENTENCES[1]},
    ) + "{oops\n")  # fmt: skip
    out = tmp_path / "events.jsonl"
    result = kbtimeline("extract", str(corpus), str(jsonl), "--max-doc-size", "0.001", "-o", str(out))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"kbtimeline: error: {corpus / '2-binary.txt'}: binary data, not text",
        f"kbtimeline: error: {corpus / '3-latin1.txt'}: not UTF-8 text (bad byte at 3)",
        f"kbtimeline: error: {corpus / '4-huge.txt'}: too large (1,160 bytes; --max-doc-size is 0.001 MB)",
        f"kbtimeline: error: {jsonl}:2 (id 'nul'): binary data, not text",
        f"kbtimeline: error: {jsonl}:3: too large (1,186 bytes; --max-doc-size is 0.001 MB)",
        f"kbtimeline: error: {jsonl}:4 (id 'when'): reference_date 'May 2000' is not a day (YYYY-MM-DD)",
        f'kbtimeline: error: {jsonl}:5: expected a JSON object with "id" and "text"',
        f"kbtimeline: error: {jsonl}:6: not valid JSON: Expecting property name enclosed in double quotes (column 2)",
    ]
    assert events_of(out.read_text(encoding="utf-8")) == [
        ("1-good", "1992-05-08"), ("5-good", "1988-03-01"), ("ok", "1994-05-01")
    ]  # fmt: skip


def test_a_name_read_twice_is_reported_once(tmp_path: Path) -> None:
    path = write(tmp_path / "docs.jsonl", docs({"id": "a", "text": SENTENCES[0]}, {"id": "a", "text": SENTENCES[1]}))
    result = kbtimeline("extract", str(path), "-f", "jsonl")
    assert result.exit_code == 1
    assert result.stderr == f"kbtimeline: error: {path}:2: source 'a' was already read; rename it\n"
    assert events_of(result.stdout) == [("a", "1992-05-08")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--input-format", "xml"], "unknown input format 'xml' for extract; accepted: auto, text, jsonl"),
        (["--jobs", "0"], "Invalid value for '--jobs' / '-j'"),
        (["--max-doc-size", "0"], "--max-doc-size must be more than 0, not 0"),
    ],
)
def test_corpus_usage_errors(args: list[str], message: str) -> None:
    result = kbtimeline("extract", "-", *args, stdin="In 1992.")
    assert result.exit_code == 2
    assert message in result.stderr


def many_documents(folder: Path, count: int = 150) -> Path:
    """Enough documents for several batches, hence several processes."""
    for number in range(count):
        text = f"Report {number}. " + " ".join(SENTENCES[(number + k) % 3] for k in range(number % 4 + 1))
        write(folder / f"{number % 7}" / f"doc{number:03d}.txt", text)
    return folder


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_the_output_is_the_same_whatever_the_number_of_processes(tmp_path: Path, fmt: str) -> None:
    corpus = many_documents(tmp_path / "corpus")
    outputs = []
    for jobs in ("1", "2", "3"):
        out = tmp_path / f"events-{jobs}.{fmt}"
        result = subprocess.run(
            [*KBTIMELINE, "extract", str(corpus), "--jobs", jobs, "-o", str(out)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 0 and result.stderr == "", result.stderr
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    assert outputs[0].count(b'"source"') == sum(number % 4 + 1 for number in range(150)), "one event a sentence"


def test_a_progress_bar_at_a_terminal_and_none_in_a_pipe(tmp_path: Path) -> None:
    corpus = many_documents(tmp_path / "corpus", count=20)
    command = [*KBTIMELINE, "extract", str(corpus), "-o", str(tmp_path / "events.json")]
    piped = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert piped.returncode == 0 and piped.stderr == ""
    code, text = stderr_at_a_terminal(command)
    assert code == 0
    assert "20 documents" in text and " events" in text


def stderr_at_a_terminal(command: list[str]) -> tuple[int, str]:
    """Run ``command`` with its stderr on a pseudo-terminal, 150 columns wide: its exit code and what it showed."""
    main, terminal = pty.openpty()
    environ = {**os.environ, "COLUMNS": "150"}
    process = subprocess.Popen(command, stderr=terminal, stdout=subprocess.DEVNULL, env=environ)
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        shown += chunk
    return process.wait(timeout=60), shown.decode("utf-8", "replace")


def test_interrupted_workers_leave_no_process_behind(tmp_path: Path) -> None:
    """Ctrl-C, or a reader gone, while several processes extract: the run ends, and so do they."""
    corpus = many_documents(tmp_path / "corpus")
    probe = (
        "import multiprocessing, sys\n"
        "from kbtimeline import corpus\n"
        "from kbtimeline.pipeline import Extraction\n"
        "documents = corpus.list_documents(sys.argv[1:], glob='*.txt', input_format='auto', stdin=sys.stdin.buffer,"
        " max_size=10**6)\n"
        "chunks = Extraction(documents, fmt='jsonl', jobs=2, reference_date=None, report=print).chunks()\n"
        "next(chunks)\n"
        "print(*(worker.pid for worker in multiprocessing.active_children()))\n"
        "try:\n    chunks.throw(KeyboardInterrupt)\nexcept KeyboardInterrupt:\n    pass\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(corpus)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    workers = [int(pid) for pid in result.stdout.split()]
    assert len(workers) == 2
    for pid in workers:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_ctrl_c_stops_every_process_quietly(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    for number in range(200):  # many seconds of work: the signal comes in the middle, even on a fast machine
        write(corpus / f"article{number}.txt", BUNDLED_SOURCE.read_text(encoding="utf-8"))
    out = tmp_path / "events.jsonl"
    # --fast: this is about processes; with the parser a worker's current document may take seconds
    process = subprocess.Popen(
        [*KBTIMELINE, "extract", str(corpus), "--jobs", "2", "--fast", "-o", str(out)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".events.jsonl.*")) and time.monotonic() < deadline:
        time.sleep(0.05)  # the output has begun: workers are busy
    os.killpg(process.pid, signal.SIGINT)  # as a terminal does: the whole process group
    stdout, stderr = process.communicate(timeout=30)
    assert (process.returncode, stdout, stderr) == (130, "", "")
    assert os.listdir(tmp_path) == ["corpus"], "no output, no temporary file"
