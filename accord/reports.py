"""A dyad brief: what the store holds about two parties, as one self-contained HTML or Markdown file.

Built from stored facts only (events, their sources and evidence, people and their offices), in a fixed
order, with no clock reading: the same database gives a byte-identical report, so reports can be diffed
and kept under version control. HTML is escaped by Jinja2's autoescaping; the chart is an inline PNG.
"""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from accord.colours import TYPE_COLOURS
from accord.errors import SettingError
from accord.exports import EVENT_TYPES, evidence
from accord.gazetteer import country_name
from accord.plots import dyad_png
from accord.store import FusedEvent, Store, timeline
from accord.store.exports_queries import offices
from accord.store.fusion import date_parts
from accord.store.records import EventSource, Office

__all__ = ["DyadReport", "Person", "Source", "dyad_report", "render", "write_report"]

SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".markdown": "md"}
NO_YEAR = "year unknown"


@dataclass(frozen=True)
class Source:
    """How a report cites one source: its outlet or input id, a link when the source has a URL."""

    label: str
    href: str | None
    published: str | None


@dataclass(frozen=True)
class Entry:
    event: FusedEvent
    evidence: str
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Person:
    name: str
    affiliation: str | None
    role: str | None
    events: int
    offices: tuple[Office, ...]


@dataclass(frozen=True)
class DyadReport:
    first: str
    second: str
    title: str
    by_type: dict[str, int]
    sources: int
    corroborated: int
    dated: tuple[str, str] | None
    timeline: tuple[Entry, ...]
    topics: tuple[str, ...]
    topics_by_year: tuple[tuple[str, dict[str, int]], ...]
    people: tuple[Person, ...]
    chart: str | None  # the dyad chart as base64 PNG

    @property
    def total(self) -> int:
        return len(self.timeline)


def cite(source: EventSource) -> Source:
    return Source(source.outlet or source.input_id, source.url, source.published)


def year_of(event: FusedEvent) -> str:
    year, _, _ = date_parts(event.date)
    return str(year) if year else NO_YEAR


def topics_over_time(
    events: Sequence[FusedEvent],
) -> tuple[tuple[str, ...], tuple[tuple[str, dict[str, int]], ...]]:
    """Topics by overall frequency, and each year's count of them (events without a year last)."""
    overall = Counter(topic for e in events for topic in e.topics)
    topics = tuple(sorted(overall, key=lambda t: (-overall[t], t)))
    years: dict[str, Counter[str]] = {}
    for event in events:
        years.setdefault(year_of(event), Counter()).update(event.topics)
    ordered = sorted(years, key=lambda y: (y == NO_YEAR, y))
    return topics, tuple((y, {t: years[y][t] for t in topics}) for y in ordered)


def people_of(store: Store, events: Sequence[FusedEvent], pair: Sequence[str]) -> tuple[Person, ...]:
    """Named participants, the pair's own first, each with the offices the store gives them."""
    seen: dict[str, tuple[str | None, str | None]] = {}
    count: Counter[str] = Counter()
    for event in events:
        for p in event.participants:
            if p.name:
                seen.setdefault(p.name, (p.affiliation, p.role))
                count[p.name] += 1
    held = offices(store, seen)
    rank = {code: i for i, code in enumerate(pair)}
    order = sorted(seen, key=lambda n: (rank.get(seen[n][0] or "", len(rank)), seen[n][0] or "", n))
    return tuple(Person(n, *seen[n], count[n], held.get(n, ())) for n in order)


def dyad_report(store: Store, first: str, second: str, chart: bool = True) -> DyadReport:
    """Gather the brief on two parties (ISO alpha-3 or organisation acronyms) from the store."""
    pair = (first.upper(), second.upper())
    events = timeline(store, *pair)
    dated = sorted(e.date for e in events if e.date and not e.date.startswith("--"))
    topics, by_year = topics_over_time(events)
    counts = Counter(e.type for e in events)
    return DyadReport(
        first=pair[0],
        second=pair[1],
        title=" – ".join(country_name(code) or code for code in pair),
        by_type={kind: counts[kind] for kind in EVENT_TYPES},
        sources=len({s.input_id for e in events for s in e.sources}),
        corroborated=sum(1 for e in events if len(e.sources) > 1),
        dated=(dated[0], dated[-1]) if dated else None,
        timeline=tuple(Entry(e, evidence(e), tuple(cite(s) for s in e.sources)) for e in events),
        topics=topics,
        topics_by_year=by_year,
        people=people_of(store, events, pair),
        chart=base64.b64encode(dyad_png(events, *pair)).decode("ascii") if chart and events else None,
    )


def markdown_cell(value: object) -> str:
    """A value safe inside a Markdown table cell: one line, pipes escaped."""
    return " ".join(str(value).split()).replace("|", "\\|")


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("accord", "templates"),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cell"] = markdown_cell
    return env


def render(report: DyadReport, format: str) -> str:
    """The report as `html` or `md` text."""
    if format not in ("html", "md"):
        raise SettingError(f"unknown report format {format!r}; choose html or md")
    return (
        environment()
        .get_template(f"report.{format}.j2")
        .render(report=report, types=EVENT_TYPES, colours=TYPE_COLOURS)
    )


def format_for(path: Path) -> str:
    try:
        return SUFFIXES[path.suffix.lower()]
    except KeyError:
        raise SettingError(
            f"cannot tell the report format from {path.name!r}; name the file .html or .md"
        ) from None


def write_report(store: Store, first: str, second: str, path: Path, chart: bool = True) -> DyadReport:
    """Write the brief to `path`, HTML or Markdown by its extension; the chart goes into HTML only."""
    format = format_for(path)
    report = dyad_report(store, first, second, chart=chart and format == "html")
    path.write_text(render(report, format), encoding="utf-8")
    return report
