"""PNG: the SVG chart rasterised by resvg, a renderer written in Rust that ships as a wheel.

No system libraries are needed (no Cairo, no librsvg, no browser). Small charts are drawn at
twice their size so they stay sharp on a slide; large ones are scaled down so that the picture
stays within a memory budget (a 10,000-person chart at full size would be a gigapixel).
"""

from __future__ import annotations

import math

from orgdesign.export.svg import Picture

SHARP = 2.0
"""Scale of a small chart: two pixels per SVG unit."""
MAX_PIXELS = 50_000_000
"""About 200 MB of RGBA while rendering."""
MAX_SIDE = 32_000


def png_scale(picture: Picture) -> float:
    """How many pixels per SVG unit the PNG gets."""
    area = max(picture.width * picture.height, 1.0)
    return min(SHARP, math.sqrt(MAX_PIXELS / area), MAX_SIDE / max(picture.width, picture.height, 1.0))


def render_png(picture: Picture) -> bytes:
    """The picture as PNG bytes."""
    import resvg_py  # a compiled module: loaded only when someone asks for a PNG

    return bytes(resvg_py.svg_to_bytes(svg_string=picture.svg, zoom=png_scale(picture)))
