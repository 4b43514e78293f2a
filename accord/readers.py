"""Readers: turn files, directories, JSON Lines and standard input into `Document` records.

One function per format; `read_paths` picks one by extension, then by sniffing the content. A file that
cannot be read becomes a `Reject` with one clear sentence, and the other documents still go through.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from accord.errors import ReadError
from accord.records import Document, Reject

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# Seed pages open with " date YYYY-MM-DD" (or YYYY-MM); page text may follow on the same line.
DATE_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")
HTML_START = re.compile(r"\A\s*(<!doctype html|<html|<head|<body)", re.IGNORECASE)
STDIN = "-"

__all__ = ["read_html", "read_jsonl", "read_path", "read_paths", "read_text"]


def decode(data: bytes, name: str) -> str:
    """Decode UTF-8 (with or without BOM) or BOM-marked UTF-16; anything else is an error, not a guess."""
    if not data.strip():
        raise ReadError(f"{name} is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as err:
            raise ReadError(
                f"{name} has a UTF-16 byte-order mark but is not valid UTF-16: {err.reason}"
            ) from None
    if b"\x00" in data[:8192]:
        raise ReadError(f"{name} looks binary (it contains NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise ReadError(
            f"{name} is not UTF-8 text (byte 0x{data[err.start]:02x} at position {err.start}); "
            "convert it with iconv first"
        ) from None


def split_date_header(text: str) -> tuple[str | None, str]:
    """Return the publication date of a ` date YYYY-MM-DD` header line, and the text after it."""
    match = DATE_HEADER.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end() :]


def read_text(text: str, doc_id: str, source: str) -> Document:
    """Plain text, or the seed format whose first line may carry the publication date."""
    published, body = split_date_header(text)
    if not body.strip():
        raise ReadError(f"{source} has no text after its date line")
    if published:
        return Document(doc_id, source, body, "seed", published, "header")
    return Document(doc_id, source, body, "text")


def read_html(html: str, doc_id: str, source: str, url: str | None = None) -> Document:
    """HTML through trafilatura, keeping the title, date and URL it finds in the page's metadata."""
    import trafilatura  # imported here: loading it costs half a second that text-only runs never need

    extracted = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=False
    )
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        raise ReadError(f"{source} is HTML with no article text that trafilatura could find")
    title = getattr(extracted, "title", None)
    date = getattr(extracted, "date", None)
    page_url = url or getattr(extracted, "url", None)
    return Document(
        doc_id,
        source,
        text,
        "html",
        published=date or None,
        published_source="html-meta" if date else None,
        url=page_url,
        title=title,
        outlet=getattr(extracted, "sitename", None),
    )


def read_jsonl_record(record: object, source: str, lineno: int) -> Document:
    """One JSON Lines object: `id`, then `text` or `html`; `published`, `url`, `outlet` are optional."""
    where = f"{source} line {lineno}"
    if not isinstance(record, dict):
        raise ReadError(f"{where} is not a JSON object")
    doc_id = record.get("id")
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool) or str(doc_id).strip() == "":
        raise ReadError(f"{where} has no usable `id`")
    doc_id = str(doc_id)
    url, outlet, published = record.get("url"), record.get("outlet"), record.get("published")
    for key, value in (("url", url), ("outlet", outlet), ("published", published)):
        if value is not None and not isinstance(value, str):
            raise ReadError(f"{where} (id {doc_id}): `{key}` must be a string")
    doc_source = f"{source}#{doc_id}"
    if isinstance(record.get("html"), str) and not isinstance(record.get("text"), str):
        document = read_html(record["html"], doc_id, doc_source, url)
    elif isinstance(record.get("text"), str):
        document = read_text(record["text"], doc_id, doc_source)
    else:
        raise ReadError(f"{where} (id {doc_id}) has neither a `text` nor an `html` string")
    extra = {"url": url or document.url, "outlet": outlet or document.outlet, "format": "jsonl"}
    if published:
        extra.update(published=published, published_source="jsonl")
    return Document(**{**document.__dict__, **extra})


def read_jsonl(text: str, source: str) -> Iterator[Document | Reject]:
    """Each line one document; a broken line is rejected on its own."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield read_jsonl_record(json.loads(line), source, lineno)
        except json.JSONDecodeError as err:
            yield Reject(
                f"{Path(source).stem}:{lineno}", source, f"{source} line {lineno} is not JSON: {err.msg}"
            )
        except ReadError as err:
            yield Reject(f"{Path(source).stem}:{lineno}", source, str(err))


def sniff(name: str, text: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES or HTML_START.match(text):
        return "html"
    if suffix in JSONL_SUFFIXES or (text.lstrip().startswith("{") and text.rstrip().endswith("}")):
        return "jsonl"
    return "text"


def read_bytes(data: bytes, doc_id: str, source: str) -> Iterator[Document | Reject]:
    try:
        text = decode(data, source)
        kind = sniff(source, text)
        if kind == "jsonl":
            yield from read_jsonl(text, source)
        elif kind == "html":
            yield read_html(text, doc_id, source)
        else:
            yield read_text(text, doc_id, source)
    except ReadError as err:
        yield Reject(doc_id, source, str(err))


def read_path(path: Path) -> Iterator[Document | Reject]:
    """One file, or every file below a directory (recursively, in sorted order, hidden files skipped)."""
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts):
                yield from read_path(child)
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield Reject(path.stem, str(path), f"{path} cannot be read: {err.strerror or err}")
        return
    yield from read_bytes(data, path.stem, str(path))


def read_paths(paths: Iterable[str | Path]) -> Iterator[Document | Reject]:
    """Every document named by `paths`; `-` reads standard input."""
    for path in paths:
        if str(path) == STDIN:
            yield from read_bytes(sys.stdin.buffer.read(), "stdin", "<stdin>")
        elif not Path(path).exists():
            yield Reject(Path(path).stem, str(path), f"{path} does not exist")
        else:
            yield from read_path(Path(path))
