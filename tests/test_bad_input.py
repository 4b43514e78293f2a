"""Whatever a scraper hands over: each bad document gets one clear line naming it, the rest go on.

The corpus is generated here (never copied from real pages): one entry per kind of bad input, each with
what Accord must do with it: read it (possibly mended) or refuse it with a message containing a phrase.
"""

from __future__ import annotations

import gzip
import json
import os
import random
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord import readers
from accord.cli import app
from accord.errors import SettingError
from accord.pipeline import extract_documents
from accord.readers import read_paths
from accord.records import Document, Extraction, Reject
from accord.settings import Settings
from accord.store import events, open_store

ARTICLE = (
    " date 2024-03-05\nForeign Minister Anna Berg of Norway met Foreign Minister Kenji Sato of Japan in "
    "Oslo on Monday. The two ministers discussed trade and Arctic research.\n"
)
PROSE = "The envoys of two neighbouring states held talks in the capital on Tuesday about trade.\n"
READ = ""  # expected outcome: a document (the text check, if any, is a callable)
rng = random.Random(7)


def jsonl(*rows: object) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows).encode()


def html(body: str, head: str = "") -> bytes:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>".encode()


PARAGRAPHS = "".join(f"<p>{PROSE * 3}</p>" for _ in range(3))

# name: (file name, content, expected phrase in the error, or READ; optional check of the text read)
KINDS: dict[str, tuple[str, bytes, str, Callable[[str], bool] | None]] = {
    "empty": ("a.txt", b"", "is empty", None),
    "spaces": ("a.txt", b"   \t  ", "is empty", None),
    "newlines": ("a.txt", b"\r\n\r\n\n", "is empty", None),
    "unicode whitespace": ("a.txt", "\u00a0\u3000\u2003\n".encode(), "only whitespace", None),
    "random bytes": ("a.txt", rng.randbytes(4096), "looks binary", None),
    "png": ("a.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(2000), "looks binary", None),
    "gzip": ("a.txt", gzip.compress(ARTICLE.encode() * 20), "looks binary", None),
    "all nul": ("a.txt", b"\x00" * 1000, "looks binary", None),
    "elf": ("a.bin", b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + rng.randbytes(500), "looks binary", None),
    "utf-16 le bom": ("a.txt", ARTICLE.encode("utf-16"), READ, lambda t: "Anna Berg" in t),
    "utf-16 be bom": ("a.txt", b"\xfe\xff" + PROSE.encode("utf-16-be"), READ, lambda t: t == PROSE),
    "utf-16 le no bom": ("a.txt", PROSE.encode("utf-16-le"), READ, lambda t: t == PROSE),
    "utf-16 be no bom": ("a.txt", PROSE.encode("utf-16-be"), READ, lambda t: t == PROSE),
    "utf-32 bom": ("a.txt", PROSE.encode("utf-32"), READ, lambda t: t == PROSE),
    "utf-8 bom": ("a.txt", b"\xef\xbb\xbf" + PROSE.encode(), READ, lambda t: t == PROSE),
    "utf-16 bom truncated": (
        "a.txt",
        b"\xff\xfe" + PROSE.encode("utf-16-le") + b"A",
        "byte-order mark",
        None,
    ),
    "latin-1": (
        "a.txt",
        ("Le ministre a visité Zürich. " + PROSE).encode("latin-1"),
        READ,
        lambda t: "visité Zürich" in t,
    ),
    "cp1252 quotes": (
        "a.txt",
        b"\x93Talks\x94 went well \x96 officials said. " + PROSE.encode(),
        READ,
        lambda t: "\u201cTalks\u201d" in t,
    ),
    "mixed utf-8 and latin-1": (
        "a.txt",
        "café ".encode() + b"caf\xe9 " + PROSE.encode(),
        READ,
        lambda t: t.startswith("café café"),
    ),
    "greek iso-8859-7": (
        "a.txt",
        ("Ο υπουργός Εξωτερικών συναντήθηκε με τον ομόλογό του. " * 5).encode("iso-8859-7"),
        "is not UTF-8 text",
        None,
    ),
    "cyrillic cp1251": (
        "a.txt",
        ("Министр иностранных дел встретился с коллегой. " * 5).encode("cp1251"),
        "is not UTF-8 text",
        None,
    ),
    "shift-jis": ("a.txt", ("外務大臣は会談した。" * 20).encode("shift_jis"), "is not UTF-8 text", None),
    "stray nul": ("a.txt", PROSE.encode() + b"\x00" + PROSE.encode(), READ, lambda t: "\x00" not in t),
    "control characters": (
        "a.txt",
        b"\x1b[31m" + PROSE.encode() + b"\x07\x08",
        READ,
        lambda t: t.startswith("[31mThe"),
    ),
    "bidi override": ("a.txt", ("\u202e" + PROSE).encode(), READ, lambda t: t == PROSE),
    "invisible characters inside words": (
        "a.txt",
        PROSE.replace("envoys", "en\u200bvo\u200dys\ufeff")
        .replace("capital", "\u2066capi\u00adtal\u2069")
        .encode(),
        READ,
        lambda t: t == PROSE,
    ),
    "invisible characters in html": (
        "a.html",
        html(PARAGRAPHS.replace("envoys", "en&#8203;voys&#8238;")),
        READ,
        lambda t: "envoys" in t and "\u200b" not in t and "\u202e" not in t,
    ),
    "date line only": ("a.txt", b" date 2024-01-02\n\n", "no text after its date line", None),
    "impossible date": ("a.txt", b" date 2024-13-45\n" + PROSE.encode(), "impossible date", None),
    "month date": ("a.txt", b" date 2024-02\n" + PROSE.encode(), READ, None),
    "chinese": (
        "a.txt",
        ("外交部长周一在北京会见了挪威外交大臣。双方讨论了贸易问题。\n" * 3).encode(),
        READ,
        None,
    ),
    "arabic": ("a.txt", ("التقى وزير الخارجية نظيره في أوسلو يوم الاثنين.\n" * 3).encode(), READ, None),
    "russian": (
        "a.txt",
        ("Министр иностранных дел встретился с коллегой в Осло.\n" * 3).encode(),
        READ,
        None,
    ),
    "hindi": ("a.txt", ("विदेश मंत्री ने सोमवार को ओस्लो में अपने समकक्ष से मुलाकात की।\n" * 3).encode(), READ, None),
    "emoji and combining marks": (
        "a.txt",
        ("Talks 🤝🏽 went w\u0301\u0302\u0303ell. " + PROSE).encode(),
        READ,
        None,
    ),
    "punctuation only": ("a.txt", b"!!! ... --- ??? ***\n|||\n", READ, None),
    "one long word": ("a.txt", b"x" * 20_000, READ, None),
    "deeply nested html": (
        "a.html",
        b"<html><body>" + b"<div>" * 20_000 + b"x",
        "nested more than 255 elements deep",
        None,
    ),
    "html with a hundred thousand elements": (
        "a.html",
        html("<p>Talks.</p>" * 50_000),
        "HTML with 100,007 tags, more than the 60,000 Accord parses",
        None,
    ),
    "truncated html": (
        "a.html",
        html(PARAGRAPHS)[:-40] + b"<p>The talks were cont",
        READ,
        lambda t: "envoys" in t,
    ),
    "html only scripts": (
        "a.html",
        html("<script>alert(1)</script>" * 5, "<script>var a = 1;</script>"),
        "no article text",
        None,
    ),
    "html only styles and comments": (
        "a.html",
        html("<style>p{}</style><!-- nothing -->"),
        "no article text",
        None,
    ),
    "html empty body": ("a.html", html(""), "no article text", None),
    "html unclosed tags": ("a.html", html(PARAGRAPHS.replace("</p>", "") + "<div><span><b>"), READ, None),
    "html latin-1": (
        "a.html",
        html(PARAGRAPHS.replace("capital", "capitale élue")).decode().encode("latin-1"),
        READ,
        lambda t: "élue" in t,
    ),
    "html huge attribute": ("a.html", html(f"<div data-x='{'y' * 200_000}'>{PARAGRAPHS}</div>"), READ, None),
    "xhtml with xml declaration": ("a.xhtml", b"<?xml version='1.0'?>" + html(PARAGRAPHS), READ, None),
    "jsonl broken line": ("a.jsonl", jsonl("{broken"), "is not JSON", None),
    "jsonl text not a string": (
        "a.jsonl",
        jsonl({"id": "a", "text": 5}),
        "neither a `text` nor an `html`",
        None,
    ),
    "jsonl id a list": ("a.jsonl", jsonl({"id": [1], "text": PROSE}), "no usable `id`", None),
    "jsonl id a boolean": ("a.jsonl", jsonl({"id": True, "text": PROSE}), "no usable `id`", None),
    "jsonl id NaN": ("a.jsonl", b'{"id": NaN, "text": "x"}', "no usable `id`", None),
    "jsonl missing id": ("a.jsonl", jsonl({"text": PROSE}), "no usable `id`", None),
    "jsonl url a number": (
        "a.jsonl",
        jsonl({"id": "a", "text": PROSE, "url": 3}),
        "`url` must be a string",
        None,
    ),
    "jsonl published not a date": (
        "a.jsonl",
        jsonl({"id": "a", "text": PROSE, "published": "yesterday"}),
        "not an ISO date",
        None,
    ),
    "jsonl published timestamp": (
        "a.jsonl",
        jsonl({"id": "a", "text": PROSE, "published": "2024-01-09T10:00:00Z"}),
        READ,
        None,
    ),
    "jsonl deeply nested": ("a.jsonl", b"[" * 100_000, "nested too deeply", None),
    "jsonl huge integer": (
        "a.jsonl",
        b'{"id": ' + b"9" * 5000 + b', "text": "x"}',
        "is not JSON: it holds a number of more than 4,300 digits",
        None,
    ),
    "jsonl id with a lone surrogate": (
        "a.jsonl",
        b'{"id": "x\\ud800", "text": "' + PROSE.strip().encode() + b'"}',
        "(id x\\ud800): `id` holds a control or invisible character or a lone surrogate",
        None,
    ),
    "jsonl published with a lone surrogate": (
        "a.jsonl",
        b'{"id": "a", "published": "2024\\udfff", "text": "' + PROSE.strip().encode() + b'"}',
        "not an ISO date (YYYY-MM-DD) between the years 1000 and 2999: 2024\\udfff",
        None,
    ),
    "jsonl published in the year 9999": (
        "a.jsonl",
        jsonl({"id": "a", "text": PROSE, "published": "9999-12-31"}),
        "between the years 1000 and 2999: 9999-12-31",
        None,
    ),
    "date line in the year 0001": ("a.txt", b" date 0001-01-01\n" + PROSE.encode(), "impossible date", None),
    "jsonl text of control characters only": (
        "a.jsonl",
        jsonl({"id": "a", "text": "\x01\x02\x1b\u200b\u202e"}),
        "is empty",
        None,
    ),
    "jsonl utf-16 with bom": (
        "a.jsonl",
        jsonl({"id": "a", "text": PROSE}).decode().encode("utf-16"),
        READ,
        None,
    ),
    "jsonl utf-16 without bom": (
        "a.jsonl",
        jsonl({"id": "a", "text": PROSE}).decode().encode("utf-16-le"),
        READ,
        lambda t: t == PROSE,
    ),
    "json lines with a line separator inside a string": (
        "feed",
        jsonl({"id": "a", "text": "Talks\u2028ended.\u0085" + PROSE})
        .decode()
        .replace("\\u2028", "\u2028")
        .encode(),
        READ,
        lambda t: t.startswith("Talks\u2028ended."),
    ),
    "jsonl binary": ("a.jsonl", rng.randbytes(8192), "looks binary", None),
    "jsonl not an object": ("a.jsonl", b'["id", "text"]', "is not a JSON object", None),
    "jsonl empty text": ("a.jsonl", jsonl({"id": "a", "text": "  "}), "is empty", None),
    "jsonl html only scripts": (
        "a.jsonl",
        jsonl({"id": "a", "html": "<script>x()</script>"}),
        "no article text",
        None,
    ),
    "jsonl lone surrogate": (
        "a.jsonl",
        b'{"id": "a", "text": "Talks \\ud800 ended. ' + PROSE.strip().encode() + b'"}',
        READ,
        lambda t: "\ud800" not in t,
    ),
    "jsonl crlf and bom": (
        "a.jsonl",
        b"\xef\xbb\xbf" + jsonl({"id": "a", "text": PROSE}).replace(b"\n", b"\r\n") + b"\r\n",
        READ,
        None,
    ),
    "pretty-printed json": (
        "a.json",
        json.dumps({"id": "a", "text": PROSE}, indent=2).encode(),
        "is not JSON",
        None,
    ),
}


def results_for(tmp_path: Path, name: str, content: bytes) -> list[Document | Reject]:
    path = tmp_path / name
    path.write_bytes(content)
    return list(read_paths([path]))


def assert_clear(reject: Reject, names: str) -> None:
    """One line, naming the document."""
    assert names in reject.error, reject.error
    assert "\n" not in reject.error and "\r" not in reject.error


def test_the_corpus_has_at_least_fifty_kinds() -> None:
    assert len(KINDS) + len(SPECIAL_KINDS) >= 50


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_is_read_or_refused_clearly(tmp_path: Path, kind: str) -> None:
    name, content, expected, check = KINDS[kind]
    results = results_for(tmp_path, name, content)
    assert results, "nothing may be lost: every file gives a document or a reject"
    first = results[0]
    if expected == READ:
        assert isinstance(first, Document), getattr(first, "error", "")
        assert first.text.strip() and "\x00" not in first.text
        assert check is None or check(first.text), repr(first.text[:200])
    else:
        assert isinstance(first, Reject), f"expected a refusal containing {expected!r}"
        assert expected in first.error
        assert_clear(first, str(tmp_path / name))


def test_a_binary_feed_is_refused_once(tmp_path: Path) -> None:
    (reject,) = results_for(tmp_path, "a.jsonl", rng.randbytes(8192) + b"\n" * 20)
    assert isinstance(reject, Reject) and "looks binary" in reject.error


def test_html_bigger_than_the_parse_limit_is_refused_unparsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(readers, "MAX_HTML_CHARS", 1000)
    (reject,) = results_for(tmp_path, "a.html", html(PARAGRAPHS * 3))
    assert (
        isinstance(reject, Reject) and "characters of HTML, more than the 1,000 Accord parses" in reject.error
    )


def surrogate_feed(folder: Path) -> Path:
    """A feed whose first line's id is a lone surrogate escape, and whose second line is a good article."""
    feed = folder / "feed.jsonl"
    good = json.dumps({"id": "good", "text": ARTICLE})
    feed.write_bytes(b'{"id": "x\\ud800", "text": "Talks."}\n' + good.encode() + b"\n")
    return feed


def test_a_lone_surrogate_in_an_id_costs_only_its_line_in_extract(tmp_path: Path) -> None:
    feed = surrogate_feed(tmp_path)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(feed), "-o", str(out)])
    assert result.exit_code == 1, result.output
    first, second = (json.loads(line) for line in out.read_text(encoding="utf-8").splitlines())
    assert "line 1" in first["error"] and "x\\ud800" in first["error"]
    assert second["id"] == "good" and second["events"]


def test_a_lone_surrogate_in_an_id_costs_only_its_line_in_ingest(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'accord.db'}"
    result = CliRunner().invoke(app, ["ingest", str(surrogate_feed(tmp_path)), "--db", url])
    assert result.exit_code == 1, result.output
    assert "x\\ud800" in result.stderr
    store = open_store(url)
    try:
        stored = events(store)
        assert stored and {source.input_id for event in stored for source in event.sources} == {"good"}
    finally:
        store.close()


def test_duplicate_jsonl_ids_keep_the_first_and_refuse_the_repeat(tmp_path: Path) -> None:
    rows = jsonl(
        {"id": "a", "text": PROSE}, {"id": "b", "text": PROSE}, {"id": "a", "text": "Other. " + PROSE}
    )
    first, second, third = results_for(tmp_path, "dup.jsonl", rows)
    assert isinstance(first, Document) and isinstance(second, Document) and isinstance(third, Reject)
    assert "line 3 repeats the id a of line 1" in third.error


def test_a_parser_surprise_in_a_feed_costs_only_that_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> object:
        raise AssertionError("a bug in a parser")

    monkeypatch.setattr(readers, "read_html", explode)
    rows = jsonl({"id": "a", "html": "<p>x</p>"}, {"id": "b", "text": PROSE})
    first, second = results_for(tmp_path, "feed.jsonl", rows)
    assert isinstance(first, Reject) and "line 1 could not be read: AssertionError" in first.error
    assert isinstance(second, Document) and second.id == "b"


def test_a_broken_jsonl_line_costs_only_that_line(tmp_path: Path) -> None:
    rows = jsonl({"id": "a", "text": PROSE}, "{oops", "[" * 5000, {"id": "d", "text": PROSE})
    kinds = [type(r).__name__ for r in results_for(tmp_path, "mixed.jsonl", rows)]
    assert kinds == ["Document", "Reject", "Reject", "Document"]


# Kinds that are not a file's content: links, special files, permissions, names, sizes, standard input.


def symlink_loop(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    return tmp_path / "loop.txt", "loop of symbolic links"


def mutual_symlinks(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    return tmp_path / "a.txt", "loop of symbolic links"


def broken_symlink(tmp_path: Path) -> tuple[Path, str]:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    return tmp_path / "gone.txt", "broken symbolic link"


def fifo(tmp_path: Path) -> tuple[Path, str]:
    os.mkfifo(tmp_path / "pipe.txt")
    return tmp_path / "pipe.txt", "not a regular file"


def missing(tmp_path: Path) -> tuple[Path, str]:
    return tmp_path / "nope.txt", "does not exist"


SPECIAL_KINDS = [symlink_loop, mutual_symlinks, broken_symlink, fifo, missing]


@pytest.mark.parametrize("make", SPECIAL_KINDS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("inside_a_directory", [False, True])
def test_links_and_special_files_are_refused_by_name(
    tmp_path: Path, make: Callable[[Path], tuple[Path, str]], inside_a_directory: bool
) -> None:
    path, message = make(tmp_path)
    if inside_a_directory and make is missing:
        pytest.skip("a directory lists only what exists")
    (tmp_path / "good.txt").write_text(PROSE, encoding="utf-8")
    results = list(read_paths([tmp_path if inside_a_directory else path]))
    rejects = [r for r in results if isinstance(r, Reject)]
    assert rejects and all(message in r.error for r in rejects)
    assert_clear(rejects[0], str(path))
    if inside_a_directory:
        assert [r.id for r in results if isinstance(r, Document)] == ["good"]


def test_a_directory_linking_back_up_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(PROSE, encoding="utf-8")
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    assert [r.id for r in read_paths([tmp_path])] == ["a"]


def test_unreadable_file_is_refused_and_the_rest_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests run as root, where chmod 000 does not stop reading: the refusal is simulated."""
    (tmp_path / "a.txt").write_text(PROSE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PROSE, encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "a.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    first, second = read_paths([tmp_path])
    assert isinstance(first, Reject) and "cannot be read: Permission denied" in first.error
    assert_clear(first, str(tmp_path / "a.txt"))
    assert isinstance(second, Document) and second.id == "b"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_chmod_000_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(PROSE, encoding="utf-8")
    path.chmod(0)
    (reject,) = read_paths([path])
    assert isinstance(reject, Reject) and "Permission denied" in reject.error


def test_unreadable_directory_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(PROSE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(PROSE, encoding="utf-8")
    real = os.scandir

    def scandir(path: str | Path) -> object:
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(readers.os, "scandir", scandir)
    results = list(read_paths([tmp_path]))
    assert [type(r).__name__ for r in results] == ["Document", "Reject"]
    assert "directory that cannot be read: Permission denied" in results[1].error


def test_file_names_that_are_not_printable_are_escaped(tmp_path: Path) -> None:
    odd = os.fsencode(tmp_path) + b"/caf\xe9\nname.txt"
    with open(odd, "wb") as sink:
        sink.write(b"")
    (reject,) = read_paths([tmp_path])
    assert isinstance(reject, Reject) and "caf\\xe9\\nname.txt is empty" in reject.error
    assert_clear(reject, "caf\\xe9")
    reject.error.encode("utf-8")  # no lone surrogates: it can be printed and stored


def test_files_bigger_than_the_limit_are_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_FILE_BYTES", 100)
    (reject,) = results_for(tmp_path, "big.txt", PROSE.encode() * 3)
    assert isinstance(reject, Reject) and "more than the 100 Accord reads" in reject.error


def test_binary_standard_input_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = __import__("io").BytesIO(b"\x00\x01\x02" * 100)

    monkeypatch.setattr(readers.sys, "stdin", Stdin)
    (reject,) = read_paths(["-"])
    assert (
        isinstance(reject, Reject)
        and reject.error == "<stdin> looks binary (it contains NUL or control bytes), not text"
    )


def test_five_thousand_tiny_files_are_all_read_in_order(tmp_path: Path) -> None:
    for i in range(5000):
        folder = tmp_path / f"d{i % 50:02d}"
        folder.mkdir(exist_ok=True)
        (folder / f"{i:05d}.txt").write_bytes(b"Talks %d.\n" % i if i % 7 else b"")
    results = list(read_paths([tmp_path]))
    assert len(results) == 5000
    assert sum(isinstance(r, Reject) for r in results) == len(range(0, 5000, 7))
    assert [r.source for r in results] == sorted(r.source for r in results)


def test_settings_refuse_a_nonsense_length() -> None:
    with pytest.raises(SettingError, match="max_chars"):
        Settings.from_env({"ACCORD_MAX_CHARS": "0"})
    assert Settings.from_env({"ACCORD_MAX_CHARS": "5000"}).max_chars == 5000


@pytest.mark.slow
def test_a_fifty_megabyte_line_is_refused_quickly_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"word " * 10_000_000)
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    first, second = extract_documents(read_paths([tmp_path]))
    assert isinstance(first, Reject)
    assert first.error.endswith(
        "has 50,000,000 characters, more than the 100,000 Accord reads in one document "
        "(ACCORD_MAX_CHARS); split it into articles or raise the limit"
    )
    assert isinstance(second, Extraction) and second.events


@pytest.mark.slow
def test_extract_runs_over_the_whole_corpus_and_exits_1(tmp_path: Path) -> None:
    """Every kind in one directory, a good article among them: one line per document, events for the
    good one, a one-line error on stderr for each refused one, exit status 1."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, kind in enumerate(sorted(KINDS)):
        name, content, _, _ = KINDS[kind]
        (corpus / f"{i:03d}_{name}").write_bytes(content)
    (corpus / "050_good.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "zz_loop.txt").symlink_to(corpus / "zz_loop.txt")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(corpus), "-o", str(out)])
    assert result.exit_code == 1, result.output
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) >= len(KINDS) + 2
    good = next(line for line in lines if line["id"] == "050_good")
    assert good["events"] and good["events"][0]["type"] == "meet"
    failed = [line for line in lines if "error" in line]
    refused = [kind for kind in KINDS.values() if kind[2] != READ]
    assert len(failed) >= len(refused) + 1
    stderr = result.stderr
    assert all(f"failed: {line['error']}" in stderr.replace("\n", "") for line in failed[:5])


def test_invisible_and_bidi_characters_cost_no_events(tmp_path: Path) -> None:
    spoofed = (
        ARTICLE.replace("Anna Berg", "An\u200bna\u200d Be\u202erg\u202c")
        .replace("Kenji", "\ufeffKen\u2066ji\u2069")
        .replace("Oslo", "Os\u200flo")
    )
    (tmp_path / "a_plain.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b_spoofed.txt").write_text(spoofed, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(
        app, ["extract", str(tmp_path / "a_plain.txt"), str(tmp_path / "b_spoofed.txt"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    plain, spoofed_events = (
        json.loads(line)["events"] for line in out.read_text(encoding="utf-8").splitlines()
    )
    assert plain and spoofed_events == plain
