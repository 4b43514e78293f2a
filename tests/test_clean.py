"""The cleaner keeps an article's sentences and drops page furniture, on pages it has never seen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from accord.clean import clean
from accord.records import CleanedDocument, Document

SEEDS = Path(__file__).resolve().parents[2] / "shared/corpus/seeds"

BODY = (
    "The foreign ministers of Chile and Portugal met in Lisbon on Monday to discuss trade and fisheries.",
    "Both sides agreed to open a joint marine laboratory in Valparaiso by the end of next year.",
    "The Portuguese minister said the talks had been frank and friendly, and invited her guest back.",
)

PAGE_WITH_FURNITURE = "\n".join(
    [
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Home | World | Business | Sport",
        "Sign in",
        "World",
        "Chile and Portugal agree on marine research lab",
        "LISBON",
        "",
        BODY[0],
        "Share this article: Facebook Twitter WhatsApp Email",
        BODY[1],
        "The two ministers shake hands in Lisbon on Monday. Photo: Ana Ribeiro/Agency",
        BODY[2],
        "",
        "Subscribe to our newsletter",
        "Related stories",
        "Brazil Opens New Embassy in Nairobi After Decade-Long Gap",
        "Peru and Ecuador Sign Border Water Accord",
        "Canada Names Special Envoy to the Arctic Council",
        "© 2024 Example Media Group. All rights reserved.",
    ]
)

PAGE_WITH_COMMENTS = "\n".join(
    [
        "Ghana hosts Kenyan president for energy talks",
        *BODY,
        "Comments (3)",
        "sunny_day88",
        "2 hours ago",
        "This is a great step for both countries and long overdue.",
        "Reply",
        "oldhand",
        "5 hours ago",
        "They said the same last year and nothing happened, frankly.",
    ]
)


def _clean(text: str) -> CleanedDocument:
    return clean(Document(id="t", source="test", text=text))


def _reason_of(cleaned: CleanedDocument, fragment: str) -> str | None:
    """The drop reason of the line containing `fragment`; fails if that line was kept."""
    lines = [line for line in cleaned.lines if fragment in line.text]
    assert lines, f"no line contains {fragment!r}"
    assert not lines[0].kept, f"{fragment!r} was kept"
    return lines[0].reason


def test_body_sentences_survive_furniture() -> None:
    cleaned = _clean(PAGE_WITH_FURNITURE)
    for sentence in BODY:
        assert sentence in cleaned.text.split("\n")
    assert "Chile and Portugal agree on marine research lab" in cleaned.text
    assert "LISBON" in cleaned.text


@pytest.mark.parametrize(
    ("fragment", "reason"),
    [
        ("We use cookies", "cookie notice"),
        ("Home | World", "navigation"),
        ("Sign in", "login prompt"),
        ("Share this article", "share buttons"),
        ("Photo: Ana Ribeiro/Agency", "photo credit"),
        ("Subscribe to our newsletter", "subscription prompt"),
        ("Related stories", "navigation"),
        ("Brazil Opens New Embassy", "headline list"),
        ("Canada Names Special Envoy", "headline list"),
        ("All rights reserved", "copyright"),
    ],
)
def test_furniture_is_dropped_with_reason(fragment: str, reason: str) -> None:
    assert _reason_of(_clean(PAGE_WITH_FURNITURE), fragment) == reason


def test_short_menu_entry_is_dropped() -> None:
    cleaned = _clean(PAGE_WITH_FURNITURE)
    world = [line for line in cleaned.lines if line.text == "World"]
    assert world and world[0].reason == "short menu item"


def test_caption_sentence_is_kept_but_its_credit_is_not() -> None:
    cleaned = _clean(PAGE_WITH_FURNITURE)
    assert "The two ministers shake hands in Lisbon on Monday." in cleaned.text.split("\n")
    assert "Ana Ribeiro" not in cleaned.text


def test_offsets_point_into_the_document() -> None:
    for text in (PAGE_WITH_FURNITURE, PAGE_WITH_COMMENTS, "  indented line of text here.\r\n\n\ttab"):
        document = Document(id="t", source="test", text=text)
        cleaned = clean(document)
        for line in cleaned.lines:
            assert document.text[line.start : line.end] == line.text
        assert cleaned.text == "\n".join(line.text for line in cleaned.lines if line.kept)


def test_comment_thread_is_dropped_and_article_kept() -> None:
    cleaned = _clean(PAGE_WITH_COMMENTS)
    assert cleaned.text.split("\n") == ["Ghana hosts Kenyan president for energy talks", *BODY]
    for fragment in ("sunny_day88", "2 hours ago", "great step", "Reply", "nothing happened"):
        assert _reason_of(cleaned, fragment) in {"reader comment", "comment counter"}


@pytest.mark.parametrize("counter", ["Comments (3)", "REACTIONS (2)", "4 reactions"])
def test_a_comment_section_opens_under_any_counter(counter: str) -> None:
    reader = [
        "kofi_yop — 14/11/2025 at 09:12",
        "The two presidents already met in Accra in August, nobody cared.",
    ]
    cleaned = _clean("\n".join(["Ghana hosts Kenyan president for energy talks", *BODY, counter, *reader]))
    assert cleaned.text.split("\n") == ["Ghana hosts Kenyan president for energy talks", *BODY]


def test_comment_counter_by_the_headline_does_not_cut_the_article() -> None:
    cleaned = _clean("\n".join(["Ghana hosts Kenyan president", "2 Comments", "ACCRA", *BODY]))
    for sentence in BODY:
        assert sentence in cleaned.text
    assert _reason_of(cleaned, "2 Comments") == "comment counter"


def test_leave_a_comment_section_is_dropped() -> None:
    cleaned = _clean(
        "\n".join([*BODY, "Leave a comment", "Your name", "What a meeting, truly historic stuff."])
    )
    assert cleaned.text.split("\n") == list(BODY)


def test_repeated_and_truncated_lines_are_dropped() -> None:
    headline = "Mexico and Japan pledge closer cooperation on supply chains"
    cleaned = _clean(
        "\n".join([headline, "Mexico and Japan pledge closer cooperation on sup...", *BODY, BODY[1]])
    )
    assert cleaned.text.split("\n") == [headline, *BODY]
    assert [line.reason for line in cleaned.dropped] == ["repeated line", "repeated line"]


def test_footer_fragments_after_the_body_are_dropped() -> None:
    cleaned = _clean("\n".join([*BODY, "With reporting by agencies", "Back to top of the page"]))
    assert cleaned.text.split("\n") == list(BODY)


@pytest.mark.parametrize("mark", ["■", "(END)", "-- ENDS"])
def test_a_last_paragraph_closed_by_an_end_of_story_mark_is_kept(mark: str) -> None:
    last = f"The two ministers last met in Quito in June. {mark}"
    cleaned = _clean("\n".join([*BODY, last, "Tags: Chile, Portugal"]))
    assert cleaned.text.split("\n") == [*BODY, last]


def test_blank_lines_are_dropped() -> None:
    cleaned = _clean("\n\n".join(BODY))
    assert [line.reason for line in cleaned.dropped] == ["blank", "blank"]


def _seed_texts() -> list[str]:
    """Seed pages as the reader hands them over: the " date ..." header stripped."""
    return [re.sub(r"^ date \S+ ", "", path.read_text()) for path in sorted(SEEDS.glob("*.txt"))]


def test_seed_pages_keep_their_sentences() -> None:
    for text in _seed_texts():
        cleaned = _clean(text)
        sentences = [line for line in cleaned.lines if line.kept and line.text.endswith(".")]
        assert len(sentences) >= 4, cleaned.text[:200]


def test_seed_comment_threads_are_dropped() -> None:
    """No line is kept below a comment-count line that follows the article body."""
    checked = 0
    for text in _seed_texts():
        cleaned = _clean(text)
        sentences_seen = 0
        for index, line in enumerate(cleaned.lines):
            if re.fullmatch(r"[1-9]\d* Comments?", line.text) and sentences_seen >= 2:
                assert not any(later.kept for later in cleaned.lines[index:])
                checked += 1
                break
            sentences_seen += line.kept and line.text.endswith(".")
    assert checked >= 1


def test_unmarked_headline_run_inside_the_body_is_a_list() -> None:
    teasers = [
        "Argentina Recalls Ambassador Over Fishing Dispute",
        "Norway and Iceland Extend Herring Quota Deal",
        "Vietnam Foreign Minister to Visit Canberra Next Month",
    ]
    cleaned = _clean("\n".join([BODY[0], *teasers, BODY[1], "Trade and Fisheries Talks", BODY[2]]))
    assert [_reason_of(cleaned, teaser) for teaser in teasers] == ["headline list"] * 3
    assert "Trade and Fisheries Talks" in cleaned.text  # a lone sub-heading is part of the article


@pytest.mark.parametrize(
    "line",
    [
        "Read more: Russia and Kazakhstan agree on gas supplies | Uzbekistan launches solar plant",
        "Related: Portugal and Brazil presidents meet in Brasília | Lisbon housing prices rise again",
        "También le puede interesar: Presidente Monzón recibe a delegación | Canciller viajará a Tegucigalpa",
    ],
)
def test_a_line_of_other_articles_after_a_marker_is_a_headline_list(line: str) -> None:
    body = (
        "LISBON - The foreign ministers of Portugal and Angola met in Lisbon on Monday to discuss trade.\n"
        "They agreed to set up a joint commission on energy and transport before the end of the year.\n"
    )
    cleaned = _clean(
        body + line + "\nThe ministers also discussed the situation in the Sahel region at length."
    )
    assert _reason_of(cleaned, line) == "headline list"
    assert "Sahel" in cleaned.text  # the article goes on below it


def test_a_sentence_the_page_cuts_off_is_kept_though_it_names_many_people() -> None:
    cut = (
        "Also, Putin had a telephone conversation with the President of the Republic of Uzbekistan Shavkat "
        "Mirziyoyev , during which the situation in"
    )
    body = (
        "MOSCOW - Russian President Vladimir Putin held talks with Pakistan's prime minister on Tuesday.\n"
        "The two leaders discussed the situation in Afghanistan and regional security at length.\n"
    )
    assert cut in _clean(body + cut).text


def test_a_lead_that_names_many_people_and_places_in_capitals_is_kept() -> None:
    lead = (
        "Santiago, May 18/2025 (Agency) - Chile's Minister for Foreign Affairs, Hon. Tomas Duarte, met with Andean "
        "Community Secretary General H.E. Ana Lopes at the Lima Headquarters on Tuesday."
    )
    cleaned = _clean(
        "\n".join(["Duarte Meets Andean Community Chief", "By Staff Writer", "Source: Agency", lead, *BODY])
    )
    assert lead in cleaned.text.split("\n")
