"""Rewrite the generated sections of the README, so the documentation cannot drift.

A section is the text between `<!-- NAME:start -->` and `<!-- NAME:end -->`; each generator
(`python -m orgdesign.rules.docs README.md`, `python -m orgdesign.tui.keys README.md`)
replaces its own sections in place and leaves everything else alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from orgdesign.text import printable, warn


def replace_section(text: str, section: str, body: str) -> str:
    """`text` with the body of `section` replaced; ValueError when the markers are missing."""
    start, end = f"<!-- {section}:start -->", f"<!-- {section}:end -->"
    before, found, rest = text.partition(start)
    if not found or end not in rest:
        raise ValueError(f"the README has no {start} ... {end} section")
    return f"{before}{start}\n{body}\n{end}{rest.partition(end)[2]}"


def rewrite_sections(text: str, generators: Mapping[str, Callable[[], str]]) -> str:
    for section, generate in generators.items():
        text = replace_section(text, section, generate())
    return text


def rewrite_readme(argv: list[str], command: str, generators: Mapping[str, Callable[[], str]]) -> int:
    """The `main` of a generator module: rewrite the README named in `argv`; 0, or 2 on error."""
    if len(argv) != 1:
        warn(f"usage: python -m {command} README.md")
        return 2
    path = Path(argv[0])
    try:
        text = path.read_text(encoding="utf-8")
        updated = rewrite_sections(text, generators)
    except (OSError, ValueError) as error:
        warn(f"{printable(str(path))}: error: {error}")
        return 2
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return 0
