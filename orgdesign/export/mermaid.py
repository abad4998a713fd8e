"""Mermaid flowchart: boxes with name and role, solid and dotted reporting lines.

Node ids are generated (p0, p1, ...) so that no person id can break the syntax; names go
into quoted labels, where Mermaid decodes `#name;` / `#35;` entity codes. Characters that
could end the label, open a directive, or be read as markup or an entity are written as such
codes, so a name can neither inject `%%{init: ...}%%` nor break out of its box.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from orgdesign.export.forest import spanning_forest
from orgdesign.model import Org, Person
from orgdesign.rules.finding import Severity

_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_SPECIAL = "#\\\"&<>`'%{}[]|"
"""Characters that could end a label, open a `%%{...}%%` directive (which Mermaid looks for
anywhere in the text, labels and comments included), start markup or be read as an entity."""
_NAMED = {'"': "#quot;", "&": "#amp;", "<": "#lt;", ">": "#gt;"}
_ENTITIES = str.maketrans({character: _NAMED.get(character, f"#{ord(character)};") for character in _SPECIAL})

CLASS_DEFS = (
    "classDef error fill:#fde4e4,stroke:#c53030,stroke-width:2px",
    "classDef warning fill:#fff4d6,stroke:#b7791f,stroke-width:1.5px",
    "classDef info fill:#e8f1fd,stroke:#2f6fd1",
    "classDef vacancy fill:#ffffff,stroke-dasharray:5 5",
)


def mermaid_text(text: str) -> str:
    """`text` on one line, safe inside a quoted Mermaid label."""
    return " ".join(_CONTROL.sub(" ", text).split()).translate(_ENTITIES)


def export_mermaid(org: Org, severity: Mapping[str, Severity] | None = None) -> str:
    """The org as a Mermaid `flowchart TD`."""
    severity = severity or {}
    forest = spanning_forest(org)
    node = {pid: f"p{index}" for index, pid in enumerate(forest.order)}
    lines = [f"%% {mermaid_text(org.name)}", "flowchart TD"]
    lines.extend(f'    {node[pid]}["{_label(org[pid])}"]' for pid in forest.order)
    lines.extend(f"    {node[pid]} --> {node[report]}" for pid in forest.order for report in org.report_ids(pid))
    lines.extend(f"    {node[manager]} -.-> {node[report]}" for manager, report in org.dotted_lines())
    lines.extend(f"    {line}" for line in CLASS_DEFS)
    lines.extend(_class_statements(org, forest.order, node, severity))
    return "\n".join(lines) + "\n"


def _label(person: Person) -> str:
    role = person.display_role + (" (vacancy)" if person.vacancy else "")
    return f"{mermaid_text(person.name)}<br/><small>{mermaid_text(role)}</small>"


def _class_statements(org: Org, order: list[str], node: dict[str, str], severity: Mapping[str, Severity]) -> list[str]:
    members: dict[str, list[str]] = {}
    for pid in order:
        if pid in severity:
            members.setdefault(severity[pid].label, []).append(node[pid])
        if org[pid].vacancy:
            members.setdefault("vacancy", []).append(node[pid])
    return [f"    class {','.join(ids)} {name}" for name, ids in members.items()]
