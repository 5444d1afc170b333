"""extract on a Dask cluster: the same bytes as --jobs 1, through faults, Ctrl-C and a real `dask` cluster."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import BUNDLED_SOURCE
from test_cli_corpus import stderr_at_a_terminal
from test_cli_process import KBTIMELINE

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")
dask_config = pytest.importorskip("dask.config")

from kbtimeline import cli, corpus  # noqa: E402
from kbtimeline import distributed as kb_distributed  # noqa: E402
from kbtimeline.distributed import extract_bag, extract_documents  # noqa: E402
from kbtimeline.pipeline import extract_all  # noqa: E402

YEAR = re.compile(r"\b19([0-9]{2})\b")


def make_corpus(folder: Path, copies: int) -> Path:
    """Copies of the bundled article, each with its years moved (other events), a JSON lines
    document, and one document that cannot be read."""
    text = BUNDLED_SOURCE.read_text(encoding="utf-8")
    for copy in range(copies):
        moved = YEAR.sub(lambda match, copy=copy: str(1800 + copy + int(match.group(1))), text)
        (folder / f"part{copy // 4}" / f"copy{copy:02d}.txt").parent.mkdir(parents=True, exist_ok=True)
        (folder / f"part{copy // 4}" / f"copy{copy:02d}.txt").write_text(moved, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\xff\xfe not UTF-8")
    document = {"id": "note", "text": "On 8 May 1992 the town fell.", "reference_date": "2000-01-01"}
    (folder / "notes.jsonl").write_text(json.dumps(document) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def corpus_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"), copies=8)


def local_cluster() -> distributed.LocalCluster:
    """Two worker processes of one thread each, on this machine only."""
    return distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=":0", host="127.0.0.1")


@pytest.fixture(scope="module")
def cluster() -> Iterator[distributed.LocalCluster]:
    with local_cluster() as local:
        yield local


def run(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*KBTIMELINE, *args], capture_output=True, timeout=120)


def extract(corpus_folder: Path, out: Path, *options: str) -> tuple[int, bytes, bytes]:
    result = run("extract", str(corpus_folder), "--glob", "*.*", "-o", str(out), *options)
    return result.returncode, out.read_bytes(), result.stderr


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_a_local_cluster_writes_the_bytes_of_jobs_1(
    corpus_folder: Path, cluster: distributed.LocalCluster, tmp_path: Path, fmt: str
) -> None:
    alone = extract(corpus_folder, tmp_path / f"alone.{fmt}", "--jobs", "1", "-f", fmt)
    clustered = extract(corpus_folder, tmp_path / f"cluster.{fmt}", "--scheduler", cluster.scheduler_address, "-f", fmt)
    assert alone[0] == 1 and b"broken.txt: not UTF-8" in alone[2], "the broken document is reported, exit 1"
    assert clustered == alone, "same exit code, same bytes, same one-line report"


def test_a_progress_bar_at_a_terminal_as_on_one_machine(
    corpus_folder: Path, cluster: distributed.LocalCluster, tmp_path: Path
) -> None:
    command = [*KBTIMELINE, "extract", str(corpus_folder), "--glob", "*.*", "--scheduler", cluster.scheduler_address]
    code, shown = stderr_at_a_terminal([*command, "-o", str(tmp_path / "events.json")])
    assert code == 1, "the broken document"
    assert "10 documents" in shown, "8 copies, the JSON document, the broken one"


def test_workers_read_a_corpus_given_as_a_url(corpus_folder: Path, cluster: distributed.LocalCluster) -> None:
    alone = run("extract", str(corpus_folder), "--jobs", "1", "-f", "jsonl")
    clustered = run("extract", corpus_folder.as_uri(), "--scheduler", cluster.scheduler_address, "-f", "jsonl")
    assert (clustered.returncode, clustered.stdout) == (alone.returncode, alone.stdout)
    assert clustered.stderr.startswith(b"kbtimeline: error: file://") and b"broken.txt" in clustered.stderr


def test_the_python_api_takes_a_bag_of_paths(corpus_folder: Path, cluster: distributed.LocalCluster) -> None:
    """The API titles by rules unless asked for the parser: as extract --fast."""
    paths = sorted(str(path) for path in corpus_folder.glob("part0/*.txt"))
    with distributed.Client(cluster, set_as_default=False) as client:
        outcomes = list(extract_bag(dask_bag.from_sequence(paths, npartitions=3), client=client))
    assert [outcome.source for outcome in outcomes] == ["copy00", "copy01", "copy02", "copy03"]
    expected = run("extract", *paths, "--jobs", "1", "--fast", "-f", "jsonl").stdout.decode()
    assert "".join(piece for outcome in outcomes for piece in outcome.pieces) == expected


def test_a_worker_killed_mid_run_loses_and_doubles_nothing(tmp_path: Path) -> None:
    folder = make_corpus(tmp_path, copies=16)
    documents = corpus.list_documents(
        [str(folder)], glob="*.txt", input_format="auto", stdin=sys.stdin.buffer, max_size=10**8
    )
    with (
        local_cluster() as local,
        distributed.Client(local, set_as_default=False) as client,
    ):
        outcomes = extract_documents(client, documents, None, "jsonl")
        pieces = list(next(outcomes).pieces)
        busy = [worker for worker, tasks in client.processing().items() if tasks]
        assert busy, "a worker has work in hand"
        victim = client.run(os.getpid, workers=busy[:1])
        os.kill(next(iter(victim.values())), signal.SIGKILL)
        pieces += [piece for outcome in outcomes for piece in outcome.pieces]
    expected = run("extract", str(folder), "--jobs", "1", "--fast", "-f", "jsonl").stdout.decode()
    assert "".join(pieces) == expected


def test_ctrl_c_cancels_the_tasks_and_keeps_the_output(tmp_path: Path, cluster: distributed.LocalCluster) -> None:
    folder = make_corpus(tmp_path / "corpus", copies=40)
    out = tmp_path / "events.json"
    out.write_text("old\n", encoding="utf-8")
    process = subprocess.Popen(
        [*KBTIMELINE, "extract", str(folder), "--scheduler", cluster.scheduler_address, "-o", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    with distributed.Client(cluster, set_as_default=False) as client:
        deadline = time.monotonic() + 30
        while not client.processing() or not any(client.processing().values()):
            assert time.monotonic() < deadline and process.poll() is None, "the run never reached the cluster"
            time.sleep(0.01)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 130, stderr
        while any(client.processing().values()):
            assert time.monotonic() < deadline + 30, "the cluster went on working"
            time.sleep(0.05)
    assert stderr == b""
    assert out.read_text(encoding="utf-8") == "old\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus", "events.json"], "no temporary left"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_the_console_script_on_a_dask_scheduler_and_two_workers(corpus_folder: Path, tmp_path: Path) -> None:
    dask = shutil.which("dask", path=str(Path(sys.executable).parent))
    if dask is None:
        pytest.skip("the dask command is not installed next to this interpreter")
    address = f"tcp://127.0.0.1:{free_port()}"
    common = ["--no-dashboard"]
    port = address.rsplit(":", 1)[1]
    processes = [
        subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", port, *common], stderr=subprocess.DEVNULL)
    ]
    try:
        with distributed.Client(address, timeout=30, set_as_default=False) as client:
            processes += [
                subprocess.Popen(
                    [dask, "worker", address, "--nthreads", "1", "--host", "127.0.0.1", *common],
                    stderr=subprocess.DEVNULL,
                )
                for _ in range(2)
            ]
            client.wait_for_workers(2, timeout=60)
        alone = extract(corpus_folder, tmp_path / "alone.jsonl", "--jobs", "1")
        clustered = extract(corpus_folder, tmp_path / "cluster.jsonl", "--scheduler", address)
        assert clustered == alone
        shards = run(
            "extract", str(corpus_folder), "--glob", "*.*", "--scheduler", address, "-f", "parquet",
            "-o", str(tmp_path / "shards"),
        )  # fmt: skip
        assert shards.returncode == 1 and shards.stderr == alone[2]
        as_json, as_parquet = (
            run("--data", str(tmp_path / name), "list", "--jsonl") for name in ("alone.jsonl", "shards")
        )
        assert as_parquet.stdout == as_json.stdout and as_json.stdout
        # The scheduler lost mid-run: one line, exit 1, the output left alone.
        bigger, lost = make_corpus(tmp_path / "bigger", copies=24), tmp_path / "lost.jsonl"
        process = subprocess.Popen(
            [*KBTIMELINE, "extract", str(bigger), "--scheduler", address, "-o", str(lost)], stderr=subprocess.PIPE
        )
        deadline = time.monotonic() + 60
        while not any(path.stat().st_size for path in tmp_path.glob(".lost.jsonl.*")):
            assert time.monotonic() < deadline and process.poll() is None, "the output never began"
            time.sleep(0.01)
        processes[0].kill()
        _, stderr = process.communicate(timeout=60)
        assert process.returncode == 1
        assert stderr.endswith(f"\nkbtimeline: error: lost the Dask scheduler at {address}\n".encode())
        assert stderr.count(b"\n") == 2, "the broken document, then the scheduler lost"
        assert not lost.exists()
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in processes:
            process.wait(timeout=30)


def test_an_unreachable_scheduler_is_one_line_and_exit_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "1s")  # Dask's own setting, read by the client
    out = tmp_path / "x.json"
    result = run("extract", str(BUNDLED_SOURCE), "--scheduler", f"tcp://127.0.0.1:{free_port()}", "-o", str(out))
    assert result.returncode == 1
    assert result.stderr.count(b"\n") == 1 and b"cannot reach the Dask scheduler at tcp://127.0.0.1:" in result.stderr
    assert not out.exists()


class KillOn(distributed.WorkerPlugin):
    """In every worker, even one started again: a text holding ``marker`` ends its process, as the
    kernel's out-of-memory killer would."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def setup(self, worker: object) -> None:
        from kbtimeline import pipeline

        records, marker = pipeline.records, self.marker

        def fatal(text: str, *args: object, **options: object) -> object:
            if marker in text:
                os._exit(9)
            return records(text, *args, **options)  # type: ignore[arg-type]

        pipeline.records = fatal  # type: ignore[assignment]


def test_a_document_that_kills_its_worker_costs_only_that_document(tmp_path: Path) -> None:
    texts = ["On 8 May 1992 the town fell.", "KILL-ME in 1993.", "In 1994 a ceasefire came."]
    documents = [corpus.Document(f"{n}.txt", 0, source=str(n), content=text.encode()) for n, text in enumerate(texts)]
    with (
        dask_config.set({"distributed.scheduler.allowed-failures": 0}),  # the first death is the last
        local_cluster() as local,
        distributed.Client(local, set_as_default=False) as client,
    ):
        client.register_plugin(KillOn("KILL-ME"))
        outcomes = list(extract_documents(client, documents))
    assert [(outcome.source, len(outcome.pieces), outcome.error) for outcome in outcomes] == [
        ("0", 1, None),
        ("", 0, "1.txt: its worker died (out of memory?)"),
        ("2", 1, None),
    ]


def test_an_empty_scheduler_address_is_a_usage_error() -> None:
    result = run("extract", str(BUNDLED_SOURCE), "--scheduler", " ")
    assert (result.returncode, result.stderr) == (
        2,
        b"kbtimeline: error: --scheduler needs the address of a Dask scheduler, such as tcp://HOST:8786\n",
    )


def write_documents(path: Path) -> Path:
    """A news archive in miniature: documents, a broken line, one without id, one too large, a name read
    twice, blank lines, a reference date, and a last line without its newline."""
    lines = [
        json.dumps({"id": f"story{n}", "text": f"On {n + 1} May 1992 the town fell. Last year it was calm."})
        for n in range(6)
    ]
    lines[1:1] = ['{"id": "broken", "text": ', ""]
    lines[4:4] = [json.dumps({"text": "In 1990 no id."}), json.dumps({"id": "big", "text": "In 1991 " + "x" * 3000})]
    lines[6:6] = [json.dumps({"id": "story0", "text": "In 1999 again."}), ""]
    lines.append(json.dumps({"id": "dated", "text": "Last year it rained.", "reference_date": "2001-05-01"}))
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def run_in_process(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli.app, ["extract", *args, "-f", "jsonl", "--fast", "--max-doc-size", "0.002"])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def documents_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_documents(tmp_path_factory.mktemp("jsonl") / "docs.jsonl")


@pytest.mark.parametrize("range_bytes", [1, 37, 200, 10**6])
def test_the_workers_read_a_json_lines_file_in_ranges_with_the_reports_of_jobs_1(
    documents_file: Path, cluster: distributed.LocalCluster, monkeypatch: pytest.MonkeyPatch, range_bytes: int
) -> None:
    alone = run_in_process(str(documents_file), "--jobs", "1")
    assert alone[0] == 1 and alone[1].count("\n") > 6
    reported = [line.split(": ")[2] for line in alone[2].splitlines() if line.startswith("kbtimeline: error: ")]
    assert reported == [f"{documents_file}:{number}" for number in (2, 5, 6, 7)], "broken, no id, too large, twice"
    assert f"{documents_file}:11: 1 phrase relative" in alone[2], "a note names its line too"
    monkeypatch.setattr(kb_distributed, "RANGE_BYTES", range_bytes)
    monkeypatch.setattr(kb_distributed, "PARSED_RANGE_BYTES", range_bytes)
    clustered = run_in_process(str(documents_file), "--scheduler", cluster.scheduler_address)
    assert clustered == alone, "same exit code, same bytes, the same reports naming the same lines"


def newline_cuts(path: Path) -> list[tuple[int, str]]:
    content = path.read_bytes()
    newline = content.index(b"\n", 10)
    return [(newline, "on a newline"), (newline + 1, "just after one"), (newline - 5, "mid-line")]


def test_a_range_boundary_on_a_newline_after_one_or_mid_line(
    documents_file: Path, cluster: distributed.LocalCluster
) -> None:
    def listed(unread: bool) -> Iterator[corpus.Document]:
        return corpus.list_documents(
            [str(documents_file)], glob="*", input_format="auto", stdin=sys.stdin.buffer, max_size=2000,
            unread_json=unread,
        )  # fmt: skip

    # Pieces as text: in one process they are written lazily, as they are read.
    alone = [
        outcome._replace(pieces=tuple(outcome.pieces)) for outcome in extract_all(listed(False), 1, "auto", "jsonl")
    ]
    assert any(outcome.notes for outcome in alone), "a reference date read from a date line names its line"
    with distributed.Client(cluster, set_as_default=False) as client:
        for cut, reason in newline_cuts(documents_file):
            assert list(extract_documents(client, listed(True), "auto", "jsonl", range_bytes=cut)) == alone, reason


def test_workers_read_a_json_lines_file_given_as_a_file_url(
    documents_file: Path, cluster: distributed.LocalCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(kb_distributed, "RANGE_BYTES", 100)
    monkeypatch.setattr(kb_distributed, "PARSED_RANGE_BYTES", 100)
    code, stdout, stderr = run_in_process(str(documents_file), "--jobs", "1")
    url = documents_file.as_uri()
    assert run_in_process(url, "--scheduler", cluster.scheduler_address) == (
        code, stdout, stderr.replace(str(documents_file), url),
    )  # fmt: skip


OPENED: list[str] | None = None  # while a list: the files this process opens


def _record_opens(event: str, arguments: tuple[object, ...]) -> None:
    if event == "open" and OPENED is not None and isinstance(arguments[0], str | bytes | os.PathLike):
        OPENED.append(os.fsdecode(arguments[0]))


sys.addaudithook(_record_opens)  # every open of this process, whatever opens it (builtins, io, os, fsspec)


def test_the_client_never_opens_a_json_lines_file_its_workers_read(
    documents_file: Path, cluster: distributed.LocalCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    global OPENED
    monkeypatch.setattr(kb_distributed, "RANGE_BYTES", 100)
    monkeypatch.setattr(kb_distributed, "PARSED_RANGE_BYTES", 100)
    OPENED = []
    try:
        code, stdout, _ = run_in_process(str(documents_file), "--scheduler", cluster.scheduler_address)
        opened, OPENED = OPENED, None
    finally:
        OPENED = None
    assert code == 1 and '"source": "story5"' in stdout, "extracted all the same"
    assert str(documents_file) not in opened, "the workers read it; the client only asked its size"
    OPENED = []
    try:
        run_in_process(str(documents_file), "--jobs", "1")
        assert str(documents_file) in OPENED, "the spy sees the file opened when this process reads it"
    finally:
        OPENED = None


def test_a_json_line_that_kills_its_worker_costs_only_that_line(tmp_path: Path) -> None:
    """Its range's lines are listed by a worker and run one at a time: only the fatal one is reported."""
    path = tmp_path / "docs.jsonl"
    texts = ["On 8 May 1992 the town fell.", "KILL-ME in 1993.", "In 1994 a ceasefire came."]
    path.write_text("".join(json.dumps({"id": f"d{n}", "text": text}) + "\n" for n, text in enumerate(texts)))
    documents = corpus.list_documents(
        [str(path)], glob="*", input_format="auto", stdin=sys.stdin.buffer, max_size=10**6, unread_json=True
    )
    with (
        dask_config.set({"distributed.scheduler.allowed-failures": 0}),
        local_cluster() as local,
        distributed.Client(local, set_as_default=False) as client,
    ):
        client.register_plugin(KillOn("KILL-ME"))
        outcomes = list(extract_documents(client, documents, range_bytes=10**6))
    assert [(outcome.source, len(outcome.pieces), outcome.error) for outcome in outcomes] == [
        ("d0", 1, None),
        ("", 0, f"{path}:2: its worker died (out of memory?)"),
        ("d2", 1, None),
    ]
