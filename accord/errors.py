"""Accord's exceptions: each message says what happened and what to do about it."""


class AccordError(Exception):
    """Base class for every error Accord raises on purpose."""


class ReadError(AccordError):
    """A document could not be read (binary, undecodable, empty, malformed)."""


class ModelNotInstalled(AccordError):
    """The configured spaCy pipeline is not installed."""


class SettingError(AccordError):
    """A setting has a value Accord cannot use."""


class StoreError(AccordError):
    """The database could not be opened, migrated or written."""


class NotFound(AccordError):
    """A query named something the store does not hold (an event id, a person)."""


class BadQuery(AccordError):
    """A query's value cannot mean anything (an impossible date, an unknown event type)."""
