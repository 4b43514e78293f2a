"""Readers: turn files, directories, JSON Lines and standard input into `Document` records.

One function per format; `read_paths` picks one by extension, then by sniffing the content. A file that
cannot be read becomes a `Reject` with one clear sentence naming it, and the other documents still go
through: scrapers hand over binary files, odd encodings, loops of links and truncated pages.

How bytes become text is `accord.decoding`'s business.
"""

from __future__ import annotations

import datetime
import errno
import io
import json
import logging
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from accord.decoding import SAMPLE, UNWANTED, decode, looks_binary, mend, printable, tidy, wide_codec
from accord.errors import ReadError
from accord.records import Document, Reject

if TYPE_CHECKING:
    from accord.sources.fetch import Fetcher

log = logging.getLogger(__name__)

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# Seed pages open with " date YYYY-MM-DD" (or YYYY-MM); page text may follow on the same line.
DATE_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")
HTML_START = re.compile(r"\A\s*(<!doctype html|<html|<head|<body)", re.IGNORECASE)
# An ISO date, optionally with a time after it (kept: the date only).
ISO_DATE = re.compile(r"\A(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][0-9:.+\-Z]*)?\Z")
STDIN = "-"
URL_START = re.compile(r"\Ahttps?://", re.IGNORECASE)
WARC_SUFFIXES = (".warc", ".warc.gz")  # web archives: `accord.sources.warc`
MIN_YEAR, MAX_YEAR = (
    1000,
    2999,
)  # the publication years the date resolver (`accord.extraction.dates`) reckons with
MAX_FILE_BYTES = 256 * 1024 * 1024  # read whole into memory: a bigger file is split first, not swallowed
# Markup parsed into a tree costs many times its size in memory, and trafilatura about 0.2 ms per element;
# no article page needs more than these (the text extraction keeps, ACCORD_MAX_CHARS, is 100,000
# characters), and within them a page is read in seconds. Tags are counted by their "<" (two an element).
MAX_HTML_CHARS = 5_000_000
MAX_HTML_TAGS = 60_000
# lxml stops reading a tree deeper than this, so a page nested deeper loses its text without an error.
MAX_HTML_DEPTH = 255
TAG = re.compile(r"<(/?)([a-zA-Z][\w:-]*)[^>]*?(/?)>")
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)

__all__ = ["read_html", "read_jsonl", "read_path", "read_paths", "read_text"]


def reject(doc_id: str, source: str, message: str) -> Reject:
    """A `Reject` whose id, source and one-line message print safely whatever the file was called."""
    return Reject(printable(doc_id), printable(source), printable(message))


def iso_date(value: str) -> str | None:
    """The date part of an ISO date or timestamp (YYYY, YYYY-MM, YYYY-MM-DD), if it is a real date in the
    years Accord reckons with."""
    match = ISO_DATE.match(value.strip())
    if not match:
        return None
    year, month, day = match.groups()
    if not MIN_YEAR <= int(year) <= MAX_YEAR:
        return None
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return None
    return "-".join(part for part in (year, month, day) if part)


def split_date_header(text: str) -> tuple[str | None, str]:
    """Return the publication date of a ` date YYYY-MM-DD` header line, and the text after it."""
    match = DATE_HEADER.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end() :]


def read_text(text: str, doc_id: str, source: str) -> Document:
    """Plain text, or the seed format whose first line may carry the publication date."""
    published, body = split_date_header(text)
    if published and not iso_date(published):
        raise ReadError(f"{source} has an impossible date in its date line: {published}")
    if not body.strip():
        raise ReadError(f"{source} has no text after its date line" if published else f"{source} is empty")
    if published:
        return Document(doc_id, source, body, "seed", published, "header")
    return Document(doc_id, source, body, "text")


def read_html(html: str, doc_id: str, source: str, url: str | None = None) -> Document:
    """HTML through trafilatura, keeping the title, date and URL it finds in the page's metadata."""
    import trafilatura  # imported here: loading it costs half a second that text-only runs never need

    if len(html) > MAX_HTML_CHARS:
        raise ReadError(
            f"{source} is {len(html):,} characters of HTML, more than the {MAX_HTML_CHARS:,} Accord parses "
            "in one page; save the article alone"
        )
    if (tags := html.count("<")) > MAX_HTML_TAGS:
        raise ReadError(
            f"{source} is HTML with {tags:,} tags, more than the {MAX_HTML_TAGS:,} Accord parses in one page; "
            "save the article alone"
        )
    try:
        extracted = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False
        )
    except (ValueError, TypeError, RecursionError, LookupError) as err:  # lxml's and trafilatura's
        raise ReadError(f"{source} is HTML that could not be parsed: {err}") from None
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or not text.strip():
        if nesting_depth(html) > MAX_HTML_DEPTH:
            raise ReadError(
                f"{source} is HTML nested more than {MAX_HTML_DEPTH} elements deep, deeper than the parser "
                "reads; no article text was found"
            )
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


def nesting_depth(html: str) -> int:
    """How deep the page's elements nest, counting every unclosed non-void tag (enough to tell a page
    the parser gave up on from one with no text)."""
    depth = deepest = 0
    for closing, name, self_closing in TAG.findall(html):
        if closing:
            depth = max(0, depth - 1)
        elif not self_closing and name.lower() not in VOID_ELEMENTS:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def read_jsonl_record(record: object, source: str, lineno: int) -> Document:
    """One JSON Lines object: `id`, then `text` or `html`; `published`, `url`, `outlet` are optional."""
    where = f"{source} line {lineno}"
    if not isinstance(record, dict):
        raise ReadError(f"{where} is not a JSON object")
    doc_id = record.get("id")
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool) or str(doc_id).strip() == "":
        raise ReadError(f"{where} has no usable `id`")
    doc_id = str(doc_id)
    if UNWANTED.search(doc_id):
        raise ReadError(
            f"{where} (id {printable(doc_id)}): `id` holds a control or invisible character or a lone "
            "surrogate (an unpaired \\u escape); ids must be plain text"
        )
    url, outlet, published = record.get("url"), record.get("outlet"), record.get("published")
    for key, value in (("url", url), ("outlet", outlet), ("published", published)):
        if value is not None and not isinstance(value, str):
            raise ReadError(f"{where} (id {doc_id}): `{key}` must be a string")
    if published and not iso_date(published):
        raise ReadError(
            f"{where} (id {doc_id}): `published` is not an ISO date (YYYY-MM-DD) between the years "
            f"{MIN_YEAR} and {MAX_YEAR}: {printable(published)}"
        )
    doc_source = f"{source}#{doc_id}"
    try:
        if isinstance(record.get("html"), str) and not isinstance(record.get("text"), str):
            document = read_html(tidy(record["html"], doc_source), doc_id, doc_source, url)
        elif isinstance(record.get("text"), str):
            document = read_text(tidy(record["text"], doc_source), doc_id, doc_source)
        else:
            raise ReadError(f"{where} (id {doc_id}) has neither a `text` nor an `html` string")
    except ReadError as err:  # "feed.jsonl line 7 (id a12) is empty": the line to open, not only the id
        raise ReadError(str(err).replace(doc_source, f"{where} (id {doc_id})", 1)) from err
    extra = {"url": url or document.url, "outlet": outlet or document.outlet, "format": "jsonl"}
    if published:
        extra.update(published=iso_date(published), published_source="jsonl")
    return Document(**{**document.__dict__, **extra})


def json_problem(err: ValueError | RecursionError) -> str:
    if isinstance(err, json.JSONDecodeError):
        return err.msg
    if isinstance(err, RecursionError):
        return "nested too deeply"
    if "int_max_str_digits" in str(err):  # Python's advice is for programmers, not for the feed's author
        return f"it holds a number of more than {sys.get_int_max_str_digits():,} digits"
    return str(err)


def read_jsonl(lines: Iterable[str], source: str) -> Iterator[Document | Reject]:
    """Each line one document; a broken line, or one repeating an earlier line's id, is rejected alone."""
    first_line: dict[str, int] = {}
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        line_id = f"{Path(source).stem}:{lineno}"
        try:
            document = read_jsonl_record(json.loads(line), source, lineno)
        except (ValueError, RecursionError) as err:  # JSONDecodeError, or nesting deeper than Python's stack
            yield reject(line_id, source, f"{source} line {lineno} is not JSON: {json_problem(err)}")
            continue
        except ReadError as err:
            yield reject(line_id, source, str(err))
            continue
        except Exception as err:  # a parser's surprise costs this line, not the lines after it
            log.debug("reading %s line %d failed", source, lineno, exc_info=err)
            yield reject(
                line_id, source, f"{source} line {lineno} could not be read: {type(err).__name__}: {err}"
            )
            continue
        if document.id in first_line:
            yield reject(
                line_id,
                source,
                f"{source} line {lineno} repeats the id {document.id} of line {first_line[document.id]}; "
                "ids must be unique",
            )
            continue
        first_line[document.id] = lineno
        yield document


def sniff(name: str, text: str) -> str:
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES or HTML_START.match(text):
        return "html"
    if suffix in JSONL_SUFFIXES or (text.lstrip().startswith("{") and text.rstrip().endswith("}")):
        return "jsonl"
    return "text"


def sanitised(document: Document) -> Document:
    """The document with no control, invisible or bidi characters or lone surrogates in any of its strings,
    and its text and title read as their writer meant them where a scraper decoded them twice."""
    changes: dict[str, Any] = {  # Any: mypy checks `replace` per field, and these are all str fields
        f.name: tidy(value, document.source)
        for f in fields(document)
        if isinstance(value := getattr(document, f.name), str) and UNWANTED.search(value)
    }
    for name in ("text", "title"):
        value = changes.get(name, getattr(document, name))
        if value and (mended := mend(value, document.source)) != value:
            changes[name] = mended
    return replace(document, **changes) if changes else document


def read_bytes(data: bytes, doc_id: str, source: str) -> Iterator[Document | Reject]:
    """Every document in one file's bytes; nothing a file holds may stop the documents after it."""
    try:
        text = decode(data, source)
        kind = sniff(source, text)
        if kind == "jsonl":
            # Lines end at \n, \r\n or \r only: `splitlines` would also cut at U+2028 or U+0085, which a JSON
            # string may hold unescaped.
            documents: Iterable[Document | Reject] = read_jsonl(io.StringIO(text, newline=None), source)
        elif kind == "html":
            documents = [read_html(text, doc_id, source)]
        else:
            documents = [read_text(text, doc_id, source)]
        for document in documents:
            yield sanitised(document) if isinstance(document, Document) else document
    except ReadError as err:
        yield reject(doc_id, source, str(err))
    except Exception as err:  # a reader bug or a parser's surprise must cost one file, not the run
        log.debug("reading %s failed", source, exc_info=err)
        yield reject(doc_id, source, f"{source} could not be read: {type(err).__name__}: {err}")


def problem(path: Path) -> str | None:
    """Why a path that is not a readable regular file or directory cannot be read; None when it can."""
    try:
        mode = path.stat().st_mode
    except OSError as err:
        if err.errno == errno.ELOOP:
            return f"{path} is a loop of symbolic links"
        if err.errno == errno.ENOENT:
            return f"{path} is a broken symbolic link" if path.is_symlink() else f"{path} does not exist"
        return f"{path} cannot be read: {err.strerror or err}"
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        return f"{path} is not a regular file (a pipe, socket or device)"
    return None


def walk(root: Path) -> Iterator[tuple[Path, str | None]]:
    """Every file below `root` (hidden ones skipped) with why it cannot be read, in sorted order.

    Symbolic links to directories are followed, but each directory is read once, so a link back up the
    tree cannot loop."""
    found: list[tuple[Path, str | None]] = []
    seen: set[tuple[int, int]] = set()
    pending = [root]
    while pending:
        directory = pending.pop()
        try:
            info = directory.stat()
            if (info.st_dev, info.st_ino) in seen:
                log.info("%s: a directory already read, skipped", printable(str(directory)))
                continue
            seen.add((info.st_dev, info.st_ino))
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as err:
            found.append(
                (directory, f"{directory} is a directory that cannot be read: {err.strerror or err}")
            )
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            child = Path(entry.path)
            reason = problem(child)
            if reason is None and child.is_dir():
                pending.append(child)
            else:
                found.append((child, reason))
    found.sort(key=lambda item: item[0])
    yield from found


def feed_lines(feed: BinaryIO, codec: str | None) -> Iterator[str]:
    """A JSON Lines feed's lines, read one at a time so a feed of any size keeps memory flat: UTF-8 as JSON
    should be, or the UTF-16/32 its first bytes show (a stray invalid byte becomes U+FFFD in its own line
    rather than failing the feed)."""
    lines: Iterable[str] = (
        io.TextIOWrapper(feed, encoding=codec, errors="replace")
        if codec
        else (raw.decode("utf-8", errors="replace") for raw in feed)
    )
    for number, line in enumerate(lines):
        yield line.lstrip("\ufeff") if number == 0 else line


def read_feed(path: Path) -> Iterator[Document | Reject]:
    """A JSON Lines feed, each line a document; binary data named `.jsonl` is one refusal, not one per
    line."""
    source = printable(str(path))
    try:
        with path.open("rb") as feed:
            head = feed.read(SAMPLE)
            feed.seek(0)
            codec = wide_codec(head)
            if codec is None and looks_binary(head):
                yield reject(
                    path.stem,
                    source,
                    f"{source} looks binary (it contains NUL or control bytes), not JSON Lines",
                )
                return
            for document in read_jsonl(feed_lines(feed, codec), source):
                yield sanitised(document) if isinstance(document, Document) else document
    except OSError as err:
        yield reject(path.stem, source, f"{source} cannot be read: {err.strerror or err}")


def read_file(path: Path) -> Iterator[Document | Reject]:
    if path.suffix.lower() in JSONL_SUFFIXES:
        yield from read_feed(path)
        return
    if path.name.lower().endswith(WARC_SUFFIXES):
        from accord.sources.warc import read_warc  # here: warcio is needed only for web archives

        yield from read_warc(path)
        return
    source = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ReadError(
                f"{source} has {size:,} bytes, more than the {MAX_FILE_BYTES:,} Accord reads from one "
                "file; split it"
            )
        data = path.read_bytes()
    except OSError as err:
        yield reject(path.stem, source, f"{source} cannot be read: {err.strerror or err}")
        return
    except ReadError as err:
        yield reject(path.stem, source, str(err))
        return
    yield from read_bytes(data, printable(path.stem), printable(source))


def read_path(path: Path) -> Iterator[Document | Reject]:
    """One file, or every file below a directory (recursively, in sorted order, hidden files skipped)."""
    reason = problem(path)
    if reason:
        yield reject(path.stem, str(path), reason)
    elif path.is_dir():
        for child, reason in walk(path):
            if reason:
                yield reject(child.stem, str(child), reason)
            else:
                yield from read_file(child)
    else:
        yield from read_file(path)


def read_stdin() -> Iterator[Document | Reject]:
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        yield reject("stdin", "<stdin>", f"<stdin> has more than the {MAX_FILE_BYTES:,} bytes Accord reads")
        return
    yield from read_bytes(data, "stdin", "<stdin>")


def read_paths(paths: Iterable[str | Path]) -> Iterator[Document | Reject]:
    """Every document named by `paths`; `-` reads standard input, an http(s) URL is fetched (all of
    them by one polite client)."""
    fetcher: Fetcher | None = None
    try:
        for path in paths:
            if str(path) == STDIN:
                yield from read_stdin()
            elif URL_START.match(str(path)):
                from accord.sources.web import Fetcher, read_page  # here: httpx is needed only for the web

                fetcher = fetcher or Fetcher()
                yield read_page(str(path), fetcher)
            else:
                yield from read_path(Path(path))
    finally:
        if fetcher is not None:
            fetcher.close()
