"""One hand-built extraction, as the pipeline would give it, for the tests of the store and the web app:
page chrome dropped, a body kept, and events built by the test itself."""

from __future__ import annotations

from collections.abc import Sequence

from accord.records import CleanedDocument, Document, Event, Extraction, Line, PublicationDate


def article(
    input_id: str,
    body: Sequence[str],
    published: str | None,
    events: Sequence[Event],
    chrome: Sequence[str] = ("Home | World | Sport", "Sign in to comment"),
    outlet: str | None = None,
    *,
    reason: str = "chrome",
    source: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Extraction:
    """The page is `chrome`'s first line, the body, then the rest of `chrome`, which is dropped for `reason`;
    the document was read from `source`, `/inputs/<input_id>.txt` unless given."""
    page = [chrome[0], *body, *chrome[1:]]
    lines, offset = [], 0
    for text in page:
        lines.append(Line(offset, offset + len(text), text, text in body, None if text in body else reason))
        offset += len(text) + 1
    document = Document(
        input_id,
        source or f"/inputs/{input_id}.txt",
        "\n".join(page),
        "seed",
        published,
        "header",
        url,
        title,
        outlet,
    )
    cleaned = CleanedDocument(document, "\n".join(body), tuple(lines), PublicationDate(published, "header"))
    return Extraction(cleaned, tuple(events))
