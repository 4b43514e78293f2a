"""One record out of a file, named the way the store names its inputs: `FILE#ID` (`dev.jsonl#d05`).

A path that exists as given is read whole, even with a `#` in its name; otherwise the part after the last
`#` is a document id, and only that document of the file is read. An id the file does not hold is an
error naming the closest ids it does hold.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rapidfuzz import fuzz, process

from accord.errors import NotFound
from accord.readers import read_paths
from accord.records import Document, Reject

__all__ = ["read_selected", "split_record"]

SHOWN_IDS = 5


def split_record(path: str) -> tuple[str, str | None]:
    """The file and the record id of `FILE#ID`; the id is None when `path` names a file as it is."""
    file, mark, record = path.rpartition("#")
    if not mark or not file or not record or path == "-" or Path(path).exists():
        return path, None
    return file, record


def read_selected(path: str) -> Iterator[Document | Reject]:
    """The documents of `path`, or only the record `FILE#ID` names; `NotFound` when the file lacks it."""
    file, wanted = split_record(path)
    if wanted is None:
        yield from read_paths([path])
        return
    seen: list[str] = []
    for document in read_paths([file]):
        if isinstance(document, Reject) and document.source == file:  # the file itself cannot be read
            yield document
            return
        if document.id == wanted:
            yield document
            return
        seen.append(document.id)
    close = [found for found, _, _ in process.extract(wanted, seen, scorer=fuzz.ratio, limit=SHOWN_IDS)]
    hint = f"did you mean {', '.join(close)}?" if close else "it holds no readable record"
    raise NotFound(f"{file} has no record {wanted!r}; {hint}")
