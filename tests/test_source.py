"""The publisher's country, read from the masthead, the outlet or the address."""

from __future__ import annotations

import pytest

from accord.extraction.source import source_country
from accord.records import CleanedDocument, Document, PublicationDate


def page(text: str, url: str | None = None, outlet: str | None = None) -> CleanedDocument:
    document = Document("t", "test", text, url=url, outlet=outlet)
    return CleanedDocument(document, text, (), PublicationDate(None, None))


@pytest.mark.parametrize(
    ("text", "url", "country"),
    [
        ("Oman News Agency\nMuscat, 3 May\nThe minister received the envoy.", None, "OMN"),
        ("Government of Samoa\nPress release\nThe Prime Minister met the delegation.", None, "WSM"),
        ("Australian Government\nMinister for Foreign Affairs\nToday I met the envoy.", None, "AUS"),
        ("Latin American News Agency\nThe minister arrived.", None, None),
        ("SPA Saudi Press Agency\nThe minister met his counterpart.", None, "SAU"),
        ("Middle East News Agency | English Service\nThe president received the envoy.", None, None),
        ("BALKAN PULSE\nRegional news from Ljubljana to Athens\nThe minister arrived.", None, None),
        ("Home | Serbia | Croatia | News\nThe minister arrived.", None, None),
        ("A story without a masthead.", "https://www.mofa.go.jp/press/1.html", "JPN"),
        ("A story without a masthead.", "https://news.example.tv/1", None),
        ("A story without a masthead.", "https://www.example.co.uk/news/1", "GBR"),
        ("A story without a masthead.", "https://ec.europa.eu/commission/press/1.htm", "EU"),  # its own site
        ("A story without a masthead.", "https://www.nato.int/cps/en/natohq/news_1.htm", "NATO"),
    ],
)
def test_publisher_country(text: str, url: str | None, country: str | None) -> None:
    assert source_country(page(text, url)) == country


@pytest.mark.parametrize(
    ("text", "url", "country"),
    [
        # a national agency's story, reposted on a site of another country, speaks for the agency's
        (
            "Phnom Penh Daily\nHANOI, Oct. 6 (VNA) – The Foreign Minister held talks here today.",
            "https://x.com.kh/a",
            "VNM",
        ),
        (
            "Gulf Times\nACCRA, March 3 (GNA) — The President received the envoy.",
            "https://gulf.example.qa/a",
            "GHA",
        ),
        # an international wire speaks for none, whatever the site
        (
            "Toronto Star\nOSLO, Norway (AP) — The ministers signed an agreement.",
            "https://star.example.ca/a",
            None,
        ),
        ("Tages Nachrichten\nThe ministers met in Geneva. — Reuters", "https://tages.example.ch/a", None),
        # an agency the lexicon does not know, credited after the dateline: not the site's country
        (
            "Daily Mirror India\nSuva, Feb 20 (PIW) The Prime Minister met the envoy.",
            "https://mirror.example.in/a",
            None,
        ),
        # … unless the credit is the publisher's own initials
        ("Fiji News Agency\nSuva, Feb 20 (FNA) The Prime Minister met the envoy.", None, "FJI"),
        # a ministry's own release, carried by a news site
        (
            "Kazakh Daily\nSource: Ministry of Foreign Affairs of Japan\nThe Minister met the envoy.",
            "https://x.kz/a",
            "JPN",
        ),
        (  # the label closes the story, after more lines than a dateline's credit stands in
            "Kazakh Daily\nNews | World\nMinisters meet\nPublished 3 May\nThe Minister met the envoy.\nThey "
            "discussed trade.\nThey discussed energy.\nSource: Ministry for Foreign Affairs of Finland",
            "https://x.kz/a",
            "FIN",
        ),
        (  # a ministry only one government has, named without its country
            "Accra News Network\nSource: Foreign, Commonwealth & Development Office\nThe Foreign Secretary met "
            "the minister.",
            "https://x.com.gh/a",
            "GBR",
        ),
    ],
)
def test_a_carried_story_speaks_for_its_source_not_for_the_site(
    text: str, url: str | None, country: str | None
) -> None:
    assert source_country(page(text, url)) == country


def test_a_source_label_the_cleaner_drops_as_a_footer_still_names_the_source() -> None:
    from accord.clean import clean

    text = (
        "Head of State receives delegations\n\nOn Sunday, the President of the Republic received a delegation "
        "from Angola at the People's Palace.\n\nThe dialogue focussed on relations of friendship and cooperation "
        "between the two countries.\n\nSource: Official Web Page of the Government of the Republic of Equatorial "
        "Guinea\n\nYou May Also Like"
    )
    cleaned = clean(Document("t", "test", text))
    assert "Source:" not in cleaned.text  # a footer to the reader
    assert source_country(cleaned) == "GNQ"
