"""Exports other tools read without cleaning: pandas parses the CSV's dates, the participants table joins
back to the events, the POLECAT header is POLECAT's, and big exports stream in chunks in the same order."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import update
from synthetic_store import fill
from typer.testing import CliRunner
from web_pages import sqlite_store, web_articles

from accord.cli import app
from accord.store import Store, as_dict, events, open_store, schema
from accord.store.exports_queries import iter_events

runner = CliRunner()

# POLECAT's columns as its codebook and weekly Dataverse files (doi:10.7910/DVN/AJGVIT) list them, in order.
POLECAT_DOCUMENTED = """Event ID, Event Date, Event Type, Event Mode, Event Intensity, Quad Code, Contexts,
Actor Name, Actor Country, Actor COW, Primary Actor Sector, Actor Sectors, Actor Title, Actor Name Raw,
Wikipedia Actor ID, Recipient Name, Recipient Country, Recipient COW, Primary Recipient Sector,
Recipient Sectors, Recipient Title, Recipient Name Raw, Wikipedia Recipient ID, Placename, City, District,
Province, Country, Latitude, Longitude, GeoNames ID, Raw Placename, Feature Type, Source, Publication Date,
Story People, Story Organizations, Story Locations, Language, Version"""


@pytest.fixture
def mixed(store: Store) -> Store:
    """Synthetic events with every kind of date, an unnamed party and a second evidence sentence."""
    ids = fill(store, 20)
    e, a, v, m = schema.events, schema.participants, schema.evidence, schema.event_mentions
    with store.write() as conn:
        for event_id, value, precision in [
            (ids[0], "2021", "year"),
            (ids[1], "2022-02", "month"),
            (ids[2], "--09-12", "day"),
            (ids[3], None, None),
        ]:
            conn.execute(update(e).where(e.c.id == event_id).values(date=value, date_precision=precision))
        mention = conn.scalar(m.select().with_only_columns(m.c.id).where(m.c.event_id == ids[4]))
        conn.execute(a.update().where(a.c.mention_id == mention, a.c.position == 1).values(name=None))
        conn.execute(
            v.insert().values(mention_id=mention, position=1, span_start=0, span_end=5, text="Also; said.")
        )
    return store


def export(store: Store, format: str, path: Path) -> Path:
    result = runner.invoke(app, ["export", "--format", format, "-o", str(path), "--db", store.url])
    assert result.exit_code == 0, result.output
    return path


def test_csv_dates_parse_in_pandas_and_sort_by_time(mixed: Store, tmp_path: Path) -> None:
    table = pd.read_csv(export(mixed, "csv", tmp_path / "e.csv"), parse_dates=["date_start", "date_end"])
    assert pd.api.types.is_datetime64_any_dtype(table["date_start"])
    assert pd.api.types.is_datetime64_any_dtype(table["date_end"])
    by_id = table.set_index("event_id")
    stored = {x.id: x for x in events(mixed)}
    year, month, no_year, undated = (stored[i] for i in sorted(stored)[:4])
    assert (by_id.at[year.id, "date_start"], by_id.at[year.id, "date_end"]) == (
        pd.Timestamp("2021-01-01"),
        pd.Timestamp("2021-12-31"),
    )
    assert by_id.at[month.id, "date_end"] == pd.Timestamp("2022-02-28")
    assert pd.isna(by_id.at[no_year.id, "date_start"]) and pd.isna(by_id.at[undated.id, "date_start"])
    assert by_id.at[year.id, "date_precision"] == "year"
    dated = table.dropna(subset=["date_start"])
    assert (dated["date_start"] <= dated["date_end"]).all() and len(dated) == len(stored) - 2


def test_csv_keeps_every_evidence_sentence(mixed: Store, tmp_path: Path) -> None:
    with export(mixed, "csv", tmp_path / "e.csv").open(encoding="utf-8", newline="") as f:
        rows = {r["event_id"]: r for r in csv.DictReader(f)}
    for event in events(mixed):
        said = [s for source in event.sources for s in source.evidence]
        assert rows[event.id]["evidence"].split(" | ") == said
    assert any(len(r["evidence"].split(" | ")) == 2 for r in rows.values())


def test_participants_join_back_to_events(mixed: Store, tmp_path: Path) -> None:
    table = pd.read_csv(export(mixed, "csv", tmp_path / "e.csv"))
    people = pd.read_csv(export(mixed, "participants", tmp_path / "p.csv"), keep_default_na=False)
    joined = people.merge(table, on="event_id", how="left", validate="many_to_one", indicator=True)
    assert (joined["_merge"] == "both").all()
    stored = events(mixed)
    assert people.groupby("event_id").size().to_dict() == {e.id: len(e.participants) for e in stored}
    unnamed = people[~people["named"]]
    assert len(unnamed) == 1 and unnamed.iloc[0]["name"] == "" and unnamed.iloc[0]["affiliation"]
    assert set(people["affiliation"]) <= {p for e in stored for p in e.parties}


def test_polecat_header_is_polecats_and_rows_carry_plover_codes(tmp_path: Path) -> None:
    store = open_store(sqlite_store(tmp_path, web_articles()))
    try:
        path = export(store, "polecat", tmp_path / "e.tsv")
        stored = events(store)
    finally:
        store.close()
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t")
        rows = list(reader)
    documented = [c.strip() for c in POLECAT_DOCUMENTED.replace("\n", " ").split(",")]
    assert (reader.fieldnames or [])[: len(documented)] == documented
    assert len(rows) == len(stored) and {r["Event Type"] for r in rows} == {"CONSULT", "AGREE"}
    agree = next(r for r in rows if r["Event Type"] == "AGREE")
    assert (agree["Event Mode"], agree["Event Intensity"], agree["Quad Code"]) == (
        "sign",
        "4.2",
        "VERBAL COOPERATION",
    )
    call = next(r for r in rows if r["Event Mode"] == "phone")
    assert (call["Event Intensity"], call["Quad Code"]) == ("2.1", "VERBAL COOPERATION")
    oslo = next(r for r in rows if r["City"] == "Oslo")
    assert abs(float(oslo["Latitude"]) - 59.9) < 0.2 and oslo["GeoNames ID"].isdigit()
    assert oslo["Actor Name"] in {"Ingrid Solberg", "Pablo Rojas"} and "Solberg" in oslo["Story People"]
    said = {
        p.mention.text
        for article in web_articles()
        for e in article.events
        for p in e.participants
        if p.mention
    }
    assert all(r["Actor Name Raw"] in said and r["Recipient Name Raw"] in said for r in rows)
    sides = {p.name: p.affiliation for e in stored for p in e.participants}
    assert all(sides[r["Actor Name"]] == r["Actor Country"] for r in rows)
    assert all(sides[r["Recipient Name"]] == r["Recipient Country"] for r in rows)
    assert all(r["Contexts"].split("; ")[0] == "diplomatic" and r["Language"] and r["Version"] for r in rows)
    assert all(not r["Actor COW"] and not r["Wikipedia Actor ID"] for r in rows)


def test_events_stream_in_chunks_in_the_order_events_gives(store: Store) -> None:
    fill(store, 23)
    assert [e.id for e in iter_events(store, chunk=4)] == [e.id for e in events(store)]
    assert [e.id for e in iter_events(store, "meet", since="2022", chunk=2)] == [
        e.id for e in events(store, "meet", since="2022")
    ]


def test_events_json_streams_the_same_document(mixed: Store) -> None:
    result = runner.invoke(app, ["events", "--json", "--db", mixed.url])
    assert result.exit_code == 0, result.output
    assert [x["id"] for x in json.loads(result.stdout)] == [e.id for e in events(mixed)]
    assert result.stdout == json.dumps(as_dict(events(mixed)), ensure_ascii=False, indent=2) + "\n"
    empty = runner.invoke(app, ["events", "--json", "--type", "meet", "--since", "2099", "--db", mixed.url])
    assert empty.exit_code == 0 and json.loads(empty.stdout) == []
