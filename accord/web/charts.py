"""Charts as server-side SVG: no JavaScript, nothing fetched, links that work in any browser.

Colours come from the page's stylesheet through classes (`t-meet`, `node`, …), and every label passes
through `escape`, so names read from articles can never become markup.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence

import pycountry
from markupsafe import Markup, escape

from accord.records import EVENT_TYPES as TYPES
from accord.store.records import Office
from accord.store.web_queries import Dyad
from accord.web.views import Bin, Node

__all__ = ["graph_svg", "offices_svg", "timeline_svg"]


def svg(width: int, height: int, label: str, body: list[str]) -> Markup:
    return Markup(
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="chart" '
        f'role="img" aria-label="{escape(label)}">{"".join(body)}</svg>'
    )


def timeline_svg(bins: Sequence[Bin], width: int = 960, height: int = 240) -> Markup:
    """Stacked bars of events per period, one colour per type, a tooltip per bar."""
    left, right, top, bottom = 40, 10, 12, 44
    most = max((sum(b.by_type.values()) for b in bins), default=0)
    if not most:
        return svg(width, 60, "no dated events", ['<text x="10" y="35" class="muted">No dated events</text>'])
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / len(bins)
    bar = max(1.0, step * 0.8)
    every = math.ceil(len(bins) / 14)  # at most ~14 labels under the axis
    body = [f'<line x1="{left}" y1="{top + plot_h}" x2="{width - right}" y2="{top + plot_h}" class="axis"/>']
    for tick in sorted({*range(0, most, math.ceil(most / 4)), most}):
        y = top + plot_h - plot_h * tick / most
        body.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" class="grid"/>')
        body.append(f'<text x="{left - 6}" y="{y + 4:.1f}" class="tick" text-anchor="end">{tick}</text>')
    base: float
    for i, b in enumerate(bins):
        x, base = left + i * step + (step - bar) / 2, top + plot_h
        tip = f"{b.period}: " + ", ".join(f"{n} {t}" for t, n in b.by_type.items()) if b.by_type else ""
        rects = []
        for t in TYPES:
            h = plot_h * b.by_type.get(t, 0) / most
            if h:
                base -= h
                rects.append(
                    f'<rect x="{x:.1f}" y="{base:.1f}" width="{bar:.1f}" height="{h:.1f}" class="t-{t}"/>'
                )
        if rects:
            body.append(f"<g><title>{escape(tip)}</title>{''.join(rects)}</g>")
        if i % every == 0:
            body.append(
                f'<text x="{x + bar / 2:.1f}" y="{top + plot_h + 16}" class="tick" '
                f'text-anchor="middle">{escape(b.period)}</text>'
            )
    return svg(width, height, "events per period and type", body)


def is_country(code: str) -> bool:
    return len(code) == 3 and pycountry.countries.get(alpha_3=code) is not None


@functools.lru_cache(maxsize=32)
def layout(
    ids: tuple[str, ...], edges: tuple[tuple[str, str, int], ...], rounds: int = 150
) -> tuple[tuple[str, tuple[float, float]], ...]:
    """Fruchterman–Reingold in the unit square from a circle: deterministic, so a page never reshuffles.

    The result depends on the nodes and weighted edges alone, so a graph shown before is not laid out
    again: the 150 rounds take 70 ms for 40 parties.
    """
    n = len(ids)
    pos = {
        key: [0.5 + 0.4 * math.cos(2 * math.pi * i / n), 0.5 + 0.4 * math.sin(2 * math.pi * i / n)]
        for i, key in enumerate(ids)
    }
    k = 0.8 / math.sqrt(max(n, 1))
    for r in range(rounds):
        heat = 0.1 * (1 - r / rounds) + 0.002
        move = {key: [0.0, 0.0] for key in pos}
        keys = list(pos)
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                d = max(math.hypot(dx, dy), 1e-3)
                push = k * k / d
                move[a][0] += dx / d * push
                move[a][1] += dy / d * push
                move[b][0] -= dx / d * push
                move[b][1] -= dy / d * push
        for first, second, events in edges:
            dx, dy = pos[first][0] - pos[second][0], pos[first][1] - pos[second][1]
            d = max(math.hypot(dx, dy), 1e-3)
            pull = d * d / k * (1 + math.log(events))
            for key, sign in ((first, -1), (second, 1)):
                move[key][0] += sign * dx / d * pull
                move[key][1] += sign * dy / d * pull
        for key, (mx, my) in move.items():
            mx, my = mx + (0.5 - pos[key][0]) * 3, my + (0.5 - pos[key][1]) * 3  # gravity keeps islands near
            d = max(math.hypot(mx, my), 1e-9)
            step = min(d, heat)
            pos[key][0] = min(0.97, max(0.03, pos[key][0] + mx / d * step))
            pos[key][1] = min(0.97, max(0.03, pos[key][1] + my / d * step))
    return tuple((key, (x, y)) for key, (x, y) in pos.items())


def graph_svg(nodes: Sequence[Node], edges: Sequence[Dyad], width: int = 960, height: int = 640) -> Markup:
    """Parties as circles sized by events, edges as lines weighted by events; each edge opens its dyad."""
    if not edges:
        return svg(width, 60, "no pairs", ['<text x="10" y="35" class="muted">No pairs of parties</text>'])
    placed = layout(tuple(node.id for node in nodes), tuple((e.first, e.second, e.events) for e in edges))
    at = {key: (x * width, y * height) for key, (x, y) in placed}
    heaviest = max(e.events for e in edges)
    body = []
    for e in sorted(edges, key=lambda e: e.events):
        (x1, y1), (x2, y2) = at[e.first], at[e.second]
        w = 1 + 7 * math.sqrt(e.events / heaviest)
        detail = ", ".join(f"{n} {t}" for t, n in e.by_type.items())
        line = f'x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"'
        body.append(
            f'<a href="/dyad/{escape(e.first)}/{escape(e.second)}" class="edge">'
            f"<title>{escape(e.first)} – {escape(e.second)}: {e.events} events ({escape(detail)})</title>"
            f'<line {line} stroke-width="{w:.1f}" class="edge-line"/>'
            f'<line {line} stroke-width="{max(w, 12):.1f}" class="edge-hit"/></a>'
        )
    biggest = max(node.events for node in nodes)
    for node in nodes:
        x, y = at[node.id]
        r = 6 + 16 * math.sqrt(node.events / biggest)
        kind = "country" if is_country(node.id) else "organisation"
        body.append(
            f'<a href="/events?country={escape(node.id)}" class="node {kind}">'
            f"<title>{escape(node.id)}: {node.events} events</title>"
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}"/>'
            f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">{escape(node.id)}</text></a>'
        )
    return svg(width, height, "relationship graph", body)


def year_of(date: str) -> float:
    """An ISO date or prefix as a fractional year, for placing it on a time axis."""
    parts = [int(p) for p in date.split("-")]
    year, month, day = [*parts, 1, 1][:3]
    return year + (month - 1) / 12 + (day - 1) / 365


def offices_svg(offices: Sequence[Office], width: int = 960) -> Markup:
    """One bar per office from the first to the last dated statement of it (a dot when only one)."""
    dated = [o for o in offices if o.first_seen and o.last_seen and not o.first_seen.startswith("--")]
    if not dated:
        return svg(
            width, 40, "no dated offices", ['<text x="10" y="25" class="muted">No dated offices</text>']
        )
    left, right, row = 260, 20, 26
    start = min(year_of(o.first_seen or "") for o in dated)
    end = max(year_of(o.last_seen or "") for o in dated)
    start, end = math.floor(start), max(math.ceil(end), math.floor(start) + 1)
    scale = (width - left - right) / (end - start)
    height = row * len(dated) + 30
    body = []
    for year in range(start, end + 1):
        x = left + (year - start) * scale
        body.append(f'<line x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height - 24}" class="grid"/>')
        body.append(f'<text x="{x:.1f}" y="{height - 8}" class="tick" text-anchor="middle">{year}</text>')
    for i, o in enumerate(dated):
        y = i * row + 6
        x1 = left + (year_of(o.first_seen or "") - start) * scale
        x2 = max(x1 + 6, left + (year_of(o.last_seen or "") - start) * scale)
        label = " · ".join(p for p in (o.role, o.affiliation) if p) or "office"
        tip = f"{label}: {o.first_seen} – {o.last_seen}"
        body.append(
            f"<g><title>{escape(tip)}</title>"
            f'<text x="{left - 8}" y="{y + 13}" class="label" text-anchor="end">{escape(label)}</text>'
            f'<rect x="{x1:.1f}" y="{y}" width="{x2 - x1:.1f}" height="16" rx="3" class="office"/></g>'
        )
    return svg(width, height, "offices over time", body)
