"""Org statistics as plain-text bar charts (Unicode block characters) or JSON, for the CLI."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from orgdesign.stats import OrgStats, Tally
from orgdesign.text import clip, counted, json_text, printable

_EIGHTHS = " ▏▎▍▌▋▊▉"
FULL_BLOCK = "█"
LABEL_WIDTH = 28


def bar(count: int, largest: int, width: int) -> str:
    """A bar `width` cells long for `largest`, in eighths of a cell; never empty for count > 0."""
    if count <= 0 or largest <= 0:
        return ""
    eighths = max(1, round(count * width * 8 / largest))
    whole, rest = divmod(eighths, 8)
    return FULL_BLOCK * whole + (_EIGHTHS[rest] if rest else "")


def chart(title: str, tallies: Sequence[Tally], width: int = 80) -> list[str]:
    """A titled bar chart: one line per tally, label, bar and count."""
    lines = [title]
    if not tallies:
        return [*lines, "  (none)"]
    largest = max(t.count for t in tallies)
    count_width = len(str(largest))
    bar_width = max(10, width - LABEL_WIDTH - count_width - 5)
    for tally in tallies:
        label = clip(printable(tally.label), LABEL_WIDTH)
        lines.append(
            f"  {label:<{LABEL_WIDTH}} {tally.count:>{count_width}} {bar(tally.count, largest, bar_width)}".rstrip()
        )
    return lines


def render_stats_text(stats: OrgStats, width: int = 80) -> str:
    """The summary line and every chart, separated by blank lines."""
    summary = [
        printable(stats.name),
        f"{counted(stats.positions, 'position')}: {stats.filled} filled, {stats.vacancies} vacant; "
        f"{counted(stats.managers, 'manager')}; {counted(stats.layers, 'layer')}",
    ]
    sections = [
        summary,
        chart("Headcount by role", stats.by_role, width),
        chart("Headcount by unit", stats.by_unit, width),
        chart("Managers by span of control (direct reports)", stats.managers_by_span, width),
        chart("People per layer", stats.people_per_layer, width),
    ]
    return "\n\n".join("\n".join(section) for section in sections) + "\n"


def render_stats_json(stats: OrgStats) -> str:
    document = asdict(stats)
    document.update(filled=stats.filled, managers=stats.managers, layers=stats.layers)
    return json_text(document)
