"""Charts of the stored record: a dyad's events per quarter, and the network of who dealt with whom.

Figures are built on `matplotlib.figure.Figure` and rendered by the Agg canvas, never through pyplot, so no
global backend or figure state is touched and a web worker or a test can draw in parallel. The same data
gives byte-identical PNGs.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from accord.exports import EVENT_TYPES, network
from accord.gazetteer import country_name
from accord.store import FusedEvent
from accord.store.fusion import date_parts

__all__ = ["dyad_figure", "dyad_png", "network_figure", "save"]

COLOURS = {"meet": "#1f77b4", "call": "#ff7f0e", "visit": "#2ca02c", "agree": "#9467bd"}
KIND_COLOURS = {"country": "#a6cee3", "organisation": "#fdbf6f"}
DPI = 120


def quarter(event: FusedEvent) -> tuple[int, int] | None:
    """(year, quarter) of an event, or None when the date gives no year or no month."""
    year, month, _ = date_parts(event.date)
    return (year, (month - 1) // 3 + 1) if year and month else None


def quarters_between(first: tuple[int, int], last: tuple[int, int]) -> list[tuple[int, int]]:
    """Every quarter from first to last, so empty quarters show as gaps rather than vanish."""
    span = (last[0] - first[0]) * 4 + last[1] - first[1]
    return [(first[0] + (first[1] - 1 + i) // 4, (first[1] - 1 + i) % 4 + 1) for i in range(span + 1)]


def label(code: str) -> str:
    return country_name(code) or code


def dyad_figure(events: Sequence[FusedEvent], first: str, second: str) -> Figure:
    """Stacked bars of a dyad's events per quarter, one colour per type; undatable events counted below."""
    placed = Counter((q, e.type) for e in events if (q := quarter(e)))
    unplaced = sum(1 for e in events if not quarter(e))
    figure = Figure(figsize=(9, 4.8), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    title = f"{label(first.upper())} – {label(second.upper())}: events per quarter"
    axes.set_title(title, fontsize=14, fontweight="bold", loc="left")
    if placed:
        quarters = quarters_between(min(q for q, _ in placed), max(q for q, _ in placed))
        positions = range(len(quarters))
        bottom = [0] * len(quarters)
        for kind in EVENT_TYPES:
            heights = [placed[(q, kind)] for q in quarters]
            if any(heights):
                axes.bar(positions, heights, bottom=bottom, color=COLOURS[kind], label=kind, width=0.7)
                bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        step = max(1, math.ceil(len(quarters) / 16))  # at most 16 labels, so they never overlap
        ticks = [f"{y} Q{n}" for y, n in quarters][::step]
        axes.set_xticks(list(positions)[::step], ticks, rotation=45, ha="right", rotation_mode="anchor")
        axes.set_ylim(0, max(bottom) + 1)
        axes.legend(title="type", frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    else:
        axes.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=axes.transAxes)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_ylabel("events")
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", alpha=0.3)
    axes.set_axisbelow(True)
    note = (
        f"\n{unplaced} event{'s' if unplaced != 1 else ''} without a year or month not shown"
        if unplaced
        else ""
    )
    axes.set_xlabel(f"quarter{note}", color="#444444")
    return figure


def network_figure(graph: nx.Graph) -> Figure:
    """Countries and organisations placed by a seeded spring layout; edge width and node size by events."""
    figure = Figure(figsize=(9, 7), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.set_axis_off()
    edges = graph.number_of_edges()
    title = f"Who dealt with whom: {graph.number_of_nodes()} parties, {edges} links"
    axes.set_title(title, fontsize=14, fontweight="bold", loc="left")
    if not graph:
        axes.text(0.5, 0.5, "no events", ha="center", va="center", transform=axes.transAxes)
        return figure
    layout = nx.spring_layout(graph, weight="weight", seed=7, k=1.5 / math.sqrt(len(graph)))
    heaviest = max((w for _, _, w in graph.edges(data="weight")), default=1)
    strength = dict(graph.degree(weight="weight"))
    nx.draw_networkx_edges(
        graph,
        layout,
        ax=axes,
        width=[1 + 7 * w / heaviest for _, _, w in graph.edges(data="weight")],
        edge_color="#888888",
        alpha=0.7,
    )
    nx.draw_networkx_edge_labels(
        graph, layout, ax=axes, edge_labels=nx.get_edge_attributes(graph, "weight"), font_size=9, rotate=False
    )
    nx.draw_networkx_nodes(
        graph,
        layout,
        ax=axes,
        node_size=[1200 + 2400 * strength[n] / max(strength.values()) for n in graph],
        node_color=[KIND_COLOURS[graph.nodes[n]["kind"]] for n in graph],
        edgecolors="#333333",
    )
    nx.draw_networkx_labels(graph, layout, ax=axes, font_size=11, font_weight="bold")
    for kind, colour in KIND_COLOURS.items():
        axes.scatter([], [], s=120, color=colour, edgecolors="#333333", label=kind)
    axes.legend(frameon=False, loc="lower right")
    axes.margins(0.12)
    return figure


def png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", metadata={"Software": None})
    return buffer.getvalue()


def dyad_png(events: Sequence[FusedEvent], first: str, second: str) -> bytes:
    return png(dyad_figure(events, first, second))


def save(figure: Figure, path: Path) -> None:
    """Write a figure; the format follows the file's extension (PNG, SVG, PDF)."""
    figure.savefig(path, metadata={"Software": None} if path.suffix.lower() == ".png" else None)


def network_of(events: Sequence[FusedEvent]) -> Figure:
    return network_figure(network(events))
