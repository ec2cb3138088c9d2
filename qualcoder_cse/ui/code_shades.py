"""Colours as shown: sub-codes that inherit their theme's colour get distinct shades of it.

A new code takes its parent's colour (``CodeManager.add``), so every sub-code of a theme used to look the
same in the tree, the document and the margin. Shown colours keep the theme's hue and spread the inheriting
siblings over lightness (darker to lighter, in tree order, with a small hue step), so "Disruption › CAWNs"
and "Disruption › Hotels" are told apart at a glance. A code given a colour of its own keeps it exactly.
The stored colour is never changed (exports and REFI keep what the researcher chose).
"""

from __future__ import annotations

import colorsys
from collections.abc import Iterable

LIGHT_MIN, LIGHT_MAX = 0.30, 0.72


def _rgb(colour: str) -> tuple[float, float, float]:
    c = colour.lstrip("#")
    return int(c[0:2], 16) / 255, int(c[2:4], 16) / 255, int(c[4:6], 16) / 255


def _hex(r: float, g: float, b: float) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, v)) * 255):02x}" for v in (r, g, b))


def shade(colour: str, index: int, count: int) -> str:
    """The ``index``-th of ``count`` distinct shades of ``colour``."""
    try:
        h, light, s = colorsys.rgb_to_hls(*_rgb(colour))
    except (ValueError, IndexError):
        return colour
    if count <= 1:
        target = LIGHT_MIN if light > 0.5 else LIGHT_MAX  # one child: clearly darker or lighter than its theme
    else:
        target = LIGHT_MIN + (LIGHT_MAX - LIGHT_MIN) * index / (count - 1)
    hue = (h + ((index % 3) - 1) * 0.025) % 1.0
    return _hex(*colorsys.hls_to_rgb(hue, target, max(s, 0.35)))


def display_colours(codes: Iterable) -> dict[int, str]:
    """{code id: colour to show} for ``Code`` objects (any order)."""
    codes = list(codes)
    stored = {c.id: (c.colour or "#999999").lower() for c in codes}
    children: dict[int | None, list] = {}
    for c in sorted(codes, key=lambda c: (c.position, c.id)):
        children.setdefault(c.parent_id, []).append(c)
    shown: dict[int, str] = {}

    def walk(parent_id: int | None) -> None:
        kids = children.get(parent_id, [])
        inherit = [c for c in kids if parent_id is not None and stored[c.id] == stored.get(parent_id)]
        for c in kids:
            if c in inherit:
                shown[c.id] = shade(shown.get(parent_id, stored[parent_id]), inherit.index(c), len(inherit))
            else:
                shown[c.id] = stored[c.id]
            walk(c.id)

    walk(None)
    for c in codes:  # a code whose parent is missing (never expected) keeps its colour
        shown.setdefault(c.id, stored[c.id])
    return shown
