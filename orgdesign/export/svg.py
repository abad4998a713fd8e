"""SVG: the org as a tidy top-down tree of boxes, built as one string.

Boxes are laid out by `orgdesign.tidy` (linear time, no recursion). Each box shows the name
and the role or title; text that would not fit is cut with an ellipsis, and the full text is
in the box's <title> (a tooltip in browsers). Colours come from CSS classes for the worst
finding severity; vacancies are open, dashed boxes; dotted lines are dashed curves. The
picture has a viewBox, so it stays sharp at any zoom.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from orgdesign.export.forest import Forest, spanning_forest
from orgdesign.model import Org, Person
from orgdesign.rules.finding import Severity
from orgdesign.text import clip
from orgdesign.tidy import tidy_layout

BOX_WIDTH = 190.0
BOX_HEIGHT = 50.0
GAP = 16.0
LAYER_GAP = 44.0
MARGIN = 20.0
NAME_SIZE = 14
ROLE_SIZE = 11.5
AVERAGE_CHAR_WIDTH = 0.6
"""Average glyph width as a fraction of the font size for a sans-serif face (a safe guess)."""
TEXT_PADDING = 10.0

STYLE = """
.p rect{fill:#ffffff;stroke:#5f6b7a;stroke-width:1.2}
.p text{text-anchor:middle}
.p .n{font:600 14px system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;fill:#1f2933}
.p .r{font:11.5px system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;fill:#52606d}
.info rect{fill:#e8f1fd;stroke:#2f6fd1}
.warning rect{fill:#fff4d6;stroke:#b7791f;stroke-width:1.6}
.error rect{fill:#fde4e4;stroke:#c53030;stroke-width:2}
.vacancy rect{fill:none;stroke-dasharray:6 4}
.lines{fill:none;stroke:#7b8794;stroke-width:1.2}
.dotted{fill:none;stroke:#8e6ac8;stroke-width:1.2;stroke-dasharray:4 4}
""".strip()

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_XML_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})
_NEEDS_CARE = re.compile("[&<>\"'\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """`text` escaped for XML content and attributes, minus characters XML cannot carry."""
    if _NEEDS_CARE.search(text) is None:  # most names: one scan instead of two passes
        return text
    return _INVALID_XML.sub("", text).translate(_XML_ESCAPES)


def one_line(text: str) -> str:
    return " ".join(text.split())


def fit(text: str, font_size: float) -> str:
    """`text` on one line, cut with an ellipsis if it would overflow a box."""
    limit = int((BOX_WIDTH - 2 * TEXT_PADDING) / (font_size * AVERAGE_CHAR_WIDTH))
    text = one_line(text)
    return clip(text, limit)


def export_svg(org: Org, severity: Mapping[str, Severity] | None = None) -> str:
    """The org chart as a standalone SVG document."""
    severity = severity or {}
    forest = spanning_forest(org)
    placed = tidy_layout(forest.roots, forest.children.__getitem__, lambda _pid: BOX_WIDTH, GAP)
    corners = {pid: (MARGIN + x, MARGIN + depth * (BOX_HEIGHT + LAYER_GAP)) for pid, (x, depth) in placed.items()}
    width = max((x for x, _ in corners.values()), default=0.0) + BOX_WIDTH + MARGIN
    height = max((y for _, y in corners.values()), default=0.0) + BOX_HEIGHT + MARGIN
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img">\n',
        f"<title>{xml_text(org.name)}</title>\n",
        f"<style>{STYLE}</style>\n",
    ]
    parts.extend(_path("lines", _solid_lines(forest, corners)))
    parts.extend(_path("dotted", _dotted_lines(org, corners)))
    parts.extend(_box(org[pid], corners[pid], severity.get(pid)) for pid in forest.order)
    parts.append("</svg>\n")
    return "".join(parts)


def _path(css_class: str, data: str) -> list[str]:
    return [f'<path class="{css_class}" d="{data}"/>\n'] if data else []


def _box(person: Person, corner: tuple[float, float], worst: Severity | None) -> str:
    x, y = corner
    classes = "p"
    if worst is not None:
        classes += " " + worst.label
    if person.vacancy:
        classes += " vacancy"
    role = person.display_role + (" (vacancy)" if person.vacancy else "")
    tooltip = f"{one_line(person.name)}\n{one_line(role)}\nid: {person.id}"
    if worst is not None:
        tooltip += f"\nworst finding: {worst.label}"
    return (
        f'<g class="{classes}" data-id="{xml_text(person.id)}" transform="translate({x:.1f} {y:.1f})">'
        f"<title>{xml_text(tooltip)}</title>{_BOX_SHAPE}"
        f'<text class="n" x="{_CENTRE}" y="21">{xml_text(fit(person.name, NAME_SIZE))}</text>'
        f'<text class="r" x="{_CENTRE}" y="38">{xml_text(fit(role, ROLE_SIZE))}</text>'
        "</g>\n"
    )


# Every box has the same shape, drawn at its corner by the group's transform.
_BOX_SHAPE = f'<rect width="{BOX_WIDTH:.0f}" height="{BOX_HEIGHT:.0f}" rx="6"/>'
_CENTRE = f"{BOX_WIDTH / 2:.0f}"


def _solid_lines(forest: Forest, corners: dict[str, tuple[float, float]]) -> str:
    """Elbow connectors: down from the manager, along a bus, down into each report."""
    segments: list[str] = []
    half = BOX_WIDTH / 2
    for pid in forest.order:
        kids = forest.children[pid]
        if not kids:
            continue
        x, y = corners[pid]
        bus = y + BOX_HEIGHT + LAYER_GAP / 2
        first, last = corners[kids[0]][0] + half, corners[kids[-1]][0] + half
        segments.append(f"M{x + half:.1f} {y + BOX_HEIGHT:.1f}V{bus:.1f}M{first:.1f} {bus:.1f}H{last:.1f}")
        segments.extend(f"M{corners[kid][0] + half:.1f} {bus:.1f}V{corners[kid][1]:.1f}" for kid in kids)
    return "".join(segments)


def _dotted_lines(org: Org, corners: dict[str, tuple[float, float]]) -> str:
    """Curves from the bottom of each dotted-line manager to the top of the report."""
    segments: list[str] = []
    half = BOX_WIDTH / 2
    for manager, report in org.dotted_lines():
        (mx, my), (rx, ry) = corners[manager], corners[report]
        start_x, start_y, end_x = mx + half, my + BOX_HEIGHT, rx + half
        bend = max(LAYER_GAP, abs(ry - start_y) / 2)
        segments.append(
            f"M{start_x:.1f} {start_y:.1f}C{start_x:.1f} {start_y + bend:.1f} "
            f"{end_x:.1f} {ry - bend:.1f} {end_x:.1f} {ry:.1f}"
        )
    return "".join(segments)
