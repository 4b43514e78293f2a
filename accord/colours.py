"""One colour per event type, shared by the PNG charts, the web app (as CSS custom properties) and the
reports, so a meeting is the same blue wherever an analyst sees it."""

from __future__ import annotations

__all__ = ["TYPE_COLOURS", "css"]

TYPE_COLOURS = {"meet": "#2f6fdf", "call": "#17a398", "visit": "#e08a1e", "agree": "#8e44ad"}


def css() -> str:
    """The colours as CSS custom properties (`--meet`, …) on the root element, for the web app's styles."""
    properties = " ".join(f"--{kind}: {colour};" for kind, colour in TYPE_COLOURS.items())
    return f":root {{ {properties} }}\n"
