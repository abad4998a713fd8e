"""Markdown: the org as a nested list, for docs and wikis.

Each person is one list item, so names are put on one line. Text never starts a line, so
only inline syntax needs escaping: every character Markdown (or GitHub's flavour of it)
could read as emphasis, code, a link, HTML, an entity, math, a heading marker or a table
cell border is backslash-escaped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from orgdesign.export.forest import spanning_forest
from orgdesign.model import Org, Person
from orgdesign.rules.finding import Severity

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&$])")
INDENT = "  "


def markdown_text(text: str) -> str:
    """`text` on one line with Markdown's punctuation backslash-escaped."""
    return _SPECIAL.sub(r"\\\1", " ".join(_CONTROL.sub(" ", text).split()))


def export_markdown(org: Org, severity: Mapping[str, Severity] | None = None) -> str:
    """A heading with the org's name, then everyone as a nested list in tree order."""
    severity = severity or {}
    forest = spanning_forest(org)
    lines = [f"# {markdown_text(org.name)}", ""]
    lines.extend(INDENT * forest.depth[pid] + "- " + _item(org[pid], severity.get(pid)) for pid in forest.order)
    return "\n".join(lines) + "\n"


def _item(person: Person, worst: Severity | None) -> str:
    text = f"**{markdown_text(person.name)}**, {markdown_text(person.display_role)}"
    notes = []
    if person.vacancy:
        notes.append("vacancy")
    if worst is not None:
        notes.append(worst.label)
    if notes:
        text += f" *({', '.join(notes)})*"
    return text
