"""A page Accord cannot read says which language it is in, instead of looking like news of nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.language import language_of, reads

PORTUGUESE = (
    "Os presidentes do Brasil e da Argentina reuniram-se na terça-feira em Brasília para discutir o comércio "
    "bilateral, a integração energética e a agenda do Mercosul para o próximo semestre."
)
ENGLISH = (
    "The presidents of Brazil and Argentina met in Brasília on Tuesday to discuss bilateral trade and energy."
)


def test_the_language_of_a_page_is_told_only_when_sure() -> None:
    assert language_of(PORTUGUESE) == "pt"
    assert language_of(ENGLISH) == "en"
    assert language_of("KAMIKAWA Yoko | HAAVISTO Pekka") is None  # too short to tell
    assert reads("en") and reads(None) and not reads("pt")


@pytest.mark.slow
def test_a_page_in_another_language_is_read_for_no_events_and_says_why(tmp_path: Path) -> None:
    source = tmp_path / "pages.jsonl"
    rows = [
        {"id": "pt", "published": "2024-03-14", "text": PORTUGUESE},
        {"id": "en", "published": "2024-03-14", "text": ENGLISH},
    ]
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    records = {r["id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert records["pt"]["language"] == "pt" and records["pt"]["events"] == []
    assert "reads English only" in records["pt"]["note"]
    assert records["en"]["language"] == "en" and "note" not in records["en"]
    assert {e["type"] for e in records["en"]["events"]} >= {"meet"}
