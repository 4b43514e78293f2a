"""Charts are valid PNGs of a readable size, the same data gives the same bytes, and gaps stay visible."""

from __future__ import annotations

from pathlib import Path

import matplotlib.image
import pytest
from typer.testing import CliRunner

from accord.cli import app
from accord.plots import dyad_png, quarters_between
from accord.store import Store, timeline

runner = CliRunner()
PNG = b"\x89PNG\r\n\x1a\n"


def test_quarters_run_across_years_without_gaps() -> None:
    assert quarters_between((2022, 4), (2023, 2)) == [(2022, 4), (2023, 1), (2023, 2)]
    assert quarters_between((2024, 1), (2024, 1)) == [(2024, 1)]


def test_a_dyad_without_dated_events_still_draws() -> None:
    assert dyad_png([], "JPN", "FIN").startswith(PNG)


@pytest.mark.slow
@pytest.mark.parametrize("args", [["dyad", "JPN", "FIN"], ["network"]], ids=["dyad", "network"])
def test_plots_are_images_of_a_sensible_size(seeded: Store, tmp_path: Path, args: list[str]) -> None:
    out = tmp_path / "plot.png"
    result = runner.invoke(app, ["plot", *args, "-o", str(out), "--db", seeded.url])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(PNG)
    height, width, _ = matplotlib.image.imread(out).shape
    assert 600 <= width <= 2400 and 400 <= height <= 2000


@pytest.mark.slow
def test_the_same_data_gives_the_same_png(seeded: Store) -> None:
    found = timeline(seeded, "JPN", "FIN")
    assert dyad_png(found, "JPN", "FIN") == dyad_png(found, "JPN", "FIN")
