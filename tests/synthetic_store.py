"""A big store written straight through the schema, for load tests: thousands of fused events, each with
one report, its participants, evidence, document and source. Written for the tests, from templates."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta

from accord.store import Store, schema

COUNTRIES = ["NOR", "JPN", "CHL", "SEN", "DNK", "IND", "FIN", "BRA", "KEN", "CAN", "NATO", "EU"]
CITIES = ["Oslo", "Tokyo", "Santiago", "Dakar", "Copenhagen", "New Delhi", "Helsinki", "Brasilia"]
GIVEN = ["Anna", "Kenji", "Maria", "Amina", "Lars", "Ravi", "Sofia", "Tomas", "Leila", "Jonas"]
FAMILY = ["Berg", "Sato", "Lopez", "Diallo", "Holm", "Menon", "Virtanen", "Costa", "Otieno", "Tremblay"]
TYPES = ["meet", "call", "visit", "agree"]
EVENTS_PER_DOCUMENT = 5


def fill(store: Store, events: int, seed: int = 11) -> list[str]:
    """Write `events` events (five per document) and return their ids."""
    rng = random.Random(seed)
    ids: list[str] = []
    rows: dict[str, list[dict[str, object]]] = {t: [] for t in ("d", "s", "e", "p", "m", "a", "v")}
    for n in range(0, events, EVENTS_PER_DOCUMENT):
        doc_id = f"d{n:019d}"
        day = date(2020, 1, 1) + timedelta(days=rng.randrange(1800))
        sentences = []
        for k in range(min(EVENTS_PER_DOCUMENT, events - n)):
            a, b = rng.sample(COUNTRIES, 2)
            kind = rng.choice(TYPES)
            first, second = (f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}" for _ in range(2))
            sentence = f"Minister {first} of {a} and {second} of {b} held talks number {n + k} on trade."
            start = sum(len(s) + 1 for s in sentences)
            sentences.append(sentence)
            event_id, mention_id = f"ev{n + k:014d}", f"m{n + k:019d}"
            ids.append(event_id)
            key = "+".join(sorted((a, b)))
            rows["e"].append(
                {"id": event_id, "type": kind, "party_key": key, "merge_key": f"{kind}|{key}|{day}"}
                | {"date": day.isoformat(), "date_precision": "day", "date_inferred": False}
                | {"city": rng.choice(CITIES), "country": a, "improvements": "[]", "conflicts": "[]"}
            )
            rows["p"] += [{"event_id": event_id, "affiliation": c} for c in sorted((a, b))]
            rows["m"].append(
                {"id": mention_id, "document_id": doc_id, "event_id": event_id, "position": k, "type": kind}
                | {"plover_code": "CONSULT", "plover_mode": kind, "date": day.isoformat()}
                | {"date_precision": "day", "date_source": "header", "date_inferred": False}
                | {
                    "city": None,
                    "country": a,
                    "topics": json.dumps(["trade"]),
                    "merge_reason": "first report",
                }
            )
            rows["a"] += [
                {"mention_id": mention_id, "position": i, "name": name, "role": "foreign minister"}
                | {"affiliation": c, "span_start": None, "span_end": None, "span_text": None}
                | {"person_id": None, "inferred": ""}
                for i, (name, c) in enumerate(((first, a), (second, b)))
            ]
            rows["v"].append(
                {"mention_id": mention_id, "position": 0, "span_start": start}
                | {"span_end": start + len(sentence), "text": sentence}
            )
        rows["d"].append(
            {"id": doc_id, "text": "\n".join(sentences), "title": f"Talks {n}", "published": day.isoformat()}
            | {"published_source": "header", "minhash": b"\0", "ingested_at": "2025-01-01T00:00:00"}
        )
        rows["s"].append(
            {"id": f"s{n:019d}", "document_id": doc_id, "input_id": f"in{n}", "path": f"/in/{n}.txt"}
            | {"url": f"https://example.org/{n}", "outlet": "example.org", "title": f"Talks {n}"}
            | {"published": day.isoformat(), "format": "seed", "similarity": 1.0, "added_at": "2025-01-01"}
        )
    tables = {
        "d": schema.documents,
        "s": schema.sources,
        "e": schema.events,
        "p": schema.event_parties,
        "m": schema.event_mentions,
        "a": schema.participants,
        "v": schema.evidence,
    }
    with store.write() as conn:
        for key, table in tables.items():
            conn.execute(table.insert(), rows[key])
    return ids
