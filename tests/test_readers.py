"""Readers: formats, ids, the date header, sniffing, and one clear error per unreadable document."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from accord.readers import read_paths, split_date_header
from accord.records import Document, Reject

PAGE = "The two envoys met in Oslo on Monday.\nThey agreed to meet again."


def one(results: list) -> Document | Reject:
    assert len(results) == 1
    return results[0]


def test_seed_header_gives_publication_date_and_keeps_rest_of_line(tmp_path: Path) -> None:
    path = tmp_path / "007_abc.txt"
    path.write_text(" date 2023-04-05 Menu Login\n" + PAGE, encoding="utf-8")
    document = one(list(read_paths([path])))
    assert isinstance(document, Document)
    assert document.id == "007_abc"
    assert (document.published, document.published_source, document.format) == (
        "2023-04-05",
        "header",
        "seed",
    )
    assert document.text.startswith("Menu Login\n")


def test_month_only_header() -> None:
    assert split_date_header(" date 2024-05 Text") == ("2024-05", "Text")
    assert split_date_header("No header here") == (None, "No header here")


def test_plain_text_has_no_date(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text(PAGE, encoding="utf-8")
    document = one(list(read_paths([path])))
    assert document.published is None and document.format == "text" and document.text == PAGE


def test_jsonl_records_keep_their_ids_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        {"id": "a1", "text": PAGE, "url": "https://example.org/2022/03/04/story", "outlet": "Example"},
        {"id": "a2", "text": " date 2021-01-02 " + PAGE, "published": "2021-01-03"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    first, second = list(read_paths([path]))
    assert (first.id, first.url, first.outlet, first.format) == ("a1", rows[0]["url"], "Example", "jsonl")
    assert (second.id, second.published, second.published_source) == ("a2", "2021-01-03", "jsonl")
    assert not second.text.startswith(" date")


def test_broken_jsonl_lines_are_rejected_one_by_one(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"id": "ok", "text": PAGE})
        + "\n{not json\n"
        + json.dumps({"text": PAGE})
        + "\n"
        + json.dumps({"id": "x", "text": 5})
        + "\n",
        encoding="utf-8",
    )
    results = list(read_paths([path]))
    assert [type(r).__name__ for r in results] == ["Document", "Reject", "Reject", "Reject"]
    assert "line 2 is not JSON" in results[1].error
    assert "no usable `id`" in results[2].error
    assert "neither a `text` nor an `html`" in results[3].error


def test_html_goes_through_trafilatura(tmp_path: Path) -> None:
    body = " ".join(["The foreign ministers of two neighbouring states held talks in the capital."] * 4)
    html = (
        "<html><head><title>Ministers meet</title><meta property='article:published_time' content='2022-06-07'>"
        f"</head><body><nav>Home | World | Sport</nav><article><h1>Ministers meet</h1><p>{body}</p>"
        f"<p>{body}</p></article><footer>Copyright 2022</footer></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    document = one(list(read_paths([path])))
    assert isinstance(document, Document)
    assert document.format == "html" and "held talks" in document.text and "Home | World" not in document.text
    assert document.title == "Ministers meet"
    assert document.published == "2022-06-07" and document.published_source == "html-meta"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"   \n\t ", "is empty"),
        (b"\x00\x01\x02binary\x00", "looks binary"),
        (bytes(range(0x80, 0x100)) * 4, "is not UTF-8 text"),
        (b" date 2020-01-01   \n  ", "has no text after its date line"),
    ],
)
def test_unreadable_files_become_rejects_naming_the_file(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    reject = one(list(read_paths([path])))
    assert isinstance(reject, Reject)
    assert message in reject.error and str(path) in reject.error and "\n" not in reject.error


def test_latin1_bytes_are_read_as_windows_1252_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes("caf\xe9 au lait \x93quoted\x94".encode("latin-1"))
    assert one(list(read_paths([path]))).text == "café au lait \u201cquoted\u201d"
    assert "read as Windows-1252" in caplog.text and str(path) in caplog.text


def test_text_a_scraper_decoded_twice_is_mended_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "scraped.jsonl"
    twice = "President Akufo-Addo’s visit to Abuja".encode().decode("cp1252")  # "Akufo-Addoâ€™s"
    path.write_text(json.dumps({"id": "a", "text": twice}) + "\n", encoding="utf-8")
    assert one(list(read_paths([path]))).text == "President Akufo-Addo’s visit to Abuja"
    assert "decoded with the wrong encoding" in caplog.text and str(path) in caplog.text


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(PAGE.encode("utf-16"))
    assert one(list(read_paths([path]))).text == PAGE


def test_directories_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "2.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(PAGE, encoding="utf-8")
    assert [d.id for d in read_paths([tmp_path])] == ["a", "2"]


def test_missing_path_is_a_reject(tmp_path: Path) -> None:
    reject = one(list(read_paths([tmp_path / "nope.txt"])))
    assert isinstance(reject, Reject) and "does not exist" in reject.error
