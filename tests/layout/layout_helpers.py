"""Shared by the layout tests: a fixed rule catalogue and small builders."""

from __future__ import annotations

from pathlib import Path

from orgdesign.layout import LayoutError, loads_layout
from orgdesign.model import Org

KNOWN_RULES = frozenset({"ORG001", "PRD101", "PRD102", "SPN202"})
"""Stands in for the rule catalogue, so these tests do not depend on which rules exist."""

DATA = Path(__file__).resolve().parents[1] / "data"
BAD = DATA / "bad"
GOOD = DATA / "good"


def load_text(text: str) -> Org:
    return loads_layout(text, known_rules=KNOWN_RULES)


def error_lines(text: str) -> list[str]:
    """Every error the loader reports for `text` (path shown as <string>)."""
    try:
        load_text(text)
    except LayoutError as error:
        return [str(item) for item in error.errors]
    raise AssertionError("the layout loaded, but errors were expected")


def layout(*people_lines: str, head: str = "orgdesign: 1\nname: Acme\n") -> str:
    """A layout text with `people_lines` under `people:` (each already indented)."""
    return head + "people:\n" + "".join(line + "\n" for line in people_lines)
