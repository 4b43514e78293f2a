"""Accord: news about international relations in, an auditable record of interactions out."""

from accord.errors import AccordError, ModelNotInstalled, NotFound, ReadError, SettingError, StoreError
from accord.pipeline import extract, extract_documents, prepare
from accord.records import (
    CleanedDocument,
    Document,
    Event,
    EventDate,
    Extraction,
    Line,
    Location,
    Participant,
    Plover,
    PublicationDate,
    Reject,
    Span,
)
from accord.settings import Settings

__version__ = "0.1.0"

__all__ = [
    "AccordError",
    "CleanedDocument",
    "Document",
    "Event",
    "EventDate",
    "Extraction",
    "Line",
    "Location",
    "ModelNotInstalled",
    "NotFound",
    "Participant",
    "Plover",
    "PublicationDate",
    "ReadError",
    "Reject",
    "SettingError",
    "Settings",
    "Span",
    "StoreError",
    "extract",
    "extract_documents",
    "prepare",
]
