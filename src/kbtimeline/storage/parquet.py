"""Events as Parquet: one file, or a folder of shards, for DuckDB, Spark and pandas to read.

The columns are the JSON fields of an event (``Event.to_dict``), in that
order and under those names: days stay ISO strings (``-0489-09-12`` has no
Parquet date type that every reader shares), offsets are lists of two
integers, ``parts`` a list of structs, null when the event has none. Rows are
in input order, so a Parquet file read back gives the events of the JSON
output, in the same order, and writes them out byte for byte alike.

Writing takes the events as JSON lines, the way extraction hands them over,
and keeps one row group in memory at a time. A folder of shards is written
beside its target and put in its place at the end, as a file is: an
interrupted run leaves the old output as it was. pyarrow is imported here
only, when Parquet is asked for (it is in the ``dask`` extra).
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from kbtimeline import extras
from kbtimeline.errors import KbTimelineError, SchemaError
from kbtimeline.model import Event
from kbtimeline.storage.files import PARQUET_SUFFIX, Replacement

if TYPE_CHECKING:
    import pyarrow as pa

ROW_GROUP = 20_000  # events per row group: their JSON lines (some 12 MB) and their table in memory while writing
SHARD_ROWS = 1_000_000  # events per file of a folder of shards
READ_BATCH = 10_000


def schema() -> pa.Schema:
    """The columns: the JSON fields of an event, typed."""
    import pyarrow as pa

    offsets = pa.list_(pa.int64())
    text = pa.string()
    part = pa.struct([("date_span", offsets), ("start", text), ("end", text)])
    return pa.schema([
        ("id", text), ("source", text), ("start", text), ("end", text), ("granularity", text),
        ("modifier", text), ("time", text), ("when", text), ("date_text", text), ("date_span", offsets),
        ("text", text), ("span", offsets), ("title", text), ("section", text), ("anchored", pa.bool_()),
        ("kind", text), ("happening", text), ("parts", pa.list_(part)),
    ])  # fmt: skip


def wants_folder(target: Path) -> bool:
    """Whether ``target`` names a folder of shards: it is a folder, or its name does not end in .parquet."""
    return target.is_dir() or target.suffix != PARQUET_SUFFIX


def write(lines: Iterable[str], target: Path, *, keep: Callable[[], bool], shard_rows: int = SHARD_ROWS) -> int:
    """Write the events of ``lines`` (JSON lines) to ``target``: a file, or a folder of shards.

    Nothing appears at ``target`` unless ``keep()`` says so once all is
    written (extraction keeps nothing when no document could be read).
    Returns how many events were written.
    """
    extras.require("Parquet output", "pyarrow")
    if wants_folder(target):
        return _write_folder(lines, target, keep, shard_rows)
    with Replacement(target) as new:
        count = _write_files(lines, lambda number: new.path, shard_rows=None)
        if keep():
            new.commit()
    return count


def read_events(path: Path) -> Iterator[Event]:
    """The events of a Parquet file, or of every ``*.parquet`` file in a folder (in name order), in row order."""
    extras.require(f"{path}: reading Parquet", "pyarrow")
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = sorted(path.rglob(f"*{PARQUET_SUFFIX}")) if path.is_dir() else [path]
    for file in files:
        try:
            batches = pq.ParquetFile(file).iter_batches(batch_size=READ_BATCH)
            row = 0
            for batch in batches:
                for record in batch.to_pylist():
                    yield _event(record, f"{file}: row {row}")
                    row += 1
        except (pa.ArrowException, OSError) as error:
            raise KbTimelineError(f"{file}: not a readable Parquet file ({_first_line(error)})") from None


def _write_files(lines: Iterable[str], file_for: Callable[[int], Path], shard_rows: int | None) -> int:
    """Row groups from ``lines`` into one file, or a new file (``file_for(n)``) every ``shard_rows`` events."""
    import pyarrow.parquet as pq

    columns = schema()
    stream = iter(lines)
    count, writer, shard = 0, None, 0
    try:
        while True:
            room = ROW_GROUP if shard_rows is None else min(ROW_GROUP, shard_rows * (shard + 1) - count)
            group = list(islice(stream, room))
            if not group:
                break
            if writer is None:
                writer = pq.ParquetWriter(file_for(shard), columns)
            writer.write_table(_table(group, columns), row_group_size=ROW_GROUP)
            count += len(group)
            if shard_rows is not None and count >= shard_rows * (shard + 1):
                writer.close()
                writer, shard = None, shard + 1
        if writer is None and shard == 0:  # no events: still a file, with the columns
            writer = pq.ParquetWriter(file_for(0), columns)
    finally:
        if writer is not None:
            writer.close()
    return count


def _table(lines: list[str], columns: pa.Schema) -> pa.Table:
    """JSON lines as a table, parsed by pyarrow itself: no Python object per field, a third of the time."""
    import pyarrow.json as pj

    data = "".join(lines).encode()
    return pj.read_json(
        io.BytesIO(data),
        read_options=pj.ReadOptions(block_size=len(data) + 1, use_threads=False),  # one block: lines in order
        parse_options=pj.ParseOptions(explicit_schema=columns, unexpected_field_behavior="error"),
    )


def _write_folder(lines: Iterable[str], target: Path, keep: Callable[[], bool], shard_rows: int) -> int:
    """Shards ``part-00000.parquet``... in a new folder beside ``target``, swapped in at the end.

    An existing ``target`` is replaced only if it holds nothing but Parquet
    files (an earlier output): a folder of other things is never removed.
    """
    if target.is_dir() and any(not file.name.endswith(PARQUET_SUFFIX) for file in target.iterdir()):
        raise KbTimelineError(f"{target}: a folder holding more than Parquet files; write the shards elsewhere")
    try:
        new = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}."))
    except OSError as error:
        raise KbTimelineError(f"{target}: cannot write: {error.strerror or error}") from None
    try:
        count = _write_files(lines, lambda number: new / f"part-{number:05d}{PARQUET_SUFFIX}", shard_rows)
        if keep():
            _swap_in(new, target)
    finally:
        shutil.rmtree(new, ignore_errors=True)
    return count


def _swap_in(new: Path, target: Path) -> None:
    """Put the folder ``new`` at ``target``: two renames, the old folder removed after."""
    for file in new.iterdir():
        with file.open("rb") as handle:
            os.fsync(handle.fileno())
    new.chmod(0o777 & ~_umask())
    old = new.with_name(new.name + ".old")
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def _event(record: dict[str, object], where: str) -> Event:
    if record.get("parts") is None:
        record.pop("parts", None)
    try:
        return Event.from_dict(record)
    except SchemaError as error:
        raise SchemaError(f"{where}: {error}") from None


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
