"""Properties that must hold for any input, found by hypothesis: no exception escapes, offsets point into
the text, dates are valid ISO, ids are stable. (Date resolution's own properties are in test_dates.py;
here only inputs those do not try: numbers of any size, and the publication dates pages give.)"""

from __future__ import annotations

import json
import re
from datetime import date

import ftfy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from accord.clean import clean
from accord.decoding import INVISIBLE_CHARS
from accord.extraction.dates import is_future_expression, resolve_date
from accord.extraction.names import canonical_name, family_name, name_matches
from accord.pipeline import extract_documents, prepare
from accord.readers import read_bytes
from accord.records import Document, Extraction, Reject
from accord.store.dedup import content_id

ISO = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
CODECS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1252", "latin-1"]


def valid_iso(value: str) -> bool:
    if not ISO.fullmatch(value):
        return False
    date.fromisoformat((value + "-01-01")[:10])
    return True


# Readers: any bytes, any text in any codec, any JSON per line.

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.sampled_from(["id", "text", "html", "url", "published", "outlet", "x"]), inner, max_size=5),
    max_leaves=10,
)  # fmt: skip
encoded_text = st.tuples(st.text(max_size=300), st.sampled_from(CODECS)).map(
    lambda pair: pair[0].encode(pair[1], errors="ignore")
)
jsonl_files = st.lists(json_values.map(json.dumps) | st.text(max_size=40), max_size=6).map(
    lambda lines: "\n".join(lines).encode("utf-8", "surrogatepass")
)
any_bytes = st.binary(max_size=600) | encoded_text | jsonl_files


@given(any_bytes, st.sampled_from(["a.txt", "a.html", "a.jsonl", "a"]))
@settings(max_examples=300, deadline=None)
def test_readers_never_raise_and_give_clean_documents_or_one_line_rejects(data: bytes, name: str) -> None:
    results = list(read_bytes(data, "a", name))
    assert results
    for result in results:
        if isinstance(result, Reject):
            assert name in result.error and "\n" not in result.error
            result.error.encode("utf-8")
        else:
            assert isinstance(result, Document) and result.text.strip()
            assert not CONTROL.search(result.text) and not CONTROL.search(result.id)
            assert result.published is None or valid_iso(result.published[:10])
    assert list(read_bytes(data, "a", name)) == results  # ids and texts are stable


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200))
@settings(max_examples=200, deadline=None)
def test_unicode_text_round_trips_through_every_unicode_codec(text: str) -> None:
    # what readers keep: no invisible or bidi characters, and what reads as mojibake ("Â " for a no-break
    # space) mended
    visible = ftfy.fix_encoding(INVISIBLE_CHARS.sub("", text))
    for codec in ("utf-8", "utf-8-sig", "utf-16", "utf-32"):
        results = list(read_bytes(text.encode(codec), "a", "a.txt"))
        if visible.strip() and not visible.lstrip().startswith(("<", "{", "date")):
            assert [r.text for r in results] == [visible], codec


# The cleaner: lines of prose, chrome and junk in any order.

PROSE = [
    "The foreign ministers of Norway and Japan met in Oslo on Monday to discuss trade.",
    "Officials said the talks lasted two hours and ended with a joint statement.",
    "OSLO, March 4 (Newswire) -",
    "Published: 2024-03-04 10:15",
]
CHROME = [
    "Home | World | Sport",
    "Share on Facebook",
    "Log in",
    "Subscribe to our newsletter",
    "Comments (12)",
]
lines = st.lists(st.sampled_from(PROSE + CHROME) | st.text(max_size=80), max_size=15)


@given(lines, st.sampled_from(["\n", "\r\n"]))
@settings(max_examples=200, deadline=None)
def test_cleaning_keeps_offsets_into_the_page_and_never_raises(page: list[str], newline: str) -> None:
    document = Document("a", "a.txt", newline.join(page))
    cleaned = clean(document)
    end = 0
    for line in cleaned.lines:
        assert document.text[line.start : line.end] == line.text
        assert line.start >= end
        end = line.end
    assert cleaned.text == "\n".join(line.text for line in cleaned.lines if line.kept)
    assert clean(document) == cleaned
    published = prepare(document).published
    assert published.value is None or valid_iso(published.value)


# Dates: numbers of any size, against publication dates as pages give them.

numbers = st.integers(min_value=0, max_value=10**30).map(str)
units = st.sampled_from(["days", "weeks", "months", "years", "day", "February", "Tuesday", "th", "AD"])
expressions = st.lists(numbers | units | st.sampled_from(["ago", "in", "of", "-", "/", ","]), max_size=5).map(
    " ".join
)
publication = st.none() | st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31)).map(
    date.isoformat
)


@given(expressions, publication)
@settings(max_examples=300, deadline=None)
def test_dates_with_any_numbers_resolve_to_valid_iso_or_nothing(
    expression: str, published: str | None
) -> None:
    found = resolve_date(expression, published)
    is_future_expression(expression, published)
    if found is not None and found.value and not found.value.startswith("--"):
        assert valid_iso(found.value)
    assert resolve_date(expression, published) == found


# Names: printed forms of names, titles and particles, and any text at all.

GIVEN = ["Yoko", "Anna", "Kenji", "Jean-Noël", "Ólafur", "Xi", "Tae-yul"]
FAMILY = [
    "Kamikawa",
    "Berg",
    "Sato",
    "Barrot",
    "von der Leyen",
    "Jinping",
    "Cho",
    "O'Neill",
    "Ó Súilleabháin",
]
TITLES = ["Mr.", "Dr.", "Foreign Minister", "Prime Minister", "H.E.", "Sheikh", ""]
printed_names = st.builds(
    lambda title, given, family, caps, family_first, initial: " ".join(
        part
        for part in (
            title,
            *(
                [family.upper() if caps else family, given]
                if family_first
                else [given, initial, family.upper() if caps else family]
            ),
        )
        if part
    ),
    st.sampled_from(TITLES),
    st.sampled_from(GIVEN),
    st.sampled_from(FAMILY),
    st.booleans(),
    st.booleans(),
    st.sampled_from(["", "J.", "K"]),
)


@given(printed_names | st.text(max_size=60))
@settings(max_examples=300, deadline=None)
def test_canonical_names_are_tidy_and_never_raise(printed: str) -> None:
    name = canonical_name(printed)
    if name is None:
        return
    assert name == name.strip() and "  " not in name and name
    assert not any(c.isdigit() for c in name)
    family_name(name)
    assert name_matches(name, name)


@given(printed_names)
@settings(max_examples=200, deadline=None)
def test_canonical_names_are_fixed_points(printed: str) -> None:
    name = canonical_name(printed)
    assert name is not None and canonical_name(name) == name


@given(st.text(max_size=200), st.sampled_from([" ", "\n", "  \t", "\u00a0"]))
def test_document_ids_ignore_spacing_and_case_and_never_change(text: str, space: str) -> None:
    spaced = space.join(text.split())
    assert (
        content_id(text) == content_id(spaced) == content_id(text.upper().lower() if text.isascii() else text)
    )
    assert re.fullmatch(r"[0-9a-f]{20}", content_id(text))


# The whole pipeline on articles written from templates: every offset points into the cleaned text.

PEOPLE = [
    ("Anna Berg", "Norway"),
    ("Kenji Sato", "Japan"),
    ("Maria Lopez", "Chile"),
    ("Amina Diallo", "Senegal"),
]
SENTENCES = [
    "Foreign Minister {a} of {ca} met Foreign Minister {b} of {cb} in Oslo on {day}.",
    "{a} held talks by phone with her {cb} counterpart {b} {day}.",
    "{a} visited {cb} on {day} and signed an agreement on fisheries with {b}.",
    "The two ministers discussed trade, energy and Arctic research.",
    "{b} said the meeting was useful, according to a statement.",
]
DAYS = ["Monday", "Tuesday", "yesterday", "March 3", "3 March 2024", "last week"]
articles = st.lists(
    st.tuples(
        st.sampled_from(SENTENCES),
        st.permutations(PEOPLE),
        st.sampled_from(DAYS),
        st.sampled_from([*CHROME, ""]),
    ),
    min_size=1,
    max_size=6,
).map(
    lambda parts: (
        " date 2024-03-06\n"
        + "\n".join(
            f"{chrome}\n" + sentence.format(a=p[0][0], ca=p[0][1], b=p[1][0], cb=p[1][1], day=day)
            for sentence, p, day, chrome in parts
        )
    )
)


@given(st.lists(articles, min_size=1, max_size=3))
@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_extraction_offsets_point_into_the_cleaned_text_and_dates_are_iso(texts: list[str]) -> None:
    documents = [read_bytes(text.encode(), f"d{i}", f"d{i}.txt") for i, text in enumerate(texts)]
    results = list(extract_documents(next(iter(d)) for d in documents))
    assert len(results) == len(texts)
    for result in results:
        assert isinstance(result, Extraction)
        text = result.cleaned.text
        for event in result.events:
            assert (
                event.date.value is None or event.date.value.startswith("--") or valid_iso(event.date.value)
            )
            for span in event.evidence:
                assert text[span.start : span.end] == span.text
            for person in event.participants:
                if person.mention is not None:
                    assert text[person.mention.start : person.mention.end] == person.mention.text
