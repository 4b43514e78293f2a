"""Publication dates come from the reader, a date line by the headline, or the URL, and are never guessed."""

from __future__ import annotations

import pytest

from accord.clean import clean
from accord.pubdate import dateline_value, find_publication_date
from accord.records import Document, PublicationDate

BODY = (
    "The presidents of Senegal and Morocco met in Rabat on Tuesday to discuss a new gas pipeline project.\n"
    "They agreed that engineers from both countries would meet again before the end of the summer.\n"
    "Officials said the talks lasted three hours and covered fishing rights as well as energy."
)


def _date(text: str, url: str | None = None, published: str | None = None) -> PublicationDate:
    document = Document(
        id="t",
        source="test",
        text=text,
        url=url,
        published=published,
        published_source="jsonl" if published else None,
    )
    return find_publication_date(clean(document))


def test_reader_date_wins_and_keeps_its_source() -> None:
    page = f"Senegal and Morocco talk gas\nMarch 3, 2021\n{BODY}"
    assert _date(page, url="https://example.org/2020/01/02/x", published="2023-06-07") == PublicationDate(
        "2023-06-07", "jsonl"
    )


def test_month_only_reader_date_is_sharpened_by_the_url() -> None:
    assert _date(BODY, url="https://example.org/stories/202405170001.html", published="2024-05") == (
        PublicationDate("2024-05-17", "url")
    )


def test_month_only_reader_date_is_kept_when_the_url_disagrees() -> None:
    assert _date(BODY, url="https://example.org/2023/01/09/x", published="2024-05") == PublicationDate(
        "2024-05", "jsonl"
    )


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("08:15 GMT, March 3, 2021", "2021-03-03"),
        ("Published: 12 March 2023", "2023-03-12"),
        ("Posted 2024-05-17 09:00", "2024-05-17"),
        ("Nov 15, 2024 10:00 AM", "2024-11-15"),
        ("By Jane Doe | Daily Planet | Updated: 2019-01-12 06:05", "2019-01-12"),
        ("Agency Desk, 9th Jan, 2019 01:49 AM", "2019-01-09"),
        ("Updated: 18-03-2024 16:38 | Created: 17-03-2024 09:10", "2024-03-17"),
        ("Published: June 2022", "2022-06"),
    ],
)
def test_dateline_under_the_headline(line: str, value: str) -> None:
    page = f"Senegal and Morocco agree to study gas pipeline\n{line}\n{BODY}"
    assert _date(page, url="https://example.org/2011/01/01/other") == PublicationDate(value, "dateline")


def test_dateline_above_the_first_sentence_after_a_caption() -> None:
    caption = "The two presidents shake hands before their talks in Rabat on Tuesday morning, officials said."
    assert _date(f"{caption}\n10:05 GMT, July 9, 2024\n{BODY}") == PublicationDate("2024-07-09", "dateline")


def test_today_banner_above_the_page_is_ignored() -> None:
    banner = "Friday, December 26, 2025\nNews"
    page = f"{banner}\nSenegal and Morocco talk gas\nNewswire, 04 Feb, 2020 10:00 AM\n{BODY}"
    assert _date(page) == PublicationDate("2020-02-04", "dateline")
    assert _date(f"Friday, December 26, 2025\nSenegal and Morocco talk gas\n{BODY}") == PublicationDate()


def test_a_date_beside_the_weather_is_the_sites_today_not_the_pages() -> None:
    page = f"The Coast Ledger\nHome | Region | World\nSat, 22 Mar 2025 | Rabat 27°C\nSenegal and Morocco talk gas\n{BODY}"
    assert _date(page, url="https://example.org/2025/01/16/region/gas") == PublicationDate(
        "2025-01-16", "url"
    )


@pytest.mark.parametrize(
    ("url", "value"),
    [
        ("https://example.org/world/2024/04/15/talks-in-rabat", "2024-04-15"),
        ("https://example.org/news/20240517_03/", "2024-05-17"),
        ("http://example.org/a/201811/06/WS5be0e24e.html", "2018-11-06"),
        ("http://example.org/cndy/2019-01/12/content_1.htm", "2019-01-12"),
        ("https://example.org/world/2022/feb/14/talks-2419251.html", "2022-02-14"),
        ("http://example.org/news/talks-in-rabat-g2018-11-07/", "2018-11-07"),
        ("https://example.org/view.php?ud=20241115050233", "2024-11-15"),
        ("https://example.org/2024/04/talks-in-rabat", "2024-04"),
    ],
)
def test_url_date(url: str, value: str) -> None:
    assert _date(BODY, url=url) == PublicationDate(value, "url")


def test_nothing_trustworthy_gives_an_empty_date() -> None:
    page = (
        "Senegal and Morocco talk gas\n"
        "Dakar, May 3: The two leaders met on Tuesday, September 20, 2022, in Rabat to sign an accord.\n"
        f"{BODY}\n"
        "More news\n"
        "Storm Hits Coast, January 4, 2025\n"
        "© 2021 Example Media"
    )
    assert _date(page, url="https://example.org/news/article65913296.ece") == PublicationDate(None, None)


def test_dates_below_the_article_start_are_ignored_unless_labelled_published() -> None:
    page = f"Senegal and Morocco talk gas\n{BODY}\nUpdated: March 5, 2025"
    assert _date(page) == PublicationDate()
    assert _date(f"{page}\nPosted: 4 March 2025") == PublicationDate("2025-03-04", "footer")


def test_ambiguous_numeric_date_is_refused() -> None:
    assert dateline_value("Published 03/04/2024") is None
    assert dateline_value("Published 25/04/2024") == "2024-04-25"


def test_impossible_dates_are_refused() -> None:
    assert dateline_value("Published: February 30, 2023") is None
    assert _date(BODY, url="https://example.org/2023/13/45/x") == PublicationDate()


def test_sentence_with_a_date_is_not_a_dateline() -> None:
    assert (
        dateline_value("India and Egypt on Tuesday, September 20, 2022, signed a defence agreement.") is None
    )


@pytest.mark.parametrize(
    ("first_line", "url", "value", "source"),
    [
        ("ACCRA, 12 March 2024 (GNA) – The presidents met.", None, "2024-03-12", "dateline"),
        (
            "Dakar (Newswire / West Africa Desk - 28th November, 2019) The presidents met.",
            None,
            "2019-11-28",
            "wire",
        ),
        ("RABAT, (Newswire - 11th Mar, 2023 ): The presidents met.", None, "2023-03-11", "dateline"),
        (
            "TOKYO, March 12 (Kyodo) – The presidents met.",
            "https://example.org/2024/news/a.html",
            "2024-03-12",
            "wire",
        ),
        (
            "The presidents met today, Sunday (May 7, 2023) in Rabat to discuss gas.",
            None,
            "2023-05-07",
            "today",
        ),
    ],
)
def test_wire_datelines_and_todays_date_in_the_first_lines(
    first_line: str, url: str | None, value: str, source: str
) -> None:
    assert _date(f"{first_line}\n{BODY}", url=url) == PublicationDate(value, source)


def test_a_yearless_dateline_takes_the_copyright_year_only_when_nothing_contradicts_it() -> None:
    page = f"TOKYO, March 12 (Kyodo) – The presidents met.\n{BODY}\n© 2024 Example Media"
    assert _date(page) == PublicationDate("2024-03-12", "wire")
    assert _date(page.replace("met.", "met, as in June 2019.")) == PublicationDate()


def test_the_copyright_year_is_the_last_resort_and_a_year_only() -> None:
    page = f"Senegal and Morocco talk gas\n{BODY}\n© 2021 Example Media"
    assert _date(page) == PublicationDate("2021", "copyright")
    assert _date(page.replace("Tuesday", "Tuesday, as in June 2019,")) == PublicationDate()
    # a site's "today" banner sharpens no copyright year to a day
    assert _date(f"Sunday, October 4, 2021\n{page}") == PublicationDate("2021", "copyright")
    # a range is the site's years, not the page's
    assert _date(page.replace("© 2021", "© 2019–2024")) == PublicationDate()


def test_a_weekday_tells_day_from_month_in_a_numeric_date() -> None:
    assert dateline_value("Wed, 09/03/2008 - 03:55") == "2008-09-03"  # 3 September 2008 was a Wednesday
    assert dateline_value("Sun, 09/03/2008 - 03:55") == "2008-03-09"


def test_a_banner_only_sharpens_the_month_another_place_gives() -> None:
    page = f"Sunday, October 4, 2009\nMekong ministers meet\n{BODY}"
    chosen = _date(page, url="https://example.org/2009/10/mekong.html")
    assert chosen == PublicationDate("2009-10-04", "banner")
    assert {c.source for c in chosen.candidates} == {"banner", "url"}


def test_a_compact_url_date_is_read_whole() -> None:
    url = "http://example.org/archives/2013/05/20130515_2_en.htm"
    assert _date(BODY, url=url) == PublicationDate("2013-05-15", "url")


def test_an_agency_in_slashes_closes_a_wire_dateline() -> None:
    page = f"RABAT, April 12. /TASS/. The presidents met.\n{BODY}"
    assert _date(page, url="https://example.org/2021/politics/1.html") == PublicationDate(
        "2021-04-12", "wire"
    )


def test_a_yearless_dateline_with_no_year_anywhere_gives_only_the_day() -> None:
    """The day never becomes the publication date, but an undated page keeps it for its events."""
    chosen = _date(f"RABAT, April 12. /TASS/. The presidents met.\n{BODY}")
    assert (chosen.value, chosen.day_without_year) == (None, "--04-12")
    dated = _date(f"RABAT, April 12. /TASS/. The presidents met.\n{BODY}", published="2021-04-12")
    assert (dated.value, dated.day_without_year) == ("2021-04-12", None)


def test_an_address_printed_above_the_headline_is_the_pages_url() -> None:
    page = f"Example Times\nhttps://news.example.org/2025/06/04/ministers-meet/\nMinisters meet\n{BODY}"
    assert _date(page) == PublicationDate("2025-06-04", "url")
    assert _date(page.replace("https://", "see ")) == PublicationDate()


def test_an_ambiguous_foot_date_is_read_as_the_publishers_country_writes_it() -> None:
    page = f"{BODY}\nPosted: 12/03/2024"
    assert _date(page, url="https://news.example.co.uk/a") == PublicationDate("2024-03-12", "footer")
    assert _date(page, url="https://news.example.com/a") == PublicationDate()  # no country: no guess
    assert _date(page, url="https://news.example.ph/a") == PublicationDate()  # writes month first
