"""Every shipped layout's reviewed picture: rendered to PNG by the wheel-only renderer in every run,
no wider than 3:1, and with every name and title drawn whole inside its box."""

from __future__ import annotations

import os
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_svg_compact import GOLDEN, LAYOUTS, SHIPPED, aspect, assert_every_name_and_title_is_whole_and_inside_its_box

from orgdesign.export import severity_by_person
from orgdesign.export.png import render_png
from orgdesign.export.svg import draw_chart
from orgdesign.layout import load_layout
from orgdesign.rules import validate


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_picture_has_every_title_whole_and_fits_three_to_one(name):
    org = load_layout(LAYOUTS / f"{name}.yaml")
    golden = ET.fromstring((GOLDEN / f"{name}.svg").read_bytes())
    assert aspect(golden) <= 3.0
    assert_every_name_and_title_is_whole_and_inside_its_box(org, golden)


@pytest.mark.parametrize("name", SHIPPED)
def test_every_shipped_picture_renders_to_a_png_of_the_same_shape(name, tmp_path):
    """resvg-py needs no system library, so this runs everywhere (ORGDESIGN_PNG_DIR keeps the PNGs to look at)."""
    org = load_layout(LAYOUTS / f"{name}.yaml")
    picture = draw_chart(org, severity_by_person(validate(org)))
    assert picture.svg == (GOLDEN / f"{name}.svg").read_text(encoding="utf-8"), "the reviewed picture is what ships"
    data = render_png(picture)
    (Path(os.environ.get("ORGDESIGN_PNG_DIR", tmp_path)) / f"{name}.png").write_bytes(data)
    width, height = png_size(data)
    assert width / height == pytest.approx(picture.width / picture.height, rel=0.01)
    assert width / height <= 3.0
