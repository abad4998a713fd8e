"""PNG pictures from the wheel-only renderer: real images, sharp when small, bounded when huge."""

from __future__ import annotations

import struct

from test_svg_compact import LAYOUTS

from orgdesign.export.png import MAX_PIXELS, SHARP, png_scale, render_png
from orgdesign.export.svg import Picture, draw_chart
from orgdesign.layout import load_layout


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_a_small_chart_is_rendered_at_twice_its_size():
    picture = draw_chart(load_layout(LAYOUTS / "startup.yaml"), {})
    width, height = png_size(render_png(picture))
    assert abs(width - SHARP * picture.width) <= 2 and abs(height - SHARP * picture.height) <= 2


def test_a_huge_chart_is_scaled_down_to_the_pixel_budget():
    huge = Picture("", 54_000.0, 19_000.0)
    scale = png_scale(huge)
    assert scale < 1 and huge.width * huge.height * scale**2 <= MAX_PIXELS * 1.001
