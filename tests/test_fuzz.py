"""Fuzzing the code that meets raw input first: the readers, the cleaner and the publication date.

The invariant: only Accord's own documented errors escape (`ReadError` from the functions that read one
document; nothing at all from the ones that read files, which turn every failure into a `Reject`), and
what comes out is clean (no control, invisible or bidi characters, lone surrogates; ISO dates of the
years Accord reckons with; one-line messages).

The number of examples comes from the Hypothesis profile (`tests/conftest.py`): "ci" by default, short;
`--hypothesis-profile=long` for a long run (see the README's "Testing" section).
"""

from __future__ import annotations

import json
import tempfile
from datetime import date
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from accord.decoding import UNWANTED, decode
from accord.errors import ReadError
from accord.pipeline import prepare
from accord.pubdate import dateline_value
from accord.readers import iso_date, read_html, read_jsonl_record, read_paths, read_text
from accord.records import Document, Reject

# Characters that broke things before: controls, lone surrogates, invisible and bidi characters, BOMs,
# line and paragraph separators, markup and JSON syntax.
HOSTILE_CHARS = "\x00\x07\x1b\x7f\ud800\udfff\u200b\u200d\u202e\u2066\ufeff\u2028\u2029\x85<>{}[]\"'&;#\\"
text = st.text(st.characters(codec=None) | st.sampled_from(HOSTILE_CHARS), max_size=200)
words = st.sampled_from(["cookie", "cookies", "accept", "date", "2024-03-04", "Oslo,", "March 4", "..."])
long_lines = st.tuples(words, st.integers(1, 3000)).map(lambda pair: " ".join([pair[0]] * pair[1]))
page_text = st.lists(text | long_lines | words, max_size=12).map("\n".join)
iso_like = st.from_regex(r"\A[0-9]{1,6}(-[0-9]{1,3}(-[0-9]{1,3})?)?([T ][0-9:.Z+-]{0,12})?\Z") | text
json_value = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | text | iso_like,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)
record = st.fixed_dictionaries(
    {},
    optional={
        key: json_value
        for key in ("id", "text", "html", "url", "published", "outlet")  # the fields readers look at
    },
)
FOLDER = Path(tempfile.mkdtemp(prefix="accord-fuzz-"))


def clean_string(value: str) -> bool:
    return not UNWANTED.search(value)


def assert_clean(document: Document) -> None:
    assert document.text.strip()
    for value in (document.id, document.text, document.source, document.title or "", document.url or ""):
        assert clean_string(value), repr(value[:80])
    assert document.published is None or iso_date(document.published) == document.published


def assert_one_line(reject: Reject, name: str) -> None:
    assert name in reject.error and "\n" not in reject.error and "\r" not in reject.error
    reject.error.encode("utf-8")  # printable: no lone surrogates
    assert clean_string(reject.error) and clean_string(reject.id)


@given(
    st.lists(st.builds(json.dumps, record) | st.builds(json.dumps, json_value) | text, max_size=5),
    st.sampled_from(["utf-8", "utf-16", "utf-16-le", "utf-32"]),
)
@example(['{"id": "x\\ud800", "text": "Talks."}', '{"id": "b", "text": "Talks."}'], "utf-8")
@example(['{"id": 1, "text": "\\u0001\\u0002"}'], "utf-16")
def test_a_feed_gives_clean_documents_and_one_line_rejects(lines: list[str], codec: str) -> None:
    path = FOLDER / "feed.jsonl"
    path.write_bytes("\n".join(lines).encode(codec, "surrogatepass"))
    for result in read_paths([path]):
        if isinstance(result, Reject):
            assert_one_line(result, str(path))
        else:
            assert_clean(result)


@given(st.binary(max_size=800) | page_text.map(lambda t: t.encode("utf-8", "surrogatepass")))
def test_any_file_gives_clean_documents_or_one_line_rejects(data: bytes) -> None:
    for name in ("page.txt", "page.html", "page"):
        path = FOLDER / name
        path.write_bytes(data)
        for result in read_paths([path]):
            if isinstance(result, Reject):
                assert_one_line(result, str(path))
            else:
                assert_clean(result)


@given(record)
@example({"id": "1" * 5000, "text": "x"})
@example({"id": "a", "text": "Talks.", "published": "9999-12-31"})
def test_one_record_is_a_document_or_a_read_error(fields: dict[str, object]) -> None:
    try:
        read_jsonl_record(fields, "feed.jsonl", 1)
    except ReadError as err:
        assert "feed.jsonl line 1" in str(err)


@given(st.binary(max_size=600))
def test_decoding_raises_only_read_errors(data: bytes) -> None:
    try:
        assert clean_string(decode(data, "a.txt"))
    except ReadError as err:
        assert "a.txt" in str(err)


@given(page_text)
def test_text_and_html_readers_raise_only_read_errors(page: str) -> None:
    for reader in (read_text, read_html):
        try:
            reader(page, "a", "a.page")
        except ReadError as err:
            assert "a.page" in str(err) and "\n" not in str(err)


@given(page_text, st.none() | st.text(max_size=60), st.none() | iso_like)
@example("cookie " * 3000 + "accept", None, None)
@example(" date 2024-02-30\nOslo, March 4 -", "https://news.example/2024/13/45/story", "2024-02")
def test_cleaning_and_dating_any_page_never_raise(page: str, url: str | None, published: str | None) -> None:
    document = Document("a", "a.txt", page, "text", published=published, url=url)
    cleaned = prepare(document)
    for line in cleaned.lines:
        assert page[line.start : line.end] == line.text
    value = cleaned.published.value
    if value and value != published:  # found on the page: a real date
        date.fromisoformat((value + "-01-01")[:10])
    for line in page.splitlines()[:20]:
        found = dateline_value(line)
        assert found is None or isinstance(found, str)
