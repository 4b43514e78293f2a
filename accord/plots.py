"""Charts of the stored record: a dyad's events per quarter, and the network of who dealt with whom.

Figures are built on `matplotlib.figure.Figure` and rendered by the Agg canvas, never through pyplot, so no
global backend or figure state is touched and a web worker or a test can draw in parallel. The same data
gives byte-identical PNGs.
"""

from __future__ import annotations

import io
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import networkx as nx
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from accord.colours import TYPE_COLOURS
from accord.exports import EVENT_TYPES, network
from accord.gazetteer import country_name
from accord.polecat import continent
from accord.store import FusedEvent
from accord.store.fusion import date_parts

__all__ = ["dyad_figure", "dyad_png", "network_figure", "save"]

DPI = 120
TOP = 30  # parties a network chart shows: more and the labels no longer fit around the circle
LABELLED_LINKS = 12  # the heaviest links carry their number of events (when more than one)
REGIONS = {
    "AF": "Africa",
    "AN": "Antarctica",
    "AS": "Asia",
    "EU": "Europe",
    "NA": "North America",
    "OC": "Oceania",
    "SA": "South America",
}
REGION_COLOURS = ("#a6cee3", "#b2df8a", "#fb9a99", "#fdbf6f", "#cab2d6", "#ffff99", "#d9d9d9", "#8dd3c7")


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
                axes.bar(positions, heights, bottom=bottom, color=TYPE_COLOURS[kind], label=kind, width=0.7)
                bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
        step = max(1, math.ceil(len(quarters) / 16))  # at most 16 labels, so they never overlap
        ticks = [f"{y} Q{n}" for y, n in quarters][::step]
        axes.set_xticks(list(positions)[::step], ticks, rotation=45, ha="right", rotation_mode="anchor")
        axes.set_ylim(0, max(bottom) + 1)
        axes.legend(title="type", frameon=False, loc="upper left", bbox_to_anchor=(1, 1))
    else:
        axes.text(0.5, 0.5, "no dated events", ha="center", va="center", transform=axes.transAxes)
    # the default y locator is an AutoLocator (a MaxNLocator, which takes `integer`); the stub says Locator
    axes.yaxis.get_major_locator().set_params(integer=True)  # type: ignore[call-arg]
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


def busiest(graph: nx.Graph, top: int) -> nx.Graph:
    """The `top` parties with the most events (ties by code) and the links among them."""
    strength = dict(graph.degree(weight="weight"))
    kept = sorted(graph, key=lambda n: (-strength[n], n))[:top]
    return graph.subgraph(kept).copy()


def region(code: str) -> str:
    """The continent a country lies on, as GeoNames gives it; organisations form a group of their own."""
    found = continent(code)
    return "organisations" if found is None else REGIONS.get(found, "other")


def around_the_circle(graph: nx.Graph) -> dict[str, tuple[float, float]]:
    """Parties on a circle, grouped by region and, within a region, by the communities their links form,
    the busiest first: neighbours sit together and no two circles overlap."""
    communities = nx.community.greedy_modularity_communities(graph, weight="weight")
    community = {n: i for i, members in enumerate(communities) for n in members}
    strength = dict(graph.degree(weight="weight"))
    order = sorted(graph, key=lambda n: (region(n), community[n], -strength[n], n))
    step = 2 * math.pi / max(1, len(order))
    return {
        n: (math.cos(math.pi / 2 - i * step), math.sin(math.pi / 2 - i * step)) for i, n in enumerate(order)
    }


def dominant_type(edge: dict[str, int]) -> str:
    """The type of most of a link's events (the first in `EVENT_TYPES` on a tie), which gives its colour."""
    return max(EVENT_TYPES, key=lambda kind: (edge.get(kind, 0), -EVENT_TYPES.index(kind)))


def network_figure(graph: nx.Graph, top: int = TOP) -> Figure:
    """Who dealt with whom, laid out for reading: the `top` busiest parties on a circle grouped by region,
    labels outside it along their own radius, links as wide as their events, coloured by their main type,
    the heaviest drawn last and labelled with their count."""
    figure = Figure(figsize=(10, 10), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.set_axis_off()
    axes.set_aspect("equal")
    total = graph.number_of_nodes()
    shown = busiest(graph, top)
    scope = f"the {shown.number_of_nodes()} busiest of {total} parties" if total > top else f"{total} parties"
    title = f"Who dealt with whom: {scope}, {shown.number_of_edges()} links"
    axes.set_title(title, fontsize=14, fontweight="bold", loc="left")
    if not shown:
        axes.text(0.5, 0.5, "no events", ha="center", va="center", transform=axes.transAxes)
        return figure
    layout = around_the_circle(shown)
    edges = sorted(shown.edges(data=True), key=lambda e: (e[2]["weight"], e[0], e[1]))
    heaviest = max((d["weight"] for _, _, d in edges), default=1)
    for a, b, data in edges:
        (x1, y1), (x2, y2) = layout[a], layout[b]
        width = 0.8 + 9 * data["weight"] / heaviest
        colour = TYPE_COLOURS[dominant_type(data)]
        axes.plot([x1, x2], [y1, y2], color=colour, linewidth=width, alpha=0.55, solid_capstyle="round")
    for a, b, data in [e for e in edges[-LABELLED_LINKS:] if e[2]["weight"] > 1]:
        (x1, y1), (x2, y2) = layout[a], layout[b]
        axes.text(
            (x1 + x2) / 2,
            (y1 + y2) / 2,
            str(data["weight"]),
            ha="center",
            va="center",
            fontsize=9,
            bbox={
                "boxstyle": "round,pad=0.2",
                "facecolor": "white",
                "edgecolor": "#999999",
                "linewidth": 0.5,
            },
        )
    strength = dict(shown.degree(weight="weight"))
    regions = sorted({region(n) for n in shown})
    palette = {r: REGION_COLOURS[i % len(REGION_COLOURS)] for i, r in enumerate(regions)}
    axes.scatter(
        [layout[n][0] for n in shown],
        [layout[n][1] for n in shown],
        s=[80 + 420 * strength[n] / max(strength.values()) for n in shown],
        c=[palette[region(n)] for n in shown],
        edgecolors="#333333",
        linewidths=0.8,
        zorder=3,
    )
    for n, (x, y) in layout.items():
        angle = math.degrees(math.atan2(y, x))
        flipped = x < 0
        axes.text(
            1.09 * x,
            1.09 * y,
            f"{label(n)} ({strength[n]})",
            rotation=angle + 180 if flipped else angle,
            rotation_mode="anchor",
            ha="right" if flipped else "left",
            va="center",
            fontsize=9,
        )
    for kind in EVENT_TYPES:
        axes.plot([], [], color=TYPE_COLOURS[kind], linewidth=4, label=f"mostly {kind}")
    for name, colour in palette.items():
        axes.scatter([], [], s=80, color=colour, edgecolors="#333333", label=name)
    axes.legend(frameon=False, loc="upper left", bbox_to_anchor=(1, 1), fontsize=9)
    axes.set_xlim(-1.6, 1.6)
    axes.set_ylim(-1.6, 1.6)
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


def network_of(events: Iterable[FusedEvent], top: int = TOP) -> Figure:
    return network_figure(network(events), top)
