"""The output contract: one JSON object per document, events as `../shared/eval/score.py` reads them."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from accord.records import Event, Extraction, Participant, Reject, Span


def span_dict(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"text": span.text, "start": span.start, "end": span.end}


def participant_dict(participant: Participant) -> dict[str, Any]:
    """A participant with where its affiliation was read and the weaker evidence that disagreed."""
    return {
        "name": participant.name,
        "role": participant.role,
        "affiliation": participant.affiliation,
        "affiliation_source": participant.affiliation_source,
        "affiliation_conflicts": [asdict(c) for c in participant.affiliation_conflicts],
        "mention": span_dict(participant.mention),
    }


def event_dict(event: Event) -> dict[str, Any]:
    """An event in the contract: type, date (+ precision and source), location, participants, PLOVER, evidence."""
    return {
        "type": event.type,
        "date": event.date.value,
        "date_end": event.date.end,
        "date_precision": event.date.precision,
        "date_source": event.date.source,
        "date_in_text": event.date.in_text,
        "date_inferred": event.date.inferred is not None,
        "date_inferred_reason": event.date.inferred,
        "location": {"city": event.location.city, "country": event.location.country},
        "participants": [participant_dict(p) for p in event.participants],
        "plover": {"code": event.plover.code, "mode": event.plover.mode},
        "topics": list(event.topics),
        "evidence": [span_dict(span) for span in event.evidence],
    }


def extraction_dict(result: Extraction | Reject) -> dict[str, Any]:
    """The JSON Lines record of one document, or of one document that failed."""
    if isinstance(result, Reject):
        return {"id": result.id, "source": result.source, "error": result.error}
    document = result.cleaned.document
    return {
        "id": document.id,
        "source": document.source,
        "url": document.url,
        "title": document.title,
        "published": result.cleaned.published.value,
        "published_source": result.cleaned.published.source,
        "language": result.cleaned.language,
        **({"note": result.note} if result.note else {}),
        "events": [event_dict(e) for e in result.events],
        "unasserted": [event_dict(e) for e in result.unasserted],
    }
