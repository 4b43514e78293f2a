"""Accord: news about international relations in, an auditable record of interactions out.

`extract`, `extract_documents` and `prepare` are imported on first use: they load spaCy, which the CLI,
the store and the web app need only when they extract.
"""

from typing import TYPE_CHECKING, Any

from accord.errors import AccordError, ModelNotInstalled, NotFound, ReadError, SettingError, StoreError
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

if TYPE_CHECKING:
    from accord.pipeline import extract, extract_documents, prepare

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


def __getattr__(name: str) -> Any:
    """The pipeline's entry points, imported (with spaCy) only when a caller asks for one."""
    if name in ("extract", "extract_documents", "prepare"):
        from accord import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'accord' has no attribute {name!r}")
