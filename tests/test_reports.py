"""The dyad brief: names the Japan–Finland meetings with their dates, is deterministic, escapes HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.errors import SettingError
from accord.reports import DyadReport, Entry, Person, Source, format_for, render
from accord.store import Store
from accord.store.records import EventParticipant, FusedEvent, Office

runner = CliRunner()


def hostile() -> DyadReport:
    """A report whose every text field carries markup, as a scraped page could."""
    person = EventParticipant("<b>Eve</b>", "foreign minister", "JPN")
    event = FusedEvent(
        "ev1",
        "meet",
        "2024-01-09",
        "day",
        False,
        "<i>Helsinki</i>",
        "FIN",
        ("FIN", "JPN"),
        (person,),
        ("a|b",),
        "k",
        (),
        (),
        (),
    )
    return DyadReport(
        first="JPN",
        second="FIN",
        title="Japan – Finland",
        by_type={"meet": 1, "call": 0, "visit": 0, "agree": 0},
        sources=1,
        corroborated=0,
        dated=("2024-01-09", "2024-01-09"),
        timeline=(
            Entry(event, "<script>alert(1)</script>", (Source("x", "https://e.org/?a=1&b=<2>", None),)),
        ),
        topics=("a|b",),
        topics_by_year=(("2024", {"a|b": 1}),),
        people=(
            Person(
                "<b>Eve</b>",
                "JPN",
                "foreign minister",
                1,
                (Office("foreign minister", "JPN", None, None, ()),),
            ),
        ),
        chart=None,
    )


def test_html_is_escaped_and_markdown_cells_stay_whole() -> None:
    html = render(hostile(), "html")
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Eve</b>" not in html and "&lt;b&gt;Eve&lt;/b&gt;" in html
    assert 'href="https://e.org/?a=1&amp;b=&lt;2&gt;"' in html
    markdown = render(hostile(), "md")
    assert "| a\\|b |" in markdown


def test_the_format_comes_from_the_extension() -> None:
    assert format_for(Path("brief.HTML")) == "html" and format_for(Path("brief.md")) == "md"
    with pytest.raises(SettingError, match=r"\.html or \.md"):
        format_for(Path("brief.pdf"))


@pytest.mark.slow
@pytest.mark.parametrize("suffix", ["html", "md"])
def test_the_brief_names_the_three_meetings_and_is_byte_identical(
    seeded: Store, tmp_path: Path, suffix: str
) -> None:
    written = []
    for name in ("one", "two"):
        out = tmp_path / f"{name}.{suffix}"
        result = runner.invoke(app, ["report", "JPN", "FIN", "-o", str(out), "--db", seeded.url])
        assert result.exit_code == 0, result.output
        written.append(out.read_bytes())
    assert written[0] == written[1]
    text = written[0].decode("utf-8")
    meetings = [line for line in text.splitlines() if "meet" in line and "visit" not in line]
    for date in ("2022-10-26", "2024-01-09"):
        assert date in text
    assert "2024-09-12" in text or "--09-12" in text
    assert len([m for m in meetings if "meet</span>" in m or "**meet**" in m]) == 3
    for name in ("Yoko Kamikawa", "Elina Valtonen", "Antti Häkkänen"):
        assert name in text
    assert "foreign minister, JPN (2024-01-09" in text  # an office with the dates the store gives
    if suffix == "html":
        assert text.startswith("<!DOCTYPE html>") and "data:image/png;base64," in text
        assert "<link" not in text and "<script" not in text  # self-contained
