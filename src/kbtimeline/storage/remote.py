"""Documents at URLs (s3://, gs://, https://, file://...), listed and read through fsspec.

On a cluster the workers read the documents themselves, so a corpus need not
be on a disk they share: any storage fsspec reaches will do (with its own
package, such as s3fs for s3://). A URL is listed like a local path: a
folder's files depth first in name order, each named by its path inside the
folder. fsspec comes with the ``dask`` extra and is imported only for URLs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fnmatch import fnmatchcase
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, BinaryIO, NamedTuple

from kbtimeline import extras
from kbtimeline.errors import KbTimelineError

if TYPE_CHECKING:
    from fsspec import AbstractFileSystem

_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://")


def is_url(path: str) -> bool:
    """Whether an extract PATH is a URL rather than a local path."""
    return _URL.match(path) is not None


class RemoteFile(NamedTuple):
    """A file at a URL, opened as ``files.open_binary`` opens a local one."""

    url: str

    def open(self, mode: str = "rb") -> BinaryIO:
        filesystem, path = _filesystem(self.url)
        return filesystem.open(path, mode)  # type: ignore[no-any-return]


def folder(url: str, glob: str) -> Iterator[tuple[str, str]] | None:
    """The files below the folder at ``url`` whose name matches ``glob``, as (URL, name inside the folder
    without extension), depth first in name order; None if ``url`` is not a folder."""
    filesystem, root = _filesystem(url)
    try:
        if not filesystem.isdir(root):
            return None
    except OSError as error:
        raise KbTimelineError(f"{url}: cannot read: {error}") from None
    return (
        (filesystem.unstrip_protocol(path), PurePosixPath(path).relative_to(root).with_suffix("").as_posix())
        for path in _walk(filesystem, root, glob)
    )


def size(url: str) -> int:
    """The size of the file at ``url`` in bytes; 0 when it cannot be told (reading it will say why)."""
    try:
        filesystem, path = _filesystem(url)
        return int(filesystem.size(path) or 0)
    except (OSError, KbTimelineError):
        return 0


def _walk(filesystem: AbstractFileSystem, folder: str, glob: str) -> Iterator[str]:
    """As ``corpus._walk``: entries sorted by name, folders entered where they fall."""
    try:
        entries = sorted(filesystem.ls(folder, detail=True), key=lambda entry: PurePosixPath(entry["name"]).name)
    except OSError:
        return
    for entry in entries:
        name = entry["name"].rstrip("/")
        if entry["type"] == "directory":
            yield from _walk(filesystem, name, glob)
        elif fnmatchcase(PurePosixPath(name).name, glob):
            yield name


def _filesystem(url: str) -> tuple[AbstractFileSystem, str]:
    extras.require(f"{url}: reading URLs", "fsspec")
    from fsspec.core import url_to_fs

    try:
        return url_to_fs(url)  # type: ignore[no-any-return]
    except (ImportError, ValueError) as error:  # no package for the protocol (s3fs...), or a bad URL
        raise KbTimelineError(f"{url}: {error}") from None
