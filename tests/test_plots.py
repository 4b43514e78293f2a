"""Charts are valid PNGs of a readable size, the same data gives the same bytes, and gaps stay visible."""

from __future__ import annotations

import random
from itertools import combinations
from pathlib import Path as FilePath

import matplotlib.image
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib.transforms import Affine2D
from synthetic_store import fill
from typer.testing import CliRunner

from accord import plots
from accord.cli import app
from accord.colours import TYPE_COLOURS
from accord.exports import network
from accord.plots import dyad_png, network_of, quarters_between
from accord.polecat import countries
from accord.store import FusedEvent, Store, open_store, timeline

runner = CliRunner()
PNG = b"\x89PNG\r\n\x1a\n"


def test_quarters_run_across_years_without_gaps() -> None:
    assert quarters_between((2022, 4), (2023, 2)) == [(2022, 4), (2023, 1), (2023, 2)]
    assert quarters_between((2024, 1), (2024, 1)) == [(2024, 1)]


def test_a_dyad_without_dated_events_still_draws() -> None:
    assert dyad_png([], "JPN", "FIN").startswith(PNG)


@pytest.mark.slow
@pytest.mark.parametrize("args", [["dyad", "JPN", "FIN"], ["network"]], ids=["dyad", "network"])
def test_plots_are_images_of_a_sensible_size(seeded: Store, tmp_path: FilePath, args: list[str]) -> None:
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


def network_events(parties: int, seed: int = 3) -> list[FusedEvent]:
    """Events among `parties` countries: every pair once, and one pair far more often than the rest."""
    codes = sorted(c for c in countries() if len(c) == 3)[:parties]
    rng = random.Random(seed)
    made = []
    for n, (a, b) in enumerate(combinations(codes, 2)):
        if rng.random() < 0.3:
            made.append(fused(f"e{n}", rng.choice(["meet", "call", "agree"]), (a, b)))
    made += [fused(f"heavy{i}", "visit", (codes[0], codes[1])) for i in range(40)]
    return made


def fused(id: str, type: str, parties: tuple[str, ...]) -> FusedEvent:
    return FusedEvent(id, type, "2024-01-01", "day", False, None, None, parties, (), (), id, (), (), ())


def texts(figure: Figure) -> list[Text]:
    figure.canvas.draw()
    return [t for t in figure.axes[0].texts if t.get_text()]


def test_a_large_network_shows_the_busiest_parties_with_labels_that_do_not_collide() -> None:
    figure = network_of(network_events(80), top=25)
    assert "the 25 busiest of 80 parties" in figure.axes[0].get_title(loc="left")
    names = [t for t in texts(figure) if "(" in t.get_text()]
    assert len(names) == 25
    shapes = [outline(t) for t in names]
    overlapping = [
        (a, b) for a, b in combinations(range(len(names)), 2) if shapes[a].intersects_path(shapes[b])
    ]
    assert overlapping == [], [(names[a].get_text(), names[b].get_text()) for a, b in overlapping]
    inside = figure.bbox
    assert all(inside.contains(x, y) for shape in shapes for x, y in shape.vertices)


def outline(text: Text) -> Path:
    """The rectangle a label covers on the canvas, turned with it: its box drawn level, rotated about its
    anchor by the label's angle."""
    renderer = text.figure.canvas.get_renderer()  # type: ignore[union-attr]
    angle = text.get_rotation()
    text.set_rotation(0)
    box = text.get_window_extent(renderer)
    text.set_rotation(angle)
    x, y = text.get_transform().transform(text.get_position())
    turn = Affine2D().rotate_deg_around(x, y, angle)
    corners = [(box.x0, box.y0), (box.x1, box.y0), (box.x1, box.y1), (box.x0, box.y1), (box.x0, box.y0)]
    return Path(turn.transform(corners), closed=True)


def test_the_heaviest_link_is_drawn_last_in_its_type_colour_and_labelled() -> None:
    made = network_events(12)
    figure = network_of(made)
    lines = [line for line in figure.axes[0].lines if len(line.get_xdata()) == 2]
    heaviest = lines[-1]
    assert heaviest.get_linewidth() == max(line.get_linewidth() for line in lines)
    assert to_hex(heaviest.get_color()) == TYPE_COLOURS["visit"]
    weights = sorted(w for _, _, w in network(made).edges(data="weight"))
    assert weights[-1] > 40 > weights[-2] and str(weights[-1]) in {t.get_text() for t in texts(figure)}


def test_plot_network_takes_a_cap_on_the_command_line(
    tmp_path: FilePath, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'a.db'}")
    fill(store, 40)
    store.close()
    shown: list[int] = []
    real = plots.network_figure
    monkeypatch.setattr(plots, "network_figure", lambda graph, top: shown.append(top) or real(graph, top))
    out = tmp_path / "net.png"
    result = runner.invoke(app, ["plot", "network", "--top", "5", "-o", str(out), "--db", store.url])
    assert result.exit_code == 0, result.output
    assert shown == [5] and out.read_bytes().startswith(PNG)
    assert (
        runner.invoke(app, ["plot", "network", "--top", "1", "-o", str(out), "--db", store.url]).exit_code
        == 2
    )
